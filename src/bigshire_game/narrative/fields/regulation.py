"""Fields of the regulators' work: rules and rulings, agenda items, inspections, joint reviews and referrals,
sanctions and incidents."""

from __future__ import annotations

from ...vocabulary.catalogue import REGULATOR_KINDS
from ...vocabulary.events import (
    AgendaItemAdded,
    AgendaItemDismissed,
    Event,
    InspectionHeld,
    RuleChanged,
    RulingMade,
    SanctionImposed,
    SanctionLifted,
)
from ...vocabulary.words import listed, money
from ..naming import Words
from .common import Fields, FieldsOf, Switches, get, given


def _rule(w: Words, e: RuleChanged | RulingMade) -> tuple[Switches, Fields]:
    setting, value, previous = given(e.setting), given(e.value), e.previous
    return (
        {"changed": previous != value, "setting": str(setting)},
        {
            "rule": w.rule(setting, value),
            "setting": w.setting(setting),
            "value": w.value(setting, value),
            "previous": w.value(setting, previous) if previous is not None else "",
            "cause": w.cause(e.cause),
            "regulator": w.name(e.actors[0]) if e.actors else "",
        },
    )


def _agenda_item(w: Words, e: AgendaItemAdded) -> tuple[Switches, Fields]:
    regulator = str(given(e.regulator))
    kind = w.scenario.roles[regulator].kind if regulator in w.scenario.roles else ""
    return (
        {"regulator": kind if kind in REGULATOR_KINDS else "nhscb"},
        {
            "actor": w.name(given(e.subject)),
            "regulator": w.name(regulator),
            "subject": w.name(given(e.subject)),
            "reason": w.clause(given(e.reason)),
        },
    )


def _agenda_item_dismissed(w: Words, e: AgendaItemDismissed) -> tuple[Switches, Fields]:
    return {}, {"subject": w.name(given(e.subject)), "reason": w.clause(given(e.reason))}


def _inspection(w: Words, e: InspectionHeld) -> tuple[Switches, Fields]:
    return (
        {"rating": str(given(e.rating))},
        {
            "actor": w.name(given(e.subject)),
            "inspector": w.name(e.actors[0]) if e.actors else "",
            "subject": w.name(given(e.subject)),
            "rating": str(given(e.rating)),
            "quality": str(given(e.quality)),
        },
    )


def _sanction(w: Words, e: SanctionImposed | SanctionLifted) -> tuple[Switches, Fields]:
    title, regulator, steps = w.ladder(given(e.ladder))
    regulator = w.name(e.actors[0]) if e.actors else regulator
    level = int(given(e.level, 0))
    if isinstance(e, SanctionLifted):
        step, text = w.step(given(e.ladder), level + 1)
    else:
        step, text = w.step(given(e.ladder), level)
    fields = {
        "actor": w.name(given(e.subject)),
        "regulator": regulator,
        "subject": w.name(given(e.subject)),
        "step": step,
        "ladder": title,
        "level": str(level),
        "steps": str(steps),
    }
    if isinstance(e, SanctionLifted):
        return {}, fields
    reason = w.clause(given(e.reason))
    return {"final": bool(given(e.final, False)), "has_reason": bool(reason)}, fields | {
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
    "AgendaItemDismissed": _agenda_item_dismissed,
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
