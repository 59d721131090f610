"""Regulation: inspections, joint reviews, referrals, sanctions and rulings."""

from __future__ import annotations

from .base import Event, _kind


@_kind("an inspection took place")
class InspectionHeld(Event):
    """An inspection took place."""

    subject: str | None = None
    quality: int | None = None
    rating: str | None = None


@_kind("a regulator proposed a joint review of a provider to another")
class JointReviewProposed(Event):
    """A regulator proposed a joint review of a provider to another."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None
    reason: str | None = None


@_kind("a regulator agreed to a joint review")
class JointReviewAgreed(Event):
    """A regulator agreed to a joint review."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None


@_kind("a regulator declined a joint review, or left it unanswered")
class JointReviewDeclined(Event):
    """A regulator declined a joint review, or left it unanswered."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None
    lapsed: bool | None = None


@_kind("two regulators reviewed a provider together and made one finding")
class JointReviewHeld(Event):
    """Two regulators reviewed a provider together and made one finding."""

    review: str | None = None
    regulators: tuple[str, ...] | None = None
    subject: str | None = None
    quality: int | None = None
    rating: str | None = None
    forecast: int | None = None
    concerns: tuple[str, ...] | None = None  # the topics the finding raised: quality, money
    agendas: tuple[str, ...] | None = None  # the regulators whose agendas it went on
    items: tuple[str, ...] | None = None  # the agenda items it opened


@_kind("a regulator referred an organisation to another regulator")
class ReferralMade(Event):
    """A regulator referred an organisation to another regulator."""

    by: str | None = None
    to: str | None = None
    subject: str | None = None
    reason: str | None = None
    item: str | None = None


@_kind("a regulator imposed a sanction")
class SanctionImposed(Event):
    """A regulator imposed a sanction."""

    ladder: str | None = None
    subject: str | None = None
    step: str | None = None
    step_title: str | None = None
    level: int | None = None
    final: bool | None = None
    reason: str | None = None
    items: tuple[str, ...] | None = None


@_kind("a regulator lifted a sanction")
class SanctionLifted(Event):
    """A regulator lifted a sanction."""

    ladder: str | None = None
    subject: str | None = None
    step: str | None = None
    step_title: str | None = None
    level: int | None = None
    lifted: str | None = None


@_kind("a ruling was made")
class RulingMade(Event):
    """A ruling was made."""

    setting: str | None = None
    value: bool | float | None = None
    previous: bool | float | None = None
    request: str | None = None
