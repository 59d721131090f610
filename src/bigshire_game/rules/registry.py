"""One record per move kind: everything the engine, the bots and the front ends need about it, declared
next to its mechanism (each mechanism module ends with `KINDS`) and walked by one completeness check.

The engine collects the mechanisms' `KINDS` into its static table; it keeps its own turn flow (`EndTurn`,
`EndPhase`), which no mechanism handles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from attrs import frozen

from ..content import Scenario
from ..content.model import BotSettings, Role
from ..state import GameState, Terms
from ..vocabulary.moves import Move
from . import Apply, Check, Handlers, Legal


@frozen
class FieldSpec:
    """One thing a player may change in a move before sending it; `path` is "terms.annual_value" or "savings"."""

    path: str
    label: str
    kind: type  # int, float or str
    value: object


@frozen(kw_only=True)
class Judge:
    """What a computer player weighs a move with: who it is, its habits and its money outlook."""

    state: GameState
    scenario: Scenario
    role: str
    me: Role
    wants: frozenset[str]  # the motives the role holds at all ([bot] priorities and motives)
    forecast: int

    @property
    def settings(self) -> BotSettings:
        return self.me.bot

    def weight(self, motive: str) -> float:
        """How much a motive counts for this organisation, 0 to 1."""
        return self.me.bot.weight(motive)


Describe = Callable[[GameState, Scenario, Any], str]
Fields = Callable[[GameState, Any], list[FieldSpec]]
Score = Callable[[Judge, Any], "float | None"]  # tie-breaking is added by the bot; None: out of the question
Bound = Callable[[Judge], float]  # no move of the kind scores more than this now
Proposes = Callable[[GameState, Scenario, str], Iterable[Move]]


@frozen(kw_only=True)
class MoveKind:
    """A move kind and everything it needs.

    `legal` may be None for a kind no organisation's menu offers (the facilitator's console builds it) or
    that another kind's `legal` of the same mechanism already lists. `family` is the menu family's id, or a
    function of the move when the kind spans two families. A bot makes a move only when `score` beats its
    threshold; `bound` lets it skip working out kinds that cannot. `proposes`, when set, is the bot's own
    short list of such moves, used instead of the legal ones (there are too many to score). `follow_up` says
    a bot's own move may bring one of these to its desk within its turn. `power`, when set, is the power
    (catalogue `POWERS`) an organisation must hold to be offered or to make a move of this kind: the engine
    leaves the kind out of the legal moves of every other organisation and refuses it from them.
    """

    move: type[Move]
    check: Check
    apply: Apply
    legal: Legal | None
    family: str | Callable[[Any], str]
    describe: Describe
    fields: Fields
    score: Score
    bound: Bound
    proposes: Proposes | None = None
    follow_up: bool = False
    power: str = ""

    @property
    def name(self) -> str:
        return self.move.__name__

    def family_of(self, move: Move) -> str:
        return self.family if isinstance(self.family, str) else self.family(move)


# The parts every kind must declare; `legal`, `proposes` and `follow_up` may be left empty on purpose.
REQUIRED = ("move", "check", "apply", "family", "describe", "fields", "score", "bound")


def missing_parts(
    kinds: Iterable[MoveKind], move_types: Mapping[str, type[Move]], own: Iterable[str] = ()
) -> list[str]:
    """What the registry lacks, as "Kind: part" lines: every move class outside the engine's `own` flow needs
    one entry with every required part; an empty list means it is complete."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for kind in kinds:
        name = getattr(kind.move, "__name__", "?")
        seen[name] = seen.get(name, 0) + 1
        problems += [f"{name}: {part}" for part in REQUIRED if getattr(kind, part, None) is None]
    problems += [f"{name}: registered {n} times" for name, n in seen.items() if n > 1]
    problems += [f"{name}: not registered" for name in move_types if name not in seen and name not in set(own)]
    problems += [f"{name}: not a move class" for name in seen if name not in move_types]
    return problems


def handlers_of(kinds: Iterable[MoveKind]) -> Handlers:
    """The (check, apply) pairs by move name, as the engine and the tests call them."""
    return {kind.name: (kind.check, kind.apply) for kind in kinds}


# --- parts shared by many kinds --------------------------------------------------------------------


def no_fields(state: GameState, move: Any) -> list[FieldSpec]:
    return []


def plain_fields(*specs: tuple[str, str, type]) -> Fields:
    """A form of plain fields: (path, label, int | float | str), prefilled with the move's own values."""

    def fields(state: GameState, move: Any) -> list[FieldSpec]:
        return [FieldSpec(path, label, kind, getattr(move, path)) for path, label, kind in specs]

    return fields


_TERM_FIELDS = {
    "tariff": ("price_percent", "months"),
    "block": ("annual_value", "months"),
    "risk_share": ("annual_value", "share_percent", "months"),
    "support": ("annual_value", "months"),
    "subcontract": ("share_percent", "price_percent", "months"),
}
_TERM_LABELS = {
    "annual_value": ("Yearly value, £k", int),
    "share_percent": ("Share of the variance, %", float),
    "price_percent": ("Price, % of tariff", float),
    "months": ("Length, months", int),
}
_SUBCONTRACT_LABELS = {"share_percent": ("Share of the work subcontracted, %", float)}


def terms_fields(state: GameState, move: Any) -> list[FieldSpec]:
    """The terms a player may set, which depend on the kind of agreement (the move's, or the one it is about)."""
    terms = move.terms
    if not isinstance(terms, Terms):
        return []
    kind = getattr(move, "kind", None)
    if kind is None:
        agreement = state.agreements.get(getattr(move, "agreement", ""))
        kind = agreement.kind if agreement else "tariff"
    names_ = _TERM_FIELDS.get(kind, ("months",))
    labels = {**_TERM_LABELS, **_SUBCONTRACT_LABELS} if kind == "subcontract" else _TERM_LABELS
    return [FieldSpec(f"terms.{n}", labels[n][0], labels[n][1], getattr(terms, n)) for n in names_]


def at_most(value: float) -> Bound:
    """A bound that does not depend on the moment."""

    def bound(judge: Judge) -> float:
        return value

    bound.fixed = value  # type: ignore[attr-defined]  # so a bot need not ask it at every look
    return bound


def never(judge: Judge, move: Any = None) -> float:
    """Bots never make this kind of move (they keep what they have signed or imposed; facilitator moves)."""
    return 0.0


never.fixed = 0.0  # type: ignore[attr-defined]


def move_jitter(state: GameState, role: str, move: Move) -> float:
    """A number in [0, 1) fixed by the seed, role, moment and move, for scorers that hesitate (never the game's
    own random streams)."""
    digest = hashlib.blake2b(f"{state.seed}:{role}:{state.month_index}:{state.phase}:{move!r}".encode(), digest_size=4)
    return int.from_bytes(digest.digest(), "big") / 2**32


__all__ = [
    "NOT_AT_ALL",
    "REQUIRED",
    "FieldSpec",
    "Judge",
    "MoveKind",
    "at_most",
    "handlers_of",
    "missing_parts",
    "move_jitter",
    "never",
    "no_fields",
    "plain_fields",
    "terms_fields",
]

NOT_AT_ALL = None  # a scorer's answer when the move is out of the question: no tie-breaking is added
