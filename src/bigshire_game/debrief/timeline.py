"""Month by month: each turn's events with what followed from them beneath, the most telling kept."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..narrative import Told, gather_tree, listed, plural
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
from .asking import initiator
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
    """The month's items, the most telling `limit` of them in the order they happened, and how many
    smaller ones were left out. Talk and meetings are never left out unsaid: when the cap cuts them,
    one more item, after the rest, says how many of each and who began them. The facilitator's own
    interventions always weigh most, so the cap never cuts them."""
    nodes = _tree(ctx, _merge_quality(ctx, (e for e in events if ctx.worth(e))))
    told = gather_tree(nodes)
    beneath = {id(t.event): [kid.event for kid in kids] for t, kids in nodes}
    keep: list[int] = list(range(len(told)))
    cut: list[int] = []
    if limit is not None and len(told) > limit:
        ranked = sorted(keep, key=lambda i: -timeline_weight(told[i][0], len(told[i][2])))
        keep, cut = sorted(ranked[:limit]), ranked[limit:]
    items = [Item(told[i][1], tuple(told[i][2])) for i in keep]
    talk = [e for i in sorted(cut) for e in _events_of(told[i][0], beneath) if _talk_noun(e)]
    if talk:
        items.append(Item(_talk_summary(ctx, talk)))
    told_as_talk = sum(all(_talk_noun(t.event) for t in told[i][0]) for i in cut)
    return items, len(cut) - told_as_talk


def _events_of(parents: list[Told], beneath: dict[int, list[Event]]) -> list[Event]:
    """An item's events: those gathered in its sentence and the consequences told beneath them."""
    return [e for t in parents for e in (t.event, *beneath.get(id(t.event), ()))]


_TALK_ORDER = ("request", "question", "concern", "bid for funding", "unanswered request", "unanswered concern",
               "unanswered bid", "unanswered question", "ruling", "meeting")  # fmt: skip


_ASKED_AS = {"information": "request", "question": "question", "commitment": "request", "lead": "request"}
"""The new kinds of ask, counted in the summary line as the requests or questions they are."""


def _talk_noun(e: Event) -> str | None:
    """What a piece of talk is called in the summary line, or None for anything else."""
    kind, d = e.kind, e.data
    if kind == "RequestRaised":
        return "question" if d.get("ruling") else "request"
    if kind == "RequestAnswered":
        asked = _ASKED_AS.get(str(d.get("kind", "request")), str(d.get("kind", "request")))
        return None if d.get("answered", True) else f"unanswered {asked}"
    return {
        "InformationRequested": "request",
        "QuestionAsked": "question",
        "CommitmentAsked": "request",
        "LeadCommissionerAsked": "request",
        "ConcernRaised": "concern",
        "FundingBid": "bid for funding",
        "RulingMade": "ruling",
        "MeetingConvened": "meeting",
        "MeetingHeld": "meeting",
    }.get(kind)


def _talker(ctx: Context, e: Event) -> str:
    """Who began a piece of talk: the asker, the convener, the regulator ruling."""
    if e.kind == "RequestAnswered" or e.kind == "RulingMade":
        return e.actors[0] if e.actors else ""
    return initiator(ctx, e)


def _talk_summary(ctx: Context, talk: list[Event]) -> str:
    """ "…and seven more requests, two concerns and one meeting, from North Vale (4), HealthWatch (3) and NHSCB"."""
    nouns = Counter(str(_talk_noun(e)) for e in talk)
    order = sorted(nouns, key=lambda noun: _TALK_ORDER.index(noun) if noun in _TALK_ORDER else len(_TALK_ORDER))
    counted = [plural(nouns[noun], noun, _plural_noun(noun)) for noun in order]
    counted[0] = counted[0].replace(" ", " more ", 1)
    who = [(rid, n) for rid, n in Counter(_talker(ctx, e) for e in talk).most_common() if rid]
    named = who if len(who) <= _TALKERS + 1 else who[:_TALKERS]  # "and one other" would hide a name for nothing
    names = [f"{ctx.name(rid)} ({n})" if n > 1 else ctx.name(rid) for rid, n in named]
    if len(who) > len(named):
        names.append(plural(len(who) - len(named), "other"))
    return f"…and {listed(counted)}, from {listed(names)}." if names else f"…and {listed(counted)}."


_TALKERS = 4
"""Organisations named in the summary line, the most talkative first; the rest are counted."""


def _plural_noun(noun: str) -> str:
    return "bids for funding" if noun == "bid for funding" else noun + "s"


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
