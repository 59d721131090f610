"""Effects, conditions and internal decisions on the built-in scenario."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.content.model import Condition, Effect
from bigshire_game.engine.game import new_game
from bigshire_game.rules import decisions, effects
from bigshire_game.rules.conditions import holds, metric_value
from bigshire_game.state import pair_key, replace_org
from bigshire_game.vocabulary.catalogue import CARE_PROVIDER_KINDS, EFFECT_FIELDS, EVENT_KINDS
from bigshire_game.vocabulary.causes import Cause
from bigshire_game.vocabulary.moves import TakeDecision


@pytest.fixture
def state(scenario):
    return new_game(scenario, 1)


def run(state, scenario, *effs, self_id=None, audience=()):
    return effects.apply_effects(state, scenario, effs, self_id, audience, "news", Cause.card("test"))


def money_in_play(state):
    """Balances less money created from outside: constant whatever moves between organisations."""
    return sum(org.balance for org in state.orgs.values()) - state.external_net


def test_every_kind_of_effect_is_handled():
    assert set(effects._APPLY) == set(EFFECT_FIELDS)


def test_targets_resolve_words_in_role_order(scenario):
    consortia = scenario.roles_of_kind("consortium")
    assert effects.targets(scenario, "consortium", None, ()) == consortia
    assert effects.targets(scenario, "self", "monitor", ()) == ("monitor",)
    assert effects.targets(scenario, "self", None, ()) == ()
    assert effects.targets(scenario, "audience", None, ("cqc", "nhscb")) == ("cqc", "nhscb")
    assert effects.targets(scenario, "everyone", None, ()) == tuple(scenario.roles)
    assert effects.targets(scenario, "united_hospitals", None, ()) == ("united_hospitals",)


def test_a_transfer_conserves_money(state, scenario):
    before = money_in_play(state)
    after, events = run(
        state, scenario, Effect(kind="transfer", payer="east_bigshire", payee="community_trust", amount=700)
    )
    assert after.orgs["east_bigshire"].balance == state.orgs["east_bigshire"].balance - 700
    assert after.orgs["community_trust"].balance == state.orgs["community_trust"].balance + 700
    assert money_in_play(after) == before and after.external_net == state.external_net
    (moved,) = events
    assert (
        moved.kind == "MoneyMoved"
        and moved.topics == ("money",)
        and set(moved.audience) == {"east_bigshire", "community_trust"}
    )


def test_outside_money_is_counted_as_created(state, scenario):
    after, events = run(state, scenario, Effect(kind="money", target="consortium", amount=-250, flow="legal fees"))
    assert after.external_net == state.external_net - 250 * 4
    assert money_in_play(after) == money_in_play(state)
    assert {e.data["flow"] for e in events} == {"legal fees"} and len(events) == 4


def test_quality_is_clamped_and_only_care_providers_have_it(state, scenario):
    after, events = run(state, scenario, Effect(kind="quality", target="everyone", amount=30))
    changed = {e.data["role"] for e in events}
    assert changed == {rid for rid, org in state.orgs.items() if org.kind in CARE_PROVIDER_KINDS}
    assert all(after.orgs[rid].quality == 100 for rid in changed if state.orgs[rid].quality >= 70)
    assert after.orgs["monitor"].quality == 0 and after.orgs["east_bigshire"].quality == 0


def test_trust_changes_each_pair_once_and_defaults_to_fifty(state, scenario):
    after, events = run(state, scenario, Effect(kind="trust", target="consortium", other="consortium", amount=-10))
    pairs = {e.data["between"] for e in events}
    assert len(pairs) == 6  # four consortia, each pair once
    key = pair_key("north_vale", "west_bigshire")
    assert key not in state.trust and after.trust[key] == 40
    assert (
        after.trust[pair_key("east_bigshire", "west_bigshire")]
        == state.trust[pair_key("east_bigshire", "west_bigshire")] - 10
    )


def test_demand_shifts_expand_kinds_and_expire(state, scenario):
    state = evolve(state, month_index=4)
    after, events = run(
        state, scenario, Effect(kind="demand", activity="ae", percent=5.0, target="consortium", months=3)
    )
    assert [(d.target, d.until) for d in after.demand] == [(c, 6) for c in scenario.roles_of_kind("consortium")]
    assert {e.kind for e in events} == {"DemandChanged"}
    everywhere, _ = run(state, scenario, Effect(kind="demand", activity="ae", percent=-2.0))
    assert [(d.target, d.until) for d in everywhere.demand] == [("", -1)]


def test_tariff_rule_and_cost_base(state, scenario):
    after, events = run(
        state,
        scenario,
        Effect(kind="tariff", activity="elective", percent=-1.5),
        Effect(kind="rule", setting="top_slice_percent", value=3),
        Effect(kind="cost_base", target="united_hospitals", percent=-5.0),
    )
    assert after.tariff["elective"] == round(1300 * 0.985)
    assert after.rules.top_slice_percent == 3.0 and isinstance(after.rules.top_slice_percent, float)
    assert after.orgs["united_hospitals"].cost_base == round(735000 * 0.95)
    assert [e.kind for e in events] == ["TariffChanged", "RuleChanged", "CostBaseChanged"]


def test_temporary_and_lasting_action_points(state, scenario):
    state = evolve(state, month_index=2)
    after, _ = run(state, scenario, Effect(kind="action_points", target="nhscb", amount=-1, months=2))
    org = after.orgs["nhscb"]
    assert org.action_points == state.orgs["nhscb"].action_points - 1 and org.ap_changes == ((-1, 3),)
    assert org.ap_base == state.orgs["nhscb"].ap_base
    after, _ = run(state, scenario, Effect(kind="action_points", target="nhscb", amount=-9))
    assert after.orgs["nhscb"].action_points == 0 and after.orgs["nhscb"].ap_base == 0


def test_agenda_concern_and_workload_feed_the_workload_metric(state, scenario):
    start = metric_value(state, scenario, "workload", "cqc")
    after, events = run(
        state,
        scenario,
        Effect(kind="agenda", regulator="cqc", target="united_hospitals", reason="Trolley waits."),
        Effect(kind="concern", source="healthwatch", target="cqc", topic="quality", text="Nobody answers."),
        Effect(kind="workload", target="cqc", amount=2),
    )
    assert metric_value(after, scenario, "workload", "cqc") == start + 4
    item = next(iter(after.agendas.values()))
    assert (item.regulator, item.subject, item.id[0]) == ("cqc", "united_hospitals", "G")
    request = next(iter(after.requests.values()))
    assert (request.kind, request.source, request.to, request.id[0]) == (
        "concern",
        "healthwatch",
        ("cqc",),
        "R",
    )
    assert [e.kind for e in events] == ["AgendaItemAdded", "ConcernRaised", "FigureAdjusted"]
    assert all(e.kind in EVENT_KINDS and e.topics for e in events)


def test_an_offer_lands_in_the_consortium_inbox(state, scenario):
    after, events = run(
        state,
        scenario,
        Effect(kind="offer", source="gp_federation", target="east_bigshire", contract="block", annual_value=900),
    )
    (agreement,) = [a for a in after.agreements.values() if a.id.startswith("A")]
    assert agreement.parties == ("east_bigshire", "gp_federation") and agreement.awaiting == ("east_bigshire",)
    assert agreement.status == "proposed" and agreement.proposer == "gp_federation"
    assert agreement.terms.activities == scenario.roles["gp_federation"].services and agreement.terms.months == 12
    assert agreement.conflict  # its owners include East Bigshire's practices
    assert events[0].kind == "AgreementProposed" and events[0].data["kind"] == "block"


def test_referrals_and_scheduled_cards(state, scenario):
    state = evolve(state, month_index=3)
    after, events = run(
        state,
        scenario,
        Effect(kind="referrals", target="north_vale", percent=-10.0),
        Effect(kind="card", card="bed_cuts_protest", after=2),
        Effect(kind="card", card="bed_cuts_protest", after=2),
    )
    assert after.orgs["north_vale"].referral_percent == round(state.orgs["north_vale"].referral_percent * 0.9, 2)
    assert events[0].data["referrals"] is True
    assert [(s.card, s.due) for s in after.scheduled] == [("bed_cuts_protest", 5)]


# --- conditions -------------------------------------------------------------------------


def test_metric_conditions_on_kinds_hold_if_any_organisation_passes(state, scenario):
    weak = replace_org(state, evolve(state.orgs["carewell"], quality=50))
    below_60 = Condition(metric="quality", of="private", below=60)
    assert holds(weak, scenario, below_60, None) and not holds(state, scenario, below_60, None)
    assert holds(
        state, scenario, Condition(metric="plan_credibility", of="self", below=40), "north_vale"
    )  # no plan yet
    assert holds(state, scenario, Condition(metric="balance", of="everyone", at_least=8000), None)
    ladder = evolve(state, ladders={"cqc_compliance|carewell": 2})
    on_ladder = Condition(metric="sanction_level", of="carewell", ladder="cqc_compliance", at_least=2)
    assert holds(ladder, scenario, on_ladder, None) and not holds(state, scenario, on_ladder, None)


def test_combined_rule_and_card_conditions(state, scenario):
    allowed = Condition(rule="below_tariff_allowed", equals=True)
    news = Condition(card="opening_news", published=True)
    assert not holds(state, scenario, allowed, None)
    assert holds(state, scenario, Condition(none_of=(allowed, news)), None)
    later = evolve(state, published={"opening_news": 1}, rules=state.rules.changed("below_tariff_allowed", True))
    assert holds(later, scenario, Condition(all_of=(allowed, news)), None)
    assert holds(later, scenario, Condition(any_of=(Condition(card="opening_news", published=False), news)), None)


# --- decisions --------------------------------------------------------------------------


def test_a_once_decision_is_refused_the_second_time_with_its_reason(state, scenario):
    move = TakeDecision(actor="united_hospitals", decision="cut_beds")
    assert decisions.check_decision(state, scenario, move) is None
    after, events = decisions.apply_decision(state, scenario, move, "providers")
    assert events[0].kind == "DecisionTaken" and events[0].topics == ("money", "quality")
    cut = next(
        e.percent
        for d in scenario.roles["united_hospitals"].decisions
        if d.id == "cut_beds"
        for e in d.effects
        if e.kind == "cost_base"
    )
    assert cut < 0 and after.orgs["united_hospitals"].cost_base == round(735000 * (1 + cut / 100))
    assert after.orgs["united_hospitals"].quality == state.orgs["united_hospitals"].quality - 6
    assert [s.card for s in after.scheduled] == ["bed_cuts_protest"]
    again = decisions.check_decision(after, scenario, move)
    assert again.code == "already_decided" and "Cut beds" in again.reason
    assert "cut_beds" not in {m.decision for m in decisions.legal(after, scenario, "united_hospitals")}


def test_a_decision_waits_for_its_condition(state, scenario):
    move = TakeDecision(actor="health_direct", decision="offer_discount")
    refused = decisions.check_decision(state, scenario, move)
    assert refused.code == "not_yet" and "prices below the national tariff are allowed" in refused.reason
    assert "offer_discount" not in {m.decision for m in decisions.legal(state, scenario, "health_direct")}
    allowed = evolve(state, rules=state.rules.changed("below_tariff_allowed", True))
    assert decisions.check_decision(allowed, scenario, move) is None
    _, events = decisions.apply_decision(allowed, scenario, move, "providers")
    assert events[-1].kind == "AgreementProposed" and events[-1].data["price_percent"] == 90.0


def test_unknown_and_repeatable_decisions(state, scenario):
    assert (
        decisions.check_decision(state, scenario, TakeDecision(actor="monitor", decision="cut_beds")).code
        == "unknown_decision"
    )
    role = scenario.roles["nhscb"]
    repeatable = evolve(
        scenario,
        roles={**scenario.roles, "nhscb": evolve(role, decisions=(evolve(role.decisions[0], once=False),))},
    )
    move = TakeDecision(actor="nhscb", decision="recruit_staff")
    after, _ = decisions.apply_decision(state, repeatable, move, "system")
    assert decisions.check_decision(after, repeatable, move) is None
    assert after.orgs["nhscb"].ap_base == state.orgs["nhscb"].ap_base + 1
