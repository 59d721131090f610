"""Debriefs of saved games: one game, two points of one game, or two branches, from their move logs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from ..content import Scenario
from ..engine.replay import Replay, ReplayRefused
from ..engine.replay import replay as engine_replay
from ..session import BOT, CHECKPOINT, HANDED_BACK, TAKEN_OVER, TableEntry
from ..state import FACILITATOR
from ..vocabulary.moves import Move
from ..vocabulary.words import month_label
from .branches import compare_branches, fork_index
from .building import build_debrief
from .model import BranchDebrief, Debrief


class DebriefError(ValueError):
    """Saves that cannot be debriefed together, in words for the person who chose them."""


@frozen
class Game:
    """What the debrief needs of a saved game: its name for people, its seed, its move log and its table log."""

    label: str
    seed: int
    moves: tuple[Move, ...]
    table: tuple[TableEntry, ...] = ()


def replay(scenario: Scenario, seed: int, moves: Sequence[Move]) -> Replay:
    """The engine's one replay, with a refusal told as a debrief error."""
    try:
        return engine_replay(scenario, seed, moves)
    except ReplayRefused as refused:
        raise DebriefError(
            f"move {refused.number} ({refused.move.name}) was refused on replay: {refused.reason}"
        ) from None


def at_table(scenario: Scenario, entries: Iterable[TableEntry], months: tuple[int, int] | None = None) -> list[str]:
    """What happened at the table rather than in the game, in the order it happened, one sentence each."""
    lines = []
    for e in entries:
        if months is not None and e.month in scenario.months:
            index = scenario.months.index(e.month)
            if not months[0] <= index <= months[1]:
                continue
        when = f"{month_label(e.month)}, after move {e.after}" if e.month else f"After move {e.after}"
        org = scenario.roles[e.role].short_name if e.role in scenario.roles else e.role
        if e.kind == CHECKPOINT:
            what = f"the facilitator marked a checkpoint, “{e.label}”"
        elif e.kind == TAKEN_OVER:
            what = f"the facilitator took over {org}" + (f" from {_seat_words(e.previous)}" if e.previous else "")
        elif e.kind == HANDED_BACK:
            what = f"the facilitator handed {org} back to {_seat_words(e.seat)}"
        else:
            what = f"{org} went to {_seat_words(e.seat)}"
        lines.append(f"{when}: {what}.")
    return lines


def _seat_words(seat: str) -> str:
    return {BOT: "the computer", FACILITATOR: "the facilitator"}.get(seat, seat)


def debrief_games(
    scenario: Scenario,
    games: Sequence[Game],
    role: str | None = None,
    months: tuple[int, int] | None = None,
) -> Debrief | BranchDebrief:
    """One game from its start; two points of one game (one log a prefix of the other): what happened
    between them; two branches of one game: where they parted and what followed on each side.
    `months` (first and last month index) narrows one game or two points to those months' turns."""
    if len(games) == 1:
        game = games[0]
        played = replay(scenario, game.seed, game.moves)
        first, last = _turns(scenario, months)
        start, end, events = played.window(first, last)
        debrief = build_debrief(scenario, events, start, end, role, months)
        return attrs.evolve(debrief, at_table=tuple(at_table(scenario, game.table, months)))
    a, b = games
    if a.seed != b.seed:
        raise DebriefError(
            f'"{a.label}" and "{b.label}" are not the same game: they were started from different seeds '
            f"({a.seed} and {b.seed}); a debrief of two saves needs two points or two branches of one game"
        )
    shared = fork_index(a.moves, b.moves)
    if shared == len(a.moves) == len(b.moves):
        raise DebriefError(
            f'"{a.label}" and "{b.label}" hold the same moves, so nothing happened between them; give one of them'
        )
    if shared in (len(a.moves), len(b.moves)):
        earlier, later = (a, b) if len(a.moves) < len(b.moves) else (b, a)
        played = replay(scenario, later.seed, later.moves)
        first, last = _turns(scenario, months)
        _, after = played.at_move[len(earlier.moves)]
        start, end, events = played.window(first, last, after)
        debrief = build_debrief(scenario, events, start, end, role, months)
        note = (
            f'Between two saves of one game: "{earlier.label}" (after move {len(earlier.moves)}) '
            f'and "{later.label}" (after move {len(later.moves)}).'
        )
        return attrs.evolve(debrief, note=note)
    if months is not None:
        raise DebriefError("--from and --to narrow one game; two branches are compared from where they part")
    sides = [replay(scenario, g.seed, g.moves) for g in (a, b)]
    fork_state, count = sides[0].at_move[shared]
    branches = [
        (g.label, g.moves[shared] if shared < len(g.moves) else None, side.events[count:], side.state)
        for g, side in zip((a, b), sides, strict=True)
    ]
    return compare_branches(scenario, fork_state, branches, shared, role)


def _turns(scenario: Scenario, months: tuple[int, int] | None) -> tuple[int, int]:
    """The turns holding the first and last month of a window (the whole game without one)."""
    if months is None:
        return 0, len(scenario.turns) - 1
    turn_of = {scenario.months.index(m): i for i, t in enumerate(scenario.turns) for m in t}
    return turn_of[months[0]], turn_of[months[1]]
