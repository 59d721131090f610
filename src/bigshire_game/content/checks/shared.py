"""What every file kind's checks share: the `World` they read and report into, and the small checks
(a known word, a month in the calendar, a number in range, unique ids, placeholders) they are built from."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from attrs import define, field

from ...vocabulary.words import example_month, months_between
from ..diagnostics import KeyPath, one_of, suggest
from ..model import Card, DeckInfo, NarrativeFile, Role, ScenarioFile
from ..scenario import month_range, parse_month

Problem = tuple[str, KeyPath, str, str]  # file, path, message, severity


@define
class World:
    """What the checks need to know about the whole scenario."""

    scenario: ScenarioFile | None = None
    scenario_file: str = ""
    roles: dict[str, tuple[str, Role]] = field(factory=dict)  # id -> (file, role)
    role_kinds: dict[str, str] = field(factory=dict)  # includes roles that failed to read
    cards: dict[str, tuple[str, KeyPath, Card]] = field(factory=dict)
    card_ids: set[str] = field(factory=set)  # includes cards that failed to read
    decks: list[tuple[str, DeckInfo]] = field(factory=list)
    narratives: list[tuple[str, NarrativeFile]] = field(factory=list)
    problems: list[Problem] = field(factory=list)

    @property
    def months(self) -> tuple[str, ...] | None:
        if self.scenario is None:
            return None
        return month_range(self.scenario.calendar.start, self.scenario.calendar.end)

    @property
    def activities(self) -> set[str] | None:
        return None if self.scenario is None else {a.id for a in self.scenario.activities}

    def error(self, file: str, path: KeyPath, message: str) -> None:
        self.problems.append((file, path, message, "error"))

    def warn(self, file: str, path: KeyPath, message: str) -> None:
        self.problems.append((file, path, message, "warning"))


def check_month(w: World, file: str, path: KeyPath, value: str | None, *, after_end: bool = False) -> None:
    """A month of the calendar; with `after_end`, any month from the calendar's start (a contract may run past
    the game's end, and is paid until the game ends)."""
    if value is None:
        return
    if parse_month(value) is None:
        example = example_month(w.months or ())
        w.error(file, path, f'"{value}" is not a month; write months as "{example}" (year, dash, two-digit month)')
        return
    months = w.months
    if after_end and months and (months_between(months[-1], value) or 0) > 0:
        return
    if months and value not in months:  # no months: the calendar itself is wrong, and reported
        w.error(file, path, f"{value} is outside the calendar, which runs from {months[0]} to {months[-1]}")


def check_word(w: World, file: str, path: KeyPath, value: str, allowed: Iterable[str], what: str) -> bool:
    if value in allowed:  # allowed is a set or dict: no copy on the common, correct path
        return True
    pool = set(allowed)
    hint = suggest(value, pool) or (f" Use one of {one_of(pool)}." if pool else "")
    w.error(file, path, f'"{value}" is not a known {what}.{hint}')
    return False


def check_words(w: World, file: str, path: KeyPath, values: Iterable[str], allowed: Iterable[str], what: str) -> None:
    pool = allowed if isinstance(allowed, set | dict | frozenset) else set(allowed)
    for i, value in enumerate(values):
        check_word(w, file, (*path, i), value, pool, what)


def not_negative(w: World, file: str, path: KeyPath, value: float | None, what: str = "this amount") -> None:
    if value is not None and value < 0:
        w.error(file, path, f"{what} cannot be negative, but it is {value:g}")


def between(w: World, file: str, path: KeyPath, value: float | None, low: float, high: float) -> None:
    if value is not None and not low <= value <= high:
        w.error(file, path, f"must be between {low:g} and {high:g}, but it is {value:g}")


def unique(w: World, file: str, path: KeyPath, ids: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            w.error(file, (*path, i, "id"), f'the {what} id "{value}" is used twice in this list')
        seen.add(value)


def show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def some_text(w: World, file: str, path: KeyPath, text: str) -> None:
    if not text.strip():
        w.error(file, path, "write some words here: it is empty")


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_placeholders(w: World, file: str, path: KeyPath, text: str, allowed: Iterable[str], what: str) -> None:
    """Every {name} in the text must be one the renderer fills; a stray brace is a typo."""
    pool = sorted(set(allowed))
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name in pool:
            continue
        close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
        if close:
            hint = f' Did you mean "{{{close[0]}}}"?'
        elif pool:
            hint = " It can use " + ", ".join(f"{{{p}}}" for p in pool) + "."
        else:
            hint = " It can use none."
        w.error(file, path, f'"{{{name}}}" is not a placeholder {what} can use.{hint}')
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        w.error(
            file, path, 'a "{" or "}" does not make a placeholder: write placeholders as {name}, with no braces inside'
        )
