"""Regulation's move kinds: what a regulator may do now (`legal`), and each kind's record for the engine, the
bots and the front ends (see `rules.registry`)."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS
from ...vocabulary.moves import (
    DismissAgendaItem,
    ImposeSanction,
    Inspect,
    LiftSanction,
    MakeRuling,
    Move,
)
from .. import dialogue
from ..agenda import grounds, open_items
from ..registry import Judge, MoveKind, at_most, never, no_fields, plain_fields
from ..wording import next_step, rule_words, short, words
from .inspections import apply_inspect, check_inspect
from .ladders import level
from .rulings import apply_dismiss, apply_ruling, check_dismiss, check_ruling
from .sanctions import apply_impose, apply_lift, check_impose, check_lift


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    me = scenario.roles[role]
    items = open_items(state, role)
    for ladder in scenario.ladders.values():
        if ladder.regulator != me.kind:
            continue
        reasons = {
            i.subject: i.reason
            for subject in dict.fromkeys(i.subject for i in items)
            for i in grounds(state, scenario, role, subject, ladder)
        }
        sanctioned = [s for s in scenario.roles_of_kind(*ladder.applies_to) if level(state, ladder.id, s)]
        for subject in dict.fromkeys([*reasons, *sanctioned]):
            step = level(state, ladder.id, subject)
            if "impose_sanction" in me.powers and step < len(ladder.steps):
                yield ImposeSanction(actor=role, ladder=ladder.id, subject=subject, reason=reasons.get(subject, ""))
            if "lift_sanction" in me.powers and step:
                yield LiftSanction(actor=role, ladder=ladder.id, subject=subject)
    if "inspect" in me.powers and (kinds is None or "Inspect" in kinds):
        yield from (Inspect(actor=role, subject=rid) for rid in scenario.roles_of_kind(*CARE_PROVIDER_KINDS))
    yield from (DismissAgendaItem(actor=role, item=item.id) for item in items)
    if "rule" in me.powers:
        for request in dialogue.open_requests(state):
            if request.kind == "request" and request.setting and role in request.to:
                current = state.rules.value(request.setting)
                values = (True, False) if isinstance(current, bool) else (current,)
                yield from (
                    MakeRuling(actor=role, setting=request.setting, value=v, request=request.id) for v in values
                )


def describe_impose(state: GameState, scenario: Scenario, move: ImposeSanction) -> str:
    ladder = scenario.ladders.get(move.ladder)
    step = next_step(state, scenario, move.ladder, move.subject)
    return f"{ladder.title if ladder else words(move.ladder)}: {step} for {short(scenario, move.subject)}"


def describe_lift(state: GameState, scenario: Scenario, move: LiftSanction) -> str:
    return f"Lift a step of {words(move.ladder)} for {short(scenario, move.subject)}"


def describe_inspect(state: GameState, scenario: Scenario, move: Inspect) -> str:
    return f"Inspect {short(scenario, move.subject)}"


def describe_ruling(state: GameState, scenario: Scenario, move: MakeRuling) -> str:
    return f"Rule that {rule_words(move.setting, move.value)}"


def describe_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem) -> str:
    item = state.agendas.get(move.item)
    return f"Take no action on: {item.reason if item else move.item}"


def score_impose(judge: Judge, move: ImposeSanction) -> float:
    """A bot climbs a ladder only for an open agenda item of its own evidence (not a referral alone), after waiting
    on each rung; the top only if it enforces."""
    state, role, wants = judge.state, judge.role, judge.wants
    key = f"{move.ladder}|{move.subject}"
    step = state.ladders.get(key, 0)
    since = state.ladder_since.get(key)
    waited = state.month_index - (_first_noticed(judge, move) if since is None else since)
    top = len(judge.scenario.ladders[move.ladder].steps) - 1  # the step that would reach the ultimate sanction
    waits = judge.settings.rung_waits  # the role's [bot] table: the ultimate sanction waits longest
    wait = waits[min(step, len(waits) - 1)] if step < top else judge.settings.final_wait
    wait *= 2.0 - judge.weight("enforce")  # one loath to enforce waits up to twice as long on each rung
    own = [  # another regulator's referral is a prompt to look, not evidence of the bot's own; a question about
        # an agreement is settled by its own decision, not a sanction
        i
        for i in grounds(state, judge.scenario, role, move.subject, judge.scenario.ladders[move.ladder])
        if i.kind != "referral" and not i.agreement
    ]
    on_agenda = bool(own)
    ready = on_agenda and waited >= wait and (step < top or "enforce" in wants)
    return 3.0 + (2.5 if "enforce" in wants else 0.5) if ready else 0.0


def _first_noticed(judge: Judge, move: ImposeSanction) -> int:
    """The month the subject first came onto this regulator's agenda for the ladder: the first rung waits from
    there, as each higher one waits from the rung below."""
    ladder = judge.scenario.ladders[move.ladder]
    subject = judge.state.orgs[move.subject]
    return min(
        (
            i.opened
            for i in judge.state.agendas.values()
            if i.regulator == judge.role
            and i.subject == move.subject
            and (i.ladder == ladder.id or (not i.ladder and subject.kind in ladder.applies_to))
        ),
        default=judge.state.month_index,
    )


def score_inspect(judge: Judge, move: Inspect) -> float:
    return 2.0 + (4.0 if judge.state.orgs[move.subject].quality < judge.settings.inspect_below else 0.0)


def score_ruling(judge: Judge, move: MakeRuling) -> float:
    steady = move.value == judge.state.rules.value(move.setting)  # regulators rarely reverse their own rulings
    keen = move.value is True and judge.settings.cooperation >= 0.5
    return 5.0 + (1.5 if steady else 0.0) + (1.0 if keen else 0.0)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=ImposeSanction,
        power="impose_sanction",
        check=check_impose,
        apply=apply_impose,
        legal=legal,
        family="regulate",
        describe=describe_impose,
        fields=plain_fields(("reason", "Reason", str)),
        score=score_impose,
        bound=at_most(5.5),
        follow_up=True,
    ),
    MoveKind(
        move=LiftSanction,
        power="lift_sanction",
        check=check_lift,
        apply=apply_lift,
        legal=legal,
        family="regulate",
        describe=describe_lift,
        fields=no_fields,
        score=never,
        bound=never,
    ),
    MoveKind(
        move=Inspect,
        power="inspect",
        check=check_inspect,
        apply=apply_inspect,
        legal=legal,
        family="regulate",
        describe=describe_inspect,
        fields=no_fields,
        score=score_inspect,
        bound=at_most(6.0),
    ),
    MoveKind(
        move=MakeRuling,
        power="rule",
        check=check_ruling,
        apply=apply_ruling,
        legal=legal,
        family="regulate",
        describe=describe_ruling,
        fields=no_fields,
        score=score_ruling,
        bound=at_most(7.5),
        follow_up=True,
    ),
    MoveKind(
        move=DismissAgendaItem,
        check=check_dismiss,
        apply=apply_dismiss,
        legal=legal,
        family="regulate",
        describe=describe_dismiss,
        fields=no_fields,
        score=lambda judge, move: 2.5 + 2 * (1 - judge.settings.caution),
        bound=at_most(4.5),
        follow_up=True,
    ),
)
