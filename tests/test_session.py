"""The session a front end talks to: seats, bots for the empty ones, undo within a turn, and replay."""

from __future__ import annotations

import pytest

from bigshire_game.clock import MonthClock
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import Rejection
from bigshire_game.session import BOT, CHECKPOINT, HANDED_BACK, TAKEN_OVER, Session, Undone
from bigshire_game.state import FACILITATOR, Terms
from bigshire_game.vocabulary.moves import AdjustFigure, EndTurn, ProposeAgreement, RaiseRequest, TakeDecision

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

    assert session.undo().move is not None
    assert session.state == after_offer
    assert session.moves_this_turn() == [OFFER]

    assert session.undo().move is not None
    assert session.state == turn_start
    assert session.moves == moves and session.events == events
    assert session.state.orgs["north_vale"].action_points == turn_start.orgs["north_vale"].action_points

    assert not session.undo()
    assert session.state == turn_start


def test_undo_with_nothing_to_undo_returns_false():
    fresh = Session(SCENARIO, SEED, seats=SEATS)
    assert not fresh.undo()  # not started
    fresh.run()
    before = fresh.state
    assert not fresh.undo()  # started, nothing played this turn
    assert fresh.state is before


def test_a_finished_turn_cannot_be_undone(session):
    played(session, OFFER)
    played(session, EndTurn(actor="north_vale"))
    assert session.actor == "united_hospitals" and session.seat == "bob"
    at_bobs_turn = session.state
    assert not session.undo()
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
    assert not session.undo()  # the refusals left nothing to undo


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
    assert reloaded.undo() == Undone(ASK) and reloaded.undo() == Undone(OFFER)
    assert reloaded.state == turn_start and not reloaded.undo()


# --- the table: facilitator interventions, checkpoints, takeovers -------------------------------------------

ADJUST = AdjustFigure(actor=FACILITATOR, role="north_vale", figure="balance", amount=-2000, reason="a late invoice")


def test_undo_never_takes_back_the_facilitators_intervention(session):
    played(session, OFFER)
    played(session, ADJUST)
    adjusted = session.state
    undone = session.undo()
    assert not undone and "facilitator" in undone.reason
    assert session.state is adjusted and session.moves[-1] == ADJUST


def test_the_facilitator_takes_back_its_own_last_intervention_only(session):
    played(session, OFFER)
    after_offer = session.state
    played(session, ADJUST)
    assert session.undo_intervention() == Undone(ADJUST)
    assert session.state == after_offer
    refused = session.undo_intervention()
    assert not refused and "move has been made" in refused.reason
    assert session.moves[-1] == OFFER


def test_undo_stops_at_a_checkpoint_and_a_checkpoint_never_points_past_the_log(session):
    played(session, OFFER)
    entry = session.checkpoint("after-offer")
    assert entry.after == len(session.moves) and entry.kind == CHECKPOINT
    undone = session.undo()
    assert not undone and "after-offer" in undone.reason
    assert session.moves[-1] == OFFER
    played(session, ASK)
    assert session.undo() == Undone(ASK)  # a move after the checkpoint can still be taken back
    assert all(e.after <= len(session.moves) for e in session.table)


def test_a_takeover_and_hand_back_are_logged_and_survive_a_reload(session):
    session.reseat("united_hospitals", FACILITATOR)
    assert session.seats["united_hospitals"] == FACILITATOR and session.taken_over("united_hospitals")
    reloaded = Session.replay(SCENARIO, SEED, session.seats, session.moves, table=session.table_state())
    assert reloaded.seats["united_hospitals"] == FACILITATOR
    assert reloaded.home_seat("united_hospitals") == "bob"  # the save knows whose seat it was
    reloaded.reseat("united_hospitals", reloaded.home_seat("united_hospitals"))
    assert reloaded.seats["united_hospitals"] == "bob"
    assert [e.kind for e in reloaded.table] == [TAKEN_OVER, HANDED_BACK]
    assert reloaded.game_id == session.game_id


def test_a_table_restored_onto_a_shorter_log_drops_what_lies_beyond_it(session):
    played(session, OFFER)
    session.checkpoint("late")
    shorter = Session.replay(SCENARIO, SEED, SEATS, session.moves[:-1], table=session.table_state())
    assert shorter.checkpoints == []


def test_a_resumed_clock_is_paused_at_the_time_it_had_left():
    now = [100.0]
    session = Session(SCENARIO, SEED, seats=SEATS, clock=MonthClock(now=lambda: now[0]))
    session.run()
    now[0] += 125
    table = session.table_state()
    assert table.clock.remaining == 20 * 60 - 125 and not table.clock.paused
    resumed = Session.replay(SCENARIO, SEED, SEATS, session.moves, table=table)
    assert resumed.clock.paused and round(resumed.clock.remaining()) == 20 * 60 - 125


def test_every_change_of_the_table_is_autosaved():
    seen: list[int] = []
    session = Session(SCENARIO, SEED, seats=SEATS, on_change=lambda s: seen.append(s.revision))
    session.run()
    session.checkpoint("start")
    session.reseat("north_vale", FACILITATOR)
    session.touch()
    assert seen == sorted(set(seen)) and len(seen) == 4


def test_the_debrief_tells_the_table_and_the_facilitators_adjustment_with_its_reason(session):
    from bigshire_game.debrief import Game, debrief_games, to_markdown, to_text

    played(session, ADJUST)
    session.reseat("united_hospitals", FACILITATOR)
    session.checkpoint("after-counter")
    session.reseat("united_hospitals", "bob")
    game = Game("tuesday", SEED, tuple(session.moves), tuple(session.table))
    markdown = to_markdown(debrief_games(SCENARIO, [game]))
    table = markdown.split("## At the table", 1)[1].split("## Month by month", 1)[0]
    assert "the facilitator took over United Hospitals" in table and "from bob" in table
    assert "checkpoint, “after-counter”" in table
    assert "handed United Hospitals back to bob" in table
    assert "a late invoice" in markdown
    assert "At the table" in to_text(debrief_games(SCENARIO, [game]))
