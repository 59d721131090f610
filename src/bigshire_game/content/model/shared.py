"""Pieces every content file may hold: conditions, effects, closures, and the help text of a tuning number."""

from __future__ import annotations

from attrs import field, frozen

Scalar = bool | int | float | str


def tune(default: Scalar, help: str):
    """A tuning number with what it does, for the JSON Schema's description."""
    return field(default=default, metadata={"help": help})


@frozen(kw_only=True)
class Condition:
    """A test on the state of the game: one metric, one rule, one card, or a combination."""

    metric: str | None = None
    of: str | None = None
    ladder: str | None = None
    above: float | None = None
    below: float | None = None
    at_least: float | None = None
    at_most: float | None = None
    rule: str | None = None
    equals: Scalar | None = None
    card: str | None = None
    published: bool | None = None
    option: str | None = None
    all_of: tuple[Condition, ...] | None = None
    any_of: tuple[Condition, ...] | None = None
    none_of: tuple[Condition, ...] | None = None


@frozen(kw_only=True)
class Effect:
    """One change to the world. Which fields apply depends on `kind`."""

    kind: str
    target: str | None = None
    amount: int | None = None
    percent: float | None = None
    flow: str | None = None
    payer: str | None = None
    payee: str | None = None
    activity: str | None = None
    months: int | None = None
    setting: str | None = None
    value: Scalar | None = None
    other: str | None = None
    regulator: str | None = None
    reason: str | None = None
    source: str | None = None
    topic: str | None = None
    text: str | None = None
    card: str | None = None
    after: int | None = None
    contract: str | None = None
    activities: tuple[str, ...] | None = None
    annual_value: int | None = None
    share_percent: float | None = None
    price_percent: float | None = None


@frozen(kw_only=True)
class Closure:
    """Marks a decision or an option as closing a site or withdrawing a service. Taking it announces the closure;
    its effects happen only when it goes ahead, after a notice period that opposition can lengthen."""

    what: str  # what closes, for sentences: "the Eastbrook site"
    kind: str = "site"  # site | service
    affects: tuple[str, ...] = ()  # whose population loses it: role ids or kinds (their objections are strong)
    notice_months: int = 3  # months between the announcement and going ahead, before any delay
    announced: tuple[Effect, ...] = ()  # what the announcement itself sets off (a campaign card, a concern)
