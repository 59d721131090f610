"""The move form: a short label per choice, what the highlighted choice means, and the fields a player may
edit before sending the move, read back into the move."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import evolve

from ...content import Scenario
from ...content.labels import kind_label, span_of
from ...engine import kinds
from ...state import GameState
from ...vocabulary.catalogue import ALLIANCE_KINDS, CONTRACT_KINDS
from ...vocabulary.moves import Move
from .menus import describe
from .wording import activities, kind_words, money, names, rule_words, short, terms_words


def choice_label(scenario: Scenario, state: GameState, move: Move) -> str:
    """A short line for a list of choices; the form's side panel explains the highlighted one in full."""
    d: Any = move
    if move.name == "ProposeAgreement":
        kind = d.kind
        who = names(scenario, d.parties)
        if kind in CONTRACT_KINDS:
            t = d.terms
            value = f", {money(t.annual_value)} a year" if kind in ("block", "risk_share", "support") else ""
            share = f", {t.share_percent:g}% shared" if kind == "risk_share" else ""
            return f"{who}: {kind_words(kind)}{value}{share}"
        return f"{kind_words(kind).capitalize()} with {who}"
    if move.name == "SubmitPlan":
        judged = _plan_judgement(scenario, state, move)
        if judged is not None:
            return f"{describe(scenario, state, move)}: credibility about {judged.credibility}"
    return describe(scenario, state, move)


def _plan_judgement(scenario: Scenario, state: GameState, move: Move) -> Any:
    from ...engine.game import assess_plan

    return assess_plan(state, scenario, move)


def plan_words(scenario: Scenario, state: GameState, move: Move) -> str:
    """What a financial plan assumes and the credibility the rules would give it, in a few lines."""
    judged = _plan_judgement(scenario, state, move)
    if judged is None:
        return ""
    end = span_of(scenario).end
    gap = (
        f"The forecast says {money(judged.gap)} of savings are needed by {end}."
        if judged.gap
        else f"The forecast shows no gap to close by {end}."
    )
    realism = (
        f"It claims more than the {money(judged.realistic)} that looks realistic "
        f"(identified savings and schemes): hopeful claims lose credibility."
        if judged.savings > judged.realistic
        else f"It stays within the {money(judged.realistic)} that looks realistic."
    )
    analysts = "Analysts back the numbers." if judged.analytics else "No analysts back the numbers yet."
    assessors = scenario.roles_of_kind("hwb")
    board = "the " + kind_label(scenario, "hwb") if assessors else ""
    if not board:  # nobody in this scenario writes a needs assessment: nothing to say about one
        needs = ""
    elif judged.needs:
        needs = f"It follows {board}'s needs assessment."
    elif getattr(move, "reflects_needs_assessment", False):
        needs = (
            f"It says it follows {board}'s needs assessment, but earns no credit for it "
            f"until you have met {board} or built its trust."
        )
    else:
        needs = f"It does not follow {board}'s needs assessment."
    return (
        f"This plan assumes {money(judged.savings)} of savings. {gap} {realism} {analysts} {needs}".rstrip() + "\n\n"
        f"Likely credibility: {judged.credibility} out of 100."
    )


FieldSpec = kinds.FieldSpec


def fields(state: GameState, move: Move) -> list[FieldSpec]:
    """What the form lets a player edit for this move, with the engine's suggested values."""
    return kinds.fields(state, move)


class FieldError(ValueError):
    """A value typed into a form that is not a number; the form shows the message beside the field."""


def with_fields(move: Move, values: dict[str, str], specs: Sequence[FieldSpec]) -> Move:
    """The move with the typed values in place; raises FieldError for text that is not a number."""
    changes: dict[str, object] = {}
    term_changes: dict[str, object] = {}
    for spec in specs:
        raw = values.get(spec.path, "").strip().replace(",", "").replace("£", "").rstrip("%k")
        if spec.kind is str:
            value: object = values.get(spec.path, "").strip()
        else:
            try:
                value = spec.kind(float(raw)) if spec.kind is int else float(raw)
            except ValueError:
                raise FieldError(f"{spec.label}: “{values.get(spec.path, '')}” is not a number.") from None
            if spec.kind is int and float(raw) != int(float(raw)):
                raise FieldError(f"{spec.label}: give a whole number.")
        if spec.path.startswith("terms."):
            term_changes[spec.path[6:]] = value
        else:
            changes[spec.path] = value
    if term_changes:
        changes["terms"] = evolve(move.terms, **term_changes)  # type: ignore[attr-defined]
    return evolve(move, **changes) if changes else move


def field_text(spec: FieldSpec) -> str:
    if isinstance(spec.value, float):
        return f"{spec.value:g}"
    return str(spec.value)


def explain(scenario: Scenario, state: GameState, move: Move) -> str:
    """A few lines about what the highlighted choice means, shown beside the list in a move form."""
    d: Any = move
    if move.name == "InvestInScheme":
        scheme = scenario.schemes.get(d.scheme)
        if scheme:
            return (
                f"{scheme.text}\n\nCosts {money(scheme.cost)} now; after {scheme.lag_months} months it cuts "
                f"{activities(scenario, [scheme.activity])} by {scheme.reduction_percent:g}%."
            )
    if move.name == "TakeDecision":
        decision = next((x for x in scenario.roles[move.actor].decisions if x.id == d.decision), None)
        if decision:
            return decision.text
    if move.name == "AnswerCard":
        choice = state.pending.get(d.choice)
        card = scenario.cards.get(choice.card) if choice else None
        option = next((o for o in card.options if o.id == d.option), None) if card else None
        if card and option:
            return f"{card.title}\n\n{option.label}: {option.text}".strip()
    if move.name == "ProposeAgreement":
        kind = d.kind
        text = CONTRACT_KINDS.get(kind) or ALLIANCE_KINDS.get(kind, "")
        if kind in CONTRACT_KINDS:
            partner = d.parties[0]
            text = f"{describe(scenario, state, move)}.\n\n{kind_words(kind).capitalize()}: {text}"
            services = scenario.roles[partner].services
            covered = f"\n\nCovers: {activities(scenario, d.terms.activities)}." if d.terms.activities else ""
            offered = f"\n{short(scenario, partner)} provides {activities(scenario, services)}." if services else ""
            return f"{text}.{covered}{offered}"
        return f"A {kind_words(kind)}: {text}."
    if move.name in ("ImposeSanction", "LiftSanction"):
        ladder = scenario.ladders.get(d.ladder)
        if ladder:
            reached = state.ladders.get(f"{d.ladder}|{d.subject}", 0)
            steps = " → ".join(("[" + s.title + "]") if i == reached else s.title for i, s in enumerate(ladder.steps))
            reason = f"\n\nOn your agenda: {d.reason}" if getattr(d, "reason", "") else ""
            return f"{ladder.title}: {steps}{reason}"
    if move.name == "MakeRuling":
        return f"Now {rule_words(d.setting, state.rules.value(d.setting))}.\n\nThis ruling: {rule_words(d.setting, d.value)}."
    if move.name == "SubmitPlan":
        return plan_words(scenario, state, move)
    if move.name == "VaryContract":
        agreement = state.agreements.get(d.agreement)
        if agreement:
            now = terms_words(scenario, agreement.kind, agreement.terms)
            same = (
                "\n\nThese are the terms in force: change them in the fields first, or the variation changes nothing."
                if d.terms == agreement.terms
                else ""
            )
            return f"In force now: {now}.\nProposed: {terms_words(scenario, agreement.kind, d.terms)}.{same}"
    if move.name == "AcceptProposal":
        agreement = state.agreements.get(d.agreement)
        if agreement and agreement.variation is None:
            return "Agrees the terms, free. The agreement is in force only once it is signed (1 action)."
    if move.name == "SignAgreement":
        return "Signing puts the agreed terms in force; it costs 1 action. The preview says from when."
    return ""


def explain_all(scenario: Scenario, state: GameState, moves: Sequence[Move]) -> str:
    if len(moves) == 1:
        return explain(scenario, state, moves[0])
    agreement = state.agreements.get(getattr(moves[0], "agreement", ""))
    who = short(scenario, agreement.proposer) if agreement else "The proposer"
    return f"{who} has already agreed, so this plays both steps now: your acceptance (free), then your signature (1 action)."
