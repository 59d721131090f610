"""The "make a move" menu: each move in a line, and the families the moves are grouped in under fixed letters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from ...content import Scenario
from ...engine import kinds
from ...state import GameState
from ...vocabulary.moves import AcceptProposal, Move, SignAgreement
from .wording import agreement_words, words


def describe(scenario: Scenario, state: GameState, move: Move) -> str:
    """One line a player reads in a list of choices: the move kind's own description, from the engine."""
    said = kinds.describe(state, scenario, move)
    if said is not None:
        return said
    match move.name:
        case "EndTurn":
            return "End your turn"
        case "EndPhase":
            return "Close this phase now"
    return words(move.name)


def describe_all(scenario: Scenario, state: GameState, moves: Sequence[Move]) -> str:
    """Moves offered as one step, in one line: "Accept and sign the tariff contract with ..."."""
    if len(moves) == 2 and isinstance(moves[0], AcceptProposal) and isinstance(moves[1], SignAgreement):
        agreement = state.agreements.get(moves[0].agreement)
        about = agreement_words(scenario, agreement, moves[0].actor) if agreement else "agreement"
        return f"Accept and sign the {about}"
    return "; then ".join(describe(scenario, state, m) for m in moves)


@frozen
class Family:
    """A group of moves in the "make a move" menu, under a letter that never changes with the situation,
    so a group learns its keys once; a move kind added later brings a family with a new letter."""

    key: str
    letter: str
    title: str
    hint: str
    label: str  # a word or two for the footer
    empty: str  # why a family may have nothing to offer now


FAMILIES: tuple[Family, ...] = (
    Family("inbox", "i", "Answer your inbox", "cards, proposals, requests", "Inbox", "nothing is waiting for you"),
    Family("contract", "c", "Offer a contract", "you set the terms", "Contract", "no contract to offer now"),
    Family(
        "alliance",
        "a",
        "Propose an alliance",
        "ventures, pools, lead commissioning",
        "Alliance",
        "no alliance to propose now",
    ),
    Family(
        "manage",
        "s",
        "Sign, vary or end an agreement",
        "yours",
        "Sign/vary/end",
        "no agreement of yours to sign, vary or end",
    ),
    Family("scheme", "n", "Invest in a scheme", "money now, savings later", "Invest", "no scheme open to you now"),
    Family("decision", "d", "Take a decision", "from your brief", "Decide", "no decision open to you now"),
    Family("voice", "t", "Concern, request or meeting", "talk to the system", "Talk", "nobody to talk to now"),
    Family("plan", "p", "Plans and funding", "submit, challenge, fund", "Plans", "no plan or bid to make now"),
    Family(
        "regulate",
        "r",
        "Regulate",
        "sanctions, inspections, rulings",
        "Regulate",
        "for regulators, when something calls for it",
    ),
)
NO_ACTIONS = "no actions left this month"


def family_note(family: Family, moves: Sequence[Move], actions_left: int, inbox_items: int = 0) -> str:
    """What the menu says beside a family: how much is in it and what it costs, or why it is empty now.

    The inbox is counted in items waiting, not in the choices they offer."""
    if family.key == "inbox":
        if not inbox_items:
            return family.empty
        return f"{inbox_items} {'item' if inbox_items == 1 else 'items'} · {family.hint}"
    if not moves:
        return NO_ACTIONS if not actions_left else family.empty
    free = sum(not m.costs_action for m in moves)
    cost = "[green]free[/]" if free == len(moves) else ("1 action" if not free else "free or 1 action")
    return f"{len(moves)} {'choice' if len(moves) == 1 else 'choices'} · {cost} · {family.hint}"


def family_of(move: Move) -> str | None:
    """The move's menu family, as its kind registers it (facilitator moves have no family in this menu)."""
    return kinds.family_of(move)


def by_family(moves: Iterable[Move]) -> dict[str, list[Move]]:
    """The legal moves grouped for the menu, in FAMILIES order; families with nothing legal are left out."""
    found: dict[str, list[Move]] = {f.key: [] for f in FAMILIES}
    for move in moves:
        key = family_of(move)
        if key in found:
            found[key].append(move)
    return {k: v for k, v in found.items() if v}
