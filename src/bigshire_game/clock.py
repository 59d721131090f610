"""The turn's countdown the room plays against, and its state as a save keeps it. Its allowance is the
scenario's phases' minutes (`Scenario.turn_minutes`); DEFAULT_MINUTES is only what older saves assumed.

It only informs the room; when it runs out nothing happens by itself: the
facilitator decides whether to close the phase. The time source is injected so
screenshots and tests see a clock that does not move.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from attrs import frozen

DEFAULT_MINUTES = 20
MAX_SECONDS = 24 * 60 * 60  # a save keeps at most a day either side: the clock only informs the room


@frozen
class ClockState:
    """What a save keeps of the clock: the month's allowance and the seconds left when it was saved."""

    minutes: int = DEFAULT_MINUTES
    remaining: int = DEFAULT_MINUTES * 60
    paused: bool = False


class MonthClock:
    def __init__(self, minutes: int = DEFAULT_MINUTES, now: Callable[[], float] = time.monotonic) -> None:
        self.minutes = minutes
        self._now = now
        self._allowed = minutes * 60.0
        self._started = now()
        self._paused_at: float | None = None

    def restart(self, minutes: int | None = None) -> None:
        """A new month: the full allowance again (a pause carries over)."""
        if minutes is not None:
            self.minutes = minutes
        self._allowed = self.minutes * 60.0
        self._started = self._now()
        if self._paused_at is not None:
            self._paused_at = self._started

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._started += self._now() - self._paused_at
            self._paused_at = None

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def extend(self, minutes: float) -> None:
        self._allowed = max(0.0, self._allowed + minutes * 60.0)

    def remaining(self) -> float:
        """Seconds left, negative once over time."""
        at = self._paused_at if self._paused_at is not None else self._now()
        return self._allowed - (at - self._started)

    def text(self) -> str:
        left = self.remaining()
        whole = int(abs(left))
        label = f"{whole // 60:02d}:{whole % 60:02d}"
        if self.paused:
            return f"clock paused at {label} over time" if left < 0 else f"clock paused at {label}"
        return f"{label} over time" if left < 0 else f"{label} left"

    @property
    def now(self) -> Callable[[], float]:
        """The time source, so a resumed clock can keep the app's (a still one in tests)."""
        return self._now

    # --- what a save keeps -------------------------------------------------------------------------

    def state(self) -> ClockState:
        left = max(-MAX_SECONDS, min(MAX_SECONDS, round(self.remaining())))
        return ClockState(minutes=self.minutes, remaining=left, paused=self.paused)

    @classmethod
    def resumed(cls, saved: ClockState, now: Callable[[], float] = time.monotonic) -> MonthClock:
        """The clock as it was saved, paused: the facilitator restarts it when the room is ready."""
        clock = cls(saved.minutes, now)
        clock._allowed = float(saved.remaining)
        clock._paused_at = clock._started
        return clock
