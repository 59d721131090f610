"""Capacity and knowledge: what waits for an organisation against its actions, agendas carrying over, recruiting,
and a commissioner without analysts seeing its own position late."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game import bots
from bigshire_game.engine.game import new_game, view
from bigshire_game.rules import capacity, plans
from bigshire_game.rules.agenda import add_agenda_item
from bigshire_game.rules.economy import forecast
from bigshire_game.simulate import play as play_game
from bigshire_game.state import Request, replace_org
from bigshire_game.vocabulary.moves import Recruit
from handlers import through_handlers


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move):
    return through_handlers(capacity, state, scenario, move, "system")


def test_what_waits_counts_inbox_agenda_and_nothing_already_answered(state, scenario):
    assert capacity.waiting_items(state, "nhscb") == 0
    ask = Request(id="R1", kind="request", source="east_bigshire", to=("nhscb",), topic="money")
    meeting = Request(id="R2", kind="meeting", source="monitor", to=("nhscb",), topic="money", attending=("nhscb",))
    state = evolve(state, requests={"R1": ask, "R2": meeting})
    state, _ = add_agenda_item(state, "system", "concern", "nhscb", "north_vale", "Plan not credible")
    assert capacity.waiting_items(state, "nhscb") == 2  # the request and the agenda item; the meeting is answered
    assert capacity.waiting_items(state, "monitor") == 0


def test_every_turn_starts_with_what_waits_and_the_actions_to_meet_it(scenario):
    game = play_game(scenario, 4, turns=3)
    starts = [e for e in game.events if e.kind == "TurnStarted"]
    assert starts and all(e.waiting is not None and e.action_points is not None for e in starts)
    assert any(e.waiting > 0 for e in starts)


def test_items_from_earlier_months_carry_over_and_this_months_do_not(state, scenario):
    state, _ = add_agenda_item(state, "system", "concern", "nhscb", "north_vale", "Plan not credible")
    assert capacity.carry_over(state, scenario, "resolution")[1] == []
    later = evolve(state, month_index=state.month_index + 1)
    _, (carried,) = capacity.carry_over(later, scenario, "resolution")
    assert (carried.kind, carried.role, carried.items, carried.capacity) == ("AgendaCarriedOver", "nhscb", 1, 4)


def test_recruiting_adds_an_action_a_month_at_a_cost_up_to_the_limit(state, scenario):
    before = state.orgs["nhscb"]
    state, (recruited,) = play(state, scenario, Recruit(actor="nhscb"))
    after = state.orgs["nhscb"]
    assert recruited.kind == "StaffRecruited" and recruited.capacity == before.ap_base + 1
    assert after.ap_base == before.ap_base + 1
    assert after.balance == before.balance - scenario.balance.recruit_cost
    state, _ = play(state, scenario, Recruit(actor="nhscb"))
    refused = play(state, scenario, Recruit(actor="nhscb"))
    assert refused.code == "recruited_enough" and "2 posts" in refused.reason
    assert list(capacity.legal(state, scenario, "nhscb")) == []


def test_only_a_holder_of_the_power_recruits(state, scenario):
    refused = play(state, scenario, Recruit(actor="monitor"))
    assert refused.code == "no_power"
    assert list(capacity.legal(state, scenario, "monitor")) == []


def test_the_board_recruits_only_when_far_more_waits_than_it_can_act_on(state, scenario):
    quiet = bots.score(state, scenario, "nhscb", Recruit(actor="nhscb"), jitter=0.0)
    for n in range(12):
        state, _ = add_agenda_item(state, "system", "concern", "nhscb", "north_vale", f"Item {n}")
    busy = bots.score(state, scenario, "nhscb", Recruit(actor="nhscb"), jitter=0.0)
    assert quiet == 0.0 and busy > scenario.roles["nhscb"].bot.threshold


def _months_played(state, scenario, rid, results):
    org = state.orgs[rid]
    org = evolve(org, results=results, balance=org.balance + sum(results))
    return replace_org(state, org)


def _without_support(state, rid):
    """The consortium's support contract with the CSU ended: nobody analyses its numbers."""
    kept = {k: a for k, a in state.agreements.items() if not (a.kind == "support" and a.commissioner == rid)}
    return evolve(state, agreements=kept)


def test_a_consortium_without_analysts_learns_of_its_overspend_late(state, scenario):
    rid = "north_vale"
    assert plans.forecast_lag(state, scenario, rid) == 0, "nothing is late before a month is played"
    assert plans.has_analytics(state, scenario, rid), "the CSU's support stands behind its numbers at the start"
    state = _months_played(_without_support(state, rid), scenario, rid, (0, 0, 0, -3000, -3000))
    assert not plans.has_analytics(state, scenario, rid)
    assert plans.forecast_lag(state, scenario, rid) == scenario.balance.analytics_lag_months
    seen, true = plans.known_forecast(state, scenario, rid), forecast(state, scenario, rid)
    assert seen > true + 10_000, "the months of overspend are not yet in its figures"
    assert view(state, scenario, rid).forecast == seen and view(state, scenario, rid).forecast_lag == 2
    assert bots.judge(state, scenario, rid).forecast == seen, "its bot decides from what its desk shows"

    expected = plans.foreseen(state, scenario)
    assert expected[rid] == seen and "united_hospitals" not in expected
    _, events = plans.surprises(state, scenario, expected, "resolution")
    missed = [e for e in events if e.role == rid]
    assert missed and missed[0].kind == "ForecastMissed" and missed[0].audience == (rid,)
    assert missed[0].expected == seen and missed[0].actual == state.orgs[rid].balance


def test_a_consortium_with_analysts_sees_at_once(state, scenario):
    rid = "north_vale"
    state = _months_played(state, scenario, rid, (0, 0, 0, -3000, -3000))
    assert plans.has_analytics(state, scenario, rid)
    assert plans.forecast_lag(state, scenario, rid) == 0
    assert plans.known_forecast(state, scenario, rid) == forecast(state, scenario, rid)
    assert plans.foreseen(state, scenario) == {}
