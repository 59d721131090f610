"""The month's countdown shown in the header (the session owns it; see `bigshire_game.clock`)."""

from ..clock import DEFAULT_MINUTES, ClockState, MonthClock

__all__ = ["DEFAULT_MINUTES", "ClockState", "MonthClock"]
