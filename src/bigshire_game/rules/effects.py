"""Effects: the typed changes that cards, decisions and regulators' ladders make
to the world, each applied to the state with the event that records it.

`targets` is the one place that says which organisations a word in content
stands for; conditions and cards use it too. Money moves only through
`economy.transfer` and `economy.external`, so it stays conserved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from attrs import frozen

from ..content import Scenario
from ..content.model import Effect
from ..state import (
    Agreement,
    DemandShift,
    GameState,
    Request,
    ScheduledCard,
    Terms,
    evolve,
    new_id,
    pair_key,
    replace_org,
)
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from . import Outcome
from .agenda import add_agenda_item
from .economy import external, transfer
from .quality import change_quality, clamp

_RULE_TOPICS = {
    "below_tariff_allowed": ("money", "competition"),
    "qualified_provider_paid_at_tariff": ("money", "competition"),
    "quality_premium_threshold": ("quality",),
    "competition_share_threshold_percent": ("competition",),
    "competition_review_months": ("competition",),
    "plan_deadline": ("governance",),
    "contract_deadline": ("governance",),
}
DEFAULT_TRUST = 50  # between two organisations that have no history


def targets(scenario: Scenario, word: str | None, self_id: str | None, audience: tuple[str, ...]) -> tuple[str, ...]:
    """The organisations a target word stands for: a role id, a kind, "self", "audience" or "everyone"."""
    if word is None:
        return ()
    if word == "self":
        return (self_id,) if self_id else ()
    if word == "audience":
        return audience
    if word == "everyone":
        return tuple(scenario.roles)
    if word in scenario.roles:
        return (word,)
    return scenario.roles_of_kind(word)


@frozen
class _Context:
    """Who `self` and `audience` are for the effects being applied, and why they happen."""

    scenario: Scenario
    self_id: str | None
    audience: tuple[str, ...]
    phase: str
    cause: Cause

    def who(self, word: str | None) -> tuple[str, ...]:
        return targets(self.scenario, word, self.self_id, self.audience)

    def event(
        self,
        state: GameState,
        kind: str,
        actors: tuple[str, ...],
        audience: tuple[str, ...],
        topics: tuple[str, ...],
        /,
        **data: Any,
    ) -> Event:
        return event(state, self.phase, kind, actors, audience, topics, source=self.cause, **data)


def apply_effects(
    state: GameState,
    scenario: Scenario,
    effects: Iterable[Effect],
    self_id: str | None,
    audience: tuple[str, ...],
    phase: str,
    cause: Cause,
) -> Outcome:
    """Apply content's effects in order; `audience` is the role ids a card reached (empty for decisions)."""
    ctx = _Context(scenario, self_id, audience, phase, cause)
    events: list[Event] = []
    for effect in effects:
        state, more = _APPLY[effect.kind](state, effect, ctx)
        events += more
    return state, events


# --- one function per kind of effect ------------------------------------------------------


def _money(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for rid in c.who(e.target):
        state = external(state, rid, e.amount)
        events.append(c.event(state, "MoneyMoved", (rid,), (rid,), ("money",), role=rid, amount=e.amount, flow=e.flow))
    return state, events


def _transfer(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for payer in c.who(e.payer):
        for payee in c.who(e.payee):
            if payer != payee:
                state = transfer(state, payer, payee, e.amount)
                events.append(
                    c.event(
                        state,
                        "MoneyMoved",
                        (payer, payee),
                        (payer, payee),
                        ("money",),
                        payer=payer,
                        payee=payee,
                        amount=e.amount,
                        flow="transfer",
                    )
                )
    return state, events


def _quality(state: GameState, e: Effect, c: _Context) -> Outcome:
    events: list[Event] = []
    for rid in c.who(e.target):
        state, more = change_quality(state, rid, e.amount, c.phase, c.cause)
        events += more
    return state, events


def _cost_base(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for rid in c.who(e.target):
        org = state.orgs[rid]
        if not org.cost_base:
            continue
        new = round(org.cost_base * (1 + e.percent / 100))
        state = replace_org(state, evolve(org, cost_base=new))
        events.append(
            c.event(
                state,
                "CostBaseChanged",
                (rid,),
                (rid,),
                ("money",),
                role=rid,
                percent=e.percent,
                cost_base=new,
                change=new - org.cost_base,
            )
        )
    return state, events


def _demand(state: GameState, e: Effect, c: _Context) -> Outcome:
    until = state.month_index + e.months - 1 if e.months else -1
    whom = c.who(e.target) if e.target else ("",)
    shifts = tuple(DemandShift(activity=e.activity, percent=e.percent, target=t, until=until) for t in whom)
    state = evolve(state, demand=state.demand + shifts)
    return state, [
        c.event(
            state,
            "DemandChanged",
            (t,) if t else (),
            (),
            ("access",),
            activity=e.activity,
            percent=e.percent,
            target=t,
            until=until,
        )
        for t in whom
    ]


def _tariff(state: GameState, e: Effect, c: _Context) -> Outcome:
    old = state.tariff[e.activity]
    new = round(old * (1 + e.percent / 100))
    state = evolve(state, tariff={**state.tariff, e.activity: new})
    return state, [
        c.event(
            state,
            "TariffChanged",
            (),
            (),
            ("money",),
            activity=e.activity,
            percent=e.percent,
            price=new,
            previous=old,
        )
    ]


def _rule(state: GameState, e: Effect, c: _Context) -> Outcome:
    previous = state.rules.value(e.setting)
    state = evolve(state, rules=state.rules.changed(e.setting, e.value))
    value = state.rules.value(e.setting)
    topics = _RULE_TOPICS.get(e.setting, ("money",))
    return state, [c.event(state, "RuleChanged", (), (), topics, setting=e.setting, value=value, previous=previous)]


def _trust(state: GameState, e: Effect, c: _Context) -> Outcome:
    pairs = {pair_key(a, b): tuple(sorted((a, b))) for a in c.who(e.target) for b in c.who(e.other) if a != b}
    events = []
    for key, pair in pairs.items():
        new = clamp(state.trust.get(key, DEFAULT_TRUST) + e.amount)
        state = evolve(state, trust={**state.trust, key: new})
        events.append(
            c.event(state, "TrustChanged", pair, pair, ("strategy",), between=pair, amount=e.amount, trust=new)
        )
    return state, events


def change_trust(
    state: GameState, scenario: Scenario, a: str, b: str, amount: int, phase: str, cause: Cause
) -> Outcome:
    """Trust between two organisations moves through the trust effect, recorded as cards record it."""
    return apply_effects(state, scenario, _trust_effect(a, b, amount), None, (), phase, cause)


@lru_cache(maxsize=1024)
def _trust_effect(a: str, b: str, amount: int) -> tuple[Effect, ...]:
    """The effect, made once for each pair and amount (effects are values): trust moves thousands of times a game."""
    return (Effect(kind="trust", target=a, other=b, amount=amount),)


def _agenda(state: GameState, e: Effect, c: _Context) -> Outcome:
    regulator = (
        e.regulator if e.regulator in c.scenario.roles else next(iter(c.scenario.roles_of_kind(e.regulator)), None)
    )
    if regulator is None:
        return state, []
    # an inspector's agenda is about the quality of care; any other regulator's about governance
    topics = ("quality",) if "inspect" in c.scenario.roles[regulator].powers else ("governance",)
    events = []
    for subject in c.who(e.target):
        state, more = add_agenda_item(state, c.phase, "effect", regulator, subject, e.reason, topics=topics)
        events += more
    return state, events


def _concern(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for by in c.who(e.source):
        for about in c.who(e.target):
            if by == about:
                continue
            rid, state = new_id(state, "R")
            request = Request(
                id=rid,
                kind="concern",
                source=by,
                to=(about,),
                about=about,
                topic=e.topic,
                text=e.text,
                opened=state.month_index,
            )
            state = evolve(state, requests={**state.requests, rid: request})
            events.append(
                c.event(
                    state,
                    "ConcernRaised",
                    (by,),
                    (by, about),
                    (e.topic,),
                    request=rid,
                    by=by,
                    to=(about,),
                    about=about,
                    topic=e.topic,
                    text=e.text,
                )
            )
    return state, events


def _referrals(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for rid in c.who(e.target):
        org = state.orgs[rid]
        if org.kind != "consortium":
            continue
        new = round(org.referral_percent * (1 + e.percent / 100), 2)
        state = replace_org(state, evolve(org, referral_percent=new))
        events.append(
            c.event(
                state,
                "DemandChanged",
                (rid,),
                (rid,),
                ("money", "access"),
                role=rid,
                referrals=True,
                percent=e.percent,
                referral_percent=new,
            )
        )
    return state, events


def _action_points(state: GameState, e: Effect, c: _Context) -> Outcome:
    """Temporary changes are remembered in `ap_changes` so the month-start restore can expire them."""
    events = []
    until = state.month_index + e.months - 1 if e.months else -1
    for rid in c.who(e.target):
        org = state.orgs[rid]
        if e.months:
            org = evolve(org, ap_changes=(*org.ap_changes, (e.amount, until)))
        else:
            org = evolve(org, ap_base=max(0, org.ap_base + e.amount))
        org = evolve(org, action_points=max(0, org.action_points + e.amount))
        state = replace_org(state, org)
        events.append(_figure_adjusted(state, c, rid, "action_points", e.amount, org.action_points, until=until))
    return state, events


def _workload(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for rid in c.who(e.target):
        org = state.orgs[rid]
        org = evolve(org, workload_extra=max(0, org.workload_extra + e.amount))
        state = replace_org(state, org)
        events.append(_figure_adjusted(state, c, rid, "workload", e.amount, org.workload_extra))
    return state, events


def _figure_adjusted(
    state: GameState, c: _Context, rid: str, figure: str, amount: int, value: int, **more: object
) -> Event:
    """A change to how an organisation works (its actions, its workload), told to it alone."""
    return c.event(
        state, "FigureAdjusted", (rid,), (rid,), ("governance",), role=rid, figure=figure, amount=amount, value=value,
        **more,
    )  # fmt: skip


def schedule(state: GameState, card: str, due: int, cause: Cause) -> GameState:
    """Queue a card for the news of month `due`; a card already queued for that month is not queued twice.
    The state keeps the cause in its text form: state is plain data a save writes as it is."""
    if any(s.card == card and s.due == due for s in state.scheduled):
        return state
    return evolve(state, scheduled=(*state.scheduled, ScheduledCard(card=card, due=due, reason=str(cause))))


def _card(state: GameState, e: Effect, c: _Context) -> Outcome:
    """Scheduling is silent: the CardPublished event when it is due tells the story."""
    return schedule(state, e.card, state.month_index + (1 if e.after is None else e.after), c.cause), []


def _allowed_price(state: GameState, price_percent: float) -> float:
    return price_percent if state.rules.below_tariff_allowed else max(100.0, price_percent)


def _offer(state: GameState, e: Effect, c: _Context) -> Outcome:
    events = []
    for provider in c.who(e.source):
        role = c.scenario.roles[provider]
        terms = Terms(
            activities=e.activities if e.activities is not None else role.services,
            annual_value=e.annual_value or 0,
            share_percent=50.0 if e.share_percent is None else e.share_percent,
            # the rule in force holds for every route: while below-tariff deals are not allowed, it is at the tariff
            price_percent=_allowed_price(state, 100.0 if e.price_percent is None else e.price_percent),
            months=e.months or 12,
        )
        for consortium in c.who(e.target):
            aid, state = new_id(state, "A")
            parties = (consortium, provider)
            conflict = consortium in role.owners
            agreement = Agreement(
                id=aid,
                kind=e.contract,
                parties=parties,
                proposer=provider,
                status="proposed",
                terms=terms,
                first_value=terms.annual_value,
                awaiting=(consortium,),
                proposed_month=state.month_index,
                conflict=conflict,
            )
            state = evolve(state, agreements={**state.agreements, aid: agreement})
            events.append(
                c.event(
                    state,
                    "AgreementProposed",
                    parties,
                    parties,
                    ("money",),
                    agreement=aid,
                    kind=e.contract,
                    parties=parties,
                    annual_value=terms.annual_value,
                    price_percent=terms.price_percent,
                    share_percent=terms.share_percent,
                    activities=terms.activities,
                    months=terms.months,
                    conflict=conflict,
                )
            )
    return state, events


_APPLY: dict[str, Callable[[GameState, Effect, _Context], Outcome]] = {
    "money": _money,
    "transfer": _transfer,
    "quality": _quality,
    "cost_base": _cost_base,
    "demand": _demand,
    "tariff": _tariff,
    "rule": _rule,
    "trust": _trust,
    "agenda": _agenda,
    "concern": _concern,
    "referrals": _referrals,
    "action_points": _action_points,
    "workload": _workload,
    "card": _card,
    "offer": _offer,
}
