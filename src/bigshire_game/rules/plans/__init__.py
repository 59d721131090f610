"""Plans: financial plans and their credibility (`credibility`), submitting and challenging them and the plan
deadline (`submissions`), judging them (`assessments`), and bids for transitional funding from the top-slice
(`funding`). The engine sees one mechanism.

Content decides who takes part: `submit_plan` holders submit, `assess_plan` holders judge the plans of those
their ladders apply to (the Board the consortia's, Monitor the foundation trusts'), and the holder of
`award_funding` decides bids.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState
from ...vocabulary.moves import Move
from .. import Handlers
from ..registry import MoveKind, handlers_of
from . import assessments, funding, submissions
from .credibility import (
    PlanJudgement,
    credibility,
    has_analytics,
    judge_plan,
    plan_assessors,
    plan_verdict,
    plans_in_play,
    realistic_savings,
    savings_gap,
    scheme_savings,
    shares_needs_assessment,
    submits_plans,
)
from .knowledge import forecast_lag, foreseen, known_forecast, surprises
from .submissions import plan_deadline

KINDS: tuple[MoveKind, ...] = submissions.KINDS + assessments.KINDS + funding.KINDS
HANDLERS: Handlers = handlers_of(KINDS)


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every plan and funding move this role may make now (each kind's own `legal` lists its part)."""
    for part in (submissions, assessments, funding):
        yield from part.legal(state, scenario, role, kinds)


__all__ = [
    "HANDLERS",
    "KINDS",
    "PlanJudgement",
    "credibility",
    "forecast_lag",
    "foreseen",
    "has_analytics",
    "judge_plan",
    "known_forecast",
    "legal",
    "plan_assessors",
    "plan_deadline",
    "plan_verdict",
    "plans_in_play",
    "realistic_savings",
    "savings_gap",
    "scheme_savings",
    "shares_needs_assessment",
    "submits_plans",
    "surprises",
]
