"""Alliances, their competition review and registration, and risk pools."""

from __future__ import annotations

from .base import Event, _kind


@_kind("an alliance was formed", agreement_kind="kind")
class AllianceFormed(Event):
    """An alliance was formed."""

    agreement: str | None = None
    agreement_kind: str | None = None
    share: int | None = None
    service: str | None = None
    conditions: str | None = None
    provider: str | None = None


@_kind("an alliance ended", agreement_kind="kind")
class AllianceEnded(Event):
    """An alliance ended."""

    agreement: str | None = None
    agreement_kind: str | None = None
    ended_by: str | None = None
    reason: str | None = None


@_kind("Monitor opened a competition review", agreement_kind="kind")
class CompetitionReviewOpened(Event):
    """Monitor opened a competition review."""

    agreement: str | None = None
    agreement_kind: str | None = None
    share: int | None = None
    service: str | None = None


@_kind("Monitor decided a competition review", agreement_kind="kind")
class AllianceReviewed(Event):
    """Monitor decided a competition review."""

    agreement: str | None = None
    agreement_kind: str | None = None
    outcome: str | None = None
    share: int | None = None
    service: str | None = None


@_kind("the CQC was asked whether a new integrated body must register", agreement_kind="kind")
class RegistrationQuestionRaised(Event):
    """The CQC was asked whether a new integrated body must register."""

    agreement: str | None = None
    agreement_kind: str | None = None


@_kind("the CQC decided a new integrated body's registration", agreement_kind="kind")
class RegistrationDecided(Event):
    """The CQC decided a new integrated body's registration."""

    agreement: str | None = None
    agreement_kind: str | None = None
    outcome: str | None = None
    quality: int | None = None
    conditions: str | None = None


@_kind("a risk pool shared its members' results at the game's end (or its own, if sooner)")
class RiskPoolSettled(Event):
    """A risk pool shared its members' results at the game's end, or at its own end if that came first."""

    agreement: str | None = None
    pooled: int | None = None
    results: tuple[int, ...] | None = None
    shares: tuple[float, ...] | None = None
    transfers: tuple[int, ...] | None = None
    months: int | None = None
