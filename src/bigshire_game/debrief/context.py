"""What every part of a debrief shares: the scenario's words, who is reading, the window, each event told once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..content import Scenario
from ..narrative import Lookup, Told, Words, gather, tell
from ..state import GameState
from ..vocabulary.events import CardPublished, Event
from .selection import TALK, knows_books, published, worth_telling


class Context:
    """Everything the sections share: names, visibility, the window, and each event told once."""

    def __init__(
        self,
        scenario: Scenario,
        events: Sequence[Event],
        start: GameState,
        end: GameState,
        role: str | None,
        months: tuple[int, int] | None,
    ) -> None:
        self.scenario = scenario
        self.role = role
        self.start, self.end = start, end
        self.words = Words(scenario, Lookup((start, end), events))
        self.all_events = [e for e in events if role is None or e.visible_to(role)]
        self.window_events = tuple(events)  # everything that happened, for the published accounts
        lo, hi = self.window(months)
        self.events = [e for e in self.all_events if lo <= e.month <= hi]
        self.deciders = {str(e.card): len(e.deciders or ()) for e in events if isinstance(e, CardPublished)}
        self.alarms = frozenset(t.title for ladder in scenario.info.ladders for t in ladder.triggers)
        self._told: dict[int, Told] = {}
        self._published: dict[tuple[bool, str], int | None] = {}
        self._closings: list[Event] | None = None
        self._positions: dict[int, int] | None = None
        self._order: dict[int, int] | None = None
        self._by_kind: dict[str, list[tuple[int, Event]]] | None = None

    def position(self, e: Event) -> int:
        """Where an event comes in the game's order (by identity: a list's index() compares every event)."""
        if self._positions is None:
            self._positions = {id(x): i for i, x in enumerate(self.events)}
        return self._positions[id(e)]

    def of_kinds(self, kinds: Iterable[str]) -> list[Event]:
        """The window's events of these kinds, in the order they happened (every theme asks for a few kinds)."""
        if self._by_kind is None:
            found: dict[str, list[tuple[int, Event]]] = {}
            for n, e in enumerate(self.events):
                found.setdefault(e.kind, []).append((n, e))
            self._by_kind = found
        picked = [pair for kind in dict.fromkeys(kinds) for pair in self._by_kind.get(kind, ())]
        picked.sort(key=lambda pair: pair[0])
        return [e for _, e in picked]

    def in_order(self, events: Sequence[Event]) -> list[Event]:
        """Events in the order they happened, wherever they came from among those the reader saw."""
        if self._order is None:
            self._order = {id(x): i for i, x in enumerate(self.all_events)}
        order = self._order
        return sorted(events, key=lambda e: order.get(id(e), len(order)))

    def worth(self, e: Event) -> bool:
        return worth_telling(e, self.deciders, self.alarms)

    def window(self, months: tuple[int, int] | None) -> tuple[int, int]:
        if months is None:
            return -1, 10**9
        lo, hi = months
        turns = self.scenario.turns
        index = self.scenario.months.index
        for t in turns:
            first, last = index(t[0]), index(t[-1])
            if first <= lo <= last:
                lo = first
            if first <= hi <= last:
                hi = last
        return lo, hi

    def tell(self, e: Event) -> Told:
        key = id(e)
        if key not in self._told:
            self._told[key] = tell(self.words, e)
        return self._told[key]

    def dated(self, e: Event) -> str:
        return f"{self.words.month(e.month)}: {self.tell(e).text}"

    def knows_money(self, rid: str) -> bool:
        return knows_books(self.role, rid)

    def published(self, state: GameState, rid: str) -> int | None:
        """`rid`'s balance as the room knew it at `state` (one of the window's ends)."""
        key = (state is self.end, rid)
        if key not in self._published:
            if state is self.end and self._closings is None:  # only month closings publish accounts
                self._closings = [e for e in self.window_events if e.kind == "MonthResolved"]
            events = self._closings if state is self.end else ()
            self._published[key] = published(state, events or (), rid).balance
        return self._published[key]

    def name(self, rid: str) -> str:
        return self.words.name(rid)


def gathered_dated(ctx: Context, events: Sequence[Event]) -> list[str]:
    """Dated sentences, like events of one month told together."""
    out: list[str] = []
    by_month: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        by_month[e.month].append(e)
    for month in sorted(by_month):
        for text in gather([ctx.tell(e) for e in by_month[month]]):
            out.append(f"{ctx.words.month(month)}: {text}")
    return out


def spread(events: Sequence[Event], n: int, talk_first: bool = True) -> list[Event]:
    """Up to n events from across the period rather than the first few: talk before book-keeping, unless
    the events were chosen already."""
    talk = ([e for e in events if e.kind in TALK] if talk_first else []) or list(events)
    if len(talk) <= n:
        return talk
    step = (len(talk) - 1) / (n - 1)
    return [talk[round(i * step)] for i in range(n)]
