"""Talk between organisations: concerns, requests, questions, calls to commit, meetings and hired expertise."""

from __future__ import annotations

from ..causes import Cause
from .base import Event, _kind


@_kind("a concern was raised", cause="source")
class ConcernRaised(Event):
    """A concern was raised."""

    cause: Cause | None = None
    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    about: str | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a request or a question for a ruling was raised")
class RequestRaised(Event):
    """A request or a question for a ruling was raised."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None
    setting: str | None = None
    ruling: bool | None = None


@_kind("a request was answered", item_kind="kind")
class RequestAnswered(Event):
    """A request was answered."""

    request: str | None = None
    item_kind: str | None = None
    answered: bool | None = None
    answer: str | None = None
    attend: bool | None = None
    lapsed: bool | None = None
    committed: bool | None = None  # a commitment asked for: given or refused


@_kind("an organisation asked another to share what it knows")
class InformationRequested(Event):
    """An organisation asked another to share what it knows on a topic."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a regulator was asked a question about a rule")
class QuestionAsked(Event):
    """A regulator was asked a question about any rule, in words, not a ruling on a setting."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    rule: str | None = None


@_kind("organisations were asked to commit to the asker's priorities")
class CommitmentAsked(Event):
    """Organisations were asked to commit to one of the asker's priorities; each answer is a RequestAnswered."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    priority: str | None = None
    text: str | None = None


@_kind("a provider asked the consortia buying from it for a single lead commissioner")
class LeadCommissionerAsked(Event):
    """A provider asked the consortia that buy from it to deal with it through one lead commissioner."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None


@_kind("an organisation hired former commissioners to rebuild its links")
class FormerCommissionersHired(Event):
    """An organisation paid for former commissioners, whose contacts raise its trust with the chosen
    organisations at each month's end until `until`."""

    role: str | None = None
    partners: tuple[str, ...] | None = None
    cost: int | None = None
    until: int | None = None  # the last month index their work raises trust


@_kind("a meeting was convened")
class MeetingConvened(Event):
    """A meeting was convened."""

    meeting: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a meeting took place")
class MeetingHeld(Event):
    """A meeting took place."""

    meeting: str | None = None
    by: str | None = None
    topic: str | None = None
    attendees: tuple[str, ...] | None = None
    declined: tuple[str, ...] | None = None
    absent: tuple[str, ...] | None = None
    unanswered: bool | None = None
    inquorate: bool | None = None  # fewer than half of those invited came
