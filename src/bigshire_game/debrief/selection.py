"""What an observer writes down, how much each kind of event weighs, and what the whole room may know.

The one place that decides which events are news, which are book-keeping, and which
organisation's money a reader of the account may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..narrative import Told, balance
from ..state import FACILITATOR, GameState
from ..vocabulary.events import Event
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
    }
)
"""The game's own book-keeping: never in the timeline, and left out of observer themes unless named."""


TALK = frozenset(
    {
        "CardPublished",
        "OptionChosen",
        "DecisionTaken",
        "AgreementProposed",
        "AgreementCountered",
        "ConcernRaised",
        "RequestRaised",
        "MeetingConvened",
        "PlanSubmitted",
        "PlanChallenged",
        "FundingBid",
        "RulingMade",
        "ClosureOpposed",
        "DisputeRaised",
        "PracticesConsulted",
        "DeadlineSet",
    }
)
"""What people said and did of their own accord: the headline counts topics over these."""


_NOT_IN_TIMELINE = BOOKKEEPING | {"AgreementAccepted", "MeetingConvened"}


def worth_telling(e: Event, deciders: dict[str, int] | None = None, alarms: frozenset[str] = frozenset()) -> bool:
    """Whether an observer would write this event down. `deciders` is how many answer each card;
    `alarms` are the regulators' trigger titles: only those agenda items are news, the rest
    repeat the concern, bid or card that raised them."""
    d = e.data
    if e.kind in _NOT_IN_TIMELINE:
        return False
    if e.kind == "AgendaItemAdded":
        return str(d.get("reason", "")) in alarms
    if e.kind == "DecisionTaken" and d.get("decision") == "dismiss_agenda_item":
        return False
    if e.kind == "OptionChosen" and d.get("defaulted"):
        return (deciders or {}).get(str(d.get("card")), 1) <= 2  # only a card put to one or two is notable
    if e.kind == "RequestAnswered":
        return not d.get("answered", True)  # answers are routine; silence is not
    if e.kind == "MoneyMoved":
        return not str(d.get("source", "")).startswith("scheme:")  # the investment tells its cost
    if e.kind == "RuleChanged":
        return not str(d.get("source", "")).startswith("ruling by ")  # the ruling tells it
    if e.kind == "FigureAdjusted":
        return d.get("figure") != "workload"
    return True


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
    closed = [e for e in events if e.kind == "MonthResolved" and e.data.get("role") == rid]
    results = tuple(int(e.data.get("result", 0)) for e in closed)
    balances = tuple(int(e.data.get("balance", 0)) for e in closed)
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
    "OptionChosen": 35,
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
}


def org_weight(e: Event) -> float:
    """How much an event moved an organisation: its kind, then the money in it."""
    d = e.data
    base = ORG_WEIGHT.get(e.kind, 0)
    if e.kind in ("MoneyMoved", "FundingAwarded", "SchemeInvested", "QualityPremiumPaid"):
        amount = abs(int(d.get("amount", 0) or d.get("awarded", 0) or d.get("cost", 0)))
        base += min(amount / 50, 60)
    elif e.kind == "CostBaseChanged":
        base += min(abs(int(d.get("change", 0))) / 200, 60)
    elif e.kind == "QualityChanged":
        base += 8 * abs(int(d.get("amount", 0)))
    return base + (50 if d.get("final") else 0)


TIMELINE_WEIGHT: dict[str, int] = {
    "SanctionImposed": 100,
    "SanctionLifted": 90,
    "AllianceReviewed": 90,
    "ConflictChallenged": 85,
    "AllianceFormed": 80,
    "AllianceEnded": 75,
    "ContractRolledOver": 75,
    "RulingMade": 70,
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
}


FACILITATED = 1000  # the facilitator's own interventions are always told: the room will ask about them


def timeline_weight(told: Sequence[Told], children: int) -> float:
    if any(_by_facilitator(t.event) for t in told):
        return FACILITATED
    best = max(TIMELINE_WEIGHT.get(t.event.kind, 20) for t in told)
    public = any(t.event.kind == "CardPublished" and not t.event.audience for t in told)
    return best + 10 * public + min(children, 3) * 3 + min(len(told), 4)


def _by_facilitator(e: Event) -> bool:
    """An adjustment, ruling or card the facilitator made at the table."""
    d = e.data
    return d.get("source") == "facilitator" or d.get("how") == "facilitator" or FACILITATOR in e.actors
