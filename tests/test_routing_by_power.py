"""Oversight reaches whoever holds the power, whatever it is called: in the Dales (no Board, one economic
regulator) a challenged conflict of interest, a contract rolled over at the deadline and the top-slice go to the
organisation whose powers and ladders say it answers for them, and a plan follows the priorities of whoever the
routing lets ask for a commitment, not an organisation of a named kind."""

from __future__ import annotations

from pathlib import Path

from attrs import evolve

from bigshire_game.content import load_scenario
from bigshire_game.content.model import CommitmentRoute
from bigshire_game.engine import apply, new_game
from bigshire_game.rules import agreements, economy
from bigshire_game.rules.plans.credibility import shares_needs_assessment
from bigshire_game.state import GameState
from bigshire_game.vocabulary.moves import ChallengeConflict

DALES = load_scenario(Path(__file__).parent / "data" / "dales")
REGULATOR = "fair_market_office"


def _with_role(scenario, rid, **changes):
    return evolve(scenario, roles={**scenario.roles, rid: evolve(scenario.roles[rid], **changes)})


def _agenda(state: GameState) -> set[tuple[str, str, str]]:
    return {(item.regulator, item.subject, item.kind) for item in state.agendas.values()}


def test_an_upheld_conflict_goes_to_the_body_that_assesses_plans_whatever_its_kind():
    # the regulator made another kind of body: only its power says it holds organisations to account
    renamed = _with_role(DALES, REGULATOR, kind="cqc")
    state = new_game(renamed, 3)
    state = evolve(
        state,
        started=True,
        queue=("swift_care",),
        agreements={**state.agreements, "upper_infirmary": evolve(state.agreements["upper_infirmary"], conflict=True)},
    )
    outcome = apply(state, renamed, ChallengeConflict(actor="swift_care", agreement="upper_infirmary"))
    state, events = outcome
    assert events[0].kind == "ConflictChallenged" and events[0].data["upheld"] is True
    assert (REGULATOR, "upper_dale", "conflict") in _agenda(state)


def test_a_contract_rolled_over_goes_to_the_body_whose_ladder_covers_the_commissioner():
    def rolled(scenario) -> set[tuple[str, str, str]]:
        state = new_game(scenario, 3)
        state = evolve(state, rules=evolve(state.rules, contract_deadline=scenario.months[3]))
        state, events = agreements.month_end(state, scenario, 3, "month_end")
        assert {e.data["agreement"] for e in events if e.kind == "ContractRolledOver"} == set(state.agreements)
        return {item for item in _agenda(state) if item[2] == "unsigned_contract"}

    assert rolled(DALES) == set()  # the regulator's ladder covers only providers: nobody oversees the consortia
    (ladder,) = DALES.ladders.values()
    covering = evolve(
        DALES, info=evolve(DALES.info, ladders=(evolve(ladder, applies_to=(*ladder.applies_to, "consortium")),))
    )
    assert rolled(covering) == {
        (REGULATOR, "lower_dale", "unsigned_contract"),
        (REGULATOR, "upper_dale", "unsigned_contract"),
    }


def test_the_top_slice_goes_to_the_holder_of_the_power_to_award_funding():
    def regulator_income(scenario) -> int:
        state = new_game(scenario, 3)
        state = evolve(state, rules=evolve(state.rules, top_slice_percent=2.0))
        state, _ = economy.resolve_month(state, scenario, 0, "month_end")
        return state.orgs[REGULATOR].income[-1]

    awarding = _with_role(DALES, REGULATOR, powers=(*DALES.roles[REGULATOR].powers, "award_funding"))
    held = sum(round(DALES.roles[c].finance.annual_allocation * 0.02 / 12) for c in ("lower_dale", "upper_dale"))
    assert held > 0
    assert regulator_income(awarding) - regulator_income(DALES) == held


def test_a_plan_shares_the_priorities_of_whoever_content_lets_ask_for_a_commitment():
    state = new_game(DALES, 3)
    committed = {**state.orgs, "upper_dale": evolve(state.orgs["upper_dale"], committed_to=(REGULATOR,))}
    state = evolve(state, orgs=committed)
    assert not shares_needs_assessment(state, DALES, "upper_dale")  # no wellbeing board, no route: nobody to follow
    route = CommitmentRoute(by=("monitor",), to=("consortium",), priority="prevention")
    routed = evolve(DALES, info=evolve(DALES.info, routing=evolve(DALES.routing, commitments=(route,))))
    assert shares_needs_assessment(state, routed, "upper_dale")
