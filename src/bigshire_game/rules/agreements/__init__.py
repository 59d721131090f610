"""Contracts and alliances between organisations, one module per responsibility: the shared checks on terms
(`terms`), an agreement's life from proposal to end (`contracts`), Monitor's competition review (`review`),
conflicts of interest (`conflicts`), and the moves open to a role (`offers`). The engine sees one mechanism."""

from __future__ import annotations

from .. import Handlers
from ..registry import handlers_of
from .contracts import month_end
from .kinds import KINDS
from .offers import legal, offers, proposals
from .review import combined_share

HANDLERS: Handlers = handlers_of(KINDS)

__all__ = ["HANDLERS", "KINDS", "combined_share", "legal", "month_end", "offers", "proposals"]
