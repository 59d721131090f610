"""Rebuild the broken saves in this folder from one real save (a one-month bot game, seed 1).

    python tests/data/bad_saves/make.py

Each fixture breaks the save in one way a trainer or a crash might. They are all
refused before the move log is replayed, so they stay valid when the content
changes; the cases that depend on the content (changed since saving, edited by
hand) are made fresh by tests/test_saves_bad.py.

"""

from __future__ import annotations

import re
from pathlib import Path

from bigshire_game import simulate
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import dumps, hash_pin, record_of
from bigshire_game.session import Session
from bigshire_game.state import FACILITATOR

HERE = Path(__file__).parent


def real_save() -> str:
    scenario = load_scenario(builtin_scenario_dir())
    game = simulate.play(scenario, 1, 1)
    session = Session.replay(scenario, 1, {}, game.moves[:20])
    session.game_id = "5eed0001"
    session.checkpoint("start")  # after move 20: a table entry written as after = 20
    session = Session.replay(
        scenario, 1, {"north_vale": "Ann", "east_bigshire": "Bob"}, game.moves, table=session.table_state()
    )
    session.name = "Tuesday group"
    session.set_pin("Ann", hash_pin("1234", salt="00" * 16, iterations=1000))
    session.reseat("north_vale", FACILITATOR)
    session.checkpoint("end of June")
    return dumps(record_of(session, label="Tuesday group", created="2026-11-22T09:00:00Z"))


def once(pattern: str, new: str, text: str) -> str:
    out, n = re.subn(pattern, new, text, count=1, flags=re.M)
    assert n == 1, pattern
    return out


def main() -> None:
    text = real_save()
    cut = text.rindex("balance = ", 0, text.index("[state.agreements")) + len("balance = ") + 2  # mid-number
    fixtures = {
        "truncated.toml": text[:cut],
        "seed_as_text.toml": once(r"^seed = \d+$", 'seed = "one"', text),
        "format_99.toml": once(r"^format = 2$", "format = 99", text),
        "format_as_text.toml": once(r"^format = 2$", 'format = "2"', text),
        "not_toml.toml": once(r"^\[seats\]$", "[seats]\nnorth_vale = computer", text),
        "unknown_move.toml": once(r'^move = "EndTurn"$', 'move = "EndTurm"', text),
        "unknown_key_in_move.toml": once(r'^(move = "EndTurn"\nactor = .*)$', r'\1\ncomment = "slow"', text),
        "balance_as_text.toml": once(
            r"^(\[state\.orgs\.north_vale\]\n(?:.*\n)*?)balance = -?\d+$", r'\1balance = "1.2m"', text
        ),
        "checkpoint_beyond_log.toml": once(r"^after = 20$", "after = 20000", text),
        "table_kind_unknown.toml": once(r'^kind = "taken_over"$', 'kind = "kidnapped"', text),
        "table_role_unknown.toml": once(r'^role = "north_vale"$', 'role = "west_vale"', text),
        "game_id_a_path.toml": once(r'^game = "5eed0001"$', 'game = "../../etc"', text),
        "clock_minutes_zero.toml": once(r"^clock = \{ minutes = 20,", "clock = { minutes = 0,", text),
        "seat_unknown_role.toml": once(r"^(\[seats\]\n)", '\\1west_vale = "computer"\n', text),
        "seat_missing.toml": once(r'^monitor = "computer"\n', "", text),
        "seat_without_a_name.toml": once(r'^east_bigshire = "Bob"$', 'east_bigshire = " "', text),
        "pin_malformed.toml": once(r'^Ann = "pbkdf2_sha256\$1000\$', 'Ann = "pbkdf2_sha256$1k$', text),
        "pin_iterations_huge.toml": once(r'^Ann = "pbkdf2_sha256\$1000\$', 'Ann = "pbkdf2_sha256$999999999999$', text),
        "pin_unknown_seat.toml": once(r"^Ann = ", "Zed = ", text),
        "state_missing.toml": text[: text.index("\n[state]")] + "\n# end of save\n",
        "other_scenario.toml": once(r'^scenario = "bigshire"$', 'scenario = "westshire"', text),
        "not_a_save.toml": '[deck]\nid = "winter"\ntitle = "Winter pressures"\n',
    }
    for name, body in fixtures.items():
        (HERE / name).write_text(body, encoding="utf-8")
    (HERE / "not_utf8.toml").write_bytes(
        once(r'^label = "Tuesday group"$', 'label = "Tuesday \udcff"', text).encode("utf-8", "surrogateescape")
    )


if __name__ == "__main__":
    main()
