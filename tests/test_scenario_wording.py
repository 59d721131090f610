"""A scenario other than Bigshire reads as itself: tests/data/dales (two commissioning groups, a hospital, a
private firm and an economic regulator over four months, with its consortia relabelled) is simulated,
debriefed, summarised in a sweep and shown at its desks, and no output names a kind of organisation or
an organisation it lacks, Bigshire, or Bigshire's year."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from bigshire_game import simulate
from bigshire_game.cli.common import months_arg
from bigshire_game.content import builtin_scenario_dir, load_scenario, month_label
from bigshire_game.content.labels import DEFAULT_LABELS, kind_label, span_of
from bigshire_game.debrief import build_debrief, to_markdown, to_text
from bigshire_game.engine.game import legal_moves, new_game
from bigshire_game.narrative import sentence
from bigshire_game.session import Session
from bigshire_game.tui import present
from bigshire_game.tui.model import desk_model
from bigshire_game.vocabulary.moves import SubmitPlan

DALES = load_scenario(Path(__file__).parent / "data" / "dales")
BIGSHIRE = load_scenario(builtin_scenario_dir())
SEED = 3


def _forbidden() -> list[str]:
    """Words only another scenario would print: Bigshire's organisations, the labels of kinds the Dales lack,
    the bodies the catalogue names its kinds after, Bigshire's calendar and its year."""
    words = {"Bigshire", "Monitor", "CQC", "NHSCB", "the Board", "HealthWatch", "wellbeing board", "county norm"}
    words |= {"top-slice", "consortia", "consortium", "the year", "year end", "year-end", "2013", "2014"}
    for role in BIGSHIRE.roles.values():
        words |= {role.name, role.short_name}
    present_kinds = {role.kind for role in DALES.roles.values()}
    for kind, label in DEFAULT_LABELS.items():
        if kind not in present_kinds:
            words |= {label.singular, label.plural}
    return sorted(words)


FORBIDDEN = _forbidden()


def _leaks(text: str) -> list[str]:
    low = text.lower()
    return [word for word in FORBIDDEN if word.lower() in low]


@pytest.fixture(scope="module")
def game() -> simulate.PlayedGame:
    return simulate.play(DALES, SEED)


def test_the_dales_is_the_scenario_the_test_means():
    kinds = sorted(role.kind for role in DALES.roles.values())
    assert kinds == ["acute", "consortium", "consortium", "monitor", "private"]
    assert len(DALES.turns) == 4


def test_a_played_game_told_month_by_month_and_in_a_sweep_names_only_what_the_scenario_has(game):
    out = io.StringIO()
    simulate.summary(DALES, game, out)
    simulate.report(DALES, simulate.sweep(DALES, [SEED, SEED + 1], jobs=1), out)
    text = out.getvalue()
    assert "Game-end balance" in text and "Quality at game end" in text
    assert "FMO's decisions" in text  # the reviewer of alliances by its own name
    assert "workload" not in text  # no centre to count the work of
    assert _leaks(text) == []


def test_the_debrief_and_every_sentence_name_only_what_the_scenario_has(game):
    debrief = build_debrief(DALES, game.events, new_game(DALES, SEED), game.state)
    markdown = to_markdown(debrief)
    assert "to the end of the game (July 2015)" in markdown
    assert "By the end of the game" in markdown
    sentences = [sentence(DALES, e) for e in game.events]
    assert "The game began: The Dales" in sentences[0]
    assert "commissioning groups" in markdown + "\n".join(sentences)  # the consortia as the scenario calls them
    assert _leaks(markdown) == []
    assert _leaks(to_text(debrief)) == []
    assert _leaks("\n".join(sentences)) == []


def test_the_desks_name_only_what_the_scenario_has():
    mid = simulate.play(DALES, SEED, turns=2)
    texts = []
    for role in DALES.roles:
        legal = legal_moves(mid.state, DALES, role)
        desk = desk_model(DALES, mid.state, list(mid.events), role, legal=legal)
        texts += [desk.kind, desk.when, desk.figures.forecast_to, *desk.recent, *desk.deadlines]
        texts += [item.title for item in desk.inbox]
        texts += [present.describe(DALES, mid.state, move) for move in legal]
        texts += [present.plan_words(DALES, mid.state, m) for m in legal if isinstance(m, SubmitPlan)]
    assert "Game end" in texts
    assert "The game ends July 2015 (1 more turn after this one)" in texts
    assert kind_label(DALES, "consortium") == "commissioning group" in texts
    assert kind_label(DALES, "monitor") == "economic regulator" in texts
    assert _leaks("\n".join(texts)) == []


def test_the_span_is_the_scenarios_own_words_or_the_game():
    assert (span_of(BIGSHIRE).end, span_of(BIGSHIRE).over) == ("the end of the year", "Over the year")
    assert (span_of(DALES).end_dated, span_of(DALES).over) == (
        "the end of the game, July 2015",
        "By the end of the game",
    )


def test_each_turns_countdown_is_the_sum_of_its_phases_minutes():
    assert Session(DALES, SEED).clock.minutes == 1 + 4 + 4 + 3 + 1
    assert Session(BIGSHIRE, SEED).clock.minutes == 20  # Bigshire's phases add up to the twenty minutes it had


def test_a_month_badly_written_is_answered_with_a_month_of_this_scenario(capsys):
    assert months_arg(DALES, "Octobre", None) is False
    example = DALES.months[-1]
    assert f"write it as {example} or {month_label(example)}" in capsys.readouterr().err


def test_the_built_in_sentences_assume_no_body_a_scenario_may_lack():
    """The sentences a scenario without its own narrative.toml borrows name bodies through placeholders."""
    words = DALES.narrative
    texts = [t.text for t in words.templates] + [t.together for t in words.templates]
    texts += [s.name + " " + (s.text or "") + " " + (s.yes or "") + " " + (s.no or "") for s in words.settings.values()]
    body = re.compile(r"Monitor|CQC|NHSCB|\bBoard\b|HealthWatch|wellbeing board|county|consorti|year end|year's end")
    found = [text for text in texts if body.search(re.sub(r"\{[^{}]*\}", "", text or ""))]
    assert found == []
