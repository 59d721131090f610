"""The observer themes: which events each theme's measure counts, or what it reads off the organisations'
graph, and the notes that held, with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.model import EventFilter, Theme
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


def _matches(ctx: Context, f: EventFilter, e: Event, answered: set[str]) -> bool:
    if f.events:
        if e.kind not in f.events:
            return False
    elif e.kind in BOOKKEEPING:
        return False
    if f.topics and not set(f.topics) & set(e.topics):
        return False
    kinds = {rid: role.kind for rid, role in ctx.scenario.roles.items()}
    if f.from_kinds and kinds.get(initiator(ctx, e)) not in f.from_kinds:
        return False
    if f.to_kinds and not {kinds.get(r) for r in addressees(ctx, e)} & set(f.to_kinds):
        return False
    return f.answered is None or (item_id(e) in answered) == f.answered


def measure(ctx: Context, theme: Theme, answered: set[str]) -> tuple[float, int, int, list[Event]]:
    """(value, matching `of`, matching `against`, the `of` events) for one theme over the window."""
    m = theme.measure
    of = [e for e in ctx.events if _matches(ctx, m.of or EventFilter(), e, answered)]
    against = [e for e in ctx.events if m.against is not None and _matches(ctx, m.against, e, answered)]
    if m.kind == "count":
        value = float(len(of))
    elif m.kind == "ratio":
        value = len(of) / max(len(against), 1)
    else:
        value = 100 * len(of) / len(against) if against else 0.0
    return value, len(of), len(against), of


def _figure(kind: str, value: float) -> str:
    if kind == "ratio":
        return f"{value:.1f}".removesuffix(".0")
    return str(round(value))


def observer_notes(ctx: Context, graph: nx.MultiDiGraph | None = None) -> list[Note]:
    """The themes whose measure held over the window. `graph` is the organisations' graph of the same
    context, when the caller has built it already; it is built here only if a theme reads it."""
    answered = answered_ids(ctx.all_events)
    out = []
    for theme in ctx.scenario.info.themes:
        m = theme.measure
        if m.kind in GRAPH_MEASURES:
            graph = organisation_graph(ctx) if graph is None else graph
            reading = read(graph, m)
            value, n_of, n_against, behind = reading.value, reading.of, reading.against, ctx.in_order(reading.evidence)
        else:
            reading = None
            value, n_of, n_against, behind = measure(ctx, theme, answered)
        if value < m.at_least or not behind:
            continue
        fields = {"value": _figure(m.kind, value), "of": str(n_of), "against": str(n_against)}
        if reading is not None:
            fields.update(_named(ctx, reading))
        text = fill(theme.text, fields)
        # a graph measure's evidence is chosen already (the asks or alliances behind it); of counted events,
        # those an observer would write down
        told = behind if reading is not None else [e for e in behind if ctx.worth(e)] or behind
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
