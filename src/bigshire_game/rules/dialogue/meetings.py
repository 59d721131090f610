"""Meetings: called on a topic with a group the scenario's [routing] names, answered by each invitee, held
once everyone has had the chance to answer, building trust between those who came."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, Request, evolve, new_id
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import ConveneMeeting, RespondToMeeting
from .. import Outcome, refuse
from ..effects import change_trust
from .inbox import check_addressee, check_topic, open_request, put_request


def check_convene(state: GameState, scenario: Scenario, move: ConveneMeeting):
    if not move.invitees:
        return refuse("no_invitees", move, "Invite at least one organisation to the meeting.")
    if len(set(move.invitees)) != len(move.invitees):
        return refuse("invited_twice", move, "Each organisation is invited once.")
    for invitee in move.invitees:
        refusal = check_addressee(state, move, invitee)
        if refusal is not None:
            return refusal
    return check_topic(move, move.topic)


def apply_convene(state: GameState, scenario: Scenario, move: ConveneMeeting, phase: str) -> Outcome:
    mid, state = new_id(state, "R")
    state = put_request(
        state,
        Request(
            id=mid,
            kind="meeting",
            source=move.actor,
            to=move.invitees,
            topic=move.topic,
            text=move.text,
            opened=state.month_index,
        ),
    )
    return state, [
        event(
            state,
            phase,
            "MeetingConvened",
            (move.actor,),
            (move.actor, *move.invitees),
            (move.topic,),
            meeting=mid,
            by=move.actor,
            to=move.invitees,
            topic=move.topic,
            text=move.text,
        )
    ]


def check_respond(state: GameState, scenario: Scenario, move: RespondToMeeting):
    _, refusal = open_request(state, scenario, move, move.meeting, ("meeting",))
    return refusal


def apply_respond(state: GameState, scenario: Scenario, move: RespondToMeeting, phase: str) -> Outcome:
    """An answer can be changed until the meeting is held; the latest one counts."""
    meeting = state.requests[move.meeting]
    attending = tuple(r for r in meeting.attending if r != move.actor) + ((move.actor,) if move.attend else ())
    declined = tuple(r for r in meeting.declined if r != move.actor) + (() if move.attend else (move.actor,))
    state = put_request(state, evolve(meeting, attending=attending, declined=declined))
    return state, [
        event(
            state,
            phase,
            "RequestAnswered",
            (move.actor,),
            (meeting.source, move.actor),
            (meeting.topic,),
            request=meeting.id,
            kind="meeting",
            answered=True,
            attend=move.attend,
        )
    ]


def _ready(state: GameState, meeting: Request) -> bool:
    """A meeting is held once every invitee has answered, or has had a whole month's turn to: whatever the order of
    the phases, nobody is marked absent from a meeting they never had the chance to answer."""
    answered = set(meeting.attending) | set(meeting.declined)
    return state.month_index > meeting.opened or all(r in answered for r in meeting.to)


def hold_meetings(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: meetings whose invitees have all had the chance to answer take place with the convener and those
    who accepted; each pair trusts more."""
    events: list[Event] = []
    for meeting in [r for r in state.requests.values() if r.kind == "meeting" and r.status == "open"]:
        if not _ready(state, meeting):
            continue
        state = put_request(state, evolve(meeting, status="closed"))
        present = (meeting.source, *meeting.attending)
        silent = tuple(r for r in meeting.to if r not in meeting.attending and r not in meeting.declined)
        events.append(
            event(
                state,
                phase,
                "MeetingHeld",
                present,
                topics=(meeting.topic,),
                meeting=meeting.id,
                by=meeting.source,
                topic=meeting.topic,
                attendees=present,
                declined=meeting.declined,
                absent=silent,
                unanswered=True if not meeting.attending else None,
                inquorate=True if 2 * len(meeting.attending) < len(meeting.to) else None,
            )
        )
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                state, more = change_trust(
                    state, scenario, a, b, scenario.balance.meeting_trust, phase, Cause.meeting(meeting.id)
                )
                events += more
    return state, events
