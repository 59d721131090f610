"""Fields of the regulators' work: rules and rulings, agenda items, inspections, joint reviews and referrals,
sanctions and incidents."""

from __future__ import annotations

from ...vocabulary.events import Event
from ...vocabulary.words import listed, money
from ..naming import Words
from .common import Fields, FieldsOf, Switches, get


def _rule(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    setting, value, previous = get(d, "setting"), get(d, "value"), get(d, "previous", None)
    return (
        {"changed": previous != value, "setting": str(setting)},
        {
            "rule": w.rule(setting, value),
            "setting": w.setting(setting),
            "value": w.value(setting, value),
            "previous": w.value(setting, previous) if previous is not None else "",
            "cause": w.cause(get(d, "source")),
            "regulator": w.name(e.actors[0]) if e.actors else "",
        },
    )


def _agenda_item(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    regulator = str(get(d, "regulator"))
    kind = w.scenario.roles[regulator].kind if regulator in w.scenario.roles else ""
    return (
        {"regulator": kind if kind in ("nhscb", "monitor", "cqc") else "nhscb"},
        {
            "actor": w.name(get(d, "subject")),
            "regulator": w.name(regulator),
            "subject": w.name(get(d, "subject")),
            "reason": w.clause(get(d, "reason")),
        },
    )


def _inspection(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {"rating": str(get(d, "rating"))},
        {
            "actor": w.name(get(d, "subject")),
            "inspector": w.name(e.actors[0]) if e.actors else "",
            "subject": w.name(get(d, "subject")),
            "rating": str(get(d, "rating")),
            "quality": str(get(d, "quality")),
        },
    )


def _sanction(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    title, regulator, steps = w.ladder(get(d, "ladder"))
    regulator = w.name(e.actors[0]) if e.actors else regulator
    level = int(get(d, "level", 0))
    if e.kind == "SanctionLifted":
        step, text = w.step(get(d, "ladder"), level + 1)
    else:
        step, text = w.step(get(d, "ladder"), level)
    reason = w.clause(get(d, "reason"))
    fields = {
        "actor": w.name(get(d, "subject")),
        "regulator": regulator,
        "subject": w.name(get(d, "subject")),
        "step": step,
        "ladder": title,
        "level": str(level),
        "steps": str(steps),
    }
    if e.kind == "SanctionLifted":
        return {}, fields
    return {"final": bool(get(d, "final", False)), "has_reason": bool(reason)}, fields | {
        "step_text": text.rstrip("."),
        "reason": reason,
    }


def _joint_review(w: Words, e: Event) -> tuple[Switches, Fields]:
    """A proposal, an answer or a lapse: `by` proposed, `partner` was asked."""
    d = e.data
    reason = w.clause(get(d, "reason"))
    switches: Switches = {}
    if e.kind == "JointReviewProposed":
        switches = {"has_reason": bool(reason)}
    elif e.kind == "JointReviewDeclined":
        switches = {"lapsed": bool(get(d, "lapsed", False))}
    return switches, {
        "proposer": w.name(get(d, "by")),
        "partner": w.name(get(d, "partner")),
        "subject": w.name(get(d, "subject")),
        **({"reason": reason} if e.kind == "JointReviewProposed" else {}),
    }


def _outlook(amount: int) -> str:
    if amount < 0:
        return f"a deficit of {money(-amount)}"
    return f"a surplus of {money(amount)}" if amount > 0 else "to break even"


def _joint_finding(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    concerns = tuple(get(d, "concerns", ()))
    agendas = tuple(get(d, "agendas", ()))
    return (
        {"rating": str(get(d, "rating")), "concerns": bool(concerns), "placed": bool(agendas)},
        {
            "actor": w.name(get(d, "subject")),
            "regulators": w.names(get(d, "regulators", e.actors)),
            "subject": w.name(get(d, "subject")),
            "rating": str(get(d, "rating")),
            "quality": str(get(d, "quality")),
            "outlook": _outlook(int(get(d, "forecast", 0))),
            "concerns": listed(w.topic(t) for t in concerns),
            "placed": w.names(agendas),
        },
    )


def _referral(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "by": w.name(get(d, "by")),
        "to": w.name(get(d, "to")),
        "subject": w.name(get(d, "subject")),
        "reason": w.clause(get(d, "reason")),
    }


FIELDS: dict[str, FieldsOf] = {
    "RuleChanged": _rule,
    "AgendaItemAdded": _agenda_item,
    "InspectionHeld": _inspection,
    "JointReviewProposed": _joint_review,
    "JointReviewAgreed": _joint_review,
    "JointReviewDeclined": _joint_review,
    "JointReviewHeld": _joint_finding,
    "ReferralMade": _referral,
    "SanctionImposed": _sanction,
    "SanctionLifted": _sanction,
    "RulingMade": _rule,
}
