"""Checks on scenario.toml: the calendar, phases, rules, activities, schemes, ladders, observer themes and
the [balance] tuning numbers."""

from __future__ import annotations

import re

from ...vocabulary import catalogue as cat
from ..diagnostics import KeyPath
from ..model import Balance, Labels, Measure, Routing, ScenarioFile, Theme
from ..scenario import group_turns, parse_month
from .effects import Context, check_condition, check_effects
from .shared import (
    World,
    between,
    check_month,
    check_placeholders,
    check_word,
    check_words,
    not_negative,
    unique,
)

PHASE_KINDS = ("news", "turns", "resolution")
SETTINGS = ("acute", "community", "mental_health", "primary")
MEASURE_KINDS = tuple(cat.MEASURES)


def check_scenario(w: World, file: str, s: ScenarioFile) -> None:
    cal = s.calendar
    check_month(w, file, ("calendar", "start"), cal.start)
    check_month(w, file, ("calendar", "end"), cal.end)
    start, end = parse_month(cal.start), parse_month(cal.end)
    if start and end and end < start:
        w.error(file, ("calendar", "end"), f"the calendar ends ({cal.end}) before it starts ({cal.start})")
    months = w.months or ()
    seen: set[str] = set()
    for g, group in enumerate(cal.merged):
        for i, month in enumerate(group):
            check_month(w, file, ("calendar", "merged", g, i), month)
            if month in seen:
                w.error(file, ("calendar", "merged", g, i), f"{month} is merged into more than one turn")
            seen.add(month)
        if len(group) < 2:
            w.error(file, ("calendar", "merged", g), "a merged turn needs at least two months")
        elif all(m in months for m in group):
            positions = [months.index(m) for m in group]
            if positions != list(range(positions[0], positions[0] + len(group))):
                w.error(file, ("calendar", "merged", g), "merged months must follow one another in order")
    if months and not group_turns(months, cal.merged):
        w.error(file, ("calendar",), "the calendar has no turns")

    unique(w, file, ("phases",), (p.id for p in s.phases), "phase")
    if not s.phases:
        w.error(file, ("phases",), "a month needs at least one phase")
    if s.phases and not any(p.kind == "resolution" for p in s.phases):
        w.error(file, ("phases",), 'a month needs a phase of kind "resolution", where money and activity are settled')
    for i, phase in enumerate(s.phases):
        path = ("phases", i)
        check_word(w, file, (*path, "kind"), phase.kind, PHASE_KINDS, "kind of phase")
        check_words(w, file, (*path, "kinds"), phase.kinds, cat.KINDS, "kind of organisation")
        check_words(w, file, (*path, "roles"), phase.roles, w.role_kinds, "role")
        if phase.kind == "turns" and not (phase.kinds or phase.roles):
            w.error(file, path, 'a "turns" phase needs "kinds" or "roles": who takes a turn in it')
        if phase.kind != "turns" and (phase.kinds or phase.roles):
            w.error(file, path, f'only "turns" phases have organisations taking turns; this one is "{phase.kind}"')
        if phase.minutes < 0:
            w.error(file, (*path, "minutes"), f"minutes cannot be negative, but it is {phase.minutes}")
    turns = [p for p in s.phases if p.kind == "turns"]
    idle = [rid for rid, kind in w.role_kinds.items() if not any(kind in p.kinds or rid in p.roles for p in turns)]
    if s.phases and idle:
        w.warn(
            file,
            ("phases",),
            'no "turns" phase lists the kind or id of these organisations, so they can never act: ' + ", ".join(idle),
        )

    rules = s.rules
    for name in ("plan_deadline", "contract_deadline"):
        check_month(w, file, ("rules", name), getattr(rules, name))
    planners = [rid for rid, (_, role) in w.roles.items() if {"submit_plan", "assess_plan"} & set(role.powers)]
    if rules.plan_deadline is None and planners:
        w.warn(
            file,
            ("rules",),
            'there is no "plan_deadline", so this game has no financial plans, and these organisations\' plan powers'
            " are never used: " + ", ".join(planners),
        )
    check_word(
        w, file, ("rules", "default_contract"), rules.default_contract, cat.COMMISSIONING_KINDS, "kind of contract"
    )
    for name in (
        "top_slice_percent",
        "marginal_emergency_rate_percent",
        "quality_premium_percent",
        "competition_share_threshold_percent",
    ):
        between(w, file, ("rules", name), getattr(rules, name), 0, 100)
    between(w, file, ("rules", "quality_premium_threshold"), rules.quality_premium_threshold, 0, 100)
    not_negative(w, file, ("rules", "competition_review_months"), rules.competition_review_months, "a review's length")

    check_balance(w, file, s.balance)
    check_routing(w, file, s.routing)
    check_labels(w, file, s.labels)

    for month in s.economy.seasonality:
        check_month(w, file, ("economy", "seasonality", month), month)

    unique(w, file, ("activities",), (a.id for a in s.activities), "activity")
    if not s.activities:
        w.error(file, ("activities",), "the scenario needs at least one activity")
    for i, act in enumerate(s.activities):
        not_negative(w, file, ("activities", i, "price"), act.price, "a price")
        not_negative(w, file, ("activities", i, "per_1000_per_month"), act.per_1000_per_month, "a rate of activity")
        check_word(w, file, ("activities", i, "setting"), act.setting, SETTINGS, "care setting")

    activities = w.activities or set()
    unique(w, file, ("schemes",), (x.id for x in s.schemes), "scheme")
    for i, scheme in enumerate(s.schemes):
        path = ("schemes", i)
        check_word(w, file, (*path, "activity"), scheme.activity, activities, "activity")
        not_negative(w, file, (*path, "cost"), scheme.cost, "a scheme's cost")
        not_negative(w, file, (*path, "lag_months"), scheme.lag_months, "a lag")
        between(w, file, (*path, "reduction_percent"), scheme.reduction_percent, 0, 100)
        check_words(w, file, (*path, "partner_kinds"), scheme.partner_kinds, cat.PROVIDER_KINDS, "kind of provider")
        check_words(w, file, (*path, "tags"), scheme.tags, cat.TOPICS, "topic")
        check_words(w, file, (*path, "purposes"), scheme.purposes, cat.SCHEME_PURPOSES, "scheme purpose")

    unique(w, file, ("ladders",), (x.id for x in s.ladders), "ladder")
    for i, ladder in enumerate(s.ladders):
        path = ("ladders", i)
        check_word(w, file, (*path, "regulator"), ladder.regulator, cat.REGULATOR_KINDS, "regulator")
        check_words(w, file, (*path, "applies_to"), ladder.applies_to, cat.KINDS, "kind of organisation")
        if not ladder.steps:
            w.error(file, (*path, "steps"), "a ladder needs at least one step")
        unique(w, file, (*path, "steps"), (x.id for x in ladder.steps), "step")
        ctx = Context(self_kinds=set(ladder.applies_to), no_self="")
        for j, step in enumerate(ladder.steps):
            check_effects(w, file, (*path, "steps", j, "effects"), step.effects, ctx)
        unique(w, file, (*path, "triggers"), (x.id for x in ladder.triggers), "trigger")
        trig_ctx = Context(self_kinds=set(ladder.applies_to), is_trigger=True)
        for j, trigger in enumerate(ladder.triggers):
            check_condition(w, file, (*path, "triggers", j, "condition"), trigger.condition, trig_ctx)

    unique(w, file, ("themes",), (x.id for x in s.themes), "theme")
    for i, theme in enumerate(s.themes):
        check_theme(w, file, i, theme)


def check_theme(w: World, file: str, i: int, theme: Theme) -> None:
    """A theme's measure either counts events (`of`, `against`) or reads the organisations' graph (`kinds`,
    `asks`, `members`); the keys of the one make no sense in the other, and its text can quote only what
    its measure gives."""
    path = ("themes", i, "measure")
    m = theme.measure
    check_word(w, file, (*path, "kind"), m.kind, MEASURE_KINDS, "kind of measure")
    if m.kind in cat.GRAPH_MEASURES:
        _check_graph_measure(w, file, path, m)
    else:
        _check_event_measure(w, file, path, m)
    tests = [name for name in cat.MEASURE_TESTS if getattr(m, name) is not None]
    if not tests:
        w.error(file, path, 'a measure needs a test: "at_least", "at_most", "above" or "below" a value')
    if m.kind not in ("median",):
        for name in tests:
            not_negative(w, file, (*path, name), getattr(m, name), "a threshold")
    low = max((v for v in (m.at_least, m.above) if v is not None), default=None)
    high = min((v for v in (m.at_most, m.below) if v is not None), default=None)
    if (
        low is not None
        and high is not None
        and (low > high or (low == high and (m.above is not None or m.below is not None)))
    ):
        w.error(file, path, f"no value can pass these tests together ({', '.join(tests)}): the theme could never hold")
    for name in ("games_at_least", "games_at_most"):
        between(w, file, ("themes", i, name), getattr(theme, name), 0, 100)
    if (
        theme.games_at_least is not None
        and theme.games_at_most is not None
        and theme.games_at_least > theme.games_at_most
    ):
        w.error(file, ("themes", i), "games_at_least is above games_at_most: no sweep could meet both")
    check_placeholders(w, file, ("themes", i, "text"), theme.text, cat.THEME_PLACEHOLDERS, "an observer theme")
    used = set(_PLACEHOLDER.findall(theme.text))
    if "names" in used and m.kind not in cat.GRAPH_MEASURES:
        w.error(
            file,
            ("themes", i, "text"),
            f'"{{names}}" lists the organisations a graph measure names; {_a(m.kind)} measure names none',
        )
    elif "groups" in used and m.kind not in cat.CLUSTER_MEASURES:
        w.error(
            file,
            ("themes", i, "text"),
            f'"{{groups}}" lists the clusters alliances drew; only "clusters" and "alone" measures find them,'
            f" not {_a(m.kind)} measure",
        )


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _a(kind: str) -> str:
    """'a "share"', 'an "unanswered"': the kind of measure with its article."""
    return f'{"an" if kind[:1] in "aeiou" else "a"} "{kind}"'


def _check_event_measure(w: World, file: str, path: KeyPath, m: Measure) -> None:
    if m.of is None:
        w.error(file, path, f'{_a(m.kind)} measure needs "of": the events it counts')
    if m.kind in ("ratio", "share") and m.against is None:
        w.error(file, path, f'a "{m.kind}" measure needs "against": what the events are compared with')
    if m.kind == "count" and m.against is not None:
        w.error(file, (*path, "against"), 'a "count" measure compares with nothing; remove "against"')
    for name, flt in (("of", m.of), ("against", m.against)):
        if flt is None:
            continue
        check_words(w, file, (*path, name, "events"), flt.events, cat.EVENT_KINDS, "event")
        check_words(w, file, (*path, name, "topics"), flt.topics, cat.TOPICS, "topic")
        check_words(w, file, (*path, name, "from_kinds"), flt.from_kinds, cat.KINDS, "kind of organisation")
        check_words(w, file, (*path, name, "to_kinds"), flt.to_kinds, cat.KINDS, "kind of organisation")
        known = _field_names(flt.events)
        for key in flt.fields:
            check_word(w, file, (*path, name, "fields", key), key, known, "field of these events")
    if m.value_of and m.value_of not in _field_names(m.of.events if m.of else ()):
        check_word(
            w, file, (*path, "value_of"), m.value_of, _field_names(m.of.events if m.of else ()), "field of these events"
        )
    if m.kind == "median" and not m.value_of:
        w.error(file, path, 'a "median" measure needs "value_of": the field whose middle value it takes')
    graph_keys = [name for name in ("kinds", "asks") if getattr(m, name)]
    graph_keys += ["members"] if m.members is not None else []
    for name in graph_keys:
        w.error(
            file,
            (*path, name),
            f'"{name}" is for the graph measures ({", ".join(sorted(cat.GRAPH_MEASURES))}); {_a(m.kind)} measure'
            ' picks its events with "of"',
        )


def _field_names(events: tuple[str, ...]) -> set[str]:
    """The fields a filter may test: those of the events it names, or of every event kind when it names none."""
    kinds = events or tuple(cat.EVENT_KINDS)
    return {name for kind in kinds for name in cat.EVENT_DATA_KEYS.get(kind, ())}


def _check_graph_measure(w: World, file: str, path: KeyPath, m: Measure) -> None:
    for name in ("of", "against"):
        if getattr(m, name) is not None:
            w.error(
                file,
                (*path, name),
                f'"{name}" picks events to count, but {_a(m.kind)} measure reads who asked, met and allied with'
                f' whom; remove "{name}" and say whom it is about with "kinds"',
            )
    if not m.kinds:
        w.error(file, path, f'{_a(m.kind)} measure needs "kinds": the kinds of organisation it is about')
    check_words(w, file, (*path, "kinds"), m.kinds, cat.KINDS, "kind of organisation")
    check_words(w, file, (*path, "asks"), m.asks, cat.ASKS, "kind of ask")
    if m.kind in cat.CLUSTER_MEASURES:
        if m.asks:
            w.error(file, (*path, "asks"), f'{_a(m.kind)} measure counts alliances, not asks; remove "asks"')
        if m.members is not None and m.members < 2:
            w.error(file, (*path, "members"), f"a cluster has at least two members, but this says {m.members}")
        if m.at_least is not None and m.at_least < 1:
            w.error(
                file,
                (*path, "at_least"),
                f"{_a(m.kind)} measure counts {'clusters' if m.kind == 'clusters' else 'organisations'}: with"
                f" at_least below 1 its note would show when there were none",
            )
    else:
        if m.members is not None:
            w.error(
                file,
                (*path, "members"),
                f'"members" is the size of a cluster; {_a(m.kind)} measure has none (only "clusters" and "alone" do)',
            )
        between(w, file, (*path, "at_least"), m.at_least, 0, 100)
        if m.kind == "unanswered" and m.at_least is None:
            w.error(file, path, 'an "unanswered" measure needs "at_least": the share of unanswered asks that counts')


def _check_addressee(w: World, file: str, path: tuple, kind: str, power: str) -> None:
    """A route names who answers by kind or by power: exactly one of the two."""
    if bool(kind) == bool(power):
        w.error(
            file, path, 'a route names who it goes to by "to" (a kind of organisation) or by "to_power", one of the two'
        )
    if kind:
        check_word(w, file, (*path, "to"), kind, cat.KINDS, "kind of organisation")
    if power:
        check_word(w, file, (*path, "to_power"), power, cat.POWERS, "power")


def check_routing(w: World, file: str, r: Routing) -> None:
    """Every kind, power, topic and rule setting a route names is one the game knows."""
    for i, concern in enumerate(r.concerns):
        path = ("routing", "concerns", i)
        check_words(w, file, (*path, "about"), concern.about, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "topic"), concern.topic, cat.TOPICS, "topic")
        _check_addressee(w, file, path, concern.to, concern.to_power)
    for i, request in enumerate(r.requests):
        path = ("routing", "requests", i)
        check_words(w, file, (*path, "by"), request.by, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "topic"), request.topic, cat.TOPICS, "topic")
        _check_addressee(w, file, path, request.to, request.to_power)
        if request.setting:
            check_word(w, file, (*path, "setting"), request.setting, cat.RULE_SETTINGS, "rule setting")
    for i, meeting in enumerate(r.meetings):
        path = ("routing", "meetings", i)
        check_words(w, file, (*path, "by"), meeting.by, cat.KINDS, "kind of organisation")
        check_words(w, file, (*path, "invite"), meeting.invite, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "topic"), meeting.topic, cat.TOPICS, "topic")
        if not meeting.invite:
            w.error(file, (*path, "invite"), "a meeting route invites at least one kind of organisation")
    for i, objection in enumerate(r.objections):
        path = ("routing", "objections", i)
        check_words(w, file, (*path, "by"), objection.by, cat.KINDS, "kind of organisation")
        if not objection.by:
            w.error(file, (*path, "by"), "an objection route names at least one kind of organisation")
    for i, info in enumerate(r.information):
        path = ("routing", "information", i)
        check_words(w, file, (*path, "by"), info.by, cat.KINDS, "kind of organisation")
        check_words(w, file, (*path, "to"), info.to, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "topic"), info.topic, cat.TOPICS, "topic")
    for i, question in enumerate(r.questions):
        path = ("routing", "questions", i)
        check_words(w, file, (*path, "by"), question.by, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "topic"), question.topic, cat.TOPICS, "topic")
        _check_addressee(w, file, path, question.to, question.to_power)
        if question.to and question.to not in cat.REGULATOR_KINDS:
            w.error(file, (*path, "to"), f"questions about rules go to a regulator ({', '.join(cat.REGULATOR_KINDS)})")
        if not question.rule.strip():
            w.error(file, (*path, "rule"), "a question route says what it asks about the rule")
    for i, commitment in enumerate(r.commitments):
        path = ("routing", "commitments", i)
        check_words(w, file, (*path, "by"), commitment.by, cat.KINDS, "kind of organisation")
        check_words(w, file, (*path, "to"), commitment.to, cat.KINDS, "kind of organisation")
        check_word(w, file, (*path, "priority"), commitment.priority, cat.BOT_PRIORITIES, "priority")
        if not commitment.by or not commitment.to:
            w.error(file, path, "a commitment route names who asks and who is asked")
    for i, lead in enumerate(r.leads):
        path = ("routing", "leads", i)
        check_words(w, file, (*path, "by"), lead.by, cat.PROVIDER_KINDS, "kind of provider")
        check_words(w, file, (*path, "to"), lead.to, ("consortium",), "kind of commissioner")


def check_labels(w: World, file: str, labels: Labels) -> None:
    """A label renames a kind the game knows, with words for one and for many."""
    for kind, label in labels.kinds.items():
        path = ("labels", "kinds", kind)
        if check_word(w, file, path, kind, cat.KINDS, "kind of organisation"):
            for name in ("singular", "plural"):
                if not getattr(label, name).strip():
                    w.error(file, (*path, name), "write some words here: it is empty")


def check_balance(w: World, file: str, b: Balance) -> None:
    """The tuning numbers in the ranges the rules can use: chances 0 to 1, months and points not negative."""
    for name in ("request_lapse_months", "proposal_lapse_months", "analytics_lag_months", "closure_delay_limit"):
        not_negative(w, file, ("balance", name), getattr(b, name), "a number of months")
    for name in ("expertise_cost", "expertise_months", "expertise_trust", "expertise_partners"):
        not_negative(w, file, ("balance", name), getattr(b, name))
    for name in (
        "plan_points_base",
        "plan_points_coverage",
        "plan_points_analytics",
        "plan_points_needs",
        "plan_points_hopeful",
        "plan_challenge_cost",
    ):
        not_negative(w, file, ("balance", name), getattr(b, name), "a number of credibility points")
    not_negative(w, file, ("balance", "recruit_cost"), b.recruit_cost, "a cost")
    not_negative(w, file, ("balance", "surprise_from"), b.surprise_from, "an amount")
    not_negative(w, file, ("balance", "recruit_most"), b.recruit_most, "a number of posts")
    for name in ("plan_realistic_factor", "quality_strain", "new_work_cost", "scheme_delivery_cost"):
        not_negative(w, file, ("balance", name), getattr(b, name), "a multiple")
    for name in ("closure_objection_cost", "dispute_claim"):
        not_negative(w, file, ("balance", name), getattr(b, name), "an amount of money")
    between(w, file, ("balance", "consultation_referral_percent"), b.consultation_referral_percent, -100, 100)
    for name in (
        "answer_trust",
        "meeting_trust",
        "plan_challenge_trust",
        "closure_override_trust",
        "dispute_trust",
        "mediation_trust",
        "mediation_loser_trust",
        "deadline_met_trust",
        "deadline_missed_trust",
    ):
        between(w, file, ("balance", name), getattr(b, name), -100, 100)
    for name in ("scheme_failure_base", "scheme_failure_weak_partner", "scheme_failure_distrust"):
        value = getattr(b, name)
        if not 0 <= value <= 1:
            w.error(file, ("balance", name), f"a chance is written from 0 to 1 (0.05 is 5%), but it is {value:g}")
    for name in (
        "plan_needs_trust",
        "scheme_weak_quality",
        "scheme_low_trust",
        "rating_good_from",
        "rating_requires_improvement_from",
        "verdict_credible_from",
        "verdict_needs_work_from",
    ):
        between(w, file, ("balance", name), getattr(b, name), 0, 100)
    if b.scheme_board_limit > 0:
        w.error(
            file,
            ("balance", "scheme_board_limit"),
            f"the deepest deficit a board allows is written as a negative balance, but it is {b.scheme_board_limit}",
        )
    for high, low in (
        ("rating_good_from", "rating_requires_improvement_from"),
        ("verdict_credible_from", "verdict_needs_work_from"),
    ):
        if getattr(b, high) < getattr(b, low):
            w.error(
                file,
                ("balance", low),
                f"the bands must fall in order: {low} ({getattr(b, low)}) is above {high} ({getattr(b, high)})",
            )
