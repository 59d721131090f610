"""A scenario's own words for what the engine names by catalogue: its kinds of organisation ("clinical
commissioning groups" for consortia) and the span of its game ("the year", or "the game" when it says
nothing). Front ends, the narrative, the debrief and the sweep print these, never the catalogue's words."""

from __future__ import annotations

from attrs import frozen

from ..vocabulary.catalogue import KINDS
from ..vocabulary.words import month_label
from .model import KindLabel, Labels
from .scenario import Scenario


def _plural(singular: str) -> str:
    if singular.endswith("consortium"):
        return singular[:-2] + "a"
    if singular.endswith("y") and not singular.endswith(("ay", "ey", "oy")):
        return singular[:-1] + "ies"
    return singular if singular.endswith("s") else singular + "s"


_NAMED_BY_BODY = {"monitor": "economic regulator"}
"""Kinds the catalogue describes by one body's name: a scenario's own body of the kind may be called otherwise."""


def _default(kind: str) -> KindLabel:
    singular = _NAMED_BY_BODY.get(kind) or KINDS[kind].split(",")[0]
    return KindLabel(singular=singular, plural=_plural(singular))


DEFAULT_LABELS: dict[str, KindLabel] = {kind: _default(kind) for kind in KINDS}
"""The catalogue's words for each kind, used where a scenario's [labels.kinds] names none."""


def kind_labels(labels: Labels) -> dict[str, KindLabel]:
    """Every kind's label: the scenario's where it gives one, the catalogue's otherwise."""
    return DEFAULT_LABELS | {k: v for k, v in labels.kinds.items() if k in KINDS}


def kind_label(scenario: Scenario, kind: str, *, plural: bool = False) -> str:
    """ "GP commissioning consortium", or the scenario's own word for the kind ("CCGs" with `plural`)."""
    label = scenario.info.labels.kinds.get(kind) or DEFAULT_LABELS.get(kind)
    if label is None:
        return kind.replace("_", " ") + ("s" if plural else "")
    return label.plural if plural else label.singular


@frozen
class Span:
    """The game's whole span in words: "the year" when the scenario calls it so, "the game" otherwise."""

    name: str
    """ "the year", "the game": what the whole span is called, with its article."""
    last: str
    """The last month of the last turn, in words: "June 2014"."""
    own: bool
    """Whether the scenario named its span (then "Over the year" reads well; "Over the game" would not)."""

    @property
    def noun(self) -> str:
        """ "year", "game": the name without its article."""
        first, _, rest = self.name.partition(" ")
        return rest if rest and first.lower() in ("the", "this", "a") else self.name

    @property
    def end_short(self) -> str:
        """ "Year end", "Game end": a label for a column or a row of figures."""
        return f"{self.noun[:1].upper()}{self.noun[1:]} end"

    @property
    def end(self) -> str:
        """ "the end of the year"."""
        return f"the end of {self.name}"

    @property
    def end_dated(self) -> str:
        """ "the end of the game, July 2015": the end with its month, for a player who may not know it."""
        return f"{self.end}, {self.last}" if self.last else self.end

    @property
    def over(self) -> str:
        """How a summary of the whole span opens: "Over the year", or "By the end of the game"."""
        return f"Over {self.name}" if self.own else f"By {self.end}"

    @property
    def title(self) -> str:
        """ "The year", "The game": the name opening a sentence or a heading."""
        return self.name[:1].upper() + self.name[1:]


def span_of(scenario: Scenario) -> Span:
    """The span of this scenario's game, in its own words ([labels] span) or derived from its calendar."""
    own = scenario.info.labels.span.strip()
    turns = scenario.turns
    return Span(name=own or "the game", last=month_label(turns[-1][-1]) if turns else "", own=bool(own))
