"""The session a front end talks to: seats, bots for the empty ones, undo within a turn, and replay."""

from __future__ import annotations

import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import Rejection
from bigshire_game.engine.moves import EndTurn, ProposeAgreement, RaiseRequest, TakeDecision
from bigshire_game.engine.state import Terms
from bigshire_game.session import BOT, Session

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 11
SEATS = {"north_vale": "alice", "united_hospitals": "bob"}
OFFER = ProposeAgreement(
    actor="north_vale",
    kind="block",
    parties=("health_direct",),
    terms=Terms(activities=("msk",), annual_value=1300),
)
ASK = RaiseRequest(actor="north_vale", to="nhscb", topic="money", text="Our forecast deficit needs the Board's help.")


@pytest.fixture
def session() -> Session:
    session = Session(SCENARIO, SEED, seats=SEATS)
    session.run()
    return session


def played(session: Session, move) -> list:
    outcome = session.play(move)
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.reason}"
    return outcome


def test_run_stops_at_the_first_human_turn_after_the_bots_before_it(session):
    assert session.actor == "north_vale" and session.seat == "alice"
    assert session.is_human("north_vale") and session.is_human("united_hospitals")
    assert not session.is_human("east_bigshire") and session.seats["east_bigshire"] == BOT
    # East Bigshire sits before North Vale and is a computer: it has played its turn.
    assert session.moves and {m.actor for m in session.moves} == {"east_bigshire"}
    assert session.moves[-1] == EndTurn(actor="east_bigshire")
    assert any(e.kind == "TurnEnded" and e.data["role"] == "east_bigshire" for e in session.events)
    assert session.moves_this_turn() == []
    assert session.legal() and all(m.actor == "north_vale" for m in session.legal())


def test_undo_takes_back_the_last_move_of_the_turn(session):
    turn_start = session.state
    moves, events = list(session.moves), list(session.events)
    played(session, OFFER)
    after_offer = session.state
    played(session, ASK)
    assert session.moves_this_turn() == [OFFER, ASK]

    assert session.undo() is True
    assert session.state == after_offer
    assert session.moves_this_turn() == [OFFER]

    assert session.undo() is True
    assert session.state == turn_start
    assert session.moves == moves and session.events == events
    assert session.state.orgs["north_vale"].action_points == turn_start.orgs["north_vale"].action_points

    assert session.undo() is False
    assert session.state == turn_start


def test_undo_with_nothing_to_undo_returns_false():
    fresh = Session(SCENARIO, SEED, seats=SEATS)
    assert fresh.undo() is False  # not started
    fresh.run()
    before = fresh.state
    assert fresh.undo() is False  # started, nothing played this turn
    assert fresh.state is before


def test_a_finished_turn_cannot_be_undone(session):
    played(session, OFFER)
    played(session, EndTurn(actor="north_vale"))
    assert session.actor == "united_hospitals" and session.seat == "bob"
    at_bobs_turn = session.state
    assert session.undo() is False
    assert session.state is at_bobs_turn
    assert any(m == OFFER for m in session.moves)


def test_a_refused_move_changes_nothing(session):
    state, moves, events = session.state, list(session.moves), list(session.events)
    for move, code in [
        (TakeDecision(actor="united_hospitals", decision="cut_beds"), "not_your_turn"),
        (
            ProposeAgreement(
                actor="north_vale", kind="tariff", parties=("health_direct",), terms=Terms(activities=("emergency",))
            ),
            "not_offered",
        ),
    ]:
        outcome = session.play(move)
        assert isinstance(outcome, Rejection) and outcome.code == code
        assert outcome.reason
        assert session.state is state
        assert session.moves == moves and session.events == events
        assert session.actor == "north_vale"
    assert session.undo() is False  # the refusals left nothing to undo


def test_changes_are_reported_to_the_front_end():
    seen: list[int] = []
    session = Session(SCENARIO, SEED, seats=SEATS, on_change=lambda s: seen.append(len(s.moves)))
    session.run()
    assert len(seen) == 1
    played(session, OFFER)
    session.undo()
    assert len(seen) == 3
    session.play(TakeDecision(actor="united_hospitals", decision="cut_beds"))  # refused: no change to report
    assert len(seen) == 3


def test_replay_of_the_move_log_reproduces_the_session(session):
    played(session, OFFER)
    played(session, EndTurn(actor="north_vale"))
    assert session.actor == "united_hospitals"
    played(session, TakeDecision(actor="united_hospitals", decision="cut_beds"))
    played(session, EndTurn(actor="united_hospitals"))
    assert session.actor == "north_vale" and session.state.turn == 1  # the bots played the rest of June
    played(session, ASK)

    again = Session.replay(SCENARIO, SEED, SEATS, session.moves)
    assert again.state == session.state
    assert again.moves == session.moves
    assert again.events == session.events
    assert again.actor == session.actor == "north_vale"

    # The replayed session carries on exactly like the original.
    played(session, EndTurn(actor="north_vale"))
    played(again, EndTurn(actor="north_vale"))
    assert session.actor == again.actor == "united_hospitals"
    assert again.state == session.state and again.events == session.events


def test_replay_refuses_a_log_that_does_not_fit_the_seed():
    with pytest.raises(ValueError, match="refused on replay"):
        Session.replay(SCENARIO, SEED, SEATS, [TakeDecision(actor="united_hospitals", decision="cut_beds")])


def test_after_a_reload_mid_turn_the_moves_already_made_this_turn_can_be_undone(session):
    turn_start = session.state
    played(session, OFFER)
    played(session, ASK)
    reloaded = Session.replay(SCENARIO, SEED, SEATS, session.moves)
    assert reloaded.state == session.state
    assert reloaded.moves_this_turn() == [OFFER, ASK]
    assert reloaded.undo() is True and reloaded.undo() is True
    assert reloaded.state == turn_start and reloaded.undo() is False
