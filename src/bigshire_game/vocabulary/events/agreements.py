"""Agreements: proposals, contracts and conflicts of interest."""

from __future__ import annotations

from ..causes import Cause
from .base import Event, _kind


@_kind("an agreement was proposed", agreement_kind="kind", cause="source")
class AgreementProposed(Event):
    """An agreement was proposed."""

    cause: Cause | None = None
    agreement: str | None = None
    agreement_kind: str | None = None
    parties: tuple[str, ...] | None = None
    annual_value: int | None = None
    price_percent: float | None = None
    share_percent: float | None = None
    activities: tuple[str, ...] | None = None
    months: int | None = None
    conflict: bool | None = None
    variation: bool | None = None
    on_behalf_of: str | None = None
    provider: str | None = None


@_kind("a proposal was answered with different terms", agreement_kind="kind")
class AgreementCountered(Event):
    """A proposal was answered with different terms."""

    agreement: str | None = None
    agreement_kind: str | None = None
    annual_value: int | None = None
    price_percent: float | None = None
    share_percent: float | None = None


@_kind("a proposal was accepted", agreement_kind="kind")
class AgreementAccepted(Event):
    """A proposal was accepted."""

    agreement: str | None = None
    agreement_kind: str | None = None
    complete: bool | None = None


@_kind("a proposal was rejected", agreement_kind="kind")
class AgreementRejected(Event):
    """A proposal was rejected."""

    agreement: str | None = None
    agreement_kind: str | None = None


@_kind("a proposal lapsed unanswered", agreement_kind="kind")
class AgreementLapsed(Event):
    """A proposal lapsed unanswered."""

    agreement: str | None = None
    agreement_kind: str | None = None
    proposer: str | None = None
    waited_for: tuple[str, ...] | None = None


@_kind("a contract was signed", agreement_kind="kind")
class ContractSigned(Event):
    """A contract was signed."""

    agreement: str | None = None
    agreement_kind: str | None = None
    annual_value: int | None = None
    starts: int | None = None
    price_percent: float | None = None
    share_percent: float | None = None
    conflict: bool | None = None
    declared: bool | None = None
    proposer: str | None = None
    months_to_sign: int | None = None  # from the first proposal to signature
    priced: bool | None = None  # it has an annual value (a block or risk-share), not prices per unit alone
    first_offer: int | None = None  # the annual value first proposed, £k (priced contracts only)
    kept_first_offer: bool | None = None  # signed at or above the first offer (priced contracts only)


@_kind("a contract's terms were varied")
class ContractVaried(Event):
    """A contract's terms were varied."""

    agreement: str | None = None
    annual_value: int | None = None
    price_percent: float | None = None


@_kind("a contract ended", agreement_kind="kind")
class ContractEnded(Event):
    """A contract ended."""

    agreement: str | None = None
    agreement_kind: str | None = None
    ended_by: str | None = None
    reason: str | None = None


@_kind("an unsigned contract rolled over at the deadline", agreement_kind="kind")
class ContractRolledOver(Event):
    """An unsigned contract rolled over at the deadline."""

    agreement: str | None = None
    agreement_kind: str | None = None
    until: str | None = None


@_kind("a conflict of interest was declared")
class ConflictDeclared(Event):
    """A conflict of interest was declared."""

    agreement: str | None = None
    provider: str | None = None


@_kind("a conflict of interest was challenged")
class ConflictChallenged(Event):
    """A conflict of interest was challenged."""

    agreement: str | None = None
    upheld: bool | None = None
    declared: bool | None = None
