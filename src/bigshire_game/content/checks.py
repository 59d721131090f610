"""Cross-file checks that a well-typed file can still fail: unknown ids, months
outside the calendar, impossible targets, negative money, unreachable cards.

Each check reports (file, key path, message[, severity]); the loader turns the
path into a line. A piece that failed to read is simply absent, so its mistakes
are reported once, where they are, and not again as broken references.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from attrs import define, field

from ..vocabulary import catalogue as cat
from .diagnostics import KeyPath, one_of, suggest
from .model import Card, Condition, DeckInfo, Effect, NarrativeFile, Role, ScenarioFile
from .scenario import group_turns, month_range, parse_month

Problem = tuple[str, KeyPath, str, str]  # file, path, message, severity

REGULATOR_KINDS = ("monitor", "cqc", "nhscb")
PHASE_KINDS = ("news", "turns", "resolution")
SETTINGS = ("acute", "community", "mental_health", "primary")
MEASURE_KINDS = ("count", "ratio", "share")


@define
class World:
    """What the checks need to know about the whole scenario."""

    scenario: ScenarioFile | None = None
    scenario_file: str = ""
    roles: dict[str, tuple[str, Role]] = field(factory=dict)  # id -> (file, role)
    role_kinds: dict[str, str] = field(factory=dict)  # includes roles that failed to read
    cards: dict[str, tuple[str, KeyPath, Card]] = field(factory=dict)
    card_ids: set[str] = field(factory=set)  # includes cards that failed to read
    decks: list[tuple[str, DeckInfo]] = field(factory=list)
    narratives: list[tuple[str, NarrativeFile]] = field(factory=list)
    problems: list[Problem] = field(factory=list)

    @property
    def months(self) -> tuple[str, ...] | None:
        if self.scenario is None:
            return None
        return month_range(self.scenario.calendar.start, self.scenario.calendar.end)

    @property
    def activities(self) -> set[str] | None:
        return None if self.scenario is None else {a.id for a in self.scenario.activities}

    def error(self, file: str, path: KeyPath, message: str) -> None:
        self.problems.append((file, path, message, "error"))

    def warn(self, file: str, path: KeyPath, message: str) -> None:
        self.problems.append((file, path, message, "warning"))


def check_all(world: World) -> list[Problem]:
    if world.scenario is not None:
        _scenario(world, world.scenario_file, world.scenario)
    for _rid, (file, role) in world.roles.items():
        _role(world, file, role)
    _deck_ids(world)
    for _cid, (file, path, card) in world.cards.items():
        _card(world, file, path, card)
    _unreachable_cards(world)
    for file, narrative in world.narratives:
        _narrative(world, file, narrative)
    return world.problems


# --- small reusable checks ------------------------------------------------------


def _month(w: World, file: str, path: KeyPath, value: str | None) -> None:
    if value is None:
        return
    if parse_month(value) is None:
        w.error(file, path, f'"{value}" is not a month; write months as "2013-10" (year, dash, two-digit month)')
        return
    months = w.months
    if months and value not in months:  # no months: the calendar itself is wrong, and reported
        w.error(file, path, f"{value} is outside the calendar, which runs from {months[0]} to {months[-1]}")


def _word(w: World, file: str, path: KeyPath, value: str, allowed: Iterable[str], what: str) -> bool:
    if value in allowed:  # allowed is a set or dict: no copy on the common, correct path
        return True
    pool = set(allowed)
    hint = suggest(value, pool) or (f" Use one of {one_of(pool)}." if pool else "")
    w.error(file, path, f'"{value}" is not a known {what}.{hint}')
    return False


def _words(w: World, file: str, path: KeyPath, values: Iterable[str], allowed: Iterable[str], what: str) -> None:
    pool = allowed if isinstance(allowed, set | dict | frozenset) else set(allowed)
    for i, value in enumerate(values):
        _word(w, file, (*path, i), value, pool, what)


def _not_negative(w: World, file: str, path: KeyPath, value: float | None, what: str = "this amount") -> None:
    if value is not None and value < 0:
        w.error(file, path, f"{what} cannot be negative, but it is {value:g}")


def _between(w: World, file: str, path: KeyPath, value: float | None, low: float, high: float) -> None:
    if value is not None and not low <= value <= high:
        w.error(file, path, f"must be between {low:g} and {high:g}, but it is {value:g}")


def _unique(w: World, file: str, path: KeyPath, ids: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            w.error(file, (*path, i, "id"), f'the {what} id "{value}" is used twice in this list')
        seen.add(value)


# --- targets: which organisations a word can stand for ---------------------------


def _target_kinds(w: World, word: str, self_kinds: set[str] | None, audience: set[str] | None) -> set[str] | None:
    """The kinds of organisation a target word may stand for; None when unknown."""
    if word == "self":
        return self_kinds
    if word == "audience":
        return audience
    if word == "everyone":
        return set(cat.KINDS)
    if word in cat.KINDS:
        return {word}
    if word in w.role_kinds:
        kind = w.role_kinds[word]
        return {kind} if kind in cat.KINDS else None  # an unknown kind is reported in the role's own file
    return None


def _target(
    w: World, file: str, path: KeyPath, word: str, ctx: _Context, needs: frozenset[str] | None = None, what: str = ""
) -> None:
    allowed = set(w.role_kinds) | set(cat.KINDS) | set(cat.TARGET_WORDS)
    if word not in allowed:
        hint = suggest(word, allowed) or ' Use a role id, a kind of organisation, "self", "audience" or "everyone".'
        w.error(file, path, f'"{word}" is not an organisation, a kind of organisation or a target word.{hint}')
        return
    if word == "self" and ctx.self_kinds is None:
        w.error(file, path, f'"self" means nobody here: {ctx.no_self}')
        return
    if word == "audience" and ctx.audience is None:
        w.error(file, path, '"audience" means nobody here: only a card has an audience')
        return
    kinds = _target_kinds(w, word, ctx.self_kinds, ctx.audience)
    if needs is not None and kinds is not None and not kinds & needs:
        names = " or ".join(sorted(_plural(cat.KINDS[k]) for k in kinds))
        works_on = ", ".join(sorted(_plural(cat.KINDS[k]) for k in needs))
        w.error(file, path, f'{what} only works on {works_on}; "{word}" means {names}, so it would change nothing')


def _plural(noun: str) -> str:
    if noun.endswith("consortium"):
        return noun[:-2] + "a"
    if noun.endswith("y"):
        return noun[:-1] + "ies"
    return noun if "," in noun else noun + "s"


@define
class _Context:
    self_kinds: set[str] | None = None
    audience: set[str] | None = None
    no_self: str = "there is no deciding organisation"
    is_trigger: bool = False


# --- conditions and effects ----------------------------------------------------


def _condition(w: World, file: str, path: KeyPath, cond: Condition, ctx: _Context) -> None:
    forms = [
        name for name in ("metric", "rule", "card", "all_of", "any_of", "none_of") if getattr(cond, name) is not None
    ]
    if len(forms) != 1:
        found = ", ".join(f'"{f}"' for f in forms) or "none"
        w.error(
            file,
            path,
            f'a condition needs exactly one of "metric", "rule", "card", "all_of", "any_of" or "none_of"; found {found}',
        )
        return
    form = forms[0]
    if form == "metric":
        _word(w, file, (*path, "metric"), cond.metric, cat.METRICS, "metric")
        tests = [t for t in cat.CONDITION_TESTS if getattr(cond, t) is not None]
        if len(tests) != 1:
            found = " and ".join(f'"{t}"' for t in tests) if tests else "none"
            w.error(
                file,
                (*path, tests[1]) if len(tests) > 1 else path,
                f'a metric condition needs exactly one test ("above", "below", "at_least" or "at_most"); it has {found}',
            )
        if cond.of is None and not ctx.is_trigger:
            w.error(file, path, 'say whose metric this is with "of" (a role id, a kind, or "self")')
        elif cond.of is not None:
            _target(w, file, (*path, "of"), cond.of, ctx)
        if cond.metric == "sanction_level" and cond.ladder is None:
            w.error(file, path, 'a "sanction_level" condition needs "ladder" (which regulator\'s ladder)')
        if cond.ladder is not None and w.scenario is not None:
            _word(w, file, (*path, "ladder"), cond.ladder, {ladder.id for ladder in w.scenario.ladders}, "ladder")
    elif form == "rule":
        if _word(w, file, (*path, "rule"), cond.rule, cat.RULE_SETTINGS, "rule setting"):
            if cond.equals is None:
                w.error(file, path, 'a rule condition needs "equals" (the value the rule must have)')
            else:
                _rule_value(w, file, (*path, "equals"), cond.rule, cond.equals)
    elif form == "card":
        if _word(w, file, (*path, "card"), cond.card, w.card_ids, "card") and cond.option is not None:
            entry = w.cards.get(cond.card)
            if entry is not None:
                options = {o.id for o in entry[2].options}
                _word(w, file, (*path, "option"), cond.option, options, f'option of card "{cond.card}"')
    else:
        parts = getattr(cond, form)
        if not parts:
            w.error(file, (*path, form), f'"{form}" needs at least one condition')
        for i, part in enumerate(parts):
            _condition(w, file, (*path, form, i), part, ctx)
    stray = [
        name
        for name in ("of", "ladder", *cat.CONDITION_TESTS, "equals", "published", "option")
        if getattr(cond, name) is not None and name not in _CONDITION_FIELDS[form]
    ]
    for name in stray:
        w.error(file, (*path, name), f'"{name}" does not belong in a "{form}" condition')


_CONDITION_FIELDS = {
    "metric": {"metric", "of", "ladder", *cat.CONDITION_TESTS},
    "rule": {"rule", "equals"},
    "card": {"card", "published", "option"},
    "all_of": set(),
    "any_of": set(),
    "none_of": set(),
}


def _rule_value(w: World, file: str, path: KeyPath, setting: str, value: object) -> None:
    kind = cat.RULE_SETTINGS[setting]
    names = {bool: "true or false", float: "a number", int: "a whole number", str: 'a month such as "2013-10"'}
    ok = (
        isinstance(value, bool)
        if kind is bool
        else isinstance(value, int | float) and not isinstance(value, bool)
        if kind is float
        else isinstance(value, int) and not isinstance(value, bool)
        if kind is int
        else isinstance(value, str)
    )
    if not ok:
        w.error(file, path, f'the rule "{setting}" takes {names[kind]}, not {_show(value)}')
    elif kind is str:
        _month(w, file, path, value)  # both string settings are deadlines


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


_PERCENT_LIMIT = 100.0


def _effect(w: World, file: str, path: KeyPath, effect: Effect, ctx: _Context) -> None:
    if not _word(w, file, (*path, "kind"), effect.kind, cat.EFFECT_FIELDS, "kind of effect"):
        return
    required, optional = cat.EFFECT_FIELDS[effect.kind]
    present = {name for name in _EFFECT_FIELD_NAMES if getattr(effect, name) is not None}
    for name in sorted(required - present):
        w.error(file, path, f'a "{effect.kind}" effect needs "{name}"')
    for name in sorted(present - required - optional):
        w.error(file, (*path, name), f'"{name}" does not belong in a "{effect.kind}" effect')
    kind = effect.kind
    for name in ("target", "payer", "payee", "other", "source"):
        word = getattr(effect, name)
        if word is None or name not in required | optional:
            continue
        needs, what = _TARGET_NEEDS.get((kind, name), (None, ""))
        _target(w, file, (*path, name), word, ctx, needs, what)
    if effect.activity is not None and w.activities is not None:
        _word(w, file, (*path, "activity"), effect.activity, w.activities, "activity")
    if effect.activities is not None and w.activities is not None:
        _words(w, file, (*path, "activities"), effect.activities, w.activities, "activity")
    if kind == "transfer" and effect.amount is not None and effect.amount <= 0:
        w.error(file, (*path, "amount"), f"a transfer's amount must be more than 0, but it is {effect.amount}")
    if kind == "transfer" and effect.payer is not None and effect.payer == effect.payee:
        w.error(file, (*path, "payee"), "an organisation cannot pay itself")
    if (
        kind == "rule"
        and effect.setting is not None
        and (
            _word(w, file, (*path, "setting"), effect.setting, cat.RULE_SETTINGS, "rule setting")
            and effect.value is not None
        )
    ):
        _rule_value(w, file, (*path, "value"), effect.setting, effect.value)
    if kind == "agenda" and effect.regulator is not None:
        regs = set(REGULATOR_KINDS) | {r for r, k in w.role_kinds.items() if k in REGULATOR_KINDS}
        _word(w, file, (*path, "regulator"), effect.regulator, regs, "regulator (monitor, cqc or nhscb)")
    if effect.topic is not None:
        _word(w, file, (*path, "topic"), effect.topic, cat.TOPICS, "topic")
    if effect.card is not None:
        _word(w, file, (*path, "card"), effect.card, w.card_ids, "card")
    if effect.contract is not None:
        _word(w, file, (*path, "contract"), effect.contract, cat.CONTRACT_KINDS, "kind of contract")
    if kind == "offer" and effect.activities and effect.source in w.roles:
        offered = set(w.roles[effect.source][1].services)
        for i, activity in enumerate(effect.activities):
            if activity not in offered and (w.activities is None or activity in w.activities):
                w.error(
                    file,
                    (*path, "activities", i),
                    f'"{effect.source}" does not provide "{activity}", so it cannot offer it; its services are: {", ".join(sorted(offered)) or "none"}',
                )
    if kind == "offer":
        _not_negative(w, file, (*path, "annual_value"), effect.annual_value, "a contract's value")
        _between(w, file, (*path, "share_percent"), effect.share_percent, 0, 100)
        _between(w, file, (*path, "price_percent"), effect.price_percent, 1, 200)
    for name in ("months", "after"):
        value = getattr(effect, name)
        if value is not None and value < (1 if name == "months" else 0):
            w.error(file, (*path, name), f'"{name}" must be at least {1 if name == "months" else 0}, but it is {value}')
    if effect.percent is not None and kind in ("cost_base", "tariff", "demand", "referrals"):
        _between(w, file, (*path, "percent"), effect.percent, -_PERCENT_LIMIT, _PERCENT_LIMIT)
    if kind == "quality" and effect.amount is not None:
        _between(w, file, (*path, "amount"), effect.amount, -100, 100)
    if kind == "trust" and effect.amount is not None:
        _between(w, file, (*path, "amount"), effect.amount, -100, 100)


_EFFECT_FIELD_NAMES = tuple(name for fields in cat.EFFECT_FIELDS.values() for group in fields for name in group)
_EFFECT_FIELD_NAMES = tuple(sorted(set(_EFFECT_FIELD_NAMES)))

_TARGET_NEEDS: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("quality", "target"): (cat.CARE_PROVIDER_KINDS, "a quality effect"),
    ("referrals", "target"): (cat.COMMISSIONER_KINDS, "a referrals effect"),
    ("cost_base", "target"): (cat.PROVIDER_KINDS | cat.COMMISSIONER_KINDS, "a cost_base effect"),
    ("demand", "target"): (cat.COMMISSIONER_KINDS | cat.CARE_PROVIDER_KINDS, "a demand effect"),
    ("offer", "source"): (cat.PROVIDER_KINDS, "an offer"),
    ("offer", "target"): (cat.COMMISSIONER_KINDS, "an offer"),
    ("workload", "target"): (cat.SYSTEM_KINDS, "a workload effect"),
}


def _effects(w: World, file: str, path: KeyPath, effects: Iterable[Effect], ctx: _Context) -> None:
    for i, effect in enumerate(effects):
        _effect(w, file, (*path, i), effect, ctx)


# --- scenario.toml ---------------------------------------------------------------


def _scenario(w: World, file: str, s: ScenarioFile) -> None:
    cal = s.calendar
    _month(w, file, ("calendar", "start"), cal.start)
    _month(w, file, ("calendar", "end"), cal.end)
    start, end = parse_month(cal.start), parse_month(cal.end)
    if start and end and end < start:
        w.error(file, ("calendar", "end"), f"the calendar ends ({cal.end}) before it starts ({cal.start})")
    months = w.months or ()
    seen: set[str] = set()
    for g, group in enumerate(cal.merged):
        for i, month in enumerate(group):
            _month(w, file, ("calendar", "merged", g, i), month)
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

    _unique(w, file, ("phases",), (p.id for p in s.phases), "phase")
    if not s.phases:
        w.error(file, ("phases",), "a month needs at least one phase")
    if s.phases and not any(p.kind == "resolution" for p in s.phases):
        w.error(file, ("phases",), 'a month needs a phase of kind "resolution", where money and activity are settled')
    for i, phase in enumerate(s.phases):
        path = ("phases", i)
        _word(w, file, (*path, "kind"), phase.kind, PHASE_KINDS, "kind of phase")
        _words(w, file, (*path, "kinds"), phase.kinds, cat.KINDS, "kind of organisation")
        _words(w, file, (*path, "roles"), phase.roles, w.role_kinds, "role")
        if phase.kind == "turns" and not (phase.kinds or phase.roles):
            w.error(file, path, 'a "turns" phase needs "kinds" or "roles": who takes a turn in it')
        if phase.kind != "turns" and (phase.kinds or phase.roles):
            w.error(file, path, f'only "turns" phases have organisations taking turns; this one is "{phase.kind}"')
        if phase.minutes < 0:
            w.error(file, (*path, "minutes"), f"minutes cannot be negative, but it is {phase.minutes}")

    rules = s.rules
    for name in ("plan_deadline", "contract_deadline"):
        _month(w, file, ("rules", name), getattr(rules, name))
    _word(w, file, ("rules", "default_contract"), rules.default_contract, cat.CONTRACT_KINDS, "kind of contract")
    for name in (
        "top_slice_percent",
        "marginal_emergency_rate_percent",
        "quality_premium_percent",
        "competition_share_threshold_percent",
    ):
        _between(w, file, ("rules", name), getattr(rules, name), 0, 100)
    _between(w, file, ("rules", "quality_premium_threshold"), rules.quality_premium_threshold, 0, 100)
    _not_negative(w, file, ("rules", "competition_review_months"), rules.competition_review_months, "a review's length")

    for month in s.economy.seasonality:
        _month(w, file, ("economy", "seasonality", month), month)

    _unique(w, file, ("activities",), (a.id for a in s.activities), "activity")
    if not s.activities:
        w.error(file, ("activities",), "the scenario needs at least one activity")
    for i, act in enumerate(s.activities):
        _not_negative(w, file, ("activities", i, "price"), act.price, "a price")
        _not_negative(w, file, ("activities", i, "per_1000_per_month"), act.per_1000_per_month, "a rate of activity")
        _word(w, file, ("activities", i, "setting"), act.setting, SETTINGS, "care setting")

    activities = w.activities or set()
    _unique(w, file, ("schemes",), (x.id for x in s.schemes), "scheme")
    for i, scheme in enumerate(s.schemes):
        path = ("schemes", i)
        _word(w, file, (*path, "activity"), scheme.activity, activities, "activity")
        _not_negative(w, file, (*path, "cost"), scheme.cost, "a scheme's cost")
        _not_negative(w, file, (*path, "lag_months"), scheme.lag_months, "a lag")
        _between(w, file, (*path, "reduction_percent"), scheme.reduction_percent, 0, 100)
        _words(w, file, (*path, "partner_kinds"), scheme.partner_kinds, cat.PROVIDER_KINDS, "kind of provider")
        _words(w, file, (*path, "tags"), scheme.tags, cat.TOPICS, "topic")

    _unique(w, file, ("ladders",), (x.id for x in s.ladders), "ladder")
    for i, ladder in enumerate(s.ladders):
        path = ("ladders", i)
        _word(w, file, (*path, "regulator"), ladder.regulator, REGULATOR_KINDS, "regulator")
        _words(w, file, (*path, "applies_to"), ladder.applies_to, cat.KINDS, "kind of organisation")
        if not ladder.steps:
            w.error(file, (*path, "steps"), "a ladder needs at least one step")
        _unique(w, file, (*path, "steps"), (x.id for x in ladder.steps), "step")
        ctx = _Context(self_kinds=set(ladder.applies_to), no_self="")
        for j, step in enumerate(ladder.steps):
            _effects(w, file, (*path, "steps", j, "effects"), step.effects, ctx)
        _unique(w, file, (*path, "triggers"), (x.id for x in ladder.triggers), "trigger")
        trig_ctx = _Context(self_kinds=set(ladder.applies_to), is_trigger=True)
        for j, trigger in enumerate(ladder.triggers):
            _condition(w, file, (*path, "triggers", j, "condition"), trigger.condition, trig_ctx)

    _unique(w, file, ("themes",), (x.id for x in s.themes), "theme")
    for i, theme in enumerate(s.themes):
        path = ("themes", i, "measure")
        m = theme.measure
        _word(w, file, (*path, "kind"), m.kind, MEASURE_KINDS, "kind of measure")
        if m.kind in ("ratio", "share") and m.against is None:
            w.error(file, path, f'a "{m.kind}" measure needs "against": what the events are compared with')
        if m.kind == "count" and m.against is not None:
            w.error(file, (*path, "against"), 'a "count" measure compares with nothing; remove "against"')
        for name, flt in (("of", m.of), ("against", m.against)):
            if flt is None:
                continue
            _words(w, file, (*path, name, "events"), flt.events, cat.EVENT_KINDS, "event")
            _words(w, file, (*path, name, "topics"), flt.topics, cat.TOPICS, "topic")
            _words(w, file, (*path, name, "from_kinds"), flt.from_kinds, cat.KINDS, "kind of organisation")
            _words(w, file, (*path, name, "to_kinds"), flt.to_kinds, cat.KINDS, "kind of organisation")
        _not_negative(w, file, (*path, "at_least"), m.at_least, "a threshold")
        _placeholders(w, file, ("themes", i, "text"), theme.text, cat.THEME_PLACEHOLDERS, "an observer theme")


# --- roles/<id>.toml ---------------------------------------------------------------


def _role(w: World, file: str, role: Role) -> None:
    kind = role.kind
    months = w.months
    if not _word(w, file, ("kind",), kind, cat.KINDS, "kind of organisation"):
        return
    stem = file.rsplit("/", 1)[-1].removesuffix(".toml")
    if stem != role.id:
        w.warn(file, ("id",), f'the file is named "{stem}.toml" but the role\'s id is "{role.id}"; name them alike')
    _between(w, file, ("action_points",), role.action_points, 0, 10)
    if not role.goals:
        w.error(file, ("goals",), "give the organisation at least one goal")
    if w.activities is not None:
        _words(w, file, ("services",), role.services, w.activities, "activity")
    if role.services and kind not in cat.CARE_PROVIDER_KINDS:
        w.error(file, ("services",), f"only care providers deliver services; a {cat.KINDS[kind]} does not")
    _words(w, file, ("powers",), role.powers, cat.POWERS, "power")
    if role.powers and kind not in cat.SYSTEM_KINDS:
        w.error(file, ("powers",), f"only system bodies have powers; a {cat.KINDS[kind]} does not")
    _words(w, file, ("owners",), role.owners, w.role_kinds, "role")
    if kind in cat.CARE_PROVIDER_KINDS and role.quality is None:
        w.error(file, (), f'a {cat.KINDS[kind]} needs a starting "quality" score (0 to 100)')
    if role.quality is not None:
        if kind not in cat.CARE_PROVIDER_KINDS:
            w.error(file, ("quality",), f"only care providers have a quality score; a {cat.KINDS[kind]} does not")
        _between(w, file, ("quality",), role.quality, 0, 100)

    fin = role.finance
    for name in ("annual_allocation", "annual_cost_base", "other_income", "other_spend", "identified_savings"):
        _not_negative(w, file, ("finance", name), getattr(fin, name), "this amount of money")
    _between(w, file, ("finance", "variable_cost_percent"), fin.variable_cost_percent, 0, 100)
    if kind == "consortium":
        if fin.annual_allocation <= 0:
            w.error(file, ("finance",), 'a consortium needs an "annual_allocation" above 0')
        if role.population is None:
            w.error(file, (), "a consortium needs a [population] table")
        if not role.practices:
            w.error(file, (), "a consortium needs its member [[practices]]")
    else:
        if fin.annual_allocation:
            w.error(file, ("finance", "annual_allocation"), "only consortia receive an allocation")
        if role.population is not None:
            w.error(file, ("population",), "only consortia have a population")
        if role.practices:
            w.error(file, ("practices",), "only consortia have member practices")
        if role.contracts:
            w.error(file, ("contracts",), "contracts are written in the commissioning consortium's file")
    if role.population is not None:
        _not_negative(w, file, ("population", "size"), role.population.size, "a population")
        _between(w, file, ("population", "need_index"), role.population.need_index, 0.1, 5)
    _unique(w, file, ("practices",), (p.id for p in role.practices), "practice")
    for i, practice in enumerate(role.practices):
        _not_negative(w, file, ("practices", i, "list_size"), practice.list_size, "a list size")
        _between(w, file, ("practices", i, "referral_index"), practice.referral_index, 0.1, 5)

    providers = {r for r, k in w.role_kinds.items() if k in cat.PROVIDER_KINDS}
    for i, contract in enumerate(role.contracts):
        path = ("contracts", i)
        if contract.provider in w.role_kinds:
            if contract.provider not in providers:
                w.error(
                    file, (*path, "provider"), f'"{contract.provider}" is not a provider, so it cannot hold a contract'
                )
        else:
            _word(w, file, (*path, "provider"), contract.provider, providers, "provider")
        _word(w, file, (*path, "kind"), contract.kind, cat.CONTRACT_KINDS, "kind of contract")
        if w.activities is not None:
            _words(w, file, (*path, "activities"), contract.activities, w.activities, "activity")
        if contract.kind != "support" and not contract.activities:
            w.error(file, (*path, "activities"), "a care contract must cover at least one activity")
        _not_negative(w, file, (*path, "annual_value"), contract.annual_value, "a contract's value")
        _between(w, file, (*path, "share_percent"), contract.share_percent, 0, 100)
        _between(w, file, (*path, "price_percent"), contract.price_percent, 1, 200)
        if contract.kind in ("block", "risk_share", "support") and contract.annual_value <= 0:
            w.error(file, (*path, "annual_value"), f'a {contract.kind} contract needs an "annual_value" above 0')
        _month(w, file, (*path, "ends"), contract.ends)
        if months is not None and contract.ends in months and contract.ends == months[0]:
            w.warn(file, (*path, "ends"), "this contract ends in the first month of the game")

    _unique(w, file, ("decisions",), (d.id for d in role.decisions), "decision")
    ctx = _Context(self_kinds={kind})
    for i, decision in enumerate(role.decisions):
        path = ("decisions", i)
        if not decision.effects:
            w.error(file, (*path, "effects"), "a decision needs at least one effect")
        _words(w, file, (*path, "tags"), decision.tags, cat.TOPICS, "topic")
        if decision.condition is not None:
            _condition(w, file, (*path, "condition"), decision.condition, ctx)
        _effects(w, file, (*path, "effects"), decision.effects, ctx)

    for i, rel in enumerate(role.relationships):
        path = ("relationships", i)
        if rel.role == role.id:
            w.error(file, (*path, "role"), "an organisation has no relationship with itself")
        else:
            _word(w, file, (*path, "role"), rel.role, w.role_kinds, "role")
        _between(w, file, (*path, "trust"), rel.trust, 0, 100)
    _between(w, file, ("bot", "cooperation"), role.bot.cooperation, 0, 1)
    _between(w, file, ("bot", "caution"), role.bot.caution, 0, 1)
    _words(w, file, ("bot", "priorities"), role.bot.priorities, cat.BOT_PRIORITIES, "bot priority")


# --- decks -------------------------------------------------------------------------


def _deck_ids(w: World) -> None:
    seen: dict[str, str] = {}
    for file, info in w.decks:
        if info.id in seen:
            w.error(file, ("deck", "id"), f'the deck id "{info.id}" is already used by {seen[info.id]}')
        seen.setdefault(info.id, file)
        _not_negative(w, file, ("deck", "draws_per_month"), info.draws_per_month, "cards drawn a month")


def _audience_kinds(w: World, file: str, path: KeyPath, words: Iterable[str]) -> set[str]:
    kinds: set[str] = set()
    allowed = set(w.role_kinds) | set(cat.KINDS) | {"everyone"}
    for i, word in enumerate(words):
        if word not in allowed:
            hint = suggest(word, allowed) or ' Use "everyone", a kind of organisation or a role id.'
            w.error(file, (*path, i), f'"{word}" is not a role, a kind of organisation or "everyone".{hint}')
        else:
            kinds |= _target_kinds(w, word, None, None) or set()
    return kinds


def _card(w: World, file: str, path: KeyPath, card: Card) -> None:
    if not card.audience:
        w.error(file, (*path, "audience"), 'a card needs an audience: "everyone", kinds of organisation or role ids')
    audience = _audience_kinds(w, file, (*path, "audience"), card.audience)
    _words(w, file, (*path, "tags"), card.tags, cat.TOPICS, "topic")
    deciders = audience
    if card.decided_by:
        deciders = _audience_kinds(w, file, (*path, "decided_by"), card.decided_by)
        if not card.options:
            w.error(file, (*path, "decided_by"), "this card has no options, so nobody decides anything")
        elif audience and deciders - audience:
            outside = ", ".join(sorted(deciders - audience))
            w.error(
                file, (*path, "decided_by"), f"the deciders must be in the card's audience; these are not: {outside}"
            )

    when = card.when
    wp = (*path, "when")
    for name in ("month", "first", "last"):
        _month(w, file, (*wp, name), getattr(when, name))
    if when.month is not None and (when.first is not None or when.last is not None):
        w.error(file, wp, 'give either a fixed "month" or a window ("first" and/or "last"), not both')
    first, last = parse_month(when.first or ""), parse_month(when.last or "")
    if first and last and last < first:
        w.error(file, (*wp, "last"), f"the window ends ({when.last}) before it starts ({when.first})")
    _not_negative(w, file, (*wp, "weight"), when.weight, "a weight")
    ctx = _Context(
        self_kinds=None,
        audience=audience or None,
        no_self="a card's own effects have no deciding organisation; name one, or put the effect in an option",
    )
    if when.condition is not None:
        no_self = "a card's condition is tested before anyone has chosen anything; name the organisation instead"
        _condition(w, file, (*wp, "condition"), when.condition, _Context(audience=ctx.audience, no_self=no_self))

    _effects(w, file, (*path, "effects"), card.effects, ctx)
    _unique(w, file, (*path, "options"), (o.id for o in card.options), "option")
    option_ctx = _Context(self_kinds=deciders or None, audience=audience or None)
    if len(card.options) == 1:
        w.warn(file, (*path, "options"), "a card with one option gives no choice; make it an effect or add an option")
    for i, option in enumerate(card.options):
        op = (*path, "options", i)
        if not option.effects:
            w.error(file, op, f'the option "{option.id}" has no effects: choosing it would change nothing')
        _words(w, file, (*op, "tags"), option.tags, cat.TOPICS, "topic")
        _effects(w, file, (*op, "effects"), option.effects, option_ctx)
    option_ids = {o.id for o in card.options}
    if card.default_option is not None:
        if not card.options:
            w.error(file, (*path, "default_option"), "this card has no options to choose a default from")
        else:
            _word(w, file, (*path, "default_option"), card.default_option, option_ids, "option of this card")
    for i, follow in enumerate(card.follow_ups):
        fp = (*path, "follow_ups", i)
        _word(w, file, (*fp, "card"), follow.card, w.card_ids, "card")
        if follow.card == card.id:
            w.error(file, (*fp, "card"), "a card cannot follow itself")
        _not_negative(w, file, (*fp, "after"), follow.after, "a delay")
        if follow.option is not None:
            _word(w, file, (*fp, "option"), follow.option, option_ids, "option of this card")


def _unreachable_cards(w: World) -> None:
    """Warn about cards nothing can publish, except the facilitator by hand."""
    reached: set[str] = set()
    for _, _, card in w.cards.values():
        reached |= {f.card for f in card.follow_ups}
        reached |= {e.card for e in _all_effects(card) if e.card}
    for _, role in w.roles.values():
        reached |= {e.card for d in role.decisions for e in d.effects if e.card}
    if w.scenario is not None:
        reached |= {e.card for ladder in w.scenario.ladders for s in ladder.steps for e in s.effects if e.card}
    # A window with no month of the calendar is already an error (it ends before it
    # starts, or a month is outside the calendar), so it is not warned about again here.
    for cid, (file, path, card) in w.cards.items():
        when = card.when
        if cid in reached:
            continue
        if when.month is None and when.weight == 0:
            w.warn(
                file,
                (*path, "when", "weight"),
                "this card can never be drawn: its weight is 0 and no card or decision leads to it",
            )


def _all_effects(card: Card) -> Iterator[Effect]:
    yield from card.effects
    for option in card.options:
        yield from option.effects


# --- content/narrative.toml ------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _placeholders(w: World, file: str, path: KeyPath, text: str, allowed: Iterable[str], what: str) -> None:
    """Every {name} in the text must be one the renderer fills; a stray brace is a typo."""
    pool = sorted(set(allowed))
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name in pool:
            continue
        close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
        if close:
            hint = f' Did you mean "{{{close[0]}}}"?'
        elif pool:
            hint = " It can use " + ", ".join(f"{{{p}}}" for p in pool) + "."
        else:
            hint = " It can use none."
        w.error(file, path, f'"{{{name}}}" is not a placeholder {what} can use.{hint}')
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        w.error(
            file, path, 'a "{" or "}" does not make a placeholder: write placeholders as {name}, with no braces inside'
        )


def _narrative(w: World, file: str, n: NarrativeFile) -> None:
    for kind, words in n.agreements.items():
        if _word(
            w, file, ("agreements", kind), kind, {**cat.CONTRACT_KINDS, **cat.ALLIANCE_KINDS}, "kind of agreement"
        ):
            _some_text(w, file, ("agreements", kind), words)
    for topic, words in n.topics.items():
        if _word(w, file, ("topics", topic), topic, cat.TOPICS, "topic"):
            _some_text(w, file, ("topics", topic), words)
    for setting, words in n.settings.items():
        path = ("settings", setting)
        if not _word(w, file, path, setting, cat.RULE_SETTINGS, "rule setting"):
            continue
        _some_text(w, file, (*path, "name"), words.name)
        _placeholders(w, file, (*path, "name"), words.name, (), f'the name of "{setting}"')
        if cat.RULE_SETTINGS[setting] is bool:
            for key in ("yes", "no"):
                value = getattr(words, key)
                if value is None:
                    w.error(file, path, f'"{setting}" is true or false: give "yes" and "no" (how each reads)')
                    break
                _placeholders(w, file, (*path, key), value, (), f'"{key}" of "{setting}"')
            if words.text is not None:
                w.error(file, (*path, "text"), f'"{setting}" is true or false: write "yes" and "no" instead of "text"')
        else:
            if words.text is None:
                w.error(file, path, f'"{setting}" needs "text", with {{value}} where its value goes')
            else:
                _placeholders(w, file, (*path, "text"), words.text, ("value",), f'the text of "{setting}"')
            for key in ("yes", "no"):
                if getattr(words, key) is not None:
                    w.error(file, (*path, key), f'"{setting}" is not true or false: use "text" with {{value}}')

    seen: dict[tuple[str, tuple], int] = {}
    for i, t in enumerate(n.templates):
        path = ("templates", i)
        if not _word(w, file, (*path, "event"), t.event, cat.EVENT_KINDS, "event"):
            continue
        fields = {*cat.NARRATIVE_COMMON, *cat.NARRATIVE_FIELDS.get(t.event, ())}
        what = f'a sentence about "{t.event}"'
        _some_text(w, file, (*path, "text"), t.text)
        _placeholders(w, file, (*path, "text"), t.text, fields, what)
        if t.together is not None:
            _some_text(w, file, (*path, "together"), t.together)
            _placeholders(w, file, (*path, "together"), t.together, fields | {cat.NARRATIVE_TOGETHER}, what)
        if t.group_by != "actor":
            _word(w, file, (*path, "group_by"), t.group_by, fields - {"month"}, f'placeholder of "{t.event}"')
        if t.detail is not None:
            _word(w, file, (*path, "detail"), t.detail, fields - {"month", t.group_by}, f'placeholder of "{t.event}"')
            if t.together is None:
                w.error(file, (*path, "detail"), '"detail" only matters with "together": add one, or remove "detail"')
        switches = cat.NARRATIVE_SWITCHES.get(t.event, {})
        for key, value in t.when.items():
            wp = (*path, "when", key)
            if key not in switches:
                if not switches:
                    w.error(file, wp, f'sentences about "{t.event}" have no variants: remove "when"')
                else:
                    hint = suggest(key, switches) or f" It can test {one_of(switches)}."
                    w.error(file, wp, f'"{key}" is not something a sentence about "{t.event}" can test.{hint}')
                continue
            allowed = switches[key]
            if all(isinstance(a, bool) for a in allowed):
                if not isinstance(value, bool):
                    w.error(file, wp, f'"{key}" is true or false, not {_show(value)}')
            elif not isinstance(value, str) or value not in allowed:
                hint = (suggest(value, allowed) if isinstance(value, str) else "") or f" Use one of {one_of(allowed)}."
                w.error(file, wp, f'{_show(value)} is not a value of "{key}".{hint}')
        key = (t.event, tuple(sorted(t.when.items(), key=lambda kv: kv[0])))
        if key in seen:
            w.warn(
                file,
                path,
                f'this sentence is never used: templates[{seen[key]}] is for the same event and the same "when"',
            )
        seen.setdefault(key, i)


def _some_text(w: World, file: str, path: KeyPath, text: str) -> None:
    if not text.strip():
        w.error(file, path, "write some words here: it is empty")
