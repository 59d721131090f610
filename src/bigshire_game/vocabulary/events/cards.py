"""Cards published and the decisions organisations took on them."""

from __future__ import annotations

from .base import Event, _kind


@_kind("a card was published")
class CardPublished(Event):
    """A card was published."""

    card: str | None = None
    title: str | None = None
    deck: str | None = None
    how: str | None = None
    deciders: tuple[str, ...] | None = None
    drawn: bool | None = None
    roll: float | None = None
    among: int | None = None


@_kind("an organisation answered a card")
class OptionChosen(Event):
    """An organisation answered a card."""

    card: str | None = None
    title: str | None = None
    option: str | None = None
    label: str | None = None
    role: str | None = None
    defaulted: bool | None = None
    closure: str | None = None  # an option that announced a closure: its id, what closes and when it is due
    what: str | None = None
    due: int | None = None


@_kind("an organisation took an internal decision")
class DecisionTaken(Event):
    """An organisation took an internal decision."""

    role: str | None = None
    decision: str | None = None
    title: str | None = None
    closure: str | None = None  # a closure announced: its id, what closes and when it is due
    what: str | None = None
    due: int | None = None
    consulted: bool | None = None  # taken after consulting the consortium's member practices
