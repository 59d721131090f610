"""Sanctions: a regulator's move up or down a ladder, one step at a time, for an organisation the ladder applies to."""

from __future__ import annotations

from ...content import Scenario
from ...content.labels import kind_label
from ...content.model import Ladder
from ...state import GameState, evolve, ladder_key
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import ImposeSanction, LiftSanction
from .. import Outcome, name_of, refuse
from ..agenda import grounds
from ..effects import apply_effects
from .ladders import level, regulator_of

LADDER_TOPICS = {"monitor": ("money", "governance"), "cqc": ("quality",), "nhscb": ("money",)}


def _check_ladder(state: GameState, scenario: Scenario, move: ImposeSanction | LiftSanction, power: str):
    ladder = scenario.ladders.get(move.ladder)
    if ladder is None:
        return refuse("unknown_ladder", move, f'There is no ladder called "{move.ladder}".')
    me = scenario.roles[move.actor]
    if power not in me.powers or me.kind != ladder.regulator:
        regulator = regulator_of(scenario, ladder)
        who = name_of(scenario, regulator) if regulator else "the " + kind_label(scenario, ladder.regulator)
        return refuse("no_power", move, f"Only {who} can act on {ladder.title}.")
    subject = state.orgs.get(move.subject)
    if subject is None or subject.kind not in ladder.applies_to:
        kind = f" ({kind_label(scenario, subject.kind)})" if subject else ""
        return refuse(
            "not_applicable",
            move,
            f"{ladder.title} does not apply to {name_of(scenario, move.subject)}{kind}.",
        )
    return None


def check_impose(state: GameState, scenario: Scenario, move: ImposeSanction):
    refusal = _check_ladder(state, scenario, move, "impose_sanction")
    if refusal is not None:
        return refusal
    ladder = scenario.ladders[move.ladder]
    if level(state, ladder.id, move.subject) >= len(ladder.steps):
        top = ladder.steps[-1].title
        return refuse(
            "at_top",
            move,
            f"{name_of(scenario, move.subject)} is already at the top of {ladder.title} "
            f"({top}); there is no further sanction.",
            ladder=ladder.id,
        )
    return None


def _sanction_event(
    state: GameState,
    phase: str,
    kind: str,
    move: ImposeSanction | LiftSanction,
    ladder: Ladder,
    step: int,
    **data,
) -> Event:
    title = ladder.steps[step - 1].title if step else "no sanction"
    step_id = ladder.steps[step - 1].id if step else ""
    return event(
        state,
        phase,
        kind,
        (move.actor, move.subject),
        topics=LADDER_TOPICS.get(ladder.regulator, ("governance",)),
        ladder=ladder.id,
        subject=move.subject,
        step=step_id,
        step_title=title,
        level=step,
        **data,
    )


def apply_impose(state: GameState, scenario: Scenario, move: ImposeSanction, phase: str) -> Outcome:
    """One step up; the step's effects fall on the subject and the agenda items behind it (its grounds) are closed."""
    ladder = scenario.ladders[move.ladder]
    step = level(state, ladder.id, move.subject) + 1
    closed = grounds(state, scenario, move.actor, move.subject, ladder)
    agendas = {**state.agendas, **{item.id: evolve(item, status="acted") for item in closed}}
    key = ladder_key(ladder.id, move.subject)
    state = evolve(
        state,
        ladders={**state.ladders, key: step},
        ladder_since={**state.ladder_since, key: state.month_index},
        agendas=agendas,
    )
    events = [
        _sanction_event(
            state,
            phase,
            "SanctionImposed",
            move,
            ladder,
            step,
            final=step == len(ladder.steps),
            reason=move.reason or None,
            items=[item.id for item in closed],
        )
    ]
    state, more = apply_effects(
        state,
        scenario,
        ladder.steps[step - 1].effects,
        move.subject,
        (),
        phase,
        Cause.sanction(ladder.id, ladder.steps[step - 1].id),
    )
    return state, events + more


def check_lift(state: GameState, scenario: Scenario, move: LiftSanction):
    refusal = _check_ladder(state, scenario, move, "lift_sanction")
    if refusal is not None:
        return refusal
    if level(state, move.ladder, move.subject) == 0:
        return refuse(
            "not_sanctioned",
            move,
            f"{name_of(scenario, move.subject)} has no sanction on that ladder to lift.",
        )
    return None


def apply_lift(state: GameState, scenario: Scenario, move: LiftSanction, phase: str) -> Outcome:
    """One step down; what the higher step did (money, quality, trust) is not undone."""
    ladder = scenario.ladders[move.ladder]
    step = level(state, ladder.id, move.subject) - 1
    key = ladder_key(ladder.id, move.subject)
    state = evolve(
        state, ladders={**state.ladders, key: step}, ladder_since={**state.ladder_since, key: state.month_index}
    )
    return state, [_sanction_event(state, phase, "SanctionLifted", move, ladder, step, lifted=ladder.steps[step].id)]
