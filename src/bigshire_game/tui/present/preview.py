"""A move before it is made: the engine's preview told in words for the confirmation screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from ...content import Scenario, turn_label
from ...state import GameState
from .events import event_line, lookup, telling
from .menus import describe_all
from .wording import money, short, signed_money

if TYPE_CHECKING:
    from ...engine.game import Preview


@frozen
class PreviewWords:
    """The engine's preview of a move, in words: what the organisation would see, and its figures at month end."""

    who: str
    title: str
    cost: str
    refusal: str  # empty when the engine would accept the move
    seen: tuple[str, ...]
    when: str
    rows: tuple[tuple[str, str, str, str], ...]  # figure, without the move, with it, the difference


def preview_words(scenario: Scenario, state: GameState, preview: Preview) -> PreviewWords:
    """`engine.game.Preview` told in the narrative's sentences, for the confirmation screen."""
    moves = preview.moves
    title = describe_all(scenario, state, moves)
    spent = sum(m.costs_action for m in moves)
    left = state.orgs[preview.role].action_points if preview.role in state.orgs else 0
    cost = (
        f"Costs {spent} {'action' if spent == 1 else 'actions'}: {left - spent} of {left} left after."
        if spent
        else "Free: it costs no action."
    )
    names_ = lookup((state,), preview.events)
    seen = tuple(event_line(scenario, e, names_) for e in telling(preview.events))
    when = (
        f"At the end of {turn_label(scenario.turns[min(state.turn, len(scenario.turns) - 1)])}, if nothing else happens"
    )
    before, after = preview.before, preview.after or preview.before
    rows = [("Money", money(before.balance), money(after.balance), _difference(after.balance - before.balance, True))]
    if before.quality or after.quality:
        rows.append(("Quality", str(before.quality), str(after.quality), _difference(after.quality - before.quality)))
    if before.credibility >= 0 or after.credibility >= 0 or any(m.name == "SubmitPlan" for m in moves):
        rows.append(
            (
                "Plan credibility",
                _credibility(before.credibility),
                _credibility(after.credibility),
                _difference(after.credibility - before.credibility)
                if before.credibility >= 0 and after.credibility >= 0
                else ("new plan" if after.credibility >= 0 else "no change"),
            )
        )
    refusal = preview.refusal.reason if preview.refusal is not None else ""
    return PreviewWords(short(scenario, preview.role), title, cost, refusal, seen, when, tuple(rows))


def _difference(amount: int, is_money: bool = False) -> str:
    if not amount:
        return "no change"
    return signed_money(amount) if is_money else f"{amount:+d}"


def _credibility(value: int) -> str:
    return "no plan" if value < 0 else f"{value} of 100"
