"""Month by month: each turn's events with what followed from them beneath, the most telling kept."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..narrative import Told, gather_tree
from ..vocabulary.events import Event
from ..vocabulary.words import turn_label
from .context import Context
from .model import Item, Month
from .selection import timeline_weight

TIMELINE_LIMIT = 18


def _self(e: Event) -> str:
    """The organisation an event happens to, to find which of several answers caused it."""
    d = e.data
    for key in ("role", "payer", "target", "subject", "consortium", "submitter", "investor"):
        if d.get(key):
            return str(d[key])
    return e.actors[0] if e.actors else ""


def _provides(e: Event) -> list[tuple[str, str]]:
    """The `source` its consequences name, with the organisation they must happen to ("" for any)."""
    d = e.data
    if e.kind == "CardPublished":
        return [(f"card:{d.get('card')}", "")]
    if e.kind == "OptionChosen":
        return [(f"card:{d.get('card')}:{d.get('option')}", str(d.get("role")))]
    if e.kind == "DecisionTaken":
        return [(f"decision:{d.get('decision')}", str(d.get("role")))]
    if e.kind == "SanctionImposed":
        return [(f"{d.get('ladder')}:{d.get('step')}", str(d.get("subject")))]
    if e.kind in ("SchemeInvested", "SchemeSavingsReleased"):
        return [(f"scheme:{d.get('investment')}", "")]
    if e.kind == "RulingMade" and e.actors:
        return [(f"ruling by {e.actors[0]}", "")]
    return []


def _tree(ctx: Context, events: Iterable[Event]) -> list[tuple[Told, list[Told]]]:
    """Events with the consequences that followed from them in the same month beneath them."""
    nodes: list[tuple[Told, list[Told]]] = []
    causes: dict[tuple[str, str], int] = {}
    for e in events:
        source = str(e.data.get("source", ""))
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
        if e.kind != "QualityChanged":
            out.append(e)
            continue
        d = e.data
        role = str(d.get("role"))
        amount = int(d.get("amount", 0))
        key = (role, ctx.words.cause(d.get("source"), role), d.get("reason", ""), amount > 0)
        if key not in first:
            first[key] = len(out)
            out.append(e)
            continue
        earlier = out[first[key]]
        total = int(earlier.data.get("amount", 0)) + amount
        out[first[key]] = earlier.with_data(amount=total, quality=d.get("quality"))
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
