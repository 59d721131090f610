"""Financial plans, funding bids and what commissioners foresaw."""

from __future__ import annotations

from .base import Event, _kind


@_kind("a financial plan was submitted")
class PlanSubmitted(Event):
    """A financial plan was submitted."""

    submitter: str | None = None
    savings: int | None = None
    credibility: int | None = None
    late: bool | None = None
    revised: bool | None = None  # it replaced a plan already submitted
    reflects_needs_assessment: bool | None = None
    coverage: int | None = None
    analytics: int | None = None
    needs: int | None = None
    hopeful: int | None = None
    gap: int | None = None
    realistic: int | None = None


@_kind("a financial plan was challenged")
class PlanChallenged(Event):
    """A financial plan was challenged."""

    consortium: str | None = None
    by: str | None = None
    credibility: int | None = None
    change: int | None = None


@_kind("a financial plan was assessed")
class PlanAssessed(Event):
    """A financial plan was assessed."""

    submitter: str | None = None
    credibility: int | None = None
    verdict: str | None = None


@_kind("a regulator called a financial plan unrealistic in public")
class PlanCalledUnrealistic(Event):
    """A regulator called a financial plan unrealistic in public."""

    submitter: str | None = None
    credibility: int | None = None
    savings: int | None = None
    realistic: int | None = None
    gap: int | None = None
    ladder: str | None = None
    level: int | None = None  # the step the submitter stood on, on the caller's ladder


@_kind("a bid for transitional funding was made")
class FundingBid(Event):
    """A bid for transitional funding was made."""

    bid: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    amount: int | None = None


@_kind("transitional funding was awarded or refused")
class FundingAwarded(Event):
    """Transitional funding was awarded or refused."""

    bid: str | None = None
    consortium: str | None = None
    requested: int | None = None
    awarded: int | None = None


@_kind("a commissioner's game ended far from what it could foresee")
class ForecastMissed(Event):
    """Without analysts a commissioner saw its position late, and the game's end came as a surprise."""

    role: str | None = None
    expected: int | None = None  # what it foresaw, £k
    actual: int | None = None  # where it ended, £k
    lag: int | None = None  # how many months late it saw its results
