"""How computer players weigh closures: those with the motive oppose them; the owner weighs what going ahead
would bring, by how badly it needs the money, against the opposition it has met, by its caution and by whether
the objectors are the commissioners its income depends on."""

from __future__ import annotations

from collections.abc import Iterable

from ...content.model import Closure, Decision, Effect
from ...state import AnnouncedClosure
from ...vocabulary.moves import OpposeClosure, ProceedWithClosure, WithdrawClosure
from ..effects import DEFAULT_TRUST, targets
from ..registry import NOT_AT_ALL, Judge
from .record import OPEN, effects_of, is_strong, likely_objectors

STANDING = 4_500  # £k: what an owner reckons one strong objector's hostility costs it, before its caution


def need(judge: Judge) -> float:
    """How badly the organisation needs the money a closure brings: its forecast deficit in £10m, up to 4."""
    return min(4.0, max(0.0, -judge.forecast / 10_000))


def value(judge: Judge, effects: Iterable[Effect], due: int, objections: int) -> int:
    """What going ahead at the end of month `due` would bring the owner, £k: the money its effects bring and the
    cost base they save from then to the year's end, less what the objections add to the cost."""
    cost_base = judge.state.orgs[judge.role].cost_base
    after = max(0, len(judge.scenario.months) - 1 - due)
    total = 0.0
    for e in effects:
        if e.target == "self" and e.kind == "money":
            total += e.amount or 0
        elif e.target == "self" and e.kind == "cost_base":
            total -= (e.percent or 0) / 100 * cost_base / 12 * after
    return round(total) - objections * judge.scenario.balance.closure_objection_cost


def _commissions(judge: Judge, objector: str) -> bool:
    """Whether the objector buys care from the owner under a signed contract."""
    return any(
        a.is_contract and a.status == "signed" and a.parties == (objector, judge.role)
        for a in judge.state.agreements.values()
    )


def _weight(judge: Judge, objector: str, strong: bool) -> float:
    """An objection as its owner feels it: a strong one in full, others by half, and an owner that protects its
    income feels its commissioners' objections more."""
    weight = 1.0 if strong else 0.5
    return weight * (1 + judge.weight("protect_income")) if _commissions(judge, objector) else weight


def backlash(judge: Judge, closure: AnnouncedClosure) -> float:
    """How much the opposition met weighs against the closure's worth to the owner (above 1: it outweighs it)."""
    price = sum(_weight(judge, r, r in closure.strong) for r in closure.objectors)
    price *= (0.5 + judge.settings.caution) * STANDING
    gain = value(judge, effects_of(judge.scenario, closure), closure.due, len(closure.objectors))
    worth = gain * (0.5 + need(judge) / 4)
    return price / worth if worth > 0 else 10.0


def closure_doubts(judge: Judge, decision: Decision) -> float:
    """What holds an owner back from announcing a closure: too little of the year left for the notice and the
    delays the likely objectors could add, or the opposition it expects, felt more by a cautious owner and less
    by a desperate one (owners underestimate it: they count heads, not commissioners)."""
    closure = decision.closure
    if closure is None:
        return 0.0
    likely = likely_objectors(judge.scenario, closure, judge.role)
    affected = {r for word in closure.affects for r in targets(judge.scenario, word, judge.role, ())}
    strong = [r for r in likely if r in affected or "scrutinise" in judge.scenario.roles[r].powers]
    months = closure.notice_months + min(judge.scenario.balance.closure_delay_limit, len(strong))
    if judge.state.month_index + months > len(judge.scenario.months) - 1:
        return 10.0
    return max(0.0, len(likely) * judge.settings.caution - 0.5 * need(judge))


def _motive(judge: Judge, closure: AnnouncedClosure) -> float:
    """How much opposing this closure matters to the organisation: speaking up for patients, or defending
    services its own population depends on."""
    local = judge.weight("defend_local_services") if judge.role in closure.affects else 0.0
    return max(judge.weight("speak_up"), local)


def _trust(judge: Judge, other: str) -> int:
    a, b = sorted((judge.role, other))
    return judge.state.trust.get(f"{a}|{b}", DEFAULT_TRUST)


def score_oppose(judge: Judge, move: OpposeClosure) -> float | None:
    """Keen in proportion to its motive, keener when the objection would delay it and when it distrusts the owner."""
    closure = judge.state.closures.get(move.closure)
    if closure is None:
        return NOT_AT_ALL
    motive = _motive(judge, closure)
    if motive <= 0:
        return 1.0
    strong = 1.0 if is_strong(judge.scenario, closure, judge.role) else 0.0
    distrust = max(-1.0, min(1.0, (50 - _trust(judge, closure.owner)) / 25))
    return 1.0 + 4.0 * motive + strong + distrust


def bound_oppose(judge: Judge) -> float:
    return 1.0 + 4.0 * max(judge.weight("speak_up"), judge.weight("defend_local_services")) + 2.0


def score_withdraw(judge: Judge, move: WithdrawClosure) -> float | None:
    """Back down when the backlash outweighs the closure's worth, or when it could no longer happen this year."""
    closure = judge.state.closures.get(move.closure)
    if closure is None:
        return NOT_AT_ALL
    late = 3.0 if closure.due >= len(judge.scenario.months) else 0.0
    return max(1.0, 1.0 + 6.0 * (backlash(judge, closure) - 0.5) + late)


def enforcement(judge: Judge) -> int:
    """How far up a regulator's financial ladder (one its money triggers put it on) the organisation is."""
    steps = 0
    for ladder in judge.scenario.ladders.values():
        if any(t.condition.metric in _MONEY for t in ladder.triggers):
            steps = max(steps, judge.state.ladders.get(f"{ladder.id}|{judge.role}", 0))
    return steps


_MONEY = ("forecast", "month_result", "balance")


def score_proceed(judge: Judge, move: ProceedWithClosure) -> float | None:
    """Go ahead before the date anyway when the backlash is light beside the worth, the bolder the sooner; or
    when a regulator's enforcement has gone as far as binding the board to its recovery plan."""
    closure = judge.state.closures.get(move.closure)
    if closure is None:
        return NOT_AT_ALL
    pressed = 1.5 * max(0, enforcement(judge) - 1)
    return 1.0 + 8.0 * (0.55 - backlash(judge, closure)) * (1.5 - judge.settings.caution) + pressed


def bound_owner(judge: Judge) -> float:
    if not any(c.owner == judge.role and c.status == OPEN for c in judge.state.closures.values()):
        return 0.0
    return 1.0 + 6.0 * 10 + 3.0 + 1.5 * 10


__all__ = [
    "Closure",
    "backlash",
    "bound_oppose",
    "bound_owner",
    "closure_doubts",
    "need",
    "score_oppose",
    "score_proceed",
    "score_withdraw",
]
