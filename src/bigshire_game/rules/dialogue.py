"""Dialogue: concerns, requests and meetings, the talk between organisations that
builds or wears down trust and fills regulators' agendas.

Requests wait in their addressees' inboxes until answered or until they lapse;
meetings convened in a month are held at its end with whoever agreed to come.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import cache

from ..content import Scenario
from ..state import GameState, Request, evolve, new_id, pair_key
from ..state.memo import last_seen
from ..vocabulary.catalogue import REGULATOR_KINDS, RULE_SETTINGS, TOPICS
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from ..vocabulary.moves import (
    AnswerRequest,
    ConveneMeeting,
    Move,
    RaiseConcern,
    RaiseRequest,
    Rejection,
    RespondToMeeting,
)
from . import Handlers, Outcome, agenda, name_of, refuse
from .effects import change_trust
from .registry import Judge, MoveKind, at_most, handlers_of, no_fields, plain_fields
from .wording import names, possessive, short, words

ANSWERABLE = ("concern", "request")  # meetings are answered by RespondToMeeting, bids by DecideFunding


# --- shared with plans and regulation --------------------------------------------------------


def put_request(state: GameState, request: Request) -> GameState:
    """The request stored under its id, replacing any earlier version."""
    return evolve(state, requests={**state.requests, request.id: request})


def open_request(state: GameState, scenario: Scenario, move: Move, request_id: str, kinds: tuple[str, ...]):
    """The open request of these kinds addressed to the mover, or a refusal saying why not."""
    request = state.requests.get(request_id)
    if request is None or request.kind not in kinds or move.actor not in request.to:
        return None, refuse("not_addressed", move, "There is no such item in your inbox.")
    if request.status != "open":
        return None, refuse("request_closed", move, "That has already been answered or has lapsed.")
    return request, None


def answer_request(
    state: GameState, scenario: Scenario, phase: str, request_id: str, actor: str, answer: str
) -> Outcome:
    """Answering is a kept promise: the request closes and trust between the two grows a little."""
    request = evolve(state.requests[request_id], status="answered", answer=answer)
    state = put_request(state, request)
    events = [
        event(
            state,
            phase,
            "RequestAnswered",
            (actor,),
            tuple(dict.fromkeys((request.source, actor))),
            (request.topic,),
            request=request.id,
            kind=request.kind,
            answered=True,
            answer=answer,
        )
    ]
    state, more = change_trust(
        state, scenario, actor, request.source, scenario.balance.answer_trust, phase, Cause.answer(request.id)
    )
    return state, events + more


def _first(*refusals: Rejection | None) -> Rejection | None:
    """The first refusal among the checks, or None."""
    return next((r for r in refusals if r is not None), None)


def _check_topic(move: Move, topic: str):
    if topic not in TOPICS:
        return refuse("unknown_topic", move, f'"{topic}" is not a topic; choose one of {", ".join(TOPICS)}.')
    return None


def _check_addressee(state: GameState, move: Move, to: str):
    if to not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {to}.")
    if to == move.actor:
        return refuse("to_yourself", move, "You cannot address this to yourself.")
    return None


# --- concerns and requests ---------------------------------------------------------------


def check_concern(state: GameState, scenario: Scenario, move: RaiseConcern):
    if move.about not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {move.about}.")
    return _first(_check_addressee(state, move, move.to), _check_topic(move, move.topic))


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


def check_request(state: GameState, scenario: Scenario, move: RaiseRequest):
    refusal = _first(_check_addressee(state, move, move.to), _check_topic(move, move.topic))
    if refusal is not None or not move.setting:
        return refusal
    if move.setting not in RULE_SETTINGS:
        return refuse("unknown_setting", move, f'"{move.setting}" is not a rule setting.')
    if "rule" not in scenario.roles[move.to].powers:
        rulers = (
            " or ".join(name_of(scenario, r) for r, x in scenario.roles.items() if "rule" in x.powers)
            or "the facilitator"
        )
        return refuse("cannot_rule", move, f"{name_of(scenario, move.to)} cannot rule on the rules; ask {rulers}.")
    return None


def apply_request(state: GameState, scenario: Scenario, move: RaiseRequest, phase: str) -> Outcome:
    """With a setting, addressed to a body with the power to rule, it asks for a ruling."""
    rid, state = new_id(state, "R")
    state = put_request(
        state,
        Request(
            id=rid,
            kind="request",
            source=move.actor,
            to=(move.to,),
            topic=move.topic,
            text=move.text,
            setting=move.setting,
            opened=state.month_index,
        ),
    )
    return state, [
        event(
            state,
            phase,
            "RequestRaised",
            (move.actor,),
            (move.actor, move.to),
            (move.topic,),
            request=rid,
            by=move.actor,
            to=(move.to,),
            topic=move.topic,
            text=move.text,
            setting=move.setting or None,
            ruling=bool(move.setting),
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AnswerRequest):
    _, refusal = open_request(state, scenario, move, move.request, ANSWERABLE)
    return refusal


def apply_answer(state: GameState, scenario: Scenario, move: AnswerRequest, phase: str) -> Outcome:
    return answer_request(state, scenario, phase, move.request, move.actor, move.answer)


# --- meetings --------------------------------------------------------------------------------


def check_convene(state: GameState, scenario: Scenario, move: ConveneMeeting):
    if not move.invitees:
        return refuse("no_invitees", move, "Invite at least one organisation to the meeting.")
    if len(set(move.invitees)) != len(move.invitees):
        return refuse("invited_twice", move, "Each organisation is invited once.")
    for invitee in move.invitees:
        refusal = _check_addressee(state, move, invitee)
        if refusal is not None:
            return refusal
    return _check_topic(move, move.topic)


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


def lapse_requests(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: requests and concerns open for `request_lapse_months` close unanswered. The change is recorded as
    RequestAnswered with answered=False and lapsed=True, since no event kind names a lapse."""
    events: list[Event] = []
    for request in list(state.requests.values()):
        if (
            request.kind in ANSWERABLE
            and request.status == "open"
            and state.month_index - request.opened >= scenario.balance.request_lapse_months
        ):
            state = put_request(state, evolve(request, status="closed"))
            events.append(
                event(
                    state,
                    phase,
                    "RequestAnswered",
                    (request.source,),
                    (request.source, *request.to),
                    (request.topic,),
                    request=request.id,
                    kind=request.kind,
                    answered=False,
                    lapsed=True,
                )
            )
    return state, events


# --- legal moves -----------------------------------------------------------------------------


@cache
def _concern_routes(scenario: Scenario) -> tuple[tuple[str, str, str], ...]:
    """(organisation, topic, addressee) for every concern the scenario's [routing] gives a place to go."""
    routes = [(r, scenario.first_addressee(r.to, r.to_power)) for r in scenario.routing.concerns]
    return tuple(
        (rid, route.topic, to)
        for rid, role in scenario.roles.items()
        for route, to in routes
        if to and role.kind in route.about
    )


@cache
def _request_routes(scenario: Scenario, role: str) -> tuple[tuple[str, str, str], ...]:
    """(addressee, topic, setting) for every request this organisation may raise by the scenario's [routing]."""
    kind = scenario.roles[role].kind
    found = (
        (scenario.first_addressee(r.to, r.to_power), r) for r in scenario.routing.requests if not r.by or kind in r.by
    )
    return tuple((to, r.topic, r.setting) for to, r in found if to and to != role)


@cache
def _meeting_routes(scenario: Scenario, role: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(invitees, topic) for every meeting this organisation may call by the scenario's [routing]."""
    kind = scenario.roles[role].kind
    found = (
        (tuple(r for r in scenario.roles_of_kind(*route.invite) if r != role), route.topic)
        for route in scenario.routing.meetings
        if kind in route.by
    )
    return tuple((invitees, topic) for invitees, topic in found if invitees)


@last_seen
def _open(requests: dict[str, Request]) -> tuple[Request, ...]:
    return tuple(r for r in requests.values() if r.status == "open")


def open_requests(state: GameState) -> tuple[Request, ...]:
    """The concerns, requests, meetings and bids still waiting, oldest first."""
    return _open(state.requests)


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    waiting = open_requests(state)
    mine = [r for r in waiting if r.source == role]
    raised = {(r.kind, r.to, r.about, r.topic, r.setting) for r in mine}
    for about, topic, to in _concern_routes(scenario) if kinds is None or "RaiseConcern" in kinds else ():
        if role not in (about, to) and ("concern", (to,), about, topic, "") not in raised:
            yield RaiseConcern(actor=role, to=to, about=about, topic=topic)
    for to, topic, setting in _request_routes(scenario, role):
        if ("request", (to,), "", topic, setting) not in raised:
            yield RaiseRequest(actor=role, to=to, topic=topic, setting=setting)
    if not any(r.kind == "meeting" for r in mine):
        for invitees, topic in _meeting_routes(scenario, role):
            yield ConveneMeeting(actor=role, invitees=invitees, topic=topic)
    for request in waiting:
        if role not in request.to:
            continue
        if request.kind in ANSWERABLE:
            yield AnswerRequest(actor=role, request=request.id)
        elif request.kind == "meeting" and role not in request.attending + request.declined:
            yield RespondToMeeting(actor=role, meeting=request.id, attend=True)
            yield RespondToMeeting(actor=role, meeting=request.id, attend=False)


# --- the kinds -----------------------------------------------------------------------------------


def describe_concern(state: GameState, scenario: Scenario, move: RaiseConcern) -> str:
    topic = TOPICS.get(move.topic, move.topic).split(",")[0]
    return f"Raise a concern about {possessive(short(scenario, move.about))} {topic} with {short(scenario, move.to)}"


def describe_request(state: GameState, scenario: Scenario, move: RaiseRequest) -> str:
    if move.setting:
        return f"Ask {short(scenario, move.to)} for a ruling: {words(move.setting)}"
    return f"Ask {short(scenario, move.to)} for help ({words(move.topic)})"


def describe_answer(state: GameState, scenario: Scenario, move: AnswerRequest) -> str:
    request = state.requests.get(move.request)
    return f"Answer the {request.kind if request else 'request'} from {short(scenario, request.source) if request else '?'}"


def describe_convene(state: GameState, scenario: Scenario, move: ConveneMeeting) -> str:
    return f"Call a meeting on {words(move.topic)} with {names(scenario, move.invitees)}"


def describe_respond(state: GameState, scenario: Scenario, move: RespondToMeeting) -> str:
    request = state.requests.get(move.meeting)
    host = short(scenario, request.source) if request else "?"
    return f"{'Attend' if move.attend else 'Decline'} {possessive(host)} meeting"


def bound_request(judge: Judge) -> float:
    """Those who look to the centre ask, more so when money is short: every month if they lean on it, every other
    month if not."""
    lean = judge.weight("look_to_centre")
    s = 1.0 + 3.5 * lean + (1.5 if judge.forecast < -5_000 else 0.0)
    return s * (0.5 if judge.state.month_index % 2 and lean < 0.5 else 1.0)


def score_request(judge: Judge, move: RaiseRequest) -> float:
    """A ruling is asked for once: a setting someone has already asked about is not asked about again."""
    if move.setting and any(r.setting == move.setting for r in judge.state.requests.values() if r.kind == "request"):
        return 0.0
    return bound_request(judge)


def score_concern(judge: Judge, move: RaiseConcern) -> float:
    about = judge.state.orgs.get(move.about)
    return 1.0 + (4.0 if "speak_up" in judge.wants and about is not None and 0 < about.quality < 66 else 0.0)


def bound_concern(judge: Judge) -> float:
    return 1.0 + (4.0 if "speak_up" in judge.wants else 0.0)


def bound_convene(judge: Judge) -> float:
    """Collaborators and the boards convene, every third month."""
    kind = judge.me.kind
    s = 1.0 + (2.5 if "collaborate" in judge.wants else 0.0) + (2.0 if kind in ("hwb", "healthwatch") else 0.0)
    return s * (0.5 if judge.state.month_index % 3 else 1.0)


def score_respond(judge: Judge, move: RespondToMeeting) -> float:
    """Cooperative organisations come to meetings called by those they trust; the rest stay away."""
    meeting = judge.state.requests.get(move.meeting)
    host = meeting.source if meeting else ""
    trusted = judge.state.trust.get(pair_key(judge.role, host), 50) >= judge.settings.attend_trust
    return 6.0 if move.attend == (judge.settings.cooperation >= 0.5 and trusted) else 1.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=RaiseConcern,
        check=check_concern,
        apply=apply_concern,
        legal=legal,
        family="voice",
        describe=describe_concern,
        fields=plain_fields(("text", "What you want to say (optional)", str)),
        score=score_concern,
        bound=bound_concern,
    ),
    MoveKind(
        move=RaiseRequest,
        check=check_request,
        apply=apply_request,
        legal=legal,
        family="voice",
        describe=describe_request,
        fields=plain_fields(("text", "What you are asking for (optional)", str)),
        score=score_request,
        bound=bound_request,
    ),
    MoveKind(
        move=AnswerRequest,
        check=check_answer,
        apply=apply_answer,
        legal=legal,
        family="inbox",
        describe=describe_answer,
        fields=plain_fields(("answer", "Your answer (optional)", str)),
        score=lambda judge, move: 5.0,
        bound=at_most(5.0),
        follow_up=True,
    ),
    MoveKind(
        move=ConveneMeeting,
        check=check_convene,
        apply=apply_convene,
        legal=legal,
        family="voice",
        describe=describe_convene,
        fields=plain_fields(("text", "Agenda (optional)", str)),
        score=lambda judge, move: bound_convene(judge),
        bound=bound_convene,
    ),
    MoveKind(
        move=RespondToMeeting,
        check=check_respond,
        apply=apply_respond,
        legal=legal,
        family="inbox",
        describe=describe_respond,
        fields=no_fields,
        score=score_respond,
        bound=at_most(6.0),
        follow_up=True,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
