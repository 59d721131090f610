"""Events: immutable facts about what happened, the only thing the debrief narrates.

Every change to the world produces one, as an instance of one frozen class per kind, named in the past
tense, with typed fields. `audience` says who may see it: empty for everyone, role ids for the parties,
or only the facilitator. `data` gives the fields as the sentence templates in narrative.toml name them
(a facilitator's own narrative file keeps working); fields left unset are not there. A kind that records why
it happened has a `cause` (a `Cause`), which `data` gives as `source` in its text form.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .causes import Cause
from .seats import FACILITATOR

PUBLIC: tuple[str, ...] = ()
FACILITATOR_ONLY: tuple[str, ...] = (FACILITATOR,)

_ENVELOPE = ("month", "phase", "actors", "audience", "topics")


class Event:
    """What every event has: when it happened, who took part and who may know.

    A value: frozen, equal when kind and fields are equal. The kinds are plain classes whose fields are their
    annotations (all optional, None when unset), so the sixty of them cost nothing to define at import.
    """

    kind: ClassVar[str] = ""  # the class's own name: a class attribute, read thousands of times by the debrief
    DESCRIPTION: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, str]] = {}  # field name -> its name in templates and exports, where they differ
    FIELDS: ClassVar[tuple[str, ...]] = ()  # the kind's own fields, in their declared order
    cause: ClassVar[Cause | None] = None  # why it happened: a field of the kinds that record it, None for the rest

    month: int  # month index when it happened
    phase: str
    actors: tuple[str, ...]
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    data: Mapping[str, Any]  # made on first use: see __getattr__

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        notes = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect costs more to import than it saves)
        own = [name for name, note in notes.items() if "ClassVar" not in str(note)]
        cls.FIELDS = tuple(dict.fromkeys((*cls.__base__.FIELDS, *own)))  # type: ignore[attr-defined]

    def __init__(
        self,
        *,
        month: int,
        phase: str,
        actors: tuple[str, ...] = (),
        audience: tuple[str, ...] = PUBLIC,
        topics: tuple[str, ...] = (),
        **fields: Any,
    ) -> None:
        unknown = fields.keys() - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{self.kind or type(self).__name__} has no field called {sorted(unknown)[0]}")
        values = self.__dict__
        values.update(month=month, phase=phase, actors=actors, audience=audience, topics=topics)
        values.update(dict.fromkeys(self.FIELDS))
        values.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"an event is a fact and cannot be changed ({name})")

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in (*_ENVELOPE, *self.FIELDS))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in (*_ENVELOPE, *self.FIELDS))
        return f"{type(self).__name__}({shown})"

    def __getattr__(self, name: str) -> Any:
        """`data`: the event's own fields under their template names, unset (None) fields left out, a cause in
        its text form. Made on first use and kept in the instance, so later reads are plain attribute reads (the
        debrief makes hundreds of thousands)."""
        if name != "data":
            raise AttributeError(f"{type(self).__name__} has no field called {name}")
        values = self.__dict__
        keys = self.KEYS
        data = {
            keys.get(field, field): str(value) if type(value) is Cause else value
            for field in self.FIELDS
            if (value := values[field]) is not None
        }
        values["data"] = data
        return data

    def visible_to(self, role: str) -> bool:
        if not self.audience:
            return True
        return role in self.audience or role == FACILITATOR

    def with_data(self, **changes: Any) -> Event:
        """A copy with some fields changed, named as in `data`."""
        names = {v: k for k, v in self.KEYS.items()}
        values = {name: self.__dict__[name] for name in (*_ENVELOPE, *self.FIELDS)}
        values.update({names.get(k, k): v for k, v in changes.items()})
        return type(self)(**values)


def _field_names(cls: type[Event]) -> tuple[str, ...]:
    """The fields of an event kind beyond the envelope, in their declared order."""
    return cls.FIELDS


EVENT_TYPES: dict[str, type[Event]] = {}

RETIRED_EVENT_KINDS: dict[str, str] = {
    "AllocationPaid": "allocations are told in each month's MonthResolved",
    "IncidentOccurred": "no rule makes quality incidents; a card tells one as its news",
    "SeatTakenOver": "takeovers are the table's, told in the debrief's account of the table",
}
"""Event kinds the engine used to name but never made: a narrative file may still mention them (a warning)."""


def _kind(description: str, **keys: str):
    """Register an event class under its own name, with what it means in a few words."""

    def register(cls: type[Event]) -> type[Event]:
        cls.kind = cls.__name__
        cls.DESCRIPTION = description
        cls.KEYS = keys
        EVENT_TYPES[cls.__name__] = cls
        return cls

    return register


@_kind("the game began")
class GameStarted(Event):
    """The game began."""

    scenario: str | None = None
    seed: int | None = None


@_kind("a month began")
class MonthStarted(Event):
    """A month began."""

    turn: int | None = None
    months: tuple[str, ...] | None = None


@_kind("a phase of the month began")
class PhaseStarted(Event):
    """A phase of the month began."""

    phase_title: str | None = None


@_kind("an organisation's turn began")
class TurnStarted(Event):
    """An organisation's turn began, with what was waiting for it and what it had to meet it with."""

    role: str | None = None
    waiting: int | None = None  # items in its inbox and on its agenda
    action_points: int | None = None
    overloaded: bool | None = None  # more waiting than it had actions for


@_kind("an organisation ended its turn")
class TurnEnded(Event):
    """An organisation ended its turn."""

    role: str | None = None
    moves: int | None = None


@_kind("a card was published")
class CardPublished(Event):
    """A card was published."""

    card: str | None = None
    title: str | None = None
    deck: str | None = None
    how: str | None = None
    deciders: tuple[str, ...] | None = None
    drawn: bool | None = None
    roll: float | None = None
    among: int | None = None


@_kind("an organisation answered a card")
class OptionChosen(Event):
    """An organisation answered a card."""

    card: str | None = None
    title: str | None = None
    option: str | None = None
    label: str | None = None
    role: str | None = None
    defaulted: bool | None = None
    closure: str | None = None  # an option that announced a closure: its id, what closes and when it is due
    what: str | None = None
    due: int | None = None


@_kind("an organisation took an internal decision")
class DecisionTaken(Event):
    """An organisation took an internal decision."""

    role: str | None = None
    decision: str | None = None
    title: str | None = None
    closure: str | None = None  # a closure announced: its id, what closes and when it is due
    what: str | None = None
    due: int | None = None
    consulted: bool | None = None  # taken after consulting the consortium's member practices


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


@_kind("an alliance was formed", agreement_kind="kind")
class AllianceFormed(Event):
    """An alliance was formed."""

    agreement: str | None = None
    agreement_kind: str | None = None
    share: int | None = None
    service: str | None = None
    conditions: str | None = None
    provider: str | None = None


@_kind("an alliance ended", agreement_kind="kind")
class AllianceEnded(Event):
    """An alliance ended."""

    agreement: str | None = None
    agreement_kind: str | None = None
    ended_by: str | None = None
    reason: str | None = None


@_kind("Monitor opened a competition review", agreement_kind="kind")
class CompetitionReviewOpened(Event):
    """Monitor opened a competition review."""

    agreement: str | None = None
    agreement_kind: str | None = None
    share: int | None = None
    service: str | None = None


@_kind("Monitor decided a competition review", agreement_kind="kind")
class AllianceReviewed(Event):
    """Monitor decided a competition review."""

    agreement: str | None = None
    agreement_kind: str | None = None
    outcome: str | None = None
    share: int | None = None
    service: str | None = None


@_kind("the CQC was asked whether a new integrated body must register", agreement_kind="kind")
class RegistrationQuestionRaised(Event):
    """The CQC was asked whether a new integrated body must register."""

    agreement: str | None = None
    agreement_kind: str | None = None


@_kind("the CQC decided a new integrated body's registration", agreement_kind="kind")
class RegistrationDecided(Event):
    """The CQC decided a new integrated body's registration."""

    agreement: str | None = None
    agreement_kind: str | None = None
    outcome: str | None = None
    quality: int | None = None
    conditions: str | None = None


@_kind("a risk pool shared its members' results at the game's end (or its own, if sooner)")
class RiskPoolSettled(Event):
    """A risk pool shared its members' results at the game's end, or at its own end if that came first."""

    agreement: str | None = None
    pooled: int | None = None
    results: tuple[int, ...] | None = None
    shares: tuple[float, ...] | None = None
    transfers: tuple[int, ...] | None = None
    months: int | None = None


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


@_kind("an organisation invested in a scheme")
class SchemeInvested(Event):
    """An organisation invested in a scheme."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    cost: int | None = None
    matures: int | None = None
    setting: str | None = None  # the care setting of the activity it reduces: acute, community, ...
    prevention: bool | None = None  # the scheme's purposes include prevention


@_kind("a scheme released savings")
class SchemeSavingsReleased(Event):
    """A scheme released savings."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    roll: float | None = None
    chance: float | None = None
    activity: str | None = None
    reduction_percent: float | None = None


@_kind("a scheme failed to deliver")
class SchemeFailed(Event):
    """A scheme failed to deliver."""

    investment: str | None = None
    scheme: str | None = None
    title: str | None = None
    investor: str | None = None
    partners: tuple[str, ...] | None = None
    roll: float | None = None
    chance: float | None = None


@_kind("a concern was raised", cause="source")
class ConcernRaised(Event):
    """A concern was raised."""

    cause: Cause | None = None
    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    about: str | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a request or a question for a ruling was raised")
class RequestRaised(Event):
    """A request or a question for a ruling was raised."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None
    setting: str | None = None
    ruling: bool | None = None


@_kind("a request was answered", item_kind="kind")
class RequestAnswered(Event):
    """A request was answered."""

    request: str | None = None
    item_kind: str | None = None
    answered: bool | None = None
    answer: str | None = None
    attend: bool | None = None
    lapsed: bool | None = None
    committed: bool | None = None  # a commitment asked for: given or refused


@_kind("an organisation asked another to share what it knows")
class InformationRequested(Event):
    """An organisation asked another to share what it knows on a topic."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a regulator was asked a question about a rule")
class QuestionAsked(Event):
    """A regulator was asked a question about any rule, in words, not a ruling on a setting."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    rule: str | None = None


@_kind("organisations were asked to commit to the asker's priorities")
class CommitmentAsked(Event):
    """Organisations were asked to commit to one of the asker's priorities; each answer is a RequestAnswered."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    priority: str | None = None
    text: str | None = None


@_kind("a provider asked the consortia buying from it for a single lead commissioner")
class LeadCommissionerAsked(Event):
    """A provider asked the consortia that buy from it to deal with it through one lead commissioner."""

    request: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None


@_kind("an organisation hired former commissioners to rebuild its links")
class FormerCommissionersHired(Event):
    """An organisation paid for former commissioners, whose contacts raise its trust with the chosen
    organisations at each month's end until `until`."""

    role: str | None = None
    partners: tuple[str, ...] | None = None
    cost: int | None = None
    until: int | None = None  # the last month index their work raises trust


@_kind("a meeting was convened")
class MeetingConvened(Event):
    """A meeting was convened."""

    meeting: str | None = None
    by: str | None = None
    to: tuple[str, ...] | None = None
    topic: str | None = None
    text: str | None = None


@_kind("a meeting took place")
class MeetingHeld(Event):
    """A meeting took place."""

    meeting: str | None = None
    by: str | None = None
    topic: str | None = None
    attendees: tuple[str, ...] | None = None
    declined: tuple[str, ...] | None = None
    absent: tuple[str, ...] | None = None
    unanswered: bool | None = None
    inquorate: bool | None = None  # fewer than half of those invited came


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


@_kind("items on an organisation's agenda waited into another month")
class AgendaCarriedOver(Event):
    """What an agenda could not take in a month carried over into the next."""

    role: str | None = None
    items: int | None = None  # open items older than this month
    capacity: int | None = None  # the organisation's action points each month


@_kind("an organisation took on staff to keep up with its work")
class StaffRecruited(Event):
    """An organisation recruited, admitting it could not cope: more action points from next month, at a cost."""

    role: str | None = None
    posts: int | None = None
    cost: int | None = None
    capacity: int | None = None  # its action points each month from now on


@_kind("an item was put on a regulator's agenda", item_kind="kind")
class AgendaItemAdded(Event):
    """An item was put on a regulator's agenda."""

    item: str | None = None
    regulator: str | None = None
    subject: str | None = None
    ladder: str | None = None
    reason: str | None = None
    agreement: str | None = None
    item_kind: str | None = None  # referral or help; unset for evidence


@_kind("a regulator set aside an item on its agenda", item_kind="kind")
class AgendaItemDismissed(Event):
    """A regulator set aside an item on its agenda: it takes no action on it."""

    item: str | None = None
    item_kind: str | None = None
    by: str | None = None
    subject: str | None = None
    ladder: str | None = None
    reason: str | None = None


@_kind("an inspection took place")
class InspectionHeld(Event):
    """An inspection took place."""

    subject: str | None = None
    quality: int | None = None
    rating: str | None = None


@_kind("a regulator proposed a joint review of a provider to another")
class JointReviewProposed(Event):
    """A regulator proposed a joint review of a provider to another."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None
    reason: str | None = None


@_kind("a regulator agreed to a joint review")
class JointReviewAgreed(Event):
    """A regulator agreed to a joint review."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None


@_kind("a regulator declined a joint review, or left it unanswered")
class JointReviewDeclined(Event):
    """A regulator declined a joint review, or left it unanswered."""

    review: str | None = None
    by: str | None = None
    partner: str | None = None
    subject: str | None = None
    lapsed: bool | None = None


@_kind("two regulators reviewed a provider together and made one finding")
class JointReviewHeld(Event):
    """Two regulators reviewed a provider together and made one finding."""

    review: str | None = None
    regulators: tuple[str, ...] | None = None
    subject: str | None = None
    quality: int | None = None
    rating: str | None = None
    forecast: int | None = None
    concerns: tuple[str, ...] | None = None  # the topics the finding raised: quality, money
    agendas: tuple[str, ...] | None = None  # the regulators whose agendas it went on
    items: tuple[str, ...] | None = None  # the agenda items it opened


@_kind("a regulator referred an organisation to another regulator")
class ReferralMade(Event):
    """A regulator referred an organisation to another regulator."""

    by: str | None = None
    to: str | None = None
    subject: str | None = None
    reason: str | None = None
    item: str | None = None


@_kind("a regulator imposed a sanction")
class SanctionImposed(Event):
    """A regulator imposed a sanction."""

    ladder: str | None = None
    subject: str | None = None
    step: str | None = None
    step_title: str | None = None
    level: int | None = None
    final: bool | None = None
    reason: str | None = None
    items: tuple[str, ...] | None = None


@_kind("a regulator lifted a sanction")
class SanctionLifted(Event):
    """A regulator lifted a sanction."""

    ladder: str | None = None
    subject: str | None = None
    step: str | None = None
    step_title: str | None = None
    level: int | None = None
    lifted: str | None = None


@_kind("the month's money and activity were settled", month_label="month")
class MonthResolved(Event):
    """The month's money and activity were settled."""

    role: str | None = None
    month_label: str | None = None
    income: int | None = None
    spend: int | None = None
    result: int | None = None
    balance: int | None = None


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


@_kind("a ruling was made")
class RulingMade(Event):
    """A ruling was made."""

    setting: str | None = None
    value: bool | float | None = None
    previous: bool | float | None = None
    request: str | None = None


@_kind("opposition to a closure was registered", closure_kind="kind")
class ClosureOpposed(Event):
    """Opposition to a closure was registered."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    by: str | None = None
    strong: bool | None = None
    grounds: str | None = None
    cost: int | None = None  # what going ahead now costs, £k, with this objection
    objections: int | None = None


@_kind("a closure was put back by opposition", closure_kind="kind")
class ClosureDelayed(Event):
    """A closure was put back by opposition."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    due: int | None = None
    delay: int | None = None  # months added so far
    limit: int | None = None


@_kind("a closure went ahead", closure_kind="kind")
class ClosureWentAhead(Event):
    """A closure went ahead."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    objectors: tuple[str, ...] | None = None
    cost: int | None = None
    due: int | None = None
    anyway: bool | None = None  # before its date, on the owner's say-so


@_kind("a closure was withdrawn", closure_kind="kind")
class ClosureWithdrawn(Event):
    """A closure was withdrawn."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    objectors: tuple[str, ...] | None = None


@_kind("a dispute was raised")
class DisputeRaised(Event):
    """A dispute was raised."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    text: str | None = None


@_kind("a dispute was answered, conceded or denied")
class DisputeAnswered(Event):
    """A dispute was answered, conceded or denied."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    conceded: bool | None = None
    lapsed: bool | None = None
    mediator: str | None = None


@_kind("a dispute was mediated")
class DisputeMediated(Event):
    """A dispute was mediated."""

    dispute: str | None = None
    by: str | None = None
    against: str | None = None
    agreement: str | None = None
    amount: int | None = None
    refused: bool | None = None  # about an agreement the other side turned down or let lapse
    outcome: str | None = None
    paid: int | None = None


@_kind("a consortium consulted its member practices before a decision")
class PracticesConsulted(Event):
    """A consortium consulted its member practices before a decision."""

    role: str | None = None
    decision: str | None = None
    title: str | None = None
    until: int | None = None


@_kind("a deadline was agreed")
class DeadlineSet(Event):
    """A deadline was agreed."""

    deadline: str | None = None
    by: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    agreement: str | None = None
    meeting: str | None = None


@_kind("an organisation delivered its part of a deadline")
class DeadlineDelivered(Event):
    """An organisation delivered its part of a deadline."""

    deadline: str | None = None
    role: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    waiting_for: tuple[str, ...] | None = None


@_kind("a deadline was met")
class DeadlineMet(Event):
    """A deadline was met."""

    deadline: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None


@_kind("a deadline was missed")
class DeadlineMissed(Event):
    """A deadline was missed."""

    deadline: str | None = None
    parties: tuple[str, ...] | None = None
    what: str | None = None
    due: int | None = None
    delivered: tuple[str, ...] | None = None
    missing: tuple[str, ...] | None = None


@_kind("an organisation passed")
class Passed(Event):
    """An organisation passed."""

    role: str | None = None


@_kind("the game ended")
class GameEnded(Event):
    """The game ended."""


def make_event(
    event_kind: str,
    month: int,
    phase: str,
    actors: tuple[str, ...] = (),
    audience: tuple[str, ...] = PUBLIC,
    topics: tuple[str, ...] = (),
    /,
    **data: Any,
) -> Event:
    """An event of a kind named at run time, its fields given under their template names; an unknown kind
    or field is refused, so a misspelt field never goes untold."""
    return _made(event_kind, month, phase, actors, audience, topics, data)


def _made(
    event_kind: str,
    month: int,
    phase: str,
    actors: tuple[str, ...],
    audience: tuple[str, ...],
    topics: tuple[str, ...],
    data: dict[str, Any],
) -> Event:
    """`make_event` with the fields in a dict, so `event` hands its own on without unpacking them again."""
    cls = EVENT_TYPES.get(event_kind)
    if cls is None:
        raise ValueError(f"there is no event kind called {event_kind}")
    renamed, blank, allowed = _SHAPES.get(cls) or _shape(cls)
    if not allowed.issuperset(data):
        unknown = sorted(set(data) - allowed)[0]
        raise TypeError(f"{event_kind} has no field called {unknown}")
    # Made in one step, as the state's `evolve` makes values: events are made thousands of times a game.
    # A field given as None is the same as one not given.
    new = object.__new__(cls)
    values = new.__dict__
    values.update(blank)
    values["month"], values["phase"], values["actors"], values["audience"], values["topics"] = (
        month,
        phase,
        actors,
        audience,
        topics,
    )
    if renamed:
        values.update({renamed.get(key, key): value for key, value in data.items()})
    else:
        values.update(data)
    return new


_SHAPES: dict[type, tuple[dict[str, str], dict[str, None], frozenset[str]]] = {}


def _shape(cls: type[Event]) -> tuple[dict[str, str], dict[str, None], frozenset[str]]:
    """An event kind's renamed fields (template name -> field), all its fields unset, and the names it takes."""
    renamed = {template: name for name, template in cls.KEYS.items()}
    allowed = frozenset(cls.KEYS.get(n, n) for n in cls.FIELDS)
    shape = _SHAPES[cls] = (renamed, dict.fromkeys(cls.FIELDS), allowed)
    return shape


def event(
    state: Any,
    phase: str,
    event_kind: str,
    actors: tuple[str, ...] = (),
    audience: tuple[str, ...] = PUBLIC,
    topics: tuple[str, ...] = (),
    **data: Any,
) -> Event:
    """An event stamped with the month of `state` (anything with a `month_index`)."""
    return _made(event_kind, state.month_index, phase, actors, audience, topics, data)
