"""Regulators' ladders, triggers, inspections, assessments and rulings, played on the built-in scenario."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.engine.game import new_game
from bigshire_game.narrative import sentence
from bigshire_game.narrative.wording import lower_first
from bigshire_game.rules import dialogue, plans, regulation
from bigshire_game.rules.economy import forecast
from bigshire_game.state import FACILITATOR, ladder_key, replace_org
from bigshire_game.vocabulary.events import AgendaItemDismissed
from bigshire_game.vocabulary.moves import (
    BidForFunding,
    DismissAgendaItem,
    ImposeSanction,
    Inspect,
    LiftSanction,
    MakeRuling,
    RaiseRequest,
    Rejection,
    SubmitPlan,
)
from handlers import through_handlers

MONITOR_LADDER = "monitor_enforcement"
CQC_LADDER = "cqc_compliance"


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move, module=regulation):
    return through_handlers(module, state, scenario, move, "system")


def kinds(events):
    return [e.kind for e in events]


def with_quality(state, rid, quality):
    return replace_org(state, evolve(state.orgs[rid], quality=quality))


# --- ladders ------------------------------------------------------------------------------


def test_licence_revoked_after_climbing_every_rung_and_refused_above_the_top(state, scenario):
    ladder = scenario.ladders[MONITOR_LADDER]
    move = ImposeSanction(actor="monitor", ladder=MONITOR_LADDER, subject="united_hospitals")
    quality = state.orgs["united_hospitals"].quality
    for rung, step in enumerate(ladder.steps, start=1):
        state, events = play(state, scenario, move)
        imposed = events[0]
        assert imposed.kind == "SanctionImposed" and imposed.audience == ()
        assert state.ladders[ladder_key(MONITOR_LADDER, "united_hospitals")] == rung
        assert imposed.data["step"] == step.id and imposed.data["level"] == rung
        assert imposed.data["final"] is (rung == len(ladder.steps))
        assert imposed.topics == ("money", "governance")
    assert imposed.data["step"] == "licence_revoked"
    assert regulation.licence_revoked(state, scenario, "united_hospitals")
    assert state.orgs["united_hospitals"].quality == quality - 10  # the top step's effect fell on the subject
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == "at_top"
    assert "Licence revoked" in refusal.reason and "no further sanction" in refusal.reason


def test_a_step_with_effects_applies_them_to_the_subject(state, scenario):
    move = ImposeSanction(actor="monitor", ladder=MONITOR_LADDER, subject="mental_health_ft")
    base = state.orgs["mental_health_ft"].ap_base
    for _ in range(4):  # the fourth step, licence conditions, costs an action a month
        state, events = play(state, scenario, move)
    assert state.orgs["mental_health_ft"].ap_base == base - 1
    assert "FigureAdjusted" in kinds(events)
    assert not regulation.licence_revoked(state, scenario, "mental_health_ft")


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (ImposeSanction(actor="cqc", ladder=MONITOR_LADDER, subject="united_hospitals"), "no_power"),
        (ImposeSanction(actor="monitor", ladder=MONITOR_LADDER, subject="east_bigshire"), "not_applicable"),
        (
            ImposeSanction(actor="monitor", ladder="no_such_ladder", subject="united_hospitals"),
            "unknown_ladder",
        ),
        (LiftSanction(actor="monitor", ladder=MONITOR_LADDER, subject="united_hospitals"), "not_sanctioned"),
    ],
)
def test_sanctions_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason.endswith(".")


def test_imposing_closes_the_agenda_items_behind_it_and_lifting_steps_down(state, scenario):
    state, _ = regulation.add_agenda_item(
        state, "resolution", "trigger", "cqc", "carewell", "Falls at night", CQC_LADDER
    )
    item = next(iter(state.agendas))
    state, events = play(state, scenario, ImposeSanction(actor="cqc", ladder=CQC_LADDER, subject="carewell"))
    assert state.agendas[item].status == "acted" and events[0].data["items"] == [item]
    state, _ = play(state, scenario, ImposeSanction(actor="cqc", ladder=CQC_LADDER, subject="carewell"))
    state, events = play(state, scenario, LiftSanction(actor="cqc", ladder=CQC_LADDER, subject="carewell"))
    assert state.ladders[ladder_key(CQC_LADDER, "carewell")] == 1
    assert events[0].kind == "SanctionLifted" and events[0].data["lifted"] == "compliance_actions"


def test_imposing_also_closes_the_items_put_on_no_ladder_that_were_its_grounds(state, scenario):
    """A card's item names no ladder: the sanction it led to closes it, so one card is not climbed on twice."""
    state, _ = regulation.add_agenda_item(state, "news", "effect", "cqc", "carewell", "Missed home care visits")
    item = next(iter(state.agendas))
    state, events = play(state, scenario, ImposeSanction(actor="cqc", ladder=CQC_LADDER, subject="carewell"))
    assert state.agendas[item].status == "acted" and events[0].data["items"] == [item]
    moves = regulation.legal(state, scenario, "cqc")
    assert all(m.reason == "" for m in moves if isinstance(m, ImposeSanction))


def test_asking_for_help_is_never_grounds_for_a_sanction(state, scenario):
    """A bid for transitional funding waits on the Board's agenda, but the Board cannot climb a ladder on it."""
    state, events = play(state, scenario, BidForFunding(actor="southern_towns", amount=2000), plans)
    assert [e.kind for e in events] == ["FundingBid", "AgendaItemAdded"] and events[1].data["kind"] == "funding_bid"
    board = list(regulation.legal(state, scenario, "nhscb"))
    assert not [m for m in board if isinstance(m, ImposeSanction)]
    ladder = scenario.ladders["nhscb_assurance"]
    assert regulation.grounds(state, scenario, "nhscb", "southern_towns", ladder) == []
    state, (submitted,) = play(state, scenario, SubmitPlan(actor="southern_towns", savings=0), plans)
    assert submitted.kind == "PlanSubmitted"  # a plan, however weak, is no agenda item by itself
    assert not [m for m in regulation.legal(state, scenario, "nhscb") if isinstance(m, ImposeSanction)]


# --- triggers -----------------------------------------------------------------------------


def test_trigger_fires_when_the_acute_trusts_forecast_is_below_minus_20000(state, scenario):
    healthy = replace_org(
        state, evolve(state.orgs["united_hospitals"], balance=state.orgs["united_hospitals"].balance + 20_000)
    )
    assert forecast(healthy, scenario, "united_hospitals") > -20_000
    _, events = regulation.check_triggers(healthy, scenario, "resolution")
    assert not [e for e in events if e.data["subject"] == "united_hospitals" and e.data["ladder"] == MONITOR_LADDER]

    assert forecast(state, scenario, "united_hospitals") < -20_000
    state, events = regulation.check_triggers(state, scenario, "resolution")
    added = [e for e in events if e.data["subject"] == "united_hospitals" and e.data["ladder"] == MONITOR_LADDER]
    assert len(added) == 1
    assert added[0].data["reason"] == "Forecast deficit over £20m" and added[0].topics == ("money",)
    assert added[0].audience == ("monitor", "united_hospitals")
    item = state.agendas[added[0].data["item"]]
    assert (item.regulator, item.subject, item.status) == ("monitor", "united_hospitals", "open")
    _, again = regulation.check_triggers(state, scenario, "resolution")  # an open item is not repeated
    assert not [e for e in again if e.data["subject"] == "united_hospitals" and e.data["ladder"] == MONITOR_LADDER]


def test_poor_quality_trigger_is_about_quality(state, scenario):
    state = with_quality(state, "health_direct", 50)
    _, events = regulation.check_triggers(state, scenario, "resolution")
    (added,) = [e for e in events if e.data["subject"] == "health_direct" and e.data["ladder"] == CQC_LADDER]
    assert added.topics == ("quality",) and added.data["regulator"] == "cqc"


# --- inspections ----------------------------------------------------------------------------


def test_inspection_of_a_provider_with_quality_55_rates_it_inadequate_and_puts_it_on_the_agenda(state, scenario):
    state = with_quality(state, "community_trust", 55)
    state, events = play(state, scenario, Inspect(actor="cqc", subject="community_trust"))
    held, added = events
    assert held.kind == "InspectionHeld" and held.audience == () and held.data["rating"] == "inadequate"
    assert added.kind == "AgendaItemAdded" and added.data["ladder"] == CQC_LADDER
    assert state.ladders.get(ladder_key(CQC_LADDER, "community_trust"), 0) == 0  # evidence, not a sanction
    _, again = play(state, scenario, Inspect(actor="cqc", subject="community_trust"))
    assert kinds(again) == ["InspectionHeld"]


@pytest.mark.parametrize(
    ("quality", "rating"),
    [(75, "good"), (74, "requires improvement"), (60, "requires improvement"), (59, "inadequate")],
)
def test_inspection_ratings(state, scenario, quality, rating):
    _, events = play(with_quality(state, "carewell", quality), scenario, Inspect(actor="cqc", subject="carewell"))
    assert events[0].data["rating"] == rating


def test_only_the_cqc_inspects_and_only_care_providers(state, scenario):
    assert play(state, scenario, Inspect(actor="monitor", subject="carewell")).code == "no_power"
    assert play(state, scenario, Inspect(actor="cqc", subject="east_bigshire")).code == "not_a_provider"


# --- rulings ---------------------------------------------------------------------------------


def test_a_ruling_request_answered_by_a_ruling_changes_the_rule(state, scenario):
    ask = RaiseRequest(actor="health_direct", to="monitor", topic="money", setting="below_tariff_allowed")
    state, _ = play(state, scenario, ask, dialogue)
    request = next(iter(state.requests))
    offered = [m for m in regulation.legal(state, scenario, "monitor") if isinstance(m, MakeRuling)]
    assert {m.value for m in offered} == {True, False} and {m.request for m in offered} == {request}

    state, events = play(
        state,
        scenario,
        MakeRuling(actor="monitor", setting="below_tariff_allowed", value=True, request=request),
    )
    assert state.rules.below_tariff_allowed is True
    assert state.requests[request].status == "answered"
    assert kinds(events)[:3] == ["RulingMade", "RuleChanged", "RequestAnswered"]
    assert events[0].data["previous"] is False
    assert not [m for m in regulation.legal(state, scenario, "monitor") if isinstance(m, MakeRuling)]


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (MakeRuling(actor="cqc", setting="below_tariff_allowed", value=True), "no_power"),
        (MakeRuling(actor="monitor", setting="tariff_for_all", value=True), "unknown_setting"),
        (MakeRuling(actor="monitor", setting="below_tariff_allowed", value="yes"), "bad_value"),
        (MakeRuling(actor="monitor", setting="competition_review_months", value=2.5), "bad_value"),
        (MakeRuling(actor="monitor", setting="plan_deadline", value="2015-01"), "bad_value"),
        (
            MakeRuling(actor="monitor", setting="below_tariff_allowed", value=True, request="R99"),
            "unknown_request",
        ),
    ],
)
def test_rulings_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert refusal.code == code and refusal.reason


def test_the_facilitator_may_rule_any_time(state, scenario):
    state, events = play(state, scenario, MakeRuling(actor=FACILITATOR, setting="top_slice_percent", value=3))
    assert state.rules.top_slice_percent == 3.0 and isinstance(state.rules.top_slice_percent, float)
    assert kinds(events) == ["RulingMade", "RuleChanged"]


# --- the agenda and legal moves ----------------------------------------------------------------


def test_a_regulator_dismisses_only_its_own_items(state, scenario):
    state, _ = regulation.check_triggers(state, scenario, "resolution")
    item = next(i for i in state.agendas.values() if i.regulator == "monitor")
    assert play(state, scenario, DismissAgendaItem(actor="cqc", item=item.id)).code == "not_your_item"
    state, events = play(state, scenario, DismissAgendaItem(actor="monitor", item=item.id))
    assert state.agendas[item.id].status == "dismissed" and kinds(events) == ["AgendaItemDismissed"]
    assert play(state, scenario, DismissAgendaItem(actor="monitor", item=item.id)).code == "item_closed"


def test_a_dismissal_is_its_own_event_told_as_before(state, scenario):
    """Setting an item aside names the item, who set it aside and the item's kind, and reads as it always did."""
    state, _ = regulation.check_triggers(state, scenario, "resolution")
    item = next(i for i in state.agendas.values() if i.regulator == "monitor")
    _, [dismissed] = play(state, scenario, DismissAgendaItem(actor="monitor", item=item.id))
    assert isinstance(dismissed, AgendaItemDismissed)
    assert (dismissed.item, dismissed.by, dismissed.item_kind, dismissed.subject, dismissed.ladder) == (
        item.id, "monitor", "trigger", item.subject, MONITOR_LADDER,
    )  # fmt: skip
    assert dismissed.data["kind"] == "trigger" and dismissed.reason == item.reason
    assert (dismissed.actors, dismissed.audience, dismissed.topics) == (
        ("monitor",),
        ("monitor", item.subject),
        ("governance",),
    )
    subject = scenario.roles[item.subject].short_name
    assert sentence(scenario, dismissed) == f"Monitor set aside an item about {subject} ({lower_first(item.reason)})."


def test_legal_moves_follow_the_agenda_and_the_ladders(state, scenario):
    assert not [m for m in regulation.legal(state, scenario, "monitor") if isinstance(m, ImposeSanction)]
    state, _ = regulation.check_triggers(state, scenario, "resolution")
    moves = list(regulation.legal(state, scenario, "monitor"))
    imposed = [m for m in moves if isinstance(m, ImposeSanction)]
    assert [(m.ladder, m.subject) for m in imposed] == [(MONITOR_LADDER, "united_hospitals")]
    assert not [m for m in moves if isinstance(play(state, scenario, m), Rejection)]
    state, _ = play(state, scenario, imposed[0])
    moves = list(regulation.legal(state, scenario, "monitor"))
    assert LiftSanction(actor="monitor", ladder=MONITOR_LADDER, subject="united_hospitals") in moves
    inspections = {m.subject for m in regulation.legal(state, scenario, "cqc") if isinstance(m, Inspect)}
    assert inspections == set(scenario.roles_of_kind("acute", "community", "mental_health", "private", "gp_provider"))
    assert not list(regulation.legal(state, scenario, "east_bigshire"))
