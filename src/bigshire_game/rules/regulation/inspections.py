"""Inspections: evidence, not sanctions. A poor rating only puts the provider on the inspector's agenda."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS
from ...vocabulary.events import event
from ...vocabulary.moves import Inspect
from .. import Outcome, name_of, refuse
from ..agenda import add_agenda_item, ladder_for
from .ladders import has_power


def _grade(score: int, bands: tuple[tuple[int, str], ...]) -> str:
    return next(label for floor, label in bands if score >= floor)


def inspection_rating(scenario: Scenario, quality: int) -> str:
    """The CQC's published rating for a quality score, by the scenario's rating bands."""
    bands = scenario.balance
    return _grade(
        quality,
        (
            (bands.rating_good_from, "good"),
            (bands.rating_requires_improvement_from, "requires improvement"),
            (0, "inadequate"),
        ),
    )


def check_inspect(state: GameState, scenario: Scenario, move: Inspect):
    if not has_power(scenario, move, "inspect"):
        return refuse("no_power", move, "Only the Care Quality Commission inspects providers.")
    subject = state.orgs.get(move.subject)
    if subject is None or subject.kind not in CARE_PROVIDER_KINDS:
        return refuse(
            "not_a_provider",
            move,
            f"{name_of(scenario, move.subject)} does not provide care, so there is nothing to inspect.",
        )
    return None


def apply_inspect(state: GameState, scenario: Scenario, move: Inspect, phase: str) -> Outcome:
    """An inspection is evidence, not a sanction: an inadequate rating puts the provider on the agenda."""
    subject = state.orgs[move.subject]
    rating = inspection_rating(scenario, subject.quality)
    events = [
        event(
            state,
            phase,
            "InspectionHeld",
            (move.actor, move.subject),
            topics=("quality",),
            subject=move.subject,
            quality=subject.quality,
            rating=rating,
        )
    ]
    if rating == "inadequate":
        ladder = ladder_for(scenario, scenario.roles[move.actor].kind, subject.kind)
        reason = f"Rated inadequate on inspection (quality {subject.quality})"
        state, more = add_agenda_item(
            state,
            phase,
            "inspection",
            move.actor,
            move.subject,
            reason,
            ladder.id if ladder else "",
            ("quality",),
            once=True,
        )
        events += more
    return state, events
