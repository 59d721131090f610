"""Decisions that take time: consultation of member practices and agreed deadlines."""

from __future__ import annotations

from .base import Event, _kind


@_kind("a consortium consulted its member practices before a decision")
class PracticesConsulted(Event):
    """A consortium consulted its member practices before a decision."""

    role: str | None = None
    decision: str | None = None
    title: str | None = None
    until: int | None = None


@_kind("a deadline was agreed")
class DeadlineSet(Event):
    """A deadline was agreed."""

    deadline: str | None = None
    by: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    agreement: str | None = None
    meeting: str | None = None


@_kind("an organisation delivered its part of a deadline")
class DeadlineDelivered(Event):
    """An organisation delivered its part of a deadline."""

    deadline: str | None = None
    role: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    waiting_for: tuple[str, ...] | None = None


@_kind("a deadline was met")
class DeadlineMet(Event):
    """A deadline was met."""

    deadline: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None


@_kind("a deadline was missed")
class DeadlineMissed(Event):
    """A deadline was missed."""

    deadline: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    delivered: tuple[str, ...] | None = None
    missing: tuple[str, ...] | None = None
