"""An announced closure on the record: announced with its notice period, going ahead with its effects and
the cost the objections added, and who has standing to oppose it."""

from __future__ import annotations

from ...content import Scenario
from ...content.model import Closure, Effect
from ...state import AnnouncedClosure, GameState, evolve
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from .. import Outcome
from ..economy import external
from ..effects import apply_effects, change_trust, targets

TOPICS = ("public", "access")
OPEN = "announced"


def announce(
    state: GameState,
    scenario: Scenario,
    closure: Closure,
    owner: str,
    source: str,
    audience: tuple[str, ...],
    phase: str,
) -> tuple[GameState, list[Event], AnnouncedClosure]:
    """The closure on the record, due after its notice period; what the announcement sets off happens now.
    The caller tells the announcement (in its DecisionTaken or OptionChosen)."""
    cid = f"X{len(state.closures) + 1}"  # its own numbering: ids of requests and agreements stay as they were
    affected = tuple(
        dict.fromkeys(r for word in closure.affects for r in targets(scenario, word, owner, audience) if r != owner)
    )
    record = AnnouncedClosure(
        id=cid,
        owner=owner,
        source=source,
        what=closure.what,
        kind=closure.kind,
        affects=affected,
        announced=state.month_index,
        due=last_month(state, scenario) + closure.notice_months,
        audience=audience,
    )
    state = put(state, record)
    state, events = apply_effects(state, scenario, closure.announced, owner, audience, phase, _cause_of(source))
    return state, events, record


def last_month(state: GameState, scenario: Scenario) -> int:
    """The last month of the turn being played: a closure due by then goes ahead at this month end."""
    return scenario.months.index(scenario.turns[state.turn][-1])


def _cause_of(source: str) -> Cause:
    """The decision or card option that announced a closure, from the text the closure keeps of it."""
    kind, _, rest = source.partition(":")
    if kind == "decision":
        return Cause.decision(rest)
    card, _, option = rest.partition(":")
    return Cause.card(card, option)


def effects_of(scenario: Scenario, closure: AnnouncedClosure) -> tuple[Effect, ...]:
    """What going ahead does: the effects of the decision or option that announced it."""
    kind, _, rest = closure.source.partition(":")
    if kind == "decision":
        found = next((d for d in scenario.roles[closure.owner].decisions if d.id == rest), None)
        return found.effects if found else ()
    card, _, option = rest.partition(":")
    found_card = scenario.cards.get(card)
    chosen = next((o for o in found_card.options if o.id == option), None) if found_card else None
    return chosen.effects if chosen else ()


def cost_of(scenario: Scenario, closure: AnnouncedClosure) -> int:
    """What the objections add to going ahead, £k."""
    return len(closure.objectors) * scenario.balance.closure_objection_cost


def about(closure: AnnouncedClosure) -> dict[str, object]:
    """The fields every event about a closure carries: which one, what kind, whose, and what closes."""
    return {"closure": closure.id, "kind": closure.kind, "owner": closure.owner, "what": closure.what}


def put(state: GameState, closure: AnnouncedClosure) -> GameState:
    return evolve(state, closures={**state.closures, closure.id: closure})


def go_ahead(state: GameState, scenario: Scenario, closure: AnnouncedClosure, phase: str, anyway: bool) -> Outcome:
    """The closure happens: its effects, the cost the objections added and, ahead of its date, lost trust."""
    state = put(state, evolve(closure, status="done"))
    cost = cost_of(scenario, closure)
    events: list[Event] = [
        event(
            state,
            phase,
            "ClosureWentAhead",
            (closure.owner,),
            (),
            TOPICS,
            **about(closure),
            objectors=closure.objectors,
            cost=cost,
            due=closure.due,
            anyway=anyway,
        )
    ]
    state, more = apply_effects(
        state,
        scenario,
        effects_of(scenario, closure),
        closure.owner,
        closure.audience,
        phase,
        _cause_of(closure.source),
    )
    events += more
    if cost:
        state = external(state, closure.owner, -cost)
        events.append(
            event(
                state,
                phase,
                "MoneyMoved",
                (closure.owner,),
                (closure.owner,),
                ("money",),
                source=Cause.closure(closure.id),
                role=closure.owner,
                amount=-cost,
                flow=f"the cost of {_closing(closure)} against opposition",
            )
        )
    if anyway:
        for objector in closure.objectors:
            state, more = change_trust(
                state,
                scenario,
                closure.owner,
                objector,
                scenario.balance.closure_override_trust,
                phase,
                Cause.closure(closure.id),
            )
            events += more
    return state, events


def _closing(closure: AnnouncedClosure) -> str:
    return f"{'closing' if closure.kind == 'site' else 'withdrawing'} {closure.what}"


def due_closures(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: every announced closure whose date has come goes ahead."""
    events: list[Event] = []
    for closure in list(state.closures.values()):
        if closure.status == OPEN and closure.due <= state.month_index:
            state, more = go_ahead(state, scenario, closure, phase, anyway=False)
            events += more
    return state, events


def may_object(scenario: Scenario, closure: AnnouncedClosure, role: str) -> bool:
    """Whether the scenario's [routing] lets this organisation register opposition to this closure."""
    kind = scenario.roles[role].kind
    return role != closure.owner and any(
        kind in route.by and (not route.affected or role in closure.affects) for route in scenario.routing.objections
    )


def likely_objectors(scenario: Scenario, closure: Closure, owner: str) -> tuple[str, ...]:
    """Everyone who would have standing to oppose this closure if it were announced now."""
    affected = {r for word in closure.affects for r in targets(scenario, word, owner, ())}
    return tuple(
        rid
        for rid, role in scenario.roles.items()
        if rid != owner
        and any(role.kind in r.by and (not r.affected or rid in affected) for r in scenario.routing.objections)
    )


def is_strong(scenario: Scenario, closure: AnnouncedClosure, role: str) -> bool:
    """An objection delays a closure when it speaks for the population that loses it, or comes from a body
    that can call the owner to account in public."""
    return role in closure.affects or "scrutinise" in scenario.roles[role].powers
