"""The [routing] table of scenario.toml and the roles' [bot] tables: optional, today's game by default, read by
the rules and the bots, and checked with the file, line and key of every mistake."""

from __future__ import annotations

import re

from attrs import evolve

from bigshire_game import bots
from bigshire_game.content import read_scenario
from bigshire_game.content.model import BotSettings, MeetingRoute, RequestRoute, Routing
from bigshire_game.engine import new_game
from bigshire_game.rules import dialogue
from bigshire_game.vocabulary.moves import ConveneMeeting, RaiseRequest


def _routed(scenario, routing: Routing):
    return evolve(scenario, info=evolve(scenario.info, routing=routing))


def test_a_scenario_without_routing_loads_todays_routes_with_no_new_warning(scenario_copy, scenario):
    root = scenario_copy()
    path = root / "content" / "scenario.toml"
    text = path.read_text(encoding="utf-8")
    without = re.sub(r"\n(#[^\n]*\n)*\[routing\]\n(?:[^\[][^\n]*\n|\n)*?(?=\n*\[)", "\n", text, count=1)
    assert "[routing]" in text and "[routing]" not in without
    path.write_text(without, encoding="utf-8")
    loaded, diagnostics = read_scenario(root)
    assert diagnostics == []
    assert loaded.routing == Routing()
    assert scenario.routing == Routing(), "the shipped content writes today's routes out in full"


def test_a_request_route_by_power_reaches_the_holder_of_that_power(scenario):
    state = new_game(scenario, 1)
    before = [m for m in dialogue.legal(state, scenario, "wellbeing_board") if isinstance(m, RaiseRequest)]
    assert before and not any(m.to == "cqc" for m in before)
    routing = Routing(
        requests=(*Routing().requests, RequestRoute(by=("hwb",), topic="quality", to_power="inspect")),
    )
    routed = _routed(scenario, routing)
    after = [m for m in dialogue.legal(state, routed, "wellbeing_board") if isinstance(m, RaiseRequest)]
    assert RaiseRequest(actor="wellbeing_board", to="cqc", topic="quality") in after
    consortium = [m for m in dialogue.legal(state, routed, "east_bigshire") if isinstance(m, RaiseRequest)]
    assert not any(m.to == "cqc" for m in consortium), "the route is for the wellbeing board only"


def test_meeting_routes_decide_who_is_invited(scenario):
    state = new_game(scenario, 1)
    meetings = [m for m in dialogue.legal(state, scenario, "wellbeing_board") if isinstance(m, ConveneMeeting)]
    assert "united_hospitals" in meetings[0].invitees
    routed = _routed(scenario, Routing(meetings=(MeetingRoute(by=("hwb",), invite=("consortium",), topic="access"),)))
    meetings = [m for m in dialogue.legal(state, routed, "wellbeing_board") if isinstance(m, ConveneMeeting)]
    assert [m.topic for m in meetings] == ["access"]
    assert set(meetings[0].invitees) == set(scenario.roles_of_kind("consortium"))
    assert not [m for m in dialogue.legal(state, routed, "monitor") if isinstance(m, ConveneMeeting)]


def test_mistakes_in_routing_are_reported_with_their_line_and_key(scenario_copy):
    root = scenario_copy()
    path = root / "content" / "scenario.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('topic = "quality", to = "cqc" }', 'topic = "quality", to = "cqq" }', 1)
    text = text.replace('{ topic = "money", to_power = "award_funding" }', '{ topic = "money" }', 1)
    text = text.replace(
        '{ by = ["healthwatch"], invite = ["hwb", "consortium"]', '{ by = ["healthwatch"], invite = []', 1
    )
    path.write_text(text, encoding="utf-8")
    _, diagnostics = read_scenario(root)
    shown = [d.render() for d in diagnostics]
    assert any("routing.concerns[0].to" in s and '"cqq"' in s and "cqc" in s for s in shown), shown
    assert any("routing.requests[0]" in s and '"to_power"' in s for s in shown), shown
    assert any("routing.meetings[3].invite" in s and "at least one kind" in s for s in shown), shown
    assert all(re.search(r"content/scenario\.toml:\d+:\d+: routing\.", s) for s in shown), shown


def test_a_role_with_a_higher_threshold_makes_fewer_moves(scenario):
    state = new_game(scenario, 2)
    from bigshire_game.engine.game import run_until_input

    state, _ = run_until_input(state, scenario)
    role = state.actor
    _, made, _ = bots.play_turn(state, scenario, role)
    settings = scenario.roles[role].bot
    idle = evolve(
        scenario, roles={**scenario.roles, role: evolve(scenario.roles[role], bot=evolve(settings, threshold=1000.0))}
    )
    _, idle_made, _ = bots.play_turn(state, idle, role)
    assert len(made) > 1
    assert [m.name for m in idle_made] == ["EndTurn"]
    capped = evolve(
        scenario, roles={**scenario.roles, role: evolve(scenario.roles[role], bot=evolve(settings, moves_per_turn=1))}
    )
    _, capped_made, _ = bots.play_turn(state, capped, role)
    assert len(capped_made) == 2  # one move and the end of the turn


def test_motives_weigh_from_priorities_unless_written(scenario):
    settings = BotSettings(priorities=("seek_savings", "prevention"), motives={"prevention": 0.25, "collaborate": 0.5})
    assert settings.weight("seek_savings") == 1.0
    assert settings.weight("prevention") == 0.25
    assert settings.weight("collaborate") == 0.5
    assert settings.weight("enforce") == 0.0


def test_mistakes_in_a_bot_table_are_reported(scenario_copy):
    root = scenario_copy()
    path = root / "roles" / "cqc.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("threshold = 3.0", "threshold = 3.0\nmotives = { enforce = 1.5, spite = 0.2 }", 1)
    text = text.replace("rung_waits = [2, 5, 7, 9]", "rung_waits = []", 1)
    path.write_text(text, encoding="utf-8")
    _, diagnostics = read_scenario(root)
    shown = [d.render() for d in diagnostics]
    assert any("bot.motives.enforce" in s and "between 0 and 1" in s for s in shown), shown
    assert any("bot.motives.spite" in s and "motive" in s for s in shown), shown
    assert any("bot.rung_waits" in s and "at least one wait" in s for s in shown), shown
