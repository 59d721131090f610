"""Schemes: who may invest with whom, what it costs, and savings only after the lag."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.engine.game import new_game
from bigshire_game.rules import economy, schemes
from bigshire_game.state import pair_key, replace_org
from bigshire_game.state.chance import draw
from bigshire_game.vocabulary.moves import InvestInScheme


def seed_whose_first_roll(scenario, passes) -> int:
    """A seed whose first draw on the "schemes" stream satisfies `passes`, so outcomes are fixed, not luck."""
    return next(seed for seed in range(1000) if passes(draw(new_game(scenario, seed), "schemes")[0]))


def invest(state, scenario, actor, scheme, partners):
    move = InvestInScheme(actor=actor, scheme=scheme, partners=partners)
    assert schemes.check_invest(state, scenario, move) is None
    return schemes.apply_invest(state, scenario, move, "commissioners")


def test_a_scheme_without_a_partner_under_contract_is_refused(scenario):
    state = new_game(scenario, 1)
    # North Vale buys musculoskeletal care from the community trust: no private firm is under contract
    refusal = schemes.check_invest(
        state, scenario, InvestInScheme(actor="north_vale", scheme="msk_pathway", partners=("health_direct",))
    )
    assert refusal.code == "no_contract" and "Health Direct" in refusal.reason
    missing = schemes.check_invest(state, scenario, InvestInScheme(actor="north_vale", scheme="msk_pathway"))
    assert missing.code == "missing_partner"
    assert "msk_pathway" not in {m.scheme for m in schemes.legal(state, scenario, "north_vale")}


@pytest.mark.parametrize(
    ("actor", "scheme", "partners", "code"),
    [
        ("united_hospitals", "admission_avoidance", ("community_trust",), "not_a_commissioner"),
        ("east_bigshire", "moonshot", (), "unknown_scheme"),
        ("east_bigshire", "admission_avoidance", ("health_direct",), "wrong_partner"),
        ("east_bigshire", "early_discharge", ("community_trust", "community_trust"), "wrong_partners"),
        ("east_bigshire", "early_discharge", ("community_trust",), "missing_partner"),
        ("east_bigshire", "prevention", ("community_trust",), "wrong_partner"),
    ],
)
def test_investments_are_checked(scenario, actor, scheme, partners, code):
    refusal = schemes.check_invest(
        new_game(scenario, 1), scenario, InvestInScheme(actor=actor, scheme=scheme, partners=partners)
    )
    assert refusal.code == code and refusal.reason.endswith(".")


def test_the_board_stops_a_consortium_deep_in_deficit(scenario):
    state = new_game(scenario, 1)
    broke = replace_org(state, evolve(state.orgs["east_bigshire"], balance=-49_500))
    refusal = schemes.check_invest(broke, scenario, InvestInScheme(actor="east_bigshire", scheme="prevention"))
    assert refusal.code == "board_refuses" and refusal.reason.startswith("Your board would not allow it")


def test_investment_pays_partners_and_conserves_money(scenario):
    state = new_game(scenario, 1)
    total = sum(o.balance for o in state.orgs.values())
    after, events = invest(state, scenario, "east_bigshire", "early_discharge", ("community_trust", "health_direct"))
    assert after.orgs["east_bigshire"].balance == state.orgs["east_bigshire"].balance - 1500
    paid = {e.data["payee"]: e.data["amount"] for e in events if e.kind == "MoneyMoved" and "payee" in e.data}
    assert paid == {"community_trust": 750, "health_direct": 750}
    spent = {e.data["role"]: e.data["amount"] for e in events if e.data.get("flow") == "scheme delivery costs"}
    assert spent == {"community_trust": -675, "health_direct": -675}  # partners spend most of it delivering
    assert after.orgs["community_trust"].balance == state.orgs["community_trust"].balance + 75  # their margin
    assert after.orgs["health_direct"].balance == state.orgs["health_direct"].balance + 75
    assert (
        sum(o.balance for o in after.orgs.values()) == total - 1350 and after.external_net == state.external_net - 1350
    )
    (investment,) = after.schemes.values()
    assert (investment.status, investment.invested, investment.matures) == ("maturing", 0, 3)
    assert events[0].kind == "SchemeInvested" and set(events[0].topics) == {"quality", "money"}
    assert (
        schemes.check_invest(
            after,
            scenario,
            InvestInScheme(
                actor="east_bigshire", scheme="early_discharge", partners=("community_trust", "health_direct")
            ),
        ).code
        == "already_invested"
    )


def test_a_scheme_without_partners_is_paid_outside_the_county(scenario):
    state = new_game(scenario, 1)
    after, events = invest(state, scenario, "east_bigshire", "prevention", ())
    assert after.external_net == state.external_net - 1000
    assert events[-1].data["flow"] == "scheme delivery"


def test_a_scheme_saves_nothing_before_its_lag_and_cuts_emergency_units_after(scenario):
    seed = seed_whose_first_roll(scenario, lambda roll: roll >= 0.5)
    state, _ = invest(new_game(scenario, seed), scenario, "east_bigshire", "admission_avoidance", ("community_trust",))
    lag = scenario.schemes["admission_avoidance"].lag_months
    provider = "united_hospitals"
    for month in range(lag):
        before = economy.units(state, scenario, "east_bigshire", "emergency", month, provider)
        state, events = schemes.mature_schemes(state, scenario, month, "resolution")
        assert events == [] and state.rng.get("schemes", 0) == 0
        assert economy.units(state, scenario, "east_bigshire", "emergency", month, provider) == before
    quality = state.orgs["community_trust"].quality
    before = economy.units(state, scenario, "east_bigshire", "emergency", lag, provider)
    state, events = schemes.mature_schemes(state, scenario, lag, "resolution")
    released = events[0]
    assert released.kind == "SchemeSavingsReleased" and released.data["roll"] >= released.data["chance"] == 0.05
    assert next(iter(state.schemes.values())).status == "delivering"
    after = economy.units(state, scenario, "east_bigshire", "emergency", lag, provider)
    assert after == pytest.approx(before * 0.96)
    assert state.orgs["community_trust"].quality == quality + 2
    assert economy.units(state, scenario, "west_bigshire", "emergency", lag, provider) == economy.units(
        new_game(scenario, seed), scenario, "west_bigshire", "emergency", lag, provider
    )  # only the investor's population benefits


def test_a_weak_distrusted_partner_makes_failure_likelier(scenario):
    seed = seed_whose_first_roll(scenario, lambda roll: 0.05 <= roll < 0.35)
    state, _ = invest(new_game(scenario, seed), scenario, "east_bigshire", "admission_avoidance", ("community_trust",))
    state = replace_org(state, evolve(state.orgs["community_trust"], quality=55))
    state = evolve(state, trust={**state.trust, pair_key("east_bigshire", "community_trust"): 30})
    state, events = schemes.mature_schemes(state, scenario, 4, "resolution")
    (failed,) = events
    assert failed.kind == "SchemeFailed" and failed.data["chance"] == 0.35 and failed.data["roll"] < 0.35
    assert next(iter(state.schemes.values())).status == "failed"
    before = economy.units(state, scenario, "east_bigshire", "emergency", 4, "united_hospitals")
    assert before == economy.units(
        new_game(scenario, seed), scenario, "east_bigshire", "emergency", 4, "united_hospitals"
    )


def test_legal_offers_each_scheme_once_with_every_partner_under_contract(scenario):
    state = new_game(scenario, 1)
    moves = {m.scheme: m.partners for m in schemes.legal(state, scenario, "east_bigshire")}
    assert moves == {
        "admission_avoidance": ("community_trust",),
        "early_discharge": ("community_trust", "health_direct"),
        "prevention": (),
        "msk_pathway": ("health_direct",),
        "referral_analytics": ("bigshire_csu",),
        "crisis_liaison": ("mental_health_ft",),
    }
    assert list(schemes.legal(state, scenario, "united_hospitals")) == []
