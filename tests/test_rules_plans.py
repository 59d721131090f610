"""Financial plans, their credibility, the plan deadline and transitional funding from the top-slice."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game import bots
from bigshire_game.engine.game import new_game
from bigshire_game.rules import plans
from bigshire_game.rules.economy import forecast
from bigshire_game.state import SchemeInvestment, pair_key, replace_org
from bigshire_game.vocabulary.moves import (
    AssessPlan,
    BidForFunding,
    CallPlanUnrealistic,
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
    assert submit(state, scenario, 3000, who="health_direct").code == "no_plans"
    assert submit(state, scenario, -1).code == "bad_savings"


def test_a_plan_after_the_deadline_month_is_late(state, scenario):
    deadline = scenario.months.index(scenario.info.rules.plan_deadline)
    _, (on_time,) = submit(evolve(state, month_index=deadline), scenario, 3000)
    _, (late,) = submit(evolve(state, month_index=deadline + 1), scenario, 3000)
    assert on_time.data["late"] is False and late.data["late"] is True
    state, _ = submit(state, scenario, 3000)
    _, (revised,) = submit(evolve(state, month_index=deadline + 1), scenario, 2000)
    assert revised.data["revised"] is True and revised.data["late"] is False  # a revision is never late


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


def test_those_without_a_plan_go_on_their_assessors_agenda_at_the_deadline(state, scenario):
    state, _ = submit(state, scenario, 3000)
    state, _ = submit(state, scenario, 15000, who="united_hospitals")
    before = next(i for i, months in enumerate(scenario.turns) if scenario.info.rules.plan_deadline in months)
    assert plans.plan_deadline(evolve(state, turn=before - 1), scenario, "resolution") == (
        evolve(state, turn=before - 1),
        [],
    )
    state, _ = plans.plan_deadline(evolve(state, turn=before), scenario, "resolution")
    on = {(i.regulator, i.ladder, i.subject) for i in state.agendas.values()}
    assert on == {
        ("nhscb", "nhscb_assurance", "north_vale"),
        ("nhscb", "nhscb_assurance", "southern_towns"),
        ("nhscb", "nhscb_assurance", "west_bigshire"),
        ("monitor", "monitor_enforcement", "community_trust"),
        ("monitor", "monitor_enforcement", "mental_health_ft"),
    }


# --- who submits, who judges ------------------------------------------------------------------


def judge(state, scenario, move):
    return through_handlers(plans, state, scenario, move, "system")


def test_content_decides_who_submits_plans_and_who_judges_them(scenario):
    """Consortia and the foundation trusts hold submit_plan; the Board judges the consortia's, Monitor the trusts'."""
    submitters = {rid for rid in scenario.roles if plans.submits_plans(scenario, rid)}
    assert submitters == {
        *scenario.roles_of_kind("consortium"),
        "united_hospitals",
        "community_trust",
        "mental_health_ft",
    }
    assert {rid: plans.plan_assessors(scenario, rid) for rid in submitters} == {
        rid: ("nhscb",) if scenario.roles[rid].kind == "consortium" else ("monitor",) for rid in submitters
    }
    assert plans.plan_assessors(scenario, "health_direct") == ()  # a private firm submits no plan


def test_a_trust_submits_its_recovery_plan_to_monitor_and_to_nobody_else(state, scenario):
    state, (submitted,) = submit(state, scenario, 15000, who="united_hospitals")
    assert submitted.audience == ("united_hospitals", "monitor") and submitted.data["submitter"] == "united_hospitals"
    assert state.orgs["united_hospitals"].plan_credibility == submitted.data["credibility"]
    assert not state.agendas  # submitting a plan, however weak, puts nobody on an agenda
    refusal = submit(state, scenario, 500, who="health_direct")
    assert refusal.code == "no_plans" and refusal.reason == "Health Direct does not submit financial plans."


@pytest.mark.parametrize(
    ("actor", "submitter", "code"),
    [
        ("monitor", "east_bigshire", "not_your_plan"),
        ("cqc", "east_bigshire", "no_power"),
        ("cqc", "united_hospitals", "no_power"),
        ("nhscb", "united_hospitals", "not_your_plan"),
        ("monitor", "health_direct", "no_plans"),
    ],
)
def test_only_a_plans_own_assessor_judges_it(state, scenario, actor, submitter, code):
    """Monitor and the CQC never judge a consortium's plan; the Board never judges a trust's."""
    state, _ = submit(state, scenario, 3000)
    state, _ = submit(state, scenario, 15000, who="united_hospitals")
    for move in (AssessPlan(actor=actor, submitter=submitter), CallPlanUnrealistic(actor=actor, submitter=submitter)):
        refusal = judge(state, scenario, move)
        assert isinstance(refusal, Rejection) and refusal.code == code, move
    assert not [m for m in plans.legal(state, scenario, "monitor") if getattr(m, "submitter", "") == "east_bigshire"]
    assert not [m for m in plans.legal(state, scenario, "cqc") if isinstance(m, AssessPlan | CallPlanUnrealistic)]


def test_a_plan_not_credible_goes_on_the_boards_agenda(state, scenario):
    refusal = judge(state, scenario, AssessPlan(actor="nhscb", submitter="north_vale"))
    assert refusal.code == "no_plan" and "North Vale" in refusal.reason
    state = replace_org(state, evolve(state.orgs["north_vale"], plan_credibility=30))
    state, (assessed, added) = judge(state, scenario, AssessPlan(actor="nhscb", submitter="north_vale"))
    assert assessed.data["verdict"] == "not credible" and assessed.audience == ("north_vale", "nhscb")
    assert added.data["ladder"] == "nhscb_assurance"
    again = judge(state, scenario, AssessPlan(actor="nhscb", submitter="north_vale"))
    assert again.code == "already_assessed"  # the same plan is judged once
    state = replace_org(state, evolve(state.orgs["north_vale"], plan_credibility=60, plan_assessed=False))  # revised
    _, events = judge(state, scenario, AssessPlan(actor="nhscb", submitter="north_vale"))
    assert [e.kind for e in events] == ["PlanAssessed"] and events[0].data["verdict"] == "credible"


def test_monitor_calls_a_trusts_hopeful_recovery_plan_unrealistic_in_public(state, scenario):
    """The trust promises more than looks realistic; Monitor judges it, then says so to the whole room, and the
    trust goes on its agenda with undertakings among the next steps. A new plan wipes the slate."""
    call = CallPlanUnrealistic(actor="monitor", submitter="united_hospitals")
    state, _ = submit(state, scenario, 45000, who="united_hospitals")
    assert judge(state, scenario, call).code == "not_assessed"
    state, (assessed, added) = judge(state, scenario, AssessPlan(actor="monitor", submitter="united_hospitals"))
    assert assessed.data["verdict"] == "not credible" and assessed.audience == ("united_hospitals", "monitor")
    assert (added.data["regulator"], added.data["ladder"]) == ("monitor", "monitor_enforcement")
    state = evolve(state, agendas={})  # say Monitor has since acted on that item
    state, (called, item) = judge(state, scenario, call)
    assert called.kind == "PlanCalledUnrealistic" and called.audience == () and called.topics == ("money",)
    realistic = plans.realistic_savings(state, scenario, "united_hospitals")
    assert (called.data["savings"], called.data["realistic"]) == (45000, realistic) and realistic < 45000
    assert (called.data["ladder"], called.data["level"]) == ("monitor_enforcement", 0)
    assert item.data["reason"] == "Financial plan called unrealistic in public"
    assert state.orgs["united_hospitals"].plan_unrealistic
    assert judge(state, scenario, call).code == "already_called"
    state, _ = submit(state, scenario, 15000, who="united_hospitals")
    assert not state.orgs["united_hospitals"].plan_unrealistic and judge(state, scenario, call).code == "not_assessed"


def test_a_plan_judged_credible_cannot_be_called_unrealistic(state, scenario):
    state = replace_org(state, evolve(state.orgs["mental_health_ft"], plan_credibility=70, plan_assessed=True))
    refusal = judge(state, scenario, CallPlanUnrealistic(actor="monitor", submitter="mental_health_ft"))
    assert refusal.code == "credible"
    assert not any(isinstance(m, CallPlanUnrealistic) for m in plans.legal(state, scenario, "monitor"))


def test_bots_resubmit_after_a_public_rebuke_and_monitor_calls_only_hopeful_plans(state, scenario):
    trust = bots.judge(state, scenario, "united_hospitals")
    honest, hopeful = (SubmitPlan(actor="united_hospitals", savings=s) for s in (15000, 45000))
    assert plans.KINDS[0].score(trust, honest) == 8.0  # a first plan is urgent, for a trust as for a consortium
    state, _ = submit(state, scenario, 45000, who="united_hospitals")
    state, _ = judge(state, scenario, AssessPlan(actor="monitor", submitter="united_hospitals"))
    call = CallPlanUnrealistic(actor="monitor", submitter="united_hospitals")
    assert bots.score(state, scenario, "monitor", call, jitter=0.0) == 5.0
    state, _ = judge(state, scenario, call)
    trust = bots.judge(state, scenario, "united_hospitals")
    assert plans.KINDS[0].score(trust, honest) == 6.0 > plans.KINDS[0].score(trust, hopeful) + 3
    state, _ = submit(state, scenario, 15000, who="united_hospitals")
    state, _ = judge(state, scenario, AssessPlan(actor="monitor", submitter="united_hospitals"))
    assert bots.score(state, scenario, "monitor", call, jitter=0.0) == 0.0  # honest, if short: no public rebuke


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
