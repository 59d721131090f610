"""The game's clock: the game, its months, phases and turns, and their ends."""

from __future__ import annotations

from .base import Event, _kind


@_kind("the game began")
class GameStarted(Event):
    """The game began."""

    scenario: str | None = None
    seed: int | None = None


@_kind("a month began")
class MonthStarted(Event):
    """A month began."""

    turn: int | None = None
    months: tuple[str, ...] | None = None


@_kind("a phase of the month began")
class PhaseStarted(Event):
    """A phase of the month began."""

    phase_title: str | None = None


@_kind("an organisation's turn began")
class TurnStarted(Event):
    """An organisation's turn began, with what was waiting for it and what it had to meet it with."""

    role: str | None = None
    waiting: int | None = None  # items in its inbox and on its agenda
    action_points: int | None = None
    overloaded: bool | None = None  # more waiting than it had actions for


@_kind("an organisation ended its turn")
class TurnEnded(Event):
    """An organisation ended its turn."""

    role: str | None = None
    moves: int | None = None


@_kind("the month's money and activity were settled", month_label="month")
class MonthResolved(Event):
    """The month's money and activity were settled."""

    role: str | None = None
    month_label: str | None = None
    income: int | None = None
    spend: int | None = None
    result: int | None = None
    balance: int | None = None


@_kind("an organisation passed")
class Passed(Event):
    """An organisation passed."""

    role: str | None = None


@_kind("the game ended")
class GameEnded(Event):
    """The game ended."""
