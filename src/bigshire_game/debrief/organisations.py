"""Each organisation then and now: the table of figures and each one's story, what moved it or what it did."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..content import Scenario
from ..narrative import balance, listed, money, number, plural
from ..state import GameState
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS, COMMISSIONER_KINDS, SYSTEM_KINDS
from ..vocabulary.events import AgendaItemAdded, Event, MonthResolved
from .asking import answered_ids, item_id
from .context import Context, gathered_dated
from .headline import as_sentence, holding
from .model import OrgStory, Row
from .selection import ORG_WEIGHT, org_weight, public_balance

_GROUPS = (
    ("Commissioners", COMMISSIONER_KINDS | {"csu"}),
    ("Providers", CARE_PROVIDER_KINDS),
    ("System bodies", SYSTEM_KINDS),
)


def _group(kind: str) -> str:
    return next((name for name, kinds in _GROUPS if kind in kinds), "Others")


def _status(ctx: Context, state: GameState, rid: str) -> str:
    out = []
    for ladder in ctx.scenario.info.ladders:
        step = state.ladders.get(f"{ladder.id}|{rid}", 0)
        if step:
            out.append(f"{ctx.words.first_of_kind(ladder.regulator)}: {ladder.steps[step - 1].title}")
    return "; ".join(out)


def _in_force(state: GameState, rid: str) -> tuple[list, list]:
    contracts = [a for a in state.agreements.values() if rid in a.parties and a.status == "signed" and a.is_contract]
    alliances = [a for a in state.agreements.values() if rid in a.parties and a.status == "signed" and a.is_alliance]
    return contracts, alliances


def _agreements(state: GameState, rid: str) -> str:
    contracts, alliances = _in_force(state, rid)
    parts = []
    if contracts:
        parts.append(plural(len(contracts), "contract"))
    if alliances:
        parts.append(plural(len(alliances), "alliance"))
    return listed(parts) or "none"


def _in_groups(scenario: Scenario) -> list[str]:
    """Organisations as the debrief lists them: commissioners, providers, system bodies."""
    order = {name: i for i, (name, _) in enumerate(_GROUPS)}
    return sorted(scenario.roles, key=lambda rid: order.get(_group(scenario.roles[rid].kind), len(order)))


def org_table(ctx: Context) -> list[Row]:
    rows = []
    for rid in _in_groups(ctx.scenario):
        role = ctx.scenario.roles[rid]
        then, now = ctx.start.orgs[rid], ctx.end.orgs[rid]
        known = ctx.knows_money(rid)
        quality = f"{then.quality} → {now.quality}" if role.kind in CARE_PROVIDER_KINDS else ""
        status_then, status_now = _status(ctx, ctx.start, rid), _status(ctx, ctx.end, rid)
        status = status_now if status_then == status_now else f"{status_then or 'none'} → {status_now or 'none'}"
        agreements_then, agreements_now = _agreements(ctx.start, rid), _agreements(ctx.end, rid)
        agreements = agreements_now if agreements_then == agreements_now else f"{agreements_then} → {agreements_now}"
        rows.append(
            Row(
                name=role.short_name,
                money_then=balance(then.balance) if known else public_balance(ctx.published(ctx.start, rid)),
                money_now=balance(now.balance) if known else public_balance(ctx.published(ctx.end, rid)),
                quality=quality,
                status=status or "none",
                agreements=agreements,
            )
        )
    return rows


def _concerns(e: Event, rid: str) -> bool:
    d = e.data
    if rid in e.actors:
        return True
    return rid in (
        d.get("subject"),
        d.get("consortium"),
        d.get("submitter"),
        d.get("role"),
        d.get("payee"),
        d.get("investor"),
    )


def org_stories(ctx: Context) -> list[OrgStory]:
    by_org: dict[str, list[Event]] = defaultdict(list)
    results: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in ctx.events:
        if isinstance(e, MonthResolved):
            results[str(e.role)].append((e.month, int(e.result or 0)))
            continue
        if e.kind not in ORG_WEIGHT or not ctx.worth(e):
            continue
        for rid in ctx.scenario.roles:
            if _concerns(e, rid):
                by_org[rid].append(e)
    stories = []
    for rid in _in_groups(ctx.scenario):
        role = ctx.scenario.roles[rid]
        group = _group(role.kind)
        summary = _org_summary(ctx, rid, results.get(rid, []))
        mine = by_org.get(rid, [])
        if role.kind in SYSTEM_KINDS:  # what a system body did, not what was done to it
            mine = [e for e in mine if e.actors and e.actors[0] == rid]
        top = sorted(sorted(mine, key=lambda e: -org_weight(e))[:6], key=ctx.position)
        lines = gathered_dated(ctx, top)
        stories.append(
            OrgStory(
                name=role.short_name,
                full_name=role.name,
                group=group,
                summary=tuple(summary),
                moved_by=tuple(lines),
                more=max(0, len(mine) - len(top)),
            )
        )
    return stories


def _org_summary(ctx: Context, rid: str, results: list[tuple[int, int]]) -> list[str]:
    role = ctx.scenario.roles[rid]
    then, now = ctx.start.orgs[rid], ctx.end.orgs[rid]
    name = role.short_name
    out = []
    if ctx.knows_money(rid) and (then.balance or now.balance or any(r for _, r in results)):
        change = now.balance - then.balance
        if change == 0:
            line = f"{name} held {balance(now.balance)} throughout"
        else:
            line = f"{name} went from {holding(then.balance)} to {holding(now.balance)}"
        if results:
            trading = sum(r for _, r in results)
            worst_month, worst = min(results, key=lambda mr: mr[1])
            one_off = change - trading
            line += f". Month by month it {'lost' if trading < 0 else 'made'} {money(trading)} in all"
            if worst < 0 and trading < 0:
                line += f" (worst: {ctx.words.month(worst_month)}, {money(worst)})"
            if one_off:
                line += f"; one-off money {'added' if one_off > 0 else 'took away'} {money(one_off)}"
        out.append(as_sentence(line))
    elif not ctx.knows_money(rid):
        first, last = ctx.published(ctx.start, rid), ctx.published(ctx.end, rid)
        if first is not None and last is not None and (first or last):
            if first == last:
                out.append(f"Its published accounts showed {holding(last)} throughout.")
            else:
                out.append(f"Its published accounts went from {holding(first)} to {holding(last)}.")
    if role.kind in CARE_PROVIDER_KINDS:
        if now.quality == then.quality:
            out.append(f"Its quality held at {now.quality}.")
        else:
            out.append(
                f"Its quality {'rose' if now.quality > then.quality else 'fell'} from {then.quality} to {now.quality}."
            )
    status_then, status_now = _status(ctx, ctx.start, rid), _status(ctx, ctx.end, rid)
    if status_now and status_now != status_then:
        out.append(f"It ended on a regulator's ladder: {status_now}.")
    elif status_now:
        out.append(f"It stayed on a regulator's ladder: {status_now}.")
    elif status_then:
        out.append(f"It came off the regulators' ladders (it had been at {status_then}).")
    if role.kind in SYSTEM_KINDS:
        out += _activity(ctx, rid)
    contracts, alliances = _in_force(ctx.end, rid)
    if contracts or alliances:
        parts = []
        if contracts:
            others = listed(ctx.name(p) for a in contracts for p in a.parties if p != rid)
            parts.append(f"{plural(len(contracts), 'contract')} (with {others})")
        kinds = Counter(a.kind for a in alliances)
        for kind, n in kinds.items():
            parts.append(ctx.words.a(kind) if n == 1 else f"{number(n)} {ctx.words.noun(kind)}s")
        out.append(as_sentence(f"In force at the end: {listed(parts)}"))
    return out


_ACTIVITY = (
    ("SanctionImposed", "imposed", "sanction", "sanctions"),
    ("SanctionLifted", "lifted", "sanction", "sanctions"),
    ("InspectionHeld", "held", "inspection", "inspections"),
    ("JointReviewProposed", "proposed", "joint review", "joint reviews"),
    ("JointReviewAgreed", "agreed to", "joint review", "joint reviews"),
    ("ReferralMade", "made", "referral", "referrals"),
    ("RulingMade", "made", "ruling", "rulings"),
    ("PlanAssessed", "assessed", "financial plan", "financial plans"),
    ("PlanCalledUnrealistic", "called out", "unrealistic plan", "unrealistic plans"),
    ("FundingAwarded", "decided", "bid for funding", "bids for funding"),
    ("ConcernRaised", "raised", "concern", "concerns"),
    ("RequestRaised", "made", "request", "requests"),
    ("MeetingConvened", "called", "meeting", "meetings"),
    ("CommitmentAsked", "asked for", "commitment to its priorities", "commitments to its priorities"),
)


def _activity(ctx: Context, rid: str) -> list[str]:
    """What a system body did, counted: the observers' picture of a busy or a sidelined body."""
    mine = [e for e in ctx.events if e.actors and e.actors[0] == rid]
    counts = Counter(e.kind for e in mine)
    done = [f"{verb} {plural(counts[kind], one, many)}" for kind, verb, one, many in _ACTIVITY if counts[kind]]
    name = ctx.name(rid)
    out = (
        [as_sentence(f"{name} {listed(done)}")]
        if done
        else [f"{name} took no action of its own that others could see."]
    )
    answered = answered_ids(ctx.all_events)
    asked = [e for e in mine if e.kind in ("ConcernRaised", "RequestRaised", "MeetingConvened")]
    silent = sum(1 for e in asked if item_id(e) not in answered)
    if asked and silent:
        out.append(_unanswered(asked, silent))
    landed = sum(1 for e in ctx.events if isinstance(e, AgendaItemAdded) and e.regulator == rid)
    dismissed = sum(1 for e in mine if e.kind == "AgendaItemDismissed")
    if landed:
        line = f"its agenda received {plural(landed, 'item')}"
        if dismissed:
            line += f"; it set aside {number(dismissed)}"
        out.append(as_sentence(line))
    return out


_ASKED = (("ConcernRaised", "concern"), ("RequestRaised", "request"), ("MeetingConvened", "invitation"))


def _unanswered(asked: Sequence[Event], silent: int) -> str:
    """ "No reply came to its concern.", "No reply came to two of its five concerns and requests."."""
    kinds = Counter(e.kind for e in asked)
    nouns = [noun for kind, noun in _ASKED if kinds[kind]]
    if len(asked) == 1:
        return f"No reply came to its {nouns[0]}."
    what = f"{number(len(asked))} {listed(noun + 's' for noun in nouns)}"
    if silent == len(asked):
        return f"No reply came to {'either' if silent == 2 else 'any'} of its {what}."
    return f"No reply came to {number(silent)} of its {what}."
