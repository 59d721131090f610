"""Disputes: one organisation claims a cost from another, about an agreement (one side believes it was made, the
other denies it; or a row over what its terms mean) or about what was said at a meeting. The other side
concedes and pays, or denies it, and then the holder of the `mediate` power mediates: the claim is upheld (paid
in full), the cost split (half paid) or dismissed. Money moves between the two; trust falls between them when the
dispute is raised, and between the mediator and whichever side a ruling goes against.

A dispute is a request of kind "dispute" in the defendant's inbox, then in the mediator's.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..state import GameState, Request, evolve, new_id
from ..state.memo import last_seen
from ..vocabulary.catalogue import DISPUTE_OUTCOMES, FORECAST_KINDS
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from ..vocabulary.moves import AnswerDispute, MediateDispute, Move, RaiseDispute
from . import Handlers, Outcome, economy, refuse
from .deadlines import agreements_of, held_meetings, present_at
from .economy import transfer
from .effects import DEFAULT_TRUST, change_trust
from .registry import NOT_AT_ALL, Judge, MoveKind, at_most, handlers_of, no_fields, plain_fields
from .wording import agreement_words, money, possessive, short

KIND = "dispute"
DISPUTED = ("proposed", "agreed", "signed", "ended", "lapsed", "rejected")  # agreements a claim can be about
MOST = 50_000  # £k: the largest claim the rules accept
UNEVEN = 12_000  # £k: how much worse off a claimant must be for the costs to have plainly fallen on it
RECENT_MONTHS = 2  # a meeting this recent is one whose outcome can be disputed


def mediator(scenario: Scenario) -> str | None:
    """The organisation that mediates disputes: the first holding the `mediate` power."""
    return scenario.first_addressee(power="mediate")


def with_defendant(dispute: Request) -> bool:
    """Still waiting for the defendant's answer (afterwards it waits for the mediator)."""
    return dispute.to == (dispute.about,)


def met(state: GameState, a: str, b: str) -> bool:
    """Whether the two sat in the same meeting."""
    return any(b in present_at(m) for m in held_meetings(state, a))


def merit(state: GameState, dispute: Request) -> str:
    """What the record supports. Under terms in force, a claim stands when the costs have plainly fallen on the
    claimant (the other side is in surplus and £12m or more better off), else the cost is shared; without terms in
    force, a claim rests on the two having sat in the same meeting since, and is split, or else dismissed."""
    agreement = state.agreements.get(dispute.agreement)
    if agreement is not None and agreement.status in ("lapsed", "rejected"):
        since = agreement.proposed_month
        together = any(
            dispute.about in present_at(m) and m.opened >= since for m in held_meetings(state, dispute.source)
        )
        return "split" if together else "dismissed"
    if agreement is not None:
        defendant = state.orgs[dispute.about].balance
        return "upheld" if defendant >= 0 and defendant - state.orgs[dispute.source].balance >= UNEVEN else "split"
    return "split" if met(state, dispute.source, dispute.about) else "dismissed"


@last_seen
def _disputes(requests: dict[str, Request]) -> tuple[Request, ...]:
    """Every dispute raised, oldest first: a bot's claims are each checked against them."""
    return tuple(r for r in requests.values() if r.kind == KIND)


def _put(state: GameState, dispute: Request) -> GameState:
    return evolve(state, requests={**state.requests, dispute.id: dispute})


def _open_dispute(state: GameState, move: Move, dispute_id: str):
    dispute = state.requests.get(dispute_id)
    if dispute is None or dispute.kind != KIND or move.actor not in dispute.to:
        return None, refuse("not_addressed", move, "There is no such dispute in your inbox.")
    if dispute.status != "open":
        return None, refuse("dispute_settled", move, "That dispute has already been settled.")
    return dispute, None


def _fields(state: GameState, dispute: Request) -> dict[str, object]:
    agreement = state.agreements.get(dispute.agreement)
    return {
        "dispute": dispute.id,
        "by": dispute.source,
        "against": dispute.about,
        "agreement": dispute.agreement or None,
        "amount": dispute.amount,
        "refused": True if agreement is not None and agreement.status in ("lapsed", "rejected") else None,
    }


# --- raise -----------------------------------------------------------------------------------------


def check_raise(state: GameState, scenario: Scenario, move: RaiseDispute):
    if move.against not in state.orgs or move.against == move.actor:
        return refuse("unknown_role", move, "Name another organisation to raise the dispute against.")
    if mediator(scenario) in (None, move.actor, move.against):
        return refuse("no_mediator", move, "There is nobody independent to mediate a dispute between you.")
    if not 0 < move.amount <= MOST:
        return refuse("bad_amount", move, f"Claim an amount between £1k and {money(MOST)}.")
    if move.agreement:
        agreement = state.agreements.get(move.agreement)
        if agreement is None or not {move.actor, move.against} <= set(agreement.parties):
            return refuse("not_between_you", move, "That is not an agreement between the two of you.")
        if agreement.status not in DISPUTED:
            return refuse("under_review", move, "That agreement is with the regulator; dispute it once it is decided.")
    for other in _disputes(state.requests):
        if {other.source, other.about} != {move.actor, move.against}:
            continue
        if other.agreement == move.agreement and other.status == "open":
            return refuse("already_disputed", move, "A dispute between you about that is already open.")
        if move.agreement and other.agreement == move.agreement:
            return refuse("already_settled", move, "A dispute between you about that agreement has been settled.")
    return None


def apply_raise(state: GameState, scenario: Scenario, move: RaiseDispute, phase: str) -> Outcome:
    rid, state = new_id(state, "R")
    dispute = Request(
        id=rid,
        kind=KIND,
        source=move.actor,
        to=(move.against,),
        about=move.against,
        topic="money",
        text=move.text,
        amount=move.amount,
        agreement=move.agreement,
        opened=state.month_index,
    )
    state = _put(state, dispute)
    events = [
        event(state, phase, "DisputeRaised", (move.actor,), (move.actor, move.against), ("money",),
              text=move.text, **_fields(state, dispute))
    ]  # fmt: skip
    state, more = change_trust(
        state, scenario, move.actor, move.against, scenario.balance.dispute_trust, phase, Cause.answer(dispute.id)
    )
    return state, events + more


# --- answer ------------------------------------------------------------------------------------------


def check_answer(state: GameState, scenario: Scenario, move: AnswerDispute):
    dispute, refusal = _open_dispute(state, move, move.dispute)
    if refusal is None and not with_defendant(dispute):
        return refuse("with_mediator", move, "That dispute is already with the mediator.")
    return refusal


def _to_mediator(state: GameState, scenario: Scenario, dispute: Request, phase: str, lapsed: bool) -> Outcome:
    board = mediator(scenario)
    state = _put(state, evolve(dispute, to=(board,), answer="denied"))
    return state, [
        event(state, phase, "DisputeAnswered", (dispute.about,), (dispute.source, dispute.about, board), ("money",),
              conceded=False, lapsed=lapsed or None, mediator=board, **_fields(state, dispute))
    ]  # fmt: skip


def apply_answer(state: GameState, scenario: Scenario, move: AnswerDispute, phase: str) -> Outcome:
    """Conceding pays the claim; denying sends the dispute to the mediator."""
    dispute = state.requests[move.dispute]
    if not move.concede:
        return _to_mediator(state, scenario, dispute, phase, lapsed=False)
    state = transfer(state, dispute.about, dispute.source, dispute.amount)
    state = _put(state, evolve(dispute, status="answered", answer="conceded"))
    return state, [
        event(state, phase, "DisputeAnswered", (dispute.about,), (dispute.source, dispute.about), ("money",),
              conceded=True, **_fields(state, dispute)),
        _paid(state, phase, dispute, dispute.amount),
    ]  # fmt: skip


def _paid(state: GameState, phase: str, dispute: Request, amount: int) -> Event:
    return event(
        state,
        phase,
        "MoneyMoved",
        (dispute.about, dispute.source),
        (dispute.about, dispute.source),
        ("money",),
        source=Cause.answer(dispute.id),
        payer=dispute.about,
        payee=dispute.source,
        amount=amount,
        flow="transfer",
    )


def unanswered_disputes(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: a dispute its defendant has left unanswered as long as a request may wait goes to the mediator."""
    events: list[Event] = []
    for dispute in list(state.requests.values()):
        if (
            dispute.kind == KIND
            and dispute.status == "open"
            and with_defendant(dispute)
            and state.month_index - dispute.opened >= scenario.balance.request_lapse_months
        ):
            state, more = _to_mediator(state, scenario, dispute, phase, lapsed=True)
            events += more
    return state, events


# --- mediate -----------------------------------------------------------------------------------------


def check_mediate(state: GameState, scenario: Scenario, move: MediateDispute):
    if "mediate" not in scenario.roles[move.actor].powers:
        return refuse("cannot_mediate", move, "Only a body with the power to mediate can settle a dispute.")
    dispute, refusal = _open_dispute(state, move, move.dispute)
    if refusal:
        return refusal
    if with_defendant(dispute):
        return refuse("not_yet", move, "The other side has not yet answered this dispute.")
    if move.outcome not in DISPUTE_OUTCOMES:
        return refuse("unknown_outcome", move, f"Choose an outcome: {', '.join(DISPUTE_OUTCOMES)}.")
    return None


def apply_mediate(state: GameState, scenario: Scenario, move: MediateDispute, phase: str) -> Outcome:
    """Upheld: the defendant pays in full and holds it against the mediator; split: half, and both sides and the
    mediator trust each other more; dismissed: nothing, and the claimant holds it against the mediator."""
    dispute = state.requests[move.dispute]
    paid = {"upheld": dispute.amount, "split": dispute.amount // 2}.get(move.outcome, 0)
    state = _put(state, evolve(dispute, status="answered", answer=move.outcome))
    events: list[Event] = [
        event(state, phase, "DisputeMediated", (move.actor,), (move.actor, dispute.source, dispute.about),
              ("money", "governance"), outcome=move.outcome, paid=paid, **_fields(state, dispute))
    ]  # fmt: skip
    if paid:
        state = transfer(state, dispute.about, dispute.source, paid)
        events.append(_paid(state, phase, dispute, paid))
    b = scenario.balance
    trust = {
        "upheld": ((move.actor, dispute.about, b.mediation_loser_trust),),
        "split": (
            (dispute.source, dispute.about, b.mediation_trust),
            (move.actor, dispute.source, b.mediation_trust),
            (move.actor, dispute.about, b.mediation_trust),
        ),
        "dismissed": ((move.actor, dispute.source, b.mediation_loser_trust),),
    }[move.outcome]
    for one, other, amount in trust:
        state, more = change_trust(state, scenario, one, other, amount, phase, Cause.answer(dispute.id))
        events += more
    return state, events


# --- legal moves ----------------------------------------------------------------------------------------


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Disputes waiting on this organisation; and claims it could make, for the scenario's usual claim, about
    agreements it shares with another or against those it met at a recent meeting."""
    for dispute in _disputes(state.requests):
        if dispute.status != "open" or role not in dispute.to:
            continue
        if with_defendant(dispute):
            yield AnswerDispute(actor=role, dispute=dispute.id, concede=True)
            yield AnswerDispute(actor=role, dispute=dispute.id, concede=False)
        elif "mediate" in scenario.roles[role].powers:
            for outcome in DISPUTE_OUTCOMES:
                yield MediateDispute(actor=role, dispute=dispute.id, outcome=outcome)
    if kinds is not None and "RaiseDispute" not in kinds:
        return
    claim = scenario.balance.dispute_claim
    seen: set[str] = set()
    for agreement in agreements_of(state, role):
        if agreement.status not in DISPUTED:
            continue
        for other in agreement.parties:
            move = RaiseDispute(actor=role, against=other, amount=claim, agreement=agreement.id)
            if other != role and check_raise(state, scenario, move) is None:
                yield move
    recent = state.month_index - RECENT_MONTHS
    for meeting in held_meetings(state, role):
        if meeting.opened < recent:
            continue
        for other in present_at(meeting):
            if other != role and other not in seen:
                seen.add(other)
                move = RaiseDispute(actor=role, against=other, amount=claim)
                if check_raise(state, scenario, move) is None:
                    yield move


# --- words --------------------------------------------------------------------------------------------


def _about(state: GameState, scenario: Scenario, dispute: Request | None, role: str) -> str:
    if dispute is None or not dispute.agreement:
        return "a cost"
    agreement = state.agreements.get(dispute.agreement)
    return f"the {agreement_words(scenario, agreement, role)}" if agreement else "an agreement"


def describe_raise(state: GameState, scenario: Scenario, move: RaiseDispute) -> str:
    agreement = state.agreements.get(move.agreement)
    about = f"over the {agreement_words(scenario, agreement, move.actor)}" if agreement else "over what was agreed"
    return f"Dispute {money(move.amount)} with {short(scenario, move.against)} {about}"


def describe_answer(state: GameState, scenario: Scenario, move: AnswerDispute) -> str:
    dispute = state.requests.get(move.dispute)
    claimant = short(scenario, dispute.source) if dispute else "?"
    amount = money(dispute.amount) if dispute else "?"
    if move.concede:
        return f"Concede {possessive(claimant)} claim and pay {amount}"
    return f"Deny {possessive(claimant)} claim of {amount}: let the mediator decide"


_OUTCOME_WORDS = {
    "upheld": "uphold the claim ({claimant} is paid {amount})",
    "split": "split the cost ({claimant} is paid {half})",
    "dismissed": "dismiss the claim",
}


def describe_mediate(state: GameState, scenario: Scenario, move: MediateDispute) -> str:
    dispute = state.requests.get(move.dispute)
    if dispute is None:
        return f"Mediate: {move.outcome}"
    between = f"{short(scenario, dispute.source)} v {short(scenario, dispute.about)}"
    said = _OUTCOME_WORDS.get(move.outcome, move.outcome).format(
        claimant=short(scenario, dispute.source), amount=money(dispute.amount), half=money(dispute.amount // 2)
    )
    return f"Mediate {between} over {_about(state, scenario, dispute, move.actor)}: {said}"


# --- how computer players weigh them -----------------------------------------------------------------


def _trust(judge: Judge, other: str) -> int:
    a, b = sorted((judge.role, other))
    return judge.state.trust.get(f"{a}|{b}", DEFAULT_TRUST)


def _grievance(judge: Judge, move: RaiseDispute) -> float:
    """How much there is to fight over, 0 to 1.5: a proposal of its own the other side turned down or let lapse
    (it believes they had agreed it), the worse the more it distrusts them; or an agreement in force whose costs
    fall unevenly, the more so the further the two sides' finances have diverged. Without an agreement, a claim
    rests on a meeting just held (the legal moves offer such claims only then) and on distrust alone."""
    trust = _trust(judge, move.against)
    hostile = max(0.0, min(1.5, (40 - trust) / 10))
    agreement = judge.state.agreements.get(move.agreement)
    if agreement is None:
        return hostile
    if agreement.status in ("lapsed", "rejected"):
        return hostile if agreement.proposer == judge.role else 0.0
    if agreement.status == "signed" and (agreement.is_alliance or agreement.kind == "risk_share"):
        other = judge.state.orgs[move.against]
        gap = (
            economy.forecast(judge.state, judge.scenario, move.against) if other.kind in FORECAST_KINDS else 0
        ) - judge.forecast
        return max(0.0, min(1.5, (gap - 5_000) / 5_000))
    return 0.0


def score_raise(judge: Judge, move: RaiseDispute) -> float | None:
    """Those who look to the centre, short of money, take a grievance to the mediator; one dispute at a time."""
    if judge.forecast >= 0:
        return NOT_AT_ALL
    if any(r.status == "open" and r.source == judge.role for r in _disputes(judge.state.requests)):
        return NOT_AT_ALL
    grievance = _grievance(judge, move)
    if grievance <= 0:
        return NOT_AT_ALL
    return 0.5 + 2.0 * judge.weight("look_to_centre") + grievance


def bound_raise(judge: Judge) -> float:
    return 0.5 + 2.0 * judge.weight("look_to_centre") + 1.5


def score_answer(judge: Judge, move: AnswerDispute) -> float | None:
    """Concede small claims when cooperative; deny large ones, the more when money is short."""
    dispute = judge.state.requests.get(move.dispute)
    if dispute is None:
        return NOT_AT_ALL
    cooperation = judge.settings.cooperation
    if move.concede:
        return 2.0 + 5.0 * cooperation - dispute.amount / 500
    return 2.0 + 4.0 * (1 - cooperation) + (1.0 if judge.forecast < 0 else 0.0)


def score_mediate(judge: Judge, move: MediateDispute) -> float | None:
    """The mediator goes with what the record supports, a cooperative one leaning to splitting the cost."""
    dispute = judge.state.requests.get(move.dispute)
    if dispute is None:
        return NOT_AT_ALL
    base = 2.0 + 1.5 * judge.weight("enforce") + 1.5 * judge.weight("collaborate")
    fits = 2.0 if move.outcome == merit(judge.state, dispute) else 0.0
    leaning = 1.5 * judge.settings.cooperation if move.outcome == "split" else 0.0
    return base + fits + leaning


def bound_mediate(judge: Judge) -> float:
    if "mediate" not in judge.me.powers:
        return 0.0
    return 2.0 + 1.5 * judge.weight("enforce") + 1.5 * judge.weight("collaborate") + 2.0 + 1.5


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=RaiseDispute,
        check=check_raise,
        apply=apply_raise,
        legal=legal,
        family="voice",
        describe=describe_raise,
        fields=plain_fields(("amount", "Amount claimed, £k", int), ("text", "What you say was agreed (optional)", str)),
        score=score_raise,
        bound=bound_raise,
    ),
    MoveKind(
        move=AnswerDispute,
        check=check_answer,
        apply=apply_answer,
        legal=legal,
        family="inbox",
        describe=describe_answer,
        fields=no_fields,
        score=score_answer,
        bound=at_most(7.0),
    ),
    MoveKind(
        move=MediateDispute,
        power="mediate",
        check=check_mediate,
        apply=apply_mediate,
        legal=legal,
        family="inbox",
        describe=describe_mediate,
        fields=no_fields,
        score=score_mediate,
        bound=bound_mediate,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
