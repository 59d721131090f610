"""Capacity: how much waits for an organisation against the actions it has to meet it, what its agenda cannot
take in a month carrying over, and recruiting, which admits it cannot cope.

These make "overwhelmed and reactive" and "everyone looks to the centre" things a trainer can count.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..content.labels import span_of
from ..state import AgendaItem, Agreement, GameState, Request, evolve
from ..state.memo import last_seen
from ..vocabulary.events import Event, event
from ..vocabulary.moves import Move, Recruit
from . import Handlers, Outcome, refuse
from .economy import external
from .registry import Judge, MoveKind, handlers_of, no_fields
from .wording import short

POWER = "recruit"


def waiting_items(state: GameState, role: str) -> int:
    """What waits for this organisation: unanswered items in its inbox, proposals it has yet to answer, card
    choices it owes, and open items on its agenda."""
    inbox = _inboxes(state.requests).get(role, 0)
    proposals = _awaiting(state.agreements).get(role, 0)
    choices = sum(1 for c in state.pending.values() if c.role == role)
    agenda = _agendas(state.agendas).get(role, 0)
    return inbox + proposals + choices + agenda


# Counted for everyone at once: each turn asks, and the parts rarely change between two turns.


@last_seen
def _inboxes(requests: dict[str, Request]) -> dict[str, int]:
    found: dict[str, int] = {}
    for r in requests.values():
        if r.status == "open":
            for role in dict.fromkeys(r.to):
                if role not in r.attending + r.declined:
                    found[role] = found.get(role, 0) + 1
    return found


@last_seen
def _awaiting(agreements: dict[str, Agreement]) -> dict[str, int]:
    found: dict[str, int] = {}
    for a in agreements.values():
        if a.status == "proposed":
            for role in dict.fromkeys(a.awaiting):
                found[role] = found.get(role, 0) + 1
    return found


@last_seen
def _agendas(agendas: dict[str, AgendaItem]) -> dict[str, int]:
    found: dict[str, int] = {}
    for item in agendas.values():
        if item.status == "open":
            found[item.regulator] = found.get(item.regulator, 0) + 1
    return found


def carry_over(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: for each organisation whose agenda holds items from before this month, the carry-over told."""
    events: list[Event] = []
    carried: dict[str, int] = {}
    for item in state.agendas.values():
        if item.status == "open" and item.opened < state.month_index:
            carried[item.regulator] = carried.get(item.regulator, 0) + 1
    for rid in scenario.roles:
        if carried.get(rid):
            capacity = state.orgs[rid].ap_base
            events.append(
                event(state, phase, "AgendaCarriedOver", (rid,), role=rid, items=carried[rid], capacity=capacity)
            )
    return state, events


def _posts(state: GameState, scenario: Scenario, role: str) -> int:
    return state.orgs[role].ap_base - scenario.roles[role].action_points


def check_recruit(state: GameState, scenario: Scenario, move: Recruit):
    if POWER not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, f"{short(scenario, move.actor)} cannot recruit: it has no power to.")
    if _posts(state, scenario, move.actor) >= scenario.balance.recruit_most:
        most = scenario.balance.recruit_most
        game = span_of(scenario).name.replace("the ", "this ", 1)
        return refuse("recruited_enough", move, f"You have already added the {most} posts you can {game}.")
    return None


def apply_recruit(state: GameState, scenario: Scenario, move: Recruit, phase: str) -> Outcome:
    """One more action each month from the next, paid for at once; the room sees it was needed."""
    cost = scenario.balance.recruit_cost
    state = external(state, move.actor, -cost)
    org = state.orgs[move.actor]
    state = evolve(state, orgs={**state.orgs, move.actor: evolve(org, ap_base=org.ap_base + 1)})
    return state, [
        event(
            state,
            phase,
            "StaffRecruited",
            (move.actor,),
            (),
            ("governance",),
            role=move.actor,
            posts=1,
            cost=cost,
            capacity=org.ap_base + 1,
        )
    ]


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    if POWER in scenario.roles[role].powers and _posts(state, scenario, role) < scenario.balance.recruit_most:
        yield Recruit(actor=role)


def describe_recruit(state: GameState, scenario: Scenario, move: Recruit) -> str:
    return f"Recruit staff to keep up with the agenda (one more action a month, £{scenario.balance.recruit_cost}k)"


def score_recruit(judge: Judge, move: Recruit) -> float:
    """Recruiting admits it cannot cope: only when far more waits than it can act on, and less so when cautious."""
    org = judge.state.orgs[judge.role]
    backlog = waiting_items(judge.state, judge.role) - org.ap_base - 2
    if backlog <= 0:
        return 0.0
    return 1.0 + min(backlog, 6) * (1.0 - 0.5 * judge.settings.caution)


def bound_recruit(judge: Judge) -> float:
    return 7.0 if POWER in judge.me.powers else 0.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=Recruit,
        power=POWER,
        check=check_recruit,
        apply=apply_recruit,
        legal=legal,
        family="decision",
        describe=describe_recruit,
        fields=no_fields,
        score=score_recruit,
        bound=bound_recruit,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
