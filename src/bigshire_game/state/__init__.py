"""The world as a value: frozen state classes, the chance stored in them, and views derived from them.

Below the rules: nothing here knows how a move is made."""

from ..vocabulary.seats import FACILITATOR
from ..vocabulary.terms import Terms
from .model import (
    AgendaItem,
    Agreement,
    AnnouncedClosure,
    Deadline,
    DemandShift,
    GameState,
    Org,
    PendingChoice,
    Request,
    ScheduledCard,
    SchemeInvestment,
    evolve,
    ladder_key,
    new_id,
    pair_key,
    replace_org,
    with_item,
)

__all__ = [
    "FACILITATOR",
    "AgendaItem",
    "Agreement",
    "AnnouncedClosure",
    "Deadline",
    "DemandShift",
    "GameState",
    "Org",
    "PendingChoice",
    "Request",
    "ScheduledCard",
    "SchemeInvestment",
    "Terms",
    "evolve",
    "ladder_key",
    "new_id",
    "pair_key",
    "replace_org",
    "with_item",
]
