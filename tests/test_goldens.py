"""Golden saves and a golden event stream of seeded games: the engine's behaviour, byte for byte.

A refactor that moves code about must leave these identical; a change of behaviour shows up here first,
as a readable difference in a save or in the list of what happened."""

from __future__ import annotations

import pytest

from bigshire_game.clock import MonthClock
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import dumps, layout, record_of
from bigshire_game.session import Session
from bigshire_game.simulate import play

SCENARIO = load_scenario(builtin_scenario_dir())
CREATED = "2026-01-01T00:00:00Z"


def golden_save(seed: int, turns: int | None, seats: dict[str, str]) -> str:
    """The save of a computer-played game replayed with these seats, with its time and id fixed."""
    played = play(SCENARIO, seed, turns)
    session = Session.replay(SCENARIO, seed, seats, played.moves)
    session.game_id = f"golden{seed}"
    session.name = f"golden game {seed}"
    session.clock = MonthClock(SCENARIO.turn_minutes, now=lambda: 0.0)  # still: not how long the replay took
    return dumps(record_of(session, f"golden-{seed}", created=CREATED))


@pytest.mark.parametrize(
    ("seed", "turns", "seats"),
    [(3, None, {}), (8, 4, {"north_vale": "alice", "united_hospitals": "bob"})],
    ids=["whole_year_seed3", "four_months_seed8"],
)
def test_golden_save(seed, turns, seats, toml_snapshot):
    assert golden_save(seed, turns, seats) == toml_snapshot


def event_line(n: int, e) -> str:
    """One event as one line: when, what, who, who saw it, and every field, as a save would write them."""
    fields = " ".join(f"{k}={layout.value(v)}" for k, v in sorted(e.data.items()))
    return (
        f"{n:05d} {SCENARIO.months[e.month]} {e.phase} {e.kind} actors={layout.value(list(e.actors))} "
        f"audience={layout.value(list(e.audience))} topics={layout.value(list(e.topics))} {fields}".rstrip()
    )


def test_golden_event_stream(text_snapshot):
    played = play(SCENARIO, 5)
    assert "\n".join(event_line(n, e) for n, e in enumerate(played.events, 1)) + "\n" == text_snapshot
