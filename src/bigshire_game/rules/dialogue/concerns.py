"""Concerns: one organisation's worry about another, told to whoever the scenario's [routing] sends it to; a
concern to a regulator also lands on its agenda."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, Request, new_id
from ...vocabulary.catalogue import REGULATOR_KINDS, TOPICS
from ...vocabulary.events import event
from ...vocabulary.moves import RaiseConcern
from .. import Outcome, agenda, name_of, refuse
from .inbox import check_addressee, check_topic, first_refusal, put_request


def check_concern(state: GameState, scenario: Scenario, move: RaiseConcern):
    if move.about not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {move.about}.")
    return first_refusal(check_addressee(state, move, move.to), check_topic(move, move.topic))


def apply_concern(state: GameState, scenario: Scenario, move: RaiseConcern, phase: str) -> Outcome:
    """A concern to a regulator also lands on its agenda, on the ladder that fits the organisation."""
    rid, state = new_id(state, "R")
    state = put_request(
        state,
        Request(
            id=rid,
            kind="concern",
            source=move.actor,
            to=(move.to,),
            about=move.about,
            topic=move.topic,
            text=move.text,
            opened=state.month_index,
        ),
    )
    events = [
        event(
            state,
            phase,
            "ConcernRaised",
            (move.actor,),
            tuple(dict.fromkeys((move.actor, move.to, move.about))),
            (move.topic,),
            request=rid,
            by=move.actor,
            to=(move.to,),
            about=move.about,
            topic=move.topic,
            text=move.text,
        )
    ]
    regulator = state.orgs[move.to].kind
    if regulator in REGULATOR_KINDS:
        ladder = agenda.ladder_for(scenario, regulator, state.orgs[move.about].kind)
        reason = move.text or f"Concern from {name_of(scenario, move.actor)} about {TOPICS[move.topic].split(',')[0]}"
        state, more = agenda.add_agenda_item(
            state, phase, "concern", move.to, move.about, reason, ladder.id if ladder else "", (move.topic,)
        )
        events += more
    return state, events
