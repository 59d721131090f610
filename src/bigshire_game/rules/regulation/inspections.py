"""Inspections and plan assessments: evidence, not sanctions. A poor rating or verdict only puts the subject
on the regulator's agenda."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, evolve, replace_org
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS
from ...vocabulary.events import event
from ...vocabulary.moves import AssessPlan, Inspect
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


def plan_verdict(scenario: Scenario, credibility: int) -> str:
    """The Board's verdict on a plan of this credibility, by the scenario's verdict bands."""
    bands = scenario.balance
    return _grade(
        credibility,
        ((bands.verdict_credible_from, "credible"), (bands.verdict_needs_work_from, "needs work"), (0, "not credible")),
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


def check_assess(state: GameState, scenario: Scenario, move: AssessPlan):
    if not has_power(scenario, move, "assess_plan"):
        return refuse("no_power", move, "Only the NHS Commissioning Board assesses consortia's financial plans.")
    org = state.orgs.get(move.consortium)
    if org is None or org.kind != "consortium":
        return refuse("not_a_consortium", move, "Only consortia submit financial plans.")
    if org.plan_credibility < 0:
        return refuse("no_plan", move, f"{name_of(scenario, move.consortium)} has not submitted a financial plan yet.")
    if org.plan_assessed:
        return refuse(
            "already_assessed",
            move,
            f"The Board has already judged {name_of(scenario, move.consortium)}'s plan; it can judge it again once it changes.",
        )
    return None


def apply_assess(state: GameState, scenario: Scenario, move: AssessPlan, phase: str) -> Outcome:
    org = state.orgs[move.consortium]
    credibility = org.plan_credibility
    verdict = plan_verdict(scenario, credibility)
    state = replace_org(state, evolve(org, plan_assessed=True))
    events = [
        event(
            state,
            phase,
            "PlanAssessed",
            (move.actor, move.consortium),
            (move.consortium, move.actor),
            ("money",),
            consortium=move.consortium,
            credibility=credibility,
            verdict=verdict,
        )
    ]
    if verdict == "not credible":
        ladder = ladder_for(scenario, scenario.roles[move.actor].kind, "consortium")
        state, more = add_agenda_item(
            state,
            phase,
            "plan_assessment",
            move.actor,
            move.consortium,
            "Financial plan not credible",
            ladder.id if ladder else "",
            once=True,
        )
        events += more
    return state, events
