"""Events as a trainer's analysis reads them: one JSON object a line, a stable envelope and the kind's own fields.

The events come from the engine's one replay of the move log, the only place that knows which move made which
event, so a save and a computer-played game are exported the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

from ..content import Scenario
from ..engine.replay import replay
from ..state import GameState
from ..vocabulary.events import FACILITATOR_ONLY, Event
from ..vocabulary.moves import Move

CAUSE_FIELD = "cause"  # a Cause value, exported in its text form ("card:<card>", "scheme:<id>", "facilitator")
"""A kind's own record of why it happened: exported once, as the envelope's `cause`, not again among its fields."""

VISIBILITIES = ("public", "parties", "facilitator")


@frozen
class Column:
    """One key of the envelope or one column of a CSV file: its name, what it holds, and its JSON type."""

    name: str
    text: str
    schema: dict[str, Any] | None = None


_ROLES = {"type": "array", "items": {"type": "string"}}

ENVELOPE: tuple[Column, ...] = (
    Column("game", "the game's id: a save's own id (as `bigshire saves` lists it); `<scenario>-seed-<seed>` for a game played by `bigshire simulate`", {"type": "string"}),
    Column("seed", "the game's seed", {"type": "integer"}),
    Column("scenario", "the scenario's id", {"type": "string"}),
    Column("content_hash", "the hash of the scenario's files that made these events: two games with the same hash were played with the same rules, roles and cards", {"type": "string"}),
    Column("seq", "the event's position in the game, from 1; kept when `--role` leaves events out, so gaps show where", {"type": "integer", "minimum": 1}),
    Column("move", "the number of the move (from 1, as in the save's move log) that produced the event; null for what the game did by itself: the news, the month's resolution, turns and phases beginning", {"type": ["integer", "null"], "minimum": 1}),
    Column("month", "the calendar month it happened in, YYYY-MM", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
    Column("phase", "the id of the month's phase it happened in, from the scenario's phase list", {"type": "string"}),
    Column("kind", "the event kind: one of the sections below", {"type": "string"}),
    Column("actors", "who took part: organisations' ids, or `facilitator`", _ROLES),
    Column("visibility", "who could know of it: `public` (everyone), `parties` (those in `audience`, and the facilitator) or `facilitator` (the facilitator only)", {"enum": list(VISIBILITIES)}),
    Column("audience", "the organisations that could see it when `visibility` is `parties` (`[\"facilitator\"]` when only the facilitator could; empty when public)", _ROLES),
    Column("cause", "why it happened, where the kind records it (its `source`): `card:<card>` or `card:<card>:<option>`, `decision:<decision>`, `scheme:<investment>`, `<ladder>:<step>`, `ruling by <role>`, a request's id, an organisation's id, `facilitator`, `agreement`, `plan challenged`; otherwise null", {"type": ["string", "null"]}),
    Column("topics", "what it was about (`money`, `quality`, `strategy`, ...): the topics the debrief's themes count", _ROLES),
    Column("fields", "the kind's own fields (see its section); a field left unset is left out", {"type": "object"}),
)  # fmt: skip


@frozen
class GameId:
    """Which game the events belong to, as every line of the file names it."""

    game: str
    seed: int
    scenario: str
    content_hash: str


def simulated_game(scenario: Scenario, seed: int) -> GameId:
    """A computer-played game named by its scenario and seed, so the same content and seed give the same file."""
    return GameId(f"{scenario.id}-seed-{seed}", seed, scenario.id, scenario.content_hash)


@frozen
class Traced:
    """A game replayed from its move log, each event with the number of the move that made it (None: the game's own)."""

    events: tuple[Event, ...]
    made_by: tuple[int | None, ...]
    start: GameState
    end: GameState


def trace(scenario: Scenario, seed: int, moves: Sequence[Move]) -> Traced:
    """Replay `moves`, noting after each automatic step and each move how many events there were."""
    played = replay(scenario, seed, moves, trace=False, steps=True)
    made_by: list[int | None] = []
    start = previous = played.steps[0]
    for step in played.steps[1:]:
        move = step.moves if step.moves > previous.moves else None
        made_by += [move] * (step.events - previous.events)
        previous = step
    assert len(made_by) == len(played.events), "every event comes after some step of the replay"
    return Traced(played.events, tuple(made_by), start.state, played.state)


def visibility(e: Event) -> str:
    """Who could know of it, in one word: everyone, the parties, or the facilitator alone."""
    public, parties, facilitator = VISIBILITIES
    if not e.audience:
        return public
    return facilitator if e.audience == FACILITATOR_ONLY else parties


def own_fields(e: Event) -> dict[str, Any]:
    """The kind's set fields under their names in the class (a template's renamings, such as `kind` for
    `agreement_kind`, would collide with the envelope), tuples as lists; the cause is the envelope's."""
    values = e.__dict__
    return {
        name: _plain(value, e.kind, name)
        for name in e.FIELDS
        if name != CAUSE_FIELD and (value := values[name]) is not None
    }


def _plain(value: Any, kind: str, name: str) -> Any:
    """A value JSON carries as it is; anything else is a mistake in the event, said before a file is written."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v, kind, name) for v in value]
    raise TypeError(f"{kind}.{name} holds a {type(value).__name__}, which an events file cannot carry")


def record(scenario: Scenario, game: GameId, seq: int, e: Event, move: int | None) -> dict[str, Any]:
    """One event as a line of the file holds it, its keys in the envelope's order."""
    cause = e.__dict__.get(CAUSE_FIELD)
    cause = None if cause is None else str(cause)
    return {
        "game": game.game,
        "seed": game.seed,
        "scenario": game.scenario,
        "content_hash": game.content_hash,
        "seq": seq,
        "move": move,
        "month": scenario.months[e.month],
        "phase": e.phase,
        "kind": e.kind,
        "actors": list(e.actors),
        "visibility": visibility(e),
        "audience": list(e.audience),
        "cause": _plain(cause, e.kind, CAUSE_FIELD),
        "topics": list(e.topics),
        "fields": own_fields(e),
    }


def lines(scenario: Scenario, game: GameId, traced: Traced, role: str | None = None) -> Iterator[str]:
    """The game's events as JSON Lines; with `role`, only those that organisation could see."""
    for seq, (e, move) in enumerate(zip(traced.events, traced.made_by, strict=True), 1):
        if role is None or e.visible_to(role):
            text = json.dumps(
                record(scenario, game, seq, e, move), ensure_ascii=False, separators=(",", ":"), allow_nan=False
            )
            yield text + "\n"
