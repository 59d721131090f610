"""The period an account covers and the story in brief: who did best and worst, sanctions, deals, talk."""

from __future__ import annotations

from collections import Counter

from ..content import Scenario
from ..content.labels import span_of
from ..narrative import listed, money, number, plural, possessive
from ..state import GameState
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS, COMMISSIONER_KINDS, PROVIDER_KINDS
from ..vocabulary.events import AllianceReviewed, SanctionImposed
from ..vocabulary.words import turn_label
from .context import Context
from .selection import TALK


def when(scenario: Scenario, state: GameState, end: bool) -> str:
    if end and state.finished:
        return f"{span_of(scenario).end} ({turn_label(scenario.turns[-1])})"
    if not state.started:
        return turn_label(scenario.turns[0])
    phase = scenario.info.phases[state.phase]
    label = turn_label(scenario.turns[state.turn])
    if phase.kind == "turns" and state.actor:
        return f"{label} ({possessive(scenario.roles[state.actor].short_name)} turn)"
    return label


def period(ctx: Context) -> str:
    return f"From {when(ctx.scenario, ctx.start, False)} to {when(ctx.scenario, ctx.end, True)}"


def _whole(ctx: Context) -> str:
    """ "Over the year" (or "By the end of the game") for the whole game, "Over the period" for part of it."""
    return span_of(ctx.scenario).over if not ctx.start.started and ctx.end.finished else "Over the period"


def headline(ctx: Context) -> list[str]:
    out: list[str] = []
    sc, start, end = ctx.scenario, ctx.start, ctx.end
    movers = [
        (end.orgs[rid].balance - start.orgs[rid].balance, rid)
        for rid, role in sc.roles.items()
        if role.kind in COMMISSIONER_KINDS | PROVIDER_KINDS and ctx.knows_money(rid)
    ]
    if len(movers) == 1:
        change, rid = movers[0]
        out.append(
            f"{_whole(ctx)} {ctx.name(rid)} ended {money(change)} {'better' if change >= 0 else 'worse'} off, "
            f"{holding(end.orgs[rid].balance)}."
        )
    elif movers:
        best, worst = max(movers), min(movers)
        out.append(
            f"{_whole(ctx)} {ctx.name(best[1])} did best, ending {money(best[0])} "
            f"{'better' if best[0] >= 0 else 'worse'} off ({holding(end.orgs[best[1]].balance)}); "
            f"{ctx.name(worst[1])} did worst, {money(worst[0])} {'worse' if worst[0] < 0 else 'better'} off "
            f"({holding(end.orgs[worst[1]].balance)})."
        )
    sanctions = [e for e in ctx.events if isinstance(e, SanctionImposed)]
    if sanctions:
        top = max(sanctions, key=lambda e: (bool(e.final), int(e.level or 0)))
        title, _ = ctx.words.step(top.ladder, int(top.level or 0))
        regulator = ctx.name(top.actors[0]) if top.actors else "a regulator"
        what = f'{possessive(regulator)} "{title}" for {ctx.name(str(top.subject))}'
        if len(sanctions) == 1:
            out.append(f"Regulators imposed one sanction: {what}.")
        else:
            out.append(f"Regulators imposed {plural(len(sanctions), 'sanction')}; the most serious was {what}.")
    else:
        out.append("No regulator imposed a sanction.")
    counts = Counter(e.kind for e in ctx.events)
    blocked_by = [e.actors[0] for e in ctx.events if isinstance(e, AllianceReviewed) and e.outcome == "blocked"]
    blocked = len(blocked_by)
    deals = []
    if counts["ContractSigned"]:
        deals.append(
            f"{plural(counts['ContractSigned'], 'contract')} {'was' if counts['ContractSigned'] == 1 else 'were'} signed"
        )
    if counts["ContractRolledOver"]:
        deals.append(f"{number(counts['ContractRolledOver'])} rolled over unsigned at the deadline")
    if counts["AllianceFormed"]:
        deals.append(f"{plural(counts['AllianceFormed'], 'alliance')} formed")
    if blocked:
        deals.append(f"{ctx.words.names(sorted(set(blocked_by)))} blocked {number(blocked)}")
    if deals:
        out.append(as_sentence(listed(deals)))
    topics = Counter(t for e in ctx.events if e.kind in TALK for t in set(e.topics))
    talk = sum(1 for e in ctx.events if e.kind in TALK and e.topics)
    if topics and talk:
        (first, n1), *_rest = topics.most_common()
        line = f"{ctx.words.topic(first)} dominated the talk: it came up in {round(100 * n1 / talk)}% of what organisations said and did"
        if first != "quality":
            q = topics.get("quality", 0)
            line += f", {ctx.words.topic('quality')} in {round(100 * q / talk)}%"
        out.append(as_sentence(line))
    quality = [
        (end.orgs[rid].quality - start.orgs[rid].quality, rid)
        for rid, role in sc.roles.items()
        if role.kind in CARE_PROVIDER_KINDS
    ]
    if quality and len(out) < 5:
        change, rid = min(quality)
        if change < 0:
            out.append(
                f"Quality fell furthest at {ctx.name(rid)}, from {start.orgs[rid].quality} to {end.orgs[rid].quality}."
            )
        else:
            change, rid = max(quality)
            if change > 0:
                out.append(
                    f"Quality rose most at {ctx.name(rid)}, from {start.orgs[rid].quality} to {end.orgs[rid].quality}."
                )
    return out[:5]


def holding(amount: int) -> str:
    if amount == 0:
        return "nothing in hand"
    if amount < 0:
        return f"a deficit of {money(amount)}"
    return f"{money(amount)} in hand"


def as_sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
