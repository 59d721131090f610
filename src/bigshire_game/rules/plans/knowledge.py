"""What a commissioner knows of its own money: without analysts behind its numbers it sees its year-end position
late, and the year end can come as a surprise. Bots and the desk decide from what it can see."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState
from ...state.memo import per_state
from ...vocabulary.events import event
from .. import Outcome
from ..economy import forecast, projected_result
from .credibility import has_analytics


def forecast_lag(state: GameState, scenario: Scenario, rid: str) -> int:
    """How many months old a commissioner's view of its own year-end position is: without analysts behind its
    numbers it sees the months just played only `analytics_lag_months` later; everyone else sees at once."""
    if scenario.roles[rid].population is None or has_analytics(state, scenario, rid):
        return 0
    return min(scenario.balance.analytics_lag_months, len(state.orgs[rid].results))


@per_state
def known_forecast(state: GameState, scenario: Scenario, rid: str) -> int:
    """The year-end position as this organisation can see it: the forecast it would have made `forecast_lag`
    months ago, from the results it then knew, carried to today's cash."""
    lag = forecast_lag(state, scenario, rid)
    if not lag:
        return forecast(state, scenario, rid)
    org = state.orgs[rid]
    seen = org.results[:-lag]
    then = org.balance - sum(org.results[-lag:])
    if not seen:
        return then + projected_result(state, scenario, rid, 0) * len(scenario.months)  # the plan as first set
    recent = seen[-3:]
    return then + round(sum(recent) / len(recent) * (len(scenario.months) - len(seen)))


def foreseen(state: GameState, scenario: Scenario) -> dict[str, int]:
    """What each commissioner seeing late expects the year to end on, before the last month is settled."""
    return {rid: known_forecast(state, scenario, rid) for rid in scenario.roles if forecast_lag(state, scenario, rid)}


def surprises(state: GameState, scenario: Scenario, expected: dict[str, int], phase: str) -> Outcome:
    """The year end told as a surprise to a commissioner whose late view missed it by `surprise_from` or more."""
    events = []
    for rid, foresaw in expected.items():
        actual = state.orgs[rid].balance
        if abs(actual - foresaw) >= scenario.balance.surprise_from:
            lag = scenario.balance.analytics_lag_months
            events.append(
                event(
                    state, phase, "ForecastMissed", (rid,), (rid,), ("money",),
                    role=rid, expected=foresaw, actual=actual, lag=lag,
                )
            )  # fmt: skip
    return state, events
