"""Schemes invested in, and what they saved or failed to."""

from __future__ import annotations

from .base import Event, _kind


@_kind("an organisation invested in a scheme")
class SchemeInvested(Event):
    """An organisation invested in a scheme."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    cost: int | None = None
    matures: int | None = None
    setting: str | None = None  # the care setting of the activity it reduces: acute, community, ...
    prevention: bool | None = None  # the scheme's purposes include prevention


@_kind("a scheme released savings")
class SchemeSavingsReleased(Event):
    """A scheme released savings."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    roll: float | None = None
    chance: float | None = None
    activity: str | None = None
    reduction_percent: float | None = None


@_kind("a scheme failed to deliver")
class SchemeFailed(Event):
    """A scheme failed to deliver."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    roll: float | None = None
    chance: float | None = None
