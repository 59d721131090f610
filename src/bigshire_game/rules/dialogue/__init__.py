"""Dialogue: concerns, requests and meetings, the talk between organisations that builds or wears down trust
and fills regulators' agendas, one module per responsibility: the inbox every kind of talk shares (`inbox`),
concerns (`concerns`), requests for help and rulings and their answers (`requests`), meetings (`meetings`),
and the move kinds with the talk the scenario's [routing] opens (`kinds`); then open talk by the same routing:
requests for information to any organisation (`information`), questions to a regulator about any rule
(`questions`), commitments to an organisation's priorities (`commitments`) and a provider's request for a single
lead commissioner (`leads`, answered in `agreements.asked`); and former commissioners hired to rebuild links
(`expertise`). The engine sees one mechanism.

Requests wait in their addressees' inboxes until answered or until they lapse;
meetings convened in a month are held at its end with whoever agreed to come.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState
from ...vocabulary.moves import Move
from .. import Handlers
from ..effects import change_trust
from ..registry import MoveKind, handlers_of
from . import commitments, expertise, information, kinds, leads, questions
from .expertise import rebuild_links
from .inbox import ANSWERABLE, answer_request, lapse_requests, open_request, open_requests, put_request
from .meetings import hold_meetings

KINDS: tuple[MoveKind, ...] = (
    kinds.KINDS + information.KINDS + questions.KINDS + commitments.KINDS + leads.KINDS + expertise.KINDS
)
HANDLERS: Handlers = handlers_of(KINDS)


def legal(state: GameState, scenario: Scenario, role: str, kinds_: Container[str] | None = None) -> Iterator[Move]:
    """Every dialogue move this role may make now (each kind's own `legal` lists its part)."""
    for found in dict.fromkeys(kind.legal for kind in KINDS if kind.legal is not None):
        yield from found(state, scenario, role, kinds_)


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
    "rebuild_links",
]
