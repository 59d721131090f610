"""The validated scenario: every file read, cross-checked and frozen, ready for the engine."""

from __future__ import annotations

from functools import cached_property

from attrs import frozen

from ..vocabulary.words import parse_month
from .model import (
    Activity,
    Balance,
    Card,
    DeckFile,
    Ladder,
    NarrativeFile,
    Role,
    Routing,
    ScenarioFile,
    Scheme,
    Template,
)


def month_range(start: str, end: str) -> tuple[str, ...]:
    first, last = parse_month(start), parse_month(end)
    if first is None or last is None:
        return ()
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def group_turns(months: tuple[str, ...], merged: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Months grouped into turns: each merged group is one turn, every other month its own."""
    lead = {group[0]: group for group in merged if group}
    inside = {m for group in merged for m in group[1:]}
    return tuple(lead.get(m, (m,)) for m in months if m not in inside)


@frozen(kw_only=True, eq=False)
class Scenario:
    """Everything a game needs from content, already validated: nothing downstream re-checks it."""

    root: str
    info: ScenarioFile
    roles: dict[str, Role]
    decks: tuple[DeckFile, ...]
    cards: dict[str, Card]
    card_decks: dict[str, str]
    content_hash: str
    file_hashes: dict[str, str]
    narrative: NarrativeFile = NarrativeFile()

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def name(self) -> str:
        return title_name(self.info.title)

    @property
    def tagline(self) -> str:
        return title_tagline(self.info.title)

    @property
    def balance(self) -> Balance:
        """The tuning numbers the rules read ([balance] in scenario.toml, defaults where unwritten)."""
        return self.info.balance

    @property
    def routing(self) -> Routing:
        """Who may address whom about what ([routing] in scenario.toml, defaults where unwritten)."""
        return self.info.routing

    def first_addressee(self, kind: str = "", power: str = "") -> str | None:
        """The first organisation, in file order, of this kind or holding this power."""
        return next(iter(self.addressees(kind, power)), None)

    def addressees(self, kind: str = "", power: str = "") -> tuple[str, ...]:
        """Every organisation, in file order, of this kind or holding this power: where a route may lead, so a
        question can go to any organisation that can answer it (remembered: the rules ask at every look)."""
        key = (kind, power)
        found = self._addressees.get(key)
        if found is None:
            found = self._addressees[key] = tuple(
                rid
                for rid, role in self.roles.items()
                if (kind and role.kind == kind) or (power and power in role.powers)
            )
        return found

    @cached_property
    def _addressees(self) -> dict[tuple[str, str], tuple[str, ...]]:
        return {}

    @cached_property
    def months(self) -> tuple[str, ...]:
        return month_range(self.info.calendar.start, self.info.calendar.end)

    @cached_property
    def turns(self) -> tuple[tuple[str, ...], ...]:
        return group_turns(self.months, self.info.calendar.merged)

    @property
    def turn_minutes(self) -> int:
        """A turn's countdown: the sum of its phases' minutes (a merged turn is played once, so counts once)."""
        return sum(max(phase.minutes, 0) for phase in self.info.phases)

    @cached_property
    def activities(self) -> dict[str, Activity]:
        return {a.id: a for a in self.info.activities}

    @cached_property
    def schemes(self) -> dict[str, Scheme]:
        return {s.id: s for s in self.info.schemes}

    @cached_property
    def ladders(self) -> dict[str, Ladder]:
        return {ladder.id: ladder for ladder in self.info.ladders}

    @cached_property
    def templates(self) -> dict[str, tuple[Template, ...]]:
        """The narrative's sentence templates for each kind of event, in file order."""
        out: dict[str, list[Template]] = {}
        for template in self.narrative.templates:
            out.setdefault(template.event, []).append(template)
        return {kind: tuple(found) for kind, found in out.items()}

    def roles_of_kind(self, *kinds: str) -> tuple[str, ...]:
        """The roles of these kinds, in file order (asked often by the rules, so remembered)."""
        found = self._roles_by_kinds.get(kinds)
        if found is None:
            found = self._roles_by_kinds[kinds] = tuple(rid for rid, role in self.roles.items() if role.kind in kinds)
        return found

    @cached_property
    def _roles_by_kinds(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        return {}


def title_name(title: str) -> str:
    """A scenario's name as a header shows it: its title up to a colon ("Bigshire" of "Bigshire: a year ...")."""
    return title.partition(":")[0].strip() or title


def title_tagline(title: str) -> str:
    """What a scenario's title says after the colon, as a sentence; empty when the title has no colon."""
    rest = title.partition(":")[2].strip()
    return f"{rest[:1].upper()}{rest[1:]}{'' if rest.endswith(('.', '!', '?')) else '.'}" if rest else ""
