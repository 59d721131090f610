"""Checks on roles/<id>.toml: an organisation's kind, money, population, contracts, decisions and bot."""

from __future__ import annotations

from ...vocabulary import catalogue as cat
from ..model import Role
from .effects import Context, check_closure, check_condition, check_effects, requires_below_tariff
from .shared import World, between, check_month, check_word, check_words, not_negative, unique


def check_role(w: World, file: str, role: Role) -> None:
    kind = role.kind
    months = w.months
    if not check_word(w, file, ("kind",), kind, cat.KINDS, "kind of organisation"):
        return
    stem = file.rsplit("/", 1)[-1].removesuffix(".toml")
    if stem != role.id:
        w.warn(file, ("id",), f'the file is named "{stem}.toml" but the role\'s id is "{role.id}"; name them alike')
    between(w, file, ("action_points",), role.action_points, 0, 10)
    if not role.goals:
        w.error(file, ("goals",), "give the organisation at least one goal")
    if w.activities is not None:
        check_words(w, file, ("services",), role.services, w.activities, "activity")
    if role.services and kind not in cat.CARE_PROVIDER_KINDS:
        w.error(file, ("services",), f"only care providers deliver services; a {cat.KINDS[kind]} does not")
    check_words(w, file, ("powers",), role.powers, cat.POWERS, "power")
    closed = [p for p in role.powers if p not in cat.OPEN_POWERS]
    if closed and kind not in cat.SYSTEM_KINDS:
        w.error(file, ("powers",), f"only system bodies have powers such as {closed[0]}; a {cat.KINDS[kind]} does not")
    _check_partners(w, file, role)
    check_words(w, file, ("owners",), role.owners, w.role_kinds, "role")
    if kind in cat.CARE_PROVIDER_KINDS and role.quality is None:
        w.error(file, (), f'a {cat.KINDS[kind]} needs a starting "quality" score (0 to 100)')
    if role.quality is not None:
        if kind not in cat.CARE_PROVIDER_KINDS:
            w.error(file, ("quality",), f"only care providers have a quality score; a {cat.KINDS[kind]} does not")
        between(w, file, ("quality",), role.quality, 0, 100)

    fin = role.finance
    for name in ("annual_allocation", "annual_cost_base", "other_income", "other_spend", "identified_savings"):
        not_negative(w, file, ("finance", name), getattr(fin, name), "this amount of money")
    between(w, file, ("finance", "variable_cost_percent"), fin.variable_cost_percent, 0, 100)
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
        not_negative(w, file, ("population", "size"), role.population.size, "a population")
        between(w, file, ("population", "need_index"), role.population.need_index, 0.1, 5)
    unique(w, file, ("practices",), (p.id for p in role.practices), "practice")
    for i, practice in enumerate(role.practices):
        not_negative(w, file, ("practices", i, "list_size"), practice.list_size, "a list size")
        between(w, file, ("practices", i, "referral_index"), practice.referral_index, 0.1, 5)

    providers = {r for r, k in w.role_kinds.items() if k in cat.PROVIDER_KINDS}
    for i, contract in enumerate(role.contracts):
        path = ("contracts", i)
        if contract.provider in w.role_kinds:
            if contract.provider not in providers:
                w.error(
                    file, (*path, "provider"), f'"{contract.provider}" is not a provider, so it cannot hold a contract'
                )
        else:
            check_word(w, file, (*path, "provider"), contract.provider, providers, "provider")
        check_word(w, file, (*path, "kind"), contract.kind, cat.COMMISSIONING_KINDS, "kind of contract")
        if w.activities is not None:
            check_words(w, file, (*path, "activities"), contract.activities, w.activities, "activity")
        if contract.kind != "support" and not contract.activities:
            w.error(file, (*path, "activities"), "a care contract must cover at least one activity")
        not_negative(w, file, (*path, "annual_value"), contract.annual_value, "a contract's value")
        between(w, file, (*path, "share_percent"), contract.share_percent, 0, 100)
        between(w, file, (*path, "price_percent"), contract.price_percent, 1, 200)
        if contract.kind in ("block", "risk_share", "support") and contract.annual_value <= 0:
            w.error(file, (*path, "annual_value"), f'a {contract.kind} contract needs an "annual_value" above 0')
        check_month(w, file, (*path, "ends"), contract.ends, after_end=True)
        if months is not None and contract.ends in months and contract.ends == months[0]:
            w.warn(file, (*path, "ends"), "this contract ends in the first month of the game")

    unique(w, file, ("decisions",), (d.id for d in role.decisions), "decision")
    for i, decision in enumerate(role.decisions):
        path = ("decisions", i)
        ctx = Context(self_kinds={kind}, below_tariff_allowed=requires_below_tariff(decision.condition))
        if not decision.effects:
            w.error(file, (*path, "effects"), "a decision needs at least one effect")
        check_words(w, file, (*path, "tags"), decision.tags, cat.TOPICS, "topic")
        if decision.condition is not None:
            check_condition(w, file, (*path, "condition"), decision.condition, ctx)
        check_effects(w, file, (*path, "effects"), decision.effects, ctx)
        check_closure(w, file, (*path, "closure"), decision.closure, ctx)

    for i, rel in enumerate(role.relationships):
        path = ("relationships", i)
        if rel.role == role.id:
            w.error(file, (*path, "role"), "an organisation has no relationship with itself")
        else:
            check_word(w, file, (*path, "role"), rel.role, w.role_kinds, "role")
        between(w, file, (*path, "trust"), rel.trust, 0, 100)
    between(w, file, ("bot", "cooperation"), role.bot.cooperation, 0, 1)
    between(w, file, ("bot", "caution"), role.bot.caution, 0, 1)
    check_words(w, file, ("bot", "priorities"), role.bot.priorities, cat.BOT_PRIORITIES, "bot priority")
    for motive, weight in role.bot.motives.items():
        if check_word(w, file, ("bot", "motives", motive), motive, cat.BOT_PRIORITIES, "motive"):
            between(w, file, ("bot", "motives", motive), weight, 0, 1)
    not_negative(w, file, ("bot", "threshold"), role.bot.threshold, "a threshold")
    between(w, file, ("bot", "moves_per_turn"), role.bot.moves_per_turn, 1, 50)
    for i, wait in enumerate(role.bot.rung_waits):
        not_negative(w, file, ("bot", "rung_waits", i), wait, "a number of months")
    if not role.bot.rung_waits:
        w.error(file, ("bot", "rung_waits"), "give at least one wait, in months (0 climbs at once)")
    not_negative(w, file, ("bot", "final_wait"), role.bot.final_wait, "a number of months")
    between(w, file, ("bot", "inspect_below"), role.bot.inspect_below, 0, 100)


def _ladder_kinds(w: World, regulator_kind: str) -> set[str]:
    """The kinds of organisation a regulator of this kind has a ladder for."""
    ladders = w.scenario.ladders if w.scenario is not None else ()
    return {k for x in ladders if x.regulator == regulator_kind for k in x.applies_to}


def _check_partners(w: World, file: str, role: Role) -> None:
    """Powers that need someone else to be of use: an assessor for plans, a partner for joint work."""
    if w.scenario is None:
        return
    others = [r for rid, (_, r) in w.roles.items() if rid != role.id]
    if "submit_plan" in role.powers and not any(
        "assess_plan" in r.powers and role.kind in _ladder_kinds(w, r.kind) for r in others
    ):
        w.warn(
            file,
            ("powers",),
            "it submits financial plans, but nobody judges them: give assess_plan to a regulator "
            f"with a ladder that applies to a {cat.KINDS[role.kind]}",
        )
    if "review_jointly" in role.powers and not any("review_jointly" in r.powers for r in others):
        w.warn(file, ("powers",), "it has review_jointly, but no other body has it to review a provider with")
    if "refer" in role.powers and not any(r.kind != role.kind and _ladder_kinds(w, r.kind) for r in others):
        w.warn(file, ("powers",), "it has refer, but no other regulator has a ladder to take a referral onto")
