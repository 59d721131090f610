"""The observer themes: which events each theme's measure counts, or what it reads off the organisations'
graph, and the notes that held, with evidence."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from attrs import frozen

from ..content.model import EventFilter, Measure, Theme
from ..narrative import fill, listed
from ..vocabulary.catalogue import GRAPH_MEASURES
from ..vocabulary.events import Event
from .asking import addressees, answered_ids, initiator, item_id
from .context import Context, gathered_dated, spread
from .graph import Reading, organisation_graph, read
from .model import Note
from .selection import BOOKKEEPING

if TYPE_CHECKING:
    import networkx as nx


def _matches(ctx: Context, f: EventFilter, e: Event, answered: set[str], kinds: dict[str, str]) -> bool:
    """Whether the event passes the filter; `kinds` is each organisation's kind."""
    if f.events:
        if e.kind not in f.events:
            return False
    elif e.kind in BOOKKEEPING:
        return False
    if f.topics and not set(f.topics) & set(e.topics):
        return False
    if f.from_kinds and kinds.get(initiator(ctx, e)) not in f.from_kinds:
        return False
    if f.to_kinds and not {kinds.get(r) for r in addressees(ctx, e)} & set(f.to_kinds):
        return False
    if f.fields and any(e.data.get(key) != value for key, value in f.fields.items()):
        return False
    return f.answered is None or (item_id(e) in answered) == f.answered


def _matching(ctx: Context, f: EventFilter, answered: set[str], kinds: dict[str, str]) -> list[Event]:
    """The window's events that pass the filter, in order; those of other kinds are passed over at once (a sweep
    measures every theme over every game)."""
    if f.events:
        return [e for e in ctx.of_kinds(f.events) if _matches(ctx, f, e, answered, kinds)]
    return [e for e in ctx.events if _matches(ctx, f, e, answered, kinds)]


def _amount(events: list[Event], field: str) -> float:
    """How many events, or the sum of one of their fields."""
    if not field:
        return float(len(events))
    return float(sum(value for e in events if isinstance(value := e.data.get(field), int | float)))


def _median(events: list[Event], field: str) -> float | None:
    values = sorted(v for e in events if isinstance(v := e.data.get(field), int | float) and not isinstance(v, bool))
    return statistics.median(values) if values else None


def holds(m: Measure, value: float) -> bool:
    """Whether a measured value passes every test the measure gives (at_least, at_most, above, below)."""
    return (
        (m.at_least is None or value >= m.at_least)
        and (m.at_most is None or value <= m.at_most)
        and (m.above is None or value > m.above)
        and (m.below is None or value < m.below)
    )


def measure(ctx: Context, theme: Theme, answered: set[str]) -> tuple[float, int, int, list[Event]]:
    """(value, matching `of`, matching `against`, the `of` events) for one theme over the window."""
    m = theme.measure
    kinds = {rid: role.kind for rid, role in ctx.scenario.roles.items()}
    of = _matching(ctx, m.of or EventFilter(), answered, kinds)
    against = [] if m.against is None else _matching(ctx, m.against, answered, kinds)
    if m.kind == "median":
        middle, other = _median(of, m.value_of), _median(against, m.value_of) if m.against is not None else 0.0
        value = float("nan") if middle is None or other is None else middle - other
        return value, len(of), len(against), of
    amount, base = _amount(of, m.value_of), _amount(against, m.value_of)
    if m.kind == "count":
        value = amount
    elif m.kind == "ratio":
        value = amount / max(base, 1)
    else:
        value = 100 * amount / base if base else 0.0
    return value, len(of), len(against), of


def _figure(kind: str, value: float) -> str:
    if kind in ("ratio", "median"):
        return f"{value:.1f}".removesuffix(".0")
    return str(round(value))


@frozen
class Measured:
    """One theme measured over a window: its value, what it counted, the events behind it, and whether it held."""

    value: float  # NaN when a median had nothing to take the middle of
    of: int
    against: int
    behind: list[Event]
    reading: Reading | None  # a graph measure's reading
    held: bool


def evaluate(ctx: Context, theme: Theme, answered: set[str], graph: nx.MultiDiGraph | None = None) -> Measured:
    """A theme's measure over the context, by events or on the organisations' graph (built here if not given)."""
    m = theme.measure
    if m.kind in GRAPH_MEASURES:
        reading = read(organisation_graph(ctx) if graph is None else graph, m)
        value, n_of, n_against, behind = reading.value, reading.of, reading.against, ctx.in_order(reading.evidence)
    else:
        reading = None
        value, n_of, n_against, behind = measure(ctx, theme, answered)
    held = value == value and holds(m, value) and bool(behind)  # value != value: a median of nothing
    return Measured(value, n_of, n_against, behind, reading, held)


def observer_notes(ctx: Context, graph: nx.MultiDiGraph | None = None) -> list[Note]:
    """The themes whose measure held over the window. `graph` is the organisations' graph of the same
    context, when the caller has built it already; it is built here only if a theme reads it."""
    answered = answered_ids(ctx.all_events)
    out = []
    for theme in ctx.scenario.info.themes:
        if not theme.debrief:
            continue
        m = theme.measure
        if m.kind in GRAPH_MEASURES and graph is None:
            graph = organisation_graph(ctx)
        found = evaluate(ctx, theme, answered, graph)
        if not found.held:
            continue
        fields = {"value": _figure(m.kind, found.value), "of": str(found.of), "against": str(found.against)}
        if found.reading is not None:
            fields.update(_named(ctx, found.reading))
        text = fill(theme.text, fields)
        # a graph measure's evidence is chosen already (the asks or alliances behind it); of counted events,
        # those an observer would write down
        behind = found.behind
        told = behind if found.reading is not None else [e for e in behind if ctx.worth(e)] or behind
        shown = spread(told, 5)
        evidence = gathered_dated(ctx, shown)
        out.append(Note(theme.title, text, tuple(evidence), max(0, len(behind) - len(shown))))
    return out


def _named(ctx: Context, reading: Reading) -> dict[str, str]:
    """The organisations and clusters a graph measure found, in words: "East Bigshire and North Vale"."""
    return {
        "names": listed(ctx.name(rid) for rid in reading.names),
        "groups": "; ".join(listed(ctx.name(rid) for rid in group) for group in reading.groups),
    }
