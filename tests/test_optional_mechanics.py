"""Mechanics a scenario may leave out or shape: rule settings as one typed value, plans only where a plan
deadline is set, contracts running past the game, moves offered only to holders of their power, and routes to
every organisation that can answer."""

from __future__ import annotations

import attrs
import pytest
from attrs import evolve

from bigshire_game.content import read_scenario
from bigshire_game.content.model import ConcernRoute, Effect, RequestRoute, Routing
from bigshire_game.engine import apply, check, legal_moves, new_game
from bigshire_game.engine.game import move_kinds
from bigshire_game.narrative import sentence
from bigshire_game.rules.effects import apply_effects
from bigshire_game.saves.record import unstructure
from bigshire_game.simulate import play
from bigshire_game.state import GameState
from bigshire_game.vocabulary.catalogue import POWERS, RULE_SETTINGS
from bigshire_game.vocabulary.causes import Cause
from bigshire_game.vocabulary.events import event
from bigshire_game.vocabulary.moves import ChallengePlan, RaiseConcern, RaiseRequest
from bigshire_game.vocabulary.settings import RuleSettings


def _with_rules(scenario, **changes):
    return evolve(scenario, info=evolve(scenario.info, rules=evolve(scenario.info.rules, **changes)))


def _at_turn_of(state: GameState, role: str) -> GameState:
    """The state with `role` acting, as the menus see it."""
    return evolve(state, started=True, queue=(role,))


# --- rule settings ---------------------------------------------------------------------------------


def test_rule_settings_are_one_typed_value_whose_names_and_types_the_catalogue_derives():
    assert list(RULE_SETTINGS) == [f.name for f in attrs.fields(RuleSettings)]
    assert RULE_SETTINGS["top_slice_percent"] is float and RULE_SETTINGS["plan_deadline"] is str
    rules = RuleSettings().changed("top_slice_percent", 3)
    assert rules.top_slice_percent == 3.0 and isinstance(rules.top_slice_percent, float)
    with pytest.raises(TypeError):
        rules.changed("below_tariff_allowed", "yes")
    with pytest.raises(KeyError):
        rules.changed("no_such_setting", 1)


def test_a_save_writes_every_setting_in_order_and_leaves_out_a_deadline_not_set(scenario):
    written = unstructure(new_game(scenario, 1))["rules"]
    assert list(written) == list(RULE_SETTINGS)
    without = unstructure(new_game(_with_rules(scenario, plan_deadline=None), 1))["rules"]
    assert "plan_deadline" not in without and without["contract_deadline"] == scenario.info.rules.contract_deadline


# --- plans only where a plan deadline is set -------------------------------------------------------


def test_without_a_plan_deadline_no_plan_is_submitted_judged_or_challenged(scenario):
    planless = _with_rules(scenario, plan_deadline=None)
    state = new_game(planless, 1)
    plan_kinds = {"SubmitPlan", "AssessPlan", "CallPlanUnrealistic", "ChallengePlan"}
    for role in planless.roles:
        offered = {m.name for m in legal_moves(_at_turn_of(state, role), planless, role)}
        assert not offered & plan_kinds, role
    game = play(planless, 2, turns=5)
    assert not [e for e in game.events if e.kind in ("PlanSubmitted", "PlanAssessed")]
    assert all(org.plan_credibility < 0 for org in game.state.orgs.values())


def test_a_scenario_may_leave_both_deadlines_out(scenario_copy):
    root = scenario_copy()
    path = root / "content" / "scenario.toml"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(("plan_deadline", "contract_deadline"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded, diagnostics = read_scenario(root)
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert loaded.info.rules.plan_deadline is None and loaded.info.rules.contract_deadline is None
    game = play(loaded, 3, turns=3)
    assert game.state.rules.contract_deadline is None


# --- a contract may end after the game -------------------------------------------------------------


def test_a_contract_ending_after_the_game_is_paid_to_the_end_and_never_ends(scenario_copy):
    root = scenario_copy()
    path = root / "roles" / "east_bigshire.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('ends = "2014-03"', 'ends = "2015-03"'), "utf-8")
    loaded, diagnostics = read_scenario(root)
    assert diagnostics == []
    state = new_game(loaded, 1)
    late = [a for a in state.agreements.values() if a.commissioner == "east_bigshire" and a.ends >= len(loaded.months)]
    assert late and all(a.ends == len(loaded.months) - 1 + 9 for a in late)
    game = play(loaded, 4)
    ended = {e.data.get("agreement") for e in game.events if e.kind in ("AgreementEnded", "ContractRolledOver")}
    assert not ended & {a.id for a in late}
    assert all(game.state.agreements[a.id].status == "signed" for a in late)


# --- powers ----------------------------------------------------------------------------------------


def test_every_kind_needing_a_power_names_one_the_catalogue_knows(scenario):
    powered = {name: kind.power for name, kind in move_kinds().items() if kind.power}
    assert set(powered.values()) <= set(POWERS)
    assert powered["ChallengePlan"] == "scrutinise" and powered["DecideReview"] == "review_competition"


def test_a_plan_is_challenged_only_by_those_who_scrutinise_in_public(scenario):
    state = new_game(scenario, 1)
    planned = {**state.orgs, "west_bigshire": evolve(state.orgs["west_bigshire"], plan_credibility=50)}
    state = evolve(state, orgs=planned)
    challengers = {
        role
        for role in scenario.roles
        if any(isinstance(m, ChallengePlan) for m in legal_moves(_at_turn_of(state, role), scenario, role))
    }
    assert challengers == {r for r, role in scenario.roles.items() if "scrutinise" in role.powers}
    refused = check(
        _at_turn_of(state, "east_bigshire"), scenario, ChallengePlan(actor="east_bigshire", consortium="west_bigshire")
    )
    assert refused is not None and refused.code == "no_power"
    allowed = _at_turn_of(state, "healthwatch")
    assert not isinstance(
        apply(allowed, scenario, ChallengePlan(actor="healthwatch", consortium="west_bigshire")), type(refused)
    )


# --- routes reach every organisation that can answer -----------------------------------------------


def test_a_route_by_power_reaches_every_holder_of_the_power(scenario):
    roles = dict(scenario.roles)
    roles["cqc"] = evolve(roles["cqc"], powers=(*roles["cqc"].powers, "rule"))
    routing = Routing(
        requests=(RequestRoute(topic="money", to_power="rule", setting="below_tariff_allowed"),),
        concerns=(ConcernRoute(about=("acute",), topic="quality", to_power="inspect"),),
    )
    shaped = evolve(scenario, roles=roles, info=evolve(scenario.info, routing=routing))
    state = _at_turn_of(new_game(shaped, 1), "east_bigshire")
    moves = legal_moves(state, shaped, "east_bigshire")
    assert {m.to for m in moves if isinstance(m, RaiseRequest) and m.setting} == {"monitor", "cqc"}
    assert {m.to for m in moves if isinstance(m, RaiseConcern)} == {"cqc"}


# --- the rule in force holds for every route -------------------------------------------------------


def test_a_cards_offer_below_the_tariff_is_made_at_the_tariff_while_discounts_are_not_allowed(scenario):
    offer = Effect(
        kind="offer", source="health_direct", target="west_bigshire", contract="tariff", activities=("msk",),
        annual_value=1300, price_percent=88.0,
    )  # fmt: skip
    state = new_game(scenario, 1)
    assert state.rules.below_tariff_allowed is False
    for allowed, price in ((False, 100.0), (True, 88.0)):
        rules = state.rules.changed("below_tariff_allowed", allowed)
        after, events = apply_effects(
            evolve(state, rules=rules), scenario, (offer,), None, (), "news", Cause.facilitator()
        )
        proposed = [e for e in events if e.kind == "AgreementProposed"]
        assert [e.data["price_percent"] for e in proposed] == [price]
        assert after.agreements[proposed[0].data["agreement"]].terms.price_percent == price
        told = sentence(scenario, proposed[0])
        assert ("88% of tariff" in told) is allowed, told


def test_a_contract_signed_off_the_tariff_says_its_price(scenario):
    signed = event(
        new_game(scenario, 1), "news", "ContractSigned", ("west_bigshire", "health_direct"),
        agreement="A9", kind="tariff", annual_value=1300, price_percent=92.0, starts=3,
    )  # fmt: skip
    assert "at 92% of tariff" in sentence(scenario, signed)
    at_tariff = event(
        new_game(scenario, 1), "news", "ContractSigned", ("west_bigshire", "health_direct"),
        agreement="A9", kind="tariff", annual_value=1300, price_percent=100.0, starts=3,
    )  # fmt: skip
    assert "% of tariff" not in sentence(scenario, at_tariff)
