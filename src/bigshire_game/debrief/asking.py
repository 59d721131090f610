"""Who asked whom, and whether anyone answered: the one reading of events that the observer themes,
the organisations' stories and the organisations' graph share."""

from __future__ import annotations

from collections.abc import Sequence

from ..vocabulary.events import Event
from .context import Context


def initiator(ctx: Context, e: Event) -> str:
    """Who took the initiative: the asker, the proposer (a card's offer comes from its provider)."""
    d = e.data
    if "by" in d:
        return str(d["by"])
    if "proposer" in d and e.kind == "ContractSigned":
        return str(d["proposer"])
    if e.kind == "AgreementProposed" and not d.get("variation"):
        found = ctx.words.lookup.agreements.get(str(d.get("agreement")))
        if found and found.proposer:
            return found.proposer
    return e.actors[0] if e.actors else ""


def addressees(ctx: Context, e: Event) -> tuple[str, ...]:
    """Whom an event was addressed to: a request's recipients, a proposal's other parties."""
    d = e.data
    if "to" in d:
        return tuple(d["to"])
    if e.kind == "AgendaItemAdded":
        return (str(d.get("regulator")),)
    if e.kind == "AgreementProposed":
        source = initiator(ctx, e)
        return tuple(p for p in d.get("parties", e.actors) if p != source)
    return tuple(e.actors[1:])


def answered_ids(events: Sequence[Event]) -> set[str]:
    """Ids of proposals, requests and meetings that got a reply from someone."""
    out: set[str] = set()
    for e in events:
        d = e.data
        if e.kind in ("AgreementAccepted", "AgreementRejected", "AgreementCountered"):
            out.add(str(d.get("agreement")))
        elif (e.kind == "RequestAnswered" and d.get("answered", True)) or (e.kind == "RulingMade" and d.get("request")):
            out.add(str(d.get("request")))
    return out


def item_id(e: Event) -> str:
    d = e.data
    return str(d.get("agreement") or d.get("request") or d.get("meeting") or d.get("bid") or "")
