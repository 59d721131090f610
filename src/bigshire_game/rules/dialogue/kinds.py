"""Dialogue's move kinds: what talk the scenario's [routing] opens to an organisation now (`legal`), and each
kind's record for the engine, the bots and the front ends (see `rules.registry`)."""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import cache

from ...content import Scenario
from ...state import GameState, pair_key
from ...vocabulary.catalogue import TOPICS
from ...vocabulary.moves import (
    AnswerRequest,
    ConveneMeeting,
    Move,
    RaiseConcern,
    RaiseRequest,
    RespondToMeeting,
)
from ..registry import NOT_AT_ALL, Judge, MoveKind, at_most, no_fields, plain_fields
from ..wording import names, possessive, short, words
from .concerns import apply_concern, check_concern
from .inbox import ANSWERABLE, open_requests
from .meetings import apply_convene, apply_respond, check_convene, check_respond
from .requests import apply_answer, apply_request, check_answer, check_request

# --- legal moves -----------------------------------------------------------------------------


@cache
def _concern_routes(scenario: Scenario) -> tuple[tuple[str, str, str], ...]:
    """(organisation, topic, addressee) for every concern the scenario's [routing] gives a place to go."""
    routes = [(r, to) for r in scenario.routing.concerns for to in scenario.addressees(r.to, r.to_power)]
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
        (to, r)
        for r in scenario.routing.requests
        if not r.by or kind in r.by
        for to in scenario.addressees(r.to, r.to_power)
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


_ITEM_WORDS = {"information": "request for information"}  # what an answer's menu line calls the item


def describe_answer(state: GameState, scenario: Scenario, move: AnswerRequest) -> str:
    request = state.requests.get(move.request)
    item = _ITEM_WORDS.get(request.kind, request.kind) if request else "request"
    return f"Answer the {item} from {short(scenario, request.source) if request else '?'}"


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


def score_answer(judge: Judge, move: AnswerRequest) -> float | None:
    """Concerns and requests are answered; what others ask to be told (information, a question about a rule) only
    the cooperative answer, and the rest leave unanswered."""
    request = judge.state.requests.get(move.request)
    if request is not None and request.kind in ("information", "question") and judge.settings.cooperation < 0.5:
        return NOT_AT_ALL
    return 5.0


def score_concern(judge: Judge, move: RaiseConcern) -> float:
    about = judge.state.orgs.get(move.about)
    return 1.0 + (4.0 if "speak_up" in judge.wants and about is not None and 0 < about.quality < 66 else 0.0)


def bound_concern(judge: Judge) -> float:
    return 1.0 + (4.0 if "speak_up" in judge.wants else 0.0)


def bound_convene(judge: Judge) -> float:
    """Collaborators and the bodies that scrutinise in public convene, every third month."""
    scrutiny = "scrutinise" in judge.me.powers
    s = 1.0 + (2.5 if "collaborate" in judge.wants else 0.0) + (2.0 if scrutiny else 0.0)
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
        score=score_answer,
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
