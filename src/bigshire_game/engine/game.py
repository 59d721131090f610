"""The game as a state machine: the first state, the moves a role may make,
applying one move, and the automatic steps between turns.

`apply` does what every move shares (a finished game, whose turn it is, action
points) and hands the rest to the mechanism's own module; the phase list in
content drives the month.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

from ..content import Scenario
from ..rules import (
    agreements,
    capacity,
    cards,
    closures,
    consultation,
    deadlines,
    decisions,
    dialogue,
    disputes,
    economy,
    facilitation,
    plans,
    regulation,
    schemes,
)
from ..rules.registry import MoveKind, handlers_of
from ..state import FACILITATOR, AgendaItem, Agreement, GameState, Org, PendingChoice, Request, Terms, evolve, pair_key
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS, POWERS
from ..vocabulary.events import Event, event
from ..vocabulary.moves import FACILITATOR_MOVES, EndPhase, EndTurn, Move, Rejection
from ..vocabulary.settings import RULE_SETTINGS, RuleSettings
from ..vocabulary.words import months_between

MAX_STEPS = 10_000  # loop guard for run_until_input
# The mechanisms that handle moves, found statically: each module's KINDS (see `rules.registry`).
_MECHANISMS = (
    agreements,
    cards,
    decisions,
    closures,
    consultation,
    schemes,
    regulation,
    dialogue,
    disputes,
    deadlines,
    plans,
    capacity,
    facilitation,
)
MOVE_KINDS: dict[str, MoveKind] = {kind.name: kind for module in _MECHANISMS for kind in module.KINDS}
OWN_MOVES = ("EndTurn", "EndPhase")  # the engine's own turn flow, handled here
_HANDLERS: dict[str, Any] = handlers_of(MOVE_KINDS.values())
_LEGAL = tuple(dict.fromkeys(kind.legal for kind in MOVE_KINDS.values() if kind.legal is not None))
_POWER_OF = {kind.name: kind.power for kind in MOVE_KINDS.values() if kind.power}


@lru_cache(maxsize=512)  # a few scenarios of a few dozen organisations at most
def _barred(scenario: Scenario, role: str) -> frozenset[str]:
    """The move kinds this organisation may not make, for want of the power each needs."""
    powers = scenario.roles[role].powers
    return frozenset(name for name, power in _POWER_OF.items() if power not in powers)


def _listed_by() -> dict[Any, frozenset[str]]:
    """The move names each `legal` function may list: its own kinds, and those of its mechanism that name no `legal`
    of their own (see `MoveKind`); a caller interested only in other kinds need not ask it."""
    found: dict[Any, set[str]] = {}
    for module in _MECHANISMS:
        unlisted = [kind.name for kind in module.KINDS if kind.legal is None]
        for kind in module.KINDS:
            if kind.legal is not None:
                found.setdefault(kind.legal, set()).update((kind.name, *unlisted))
    return {legal: frozenset(names) for legal, names in found.items()}


_LISTS = _listed_by()


def move_kinds() -> dict[str, MoveKind]:
    """Every move kind the mechanisms register, by move name: its rules, words, form and bot scorer."""
    return MOVE_KINDS


def phase_id(state: GameState, scenario: Scenario) -> str:
    return scenario.info.phases[state.phase].id


def new_game(scenario: Scenario, seed: int) -> GameState:
    """The position before the first month's news: contracts in force, money in hand, trust as briefed."""

    agreements: dict[str, Agreement] = {}
    months = scenario.months
    for cid, role in scenario.roles.items():
        for contract in role.contracts:
            provider = scenario.roles[contract.provider]
            agreements[contract.id] = Agreement(
                id=contract.id,
                kind=contract.kind,
                parties=(cid, contract.provider),
                proposer=cid,
                status="signed" if contract.signed else "proposed",
                awaiting=() if contract.signed else (contract.provider,),
                terms=Terms(
                    activities=contract.activities,
                    annual_value=contract.annual_value,
                    share_percent=contract.share_percent,
                    price_percent=contract.price_percent,
                    months=12,
                ),
                starts=0,
                ends=months_between(months[0], contract.ends),  # may fall after the game ends
                conflict=cid in provider.owners,
            )
    trust: dict[str, list[int]] = {}
    for rid, role in scenario.roles.items():
        for rel in role.relationships:
            trust.setdefault(pair_key(rid, rel.role), []).append(rel.trust)
    rules = RuleSettings(**{name: getattr(scenario.info.rules, name) for name in RULE_SETTINGS})
    state = GameState(
        scenario=scenario.id,
        content_hash=scenario.content_hash,
        seed=seed,
        orgs=economy.initial_orgs(scenario),
        agreements=agreements,
        tariff={a.id: a.price for a in scenario.info.activities},
        rules=rules,
        trust={key: round(sum(v) / len(v)) for key, v in sorted(trust.items())},
    )
    base = economy.baseline_units(state, scenario)
    orgs = {
        rid: evolve(org, baseline_units=base.get(rid, 0), units=base.get(rid, 0))
        if org.kind in CARE_PROVIDER_KINDS
        else org
        for rid, org in state.orgs.items()
    }
    return evolve(state, orgs=orgs)


# --- moves --------------------------------------------------------------------------


def legal_moves(state: GameState, scenario: Scenario, role: str, kinds: Collection[str] | None = None) -> list[Move]:
    """What this organisation may do now; empty when it is not its turn. `kinds` (move names) narrows the
    list to the moves someone is interested in, which spares working out the rest; ending the turn is always there."""
    if state.finished or role != state.actor:
        return []
    legal, lists = _LEGAL, _LISTS
    spent = state.orgs[role].action_points <= 0
    wanted = None if kinds is None else frozenset(kinds)
    barred = _barred(scenario, role)
    moves: list[Move] = []
    for options in legal:
        listed = lists[options]
        if wanted is not None and listed.isdisjoint(wanted):
            continue
        if (wanted is None or listed <= wanted) and listed.isdisjoint(barred):
            # every move it lists is wanted and allowed: only the action points to check
            found = options(state, scenario, role, wanted)
            moves += (move for move in found if not move.costs_action) if spent else found
            continue
        for move in options(state, scenario, role, wanted):
            if (spent and move.costs_action) or (wanted is not None and move.name not in wanted):
                continue
            if move.name in barred:
                continue
            moves.append(move)
    moves.append(EndTurn(actor=role))
    return moves


def _refuse(code: str, move: Move, reason: str) -> Rejection:
    return Rejection(code=code, move=move, reason=reason)


def check(state: GameState, scenario: Scenario, move: Move) -> Rejection | None:
    """Whether `apply` would accept this move now: None, or the refusal it would give, without making the move."""
    refuse = _refuse
    if state.finished:
        return refuse("game_over", move, "The game is over; no more moves can be made.")
    if move.actor == FACILITATOR:
        if move.name not in FACILITATOR_MOVES:
            return refuse(
                "not_for_facilitator",
                move,
                "The facilitator cannot make this move for an organisation; take over its seat instead.",
            )
    elif move.actor not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {move.actor}.")
    elif move.actor != state.actor:
        waiting = scenario.roles[state.actor].name if state.actor else "nobody (the month is between turns)"
        return refuse("not_your_turn", move, f"It is not your turn: the game is waiting for {waiting}.")
    elif move.costs_action and state.orgs[move.actor].action_points <= 0:
        return refuse(
            "no_actions_left",
            move,
            "You have no actions left this month; answer what is in your inbox or end your turn.",
        )
    if isinstance(move, (EndTurn, EndPhase)):
        return None
    handlers = _HANDLERS
    refusal = handlers[move.name][0](state, scenario, move)
    if refusal is None and move.actor != FACILITATOR and move.name in _barred(scenario, move.actor):
        power = _POWER_OF[move.name]
        holders = [r.name for r in scenario.roles.values() if power in r.powers]
        who = f"Only {' or '.join(holders)} can" if holders else "Nobody in this game can"
        return refuse("no_power", move, f"{who} {POWERS[power]}.")
    return refusal


def apply(state: GameState, scenario: Scenario, move: Move) -> tuple[GameState, list[Event]] | Rejection:
    """One move, checked and applied; a refusal leaves the state exactly as it was."""
    refusal = check(state, scenario, move)
    if refusal is not None:
        return refusal
    phase = phase_id(state, scenario)
    if isinstance(move, EndTurn):
        return _end_turn(state, scenario, move.actor, phase)
    if isinstance(move, EndPhase):
        return _end_phase(state, scenario, phase)
    handlers = _HANDLERS
    state, events = handlers[move.name][1](state, scenario, move, phase)
    if move.actor != FACILITATOR:
        org = state.orgs[move.actor]
        spent = 1 if move.costs_action else 0
        org = evolve(org, action_points=max(0, org.action_points - spent), moved_this_turn=org.moved_this_turn + 1)
        state = evolve(state, orgs={**state.orgs, org.id: org})
    return state, events


def _turn_started(state: GameState, phase: str, role: str) -> Event:
    """A turn begins, with what waits for the organisation and the actions it has to meet it."""
    waiting, points = capacity.waiting_items(state, role), state.orgs[role].action_points
    return event(
        state,
        phase,
        "TurnStarted",
        (role,),
        role=role,
        waiting=waiting,
        action_points=points,
        overloaded=waiting > points,
    )


def _end_turn(state: GameState, scenario: Scenario, role: str, phase: str) -> tuple[GameState, list[Event]]:

    state, events = cards.default_choices(state, scenario, phase, role)
    org = state.orgs[role]
    if org.moved_this_turn == 0:
        events.append(event(state, phase, "Passed", (role,), role=role))
    events.append(event(state, phase, "TurnEnded", (role,), role=role, moves=org.moved_this_turn))
    state = evolve(state, queue=state.queue[1:], orgs={**state.orgs, role: evolve(org, moved_this_turn=0)})
    if state.actor:
        events.append(_turn_started(state, phase, state.actor))
    return state, events


def _end_phase(state: GameState, scenario: Scenario, phase: str) -> tuple[GameState, list[Event]]:
    events: list[Event] = []
    while state.actor:
        state, more = _end_turn(state, scenario, state.actor, phase)
        events += more
    return state, events


# --- flow between turns ----------------------------------------------------------------


def advance(state: GameState, scenario: Scenario) -> tuple[GameState, list[Event]]:
    """Run the current phase's automatic work and enter the next phase; waits while someone is to act."""
    if state.finished or state.actor:
        return state, []
    phases = scenario.info.phases
    current = phases[state.phase]
    events: list[Event] = []
    if not state.started:
        state = evolve(state, started=True)
        events.append(event(state, current.id, "GameStarted", scenario=scenario.id, seed=state.seed))
        events.append(event(state, current.id, "MonthStarted", turn=state.turn, months=scenario.turns[state.turn]))
    if current.kind == "news":
        state, more = cards.run_news(state, scenario, current.id)
        events += more
    elif current.kind == "resolution":
        state, more = _resolve(state, scenario, current.id)
        events += more
    if state.finished:
        return state, events
    return _enter_next_phase(state, scenario, events)


def _enter_next_phase(state: GameState, scenario: Scenario, events: list[Event]) -> tuple[GameState, list[Event]]:
    phases = scenario.info.phases
    if state.phase + 1 < len(phases):
        state = evolve(state, phase=state.phase + 1)
    else:
        state = _start_turn(state, scenario, state.turn + 1)
        events.append(event(state, phases[0].id, "MonthStarted", turn=state.turn, months=scenario.turns[state.turn]))
    nxt = phases[state.phase]
    events.append(event(state, nxt.id, "PhaseStarted", phase_title=nxt.title))
    if nxt.kind == "turns":
        queue = tuple(rid for rid, role in scenario.roles.items() if role.kind in nxt.kinds or rid in nxt.roles)
        order = {kind: i for i, kind in enumerate(nxt.kinds)}
        queue = tuple(
            sorted(
                queue,
                key=lambda rid: (order.get(scenario.roles[rid].kind, len(order)), list(scenario.roles).index(rid)),
            )
        )
        state = evolve(state, queue=queue)
        if queue:
            events.append(_turn_started(state, nxt.id, queue[0]))
    return state, events


def _start_turn(state: GameState, scenario: Scenario, turn: int) -> GameState:
    """A new month: phase one, everyone's action points restored, temporary changes expired."""
    month = scenario.months.index(scenario.turns[turn][0])
    orgs = {}
    for rid, org in state.orgs.items():
        changes = tuple(c for c in org.ap_changes if c[1] >= month)
        points = max(0, org.ap_base + sum(amount for amount, _ in changes))
        orgs[rid] = evolve(org, action_points=points, ap_changes=changes, moved_this_turn=0)
    return evolve(state, turn=turn, phase=0, month_index=month, orgs=orgs, queue=())


def _resolve(state: GameState, scenario: Scenario, phase: str) -> tuple[GameState, list[Event]]:
    """Month end: choices defaulted, every month of the turn settled, then the system's checks."""

    state, events = cards.default_choices(state, scenario, phase, None)
    last = state.turn + 1 >= len(scenario.turns)
    expected = plans.foreseen(state, scenario) if last else {}
    months = scenario.turns[state.turn]
    for label in months:
        month = scenario.months.index(label)
        state = evolve(state, month_index=month)
        for step in (schemes.mature_schemes,):
            state, more = step(state, scenario, month, phase)
            events += more
        state, more = economy.resolve_month(state, scenario, month, phase)
        events += more
        state, more = agreements.month_end(state, scenario, month, phase)
        events += more
    for step in (
        dialogue.hold_meetings,
        dialogue.lapse_requests,
        dialogue.rebuild_links,
        disputes.unanswered_disputes,
        plans.plan_deadline,
        deadlines.check_deadlines,
        closures.due_closures,
        regulation.hold_joint_reviews,
        regulation.check_triggers,
        capacity.carry_over,
    ):
        state, more = step(state, scenario, phase)
        events += more
    state = evolve(state, month_index=scenario.months.index(months[0]))
    if last:
        state, more = economy.pay_quality_premium(state, scenario, phase)
        events += more
        state, more = plans.surprises(state, scenario, expected, phase)
        events += more
        state = evolve(state, finished=True)
        events.append(event(state, phase, "GameEnded"))
    return state, events


def run_until_input(state: GameState, scenario: Scenario) -> tuple[GameState, list[Event]]:
    """Advance through automatic phases until an organisation must act or the game ends."""
    events: list[Event] = []
    for _ in range(MAX_STEPS):
        if state.finished or state.actor:
            return state, events
        state, more = advance(state, scenario)
        events += more
    raise RuntimeError("the phase list never reaches a turn; check the scenario's phases")


# --- what one organisation may see -------------------------------------------------------


@frozen(kw_only=True)
class RoleView:
    """Exactly what one organisation knows: its own books and inbox, and what is public. A desk shows this
    and nothing else, so a front end needs no rules module to fill one."""

    role: str
    month_index: int
    own: Org
    projected: int  # this month's result if nothing changes, by the rules' own projection
    forecast: int  # money in hand at the end of the game, from recent months' results, as the role can see them
    forecast_lag: int  # how many months late the role sees its results (0: at once)
    public: dict[str, dict[str, int]]
    agreements: tuple[Agreement, ...]
    inbox: tuple[Request, ...]
    choices: tuple[PendingChoice, ...]
    agenda: tuple[AgendaItem, ...]


def view(state: GameState, scenario: Scenario, role: str) -> RoleView:
    """The curtain between organisations: private books, proposals and inboxes stay with their owners."""
    public = {
        rid: {"quality": org.quality, "sanction_level": _highest_sanction(state, rid)}
        for rid, org in state.orgs.items()
    }
    agreements = tuple(
        a
        for a in state.agreements.values()
        if a.status in ("signed", "under_review", "blocked", "ended")
        or role in a.parties
        or role in a.awaiting  # a lead commissioner answering for a member
        or role == a.proposer
    )
    inbox = tuple(r for r in state.requests.values() if role in r.to or r.source == role)
    choices = tuple(c for c in state.pending.values() if c.role == role)
    agenda = tuple(item for item in state.agendas.values() if item.regulator == role or item.subject == role)
    own = state.orgs[role]
    finished = state.finished
    return RoleView(
        role=role,
        month_index=state.month_index,
        own=own,
        projected=0 if finished else economy.projected_result(state, scenario, role, state.month_index),
        forecast=own.balance if finished else plans.known_forecast(state, scenario, role),
        forecast_lag=0 if finished else plans.forecast_lag(state, scenario, role),
        public=public,
        agreements=agreements,
        inbox=inbox,
        choices=choices,
        agenda=agenda,
    )


def _highest_sanction(state: GameState, rid: str) -> int:
    return max((step for key, step in state.ladders.items() if key.endswith(f"|{rid}")), default=0)


def visible_events(events: list[Event], role: str) -> Iterator[Event]:
    return (e for e in events if e.visible_to(role))


# --- looking before leaping ------------------------------------------------------------------


@frozen
class Outlook:
    """One organisation's figures that a move can change: money, quality and its plan's credibility."""

    balance: int
    quality: int  # 0 for organisations without a quality score
    credibility: int  # -1 while it has no financial plan


@frozen(kw_only=True)
class Preview:
    """A move tried without being made: the refusal, or what the organisation would see of it and where
    its figures would stand at this month's end if nothing else happened, with and without the move.

    `before` is the month end without the move; `after` the month end with it (None when refused).
    The projection runs the month end's money and quality rules; it leaves out chance (schemes that
    may fail as they mature) and anything other organisations may still do this month.
    """

    role: str
    moves: tuple[Move, ...]
    refusal: Rejection | None = None
    events: tuple[Event, ...] = ()
    now: Outlook
    before: Outlook
    after: Outlook | None = None


def play_through(
    state: GameState, scenario: Scenario, moves: Sequence[Move]
) -> tuple[GameState, list[Event]] | Rejection:
    """Moves applied one after another to a copy of the game (states are values); the first refusal stops it."""
    events: list[Event] = []
    for move in moves:
        outcome = apply(state, scenario, move)
        if isinstance(outcome, Rejection):
            return outcome
        state, more = outcome
        events += more
    return state, events


def preview(state: GameState, scenario: Scenario, move: Move | Sequence[Move], role: str) -> Preview:
    """What making `move` (or several moves in turn) would do for `role`, without making it; `state` is untouched."""
    moves = (move,) if isinstance(move, Move) else tuple(move)
    now = _outlook(state, role)
    before = _outlook(_month_end(state, scenario, role), role)
    outcome = play_through(state, scenario, moves)
    if isinstance(outcome, Rejection):
        return Preview(role=role, moves=moves, refusal=outcome, now=now, before=before)
    after_move, events = outcome
    return Preview(
        role=role,
        moves=moves,
        events=tuple(e for e in events if e.visible_to(role)),
        now=now,
        before=before,
        after=_outlook(_month_end(after_move, scenario, role), role),
    )


def _outlook(state: GameState, role: str) -> Outlook:
    org = state.orgs[role]
    return Outlook(balance=org.balance, quality=org.quality, credibility=org.plan_credibility)


def _month_end(state: GameState, scenario: Scenario, role: str) -> GameState:
    """This turn's month end as the rules settle it, if nothing else happens: the role's own unanswered
    cards take their defaults, then each month of the turn is paid and agreements lapse or end.
    Schemes maturing are left out: they draw chance, which a preview must not reveal."""

    if state.finished:
        return state
    phase = phase_id(state, scenario)
    state, _ = cards.default_choices(state, scenario, phase, role)
    for label in scenario.turns[state.turn]:
        month = scenario.months.index(label)
        state = evolve(state, month_index=month)
        state, _ = economy.resolve_month(state, scenario, month, phase)
        state, _ = agreements.month_end(state, scenario, month, phase)
    return state


def assess_plan(state: GameState, scenario: Scenario, move: Move) -> Any:
    """How the rules would judge a financial plan now (`rules.plans.PlanJudgement`), for a plan move; else None."""

    if move.name != "SubmitPlan" or move.actor not in state.orgs:
        return None
    d: Any = move
    return plans.judge_plan(state, scenario, move.actor, d.savings, d.reflects_needs_assessment)
