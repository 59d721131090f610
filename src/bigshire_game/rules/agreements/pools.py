"""Risk pools: at the year's end (or when a pool's term ends first) its members' surpluses and deficits over
the months it was in force are added up and shared by their agreed shares; whoever did better than its share
pays the others. The money moves between the members, so the county's total is unchanged."""

from __future__ import annotations

from ...content import Scenario
from ...state import Agreement, GameState
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from .. import Outcome
from ..economy import transfer

FLOW = "risk pool settlement"


def shares_of(scenario: Scenario, agreement: Agreement) -> tuple[float, ...]:
    """The members' agreed shares, in party order; equal shares if the pool named none."""
    if agreement.terms.shares and len(agreement.terms.shares) == len(agreement.parties):
        return agreement.terms.shares
    return tuple(100 / len(agreement.parties) for _ in agreement.parties)


def settlement(results: tuple[int, ...], shares: tuple[float, ...]) -> tuple[int, ...]:
    """What each member receives (+) or pays (-) so that each ends with its share of the pooled result.
    Whole £k that add up to nothing: the rounding falls on the member with the largest share."""
    pooled = sum(results)
    moves = [round(pooled * share / 100) - own for own, share in zip(results, shares, strict=True)]
    moves[shares.index(max(shares))] -= sum(moves)
    return tuple(moves)


def _payments(members: tuple[str, ...], moves: tuple[int, ...]) -> list[tuple[str, str, int]]:
    """(payer, payee, amount): payers settle with receivers in party order, largest debts first."""
    owing = sorted(((-m, p) for p, m in zip(members, moves, strict=True) if m < 0), reverse=True)
    owed = sorted(((m, p) for p, m in zip(members, moves, strict=True) if m > 0), reverse=True)
    out = []
    owing_left = [[amount, who] for amount, who in owing]
    for amount, payee in owed:
        for debt in owing_left:
            if amount <= 0:
                break
            paid = min(amount, debt[0])
            if paid > 0:
                out.append((debt[1], payee, paid))
                debt[0] -= paid
                amount -= paid
    return out


def settle_pools(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Every pool in force whose last month this is (or the game's last month) shares out its members' results."""
    last = len(scenario.months) - 1
    events: list[Event] = []
    for agreement in list(state.agreements.values()):
        if agreement.kind != "risk_pool" or agreement.status != "signed" or min(agreement.ends, last) != month:
            continue
        first = max(agreement.starts, 0)
        results = tuple(sum(state.orgs[p].results[first : month + 1]) for p in agreement.parties)
        shares = shares_of(scenario, agreement)
        moves = settlement(results, shares)
        events.append(
            event(
                state,
                phase,
                "RiskPoolSettled",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                pooled=sum(results),
                results=results,
                shares=shares,
                transfers=moves,
                months=month - first + 1,
            )
        )
        for payer, payee, amount in _payments(agreement.parties, moves):
            state = transfer(state, payer, payee, amount)
            events.append(
                event(
                    state,
                    phase,
                    "MoneyMoved",
                    (payer, payee),
                    agreement.parties,
                    ("money",),
                    source=Cause.agreement(agreement.id),
                    amount=amount,
                    flow=FLOW,
                    payer=payer,
                    payee=payee,
                )
            )
    return state, events
