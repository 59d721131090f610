"""Conditions: content's tests on the state of the game, and the metrics they read.

A card condition with `option` asks whether that option was ever chosen; cards
record each choice in `state.published` under the key "card:option", beside
the plain card ids counting publications.
"""

from __future__ import annotations

from ..content import Scenario
from ..content.model import Condition
from ..state import GameState, ladder_key, pair_key
from ..vocabulary.catalogue import KINDS
from . import name_of
from .economy import forecast
from .effects import DEFAULT_TRUST, targets


def chosen_key(card: str, option: str) -> str:
    """The `state.published` key counting how often an option of a card was chosen."""
    return f"{card}:{option}"


def metric_value(state: GameState, scenario: Scenario, metric: str, rid: str, ladder: str = "") -> float:
    """One organisation's reading of a metric in catalogue.METRICS."""
    org = state.orgs[rid]
    if metric == "balance":
        return org.balance
    if metric == "forecast":
        return forecast(state, scenario, rid)
    if metric == "month_result":
        return org.results[-1] if org.results else 0
    if metric == "quality":
        return org.quality
    if metric == "trust":
        others = [other for other in state.orgs if other != rid]
        return (
            sum(state.trust.get(pair_key(rid, o), DEFAULT_TRUST) for o in others) / len(others)
            if others
            else DEFAULT_TRUST
        )
    if metric == "workload":
        items = sum(1 for item in state.agendas.values() if item.regulator == rid and item.status == "open")
        asked = sum(1 for request in state.requests.values() if rid in request.to and request.status == "open")
        return items + asked + org.workload_extra
    if metric == "plan_credibility":
        return org.plan_credibility
    if metric == "sanction_level":
        if ladder:
            return state.ladders.get(ladder_key(ladder, rid), 0)
        return max((step for key, step in state.ladders.items() if key.endswith(f"|{rid}")), default=0)
    if metric == "demand_index":
        return 100.0 * org.units / org.baseline_units if org.baseline_units else 100.0
    if metric == "referral_index":
        return org.referral_percent
    raise ValueError(f"unknown metric {metric!r}")


def _passes(cond: Condition, value: float) -> bool:
    return (
        (cond.above is None or value > cond.above)
        and (cond.below is None or value < cond.below)
        and (cond.at_least is None or value >= cond.at_least)
        and (cond.at_most is None or value <= cond.at_most)
    )


def holds(state: GameState, scenario: Scenario, cond: Condition, self_id: str | None) -> bool:
    """True when the condition is met; a metric naming a kind (or everyone) holds if any one passes."""
    if cond.all_of is not None:
        return all(holds(state, scenario, c, self_id) for c in cond.all_of)
    if cond.any_of is not None:
        return any(holds(state, scenario, c, self_id) for c in cond.any_of)
    if cond.none_of is not None:
        return not any(holds(state, scenario, c, self_id) for c in cond.none_of)
    if cond.rule is not None:
        return state.rules.value(cond.rule) == cond.equals
    if cond.card is not None:
        if cond.option is not None:
            happened = state.published.get(chosen_key(cond.card, cond.option), 0) > 0
        else:
            happened = state.published.get(cond.card, 0) > 0
        return happened if cond.published is not False else not happened
    if cond.metric is not None:
        word = cond.of or ("self" if self_id else "everyone")
        whom = targets(scenario, word, self_id, tuple(scenario.roles))
        return any(_passes(cond, metric_value(state, scenario, cond.metric, rid, cond.ladder or "")) for rid in whom)
    return True


_RULE_PHRASES = {
    "below_tariff_allowed": (
        "prices below the national tariff are allowed",
        "prices below the national tariff are not allowed",
    ),
    "qualified_provider_paid_at_tariff": (
        "qualified providers must be paid at tariff",
        "qualified providers need not be paid at tariff",
    ),
}
_TESTS = {"above": "above", "below": "below", "at_least": "at least", "at_most": "at most"}


def describe(scenario: Scenario, cond: Condition, self_id: str | None = None) -> str:
    """The condition as a clause a player reads, e.g. "prices below the national tariff are allowed"."""
    if cond.all_of is not None:
        return " and ".join(describe(scenario, c, self_id) for c in cond.all_of)
    if cond.any_of is not None:
        return " or ".join(describe(scenario, c, self_id) for c in cond.any_of)
    if cond.none_of is not None:
        return "none of these: " + "; ".join(describe(scenario, c, self_id) for c in cond.none_of)
    if cond.rule is not None:
        if cond.rule in _RULE_PHRASES and isinstance(cond.equals, bool):
            return _RULE_PHRASES[cond.rule][0 if cond.equals else 1]
        return f"the {cond.rule.replace('_', ' ')} is {cond.equals}"
    if cond.card is not None:
        title = scenario.cards[cond.card].title if cond.card in scenario.cards else cond.card
        what = f'"{title}" has been answered with "{cond.option}"' if cond.option else f'"{title}" has been in the news'
        return what if cond.published is not False else f"it is not the case that {what}"
    word = cond.of or ("self" if self_id else "everyone")
    whose = {"self": "your", "everyone": "anyone's", "audience": "anyone's"}.get(word)
    if whose is None:
        whose = f"{name_of(scenario, word)}'s" if word in scenario.roles else f"any {KINDS.get(word, word)}'s"
    test = next(f"{words} {getattr(cond, name):g}" for name, words in _TESTS.items() if getattr(cond, name) is not None)
    return f"{whose} {cond.metric.replace('_', ' ')} is {test}"
