"""Money and activity: allocations and the top-slice, demand from each
consortium's population, payment under tariff, block, risk-share and support
contracts, providers' costs, and each organisation's monthly result.

Money is conserved: consortia pay providers through transfers; only
allocations, the top-slice, other income, other spending and running costs
(named external flows) create or remove money, and `external_net` counts them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from ..content import Scenario
from ..state import Agreement, GameState, Org, evolve
from ..state.memo import last_seen
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from .quality import change_quality


def referral_percent(scenario: Scenario, consortium: str) -> float:
    """The consortium's referral rate as a percentage of the county norm, from its practices' lists."""
    practices = scenario.roles[consortium].practices
    listed = sum(p.list_size for p in practices)
    if not listed:
        return 100.0
    return round(100.0 * sum(p.list_size * p.referral_index for p in practices) / listed, 2)


def is_active(agreement: Agreement, month: int) -> bool:
    return agreement.status == "signed" and agreement.starts <= month <= agreement.ends


@last_seen
def contracts_between(agreements: dict[str, Agreement]) -> dict[tuple[str, ...], list[Agreement]]:
    """Contracts by (buyer, seller), earliest start first."""
    by_pair: dict[tuple[str, ...], list[Agreement]] = {}
    for a in sorted(agreements.values(), key=lambda a: a.starts):
        if a.is_contract:
            by_pair.setdefault(a.parties, []).append(a)
    return by_pair


@last_seen
def _contracts_by_commissioner(agreements: dict[str, Agreement]) -> dict[str, list[Agreement]]:
    found: dict[str, list[Agreement]] = {}
    for agreement in agreements.values():
        if agreement.is_contract:
            found.setdefault(agreement.commissioner, []).append(agreement)
    return found


def contracts_for(state: GameState, consortium: str, activity: str, month: int) -> list[Agreement]:
    """The signed contracts that carry this consortium's activity this month; several share it equally."""
    return [
        agreement
        for agreement in _contracts_by_commissioner(state.agreements).get(consortium, ())
        if activity in agreement.terms.activities and is_active(agreement, month)
    ]


def contract_shares(
    state: GameState, scenario: Scenario, consortium: str, activity: str, month: int, contracts: list[Agreement]
) -> list[float]:
    """How activity divides between contracts covering it: by their yearly value; a tariff contract takes it all at price."""
    if len(contracts) == 1:
        return [1.0]
    whole = units(state, scenario, consortium, activity, month, "") * state.tariff[activity] * 12 / 1000
    weights = [
        c.terms.annual_value / max(1, len(c.terms.activities)) if c.kind != "tariff" else whole for c in contracts
    ]
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else [1 / len(contracts)] * len(contracts)


def contract_for(state: GameState, consortium: str, activity: str, month: int) -> Agreement | None:
    found = contracts_for(state, consortium, activity, month)
    return found[0] if found else None


@cache
def default_providers(scenario: Scenario) -> dict[str, str]:
    """Who treats patients with no contract in place: the provider whose kind matches the care setting, else the first offering it."""
    found: dict[str, str] = {}
    for act in scenario.info.activities:
        offering = [
            rid for rid, role in scenario.roles.items() if role.kind in CARE_PROVIDER_KINDS and act.id in role.services
        ]
        matching = [rid for rid in offering if scenario.roles[rid].kind == act.setting]
        if offering:
            found[act.id] = (matching or offering)[0]
    return found


def units(state: GameState, scenario: Scenario, consortium: str, activity: str, month: int, provider: str) -> float:
    """Units of activity this consortium's population needs this month, after growth, season, schemes and shocks."""
    role = scenario.roles[consortium]
    act = scenario.activities[activity]
    pop = role.population
    if pop is None:
        return 0.0
    base = pop.size / 1000 * pop.need_index * act.per_1000_per_month
    growth = 1 + scenario.info.economy.demand_growth_percent / 100 * month / 12
    season = 1 + scenario.info.economy.seasonality.get(scenario.months[month], 0.0) / 100
    factor = base * growth * season
    if act.referral_driven:
        factor *= state.orgs[consortium].referral_percent / 100
    shift = 0.0
    for change in state.demand:
        current = change.until < 0 or month <= change.until
        if change.activity == activity and current and change.target in ("", consortium, provider):
            shift += change.percent
    for investment in state.schemes.values():
        if investment.investor == consortium and investment.status == "delivering":
            scheme = scenario.schemes[investment.scheme]
            if scheme.activity == activity:
                shift -= scheme.reduction_percent
    return max(0.0, factor * (1 + shift / 100))


@cache
def baseline(scenario: Scenario) -> dict[tuple[str, str], float]:
    """Each consortium's monthly units of each activity at the start, before growth and season."""
    out = {}
    for cid in scenario.roles_of_kind("consortium"):
        role = scenario.roles[cid]
        pop = role.population
        if pop is None:
            continue
        for act in scenario.info.activities:
            rate = pop.size / 1000 * pop.need_index * act.per_1000_per_month
            if act.referral_driven:
                rate *= referral_percent(scenario, cid) / 100
            out[(cid, act.id)] = rate
    return out


def value_at_tariff(
    state: GameState, scenario: Scenario, consortium: str, activity: str, count: float, price_percent: float
) -> float:
    """£k for this many units, with emergency units above the baseline paid at the marginal rate."""
    price = state.tariff[activity] * price_percent / 100 / 1000
    act = scenario.activities[activity]
    if not act.emergency:
        return count * price
    base = baseline(scenario).get((consortium, activity), 0.0)
    above = max(0.0, count - base)
    marginal = state.rules.marginal_emergency_rate_percent / 100
    return (count - above) * price + above * price * marginal


def payment(agreement: Agreement, tariff_value: float) -> int:
    """What the commissioner owes under the contract this month, £k."""
    monthly = agreement.terms.annual_value / 12
    if agreement.kind == "tariff":
        return round(tariff_value)
    if agreement.kind == "risk_share":
        return round(monthly + agreement.terms.share_percent / 100 * (tariff_value - monthly))
    return round(monthly)  # block and support: a fixed sum whatever the volume


def _flows(
    state: GameState, scenario: Scenario, month: int
) -> tuple[dict[str, int], dict[str, int], dict[str, float], list[tuple[Agreement | None, str, str, int, float]]]:
    """Income, spending and units delivered per organisation, and the payments behind them."""
    income: dict[str, int] = defaultdict(int)
    spend: dict[str, int] = defaultdict(int)
    delivered: dict[str, float] = defaultdict(float)
    worth: dict[str, float] = defaultdict(float)  # delivered units valued at tariff, £k
    by_line: dict[tuple[str, str], float] = defaultdict(float)  # units by (provider, activity)
    payments: list[tuple[Agreement | None, str, str, int, float]] = []
    top_slice = state.rules.top_slice_percent / 100
    holder = scenario.first_addressee(power="award_funding")  # the body holding the top-slice
    defaults = default_providers(scenario)
    for cid in scenario.roles_of_kind("consortium"):
        fin = scenario.roles[cid].finance
        held = round(fin.annual_allocation * top_slice / 12)
        income[cid] += round(fin.annual_allocation / 12) - held
        if holder is not None:
            income[holder] += held
        spend[cid] += round(fin.other_spend / 12)
        per_contract: dict[str, tuple[Agreement, float, float]] = {}
        loose: dict[str, tuple[float, float]] = defaultdict(lambda: (0.0, 0.0))
        for act in scenario.info.activities:
            contracts = contracts_for(state, cid, act.id, month)
            if not contracts:
                provider = defaults.get(act.id)
                if provider is None:
                    continue
                count = units(state, scenario, cid, act.id, month, provider)
                delivered[provider] += count
                by_line[(provider, act.id)] += count
                worth[provider] += count * state.tariff[act.id] / 1000
                v, n = loose[provider]
                loose[provider] = (v + value_at_tariff(state, scenario, cid, act.id, count, 100.0), n + count)
                continue
            shares = contract_shares(state, scenario, cid, act.id, month, contracts)
            for contract, share in zip(contracts, shares, strict=True):
                count = units(state, scenario, cid, act.id, month, contract.provider) * share
                delivered[contract.provider] += count
                by_line[(contract.provider, act.id)] += count
                worth[contract.provider] += count * state.tariff[act.id] / 1000
                value = value_at_tariff(state, scenario, cid, act.id, count, contract.terms.price_percent)
                _, v, n = per_contract.get(contract.id, (contract, 0.0, 0.0))
                per_contract[contract.id] = (contract, v + value, n + count)
        for contract, value, count in per_contract.values():
            payments.append((contract, cid, contract.provider, payment(contract, value), count))
        for provider, (value, count) in loose.items():
            payments.append((None, cid, provider, round(value), count))
    for agreement in state.agreements.values():  # support contracts carry no activity
        if agreement.kind == "support" and is_active(agreement, month):
            payments.append((agreement, agreement.commissioner, agreement.provider, payment(agreement, 0.0), 0.0))
    payments += _between_providers(state, month, by_line, delivered, worth)
    for _, payer, payee, amount, _ in payments:
        spend[payer] += amount
        income[payee] += amount
    inflation = 1 + scenario.info.economy.cost_inflation_percent / 100 * month / 12
    for rid, org in state.orgs.items():
        fin = scenario.roles[rid].finance
        income[rid] += round(fin.other_income / 12)
        if org.cost_base:
            variable = fin.variable_cost_percent / 100
            if org.baseline_units:
                load = delivered[rid] / org.baseline_units
                spend[rid] += round(org.cost_base / 12 * ((1 - variable) + variable * load) * inflation)
            else:  # no activity at the start: new work costs what it earns at tariff, less a thin margin
                spend[rid] += round(org.cost_base / 12 * inflation + scenario.balance.new_work_cost * worth[rid])
    return income, spend, delivered, payments


@last_seen
def _provider_contracts(agreements: dict[str, Agreement]) -> tuple[Agreement, ...]:
    """Subcontracts and risk-shares that could be between two providers, risk-shares first."""
    found = [a for a in agreements.values() if a.kind in ("risk_share", "subcontract") and a.status == "signed"]
    return tuple(sorted(found, key=lambda a: a.kind != "risk_share"))


def _between_providers(
    state: GameState,
    month: int,
    by_line: dict[tuple[str, str], float],
    delivered: dict[str, float],
    worth: dict[str, float],
) -> list[tuple[Agreement | None, str, str, int, float]]:
    """Payments under contracts between providers (the first party holds the work).

    A risk-share compares the holder's work in its services, at tariff, with the monthly baseline: the partner
    pays its share of anything above, and is paid its share of anything below. A subcontract moves a share of
    the holder's units (and so their running costs) to the subcontractor, which the holder pays at the agreed
    price. Risk is measured on the whole of the holder's work, before any of it is subcontracted."""
    payments: list[tuple[Agreement | None, str, str, int, float]] = []
    for agreement in _provider_contracts(state.agreements):
        holder, partner = agreement.parties
        if state.orgs[holder].kind not in CARE_PROVIDER_KINDS or not is_active(agreement, month):
            continue
        terms = agreement.terms
        if agreement.kind == "risk_share":
            actual = sum(by_line[(holder, a)] * state.tariff[a] / 1000 for a in terms.activities)
            amount = round(terms.share_percent / 100 * (actual - terms.annual_value / 12))
            if amount:
                payer, payee = (partner, holder) if amount > 0 else (holder, partner)
                payments.append((agreement, payer, payee, abs(amount), 0.0))
            continue
        value = moved = 0.0
        for activity in terms.activities:
            count = by_line[(holder, activity)] * terms.share_percent / 100
            by_line[(holder, activity)] -= count
            by_line[(partner, activity)] += count
            delivered[holder] -= count
            delivered[partner] += count
            at_tariff = count * state.tariff[activity] / 1000
            worth[holder] -= at_tariff
            worth[partner] += at_tariff
            value += at_tariff * terms.price_percent / 100
            moved += count
        payments.append((agreement, holder, partner, round(value), moved))
    return payments


def baseline_units(state: GameState, scenario: Scenario) -> dict[str, int]:
    """Units each provider would deliver in the first month: the yardstick for costs and strain."""
    _, _, delivered, _ = _flows(state, scenario, 0)
    return {rid: round(n) for rid, n in delivered.items()}


_PROJECTION: list = [None, -1, (), (), None]  # scenario, month, state parts, org figures, (income, spend)


def projected_result(state: GameState, scenario: Scenario, rid: str, month: int) -> int:
    """What this organisation's result would be in `month` if nothing changed.

    Remembered against everything `_flows` reads: the parts of the state by identity (they are never changed in
    place) and the few figures of each organisation it uses, so a move elsewhere (a concern, a meeting) reuses it.
    """
    month = min(month, len(scenario.months) - 1)
    parts = (state.agreements, state.rules, state.tariff, state.demand, state.schemes)
    figures = tuple((o.referral_percent, o.cost_base, o.baseline_units) for o in state.orgs.values())
    seen_scenario, seen_month, seen_parts, seen_figures, _ = _PROJECTION
    fresh = (
        (
            seen_scenario is scenario
            and seen_month == month
            and all(a is b for a, b in zip(seen_parts, parts, strict=True))
            and seen_figures == figures
        )
        if seen_parts
        else False
    )
    if not fresh:
        income, spend, _, _ = _flows(state, scenario, month)
        _PROJECTION[:] = [scenario, month, parts, figures, (income, spend)]
    income, spend = _PROJECTION[4]
    return income[rid] - spend[rid]


def forecast(state: GameState, scenario: Scenario, rid: str) -> int:
    """The position at the game's end (the calendar's last month, not a twelve-month year's): money in hand plus
    recent months' average over the months left in the game."""
    org = state.orgs[rid]
    left = len(scenario.months) - len(org.results)
    if org.results:
        recent = org.results[-3:]
        return org.balance + round(sum(recent) / len(recent) * left)
    return org.balance + projected_result(state, scenario, rid, state.month_index) * left


def resolve_month(state: GameState, scenario: Scenario, month: int, phase: str) -> tuple[GameState, list[Event]]:
    """Settle one month: every payment made, every cost met, every result recorded."""
    income, spend, delivered, payments = _flows(state, scenario, month)
    events: list[Event] = []
    label = scenario.months[month]
    for agreement, payer, payee, amount, count in payments:
        events.append(
            event(
                state,
                phase,
                "ContractPaid",
                (payer, payee),
                (payer, payee),
                ("money",),
                agreement=agreement.id if agreement else "",
                kind=agreement.kind if agreement else "non_contract",
                amount=amount,
                units=round(count),
                month=label,
            )
        )
    orgs = dict(state.orgs)
    created = 0
    strained: list[str] = []
    for rid, org in state.orgs.items():
        result = income[rid] - spend[rid]
        created += result
        changes: dict[str, object] = {
            "balance": org.balance + result,
            "results": (*org.results, result),
            "income": (*org.income, income[rid]),
            "spend": (*org.spend, spend[rid]),
        }
        if org.kind in CARE_PROVIDER_KINDS:
            changes["units"] = round(delivered[rid])
            if org.baseline_units and delivered[rid] > org.baseline_units * scenario.balance.quality_strain:
                strained.append(rid)
        orgs[rid] = evolve(org, **changes)
        events.append(
            event(
                state,
                phase,
                "MonthResolved",
                (rid,),
                (rid,),
                ("money",),
                role=rid,
                month=label,
                income=income[rid],
                spend=spend[rid],
                result=result,
                balance=org.balance + result,
            )
        )
    state = evolve(state, orgs=orgs, external_net=state.external_net + created)

    for rid in strained:
        state, more = change_quality(state, rid, -1, phase, Cause.demand(), reason="demand above planned capacity")
        events += more
    return state, events


def pay_quality_premium(state: GameState, scenario: Scenario, phase: str) -> tuple[GameState, list[Event]]:
    """At the year's end, consortia in balance whose providers kept quality up earn the premium (new money)."""
    threshold = state.rules.quality_premium_threshold
    percent = state.rules.quality_premium_percent / 100
    events: list[Event] = []
    orgs = dict(state.orgs)
    created = 0
    for cid in scenario.roles_of_kind("consortium"):
        org = state.orgs[cid]
        providers = {
            a.provider
            for a in state.agreements.values()
            if a.is_contract and a.commissioner == cid and a.status == "signed"
        }
        scores = [state.orgs[p].quality for p in providers if state.orgs[p].kind in CARE_PROVIDER_KINDS]
        average = sum(scores) / len(scores) if scores else 0
        if org.balance >= 0 and average >= threshold:
            amount = round(scenario.roles[cid].finance.annual_allocation * percent)
            orgs[cid] = evolve(org, balance=org.balance + amount)
            created += amount
            events.append(
                event(
                    state,
                    phase,
                    "QualityPremiumPaid",
                    (cid,),
                    topics=("quality", "money"),
                    role=cid,
                    amount=amount,
                    quality=round(average),
                )
            )
    return evolve(state, orgs=orgs, external_net=state.external_net + created), events


def transfer(state: GameState, payer: str, payee: str, amount: int) -> GameState:
    """Move money between two organisations; the total in the system is unchanged."""
    orgs = dict(state.orgs)
    orgs[payer] = evolve(orgs[payer], balance=orgs[payer].balance - amount)
    orgs[payee] = evolve(orgs[payee], balance=orgs[payee].balance + amount)
    return evolve(state, orgs=orgs)


def external(state: GameState, rid: str, amount: int) -> GameState:
    """Money arriving from (+) or leaving for (-) outside the county, through a named flow."""
    org = state.orgs[rid]
    return evolve(
        state,
        orgs={**state.orgs, rid: evolve(org, balance=org.balance + amount)},
        external_net=state.external_net + amount,
    )


def initial_orgs(scenario: Scenario) -> dict[str, Org]:
    orgs = {}
    for rid, role in scenario.roles.items():
        orgs[rid] = Org(
            id=rid,
            kind=role.kind,
            balance=role.finance.opening_balance,
            cost_base=role.finance.annual_cost_base,
            quality=role.quality or 0,
            ap_base=role.action_points,
            action_points=role.action_points,
            referral_percent=referral_percent(scenario, rid) if role.kind == "consortium" else 100.0,
        )
    return orgs
