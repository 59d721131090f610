"""The shape of a deck file, decks/<name>.toml: its cards, when they come, their options and follow-ups."""

from __future__ import annotations

from attrs import frozen

from .shared import Closure, Condition, Effect


@frozen(kw_only=True)
class When:
    month: str | None = None
    first: str | None = None
    last: str | None = None
    weight: int = 1
    repeat: bool = False
    condition: Condition | None = None


@frozen(kw_only=True)
class Option:
    id: str
    label: str
    text: str = ""
    tags: tuple[str, ...] = ()
    effects: tuple[Effect, ...]
    closure: Closure | None = None


@frozen(kw_only=True)
class FollowUp:
    card: str
    after: int = 1
    option: str | None = None


@frozen(kw_only=True)
class Card:
    id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()
    audience: tuple[str, ...]
    decided_by: tuple[str, ...] = ()
    when: When = When()
    effects: tuple[Effect, ...] = ()
    options: tuple[Option, ...] = ()
    default_option: str | None = None
    follow_ups: tuple[FollowUp, ...] = ()


@frozen(kw_only=True)
class DeckInfo:
    id: str
    title: str
    text: str = ""
    draws_per_month: int = 1


@frozen(kw_only=True)
class DeckFile:
    deck: DeckInfo
    cards: tuple[Card, ...]
