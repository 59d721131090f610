"""Dialogue: concerns, requests and meetings, the talk between organisations that builds or wears down trust
and fills regulators' agendas, one module per responsibility: the inbox every kind of talk shares (`inbox`),
concerns (`concerns`), requests for help and rulings and their answers (`requests`), meetings (`meetings`),
and the move kinds with the talk the scenario's [routing] opens (`kinds`). The engine sees one mechanism.

Requests wait in their addressees' inboxes until answered or until they lapse;
meetings convened in a month are held at its end with whoever agreed to come.
"""

from __future__ import annotations

from .. import Handlers
from ..effects import change_trust
from ..registry import MoveKind, handlers_of
from .inbox import ANSWERABLE, answer_request, lapse_requests, open_request, open_requests, put_request
from .kinds import KINDS as _KINDS
from .kinds import legal
from .meetings import hold_meetings

KINDS: tuple[MoveKind, ...] = _KINDS
HANDLERS: Handlers = handlers_of(KINDS)

__all__ = [
    "ANSWERABLE",
    "HANDLERS",
    "KINDS",
    "answer_request",
    "change_trust",
    "hold_meetings",
    "lapse_requests",
    "legal",
    "open_request",
    "open_requests",
    "put_request",
]
