"""Two branches of one game told apart: where they parted, what happened only on each side, where each ended."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from ..content import Scenario
from ..narrative import Lookup, Words, balance, plural
from ..state import GameState
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS
from ..vocabulary.events import Event
from ..vocabulary.moves import Move
from ..vocabulary.words import turn_label
from .context import Context
from .headline import headline, period, when
from .model import Branch, BranchDebrief, Item, Month
from .notes import observer_notes
from .selection import knows_books, public_balance, published
from .timeline import TIMELINE_LIMIT, month_items


def fork_index(a: Sequence[Move], b: Sequence[Move]) -> int:
    """How many moves two logs share before they part."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _first_sentence(ctx: Context, events: Iterable[Event], move: Move | None) -> str:
    for e in events:
        if ctx.worth(e) or e.kind in ("AgreementAccepted", "RequestAnswered", "MeetingConvened"):
            return ctx.tell(e).text
    if move is None:
        return "The game went no further."
    who = ctx.name(move.actor)
    if move.name == "EndTurn":
        return f"{who} ended its turn there."
    return f"{who} made a move that changed nothing anyone could see."


def compare_branches(
    scenario: Scenario,
    fork_state: GameState,
    branches: Sequence[tuple[str, Move | None, Sequence[Event], GameState]],
    moves_shared: int,
    role: str | None = None,
    title: str = "",
) -> BranchDebrief:
    """Two branches from the state where they parted. Each branch is (label, its first move
    after the fork, the events from the fork on, its final state). Each side is told by what
    happened on it and not on the other, month by month; what both sides share is left out."""
    contexts = [Context(scenario, events, fork_state, end, role, None) for _, _, events, end in branches]
    months = [_all_months(ctx) for ctx in contexts]
    told = []
    for n, ((label, move, events, _), ctx) in enumerate(zip(branches, contexts, strict=True)):
        other = months[1 - n]
        only = []
        for turn, items in months[n].items():
            theirs = set(other.get(turn, ()))
            mine = [item for item in items if item not in theirs]
            if mine:
                kept, more = _limited(mine, TIMELINE_LIMIT)
                only.append(Month(turn_label(scenario.turns[turn]), tuple(kept), more))
        told.append(
            Branch(
                label=label,
                first_move=_first_sentence(ctx, events, move),
                period=period(ctx),
                headline=tuple(headline(ctx)),
                only_here=tuple(only),
                notes=tuple(observer_notes(ctx)),
            )
        )
    texts = [{n.text for n in b.notes} for b in told]
    shared = tuple(n for n in told[0].notes if n.text in texts[1])
    told = [
        attrs.evolve(b, notes=tuple(n for n in b.notes if n not in shared and n.text not in texts[0] & texts[1]))
        for b in told
    ]
    words = Words(scenario, Lookup((fork_state,), ()))
    actor = fork_state.actor
    fork = [
        f"The two games share their first {plural(moves_shared, 'move')}.",
        f"At move {moves_shared + 1}, in {when(scenario, fork_state, False)}, "
        f"{words.name(actor) if actor else 'the game'} chose differently:",
        *(f"{b.label}: {b.first_move}" for b in told),
    ]
    return BranchDebrief(
        title=title or f"Two branches of one game: {scenario.title}",
        fork=tuple(fork),
        comparison=tuple(_comparison(scenario, [(events, end) for *_, events, end in branches], role)),
        branches=tuple(told),
        shared_notes=shared,
    )


def _all_months(ctx: Context) -> dict[int, list[Item]]:
    """Every month's items, unlimited (for comparing two sides), by turn index."""
    turn_of = {ctx.scenario.months.index(m): i for i, t in enumerate(ctx.scenario.turns) for m in t}
    by_turn: dict[int, list[Event]] = defaultdict(list)
    for e in ctx.events:
        by_turn[turn_of.get(e.month, 0)].append(e)
    return {turn: month_items(ctx, events, None)[0] for turn, events in sorted(by_turn.items())}


def _limited(items: list[Item], limit: int) -> tuple[list[Item], int]:
    """The first `limit` items; a side's own events are few, so order matters more than weight."""
    return items[:limit], max(0, len(items) - limit)


def _comparison(
    scenario: Scenario, ends: Sequence[tuple[Sequence[Event], GameState]], role: str | None
) -> list[tuple[str, str, str]]:
    """Each organisation where the branches ended apart: money (its books, or else as published), quality, sanctions."""
    words = Words(scenario)
    out = []
    for rid, r in scenario.roles.items():
        cells = []
        for events, end in ends:
            parts = []
            if knows_books(role, rid):
                parts.append(balance(end.orgs[rid].balance))
            else:
                parts.append(public_balance(published(end, events, rid).balance))
            if r.kind in CARE_PROVIDER_KINDS:
                parts.append(f"quality {end.orgs[rid].quality}")
            for ladder in scenario.info.ladders:
                step = end.ladders.get(f"{ladder.id}|{rid}", 0)
                if step:
                    parts.append(f"{words.first_of_kind(ladder.regulator)}: {ladder.steps[step - 1].title}")
            cells.append(", ".join(parts))
        if len(set(cells)) > 1:
            out.append((r.short_name, cells[0], cells[1]))
    return out
