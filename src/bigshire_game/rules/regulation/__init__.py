"""Regulation: the ladders of Monitor, the CQC and the Board, the triggers that put organisations on their
agendas, inspections, plan assessments and rulings, one module per responsibility: ladders and triggers
(`ladders`), sanctions (`sanctions`), inspections and plan assessments (`inspections`), rulings and dismissals
(`rulings`), and the move kinds (`kinds`). The engine sees one mechanism.

Evidence and decisions stay apart: a trigger, an inspection or an assessment only
puts an item on an agenda; only a regulator's move climbs a ladder, one step at a time.
"""

from __future__ import annotations

from .. import Handlers
from ..agenda import add_agenda_item, grounds, ladder_for
from ..registry import handlers_of
from .inspections import inspection_rating
from .kinds import KINDS, legal
from .ladders import check_triggers, level, licence_revoked, regulator_of
from .rulings import ruling_value

HANDLERS: Handlers = handlers_of(KINDS)

__all__ = [
    "HANDLERS",
    "KINDS",
    "add_agenda_item",
    "check_triggers",
    "grounds",
    "inspection_rating",
    "ladder_for",
    "legal",
    "level",
    "licence_revoked",
    "regulator_of",
    "ruling_value",
]
