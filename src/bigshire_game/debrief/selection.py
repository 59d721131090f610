"""What an observer writes down, how much each kind of event weighs, and what the whole room may know.

The one place that decides which events are news, which are book-keeping, and which
organisation's money a reader of the account may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..narrative import Told, balance
from ..state import FACILITATOR, GameState
from ..vocabulary import causes
from ..vocabulary.events import (
    AgendaItemAdded,
    CardPublished,
    CostBaseChanged,
    Event,
    FigureAdjusted,
    FundingAwarded,
    MoneyMoved,
    MonthResolved,
    OptionChosen,
    QualityChanged,
    QualityPremiumPaid,
    RequestAnswered,
    RuleChanged,
    SanctionImposed,
    SchemeInvested,
)
from .model import Accounts

BOOKKEEPING = frozenset(
    {
        "GameStarted",
        "MonthStarted",
        "PhaseStarted",
        "TurnStarted",
        "TurnEnded",
        "Passed",
        "ContractPaid",
        "MonthResolved",
        "TrustChanged",
        "GameEnded",
        "AgendaCarriedOver",  # the observers' measure of a full agenda, not news in itself
    }
)
"""The game's own book-keeping: never in the timeline, and left out of observer themes unless named."""


TALK = frozenset(
    {
        "CardPublished",
        "OptionChosen",
        "DecisionTaken",
        "AgendaItemDismissed",
        "AgreementProposed",
        "AgreementCountered",
        "ConcernRaised",
        "RequestRaised",
        "InformationRequested",
        "QuestionAsked",
        "CommitmentAsked",
        "LeadCommissionerAsked",
        "MeetingConvened",
        "PlanSubmitted",
        "PlanChallenged",
        "PlanCalledUnrealistic",
        "FundingBid",
        "JointReviewProposed",
        "ReferralMade",
        "RulingMade",
        "ClosureOpposed",
        "DisputeRaised",
        "PracticesConsulted",
        "DeadlineSet",
    }
)
"""What people said and did of their own accord: the headline counts topics over these."""


_NOT_IN_TIMELINE = BOOKKEEPING | {"AgreementAccepted", "MeetingConvened", "AgendaItemDismissed"}


def worth_telling(e: Event, deciders: dict[str, int] | None = None, alarms: frozenset[str] = frozenset()) -> bool:
    """Whether an observer would write this event down. `deciders` is how many answer each card;
    `alarms` are the regulators' trigger titles: only those agenda items are news, the rest
    repeat the concern, bid or card that raised them."""
    if e.kind in _NOT_IN_TIMELINE:
        return False
    if isinstance(e, AgendaItemAdded):
        return str(e.reason or "") in alarms
    if isinstance(e, OptionChosen) and e.defaulted:
        return (deciders or {}).get(str(e.card), 1) <= 2  # only a card put to one or two is notable
    if isinstance(e, RequestAnswered):
        return e.answered is False or e.committed is not None  # answers are routine; silence and commitments are not
    if isinstance(e, MoneyMoved):
        return not _caused_by(e, causes.SCHEME)  # the investment tells its cost
    if isinstance(e, RuleChanged):
        return not _caused_by(e, causes.RULING)  # the ruling tells it
    if isinstance(e, FigureAdjusted):
        return e.figure != "workload"
    return True


def _caused_by(e: Event, kind: str) -> bool:
    return e.cause is not None and e.cause.kind == kind


def at_month_end(state: GameState) -> bool:
    """Whether `state` stands between two months: before the first, after the last, or before a month's news."""
    return not state.started or state.finished or (state.phase == 0 and not state.actor)


def published(state: GameState, events: Iterable[Event], rid: str) -> Accounts:
    """The one rule for what the whole room sees of an organisation's money: its accounts as published
    at each month end, the balance as the month closed and the month's result (opening balances are
    public too). Its balance between month ends, its income and spending lines, its forecast and the
    money in offers still being made stay its own. The month report shows these for every
    organisation; `bigshire debrief --role` shows them for every organisation but the role's own.
    `events` are those up to `state` (they give the months' results, and the last published balance
    when `state` is part-way through a month)."""
    closed = [e for e in events if isinstance(e, MonthResolved) and e.role == rid]
    results = tuple(int(e.result or 0) for e in closed)
    balances = tuple(int(e.balance or 0) for e in closed)
    if at_month_end(state):
        balance: int | None = state.orgs[rid].balance
        if balances:
            balances = (*balances[:-1], balance)  # the month's close, with anything paid at the very end
    else:
        balance = balances[-1] if balances else None
    return Accounts(balance, results, balances)


def knows_books(viewer: str | None, rid: str) -> bool:
    """Whether `viewer` (None: the observers) sees `rid`'s own books, not only its published accounts."""
    return viewer is None or viewer in (rid, FACILITATOR)


def public_balance(amount: int | None) -> str:
    return "not published" if amount is None else balance(amount)


ORG_WEIGHT: dict[str, int] = {
    "SanctionImposed": 90,
    "SanctionLifted": 70,
    "AllianceReviewed": 70,
    "ConflictChallenged": 60,
    "QualityPremiumPaid": 60,
    "DecisionTaken": 60,
    "SchemeFailed": 55,
    "ContractRolledOver": 50,
    "AllianceFormed": 45,
    "AllianceEnded": 45,
    "ContractVaried": 45,
    "ContractSigned": 40,
    "CompetitionReviewOpened": 40,
    "FundingAwarded": 40,
    "SchemeSavingsReleased": 40,
    "InspectionHeld": 40,
    "JointReviewHeld": 50,
    "ReferralMade": 40,
    "OptionChosen": 35,
    "PlanCalledUnrealistic": 60,
    "PlanAssessed": 35,
    "SchemeInvested": 30,
    "MoneyMoved": 30,
    "CostBaseChanged": 30,
    "QualityChanged": 25,
    "ContractEnded": 20,
    "ClosureWentAhead": 70,
    "ClosureWithdrawn": 60,
    "DisputeMediated": 45,
    "ClosureOpposed": 40,
    "DeadlineMissed": 40,
    "FormerCommissionersHired": 35,
}


def org_weight(e: Event) -> float:
    """How much an event moved an organisation: its kind, then the money in it."""
    base = ORG_WEIGHT.get(e.kind, 0)
    if isinstance(e, MoneyMoved | QualityPremiumPaid):
        base += min(abs(int(e.amount or 0)) / 50, 60)
    elif isinstance(e, FundingAwarded):
        base += min(abs(int(e.awarded or 0)) / 50, 60)
    elif isinstance(e, SchemeInvested):
        base += min(abs(int(e.cost or 0)) / 50, 60)
    elif isinstance(e, CostBaseChanged):
        base += min(abs(int(e.change or 0)) / 200, 60)
    elif isinstance(e, QualityChanged):
        base += 8 * abs(int(e.amount or 0))
    return base + (50 if isinstance(e, SanctionImposed) and e.final else 0)


TIMELINE_WEIGHT: dict[str, int] = {
    "SanctionImposed": 100,
    "SanctionLifted": 90,
    "AllianceReviewed": 90,
    "ConflictChallenged": 85,
    "AllianceFormed": 80,
    "AllianceEnded": 75,
    "ContractRolledOver": 75,
    "RulingMade": 70,
    "PlanCalledUnrealistic": 70,
    "ContractSigned": 70,
    "ContractVaried": 65,
    "ContractEnded": 60,
    "CompetitionReviewOpened": 65,
    "FundingAwarded": 60,
    "DecisionTaken": 60,
    "SchemeFailed": 60,
    "QualityPremiumPaid": 60,
    "CardPublished": 55,
    "SchemeInvested": 55,
    "SchemeSavingsReleased": 50,
    "PlanAssessed": 50,
    "AgendaItemAdded": 50,
    "InspectionHeld": 45,
    "JointReviewHeld": 75,
    "ReferralMade": 55,
    "JointReviewAgreed": 40,
    "JointReviewProposed": 35,
    "JointReviewDeclined": 35,
    "OptionChosen": 45,
    "RuleChanged": 45,
    "ConflictDeclared": 45,
    "MeetingHeld": 40,
    "PlanSubmitted": 40,
    "PlanChallenged": 40,
    "AgreementLapsed": 40,
    "RequestAnswered": 40,
    "AgreementRejected": 35,
    "AgreementCountered": 35,
    "FundingBid": 35,
    "AgreementProposed": 30,
    "ConcernRaised": 30,
    "RequestRaised": 25,
    "ClosureWentAhead": 85,
    "ClosureWithdrawn": 80,
    "DisputeMediated": 60,
    "ClosureOpposed": 55,
    "DeadlineMissed": 55,
    "ClosureDelayed": 50,
    "DeadlineMet": 45,
    "DisputeRaised": 40,
    "DisputeAnswered": 35,
    "PracticesConsulted": 35,
    "DeadlineSet": 35,
    "FormerCommissionersHired": 55,
    "CommitmentAsked": 45,
    "LeadCommissionerAsked": 35,
    "QuestionAsked": 25,
    "InformationRequested": 20,
}


FACILITATED = 1000  # the facilitator's own interventions are always told: the room will ask about them


def timeline_weight(told: Sequence[Told], children: int) -> float:
    if any(_by_facilitator(t.event) for t in told):
        return FACILITATED
    best = max(_timeline_weight(t.event) for t in told)
    public = any(t.event.kind == "CardPublished" and not t.event.audience for t in told)
    return best + 10 * public + min(children, 3) * 3 + min(len(told), 4)


def _timeline_weight(e: Event) -> int:
    """An answer is routine, but whether an organisation committed to another's priorities is news."""
    if isinstance(e, RequestAnswered) and e.committed is not None:
        return COMMITMENT_WEIGHT
    return TIMELINE_WEIGHT.get(e.kind, 20)


COMMITMENT_WEIGHT = 55


def _by_facilitator(e: Event) -> bool:
    """An adjustment, ruling or card the facilitator made at the table."""
    by_table = isinstance(e, CardPublished) and e.how == "facilitator"
    return _caused_by(e, causes.FACILITATOR) or by_table or FACILITATOR in e.actors
