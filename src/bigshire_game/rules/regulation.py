"""Regulation: the ladders of Monitor, the CQC and the Board, the triggers that put
organisations on their agendas, inspections, plan assessments and rulings.

Evidence and decisions stay apart: a trigger, an inspection or an assessment only
puts an item on an agenda; only a regulator's move climbs a ladder, one step at a time.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario, month_label
from ..content.model import Condition, Effect, Ladder
from ..state import FACILITATOR, GameState, evolve, ladder_key, replace_org
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS, RULE_SETTINGS
from ..vocabulary.catalogue import KINDS as ORG_KINDS
from ..vocabulary.events import Event, event
from ..vocabulary.moves import (
    AssessPlan,
    DismissAgendaItem,
    ImposeSanction,
    Inspect,
    LiftSanction,
    MakeRuling,
    Move,
)
from . import Handlers, Outcome, dialogue, name_of, refuse
from .agenda import add_agenda_item, ladder_for, open_items
from .conditions import holds
from .effects import apply_effects
from .registry import Judge, MoveKind, at_most, handlers_of, never, no_fields, plain_fields
from .wording import next_step, possessive, rule_words, short, words

LADDER_TOPICS = {"monitor": ("money", "governance"), "cqc": ("quality",), "nhscb": ("money",)}
RATINGS = ((75, "good"), (60, "requires improvement"), (0, "inadequate"))
VERDICTS = ((60, "credible"), (40, "needs work"), (0, "not credible"))


def _grade(score: int, bands: tuple[tuple[int, str], ...]) -> str:
    return next(label for floor, label in bands if score >= floor)


def inspection_rating(quality: int) -> str:
    """The CQC's published rating for a quality score."""
    return _grade(quality, RATINGS)


def plan_verdict(credibility: int) -> str:
    """The Board's verdict on a plan of this credibility."""
    return _grade(credibility, VERDICTS)


# --- ladders and agendas ----------------------------------------------------------------


def regulator_of(scenario: Scenario, ladder: Ladder) -> str | None:
    return next(iter(scenario.roles_of_kind(ladder.regulator)), None)


def level(state: GameState, ladder: str, subject: str) -> int:
    """The step reached on a ladder, 0 for none."""
    return state.ladders.get(ladder_key(ladder, subject), 0)


def licence_revoked(state: GameState, scenario: Scenario, rid: str) -> bool:
    """True once a provider has reached the top of a Monitor ladder: it may no longer provide NHS care."""
    return any(x.regulator == "monitor" and level(state, x.id, rid) >= len(x.steps) for x in scenario.ladders.values())


def _metrics(cond: Condition) -> Iterator[str]:
    if cond.metric:
        yield cond.metric
    for inner in (cond.all_of or ()) + (cond.any_of or ()) + (cond.none_of or ()):
        yield from _metrics(inner)


def check_triggers(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: each organisation a ladder watches goes on its regulator's agenda when a trigger holds."""
    events: list[Event] = []
    for ladder in scenario.ladders.values():
        regulator = regulator_of(scenario, ladder)
        if regulator is None:
            continue
        for subject in scenario.roles_of_kind(*ladder.applies_to):
            for trigger in ladder.triggers:
                if holds(state, scenario, trigger.condition, subject):
                    topics = ("quality",) if "quality" in _metrics(trigger.condition) else ("money",)
                    state, more = add_agenda_item(
                        state, phase, regulator, subject, trigger.title, ladder.id, topics, once=True
                    )
                    events += more
    return state, events


# --- sanctions ----------------------------------------------------------------------------


def _check_ladder(state: GameState, scenario: Scenario, move: ImposeSanction | LiftSanction, power: str):
    ladder = scenario.ladders.get(move.ladder)
    if ladder is None:
        return refuse("unknown_ladder", move, f'There is no ladder called "{move.ladder}".')
    me = scenario.roles[move.actor]
    if power not in me.powers or me.kind != ladder.regulator:
        regulator = regulator_of(scenario, ladder)
        who = name_of(scenario, regulator) if regulator else ORG_KINDS[ladder.regulator]
        return refuse("no_power", move, f"Only {who} can act on {ladder.title}.")
    subject = state.orgs.get(move.subject)
    if subject is None or subject.kind not in ladder.applies_to:
        kind = f" ({ORG_KINDS[subject.kind]})" if subject else ""
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
    """One step up; the step's effects fall on the subject and the agenda items behind it are closed."""
    ladder = scenario.ladders[move.ladder]
    step = level(state, ladder.id, move.subject) + 1
    closed = open_items(state, move.actor, move.subject, ladder.id)
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
        f"{ladder.id}:{ladder.steps[step - 1].id}",
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


# --- inspection and assessment ----------------------------------------------------------


def _has_power(scenario: Scenario, move: Move, power: str) -> bool:
    return move.actor in scenario.roles and power in scenario.roles[move.actor].powers


def check_inspect(state: GameState, scenario: Scenario, move: Inspect):
    if not _has_power(scenario, move, "inspect"):
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
    rating = inspection_rating(subject.quality)
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
    if not _has_power(scenario, move, "assess_plan"):
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
    verdict = plan_verdict(credibility)
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
            move.actor,
            move.consortium,
            "Financial plan not credible",
            ladder.id if ladder else "",
            once=True,
        )
        events += more
    return state, events


# --- rulings and the agenda ---------------------------------------------------------------


def _words(setting: str) -> str:
    return setting.replace("_", " ")


def ruling_value(scenario: Scenario, setting: str, value: object) -> bool | int | float | str | None:
    """The value as the setting stores it, or None if of the wrong type (deadlines are months of the game)."""
    kind = RULE_SETTINGS[setting]
    if kind is bool:
        return value if isinstance(value, bool) else None
    if isinstance(value, bool):
        return None
    if kind is float and isinstance(value, int | float):
        return float(value)
    if kind is int:
        return value if isinstance(value, int) else None
    return value if isinstance(value, str) and value in scenario.months else None


def check_ruling(state: GameState, scenario: Scenario, move: MakeRuling):
    if move.actor != FACILITATOR and not _has_power(scenario, move, "rule"):
        rulers = (
            " or ".join(name_of(scenario, r) for r, x in scenario.roles.items() if "rule" in x.powers)
            or "the facilitator"
        )
        return refuse("no_power", move, f"Only {rulers} can make rulings on the rules.")
    if move.setting not in RULE_SETTINGS:
        return refuse("unknown_setting", move, f'"{move.setting}" is not a rule setting.')
    if ruling_value(scenario, move.setting, move.value) is None:
        wanted = {
            bool: "true or false",
            int: "a whole number",
            float: "a number",
            str: "a month of the game, e.g. 2013-10",
        }
        return refuse(
            "bad_value",
            move,
            f"{_words(move.setting).capitalize()} must be {wanted[RULE_SETTINGS[move.setting]]}.",
        )
    if move.request:
        request = state.requests.get(move.request)
        if request is None or request.kind != "request" or (move.actor != FACILITATOR and move.actor not in request.to):
            return refuse("unknown_request", move, "There is no such request for a ruling addressed to you.")
        if request.status != "open":
            return refuse("request_closed", move, "That request has already been answered or has lapsed.")
        if request.setting and request.setting != move.setting:
            return refuse(
                "other_setting",
                move,
                f"That request asks about {_words(request.setting)}, not {_words(move.setting)}.",
            )
    return None


def apply_ruling(state: GameState, scenario: Scenario, move: MakeRuling, phase: str) -> Outcome:
    """The rule changes at once; a request it settles is answered."""
    value = ruling_value(scenario, move.setting, move.value)
    previous = state.rules.get(move.setting)
    rule = Effect(kind="rule", setting=move.setting, value=value)
    state, changed = apply_effects(state, scenario, (rule,), None, (), phase, f"ruling by {move.actor}")
    events = [
        event(
            state,
            phase,
            "RulingMade",
            (move.actor,),
            topics=changed[0].topics,
            setting=move.setting,
            value=value,
            previous=previous,
            request=move.request or None,
        ),
        *changed,
    ]
    if move.request:
        shown = month_label(value) if isinstance(value, str) else value
        state, more = dialogue.answer_request(
            state,
            scenario,
            phase,
            move.request,
            move.actor,
            f"Ruled: {_words(move.setting)} = {shown}",
        )
        events += more
    return state, events


def check_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem):
    item = state.agendas.get(move.item)
    if item is None or item.regulator != move.actor:
        return refuse("not_your_item", move, "That item is not on your agenda.")
    if item.status != "open":
        return refuse("item_closed", move, "That item has already been dealt with.")
    return None


def apply_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem, phase: str) -> Outcome:
    """No event kind names a dismissal, so it is recorded as the regulator's decision."""
    item = evolve(state.agendas[move.item], status="dismissed")
    state = evolve(state, agendas={**state.agendas, item.id: item})
    return state, [
        event(
            state,
            phase,
            "DecisionTaken",
            (move.actor,),
            (move.actor, item.subject),
            ("governance",),
            decision="dismiss_agenda_item",
            item=item.id,
            subject=item.subject,
            ladder=item.ladder,
            reason=item.reason,
        )
    ]


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    me = scenario.roles[role]
    items = open_items(state, role)
    for ladder in scenario.ladders.values():
        if ladder.regulator != me.kind:
            continue
        reasons = {
            i.subject: i.reason
            for i in items
            if i.ladder == ladder.id or (not i.ladder and state.orgs[i.subject].kind in ladder.applies_to)
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
    if "assess_plan" in me.powers:
        for cid in scenario.roles_of_kind("consortium"):
            if state.orgs[cid].plan_credibility >= 0 and not state.orgs[cid].plan_assessed:
                yield AssessPlan(actor=role, consortium=cid)
    if "rule" in me.powers:
        for request in dialogue.open_requests(state):
            if request.kind == "request" and request.setting and role in request.to:
                current = state.rules[request.setting]
                values = (True, False) if isinstance(current, bool) else (current,)
                yield from (
                    MakeRuling(actor=role, setting=request.setting, value=v, request=request.id) for v in values
                )


# --- the kinds -----------------------------------------------------------------------------------

RUNG_WAIT = (0, 1, 3, 4)  # months a regulator bot waits on a rung before climbing to the next
FINAL_WAIT = 6  # the ultimate sanction comes only after half a year on the rung below


def describe_impose(state: GameState, scenario: Scenario, move: ImposeSanction) -> str:
    ladder = scenario.ladders.get(move.ladder)
    step = next_step(state, scenario, move.ladder, move.subject)
    return f"{ladder.title if ladder else words(move.ladder)}: {step} for {short(scenario, move.subject)}"


def describe_lift(state: GameState, scenario: Scenario, move: LiftSanction) -> str:
    return f"Lift a step of {words(move.ladder)} for {short(scenario, move.subject)}"


def describe_inspect(state: GameState, scenario: Scenario, move: Inspect) -> str:
    return f"Inspect {short(scenario, move.subject)}"


def describe_assess(state: GameState, scenario: Scenario, move: AssessPlan) -> str:
    return f"Assess {possessive(short(scenario, move.consortium))} financial plan"


def describe_ruling(state: GameState, scenario: Scenario, move: MakeRuling) -> str:
    return f"Rule that {rule_words(move.setting, move.value)}"


def describe_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem) -> str:
    item = state.agendas.get(move.item)
    return f"Take no action on: {item.reason if item else move.item}"


def score_impose(judge: Judge, move: ImposeSanction) -> float:
    """A bot climbs a ladder only for an open agenda item, after waiting on each rung; the top only if it enforces."""
    state, role, wants = judge.state, judge.role, judge.wants
    key = f"{move.ladder}|{move.subject}"
    step = state.ladders.get(key, 0)
    waited = state.month_index - state.ladder_since.get(key, -100)
    top = len(judge.scenario.ladders[move.ladder].steps) - 1  # the step that would reach the ultimate sanction
    wait = RUNG_WAIT[min(step, len(RUNG_WAIT) - 1)] if step < top else FINAL_WAIT
    on_agenda = any(
        i.status == "open" and i.regulator == role and i.subject == move.subject and i.ladder in ("", move.ladder)
        for i in state.agendas.values()
    )
    ready = on_agenda and waited >= wait and (step < top or "enforce" in wants)
    return 3.0 + (2.5 if "enforce" in wants else 0.5) if ready else 0.0


def score_inspect(judge: Judge, move: Inspect) -> float:
    return 2.0 + (4.0 if judge.state.orgs[move.subject].quality < 68 else 0.0)


def score_ruling(judge: Judge, move: MakeRuling) -> float:
    steady = move.value == judge.state.rules.get(move.setting)  # regulators rarely reverse their own rulings
    keen = move.value is True and judge.settings.cooperation >= 0.5
    return 5.0 + (1.5 if steady else 0.0) + (1.0 if keen else 0.0)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=ImposeSanction,
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
        move=AssessPlan,
        check=check_assess,
        apply=apply_assess,
        legal=legal,
        family="regulate",
        describe=describe_assess,
        fields=no_fields,
        score=lambda judge, move: 6.0,
        bound=at_most(6.0),
        follow_up=True,
    ),
    MoveKind(
        move=MakeRuling,
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
HANDLERS: Handlers = handlers_of(KINDS)
