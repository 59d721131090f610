"""The month's countdown shown in the header: twenty minutes a month by default.

It only informs the room; when it runs out nothing happens by itself — the
facilitator decides whether to close the phase. The time source is injected so
screenshots and tests see a clock that does not move.
"""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_MINUTES = 20


class MonthClock:
    def __init__(self, minutes: int = DEFAULT_MINUTES, now: Callable[[], float] = time.monotonic) -> None:
        self.minutes = minutes
        self._now = now
        self._allowed = minutes * 60.0
        self._started = now()
        self._paused_at: float | None = None

    def restart(self) -> None:
        """A new month: the full allowance again (a pause carries over)."""
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
        sign = "-" if left < 0 else ""
        whole = int(abs(left))
        label = f"{sign}{whole // 60:02d}:{whole % 60:02d}"
        if self.paused:
            return f"clock paused at {label}"
        return f"{label} over time" if left < 0 else f"{label} left"
