"""Deadlines agreed between organisations: under an agreement they are party to, or as the outcome of a
meeting they held, organisations set something to deliver by a month (an integrated plan). Each party
delivers its part with an action; at a month end a deadline is met when every part is in, or missed when
its month has passed without them. Kept promises build trust; a missed deadline costs the parties that
did their part trust in those that did not.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..state import Agreement, Deadline, GameState, Request, evolve, new_id
from ..state.memo import last_seen
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from ..vocabulary.moves import DeliverDeadline, Move, SetDeadline
from ..vocabulary.words import month_label
from . import Handlers, Outcome, refuse
from .closures import last_month
from .effects import change_trust
from .registry import NOT_AT_ALL, Judge, MoveKind, handlers_of, no_fields, plain_fields
from .wording import names

_LIVE = ("agreed", "signed")  # agreements whose parties can set a deadline under them
# What a meeting on each topic most often agrees to deliver (the form lets a player say otherwise).
_OUTCOMES = {
    "strategy": "an integrated plan",
    "money": "a joint savings plan",
    "public": "a plan for involving patients and the public",
    "quality": "a joint quality improvement plan",
    "governance": "joint governance arrangements",
    "access": "a plan to bring waiting times down",
    "competition": "an agreed approach to tendering",
}
_SOON = 3  # months from now that a bot sets a deadline for


def held_meetings(state: GameState, role: str) -> Iterator[Request]:
    """Meetings held (closed) at which this organisation was present."""
    for r in _held(state.requests):
        if role in (r.source, *r.attending):
            yield r


@last_seen
def _held(requests: dict[str, Request]) -> tuple[Request, ...]:
    """Every meeting held, oldest first: asked about for each organisation at each look."""
    return tuple(r for r in requests.values() if r.kind == "meeting" and r.status == "closed")


def agreements_of(state: GameState, role: str) -> tuple[Agreement, ...]:
    """The agreements this organisation is a party to, in the order they were made, whatever their status."""
    return _by_party(state.agreements).get(role, ())


@last_seen
def _by_party(agreements: dict[str, Agreement]) -> dict[str, tuple[Agreement, ...]]:
    found: dict[str, list[Agreement]] = {}
    for agreement in agreements.values():
        for party in dict.fromkeys(agreement.parties):
            found.setdefault(party, []).append(agreement)
    return {party: tuple(found_) for party, found_ in found.items()}


def present_at(meeting: Request) -> tuple[str, ...]:
    return (meeting.source, *meeting.attending)


def _parties(state: GameState, move: SetDeadline) -> tuple[str, ...]:
    if move.agreement:
        agreement = state.agreements.get(move.agreement)
        return agreement.parties if agreement else ()
    meeting = state.requests.get(move.meeting)
    return present_at(meeting) if meeting and meeting.kind == "meeting" else ()


def check_set(state: GameState, scenario: Scenario, move: SetDeadline):
    if bool(move.agreement) == bool(move.meeting):
        return refuse("deadline_under", move, "Set a deadline under one agreement or one meeting held.")
    if move.agreement:
        agreement = state.agreements.get(move.agreement)
        if agreement is None or move.actor not in agreement.parties:
            return refuse("not_a_party", move, "You can set deadlines only under agreements you are party to.")
        if agreement.status not in _LIVE:
            return refuse("not_live", move, "That agreement is not agreed or in force.")
    else:
        meeting = state.requests.get(move.meeting)
        if meeting is None or meeting.kind != "meeting" or meeting.status != "closed":
            return refuse("no_meeting", move, "There is no such meeting held.")
        if move.actor != meeting.source:
            return refuse("not_convener", move, "Only the organisation that called the meeting records its outcome.")
    if len(_parties(state, move)) < 2:
        return refuse("nobody_else", move, "A deadline is agreed with at least one other organisation.")
    if not move.what.strip():
        return refuse("nothing_due", move, "Say what is to be delivered.")
    if move.due not in scenario.months:
        return refuse(
            "unknown_month", move, f'"{move.due}" is not a month of the game; write it as {scenario.months[-1]}.'
        )
    if scenario.months.index(move.due) <= last_month(state, scenario):
        return refuse("too_soon", move, "A deadline falls in a later month than this one.")
    taken = any(
        d.status == "open" and (d.agreement, d.meeting) == (move.agreement, move.meeting)
        for d in state.deadlines.values()
    )
    if taken:
        return refuse("already_set", move, "A deadline is already running under that agreement or meeting.")
    return None


def apply_set(state: GameState, scenario: Scenario, move: SetDeadline, phase: str) -> Outcome:
    did, state = new_id(state, "D")
    parties = _parties(state, move)
    deadline = Deadline(
        id=did,
        what=move.what.strip(),
        parties=parties,
        due=scenario.months.index(move.due),
        set_by=move.actor,
        agreement=move.agreement,
        meeting=move.meeting,
    )
    state = evolve(state, deadlines={**state.deadlines, did: deadline})
    return state, [
        event(
            state,
            phase,
            "DeadlineSet",
            (move.actor,),
            parties,
            ("strategy",),
            deadline=did,
            by=move.actor,
            parties=parties,
            what=deadline.what,
            due=deadline.due,
            agreement=move.agreement or None,
            meeting=move.meeting or None,
        )
    ]


def check_deliver(state: GameState, scenario: Scenario, move: DeliverDeadline):
    deadline = state.deadlines.get(move.deadline)
    if deadline is None or move.actor not in deadline.parties:
        return refuse("not_yours", move, "There is no such deadline of yours.")
    if deadline.status != "open":
        return refuse("deadline_closed", move, f"The deadline for {deadline.what} has already been {deadline.status}.")
    if move.actor in deadline.delivered:
        return refuse("already_delivered", move, f"You have already delivered your part of {deadline.what}.")
    return None


def apply_deliver(state: GameState, scenario: Scenario, move: DeliverDeadline, phase: str) -> Outcome:
    deadline = state.deadlines[move.deadline]
    deadline = evolve(deadline, delivered=(*deadline.delivered, move.actor))
    state = evolve(state, deadlines={**state.deadlines, deadline.id: deadline})
    return state, [
        event(
            state,
            phase,
            "DeadlineDelivered",
            (move.actor,),
            deadline.parties,
            ("strategy",),
            deadline=deadline.id,
            role=move.actor,
            parties=deadline.parties,
            what=deadline.what,
            due=deadline.due,
            waiting_for=tuple(p for p in deadline.parties if p not in deadline.delivered),
        )
    ]


def check_deadlines(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: a deadline with every part in is met; one whose month has passed without them is missed."""
    events: list[Event] = []
    balance = scenario.balance
    for deadline in list(state.deadlines.values()):
        if deadline.status != "open":
            continue
        missing = tuple(p for p in deadline.parties if p not in deadline.delivered)
        if missing and deadline.due > state.month_index:
            continue
        kind = "DeadlineMissed" if missing else "DeadlineMet"
        state = evolve(
            state, deadlines={**state.deadlines, deadline.id: evolve(deadline, status="missed" if missing else "met")}
        )
        more = {"delivered": deadline.delivered, "missing": missing} if missing else {}
        events.append(
            event(
                state,
                phase,
                kind,
                deadline.parties,
                deadline.parties,
                ("strategy",),
                deadline=deadline.id,
                parties=deadline.parties,
                what=deadline.what,
                due=deadline.due,
                **more,
            )
        )
        pairs = (
            [(a, b) for a in deadline.delivered for b in missing]
            if missing
            else [(a, b) for i, a in enumerate(deadline.parties) for b in deadline.parties[i + 1 :]]
        )
        amount = balance.deadline_missed_trust if missing else balance.deadline_met_trust
        for a, b in pairs:
            state, trust = change_trust(state, scenario, a, b, amount, phase, Cause.agreement())
            events += trust
    return state, events


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Parts of open deadlines to deliver; deadlines to set under live agreements and meetings it convened."""
    for deadline in state.deadlines.values():
        if deadline.status == "open" and role in deadline.parties and role not in deadline.delivered:
            yield DeliverDeadline(actor=role, deadline=deadline.id)
    if kinds is not None and "SetDeadline" not in kinds:
        return
    last = last_month(state, scenario)
    if last + 1 >= len(scenario.months):
        return
    due = scenario.months[min(last + _SOON, len(scenario.months) - 1)]
    for agreement in agreements_of(state, role):
        if agreement.status in _LIVE and agreement.is_alliance:
            move = SetDeadline(actor=role, what="an integrated plan", due=due, agreement=agreement.id)
            if check_set(state, scenario, move) is None:
                yield move
    for meeting in held_meetings(state, role):
        if meeting.source == role and meeting.opened >= last - 2:
            what = _OUTCOMES.get(meeting.topic, "an agreed plan")
            move = SetDeadline(actor=role, what=what, due=due, meeting=meeting.id)
            if check_set(state, scenario, move) is None:
                yield move


# --- words and bots -----------------------------------------------------------------------------------


def describe_set(state: GameState, scenario: Scenario, move: SetDeadline) -> str:
    parties = tuple(p for p in _parties(state, move) if p != move.actor)
    under = "under your agreement" if move.agreement else "as your meeting's outcome"
    return f"Agree with {names(scenario, parties)} {under}: {move.what} by {month_label(move.due)}"


def describe_deliver(state: GameState, scenario: Scenario, move: DeliverDeadline) -> str:
    deadline = state.deadlines.get(move.deadline)
    if deadline is None:
        return "Deliver your part"
    others = names(scenario, [p for p in deadline.parties if p != move.actor])
    return f"Deliver your part of {deadline.what} with {others}, due by {month_label(scenario.months[deadline.due])}"


def score_set(judge: Judge, move: SetDeadline) -> float | None:
    """Collaborators pin down what a strategy meeting or an alliance agreed."""
    collaborate = judge.weight("collaborate")
    meeting = judge.state.requests.get(move.meeting)
    if not collaborate or (meeting is not None and meeting.topic != "strategy"):
        return NOT_AT_ALL
    if any(d.set_by == judge.role and d.status == "open" for d in judge.state.deadlines.values()):
        return NOT_AT_ALL  # one promise at a time
    return 1.5 * collaborate + 1.0 * judge.settings.cooperation


def bound_set(judge: Judge) -> float:
    return 1.5 * judge.weight("collaborate") + 1.0 * judge.settings.cooperation


def score_deliver(judge: Judge, move: DeliverDeadline) -> float | None:
    """Collaborators deliver early; everyone else as the deadline comes, if an action is left over."""
    deadline = judge.state.deadlines.get(move.deadline)
    if deadline is None:
        return NOT_AT_ALL
    left = deadline.due - last_month(judge.state, judge.scenario)
    urgency = 2.5 if left <= 0 else (1.0 if left == 1 else 0.0)
    return 0.5 + judge.settings.cooperation + judge.weight("collaborate") + urgency


def bound_deliver(judge: Judge) -> float:
    return 0.5 + judge.settings.cooperation + judge.weight("collaborate") + 2.5


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=SetDeadline,
        check=check_set,
        apply=apply_set,
        legal=legal,
        family="plan",
        describe=describe_set,
        fields=plain_fields(
            ("what", "What is to be delivered", str), ("due", "Due by (a month of the game, year-month)", str)
        ),
        score=score_set,
        bound=bound_set,
    ),
    MoveKind(
        move=DeliverDeadline,
        check=check_deliver,
        apply=apply_deliver,
        legal=legal,
        family="plan",
        describe=describe_deliver,
        fields=no_fields,
        score=score_deliver,
        bound=bound_deliver,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)

__all__ = ["HANDLERS", "KINDS", "agreements_of", "check_deadlines", "held_meetings", "present_at"]
