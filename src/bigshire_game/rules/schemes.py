"""Schemes: a consortium pays now for admission avoidance, prevention and the like,
and saves activity only after the scheme's lag, and only if its partners deliver.

Partners must already be under contract to the investor; the savings themselves
appear in `economy.units`, which reduces activity for every delivering scheme.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..content.labels import kind_label
from ..content.model import Scheme
from ..state import GameState, SchemeInvestment, evolve, new_id, pair_key
from ..state.chance import draw
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from ..vocabulary.moves import InvestInScheme, Move
from . import Handlers, Outcome, name_of, refuse
from .economy import baseline, contracts_between, external, is_active, transfer
from .effects import DEFAULT_TRUST, change_quality
from .registry import NOT_AT_ALL, Judge, MoveKind, handlers_of, no_fields
from .wording import money, names


def _contracted(state: GameState, investor: str, partner: str) -> bool:
    """A signed contract in force between the investor (as buyer) and the partner."""
    return any(
        is_active(a, state.month_index) for a in contracts_between(state.agreements).get((investor, partner), ())
    )


def eligible_partners(state: GameState, scenario: Scenario, investor: str, scheme: Scheme) -> tuple[str, ...]:
    """Providers of the scheme's partner kinds that are under contract to the investor."""
    return tuple(rid for rid in scenario.roles_of_kind(*scheme.partner_kinds) if _contracted(state, investor, rid))


def check_invest(state: GameState, scenario: Scenario, move: InvestInScheme):
    org = state.orgs[move.actor]
    if org.kind != "consortium":
        return refuse("not_a_commissioner", move, "Only a consortium can invest in a scheme.")
    scheme = scenario.schemes.get(move.scheme)
    if scheme is None:
        return refuse("unknown_scheme", move, f'There is no scheme called "{move.scheme}".')
    if any(i.investor == move.actor and i.scheme == scheme.id and i.status != "failed" for i in state.schemes.values()):
        return refuse(
            "already_invested",
            move,
            f"You have already invested in {scheme.title.lower()}.",
            scheme=scheme.id,
        )
    if len(set(move.partners)) != len(move.partners):
        return refuse("wrong_partners", move, "Name each partner once.")
    for partner in move.partners:
        if partner not in state.orgs or state.orgs[partner].kind not in scheme.partner_kinds:
            needs = " or ".join(kind_label(scenario, k) for k in scheme.partner_kinds) or "no partners"
            return refuse(
                "wrong_partner",
                move,
                f"{name_of(scenario, partner)} cannot deliver {scheme.title.lower()}: it needs {needs}.",
                partner=partner,
            )
        if not _contracted(state, move.actor, partner):
            return refuse(
                "no_contract",
                move,
                f"{name_of(scenario, partner)} is not under contract to you, so it cannot deliver "
                f"{scheme.title.lower()}; sign a contract with it first.",
                partner=partner,
            )
    kinds = {state.orgs[p].kind for p in move.partners}
    for kind in scheme.partner_kinds:
        if kind not in kinds:
            return refuse(
                "missing_partner",
                move,
                f"{scheme.title} needs a partner that is a {kind_label(scenario, kind)} under contract to you.",
                kind=kind,
            )
    limit = scenario.balance.scheme_board_limit  # £k: the deepest deficit a consortium's board would invest into
    if org.balance - scheme.cost < limit:
        return refuse(
            "board_refuses",
            move,
            f"Your board would not allow it: £{scheme.cost:,}k more would take you over "
            f"£{-limit // 1000}m into deficit.",
        )
    return None


def apply_invest(state: GameState, scenario: Scenario, move: InvestInScheme, phase: str) -> Outcome:
    scheme = scenario.schemes[move.scheme]
    sid, state = new_id(state, "S")
    investment = SchemeInvestment(
        id=sid,
        scheme=scheme.id,
        investor=move.actor,
        partners=move.partners,
        invested=state.month_index,
        matures=state.month_index + scheme.lag_months,
    )
    state = evolve(state, schemes={**state.schemes, sid: investment})
    events = [
        event(
            state,
            phase,
            "SchemeInvested",
            (move.actor, *move.partners),
            (),
            tuple(dict.fromkeys((*scheme.tags, "money"))),
            investment=sid,
            scheme=scheme.id,
            title=scheme.title,
            investor=move.actor,
            partners=move.partners,
            cost=scheme.cost,
            matures=investment.matures,
            setting=scenario.activities[scheme.activity].setting,
            prevention="prevention" in scheme.purposes,
        )
    ]
    cause = Cause.scheme(sid)
    if move.partners:
        share, rest = divmod(scheme.cost, len(move.partners))
        for i, partner in enumerate(move.partners):
            amount = share + (rest if i == 0 else 0)
            state = transfer(state, move.actor, partner, amount)
            events.append(
                event(
                    state,
                    phase,
                    "MoneyMoved",
                    (move.actor, partner),
                    (move.actor, partner),
                    ("money",),
                    payer=move.actor,
                    payee=partner,
                    amount=amount,
                    flow="scheme delivery",
                    source=cause,
                )
            )
            # the partner spends most of it on the staff who deliver the scheme: paid for work, with a margin
            spent = round(amount * scenario.balance.scheme_delivery_cost)
            state = external(state, partner, -spent)
            events.append(
                event(
                    state, phase, "MoneyMoved", (partner,), (partner,), ("money",),
                    role=partner, amount=-spent, flow="scheme delivery costs", source=cause,
                )
            )  # fmt: skip
    else:
        state = external(state, move.actor, -scheme.cost)
        events.append(
            event(
                state,
                phase,
                "MoneyMoved",
                (move.actor,),
                (move.actor,),
                ("money",),
                role=move.actor,
                amount=-scheme.cost,
                flow="scheme delivery",
                source=cause,
            )
        )
    return state, events


def failure_chance(state: GameState, scenario: Scenario, investment: SchemeInvestment) -> float:
    """Schemes fail more often with a struggling partner or a partnership short of trust."""
    tuning = scenario.balance
    chance = tuning.scheme_failure_base
    partners = investment.partners
    if any(state.orgs[p].quality < tuning.scheme_weak_quality for p in partners):
        chance += tuning.scheme_failure_weak_partner
    if partners:
        trust = sum(state.trust.get(pair_key(investment.investor, p), DEFAULT_TRUST) for p in partners) / len(partners)
        if trust < tuning.scheme_low_trust:
            chance += tuning.scheme_failure_distrust
    return round(chance, 4)


def mature_schemes(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Schemes whose lag has run out deliver (from this month's activity on) or fail, by a recorded roll."""
    events: list[Event] = []
    for investment in list(state.schemes.values()):
        if investment.status != "maturing" or investment.matures > month:
            continue
        scheme = scenario.schemes[investment.scheme]
        chance = failure_chance(state, scenario, investment)
        roll, state = draw(state, "schemes")
        failed = roll < chance
        investment = evolve(investment, status="failed" if failed else "delivering")
        state = evolve(state, schemes={**state.schemes, investment.id: investment})
        data = dict(
            investment=investment.id,
            scheme=scheme.id,
            title=scheme.title,
            investor=investment.investor,
            partners=investment.partners,
            roll=roll,
            chance=chance,
        )
        actors = (investment.investor, *investment.partners)
        if failed:
            events.append(event(state, phase, "SchemeFailed", actors, (), scheme.tags, **data))
            continue
        events.append(
            event(
                state,
                phase,
                "SchemeSavingsReleased",
                actors,
                (),
                scheme.tags,
                **data,
                activity=scheme.activity,
                reduction_percent=scheme.reduction_percent,
            )
        )
        for partner in investment.partners:
            state, more = change_quality(
                state, partner, scheme.quality, phase, Cause.scheme(investment.id), "delivering a scheme"
            )
            events += more
    return state, events


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """For a consortium, each scheme it could invest in now, with every eligible partner."""
    if state.orgs[role].kind != "consortium" or (kinds is not None and "InvestInScheme" not in kinds):
        return
    for scheme in scenario.schemes.values():
        move = InvestInScheme(actor=role, scheme=scheme.id, partners=eligible_partners(state, scenario, role, scheme))
        if check_invest(state, scenario, move) is None:
            yield move


def describe_invest(state: GameState, scenario: Scenario, move: InvestInScheme) -> str:
    scheme = scenario.schemes.get(move.scheme)
    title = scheme.title if scheme else move.scheme
    cost = f", {money(scheme.cost)}" if scheme else ""
    partners = f" with {names(scenario, move.partners)}" if move.partners else ""
    return f"Invest in {title}{partners}{cost}"


def score_invest(judge: Judge, move: InvestInScheme) -> float | None:
    scheme = judge.scenario.schemes[move.scheme]
    already = any(i.investor == judge.role and i.scheme == scheme.id for i in judge.state.schemes.values())
    if already or judge.forecast < -40_000:
        return NOT_AT_ALL
    s = 2.0
    if "prevention" in scheme.purposes:
        s += 3.5 * judge.weight("prevention")
    if judge.scenario.activities[scheme.activity].setting == "acute":
        # savings hunted where the money is, and soon: savings more than four months away do not count
        s += 2.5 * judge.weight("seek_savings") * (1.0 if scheme.lag_months <= 4 else 0.0)
    guarded = judge.weight("protect_income")
    if guarded:  # one protecting its money spends it only on what pays for itself before the year ends
        s -= 5.0 * guarded * (1.0 - in_year_payback(judge.state, judge.scenario, judge.role, scheme))
    return s


def in_year_payback(state: GameState, scenario: Scenario, investor: str, scheme: Scheme) -> float:
    """The share of a scheme's cost (0 to 1) its savings at tariff would repay before the year ends."""
    monthly = baseline(scenario).get((investor, scheme.activity), 0.0) * state.tariff[scheme.activity] / 1000
    months = max(0, len(scenario.months) - state.month_index - scheme.lag_months)
    return min(1.0, monthly * scheme.reduction_percent / 100 * months / max(scheme.cost, 1))


def bound_invest(judge: Judge) -> float:
    if judge.forecast < -40_000:
        return 0.0
    return 2.0 + 3.5 * judge.weight("prevention") + 2.5 * judge.weight("seek_savings")


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=InvestInScheme,
        check=check_invest,
        apply=apply_invest,
        legal=legal,
        family="scheme",
        describe=describe_invest,
        fields=no_fields,
        score=score_invest,
        bound=bound_invest,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
