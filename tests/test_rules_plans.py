"""Financial plans, their credibility, the plan deadline and transitional funding from the top-slice."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.engine.game import new_game
from bigshire_game.rules import plans
from bigshire_game.rules.economy import forecast
from bigshire_game.state import SchemeInvestment, pair_key, replace_org
from bigshire_game.vocabulary.moves import (
    BidForFunding,
    ChallengePlan,
    DecideFunding,
    Rejection,
    SubmitPlan,
)
from handlers import through_handlers


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move):
    return through_handlers(plans, state, scenario, move, "commissioners")


def submit(state, scenario, savings, reflects=False, who="east_bigshire"):
    return play(state, scenario, SubmitPlan(actor=who, savings=savings, reflects_needs_assessment=reflects))


def credibility(state, scenario, savings, reflects=False):
    state, _ = submit(state, scenario, savings, reflects)
    return state.orgs["east_bigshire"].plan_credibility


def money(state):
    return sum(org.balance for org in state.orgs.values())


def with_pool(state, amount):
    """The Board's top-slice as it stands after some months of allocations."""
    return replace_org(state, evolve(state.orgs["nhscb"], balance=amount))


# --- credibility ---------------------------------------------------------------------------


def test_more_identified_savings_against_the_gap_is_more_credible(state, scenario):
    assert forecast(state, scenario, "east_bigshire") < 0
    scores = [credibility(state, scenario, savings) for savings in (0, 1000, 2000, 3000)]
    assert scores == sorted(scores) and scores[0] < scores[-1]


def test_hopeful_savings_are_less_credible_than_honest_ones(state, scenario):
    identified = scenario.roles["east_bigshire"].finance.identified_savings
    honest = credibility(state, scenario, identified)
    gap = plans.savings_gap(state, scenario, "east_bigshire")
    assert credibility(state, scenario, gap) < honest
    _, parts = plans.credibility(state, scenario, "east_bigshire", gap, False)
    assert parts["hopeful"] < 0 and parts["realistic"] == round(1.5 * identified)


def test_schemes_invested_make_larger_savings_realistic(state, scenario):
    before = plans.realistic_savings(state, scenario, "east_bigshire")
    scheme = SchemeInvestment(
        id="S1", scheme="admission_avoidance", investor="east_bigshire", partners=(), invested=0, matures=4
    )
    state = evolve(state, schemes={"S1": scheme})
    assert plans.realistic_savings(state, scenario, "east_bigshire") > before


def test_the_needs_assessment_counts_only_with_the_wellbeing_board_behind_it(state, scenario):
    assert state.trust[pair_key("east_bigshire", "wellbeing_board")] < 60
    assert credibility(state, scenario, 3000, True) == credibility(state, scenario, 3000, False)
    trusted = evolve(state, trust={**state.trust, pair_key("east_bigshire", "wellbeing_board"): 60})
    assert (
        credibility(trusted, scenario, 3000, True)
        == credibility(trusted, scenario, 3000, False) + scenario.balance.plan_points_needs
    )


def test_analytics_capacity_adds_credibility(state, scenario):
    _, with_csu = plans.credibility(state, scenario, "east_bigshire", 3000, False)
    support = evolve(state.agreements["east_bigshire_support"], status="ended")
    without = evolve(state, agreements={**state.agreements, support.id: support})
    _, alone = plans.credibility(without, scenario, "east_bigshire", 3000, False)
    assert (with_csu["analytics"], alone["analytics"]) == (scenario.balance.plan_points_analytics, 0)


def test_submitting_a_plan_records_it_for_the_consortium_and_the_board(state, scenario):
    state, (submitted,) = submit(state, scenario, 3000, True)
    org = state.orgs["east_bigshire"]
    assert org.plan_savings == 3000 and 0 <= org.plan_credibility <= 100
    assert submitted.kind == "PlanSubmitted" and submitted.audience == ("east_bigshire", "nhscb")
    assert submitted.topics == ("money", "strategy")
    assert submitted.data["credibility"] == org.plan_credibility and submitted.data["late"] is False
    assert {"coverage", "analytics", "needs", "hopeful", "gap", "realistic"} <= set(submitted.data)
    assert submit(state, scenario, 3000, who="united_hospitals").code == "not_a_consortium"
    assert submit(state, scenario, -1).code == "bad_savings"


def test_a_plan_after_the_deadline_month_is_late(state, scenario):
    deadline = scenario.months.index(scenario.info.rules.plan_deadline)
    _, (on_time,) = submit(evolve(state, month_index=deadline), scenario, 3000)
    _, (late,) = submit(evolve(state, month_index=deadline + 1), scenario, 3000)
    assert on_time.data["late"] is False and late.data["late"] is True


def test_a_challenge_dents_credibility_and_trust(state, scenario):
    assert play(state, scenario, ChallengePlan(actor="west_bigshire", consortium="east_bigshire")).code == "no_plan"
    state, _ = submit(state, scenario, 3000)
    assert play(state, scenario, ChallengePlan(actor="east_bigshire", consortium="east_bigshire")).code == "own_plan"
    score = state.orgs["east_bigshire"].plan_credibility
    trust = state.trust[pair_key("east_bigshire", "west_bigshire")]
    state, events = play(state, scenario, ChallengePlan(actor="west_bigshire", consortium="east_bigshire"))
    assert state.orgs["east_bigshire"].plan_credibility == max(0, score - 10)
    assert state.trust[pair_key("east_bigshire", "west_bigshire")] == trust - 5
    assert [e.kind for e in events] == ["PlanChallenged", "TrustChanged"] and events[0].audience == ()


@pytest.mark.parametrize("regulator", ["monitor", "cqc", "nhscb"])
def test_regulators_do_not_challenge_consortia_plans(state, scenario, regulator):
    """Monitor and the CQC never judge a consortium's plan; the Board judges it only by assessing it."""
    state, _ = submit(state, scenario, 3000)
    refusal = play(state, scenario, ChallengePlan(actor=regulator, consortium="east_bigshire"))
    assert isinstance(refusal, Rejection) and refusal.code == "regulator"
    assert "does not challenge" in refusal.reason
    assert not any(isinstance(m, ChallengePlan) for m in plans.legal(state, scenario, regulator))


def test_consortia_without_a_plan_go_on_the_boards_agenda_at_the_deadline(state, scenario):
    state, _ = submit(state, scenario, 3000)
    before = next(i for i, months in enumerate(scenario.turns) if scenario.info.rules.plan_deadline in months)
    assert plans.plan_deadline(evolve(state, turn=before - 1), scenario, "resolution") == (
        evolve(state, turn=before - 1),
        [],
    )
    state, events = plans.plan_deadline(evolve(state, turn=before), scenario, "resolution")
    assert sorted(e.data["subject"] for e in events) == ["north_vale", "southern_towns", "west_bigshire"]
    assert all(i.regulator == "nhscb" and i.ladder == "nhscb_assurance" for i in state.agendas.values())


# --- transitional funding ---------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "code"), [(0, "bad_amount"), (10_001, "bad_amount")])
def test_bids_must_be_for_a_sensible_sum(state, scenario, amount, code):
    refusal = play(state, scenario, BidForFunding(actor="southern_towns", amount=amount))
    assert isinstance(refusal, Rejection) and refusal.code == code and "£10,000k" in refusal.reason


def bid(state, scenario, amount=4000):
    state, events = play(state, scenario, BidForFunding(actor="southern_towns", amount=amount))
    return state, events[0].data["bid"], events


def test_a_bid_waits_in_the_boards_inbox_and_on_its_agenda(state, scenario):
    state, request, events = bid(state, scenario)
    assert [e.kind for e in events] == ["FundingBid", "AgendaItemAdded"]
    assert events[0].audience == ("southern_towns", "nhscb")
    assert state.requests[request].kind == "funding" and state.requests[request].to == ("nhscb",)
    assert play(state, scenario, BidForFunding(actor="southern_towns", amount=100)).code == "bid_open"
    assert play(state, scenario, BidForFunding(actor="united_hospitals", amount=100)).code == "not_a_consortium"


def test_an_award_larger_than_the_pool_is_refused(state, scenario):
    state, request, _ = bid(with_pool(state, 3000), scenario)
    refusal = play(state, scenario, DecideFunding(actor="nhscb", bid=request, award=4000))
    assert refusal.code == "pool_too_small" and "£3,000k" in refusal.reason
    assert play(state, scenario, DecideFunding(actor="nhscb", bid=request, award=5000)).code == "bad_award"
    assert play(state, scenario, DecideFunding(actor="monitor", bid=request, award=0)).code == "no_power"


def test_funding_awards_conserve_money_and_answer_the_bid(state, scenario):
    state, request, _ = bid(with_pool(state, 6000), scenario)
    total, external = money(state), state.external_net
    consortium = state.orgs["southern_towns"].balance
    state, events = play(state, scenario, DecideFunding(actor="nhscb", bid=request, award=2500))
    assert money(state) == total and state.external_net == external
    assert state.orgs["southern_towns"].balance == consortium + 2500 and state.orgs["nhscb"].balance == 3500
    awarded = events[0]
    assert awarded.kind == "FundingAwarded" and awarded.audience == ()
    assert (awarded.data["requested"], awarded.data["awarded"]) == (4000, 2500)
    assert state.requests[request].status == "answered"
    assert all(item.status == "acted" for item in state.agendas.values())
    assert play(state, scenario, DecideFunding(actor="nhscb", bid=request, award=0)).code == "request_closed"


# --- legal moves --------------------------------------------------------------------------------


def test_legal_moves_for_plans_and_funding(state, scenario):
    consortium = list(plans.legal(state, scenario, "southern_towns"))
    submitted = sorted(m.savings for m in consortium if isinstance(m, SubmitPlan))
    assert submitted[0] == scenario.roles["southern_towns"].finance.identified_savings and len(submitted) == 2
    assert BidForFunding(actor="southern_towns", amount=2000) in consortium
    in_surplus = plans.legal(state, scenario, "west_bigshire")
    assert not any(isinstance(m, BidForFunding) for m in in_surplus)

    state, _, _ = bid(with_pool(state, 3000), scenario)
    state, _ = submit(state, scenario, 3000)
    board = list(plans.legal(state, scenario, "nhscb"))
    assert sorted(m.award for m in board if isinstance(m, DecideFunding)) == [0, 2000, 3000]
    assert not any(isinstance(m, ChallengePlan) for m in board)  # the Board judges plans by assessing them
    assert ChallengePlan(actor="wellbeing_board", consortium="east_bigshire") in plans.legal(
        state, scenario, "wellbeing_board"
    )
    assert not any(isinstance(m, ChallengePlan) for m in plans.legal(state, scenario, "east_bigshire"))
    for move in board + list(plans.legal(state, scenario, "north_vale")):
        assert not isinstance(play(state, scenario, move), Rejection)
