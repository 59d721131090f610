"""Events and outcomes for trainers: `simulate --events/--outcomes` and `export SAVE --events`, as pandas or R
would read them: every line valid against the generated schema, the same seed giving the same bytes, `--role`
keeping what that organisation knew, and errors said in one line with no file left half-written."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import typing
from pathlib import Path

import jsonschema
import pytest

from bigshire_game import simulate
from bigshire_game.cli import EXIT_OK, EXIT_PROBLEMS, main
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.debrief.notes import holds
from bigshire_game.export import (
    ENVELOPE,
    ORGANISATION_COLUMNS,
    THEME_COLUMNS,
    Output,
    lines,
    outputs,
    record,
    simulated_game,
    themes_path,
    trace,
)
from bigshire_game.export.outcomes import target
from bigshire_game.export.reference import FIELD_NOTES
from bigshire_game.saves import read_record
from bigshire_game.vocabulary.causes import Cause
from bigshire_game.vocabulary.events import EVENT_TYPES, FACILITATOR_ONLY, make_event
from bigshire_game.vocabulary.moves import EndTurn

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = load_scenario(builtin_scenario_dir())
SCHEMA = json.loads((ROOT / "schemas" / "events.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
SEEDS = (5, 6)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_lines(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _for_kind(kind: str) -> jsonschema.Draft7Validator:
    """The schema with its `if kind is K` already taken: checks the same, without trying the other kinds' ifs."""
    properties = {**SCHEMA["properties"], "fields": {"$ref": f"#/definitions/{kind}"}}
    body = {k: v for k, v in SCHEMA.items() if k != "allOf"}
    return jsonschema.Draft7Validator({**body, "properties": properties})


KIND_VALIDATORS = {kind: _for_kind(kind) for kind in EVENT_TYPES}


def assert_valid(events: list[dict]) -> None:
    """Every line against its kind's part of the schema, and the first of each kind against the whole of it
    (a thousand `if`s a line would make a sweep's check slow)."""
    first = {}
    for e in events:
        first.setdefault(e.get("kind"), e)
        problem = next(KIND_VALIDATORS.get(e.get("kind"), VALIDATOR).iter_errors(e), None)
        assert problem is None, f"{e['kind']} (seq {e['seq']}): {problem.message} at {list(problem.path)}"
    for e in first.values():
        problem = next(VALIDATOR.iter_errors(e), None)
        assert problem is None, f"{e['kind']} (seq {e['seq']}): {problem.message} at {list(problem.path)}"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    """Two games swept on one process, to events (gzipped), outcomes and themes; what the command said."""
    folder = tmp_path_factory.mktemp("sweep")
    argv = ["simulate", "--games", "2", "--seed", str(SEEDS[0]), "--jobs", "1"]
    argv += ["--events", str(folder / "e.jsonl.gz"), "--outcomes", str(folder / "o.csv")]
    assert main(argv) == EXIT_OK
    return folder


@pytest.fixture
def saved(tmp_path, monkeypatch, capsys):
    """A computer-played save of the first three turns, in a saves folder of its own."""
    monkeypatch.chdir(tmp_path)
    assert main(["simulate", "--seed", "4", "--months", "3", "--save", "year"]) == EXIT_OK
    capsys.readouterr()
    return tmp_path


# --- the events file ----------------------------------------------------------------------------------


def test_a_sweeps_events_validate_and_come_in_game_order(sweep):
    events = read_lines(sweep / "e.jsonl.gz")
    assert_valid(events)
    assert [list(e) for e in events[:1]] == [[c.name for c in ENVELOPE]]
    games = [simulated_game(SCENARIO, seed).game for seed in SEEDS]
    assert list(dict.fromkeys(e["game"] for e in events)) == games == ["bigshire-seed-5", "bigshire-seed-6"]
    for game, seed in zip(games, SEEDS, strict=True):
        mine = [e for e in events if e["game"] == game]
        assert [e["seq"] for e in mine] == list(range(1, len(mine) + 1))
        assert {e["seed"] for e in mine} == {seed}
        assert mine[0]["kind"] == "GameStarted" and mine[0]["move"] is None and mine[0]["month"] == "2013-06"
        assert mine[-1]["kind"] == "GameEnded" and mine[-1]["month"] == SCENARIO.months[-1]
        moves = [e["move"] for e in mine if e["move"] is not None]
        assert moves == sorted(moves) and moves[0] >= 1  # moves are numbered from 1, in the order they were made
    assert {e["content_hash"] for e in events} == {SCENARIO.content_hash}
    assert all(e["move"] is None for e in events if e["kind"] in ("MonthResolved", "ContractPaid", "MonthStarted"))
    assert all(e["move"] is not None for e in events if e["kind"] in ("TurnEnded", "ContractSigned", "Passed"))
    causes = [e["cause"] for e in events if e["cause"]]
    assert any(c.startswith("card:") for c in causes)
    assert not any("source" in e["fields"] for e in events)  # a kind's source is the envelope's cause


def test_every_kind_as_exported_fits_the_schema_with_every_field_set():
    """Kinds a computer-played year may never make (a countered proposal, a facilitator's figure) still fit."""
    sample = {str: "x", int: 3, float: 0.25, bool: True, Cause: Cause.scheme("prevention")}
    for kind, cls in EVENT_TYPES.items():
        hints = typing.get_type_hints(cls)
        values = {}
        for name in cls.FIELDS:
            first = typing.get_args(hints[name])[0]
            if typing.get_origin(first) is tuple:
                item = sample.get(typing.get_args(first)[0], "a")
                values[cls.KEYS.get(name, name)] = (item, item)
            else:
                values[cls.KEYS.get(name, name)] = sample[first]
        e = make_event(kind, 2, "turns", ("carewell",), FACILITATOR_ONLY, ("money",), **values)
        line = record(SCENARIO, simulated_game(SCENARIO, 1), 7, e, 3)
        assert_valid([json.loads(json.dumps(line))])
        assert line["visibility"] == "facilitator" and line["month"] == SCENARIO.months[2]
        assert set(line["fields"]) == set(cls.FIELDS) - {"cause"}
        assert line["cause"] == ("scheme:prevention" if "cause" in cls.FIELDS else None)


def test_a_field_the_schema_does_not_know_is_refused_by_it(sweep):
    event = read_lines(sweep / "e.jsonl.gz")[0]
    assert not VALIDATOR.is_valid({**event, "fields": {**event["fields"], "seeds": 3}})
    assert not VALIDATOR.is_valid({**event, "fields": {**event["fields"], "seed": "one"}})
    assert not VALIDATOR.is_valid({**event, "month": "June 2013"})
    assert not VALIDATOR.is_valid({k: v for k, v in event.items() if k != "cause"})


def test_a_saves_events_validate_and_each_is_tied_to_the_move_that_made_it(saved, capsys):
    code, out, err = run(capsys, "export", "year", "--events", "year.jsonl")
    record_ = read_record(saved / "saves" / "year.toml")
    events = read_lines(saved / "year.jsonl")
    assert code == EXIT_OK and err == ""
    assert out == f"Wrote {len(events):,} events of game {record_.game} (seed 4) to year.jsonl.\n"
    assert_valid(events)
    assert {e["game"] for e in events} == {record_.game}
    assert events[-1]["month"] in SCENARIO.turns[3]  # three turns played: the fourth turn's news has come
    for e in events:
        if e["kind"] == "TurnEnded":
            move = record_.moves[e["move"] - 1]
            assert isinstance(move, EndTurn) and move.actor == e["fields"]["role"]
        if e["move"] is not None and e["actors"] and e["kind"] in ("AgreementProposed", "SchemeInvested"):
            assert record_.moves[e["move"] - 1].actor in e["actors"]


def test_the_same_game_exported_from_its_save_and_from_the_sweep_has_the_same_events(saved, capsys):
    assert main(["simulate", "--seed", "4", "--months", "3", "--events", "played.jsonl"]) == EXIT_OK
    assert main(["export", "year", "--events", "year.jsonl"]) == EXIT_OK
    played, loaded = read_lines(saved / "played.jsonl"), read_lines(saved / "year.jsonl")
    strip = [{k: v for k, v in e.items() if k != "game"} for e in played]
    assert strip == [{k: v for k, v in e.items() if k != "game"} for e in loaded]
    assert {e["game"] for e in played} == {"bigshire-seed-4"}


def test_role_export_keeps_what_the_organisation_could_see(saved, capsys):
    code, out, err = run(capsys, "export", "year", "--events", "uh.jsonl.gz", "--role", "United Hospitals")
    assert code == EXIT_OK and err == ""
    assert main(["export", "year", "--events", "all.jsonl"]) == EXIT_OK
    everything, seen = read_lines(saved / "all.jsonl"), read_lines(saved / "uh.jsonl.gz")
    assert out.startswith(f"Wrote {len(seen):,} of the {len(everything):,} events of game ")
    assert out.endswith(", those United Hospitals could see, to uh.jsonl.gz.\n")
    assert_valid(seen)
    kept = {e["seq"] for e in seen}
    for e in everything:
        knew = e["visibility"] == "public" or "united_hospitals" in e["audience"]
        assert (e["seq"] in kept) == knew, e
    assert [e for e in everything if e["seq"] in kept] == seen  # the same lines, seq kept as in the game
    assert any(e["visibility"] == "parties" for e in seen)  # its own private events are kept
    assert len(seen) < len(everything)  # others' private events are dropped


def test_gzip_output_is_gzip_and_the_same_seed_gives_the_same_bytes(tmp_path, sweep):
    assert main(["simulate", "--games", "2", "--seed", str(SEEDS[0]), "--jobs", "2", "--events", str(tmp_path / "e.jsonl.gz"), "--outcomes", str(tmp_path / "o.csv")]) == EXIT_OK  # fmt: skip
    for name in ("e.jsonl.gz", "o.csv", "o-themes.csv"):
        assert (tmp_path / name).read_bytes() == (sweep / name).read_bytes(), name  # two processes or one
    assert (tmp_path / "e.jsonl.gz").read_bytes()[:2] == b"\x1f\x8b"
    with gzip.open(tmp_path / "e.jsonl.gz", "rt", encoding="utf-8") as f:
        assert json.loads(f.readline())["kind"] == "GameStarted"
    assert main(["simulate", "--seed", "5", "--months", "2", "--events", str(tmp_path / "a.jsonl")]) == EXIT_OK
    assert main(["simulate", "--seed", "5", "--months", "2", "--events", str(tmp_path / "b.jsonl")]) == EXIT_OK
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


# --- the outcome and theme CSV files ---------------------------------------------------------------------


def test_outcomes_have_one_row_per_game_and_organisation(sweep):
    with open(sweep / "o.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == [c.name for c in ORGANISATION_COLUMNS]
    games = [simulated_game(SCENARIO, seed).game for seed in SEEDS]
    assert [(r["game"], r["role"]) for r in rows] == [(g, rid) for g in games for rid in SCENARIO.roles]
    for r in rows:
        role = SCENARIO.roles[r["role"]]
        assert r["kind"] == role.kind and int(r["start_balance"]) == role.finance.opening_balance
        assert (r["start_quality"] == "") == (role.quality is None) == (r["final_quality"] == "")
        assert (r["highest_sanction"] == "") == (r["sanction_ladder"] == "")
        assert int(r["contracts_signed"]) >= 0 and int(r["alliances_formed"]) >= 0
    ladders = {ladder.id: {s.id for s in ladder.steps} for ladder in SCENARIO.info.ladders}
    sanctioned = [r for r in rows if r["highest_sanction"]]
    assert sanctioned and all(r["highest_sanction"] in ladders[r["sanction_ladder"]] for r in sanctioned)
    assert sum(int(r["contracts_signed"]) for r in rows) > 0


def test_outcomes_match_the_sweeps_own_figures(sweep):
    outcome = simulate.outcome_of(SCENARIO, SEEDS[0])
    with open(sweep / "o.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["seed"] == str(SEEDS[0])]
    assert {r["role"]: int(r["final_balance"]) for r in rows} == outcome.balance
    assert {r["role"]: int(r["final_quality"] or 0) for r in rows} == outcome.quality


def test_themes_have_one_row_per_game_and_theme_measured_as_the_debrief_does(sweep):
    with open(sweep / "o-themes.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == [c.name for c in THEME_COLUMNS]
    themes = SCENARIO.info.themes
    games = [simulated_game(SCENARIO, seed).game for seed in SEEDS]
    assert [(r["game"], r["theme"]) for r in rows] == [(g, t.id) for g in games for t in themes]
    for r, theme in zip(rows, [*themes, *themes], strict=True):
        assert r["target"] == target(theme) and r["measure"] == theme.measure.kind
        assert r["held"] in ("true", "false")
        if r["value"]:
            assert (r["held"] == "true") == (holds(theme.measure, float(r["value"])) and int(r["of"]) > 0)
        else:
            assert theme.measure.kind == "median" and r["held"] == "false"
    assert {r["held"] for r in rows} == {"true", "false"}  # the built-in themes do not all hold, nor all fail


def test_the_themes_file_is_named_after_the_outcomes_file():
    assert themes_path(Path("o.csv")) == Path("o-themes.csv")
    assert themes_path(Path("out/run.1.csv.gz")) == Path("out/run.1-themes.csv.gz")
    assert themes_path(Path("outcomes")) == Path("outcomes-themes")


# --- errors: one line, exit code 1, nothing half-written ------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "nowhere", "--events", "e.jsonl"], "bigshire: nowhere: there is no such save or game"),
        (["export", "year", "--events", "e.jsonl", "--role", "the queen"], 'bigshire: --role: "the queen" is not an organisation'),
        (["export", "year", "--events", "missing/e.jsonl"], "bigshire: missing/e.jsonl: there is no folder missing to write it in"),
        (["export", "year", "--events", "saves"], "bigshire: saves: is a folder; give a file name"),
        (["export", "year", "--events", "/dev/null"], "bigshire: /dev/null: is not a plain file"),
        (["simulate", "--games", "2", "--events", "missing/e.jsonl"], "bigshire: missing/e.jsonl: there is no folder"),
        (["simulate", "--games", "2", "--events", "o-themes.csv", "--outcomes", "o.csv"], "bigshire: o-themes.csv: given for two files"),
    ],
)  # fmt: skip
def test_mistakes_are_one_line_with_exit_code_1_and_leave_files_alone(saved, capsys, argv, message):
    (saved / "e.jsonl").write_text("an earlier export\n")
    code, out, err = run(capsys, *argv)
    assert code == EXIT_PROBLEMS and out == ""
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
    assert (saved / "e.jsonl").read_text() == "an earlier export\n"
    assert not (saved / "o-themes.csv").exists() and leftovers(saved) == []


def test_an_interrupted_sweep_leaves_no_file_behind(tmp_path, monkeypatch, capsys):
    real_play, played = simulate.play, []

    def play_then_stop(*args, **kwargs):
        if played:
            raise KeyboardInterrupt
        played.append(1)
        return real_play(*args, **kwargs)

    monkeypatch.setattr(simulate, "play", play_then_stop)
    (tmp_path / "o.csv").write_text("kept\n")
    argv = ["simulate", "--games", "3", "--jobs", "1", "--events", str(tmp_path / "e.jsonl")]
    assert main([*argv, "--outcomes", str(tmp_path / "o.csv")]) == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv"]
    assert (tmp_path / "o.csv").read_text() == "kept\n"


def test_an_output_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "e.jsonl.gz"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), outputs(target) as (out,):
        out.write("half a line")
        raise RuntimeError("the sweep failed")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []
    with outputs(target, None) as (out, nothing):
        assert nothing is None
        out.write("whole\n")
    assert gzip.decompress(target.read_bytes()) == b"whole\n" and leftovers(tmp_path) == []
    made = Output(tmp_path / "x.csv")
    made.discard()
    assert not (tmp_path / "x.csv").exists() and leftovers(tmp_path) == []


# --- the schema and the reference page are generated ----------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("gen_events_schema", ROOT / "scripts" / "gen_events_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_schema_and_reference_are_what_the_script_generates():
    for name, text in _generator().generated().items():
        assert (ROOT / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `PYTHONPATH=src python scripts/gen_events_schema.py`"
        )


def test_the_reference_describes_every_kind_and_only_real_fields():
    doc = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    for kind, cls in EVENT_TYPES.items():
        assert f"\n### {kind}\n" in doc and cls.DESCRIPTION[1:] in doc
    for kind, name in FIELD_NOTES:
        assert name in EVENT_TYPES[kind].FIELDS, (kind, name)
    assert set(SCHEMA["definitions"]) == set(EVENT_TYPES) == set(SCHEMA["properties"]["kind"]["enum"])


def test_lines_with_a_role_are_a_subset_of_all_lines():
    game = simulate.play(SCENARIO, 2, 1)
    traced = trace(SCENARIO, 2, game.moves)
    assert traced.events == game.events  # the replay makes exactly the events the game loop made
    ident = simulated_game(SCENARIO, 2)
    every = list(lines(SCENARIO, ident, traced))
    assert set(lines(SCENARIO, ident, traced, "monitor")) <= set(every)
    assert len(every) == len(game.events)
