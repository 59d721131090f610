"""Regulation: the ladders of Monitor, the CQC and the Board, the triggers that put organisations on their
agendas, inspections, rulings and regulators acting together, one module per responsibility: ladders and
triggers (`ladders`), sanctions (`sanctions`), inspections (`inspections`), rulings and dismissals (`rulings`),
joint reviews and referrals (`joint`), and the move kinds (`kinds`, `joint`). The engine sees one mechanism;
financial plans and their judging are the `plans` mechanism's.

Evidence and decisions stay apart: a trigger, an inspection, a joint finding or a referral only
puts an item on an agenda; only a regulator's move climbs a ladder, one step at a time.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState
from ...vocabulary.moves import Move
from .. import Handlers
from ..agenda import add_agenda_item, grounds, ladder_for
from ..registry import MoveKind, handlers_of
from . import joint
from . import kinds as _kinds
from .inspections import inspection_rating
from .joint import concerned, hold_joint_reviews
from .ladders import check_triggers, level, licence_revoked, regulator_of
from .rulings import ruling_value

KINDS: tuple[MoveKind, ...] = _kinds.KINDS + joint.KINDS
HANDLERS: Handlers = handlers_of(KINDS)


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every regulatory move this role may make now (each kind's own `legal` lists its part)."""
    yield from _kinds.legal(state, scenario, role, kinds)
    yield from joint.legal(state, scenario, role, kinds)


__all__ = [
    "HANDLERS",
    "KINDS",
    "add_agenda_item",
    "check_triggers",
    "concerned",
    "grounds",
    "hold_joint_reviews",
    "inspection_rating",
    "ladder_for",
    "legal",
    "level",
    "licence_revoked",
    "regulator_of",
    "ruling_value",
]
