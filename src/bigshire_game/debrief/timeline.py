"""Month by month: each turn's events with what followed from them beneath, the most telling kept."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..narrative import Told, gather_tree
from ..vocabulary.causes import Cause
from ..vocabulary.events import (
    CardPublished,
    DecisionTaken,
    Event,
    OptionChosen,
    QualityChanged,
    RulingMade,
    SanctionImposed,
    SchemeInvested,
    SchemeSavingsReleased,
)
from ..vocabulary.words import turn_label
from .context import Context
from .model import Item, Month
from .selection import timeline_weight

TIMELINE_LIMIT = 18


def _self(e: Event) -> str:
    """The organisation an event happens to, to find which of several answers caused it."""
    d = e.data
    for key in ("role", "payer", "target", "subject", "consortium", "investor"):
        if d.get(key):
            return str(d[key])
    return e.actors[0] if e.actors else ""


def _provides(e: Event) -> list[tuple[Cause, str]]:
    """The cause its consequences name, with the organisation they must happen to ("" for any)."""
    if isinstance(e, CardPublished):
        return [(Cause.card(str(e.card)), "")]
    if isinstance(e, OptionChosen):
        return [(Cause.card(str(e.card), str(e.option)), str(e.role))]
    if isinstance(e, DecisionTaken):
        return [(Cause.decision(str(e.decision)), str(e.role))]
    if isinstance(e, SanctionImposed):
        return [(Cause.sanction(str(e.ladder), str(e.step)), str(e.subject))]
    if isinstance(e, SchemeInvested | SchemeSavingsReleased):
        return [(Cause.scheme(str(e.investment)), "")]
    if isinstance(e, RulingMade) and e.actors:
        return [(Cause.ruling(e.actors[0]), "")]
    return []


def _tree(ctx: Context, events: Iterable[Event]) -> list[tuple[Told, list[Told]]]:
    """Events with the consequences that followed from them in the same month beneath them."""
    nodes: list[tuple[Told, list[Told]]] = []
    causes: dict[tuple[Cause, str], int] = {}
    for e in events:
        source = e.cause
        parent = causes.get((source, _self(e)), causes.get((source, ""))) if source else None
        if parent is not None:
            nodes[parent][1].append(ctx.tell(e))
            continue
        for key in _provides(e):
            causes[key] = len(nodes)
        nodes.append((ctx.tell(e), []))
    return nodes


def _merge_quality(ctx: Context, events: Iterable[Event]) -> list[Event]:
    """A provider's quality moving several times in a month for one reason is told once, in total."""
    out: list[Event] = []
    first: dict[tuple, int] = {}
    for e in events:
        if not isinstance(e, QualityChanged):
            out.append(e)
            continue
        role = str(e.role)
        amount = int(e.amount or 0)
        key = (role, ctx.words.cause(e.cause, role), "" if e.reason is None else e.reason, amount > 0)
        if key not in first:
            first[key] = len(out)
            out.append(e)
            continue
        earlier = out[first[key]]
        total = int(earlier.amount or 0) + amount
        out[first[key]] = earlier.with_data(amount=total, quality=e.quality)
    return out


def month_items(ctx: Context, events: Iterable[Event], limit: int | None) -> tuple[list[Item], int]:
    told = gather_tree(_tree(ctx, _merge_quality(ctx, (e for e in events if ctx.worth(e)))))
    keep = range(len(told))
    if limit is not None and len(told) > limit:
        ranked = sorted(keep, key=lambda i: -timeline_weight(told[i][0], len(told[i][2])))
        keep = sorted(ranked[:limit])
    items = [Item(told[i][1], tuple(told[i][2])) for i in keep]
    return items, len(told) - len(items)


def timeline(ctx: Context) -> list[Month]:
    turn_of = {ctx.scenario.months.index(m): i for i, t in enumerate(ctx.scenario.turns) for m in t}
    by_turn: dict[int, list[Event]] = defaultdict(list)
    for e in ctx.events:
        by_turn[turn_of.get(e.month, 0)].append(e)
    months = []
    for turn in sorted(by_turn):
        items, more = month_items(ctx, by_turn[turn], TIMELINE_LIMIT)
        if items:
            months.append(Month(turn_label(ctx.scenario.turns[turn]), tuple(items), more))
    return months
