"""Moves that are hard to make by mistake: fixed letters per move family, the engine's preview
before anything is played, a distinct confirmation key, filtering long lists, and accepting and
signing in one step. The engine's `preview` is tested first without a terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bigshire_game.engine.game import advance, apply, assess_plan, legal_moves, new_game, preview, run_until_input
from bigshire_game.state import FACILITATOR
from bigshire_game.tui import present
from bigshire_game.vocabulary.moves import AdjustFigure, AnswerCard, EndTurn, Rejection, SubmitPlan
from tui_support import SCENARIO, make_app, run, screen_text

CONSORTIUM = "east_bigshire"
ACUTE = "united_hospitals"
LETTERS = {f.key: f.letter for f in present.FAMILIES}


# --- the engine's preview, without a terminal ------------------------------------------------------


def at_turn_of(role: str, seed: int = 1, turn: int = 0):
    """The game at `role`'s turn in `turn`, everyone before it having passed."""
    state, _ = run_until_input(new_game(SCENARIO, seed), SCENARIO)
    while state.turn < turn or state.actor != role:
        if state.actor:
            state, _ = apply(state, SCENARIO, EndTurn(actor=state.actor))
        state, _ = run_until_input(state, SCENARIO)
    return state


def month_end(state):
    """Everyone still to act passes; the month is settled as the engine settles it."""
    turn = state.turn
    while state.turn == turn and not state.finished:
        if state.actor:
            state, _ = apply(state, SCENARIO, EndTurn(actor=state.actor))
        else:
            state, _ = advance(state, SCENARIO)
    return state


def figures(state, role: str) -> tuple[int, int, int]:
    org = state.orgs[role]
    return org.balance, org.quality, org.plan_credibility


def one_of_each(moves):
    seen = {}
    for move in moves:
        if not isinstance(move, EndTurn):
            seen.setdefault(move.name, move)
    return list(seen.values())


@pytest.mark.parametrize(("role", "turn"), [(CONSORTIUM, 0), (ACUTE, 0), (CONSORTIUM, 2)])
def test_preview_changes_nothing_and_foresees_the_month_end(role: str, turn: int):
    """Turn 2 is August and September merged: the projection covers both months."""
    state = at_turn_of(role, turn=turn)
    untouched = at_turn_of(role, turn=turn)
    moves = one_of_each(legal_moves(state, SCENARIO, role))
    assert len(moves) >= 5
    for move in moves:
        seen = preview(state, SCENARIO, move, role)
        assert state == untouched, f"previewing {move.name} changed the game"
        assert seen.refusal is None and seen.after is not None
        made, events = apply(state, SCENARIO, move)
        assert seen.events == tuple(e for e in events if e.visible_to(role))
        assert figures(month_end(made), role) == (seen.after.balance, seen.after.quality, seen.after.credibility), (
            f"{move.name}: the preview's month end is not the engine's"
        )
    without = preview(state, SCENARIO, moves[0], role).before
    assert figures(month_end(state), role) == (without.balance, without.quality, without.credibility)


def test_preview_gives_the_engines_refusal_and_no_outcome():
    state = at_turn_of(CONSORTIUM)
    seen = preview(state, SCENARIO, SubmitPlan(actor=CONSORTIUM, savings=-5), CONSORTIUM)
    assert isinstance(seen.refusal, Rejection) and seen.refusal.code == "bad_savings"
    assert seen.after is None and seen.events == ()
    other = preview(state, SCENARIO, SubmitPlan(actor="west_bigshire", savings=100), "west_bigshire")
    assert other.refusal is not None and other.refusal.code == "not_your_turn"


def test_a_plan_is_judged_before_as_it_is_when_submitted():
    state = at_turn_of(CONSORTIUM)
    for plan in [m for m in legal_moves(state, SCENARIO, CONSORTIUM) if isinstance(m, SubmitPlan)]:
        judged = assess_plan(state, SCENARIO, plan)
        made, _ = apply(state, SCENARIO, plan)
        assert judged.credibility == made.orgs[CONSORTIUM].plan_credibility
        assert str(judged.credibility) in present.choice_label(SCENARIO, state, plan)
        assert f"Likely credibility: {judged.credibility}" in present.explain(SCENARIO, state, plan)


def test_words_that_used_to_lose_a_name_or_a_unit():
    state = at_turn_of(CONSORTIUM)
    adjust = AdjustFigure(actor=FACILITATOR, role=CONSORTIUM, figure="balance", amount=2000, reason="a grant")
    assert "by +£2.0m" in present.describe(SCENARIO, state, adjust)
    card = next(c for c in SCENARIO.cards.values() if len(c.options) > 1 and c.id in state.published)
    answered = AnswerCard(actor=CONSORTIUM, choice="C-gone", option=card.options[1].id)
    assert present.describe(SCENARIO, state, answered) == card.options[1].label


# --- at the terminal ------------------------------------------------------------------------------------


def play(tmp_path: Path, seats: dict[str, str], run_before, after=None):
    app = make_app(tmp_path / "saves", mode="new", seed=1, seats=seats)
    return run(app, run_before, after or (lambda a: None))


def screen_name(app) -> str:
    return type(app.screen).__name__


def mine(app, role: str) -> list[str]:
    return [m.name for m in app.game.session.moves if m.actor == role]


def test_m_4_enter_no_longer_spends_an_action(tmp_path: Path):
    """The old failure: the manage family was 4, Enter made its first choice, a variation changing nothing."""
    seen: dict[str, object] = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m", "4", "enter")
        await pilot.pause()
        seen["after m 4 enter"] = (screen_name(app), mine(app, CONSORTIUM))
        await pilot.press("escape", "m", LETTERS["manage"], "enter")
        await pilot.pause()
        seen["variation"] = (screen_name(app), mine(app, CONSORTIUM), screen_text(app))
        await pilot.press("enter")  # the chosen key again: back to the list
        await pilot.pause()
        seen["again"] = (screen_name(app), mine(app, CONSORTIUM))

    play(tmp_path, {CONSORTIUM: "Alice"}, run_before)
    assert seen["after m 4 enter"] == ("MoveForm", [])
    name, moves, text = seen["variation"]
    assert (name, moves) == ("PreviewScreen", [])
    assert "Vary the tariff contract with United Hospitals" in text
    assert seen["again"] == ("MoveForm", [])


def test_family_letters_stay_put_with_an_inbox_and_with_empty_families(tmp_path: Path):
    menus: dict[str, tuple[list[str], list[bool], str]] = {}

    def menu_of(app):
        options = app.screen.query_one("#families").options
        return [str(o.prompt) for o in options], [o.disabled for o in options]

    async def look(pilot, key: str) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m")
        await pilot.pause()
        prompts, disabled = menu_of(app)
        await pilot.press(LETTERS["regulate"])  # greyed for both: nothing happens
        await pilot.pause()
        still = screen_name(app)
        await pilot.press(LETTERS["voice"])
        await pilot.pause()
        menus[key] = (prompts, disabled, still, app.screen.heading if screen_name(app) == "MoveForm" else "")

    play(tmp_path / "a", {CONSORTIUM: "Alice"}, lambda p: look(p, "empty inbox"))
    play(tmp_path / "b", {ACUTE: "Bob"}, lambda p: look(p, "with inbox"))
    for key, (prompts, disabled, still, heading) in menus.items():
        letters = [p.replace("[b]", "").strip()[0] for p in prompts]
        assert letters == [f.letter for f in present.FAMILIES] + ["e"], key
        assert disabled[list(LETTERS).index("regulate")], f"regulate is greyed ({key})"
        assert still == "MoveMenu", f"a greyed family's letter does nothing ({key})"
        assert heading == "Concern, request or meeting", key
    empty, _, _, _ = menus["empty inbox"]
    assert "nothing is waiting for you" in empty[0]
    inbox, disabled, _, _ = menus["with inbox"]
    assert not disabled[0] and "2 items" in inbox[0], "the inbox counts items, not their choices"


def test_preview_tells_and_projects_then_commits_only_on_c(tmp_path: Path):
    seen: dict[str, object] = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m", LETTERS["decision"], "enter")
        await pilot.pause()
        form = app.screen_stack[-2]
        move = form.choices[form.current]
        game = app.game
        seen["expected"] = preview(game.state, game.scenario, move, CONSORTIUM)
        seen["words"] = present.preview_words(game.scenario, game.state, seen["expected"])
        seen["text"] = screen_text(app)
        seen["focus"] = app.focused.id if app.focused else None
        seen["before c"] = mine(app, CONSORTIUM)
        await pilot.press("c")
        await pilot.pause()
        seen["after c"] = (screen_name(app), mine(app, CONSORTIUM), figures(month_end(game.state), CONSORTIUM))
        seen["toasts"] = [n.message for n in app._notifications]

    play(tmp_path, {CONSORTIUM: "Alice"}, run_before)
    expected, words, text = seen["expected"], seen["words"], seen["text"]
    assert seen["focus"] == "cancel"
    assert words.seen and all(line in text for line in words.seen)
    assert "What East Bigshire would see" in text
    assert present.money(expected.after.balance) in text and present.money(expected.before.balance) in text
    assert seen["before c"] == []
    name, moves, then = seen["after c"]
    assert (name, moves) == ("DeskScreen", ["TakeDecision"])
    assert then == (expected.after.balance, expected.after.quality, expected.after.credibility)
    assert any(words.seen[0] in toast for toast in seen["toasts"])


def test_enter_twice_and_esc_never_commit(tmp_path: Path):
    seen = []

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m", LETTERS["scheme"])
        await pilot.pause()
        for key in ("enter", "enter", "enter", "escape", "ctrl+s", "escape"):
            await pilot.press(key)
            await pilot.pause()
            seen.append((key, screen_name(app), mine(app, CONSORTIUM)))

    play(tmp_path, {CONSORTIUM: "Alice"}, run_before)
    assert seen == [
        ("enter", "PreviewScreen", []),
        ("enter", "MoveForm", []),
        ("enter", "PreviewScreen", []),
        ("escape", "MoveForm", []),
        ("ctrl+s", "PreviewScreen", []),
        ("escape", "MoveForm", []),
    ]


def test_typing_filters_a_long_list(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m", LETTERS["contract"])
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        seen["all"] = choices.option_count
        await pilot.press(*"united block")
        await pilot.pause()
        seen["filtered"] = [str(o.prompt) for o in choices.options]
        await pilot.press("enter")
        await pilot.pause()
        seen["preview"] = screen_text(app) if screen_name(app) == "PreviewScreen" else ""

    play(tmp_path, {CONSORTIUM: "Alice"}, run_before)
    assert seen["all"] > present_filter_from()
    assert seen["filtered"] == ["United Hospitals: block, £160.6m a year"]
    assert "Offer United Hospitals a block contract" in seen["preview"]


def present_filter_from() -> int:
    from bigshire_game.tui.screens.moves import FILTER_FROM

    return FILTER_FROM


def test_accept_and_sign_in_one_step(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "m", LETTERS["inbox"])
        await pilot.pause()
        seen["inbox tab"] = app.screen.query_one("DeskView").active_tab  # two items: choose on the inbox tab
        await pilot.press("enter")  # the first item: Southern Towns' offer
        await pilot.pause()
        seen["form"] = screen_text(app)
        seen["first"] = str(app.screen.query_one("#choices").get_option_at_index(0).prompt)
        await pilot.press("enter", "c")
        await pilot.pause()
        seen["moves"] = mine(app, ACUTE)
        seen["toasts"] = "\n".join(n.message for n in app._notifications)
        seen["signed"] = [
            a.status for a in app.game.state.agreements.values() if a.parties == ("southern_towns", ACUTE)
        ]

    play(tmp_path, {ACUTE: "Bob"}, run_before)
    assert seen["inbox tab"] == "inbox"
    assert "Accepting and signing are two steps" in seen["form"]
    assert "Southern Towns has already agreed" in seen["form"]
    assert seen["first"].startswith("Accept and sign the tariff contract with Southern Towns")
    assert seen["moves"] == ["AcceptProposal", "SignAgreement"]
    assert "signed" in seen["signed"]
    assert "accepted Southern Towns' offer" in seen["toasts"]
    assert " 's " not in seen["toasts"] and "for, " not in seen["toasts"]
