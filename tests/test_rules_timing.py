"""Decisions that take time: a consortium consulting its practices before a decision (a month's delay, their
backing in referrals), and deadlines agreed under an agreement or at a meeting, met or missed at a month end."""

from __future__ import annotations

import pytest

from bigshire_game import bots
from bigshire_game.engine.game import new_game
from bigshire_game.rules import consultation, deadlines, decisions
from bigshire_game.state import GameState, Request, evolve, pair_key
from bigshire_game.vocabulary.moves import (
    ConsultPractices,
    DeliverDeadline,
    Rejection,
    SetDeadline,
    TakeDecision,
)
from handlers import through_handlers

EAST = "east_bigshire"
REWARD = "reward_practices"  # roles/east_bigshire.toml: its effects change practices' referrals


@pytest.fixture
def state(scenario) -> GameState:
    return new_game(scenario, 9)


def play(module, state, scenario, move):
    outcome = through_handlers(module, state, scenario, move, "turns")
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def refusal(module, state, scenario, move) -> str:
    outcome = through_handlers(module, state, scenario, move, "turns")
    assert isinstance(outcome, Rejection), f"{move!r} was accepted"
    assert outcome.reason.endswith("."), outcome.reason
    return outcome.code


def next_month(state, scenario):
    return evolve(state, turn=state.turn + 1, month_index=scenario.months.index(scenario.turns[state.turn + 1][0]))


# --- consulting practices -------------------------------------------------------------------------


def test_consulting_puts_the_decision_back_a_month(state, scenario):
    state, (consulted,) = play(consultation, state, scenario, ConsultPractices(actor=EAST, decision=REWARD))
    assert consulted.kind == "PracticesConsulted" and consulted.data["until"] == 1
    assert state.orgs[EAST].consultations == {REWARD: 1}
    assert refusal(decisions, state, scenario, TakeDecision(actor=EAST, decision=REWARD)) == "consulting"
    again = ConsultPractices(actor=EAST, decision=REWARD)
    assert refusal(consultation, state, scenario, again) == "already_consulted"


def test_a_decision_taken_after_consulting_comes_with_the_practices_backing(state, scenario):
    plain, _ = play(decisions, state, scenario, TakeDecision(actor=EAST, decision=REWARD))
    state, _ = play(consultation, state, scenario, ConsultPractices(actor=EAST, decision=REWARD))
    state, events = play(decisions, next_month(state, scenario), scenario, TakeDecision(actor=EAST, decision=REWARD))
    (taken,) = [e for e in events if e.kind == "DecisionTaken"]
    assert taken.data["consulted"] is True
    backed = [e for e in events if e.kind == "DemandChanged" and e.data.get("source") == f"consultation:{REWARD}"]
    assert [e.data["percent"] for e in backed] == [scenario.balance.consultation_referral_percent]
    assert state.orgs[EAST].referral_percent < plain.orgs[EAST].referral_percent


def test_only_an_organisation_with_member_practices_consults(state, scenario):
    move = ConsultPractices(actor="united_hospitals", decision="cut_beds")
    assert refusal(consultation, state, scenario, move) == "no_practices"
    assert list(consultation.legal(state, scenario, "united_hospitals")) == []


def test_nothing_to_consult_on_in_the_last_month(state, scenario):
    last = len(scenario.turns) - 1
    late = evolve(state, turn=last, month_index=scenario.months.index(scenario.turns[last][0]))
    assert refusal(consultation, late, scenario, ConsultPractices(actor=EAST, decision=REWARD)) == "no_time"


def test_a_collaborating_consortium_consults_before_what_touches_its_practices(state, scenario):
    judge = bots.judge(state, scenario, EAST, forecast=-20_000)
    reward = consultation.score_consult(judge, ConsultPractices(actor=EAST, decision=REWARD))
    decide = decisions.score_decision(judge, TakeDecision(actor=EAST, decision=REWARD))
    assert reward is not None and reward > decide > scenario.roles[EAST].bot.threshold
    assert consultation.score_consult(judge, ConsultPractices(actor=EAST, decision="hire_expertise")) is None
    west = bots.judge(state, scenario, "west_bigshire", forecast=-20_000)
    assert consultation.score_consult(west, ConsultPractices(actor="west_bigshire", decision=REWARD)) is None


# --- deadlines ---------------------------------------------------------------------------------------

PARTIES = ("east_bigshire", "north_vale", "southern_towns")


def _after_meeting(state: GameState) -> GameState:
    """East Bigshire's strategy meeting, held with North Vale and Southern Towns."""
    meeting = Request(
        id="R90", kind="meeting", source=EAST, to=PARTIES[1:], topic="strategy", status="closed",
        attending=PARTIES[1:], opened=state.month_index,
    )  # fmt: skip
    return evolve(state, requests={**state.requests, meeting.id: meeting})


def _set(state, scenario, due="2013-10"):
    move = SetDeadline(actor=EAST, what="an integrated plan", due=due, meeting="R90")
    state, (set_,) = play(deadlines, state, scenario, move)
    (deadline,) = state.deadlines.values()
    return state, set_, deadline


def test_a_meetings_convener_sets_a_deadline_for_everyone_who_came(state, scenario):
    state, set_, deadline = _set(_after_meeting(state), scenario)
    assert set_.kind == "DeadlineSet" and set_.audience == PARTIES
    assert (deadline.parties, deadline.due, deadline.status) == (PARTIES, scenario.months.index("2013-10"), "open")
    assert SetDeadline(actor=EAST, what="an integrated plan", due="2013-09", meeting="R90") not in list(
        deadlines.legal(state, scenario, EAST)
    )  # one deadline running per meeting


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (SetDeadline(actor="north_vale", what="a plan", due="2013-10", meeting="R90"), "not_convener"),
        (SetDeadline(actor=EAST, what="a plan", due="2013-06", meeting="R90"), "too_soon"),
        (SetDeadline(actor=EAST, what="a plan", due="October", meeting="R90"), "unknown_month"),
        (SetDeadline(actor=EAST, what=" ", due="2013-10", meeting="R90"), "nothing_due"),
        (SetDeadline(actor=EAST, what="a plan", due="2013-10"), "deadline_under"),
        (SetDeadline(actor=EAST, what="a plan", due="2013-10", agreement="west_bigshire_acute"), "not_a_party"),
    ],
)
def test_deadlines_the_rules_refuse(state, scenario, move, code):
    assert refusal(deadlines, _after_meeting(state), scenario, move) == code


def test_a_deadline_every_party_delivers_is_met_and_builds_trust(state, scenario):
    state, _, deadline = _set(_after_meeting(state), scenario)
    before = state.trust.get(pair_key(EAST, "north_vale"), 50)
    for party in PARTIES:
        state, (delivered,) = play(deadlines, state, scenario, DeliverDeadline(actor=party, deadline=deadline.id))
    assert delivered.data["waiting_for"] == ()
    again = DeliverDeadline(actor=EAST, deadline=deadline.id)
    assert refusal(deadlines, state, scenario, again) == "already_delivered"
    state, events = deadlines.check_deadlines(state, scenario, "resolution")
    assert events[0].kind == "DeadlineMet" and state.deadlines[deadline.id].status == "met"
    assert state.trust[pair_key(EAST, "north_vale")] == before + scenario.balance.deadline_met_trust


def test_a_deadline_missed_costs_those_who_delivered_their_trust_in_those_who_did_not(state, scenario):
    state, _, deadline = _set(_after_meeting(state), scenario)
    state, _ = play(deadlines, state, scenario, DeliverDeadline(actor=EAST, deadline=deadline.id))
    waiting, none = deadlines.check_deadlines(evolve(state, month_index=deadline.due - 1), scenario, "resolution")
    assert none == [] and waiting.deadlines[deadline.id].status == "open"
    before = state.trust.get(pair_key(EAST, "southern_towns"), 50)
    between_missing = state.trust.get(pair_key("north_vale", "southern_towns"), 50)
    state, events = deadlines.check_deadlines(evolve(state, month_index=deadline.due), scenario, "resolution")
    missed = events[0]
    assert missed.kind == "DeadlineMissed" and missed.data["missing"] == ("north_vale", "southern_towns")
    assert state.deadlines[deadline.id].status == "missed"
    assert state.trust[pair_key(EAST, "southern_towns")] == before + scenario.balance.deadline_missed_trust
    assert state.trust.get(pair_key("north_vale", "southern_towns"), 50) == between_missing
    late = DeliverDeadline(actor="north_vale", deadline=deadline.id)
    assert refusal(deadlines, state, scenario, late) == "deadline_closed"


def test_deadlines_under_an_agreement_bind_its_parties(state, scenario):
    agreement = "east_bigshire_community"
    assert state.agreements[agreement].status == "signed"
    move = SetDeadline(actor=EAST, what="an integrated plan", due="2013-12", agreement=agreement)
    state, (set_,) = play(deadlines, state, scenario, move)
    assert set_.data["parties"] == state.agreements[agreement].parties and set_.data["agreement"] == agreement


def test_bots_deliver_as_the_deadline_comes(state, scenario):
    state, _, deadline = _set(_after_meeting(state), scenario)
    move = DeliverDeadline(actor="north_vale", deadline=deadline.id)
    early = deadlines.score_deliver(bots.judge(state, scenario, "north_vale", forecast=0), move)
    due_turn = next(i for i, t in enumerate(scenario.turns) if scenario.months[deadline.due] in t)
    due = evolve(state, turn=due_turn, month_index=deadline.due)
    late = deadlines.score_deliver(bots.judge(due, scenario, "north_vale", forecast=0), move)
    assert late > scenario.roles["north_vale"].bot.threshold > early
