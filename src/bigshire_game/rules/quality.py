"""Quality of care: the one way a provider's quality score moves, so every change is told the same way."""

from __future__ import annotations

from ..state import GameState, evolve, replace_org
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS
from ..vocabulary.causes import Cause
from ..vocabulary.events import event
from . import Outcome


def clamp(value: int) -> int:
    """A score kept within 0..100 (quality, trust)."""
    return max(0, min(100, value))


def change_quality(state: GameState, rid: str, amount: int, phase: str, cause: Cause, reason: str = "") -> Outcome:
    """A care provider's quality moves within 0..100; other organisations have no quality score."""
    org = state.orgs[rid]
    new = clamp(org.quality + amount)
    if org.kind not in CARE_PROVIDER_KINDS or new == org.quality:
        return state, []
    state = replace_org(state, evolve(org, quality=new))
    return state, [
        event(
            state,
            phase,
            "QualityChanged",
            (rid,),
            topics=("quality",),
            role=rid,
            amount=new - org.quality,
            quality=new,
            source=cause,
            reason=reason or None,
        )
    ]
