"""The facilitator's adjustments, and that every kind of move the engine names can be applied."""

from __future__ import annotations

import pytest

from bigshire_game.engine.game import _HANDLERS, apply, new_game, run_until_input
from bigshire_game.state import FACILITATOR
from bigshire_game.vocabulary.moves import MOVE_TYPES, AdjustFigure, Rejection


@pytest.fixture
def state(scenario):
    return run_until_input(new_game(scenario, 3), scenario)[0]


def test_every_move_type_has_a_handler():
    handlers = _HANDLERS
    flow = {"EndTurn", "EndPhase"}  # handled by the engine's own turn flow
    assert set(MOVE_TYPES) - flow == set(handlers)


def test_money_given_by_the_facilitator_is_new_money_and_public(state, scenario):
    move = AdjustFigure(
        actor=FACILITATOR, role="southern_towns", figure="balance", amount=2000, reason="Emergency loan"
    )
    after, events = apply(state, scenario, move)
    assert after.orgs["southern_towns"].balance == state.orgs["southern_towns"].balance + 2000
    assert after.external_net == state.external_net + 2000  # conservation still holds: counted as an outside flow
    (adjusted,) = events
    assert adjusted.kind == "FigureAdjusted" and adjusted.audience == ()
    assert (
        adjusted.data["reason"] == "Emergency loan" and adjusted.data["value"] == after.orgs["southern_towns"].balance
    )


def test_quality_and_action_points_stay_in_range(state, scenario):
    after, _ = apply(
        state,
        scenario,
        AdjustFigure(actor=FACILITATOR, role="united_hospitals", figure="quality", amount=-500, reason="Scandal"),
    )
    assert after.orgs["united_hospitals"].quality == 0
    after, _ = apply(
        state,
        scenario,
        AdjustFigure(actor=FACILITATOR, role="nhscb", figure="action_points", amount=2, reason="More staff"),
    )
    assert after.orgs["nhscb"].action_points == state.orgs["nhscb"].action_points + 2


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (AdjustFigure(actor=FACILITATOR, role="east_bigshire", figure="balance", amount=100, reason="  "), "no_reason"),
        (
            AdjustFigure(actor=FACILITATOR, role="east_bigshire", figure="quality", amount=5, reason="Praise"),
            "no_quality",
        ),
        (
            AdjustFigure(actor=FACILITATOR, role="east_bigshire", figure="morale", amount=5, reason="Praise"),
            "unknown_figure",
        ),
        (AdjustFigure(actor=FACILITATOR, role="nowhere", figure="balance", amount=5, reason="Gift"), "unknown_role"),
    ],
)
def test_bad_adjustments_are_refused_with_a_reason(state, scenario, move, code):
    refusal = apply(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason.endswith(".")


def test_an_organisation_cannot_adjust_figures(state, scenario):
    actor = state.actor
    refusal = apply(
        state, scenario, AdjustFigure(actor=actor, role=actor, figure="balance", amount=9999, reason="Mine")
    )
    assert isinstance(refusal, Rejection)
