"""Contracts and alliances between organisations, one module per responsibility: the shared checks on terms
(`terms`), proposing (`propose`), an agreement's life after its proposal (`contracts`), lead commissioners
(`lead`) and the offer to lead that answers a provider's request for one (`asked`), Monitor's competition review (`review`), the CQC's registration of a new body (`registration`),
risk pools' year-end settlement (`pools`), conflicts of interest (`conflicts`), the moves open to a role
(`offers`) and how bots lean (`leanings`). The engine sees one mechanism."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState
from .. import Handlers, Outcome
from ..registry import MoveKind, handlers_of
from . import asked, contracts, pools
from .kinds import KINDS as _KINDS
from .offers import legal, offers, proposals
from .review import combined_share

KINDS: tuple[MoveKind, ...] = _KINDS + asked.KINDS
HANDLERS: Handlers = handlers_of(KINDS)


def month_end(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Risk pools ending this month share out their members' results; then proposals lapse, agreements expire
    and, at the deadline, unsigned contracts roll over."""
    state, events = pools.settle_pools(state, scenario, month, phase)
    state, more = contracts.month_end(state, scenario, month, phase)
    return state, events + more


__all__ = ["HANDLERS", "KINDS", "combined_share", "legal", "month_end", "offers", "proposals"]
