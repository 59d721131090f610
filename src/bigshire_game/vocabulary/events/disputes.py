"""Disputes over agreements and their mediation."""

from __future__ import annotations

from .base import Event, _kind


@_kind("a dispute was raised")
class DisputeRaised(Event):
    """A dispute was raised."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    text: str | None = None


@_kind("a dispute was answered, conceded or denied")
class DisputeAnswered(Event):
    """A dispute was answered, conceded or denied."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    conceded: bool | None = None
    lapsed: bool | None = None
    mediator: str | None = None


@_kind("a dispute was mediated")
class DisputeMediated(Event):
    """A dispute was mediated."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    outcome: str | None = None
    paid: int | None = None
