"""Headless play as a facilitator uses it: one game told month by month, and a sweep of many seeds."""

from __future__ import annotations

import io

from bigshire_game import simulate
from bigshire_game.cli import EXIT_OK, EXIT_USAGE, main
from bigshire_game.content import builtin_scenario_dir, load_scenario, month_label

SCENARIO = load_scenario(builtin_scenario_dir())
SEEDS = [1, 2, 3, 4]


def test_a_sweep_on_two_processes_gives_the_same_outcomes_as_on_one():
    alone = simulate.sweep(SCENARIO, SEEDS, jobs=1)
    shared = simulate.sweep(SCENARIO, SEEDS, jobs=2)
    assert [o.seed for o in shared] == SEEDS
    assert shared == alone
    assert len({tuple(sorted(o.balance.items())) for o in alone}) > 1  # the seeds really play differently


def test_an_outcome_keeps_what_its_game_ended_with():
    game = simulate.play(SCENARIO, 3)
    outcome = simulate.outcome_of(SCENARIO, 3)
    assert outcome.balance == {rid: org.balance for rid, org in game.state.orgs.items()}
    assert outcome.quality == {rid: org.quality for rid, org in game.state.orgs.items()}
    reviewed = [e for e in game.events if e.kind == "AllianceReviewed"]
    assert sum(outcome.reviews.values()) == len(reviewed)
    for key, step in game.state.ladders.items():
        assert outcome.sanction[key.split("|")[1]][0] >= step
    acute = outcome.sanction["united_hospitals"]
    assert acute[0] and acute[1].split(": ")[0] in ("Monitor", "CQC")  # named by regulator and rung
    assert outcome.nhscb_workload > 0


def test_the_sweep_report(text_snapshot):
    out = io.StringIO()
    simulate.report(SCENARIO, simulate.sweep(SCENARIO, SEEDS), out)
    assert out.getvalue() == text_snapshot


def test_the_progress_bar_counts_to_the_end():
    progress = io.StringIO()
    simulate.sweep(SCENARIO, SEEDS[:2], progress=progress)
    assert progress.getvalue().rstrip("\n").endswith("] 2/2 games")


def test_one_game_is_told_month_by_month(capsys):
    assert main(["simulate", "--seed", "2", "--months", "2"]) == EXIT_OK
    out = capsys.readouterr().out
    first, second, third = (month_label(m) for m in SCENARIO.months[:3])
    assert f"\n{first}\n" in out and f"\n{second}\n" in out
    assert f"\n{third}\n" not in out


def test_nonsense_counts_are_refused(capsys):
    for argv in (["--games", "0"], ["--games", "3", "--jobs", "0"], ["--months", "0"]):
        assert main(["simulate", *argv]) == EXIT_USAGE
        assert "must be at least 1" in capsys.readouterr().err


def test_the_spread_of_a_figure_never_leaves_its_range():
    """Small sweeps too: percentiles are read from the games played, never extrapolated beyond them."""
    for values in ([5, 1], [3, 3, 3], [-13035, -2932, 302, -306], list(range(0, 1000, 7))):
        low, tenth, median, ninetieth, high = (float(x) for x in simulate._spread(values).split())
        assert low == min(values) and high == max(values)
        assert low <= tenth <= median <= ninetieth <= high


def test_a_rare_outcome_is_not_shown_as_none_at_all():
    assert simulate._percent(1, 1000) == "<1%"
    assert simulate._percent(5, 1000) == "<1%" and simulate._percent(10, 1000) == "1%"
    assert simulate._percent(0, 1000) == "0%" and simulate._percent(250, 1000) == "25%"
