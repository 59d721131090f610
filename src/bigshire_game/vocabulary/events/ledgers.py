"""Changes to the figures: money, quality, costs, demand, tariff, rules in force and trust."""

from __future__ import annotations

from ..causes import Cause
from .base import Event, _kind


@_kind("money was paid, received or written off", cause="source")
class MoneyMoved(Event):
    """Money was paid, received or written off."""

    cause: Cause | None = None
    role: str | None = None
    amount: int | None = None
    flow: str | None = None
    payer: str | None = None
    payee: str | None = None


@_kind("a contract was paid for the month", agreement_kind="kind", month_label="month")
class ContractPaid(Event):
    """A contract was paid for the month."""

    agreement: str | None = None
    agreement_kind: str | None = None
    amount: int | None = None
    units: int | None = None
    month_label: str | None = None


@_kind("a provider's quality changed", cause="source")
class QualityChanged(Event):
    """A provider's quality changed."""

    role: str | None = None
    amount: int | None = None
    quality: int | None = None
    cause: Cause | None = None
    reason: str | None = None


@_kind("an organisation's cost base changed", cause="source")
class CostBaseChanged(Event):
    """An organisation's cost base changed."""

    cause: Cause | None = None
    role: str | None = None
    percent: float | None = None
    cost_base: int | None = None
    change: int | None = None


@_kind("demand for an activity changed", cause="source")
class DemandChanged(Event):
    """Demand for an activity changed."""

    cause: Cause | None = None
    activity: str | None = None
    percent: float | None = None
    target: str | None = None
    until: int | None = None
    role: str | None = None
    referrals: bool | None = None
    referral_percent: float | None = None


@_kind("a national price changed", cause="source")
class TariffChanged(Event):
    """A national price changed."""

    cause: Cause | None = None
    activity: str | None = None
    percent: float | None = None
    price: int | None = None
    previous: int | None = None


@_kind("a rule setting changed", cause="source")
class RuleChanged(Event):
    """A rule setting changed."""

    cause: Cause | None = None
    setting: str | None = None
    value: bool | int | float | str | None = None
    previous: bool | int | float | str | None = None


@_kind("trust between organisations changed", cause="source")
class TrustChanged(Event):
    """Trust between organisations changed."""

    cause: Cause | None = None
    between: tuple[str, ...] | None = None
    amount: int | None = None
    trust: int | None = None


@_kind("the quality premium was paid")
class QualityPremiumPaid(Event):
    """The quality premium was paid."""

    role: str | None = None
    amount: int | None = None
    quality: int | None = None


@_kind("the facilitator adjusted a figure", cause="source")
class FigureAdjusted(Event):
    """The facilitator adjusted a figure."""

    cause: Cause | None = None
    role: str | None = None
    figure: str | None = None
    amount: int | None = None
    value: int | None = None
    until: int | None = None
    reason: str | None = None
