"""Closures and the public opposition they meet: a decision or card option marked as a closure (a site closed,
a service withdrawn) is announced first and goes ahead only after a notice period.

Those it affects, and the bodies that scrutinise in public, may register opposition (who may is the scenario's
[routing] objections): a strong objection puts the closure back a month, up to a limit, and every objection adds
to what it costs when it goes ahead. The owner can wait, back down, or go ahead before its date anyway, at a price
in trust with every objector. Which objections are strong is a rule; how keen anyone is to make one is their motive.
"""

from __future__ import annotations

from .. import Handlers
from ..registry import handlers_of
from .kinds import KINDS
from .leanings import closure_doubts, need
from .record import announce, due_closures, is_strong, last_month, likely_objectors, may_object

HANDLERS: Handlers = handlers_of(KINDS)

__all__ = [
    "HANDLERS",
    "KINDS",
    "announce",
    "closure_doubts",
    "due_closures",
    "is_strong",
    "last_month",
    "likely_objectors",
    "may_object",
    "need",
]
