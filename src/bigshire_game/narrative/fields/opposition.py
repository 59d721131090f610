"""Fields of what takes time and what is fought over: closures and the opposition they meet, disputes and
their mediation, consultations with practices and deadlines agreed between organisations."""

from __future__ import annotations

from ...vocabulary.events import Event
from ...vocabulary.words import money
from ..naming import Words
from ..wording import plural
from .common import Fields, FieldsOf, Switches, get

_COUNTS = ("no", "one", "two", "three", "four", "five", "six")


def _months(n: int) -> str:
    """ "a month", "two months"."""
    return "a month" if n == 1 else f"{_COUNTS[n] if 0 <= n < len(_COUNTS) else n} months"


def _objections(n: int) -> str:
    return plural(n, "objection")


def _closure(w: Words, e: Event) -> Fields:
    d = e.data
    owner = str(get(d, "owner"))
    return {"actor": w.name(owner), "owner": w.name(owner), "what": str(get(d, "what", "a service"))}


def _closure_opposed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    grounds = str(get(d, "grounds")).strip()
    by = get(d, "by")
    return (
        {"kind": str(get(d, "kind", "site")), "strong": bool(get(d, "strong", False)), "has_grounds": bool(grounds)},
        _closure(w, e)
        | {
            "actor": w.name(by),
            "objector": w.name(by),
            "grounds": w.clause(grounds) if grounds else "",
            "cost": money(int(get(d, "cost", 0))),
            "objections": _objections(int(get(d, "objections", 0))),
        },
    )


def _closure_delayed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    delay = int(get(d, "delay", 1))
    return (
        {"kind": str(get(d, "kind", "site")), "at_limit": delay >= int(get(d, "limit", delay + 1))},
        _closure(w, e) | {"due": w.month(get(d, "due", 0)), "delay": _months(delay)},
    )


def _closure_went_ahead(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    objectors = tuple(get(d, "objectors", ()))
    return (
        {"kind": str(get(d, "kind", "site")), "anyway": bool(get(d, "anyway", False)), "opposed": bool(objectors)},
        _closure(w, e)
        | {
            "objectors": w.names(objectors),
            "cost": money(int(get(d, "cost", 0))),
            "due": w.month(get(d, "due", 0)),
        },
    )


def _closure_withdrawn(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    objectors = tuple(get(d, "objectors", ()))
    return (
        {"kind": str(get(d, "kind", "site")), "opposed": bool(objectors)},
        _closure(w, e) | {"objectors": w.names(objectors)},
    )


def _dispute(w: Words, e: Event) -> Fields:
    d = e.data
    agreement = get(d, "agreement")
    return {
        "claimant": w.name(get(d, "by")),
        "defendant": w.name(get(d, "against")),
        "agreement": w.agreement(agreement) if agreement else "",
        "amount": money(int(get(d, "amount", 0))),
    }


def _dispute_raised(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    text = str(get(d, "text")).strip()
    fields = _dispute(w, e)
    return (
        {"about_agreement": bool(get(d, "agreement")), "has_text": bool(text), "refused": bool(get(d, "refused"))},
        fields | {"actor": fields["claimant"], "text": w.clause(text) if text else ""},
    )


def _dispute_answered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    fields = _dispute(w, e)
    return (
        {"conceded": bool(get(d, "conceded", False)), "lapsed": bool(get(d, "lapsed", False))},
        fields | {"actor": fields["defendant"], "mediator": w.name(get(d, "mediator"))},
    )


def _dispute_mediated(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    mediator = e.actors[0] if e.actors else ""
    return (
        {
            "outcome": str(get(d, "outcome", "dismissed")),
            "about_agreement": bool(get(d, "agreement")),
            "refused": bool(get(d, "refused")),
        },
        _dispute(w, e)
        | {"actor": w.name(mediator), "mediator": w.name(mediator), "paid": money(int(get(d, "paid", 0)))},
    )


def _practices_consulted(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    role = str(get(d, "role"))
    title = str(get(d, "title")) or w.decision(str(get(d, "decision")), role)
    return {}, {
        "consortium": w.name(role),
        "decision": w.clause(title),
        "until": w.month(get(d, "until", 0)),
    }


def _deadline(w: Words, e: Event) -> Fields:
    d = e.data
    return {
        "parties": w.names(get(d, "parties", ())),
        "what": str(get(d, "what", "a plan")),
        "due": w.month(get(d, "due", 0)),
    }


def _deadline_set(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    by = get(d, "by")
    agreement = get(d, "agreement")
    under = w.agreement(agreement) if agreement else "their meeting"
    return (
        {"from_meeting": bool(get(d, "meeting"))},
        _deadline(w, e)
        | {
            "actor": w.name(by),
            "setter": w.name(by),
            "others": w.names(p for p in get(d, "parties", ()) if p != by),
            "under": under,
        },
    )


def _deadline_delivered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    role = get(d, "role")
    waiting = tuple(get(d, "waiting_for", ()))
    return (
        {"complete": not waiting},
        _deadline(w, e)
        | {
            "actor": w.name(role),
            "party": w.name(role),
            "others": w.names(p for p in get(d, "parties", ()) if p != role),
            "waiting_for": w.names(waiting),
        },
    )


def _deadline_met(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, _deadline(w, e)


def _deadline_missed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    delivered = tuple(get(d, "delivered", ()))
    return (
        {"partly": bool(delivered)},
        _deadline(w, e) | {"delivered": w.names(delivered), "missing": w.names(get(d, "missing", ()))},
    )


FIELDS: dict[str, FieldsOf] = {
    "ClosureOpposed": _closure_opposed,
    "ClosureDelayed": _closure_delayed,
    "ClosureWentAhead": _closure_went_ahead,
    "ClosureWithdrawn": _closure_withdrawn,
    "DisputeRaised": _dispute_raised,
    "DisputeAnswered": _dispute_answered,
    "DisputeMediated": _dispute_mediated,
    "PracticesConsulted": _practices_consulted,
    "DeadlineSet": _deadline_set,
    "DeadlineDelivered": _deadline_delivered,
    "DeadlineMet": _deadline_met,
    "DeadlineMissed": _deadline_missed,
}
