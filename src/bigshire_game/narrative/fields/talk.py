"""Fields of what organisations say to each other: concerns, requests, meetings, plans and funding bids."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...vocabulary.catalogue import PROVIDER_KINDS
from ...vocabulary.events import (
    CommitmentAsked,
    ConcernRaised,
    Event,
    FundingAwarded,
    FundingBid,
    InformationRequested,
    LeadCommissionerAsked,
    MeetingConvened,
    MeetingHeld,
    PlanChallenged,
    QuestionAsked,
    RequestAnswered,
    RequestRaised,
)
from ...vocabulary.words import money
from ..naming import Words
from ..wording import plural
from .common import Fields, FieldsOf, Switches, get, given


def _concern_raised(w: Words, e: ConcernRaised) -> tuple[Switches, Fields]:
    to = tuple(given(e.to, ()))
    about = given(e.about)
    text = str(given(e.text)).strip()
    return (
        {"has_text": bool(text), "to_subject": to == (about,)},
        {
            "actor": w.name(given(e.by)),
            "by": w.name(given(e.by)),
            "to": w.names(to),
            "about": w.name(about),
            "topic": w.topic(given(e.topic)),
            "text": text.rstrip("."),
        },
    )


def _request_raised(w: Words, e: RequestRaised) -> tuple[Switches, Fields]:
    text = str(given(e.text)).strip()
    setting = given(e.setting)
    return (
        {"ruling": bool(given(e.ruling, False)), "has_text": bool(text)},
        {
            "actor": w.name(given(e.by)),
            "by": w.name(given(e.by)),
            "to": w.names(given(e.to, ())),
            "topic": w.topic(given(e.topic)),
            "text": text.rstrip("."),
            "setting": w.setting(setting) if setting else "",
        },
    )


def _information_requested(w: Words, e: InformationRequested) -> tuple[Switches, Fields]:
    text = str(given(e.text)).strip()
    return (
        {"has_text": bool(text)},
        {
            "actor": w.name(given(e.by)),
            "by": w.name(given(e.by)),
            "to": w.names(given(e.to, ())),
            "topic": w.topic(given(e.topic)),
            "text": text.rstrip("."),
        },
    )


def _question_asked(w: Words, e: QuestionAsked) -> tuple[Switches, Fields]:
    return {}, {
        "actor": w.name(given(e.by)),
        "by": w.name(given(e.by)),
        "to": w.names(given(e.to, ())),
        "topic": w.topic(given(e.topic)),
        "rule": str(given(e.rule)).strip().rstrip("?."),
    }


def _commitment_asked(w: Words, e: CommitmentAsked) -> tuple[Switches, Fields]:
    return {}, {
        "actor": w.name(given(e.by)),
        "by": w.name(given(e.by)),
        "to": w.names(given(e.to, ())),
        "priority": str(given(e.priority)).replace("_", " "),
    }


def _lead_asked(w: Words, e: LeadCommissionerAsked) -> tuple[Switches, Fields]:
    return {}, {"actor": w.name(given(e.by)), "by": w.name(given(e.by)), "to": w.names(given(e.to, ()))}


_ITEMS = {
    "concern": "concern",
    "request": "request",
    "meeting": "invitation to a meeting",
    "funding": "bid for funding",
    "information": "information request",
    "question": "question",
    "commitment": "commitment request",
    "lead": "lead-commissioner request",
}


def _request_answered(w: Words, e: RequestAnswered) -> tuple[Switches, Fields]:
    kind, source, to, topic = w.lookup.requests.get(
        str(given(e.request)), (str(given(e.item_kind, "request")), "", (), "")
    )
    answered = bool(given(e.answered, True))
    answerer = e.actors[0] if e.actors and answered else ""
    answer = str(given(e.answer)).strip()
    answer = re.sub(r"\bTrue\b", "yes", re.sub(r"\bFalse\b", "no", answer))  # a ruling's answer names its value
    return (
        {
            "item": str(given(e.item_kind, kind)),
            "answered": answered,
            "attend": bool(given(e.attend, False)),
            "has_answer": bool(answer),
            "committed": bool(given(e.committed, False)),
        },
        {
            "actor": w.name(answerer or source),
            "asker": w.name(source) if source else "an organisation",
            "answerer": w.name(answerer) if answerer else "",
            "to": w.names(to),
            "item": _ITEMS.get(str(given(e.item_kind, kind)), "request"),
            "topic": w.topic(topic or _first(e.topics)),
            "answer": answer.rstrip("."),
        },
    )


def _first(items: Sequence[str]) -> str:
    return items[0] if items else ""


def _meeting_convened(w: Words, e: MeetingConvened) -> tuple[Switches, Fields]:
    text = str(given(e.text)).strip()
    return (
        {"has_text": bool(text)},
        {
            "actor": w.name(given(e.by)),
            "convener": w.name(given(e.by)),
            "invitees": w.names(given(e.to, ())),
            "topic": w.topic(given(e.topic)),
            "text": text.rstrip("."),
        },
    )


def _meeting_held(w: Words, e: MeetingHeld) -> tuple[Switches, Fields]:
    by = given(e.by)
    attendees = [a for a in given(e.attendees, ()) if a != by]
    declined, absent = tuple(given(e.declined, ())), tuple(given(e.absent, ()))
    return (
        {
            "nobody_came": not attendees,
            "some_declined": bool(attendees and declined),
            "some_absent": bool(attendees and absent),
        },
        {
            "actor": w.name(by),
            "convener": w.name(by),
            "attendees": w.names(attendees),
            "declined": w.names(declined),
            "absent": w.names(absent),
            "topic": w.topic(given(e.topic)),
        },
    )


def _submitter(w: Words, e: Event) -> str:
    """Whose plan it is (events before plans were everyone's named it `consortium`)."""
    d = e.data
    return str(get(d, "submitter", None) or get(d, "consortium"))


def _is_provider(w: Words, rid: str) -> bool:
    role = w.scenario.roles.get(rid)
    return role is not None and role.kind in PROVIDER_KINDS


def _plan_submitted(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    who = _submitter(w, e)
    return (
        {
            "late": bool(get(d, "late", False)),
            "needs_assessment": bool(get(d, "reflects_needs_assessment", False)),
            "gap": int(get(d, "gap", 0)) > 0,
            "provider": _is_provider(w, who),
            "revised": bool(get(d, "revised", False)),
        },
        {
            "submitter": w.name(who),
            "consortium": w.name(who),
            "savings": money(int(get(d, "savings", 0))),
            "gap": money(int(get(d, "gap", 0))),
            "credibility": str(get(d, "credibility")),
        },
    )


def _plan_challenged(w: Words, e: PlanChallenged) -> tuple[Switches, Fields]:
    return {}, {
        "challenger": w.name(given(e.by) or (e.actors[0] if e.actors else "")),
        "consortium": w.name(given(e.consortium)),
        "credibility": str(given(e.credibility)),
        "points": plural(abs(int(given(e.change, 0))), "point"),
    }


def _plan_assessed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    who = _submitter(w, e)
    return (
        {"verdict": str(get(d, "verdict")), "provider": _is_provider(w, who)},
        {
            "actor": w.name(who),
            "assessor": w.name(e.actors[0]) if e.actors else "",
            "submitter": w.name(who),
            "consortium": w.name(who),
            "verdict": str(get(d, "verdict")),
            "credibility": str(get(d, "credibility")),
        },
    )


def _plan_called(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    who = _submitter(w, e)
    ladder = get(d, "ladder", None)
    level = int(get(d, "level", 0))
    _, _, steps = w.ladder(ladder)
    following, _ = w.step(ladder, level + 1)
    savings, realistic = int(get(d, "savings", 0)), int(get(d, "realistic", 0))
    return (
        {"provider": _is_provider(w, who), "hopeful": savings > realistic, "next_step": bool(ladder) and level < steps},
        {
            "actor": w.name(e.actors[0]) if e.actors else "",
            "assessor": w.name(e.actors[0]) if e.actors else "",
            "submitter": w.name(who),
            "credibility": str(get(d, "credibility")),
            "savings": money(savings),
            "realistic": money(realistic),
            "gap": money(int(get(d, "gap", 0))),
            "next_step": following,
        },
    )


def _funding_bid(w: Words, e: FundingBid) -> tuple[Switches, Fields]:
    return {}, {
        "consortium": w.name(given(e.by)),
        "amount": money(int(given(e.amount, 0))),
        "to": w.names(given(e.to, ())),
    }


def _funding_awarded(w: Words, e: FundingAwarded) -> tuple[Switches, Fields]:
    awarded, requested = int(given(e.awarded, 0)), int(given(e.requested, 0))
    return (
        {"refused": awarded == 0, "in_full": awarded >= requested},
        {
            "actor": w.name(given(e.consortium)),
            "board": w.name(e.actors[0]) if e.actors else "",
            "consortium": w.name(given(e.consortium)),
            "awarded": money(awarded),
            "requested": money(requested),
        },
    )


FIELDS: dict[str, FieldsOf] = {
    "ConcernRaised": _concern_raised,
    "RequestRaised": _request_raised,
    "RequestAnswered": _request_answered,
    "InformationRequested": _information_requested,
    "QuestionAsked": _question_asked,
    "CommitmentAsked": _commitment_asked,
    "LeadCommissionerAsked": _lead_asked,
    "MeetingConvened": _meeting_convened,
    "MeetingHeld": _meeting_held,
    "PlanSubmitted": _plan_submitted,
    "PlanChallenged": _plan_challenged,
    "PlanAssessed": _plan_assessed,
    "PlanCalledUnrealistic": _plan_called,
    "FundingBid": _funding_bid,
    "FundingAwarded": _funding_awarded,
}
