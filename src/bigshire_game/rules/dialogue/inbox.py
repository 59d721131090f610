"""The inbox the talk between organisations shares: requests stored, found, answered and lapsed, and the checks
every kind of talk makes. Plans, funding and regulation keep their own items here too."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, Request, evolve
from ...state.memo import last_seen
from ...vocabulary.catalogue import TOPICS
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import Move, Rejection
from .. import Outcome, refuse
from ..effects import change_trust

ANSWERABLE = ("concern", "request", "information", "question")  # answered by AnswerRequest: meetings by
# RespondToMeeting, bids by DecideFunding, commitments by AnswerCommitment, a lead by OfferToLead
LAPSING = (*ANSWERABLE, "commitment", "lead")  # what closes unanswered after `request_lapse_months`


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


def first_refusal(*refusals: Rejection | None) -> Rejection | None:
    """The first refusal among the checks, or None."""
    return next((r for r in refusals if r is not None), None)


def check_topic(move: Move, topic: str):
    if topic not in TOPICS:
        return refuse("unknown_topic", move, f'"{topic}" is not a topic; choose one of {", ".join(TOPICS)}.')
    return None


def check_addressee(state: GameState, move: Move, to: str):
    if to not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {to}.")
    if to == move.actor:
        return refuse("to_yourself", move, "You cannot address this to yourself.")
    return None


@last_seen
def _open(requests: dict[str, Request]) -> tuple[Request, ...]:
    return tuple(r for r in requests.values() if r.status == "open")


def open_requests(state: GameState) -> tuple[Request, ...]:
    """The concerns, requests, meetings and bids still waiting, oldest first."""
    return _open(state.requests)


def lapse_requests(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: concerns, requests, questions and asks for a commitment or a lead open for `request_lapse_months`
    close unanswered. The change is recorded as
    RequestAnswered with answered=False and lapsed=True, since no event kind names a lapse."""
    events: list[Event] = []
    for request in list(state.requests.values()):
        if (
            request.kind in LAPSING
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
