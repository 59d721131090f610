"""Checks on conditions and effects, wherever they are written (ladders, decisions, cards and options),
including whether the organisations they name are of a kind the effect can change."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import define

from ...vocabulary import catalogue as cat
from ...vocabulary.catalogue import REGULATOR_KINDS
from ...vocabulary.words import example_month
from ..diagnostics import KeyPath, suggest
from ..model import Closure, Condition, Effect
from .shared import World, between, check_month, check_word, check_words, not_negative, show

# --- targets: which organisations a word can stand for ---------------------------


def target_kinds(w: World, word: str, self_kinds: set[str] | None, audience: set[str] | None) -> set[str] | None:
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
    w: World, file: str, path: KeyPath, word: str, ctx: Context, needs: frozenset[str] | None = None, what: str = ""
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
    kinds = target_kinds(w, word, ctx.self_kinds, ctx.audience)
    if kinds is not None:
        kinds = {k for k in kinds if k in cat.KINDS}  # an unknown kind is reported in the role's own file
    if needs is not None and kinds and not kinds & needs:
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
class Context:
    self_kinds: set[str] | None = None
    audience: set[str] | None = None
    no_self: str = "there is no deciding organisation"
    is_trigger: bool = False
    below_tariff_allowed: bool = False  # the condition around these effects requires below-tariff deals allowed
    own_card: str = ""  # the card whose condition this is


def requires_below_tariff(cond: Condition | None) -> bool:
    """Whether the condition holds only while below-tariff deals are allowed (directly or among `all_of`)."""
    if cond is None:
        return False
    if cond.rule == "below_tariff_allowed":
        return cond.equals is True
    return any(requires_below_tariff(c) for c in cond.all_of or ())


# --- conditions and effects ----------------------------------------------------


def check_condition(w: World, file: str, path: KeyPath, cond: Condition, ctx: Context) -> None:
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
        check_word(w, file, (*path, "metric"), cond.metric, cat.METRICS, "metric")
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
            check_word(w, file, (*path, "ladder"), cond.ladder, {ladder.id for ladder in w.scenario.ladders}, "ladder")
    elif form == "rule":
        if check_word(w, file, (*path, "rule"), cond.rule, cat.RULE_SETTINGS, "rule setting"):
            if cond.equals is None:
                w.error(file, path, 'a rule condition needs "equals" (the value the rule must have)')
            else:
                _rule_value(w, file, (*path, "equals"), cond.rule, cond.equals)
    elif form == "card":
        if check_word(w, file, (*path, "card"), cond.card, w.card_ids, "card") and cond.option is not None:
            entry = w.cards.get(cond.card)
            if entry is not None:
                options = {o.id for o in entry[2].options}
                check_word(w, file, (*path, "option"), cond.option, options, f'option of card "{cond.card}"')
    else:
        parts = getattr(cond, form)
        if not parts:
            w.error(file, (*path, form), f'"{form}" needs at least one condition')
        for i, part in enumerate(parts):
            check_condition(w, file, (*path, form, i), part, ctx)
    _never_holds(w, file, path, cond, form, ctx)
    stray = [
        name
        for name in ("of", "ladder", *cat.CONDITION_TESTS, "equals", "published", "option")
        if getattr(cond, name) is not None and name not in _CONDITION_FIELDS[form]
    ]
    for name in stray:
        w.error(file, (*path, name), f'"{name}" does not belong in a "{form}" condition')


# --- conditions that can never hold ------------------------------------------------------------


def _bounds(cond: Condition) -> tuple[str, float, bool] | None:
    """A metric condition's single test as (side, value, strict): side "low" for above/at_least."""
    for name, side, strict in (
        ("above", "low", True),
        ("at_least", "low", False),
        ("below", "high", True),
        ("at_most", "high", False),
    ):
        value = getattr(cond, name)
        if value is not None:
            return side, value, strict
    return None


def _out_of_range(cond: Condition) -> str:
    """Why a metric condition can never hold against the metric's own range, or ""."""
    low, high = cat.METRIC_RANGES.get(cond.metric or "", (None, None))
    found = _bounds(cond)
    if found is None:
        return ""
    side, value, strict = found
    if side == "low" and high is not None and (value > high or (strict and value == high)):
        return f"{cond.metric} is never more than {high:g}"
    if side == "high" and low is not None and (value < low or (strict and value == low)):
        return f"{cond.metric} is never less than {low:g}"
    return ""


def _contradiction(parts: tuple[Condition, ...]) -> str:
    """Why tests of one metric of one organisation in an `all_of` exclude each other, or ""."""
    lows: dict[tuple, tuple[float, bool]] = {}
    highs: dict[tuple, tuple[float, bool]] = {}
    for part in parts:
        found = _bounds(part) if part.metric is not None else None
        if found is None:
            continue
        side, value, strict = found
        key = (part.metric, part.of, part.ladder)
        if side == "low":  # the tightest lower bound: the highest, strict before not
            lows[key] = max(lows.get(key, (value, strict)), (value, strict))
        else:  # the tightest upper bound: the lowest, strict before not
            highs[key] = min(highs.get(key, (value, strict)), (value, strict), key=lambda b: (b[0], not b[1]))
    for key, (low, low_strict) in lows.items():
        if key in highs:
            high, high_strict = highs[key]
            if low > high or (low == high and (low_strict or high_strict)):
                return f"{key[0]} of {key[1] or 'the subject'} cannot be both {'above' if low_strict else 'at least'} {low:g} and {'below' if high_strict else 'at most'} {high:g}"
    return ""


def _mentions_itself(cond: Condition, card: str) -> bool:
    """Whether the condition requires its own card already published or chosen (directly or in `all_of`)."""
    if cond.card == card:
        return cond.published is not False or cond.option is not None
    return any(_mentions_itself(c, card) for c in cond.all_of or ())


def _never_holds(w: World, file: str, path: KeyPath, cond: Condition, form: str, ctx: Context) -> None:
    if form == "metric":
        why = _out_of_range(cond)
        if why:
            w.warn(file, path, f"this condition can never hold: {why}")
    elif form == "all_of" and cond.all_of:
        why = _contradiction(cond.all_of)
        if why:
            w.warn(file, (*path, "all_of"), f"this condition can never hold: {why}")
    if ctx.own_card and path[-1] == "condition" and _mentions_itself(cond, ctx.own_card):
        w.warn(
            file,
            path,
            f'this card\'s condition asks whether "{ctx.own_card}" itself has been published or chosen, which'
            " cannot be so before it is first drawn: it can never be drawn",
        )


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
    names = {
        bool: "true or false",
        float: "a number",
        int: "a whole number",
        str: f'a month such as "{example_month(w.months or ())}"',
    }
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
        w.error(file, path, f'the rule "{setting}" takes {names[kind]}, not {show(value)}')
    elif kind is str:
        check_month(w, file, path, value)  # both string settings are deadlines


_PERCENT_LIMIT = 100.0


def _effect(w: World, file: str, path: KeyPath, effect: Effect, ctx: Context) -> None:
    if not check_word(w, file, (*path, "kind"), effect.kind, cat.EFFECT_FIELDS, "kind of effect"):
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
        check_word(w, file, (*path, "activity"), effect.activity, w.activities, "activity")
    if effect.activities is not None and w.activities is not None:
        check_words(w, file, (*path, "activities"), effect.activities, w.activities, "activity")
    if kind == "transfer" and effect.amount is not None and effect.amount <= 0:
        w.error(file, (*path, "amount"), f"a transfer's amount must be more than 0, but it is {effect.amount}")
    if kind == "transfer" and effect.payer is not None and effect.payer == effect.payee:
        w.error(file, (*path, "payee"), "an organisation cannot pay itself")
    if (
        kind == "rule"
        and effect.setting is not None
        and (
            check_word(w, file, (*path, "setting"), effect.setting, cat.RULE_SETTINGS, "rule setting")
            and effect.value is not None
        )
    ):
        _rule_value(w, file, (*path, "value"), effect.setting, effect.value)
    if kind == "agenda" and effect.regulator is not None:
        regs = set(REGULATOR_KINDS) | {r for r, k in w.role_kinds.items() if k in REGULATOR_KINDS}
        check_word(w, file, (*path, "regulator"), effect.regulator, regs, "regulator (monitor, cqc or nhscb)")
    if effect.topic is not None:
        check_word(w, file, (*path, "topic"), effect.topic, cat.TOPICS, "topic")
    if effect.card is not None:
        check_word(w, file, (*path, "card"), effect.card, w.card_ids, "card")
    if effect.contract is not None:
        check_word(w, file, (*path, "contract"), effect.contract, cat.COMMISSIONING_KINDS, "kind of contract")
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
        not_negative(w, file, (*path, "annual_value"), effect.annual_value, "a contract's value")
        between(w, file, (*path, "share_percent"), effect.share_percent, 0, 100)
        between(w, file, (*path, "price_percent"), effect.price_percent, 1, 200)
        price = effect.price_percent
        if price is not None and price < 100 and not ctx.below_tariff_allowed:
            w.warn(
                file,
                (*path, "price_percent"),
                f"this offer is at {price:g}% of the tariff, but nothing makes sure below-tariff deals are allowed"
                " when it is made; while they are not, it is made at the tariff. Add"
                ' condition = { rule = "below_tariff_allowed", equals = true } to what makes it',
            )
    for name in ("months", "after"):
        value = getattr(effect, name)
        if value is not None and value < (1 if name == "months" else 0):
            w.error(file, (*path, name), f'"{name}" must be at least {1 if name == "months" else 0}, but it is {value}')
    if effect.percent is not None and kind in ("cost_base", "tariff", "demand", "referrals"):
        between(w, file, (*path, "percent"), effect.percent, -_PERCENT_LIMIT, _PERCENT_LIMIT)
    if kind == "quality" and effect.amount is not None:
        between(w, file, (*path, "amount"), effect.amount, -100, 100)
    if kind == "trust" and effect.amount is not None:
        between(w, file, (*path, "amount"), effect.amount, -100, 100)


_EFFECT_FIELD_NAMES = tuple(
    sorted({name for fields in cat.EFFECT_FIELDS.values() for group in fields for name in group})
)

_TARGET_NEEDS: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("quality", "target"): (cat.CARE_PROVIDER_KINDS, "a quality effect"),
    ("referrals", "target"): (cat.COMMISSIONER_KINDS, "a referrals effect"),
    ("cost_base", "target"): (cat.PROVIDER_KINDS | cat.COMMISSIONER_KINDS, "a cost_base effect"),
    ("demand", "target"): (cat.COMMISSIONER_KINDS | cat.CARE_PROVIDER_KINDS, "a demand effect"),
    ("offer", "source"): (cat.PROVIDER_KINDS, "an offer"),
    ("offer", "target"): (cat.COMMISSIONER_KINDS, "an offer"),
    ("workload", "target"): (cat.SYSTEM_KINDS, "a workload effect"),
}


def check_effects(w: World, file: str, path: KeyPath, effects: Iterable[Effect], ctx: Context) -> None:
    for i, effect in enumerate(effects):
        _effect(w, file, (*path, i), effect, ctx)


def check_closure(w: World, file: str, path: KeyPath, closure: Closure | None, ctx: Context) -> None:
    """A closure names what closes, a known kind, the organisations whose population it affects and a notice
    period the year can hold; what its announcement sets off is checked as effects."""
    if closure is None:
        return
    if not closure.what.strip():
        w.error(file, (*path, "what"), 'say what closes, for sentences: what = "the Eastbrook site"')
    check_word(w, file, (*path, "kind"), closure.kind, cat.CLOSURE_KINDS, "kind of closure")
    for i, word in enumerate(closure.affects):
        _target(w, file, (*path, "affects", i), word, ctx)
    months = len(w.months) if w.months is not None else 12
    between(w, file, (*path, "notice_months"), closure.notice_months, 0, months)
    check_effects(w, file, (*path, "announced"), closure.announced, ctx)
