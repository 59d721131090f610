"""Transitional funding: consortia's bids for money from the Board's top-slice, and the Board's decisions.

A bid is a request for help: it waits in the Board's inbox and on its agenda, and is never grounds for a sanction.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...content.labels import kind_label
from ...state import GameState, Request, evolve, new_id
from ...vocabulary.events import event
from ...vocabulary.moves import BidForFunding, DecideFunding, Move
from .. import Outcome, dialogue, refuse
from ..agenda import add_agenda_item
from ..economy import forecast, transfer
from ..registry import Judge, MoveKind, at_most, plain_fields
from ..wording import money, possessive, short

MAX_BID = 10_000
DEFAULT_BID = 2_000
FUNDING_REASON = "Bid for transitional funding"


def board(scenario: Scenario) -> str | None:
    """The body holding the top-slice: the first with the power to award funding."""
    return next((rid for rid, role in scenario.roles.items() if "award_funding" in role.powers), None)


def _is_consortium(state: GameState, rid: str) -> bool:
    return rid in state.orgs and state.orgs[rid].kind == "consortium"


def _open_bid(state: GameState, cid: str) -> Request | None:
    return next(
        (r for r in dialogue.open_requests(state) if r.kind == "funding" and r.source == cid),
        None,
    )


def check_bid(state: GameState, scenario: Scenario, move: BidForFunding):
    if not _is_consortium(state, move.actor):
        who = kind_label(scenario, "consortium", plural=True)
        return refuse("not_a_consortium", move, f"Only {who} can bid for transitional funding.")
    if board(scenario) is None:
        return refuse("no_board", move, "Nobody holds a top-slice to bid for in this scenario.")
    if not 0 < move.amount <= MAX_BID:
        return refuse("bad_amount", move, f"A bid must be for more than £0k and at most £{MAX_BID:,}k.")
    if _open_bid(state, move.actor):
        decider = possessive(short(scenario, str(board(scenario))))
        return refuse("bid_open", move, f"Your last bid is still waiting for {decider} decision.")
    return None


def apply_bid(state: GameState, scenario: Scenario, move: BidForFunding, phase: str) -> Outcome:
    """The bid waits in the Board's inbox and on its agenda until decided: a request for help, never grounds for
    a sanction."""
    to = board(scenario)
    bid, state = new_id(state, "R")
    request = Request(
        id=bid,
        kind="funding",
        source=move.actor,
        to=(to,),
        topic="money",
        amount=move.amount,
        opened=state.month_index,
    )
    state = dialogue.put_request(state, request)
    events = [
        event(
            state,
            phase,
            "FundingBid",
            (move.actor,),
            (move.actor, to),
            ("money",),
            bid=bid,
            by=move.actor,
            to=(to,),
            amount=move.amount,
        )
    ]
    state, more = add_agenda_item(state, phase, "funding_bid", to, move.actor, f"{FUNDING_REASON}: £{move.amount:,}k")
    return state, events + more


def check_decide(state: GameState, scenario: Scenario, move: DecideFunding):
    if "award_funding" not in scenario.roles[move.actor].powers:
        holders = [short(scenario, rid) for rid, role in scenario.roles.items() if "award_funding" in role.powers]
        who = " or ".join(holders) or "nobody in this scenario"
        return refuse("no_power", move, f"Only {who} can award transitional funding.")
    bid, refusal = dialogue.open_request(state, scenario, move, move.bid, ("funding",))
    if refusal is not None:
        return refusal
    if not 0 <= move.award <= bid.amount:
        return refuse("bad_award", move, f"Award between £0k and the £{bid.amount:,}k asked for.")
    pool = state.orgs[move.actor].balance
    if move.award > pool:
        return refuse(
            "pool_too_small",
            move,
            f"The top-slice pool holds only £{max(0, pool):,}k, not enough to award £{move.award:,}k.",
            pool=pool,
        )
    return None


def apply_decide(state: GameState, scenario: Scenario, move: DecideFunding, phase: str) -> Outcome:
    """The award moves from the pool to the consortium; nothing is created. The bid is answered either way."""
    bid = state.requests[move.bid]
    state = transfer(state, move.actor, bid.source, move.award)
    done = {
        k: evolve(item, status="acted")
        for k, item in state.agendas.items()
        if item.status == "open"
        and item.regulator == move.actor
        and item.subject == bid.source
        and item.kind == "funding_bid"
    }
    state = evolve(state, agendas={**state.agendas, **done})
    events = [
        event(
            state,
            phase,
            "FundingAwarded",
            (move.actor, bid.source),
            topics=("money",),
            bid=bid.id,
            consortium=bid.source,
            requested=bid.amount,
            awarded=move.award,
        )
    ]
    answer = f"Awarded £{move.award:,}k of £{bid.amount:,}k" if move.award else "Bid refused"
    state, more = dialogue.answer_request(state, scenario, phase, bid.id, move.actor, answer)
    return state, events + more


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    me = scenario.roles[role]
    wanted = (kinds is None or "BidForFunding" in kinds) and me.kind == "consortium" and board(scenario) is not None
    if wanted and forecast(state, scenario, role) < 0 and not _open_bid(state, role):
        yield BidForFunding(actor=role, amount=DEFAULT_BID)
    if "award_funding" in me.powers:
        pool = state.orgs[role].balance
        for bid in dialogue.open_requests(state):
            if bid.kind == "funding" and role in bid.to:
                for award in dict.fromkeys((min(bid.amount, max(0, pool)), bid.amount // 2, 0)):
                    if award <= pool:
                        yield DecideFunding(actor=role, bid=bid.id, award=award)


def describe_bid(state: GameState, scenario: Scenario, move: BidForFunding) -> str:
    return f"Bid for {money(move.amount)} of transitional funding"


def describe_decide(state: GameState, scenario: Scenario, move: DecideFunding) -> str:
    bid = state.requests.get(move.bid)
    who = short(scenario, bid.source) if bid else "?"
    return f"Award {who} {money(move.award)}" if move.award else f"Refuse {possessive(who)} bid"


def bound_bid(judge: Judge) -> float:
    return 4.0 + (2.0 if "look_to_centre" in judge.wants else 0.0) if judge.forecast < -5_000 else 0.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=BidForFunding,
        check=check_bid,
        apply=apply_bid,
        legal=legal,
        family="plan",
        describe=describe_bid,
        fields=plain_fields(("amount", "Amount to bid for, £k", int)),
        score=lambda judge, move: bound_bid(judge),
        bound=bound_bid,
    ),
    MoveKind(
        move=DecideFunding,
        power="award_funding",
        check=check_decide,
        apply=apply_decide,
        legal=legal,
        family="inbox",
        describe=describe_decide,
        fields=plain_fields(("award", "Award, £k", int)),
        score=lambda judge, move: 6.0 if move.award > 0 else 2.0,
        bound=at_most(6.0),
        follow_up=True,
    ),
)
