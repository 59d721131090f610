"""The debrief: an observer's account of a game, or of part of one, for the group to read afterwards.

It narrates events and compares two states; it never guesses. `build_debrief` makes
a `Debrief` (plain data) from a scenario, the events of the period and the states at
its two ends; `to_markdown` and `to_text` write it out. `month_changes` gives the
sentences for one month (the terminal game's month report), and `compare_branches`
tells two branches of one game apart from the move where they part.

Sentences come from content/narrative.toml through `narrative`; this module decides
what is worth telling, gathers like events, and measures the observer themes.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from .content import Scenario, turn_label
from .content.model import EventFilter, Theme
from .content.scenario import month_label
from .engine.replay import Replay, ReplayRefused
from .engine.replay import replay as engine_replay
from .narrative import (
    Lookup,
    Told,
    Words,
    balance,
    fill,
    gather,
    gather_tree,
    listed,
    money,
    number,
    plural,
    possessive,
    tell,
)
from .session import BOT, CHECKPOINT, HANDED_BACK, TAKEN_OVER, TableEntry
from .state import FACILITATOR, GameState
from .vocabulary.catalogue import CARE_PROVIDER_KINDS, COMMISSIONER_KINDS, PROVIDER_KINDS, SYSTEM_KINDS
from .vocabulary.events import Event
from .vocabulary.moves import Move

# --- what is worth telling ----------------------------------------------------------------------

BOOKKEEPING = frozenset(
    {
        "GameStarted",
        "MonthStarted",
        "PhaseStarted",
        "TurnStarted",
        "TurnEnded",
        "Passed",
        "ContractPaid",
        "MonthResolved",
        "TrustChanged",
        "GameEnded",
        "SeatTakenOver",
    }
)
"""The game's own book-keeping: never in the timeline, and left out of observer themes unless named."""

TALK = frozenset(
    {
        "CardPublished",
        "OptionChosen",
        "DecisionTaken",
        "AgreementProposed",
        "AgreementCountered",
        "ConcernRaised",
        "RequestRaised",
        "MeetingConvened",
        "PlanSubmitted",
        "PlanChallenged",
        "FundingBid",
        "RulingMade",
    }
)
"""What people said and did of their own accord: the headline counts topics over these."""

_NOT_IN_TIMELINE = BOOKKEEPING | {"AgreementAccepted", "MeetingConvened", "AllocationPaid"}


def worth_telling(e: Event, deciders: dict[str, int] | None = None, alarms: frozenset[str] = frozenset()) -> bool:
    """Whether an observer would write this event down. `deciders` is how many answer each card;
    `alarms` are the regulators' trigger titles: only those agenda items are news, the rest
    repeat the concern, bid or card that raised them."""
    d = e.data
    if e.kind in _NOT_IN_TIMELINE:
        return False
    if e.kind == "AgendaItemAdded":
        return str(d.get("reason", "")) in alarms
    if e.kind == "DecisionTaken" and d.get("decision") == "dismiss_agenda_item":
        return False
    if e.kind == "OptionChosen" and d.get("defaulted"):
        return (deciders or {}).get(str(d.get("card")), 1) <= 2  # only a card put to one or two is notable
    if e.kind == "RequestAnswered":
        return not d.get("answered", True)  # answers are routine; silence is not
    if e.kind == "MoneyMoved":
        return not str(d.get("source", "")).startswith("scheme:")  # the investment tells its cost
    if e.kind == "RuleChanged":
        return not str(d.get("source", "")).startswith("ruling by ")  # the ruling tells it
    if e.kind == "FigureAdjusted":
        return d.get("figure") != "workload"
    return True


# --- what the whole room knows ------------------------------------------------------------------


@frozen
class Accounts:
    """An organisation's money as published: what anyone at the table may know of it."""

    balance: int | None
    """The balance as the last month closed (the opening balance before the first); None when the
    events given do not reach back to a month end."""
    results: tuple[int, ...] = ()
    """Each month's result (surplus or deficit), month by month, as each month closed."""
    balances: tuple[int, ...] = ()
    """The balance as each month closed."""


def at_month_end(state: GameState) -> bool:
    """Whether `state` stands between two months: before the first, after the last, or before a month's news."""
    return not state.started or state.finished or (state.phase == 0 and not state.actor)


def published(state: GameState, events: Iterable[Event], rid: str) -> Accounts:
    """The one rule for what the whole room sees of an organisation's money: its accounts as published
    at each month end, the balance as the month closed and the month's result (opening balances are
    public too). Its balance between month ends, its income and spending lines, its forecast and the
    money in offers still being made stay its own. The month report shows these for every
    organisation; `bigshire debrief --role` shows them for every organisation but the role's own.
    `events` are those up to `state` (they give the months' results, and the last published balance
    when `state` is part-way through a month)."""
    closed = [e for e in events if e.kind == "MonthResolved" and e.data.get("role") == rid]
    results = tuple(int(e.data.get("result", 0)) for e in closed)
    balances = tuple(int(e.data.get("balance", 0)) for e in closed)
    if at_month_end(state):
        balance: int | None = state.orgs[rid].balance
        if balances:
            balances = (*balances[:-1], balance)  # the month's close, with anything paid at the very end
    else:
        balance = balances[-1] if balances else None
    return Accounts(balance, results, balances)


def knows_books(viewer: str | None, rid: str) -> bool:
    """Whether `viewer` (None: the observers) sees `rid`'s own books, not only its published accounts."""
    return viewer is None or viewer in (rid, FACILITATOR)


# --- the debrief as data ------------------------------------------------------------------------


@frozen
class Row:
    """One organisation then and now, in words ready for a table."""

    name: str
    money_then: str
    money_now: str
    quality: str
    status: str
    agreements: str


@frozen
class OrgStory:
    name: str
    full_name: str
    group: str  # Commissioners | Providers | System bodies
    summary: tuple[str, ...]
    moved_by: tuple[str, ...]  # for a system body, what it did
    more: int


@frozen
class Item:
    """A sentence, with what followed from it told beneath."""

    text: str
    then: tuple[str, ...] = ()


@frozen
class Month:
    label: str
    items: tuple[Item, ...]
    more: int = 0


@frozen
class Note:
    """An observer theme that held, with its figure and the events behind it."""

    title: str
    text: str
    evidence: tuple[str, ...]
    more: int


@frozen
class Debrief:
    title: str
    period: str
    viewpoint: str
    headline: tuple[str, ...]
    table: tuple[Row, ...]
    organisations: tuple[OrgStory, ...]
    contracts: tuple[str, ...]
    alliances: tuple[str, ...]
    sanctions: tuple[str, ...]
    timeline: tuple[Month, ...]
    notes: tuple[Note, ...]
    note: str = ""  # what the account covers, when it is not simply a period of one game
    at_table: tuple[str, ...] = ()  # seats taken over and handed back, checkpoints: the room, not the game


@frozen
class Branch:
    """One side of a fork: its first move, its story in brief, and what happened only on this side."""

    label: str
    first_move: str
    period: str
    headline: tuple[str, ...]
    only_here: tuple[Month, ...]
    notes: tuple[Note, ...]


@frozen
class BranchDebrief:
    """Two branches of one game: where they parted, and what followed on each side."""

    title: str
    fork: tuple[str, ...]
    comparison: tuple[tuple[str, str, str], ...]  # organisation, branch one, branch two
    branches: tuple[Branch, ...]
    shared_notes: tuple[Note, ...] = ()  # observer notes that read the same on both branches


# --- building --------------------------------------------------------------------------------------


class _Context:
    """Everything the sections share: names, visibility, the window, and each event told once."""

    def __init__(
        self,
        scenario: Scenario,
        events: Sequence[Event],
        start: GameState,
        end: GameState,
        role: str | None,
        months: tuple[int, int] | None,
    ) -> None:
        self.scenario = scenario
        self.role = role
        self.start, self.end = start, end
        self.words = Words(scenario, Lookup((start, end), events))
        self.all_events = [e for e in events if role is None or e.visible_to(role)]
        self.window_events = tuple(events)  # everything that happened, for the published accounts
        lo, hi = self.window(months)
        self.events = [e for e in self.all_events if lo <= e.month <= hi]
        self.deciders = {
            str(e.data.get("card")): len(e.data.get("deciders", ())) for e in events if e.kind == "CardPublished"
        }
        self.alarms = frozenset(t.title for ladder in scenario.info.ladders for t in ladder.triggers)
        self._told: dict[int, Told] = {}

    def worth(self, e: Event) -> bool:
        return worth_telling(e, self.deciders, self.alarms)

    def window(self, months: tuple[int, int] | None) -> tuple[int, int]:
        if months is None:
            return -1, 10**9
        lo, hi = months
        turns = self.scenario.turns
        index = self.scenario.months.index
        for t in turns:
            first, last = index(t[0]), index(t[-1])
            if first <= lo <= last:
                lo = first
            if first <= hi <= last:
                hi = last
        return lo, hi

    def tell(self, e: Event) -> Told:
        key = id(e)
        if key not in self._told:
            self._told[key] = tell(self.words, e)
        return self._told[key]

    def dated(self, e: Event) -> str:
        return f"{self.words.month(e.month)}: {self.tell(e).text}"

    def knows_money(self, rid: str) -> bool:
        return knows_books(self.role, rid)

    def published(self, state: GameState, rid: str) -> int | None:
        """`rid`'s balance as the room knew it at `state` (one of the window's ends)."""
        events = self.window_events if state is self.end else ()
        return published(state, events, rid).balance

    def name(self, rid: str) -> str:
        return self.words.name(rid)


def build_debrief(
    scenario: Scenario,
    events: Sequence[Event],
    start_state: GameState,
    end_state: GameState,
    role: str | None = None,
    months: tuple[int, int] | None = None,
    title: str = "",
) -> Debrief:
    """The account of the period between two states, from the events between them.

    `role` tells it as that organisation knew it: the events it saw and the public ones,
    its own books, others' public figures. `months` (first and last month index, widened
    to whole turns) narrows the events told; the caller passes the states at the window's
    ends for the "then and now" figures.
    """
    ctx = _Context(scenario, events, start_state, end_state, role, months)
    viewpoint = (
        "as the observers saw it"
        if role in (None, FACILITATOR)
        else f"as {scenario.roles[role].short_name} knew it: its own books, what it was told, and what was public"
    )
    return Debrief(
        title=title or f"Debrief: {scenario.title}",
        period=_period(ctx),
        viewpoint=viewpoint,
        headline=tuple(_headline(ctx)),
        table=tuple(_table(ctx)),
        organisations=tuple(_organisations(ctx)),
        contracts=tuple(_section(ctx, _CONTRACT_EVENTS)),
        alliances=tuple(_section(ctx, _ALLIANCE_EVENTS)),
        sanctions=tuple(_section(ctx, _SANCTION_EVENTS)),
        timeline=tuple(_timeline(ctx)),
        notes=tuple(_notes(ctx)),
    )


def month_changes(
    scenario: Scenario,
    events: Sequence[Event],
    state: GameState,
    month_index: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[str]:
    """What happened in the turn holding `month_index`, as sentences: like events gathered, each
    followed by what came of it. `role` keeps to what that organisation saw; `limit` keeps the
    most telling sentences (in the order they happened). `state` names the agreements and
    requests the events mention: the state at the end of that turn or later."""
    ctx = _Context(scenario, events, state, state, role, (month_index, month_index))
    items, _ = _month_items(ctx, ctx.events, limit)
    return [" ".join((item.text, *item.then)) for item in items]


# --- the period -----------------------------------------------------------------------------------


def _when(scenario: Scenario, state: GameState, end: bool) -> str:
    if end and state.finished:
        return f"the end of the year ({turn_label(scenario.turns[-1])})"
    if not state.started:
        return turn_label(scenario.turns[0])
    phase = scenario.info.phases[state.phase]
    label = turn_label(scenario.turns[state.turn])
    if phase.kind == "turns" and state.actor:
        return f"{label} ({possessive(scenario.roles[state.actor].short_name)} turn)"
    return label


def _period(ctx: _Context) -> str:
    return f"From {_when(ctx.scenario, ctx.start, False)} to {_when(ctx.scenario, ctx.end, True)}"


def _whole(ctx: _Context) -> str:
    """ "Over the year" or "Over the period"."""
    return "Over the year" if not ctx.start.started and ctx.end.finished else "Over the period"


# --- headline --------------------------------------------------------------------------------------


def _headline(ctx: _Context) -> list[str]:
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
            f"{_holding(end.orgs[rid].balance)}."
        )
    elif movers:
        best, worst = max(movers), min(movers)
        out.append(
            f"{_whole(ctx)} {ctx.name(best[1])} did best, ending {money(best[0])} "
            f"{'better' if best[0] >= 0 else 'worse'} off ({_holding(end.orgs[best[1]].balance)}); "
            f"{ctx.name(worst[1])} did worst, {money(worst[0])} {'worse' if worst[0] < 0 else 'better'} off "
            f"({_holding(end.orgs[worst[1]].balance)})."
        )
    sanctions = [e for e in ctx.events if e.kind == "SanctionImposed"]
    if sanctions:
        top = max(sanctions, key=lambda e: (bool(e.data.get("final")), int(e.data.get("level", 0))))
        title, _ = ctx.words.step(top.data.get("ladder"), int(top.data.get("level", 0)))
        regulator = ctx.name(top.actors[0]) if top.actors else "a regulator"
        what = f'{possessive(regulator)} "{title}" for {ctx.name(str(top.data.get("subject")))}'
        if len(sanctions) == 1:
            out.append(f"Regulators imposed one sanction: {what}.")
        else:
            out.append(f"Regulators imposed {plural(len(sanctions), 'sanction')}; the most serious was {what}.")
    else:
        out.append("No regulator imposed a sanction.")
    counts = Counter(e.kind for e in ctx.events)
    blocked = sum(1 for e in ctx.events if e.kind == "AllianceReviewed" and e.data.get("outcome") == "blocked")
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
        deals.append(f"Monitor blocked {number(blocked)}")
    if deals:
        out.append(_sentence(listed(deals)))
    topics = Counter(t for e in ctx.events if e.kind in TALK for t in set(e.topics))
    talk = sum(1 for e in ctx.events if e.kind in TALK and e.topics)
    if topics and talk:
        (first, n1), *_rest = topics.most_common()
        line = f"{ctx.words.topic(first)} dominated the talk: it came up in {round(100 * n1 / talk)}% of what organisations said and did"
        if first != "quality":
            q = topics.get("quality", 0)
            line += f", {ctx.words.topic('quality')} in {round(100 * q / talk)}%"
        out.append(_sentence(line))
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


def _public(amount: int | None) -> str:
    return "not published" if amount is None else balance(amount)


def _holding(amount: int) -> str:
    if amount == 0:
        return "nothing in hand"
    if amount < 0:
        return f"a deficit of {money(amount)}"
    return f"{money(amount)} in hand"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


# --- organisations -------------------------------------------------------------------------------

_GROUPS = (
    ("Commissioners", COMMISSIONER_KINDS | {"csu"}),
    ("Providers", CARE_PROVIDER_KINDS),
    ("System bodies", SYSTEM_KINDS),
)


def _group(kind: str) -> str:
    return next((name for name, kinds in _GROUPS if kind in kinds), "Others")


def _status(ctx: _Context, state: GameState, rid: str) -> str:
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


def _table(ctx: _Context) -> list[Row]:
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
                money_then=balance(then.balance) if known else _public(ctx.published(ctx.start, rid)),
                money_now=balance(now.balance) if known else _public(ctx.published(ctx.end, rid)),
                quality=quality,
                status=status or "none",
                agreements=agreements,
            )
        )
    return rows


_MOVES_ORG: dict[str, int] = {
    "SanctionImposed": 90,
    "SanctionLifted": 70,
    "AllianceReviewed": 70,
    "ConflictChallenged": 60,
    "QualityPremiumPaid": 60,
    "DecisionTaken": 60,
    "SchemeFailed": 55,
    "ContractRolledOver": 50,
    "AllianceFormed": 45,
    "AllianceEnded": 45,
    "ContractVaried": 45,
    "ContractSigned": 40,
    "CompetitionReviewOpened": 40,
    "FundingAwarded": 40,
    "SchemeSavingsReleased": 40,
    "InspectionHeld": 40,
    "OptionChosen": 35,
    "PlanAssessed": 35,
    "SchemeInvested": 30,
    "MoneyMoved": 30,
    "CostBaseChanged": 30,
    "QualityChanged": 25,
    "ContractEnded": 20,
}


def _concerns(e: Event, rid: str) -> bool:
    d = e.data
    if rid in e.actors:
        return True
    return rid in (d.get("subject"), d.get("consortium"), d.get("role"), d.get("payee"), d.get("investor"))


def _weight(ctx: _Context, e: Event) -> float:
    """How much an event moved an organisation: its kind, then the money in it."""
    d = e.data
    base = _MOVES_ORG.get(e.kind, 0)
    if e.kind in ("MoneyMoved", "FundingAwarded", "SchemeInvested", "QualityPremiumPaid"):
        amount = abs(int(d.get("amount", 0) or d.get("awarded", 0) or d.get("cost", 0)))
        base += min(amount / 50, 60)
    elif e.kind == "CostBaseChanged":
        base += min(abs(int(d.get("change", 0))) / 200, 60)
    elif e.kind == "QualityChanged":
        base += 8 * abs(int(d.get("amount", 0)))
    return base + (50 if d.get("final") else 0)


def _organisations(ctx: _Context) -> list[OrgStory]:
    by_org: dict[str, list[Event]] = defaultdict(list)
    results: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in ctx.events:
        if e.kind == "MonthResolved":
            results[str(e.data.get("role"))].append((e.month, int(e.data.get("result", 0))))
            continue
        if e.kind not in _MOVES_ORG or not ctx.worth(e):
            continue
        if e.kind == "DecisionTaken" and e.data.get("decision") == "dismiss_agenda_item":
            continue
        for rid in ctx.scenario.roles:
            if _concerns(e, rid):
                by_org[rid].append(e)
    stories = []
    for rid in _in_groups(ctx.scenario):
        role = ctx.scenario.roles[rid]
        group = _group(role.kind)
        if True:
            summary = _org_summary(ctx, rid, results.get(rid, []))
            mine = by_org.get(rid, [])
            if role.kind in SYSTEM_KINDS:  # what a system body did, not what was done to it
                mine = [e for e in mine if e.actors and e.actors[0] == rid]
            top = sorted(sorted(mine, key=lambda e: -_weight(ctx, e))[:6], key=ctx.events.index)
            lines = _gathered_dated(ctx, top)
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


def _gathered_dated(ctx: _Context, events: Sequence[Event]) -> list[str]:
    """Dated sentences, like events of one month told together."""
    out: list[str] = []
    by_month: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        by_month[e.month].append(e)
    for month in sorted(by_month):
        for text in gather([ctx.tell(e) for e in by_month[month]]):
            out.append(f"{ctx.words.month(month)}: {text}")
    return out


def _org_summary(ctx: _Context, rid: str, results: list[tuple[int, int]]) -> list[str]:
    role = ctx.scenario.roles[rid]
    then, now = ctx.start.orgs[rid], ctx.end.orgs[rid]
    name = role.short_name
    out = []
    if ctx.knows_money(rid) and (then.balance or now.balance or any(r for _, r in results)):
        change = now.balance - then.balance
        if change == 0:
            line = f"{name} held {balance(now.balance)} throughout"
        else:
            line = f"{name} went from {_holding(then.balance)} to {_holding(now.balance)}"
        if results:
            trading = sum(r for _, r in results)
            worst_month, worst = min(results, key=lambda mr: mr[1])
            one_off = change - trading
            line += f". Month by month it {'lost' if trading < 0 else 'made'} {money(trading)} in all"
            if worst < 0 and trading < 0:
                line += f" (worst: {ctx.words.month(worst_month)}, {money(worst)})"
            if one_off:
                line += f"; one-off money {'added' if one_off > 0 else 'took away'} {money(one_off)}"
        out.append(_sentence(line))
    elif not ctx.knows_money(rid):
        first, last = ctx.published(ctx.start, rid), ctx.published(ctx.end, rid)
        if first is not None and last is not None and (first or last):
            if first == last:
                out.append(f"Its published accounts showed {_holding(last)} throughout.")
            else:
                out.append(f"Its published accounts went from {_holding(first)} to {_holding(last)}.")
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
        out.append(_sentence(f"In force at the end: {listed(parts)}"))
    return out


_ACTIVITY = (
    ("SanctionImposed", "imposed", "sanction", "sanctions"),
    ("SanctionLifted", "lifted", "sanction", "sanctions"),
    ("InspectionHeld", "held", "inspection", "inspections"),
    ("RulingMade", "made", "ruling", "rulings"),
    ("PlanAssessed", "assessed", "financial plan", "financial plans"),
    ("FundingAwarded", "decided", "bid for funding", "bids for funding"),
    ("ConcernRaised", "raised", "concern", "concerns"),
    ("RequestRaised", "made", "request", "requests"),
    ("MeetingConvened", "called", "meeting", "meetings"),
)


def _activity(ctx: _Context, rid: str) -> list[str]:
    """What a system body did, counted: the observers' picture of a busy or a sidelined body."""
    mine = [e for e in ctx.events if e.actors and e.actors[0] == rid]
    counts = Counter(e.kind for e in mine)
    done = [f"{verb} {plural(counts[kind], one, many)}" for kind, verb, one, many in _ACTIVITY if counts[kind]]
    name = ctx.name(rid)
    out = (
        [_sentence(f"{name} {listed(done)}")] if done else [f"{name} took no action of its own that others could see."]
    )
    answered = _answered(ctx.all_events)
    asked = [e for e in mine if e.kind in ("ConcernRaised", "RequestRaised", "MeetingConvened")]
    silent = sum(1 for e in asked if _item_id(e) not in answered)
    if asked and silent:
        out.append(_unanswered(asked, silent))
    landed = sum(1 for e in ctx.events if e.kind == "AgendaItemAdded" and e.data.get("regulator") == rid)
    dismissed = sum(1 for e in mine if e.kind == "DecisionTaken" and e.data.get("decision") == "dismiss_agenda_item")
    if landed:
        line = f"its agenda received {plural(landed, 'item')}"
        if dismissed:
            line += f"; it set aside {number(dismissed)}"
        out.append(_sentence(line))
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


# --- contracts, alliances, sanctions ---------------------------------------------------------

_CONTRACT_EVENTS = (
    "ContractSigned",
    "ContractVaried",
    "ContractEnded",
    "ContractRolledOver",
    "ConflictDeclared",
    "ConflictChallenged",
    "AgreementLapsed:contract",
)
_ALLIANCE_EVENTS = (
    "AllianceFormed",
    "AllianceEnded",
    "CompetitionReviewOpened",
    "AllianceReviewed",
    "AgreementLapsed:alliance",
)
_SANCTION_EVENTS = ("SanctionImposed", "SanctionLifted")


def _section(ctx: _Context, kinds: tuple[str, ...]) -> list[str]:
    wanted = {k.split(":")[0] for k in kinds}
    lapsed = next((k.split(":")[1] for k in kinds if k.startswith("AgreementLapsed:")), None)
    chosen = []
    for e in ctx.events:
        if e.kind not in wanted:
            continue
        if e.kind == "AgreementLapsed":
            is_contract = ctx.words.lookup.agreements.get(str(e.data.get("agreement")))
            contract = (is_contract.kind if is_contract else str(e.data.get("kind"))) in _CONTRACT_KINDS
            if (lapsed == "contract") != contract:
                continue
        chosen.append(e)
    return _gathered_dated(ctx, chosen)


_CONTRACT_KINDS = frozenset({"tariff", "block", "risk_share", "support"})


# --- timeline -----------------------------------------------------------------------------------

_TIMELINE_LIMIT = 18

_WEIGHT: dict[str, int] = {
    "SanctionImposed": 100,
    "SanctionLifted": 90,
    "AllianceReviewed": 90,
    "ConflictChallenged": 85,
    "AllianceFormed": 80,
    "AllianceEnded": 75,
    "ContractRolledOver": 75,
    "RulingMade": 70,
    "ContractSigned": 70,
    "ContractVaried": 65,
    "ContractEnded": 60,
    "CompetitionReviewOpened": 65,
    "FundingAwarded": 60,
    "DecisionTaken": 60,
    "SchemeFailed": 60,
    "QualityPremiumPaid": 60,
    "CardPublished": 55,
    "SchemeInvested": 55,
    "SchemeSavingsReleased": 50,
    "PlanAssessed": 50,
    "AgendaItemAdded": 50,
    "InspectionHeld": 45,
    "OptionChosen": 45,
    "RuleChanged": 45,
    "ConflictDeclared": 45,
    "MeetingHeld": 40,
    "PlanSubmitted": 40,
    "PlanChallenged": 40,
    "AgreementLapsed": 40,
    "RequestAnswered": 40,
    "AgreementRejected": 35,
    "AgreementCountered": 35,
    "FundingBid": 35,
    "AgreementProposed": 30,
    "ConcernRaised": 30,
    "RequestRaised": 25,
}


def _self(e: Event) -> str:
    """The organisation an event happens to, to find which of several answers caused it."""
    d = e.data
    for key in ("role", "payer", "target", "subject", "consortium", "investor"):
        if d.get(key):
            return str(d[key])
    return e.actors[0] if e.actors else ""


def _provides(e: Event) -> list[tuple[str, str]]:
    """The `source` its consequences name, with the organisation they must happen to ("" for any)."""
    d = e.data
    if e.kind == "CardPublished":
        return [(f"card:{d.get('card')}", "")]
    if e.kind == "OptionChosen":
        return [(f"card:{d.get('card')}:{d.get('option')}", str(d.get("role")))]
    if e.kind == "DecisionTaken":
        return [(f"decision:{d.get('decision')}", str(d.get("role")))]
    if e.kind == "SanctionImposed":
        return [(f"{d.get('ladder')}:{d.get('step')}", str(d.get("subject")))]
    if e.kind in ("SchemeInvested", "SchemeSavingsReleased"):
        return [(f"scheme:{d.get('investment')}", "")]
    if e.kind == "RulingMade" and e.actors:
        return [(f"ruling by {e.actors[0]}", "")]
    return []


def _tree(ctx: _Context, events: Iterable[Event]) -> list[tuple[Told, list[Told]]]:
    """Events with the consequences that followed from them in the same month beneath them."""
    nodes: list[tuple[Told, list[Told]]] = []
    causes: dict[tuple[str, str], int] = {}
    for e in events:
        source = str(e.data.get("source", ""))
        parent = causes.get((source, _self(e)), causes.get((source, ""))) if source else None
        if parent is not None:
            nodes[parent][1].append(ctx.tell(e))
            continue
        for key in _provides(e):
            causes[key] = len(nodes)
        nodes.append((ctx.tell(e), []))
    return nodes


def _weight_of(told: Sequence[Told], children: int) -> float:
    best = max(_WEIGHT.get(t.event.kind, 20) for t in told)
    public = any(t.event.kind == "CardPublished" and not t.event.audience for t in told)
    return best + 10 * public + min(children, 3) * 3 + min(len(told), 4)


def _merge_quality(ctx: _Context, events: Iterable[Event]) -> list[Event]:
    """A provider's quality moving several times in a month for one reason is told once, in total."""
    out: list[Event] = []
    first: dict[tuple, int] = {}
    for e in events:
        if e.kind != "QualityChanged":
            out.append(e)
            continue
        d = e.data
        role = str(d.get("role"))
        amount = int(d.get("amount", 0))
        key = (role, ctx.words.cause(d.get("source"), role), d.get("reason", ""), amount > 0)
        if key not in first:
            first[key] = len(out)
            out.append(e)
            continue
        earlier = out[first[key]]
        total = int(earlier.data.get("amount", 0)) + amount
        out[first[key]] = attrs.evolve(earlier, data={**earlier.data, "amount": total, "quality": d.get("quality")})
    return out


def _month_items(ctx: _Context, events: Iterable[Event], limit: int | None) -> tuple[list[Item], int]:
    told = gather_tree(_tree(ctx, _merge_quality(ctx, (e for e in events if ctx.worth(e)))))
    keep = range(len(told))
    if limit is not None and len(told) > limit:
        ranked = sorted(keep, key=lambda i: -_weight_of(told[i][0], len(told[i][2])))
        keep = sorted(ranked[:limit])
    items = [Item(told[i][1], tuple(told[i][2])) for i in keep]
    return items, len(told) - len(items)


def _timeline(ctx: _Context) -> list[Month]:
    turn_of = {ctx.scenario.months.index(m): i for i, t in enumerate(ctx.scenario.turns) for m in t}
    by_turn: dict[int, list[Event]] = defaultdict(list)
    for e in ctx.events:
        by_turn[turn_of.get(e.month, 0)].append(e)
    months = []
    for turn in sorted(by_turn):
        items, more = _month_items(ctx, by_turn[turn], _TIMELINE_LIMIT)
        if items:
            months.append(Month(turn_label(ctx.scenario.turns[turn]), tuple(items), more))
    return months


# --- observer notes ------------------------------------------------------------------------------


def _from(ctx: _Context, e: Event) -> str:
    """Who took the initiative: the asker, the proposer (a card's offer comes from its provider)."""
    d = e.data
    if "by" in d:
        return str(d["by"])
    if e.kind == "AgreementProposed" and not d.get("variation"):
        found = ctx.words.lookup.agreements.get(str(d.get("agreement")))
        if found and found.proposer:
            return found.proposer
    if e.kind in ("FundingBid",):
        return str(d.get("by", ""))
    return e.actors[0] if e.actors else ""


def _to(ctx: _Context, e: Event) -> tuple[str, ...]:
    d = e.data
    if "to" in d:
        return tuple(d["to"])
    if e.kind == "AgendaItemAdded":
        return (str(d.get("regulator")),)
    if e.kind == "AgreementProposed":
        source = _from(ctx, e)
        return tuple(p for p in d.get("parties", e.actors) if p != source)
    return tuple(e.actors[1:])


def _answered(events: Sequence[Event]) -> set[str]:
    """Ids of proposals, requests and meetings that got a reply from someone."""
    out: set[str] = set()
    for e in events:
        d = e.data
        if e.kind in ("AgreementAccepted", "AgreementRejected", "AgreementCountered"):
            out.add(str(d.get("agreement")))
        elif (e.kind == "RequestAnswered" and d.get("answered", True)) or (e.kind == "RulingMade" and d.get("request")):
            out.add(str(d.get("request")))
    return out


def _item_id(e: Event) -> str:
    d = e.data
    return str(d.get("agreement") or d.get("request") or d.get("meeting") or d.get("bid") or "")


def _matches(ctx: _Context, f: EventFilter, e: Event, answered: set[str]) -> bool:
    if f.events:
        if e.kind not in f.events:
            return False
    elif e.kind in BOOKKEEPING:
        return False
    if f.topics and not set(f.topics) & set(e.topics):
        return False
    kinds = {rid: role.kind for rid, role in ctx.scenario.roles.items()}
    if f.from_kinds and kinds.get(_from(ctx, e)) not in f.from_kinds:
        return False
    if f.to_kinds and not {kinds.get(r) for r in _to(ctx, e)} & set(f.to_kinds):
        return False
    return f.answered is None or (_item_id(e) in answered) == f.answered


def measure(ctx: _Context, theme: Theme, answered: set[str]) -> tuple[float, int, int, list[Event]]:
    """(value, matching `of`, matching `against`, the `of` events) for one theme over the window."""
    m = theme.measure
    of = [e for e in ctx.events if _matches(ctx, m.of, e, answered)]
    against = [e for e in ctx.events if m.against is not None and _matches(ctx, m.against, e, answered)]
    if m.kind == "count":
        value = float(len(of))
    elif m.kind == "ratio":
        value = len(of) / max(len(against), 1)
    else:
        value = 100 * len(of) / len(against) if against else 0.0
    return value, len(of), len(against), of


def _figure(kind: str, value: float) -> str:
    if kind == "ratio":
        return f"{value:.1f}".removesuffix(".0")
    return str(round(value))


def _notes(ctx: _Context) -> list[Note]:
    answered = _answered(ctx.all_events)
    out = []
    for theme in ctx.scenario.info.themes:
        value, n_of, n_against, behind = measure(ctx, theme, answered)
        if value < theme.measure.at_least or not behind:
            continue
        fields = {"value": _figure(theme.measure.kind, value), "of": str(n_of), "against": str(n_against)}
        text = fill(theme.text, fields)
        shown = _spread([e for e in behind if ctx.worth(e)] or behind, 5)
        evidence = _gathered_dated(ctx, shown)
        out.append(Note(theme.title, text, tuple(evidence), max(0, len(behind) - len(shown))))
    return out


def _spread(events: Sequence[Event], n: int) -> list[Event]:
    """Up to n events from across the period rather than the first few: talk before book-keeping."""
    talk = [e for e in events if e.kind in TALK] or list(events)
    if len(talk) <= n:
        return talk
    step = (len(talk) - 1) / (n - 1)
    return [talk[round(i * step)] for i in range(n)]


# --- replaying a move log, remembering where things were -------------------------------------------


def replay(scenario: Scenario, seed: int, moves: Sequence[Move]) -> Replay:
    """The engine's one replay, with a refusal told as a debrief error."""
    try:
        return engine_replay(scenario, seed, moves)
    except ReplayRefused as refused:
        raise DebriefError(
            f"move {refused.number} ({refused.move.name}) was refused on replay: {refused.reason}"
        ) from None


# --- from saved games ----------------------------------------------------------------------------


class DebriefError(ValueError):
    """Saves that cannot be debriefed together, in words for the person who chose them."""


@frozen
class Game:
    """What the debrief needs of a saved game: its name for people, its seed, its move log and its table log."""

    label: str
    seed: int
    moves: tuple[Move, ...]
    table: tuple[TableEntry, ...] = ()


def at_table(scenario: Scenario, entries: Iterable[TableEntry], months: tuple[int, int] | None = None) -> list[str]:
    """What happened at the table rather than in the game, in the order it happened, one sentence each."""
    lines = []
    for e in entries:
        if months is not None and e.month in scenario.months:
            index = scenario.months.index(e.month)
            if not months[0] <= index <= months[1]:
                continue
        when = f"{month_label(e.month)}, after move {e.after}" if e.month else f"After move {e.after}"
        org = scenario.roles[e.role].short_name if e.role in scenario.roles else e.role
        if e.kind == CHECKPOINT:
            what = f"the facilitator marked a checkpoint, “{e.label}”"
        elif e.kind == TAKEN_OVER:
            what = f"the facilitator took over {org}" + (f" from {_seat_words(e.previous)}" if e.previous else "")
        elif e.kind == HANDED_BACK:
            what = f"the facilitator handed {org} back to {_seat_words(e.seat)}"
        else:
            what = f"{org} went to {_seat_words(e.seat)}"
        lines.append(f"{when}: {what}.")
    return lines


def _seat_words(seat: str) -> str:
    return {BOT: "the computer", FACILITATOR: "the facilitator"}.get(seat, seat)


def debrief_games(
    scenario: Scenario,
    games: Sequence[Game],
    role: str | None = None,
    months: tuple[int, int] | None = None,
) -> Debrief | BranchDebrief:
    """One game from its start; two points of one game (one log a prefix of the other): what happened
    between them; two branches of one game: where they parted and what followed on each side.
    `months` (first and last month index) narrows one game or two points to those months' turns."""
    if len(games) == 1:
        game = games[0]
        played = replay(scenario, game.seed, game.moves)
        first, last = _turns(scenario, months)
        start, end, events = played.window(first, last)
        debrief = build_debrief(scenario, events, start, end, role, months)
        return attrs.evolve(debrief, at_table=tuple(at_table(scenario, game.table, months)))
    a, b = games
    if a.seed != b.seed:
        raise DebriefError(
            f'"{a.label}" and "{b.label}" are not the same game: they were started from different seeds '
            f"({a.seed} and {b.seed}); a debrief of two saves needs two points or two branches of one game"
        )
    shared = fork_index(a.moves, b.moves)
    if shared == len(a.moves) == len(b.moves):
        raise DebriefError(
            f'"{a.label}" and "{b.label}" hold the same moves, so nothing happened between them; give one of them'
        )
    if shared in (len(a.moves), len(b.moves)):
        earlier, later = (a, b) if len(a.moves) < len(b.moves) else (b, a)
        played = replay(scenario, later.seed, later.moves)
        first, last = _turns(scenario, months)
        _, after = played.at_move[len(earlier.moves)]
        start, end, events = played.window(first, last, after)
        debrief = build_debrief(scenario, events, start, end, role, months)
        note = (
            f'Between two saves of one game: "{earlier.label}" (after move {len(earlier.moves)}) '
            f'and "{later.label}" (after move {len(later.moves)}).'
        )
        return attrs.evolve(debrief, note=note)
    if months is not None:
        raise DebriefError("--from and --to narrow one game; two branches are compared from where they part")
    sides = [replay(scenario, g.seed, g.moves) for g in (a, b)]
    fork_state, count = sides[0].at_move[shared]
    branches = [
        (g.label, g.moves[shared] if shared < len(g.moves) else None, side.events[count:], side.state)
        for g, side in zip((a, b), sides, strict=True)
    ]
    return compare_branches(scenario, fork_state, branches, shared, role)


def _turns(scenario: Scenario, months: tuple[int, int] | None) -> tuple[int, int]:
    """The turns holding the first and last month of a window (the whole game without one)."""
    if months is None:
        return 0, len(scenario.turns) - 1
    turn_of = {scenario.months.index(m): i for i, t in enumerate(scenario.turns) for m in t}
    return turn_of[months[0]], turn_of[months[1]]


# --- two branches ------------------------------------------------------------------------------


def fork_index(a: Sequence[Move], b: Sequence[Move]) -> int:
    """How many moves two logs share before they part."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _first_sentence(ctx: _Context, events: Iterable[Event], move: Move | None) -> str:
    for e in events:
        if ctx.worth(e) or e.kind in ("AgreementAccepted", "RequestAnswered", "MeetingConvened"):
            return ctx.tell(e).text
    if move is None:
        return "The game went no further."
    who = ctx.name(move.actor)
    if move.name == "EndTurn":
        return f"{who} ended its turn there."
    return f"{who} made a move that changed nothing anyone could see."


def compare_branches(
    scenario: Scenario,
    fork_state: GameState,
    branches: Sequence[tuple[str, Move | None, Sequence[Event], GameState]],
    moves_shared: int,
    role: str | None = None,
    title: str = "",
) -> BranchDebrief:
    """Two branches from the state where they parted. Each branch is (label, its first move
    after the fork, the events from the fork on, its final state). Each side is told by what
    happened on it and not on the other, month by month; what both sides share is left out."""
    contexts = [_Context(scenario, events, fork_state, end, role, None) for _, _, events, end in branches]
    months = [_all_months(ctx) for ctx in contexts]
    told = []
    for n, ((label, move, events, _), ctx) in enumerate(zip(branches, contexts, strict=True)):
        other = months[1 - n]
        only = []
        for turn, items in months[n].items():
            theirs = set(other.get(turn, ()))
            mine = [item for item in items if item not in theirs]
            if mine:
                kept, more = _limited(mine, _TIMELINE_LIMIT)
                only.append(Month(turn_label(scenario.turns[turn]), tuple(kept), more))
        told.append(
            Branch(
                label=label,
                first_move=_first_sentence(ctx, events, move),
                period=_period(ctx),
                headline=tuple(_headline(ctx)),
                only_here=tuple(only),
                notes=tuple(_notes(ctx)),
            )
        )
    texts = [{n.text for n in b.notes} for b in told]
    shared = tuple(n for n in told[0].notes if n.text in texts[1])
    told = [
        attrs.evolve(b, notes=tuple(n for n in b.notes if n not in shared and n.text not in texts[0] & texts[1]))
        for b in told
    ]
    words = Words(scenario, Lookup((fork_state,), ()))
    actor = fork_state.actor
    fork = [
        f"The two games share their first {plural(moves_shared, 'move')}.",
        f"At move {moves_shared + 1}, in {_when(scenario, fork_state, False)}, "
        f"{words.name(actor) if actor else 'the game'} chose differently:",
        *(f"{b.label}: {b.first_move}" for b in told),
    ]
    return BranchDebrief(
        title=title or f"Two branches of one game: {scenario.title}",
        fork=tuple(fork),
        comparison=tuple(_comparison(scenario, [(events, end) for *_, events, end in branches], role)),
        branches=tuple(told),
        shared_notes=shared,
    )


def _all_months(ctx: _Context) -> dict[int, list[Item]]:
    """Every month's items, unlimited (for comparing two sides), by turn index."""
    turn_of = {ctx.scenario.months.index(m): i for i, t in enumerate(ctx.scenario.turns) for m in t}
    by_turn: dict[int, list[Event]] = defaultdict(list)
    for e in ctx.events:
        by_turn[turn_of.get(e.month, 0)].append(e)
    return {turn: _month_items(ctx, events, None)[0] for turn, events in sorted(by_turn.items())}


def _limited(items: list[Item], limit: int) -> tuple[list[Item], int]:
    """The first `limit` items; a side's own events are few, so order matters more than weight."""
    return items[:limit], max(0, len(items) - limit)


def _comparison(
    scenario: Scenario, ends: Sequence[tuple[Sequence[Event], GameState]], role: str | None
) -> list[tuple[str, str, str]]:
    """Each organisation where the branches ended apart: money (its books, or else as published), quality, sanctions."""
    words = Words(scenario)
    out = []
    for rid, r in scenario.roles.items():
        cells = []
        for events, end in ends:
            parts = []
            if knows_books(role, rid):
                parts.append(balance(end.orgs[rid].balance))
            else:
                parts.append(_public(published(end, events, rid).balance))
            if r.kind in CARE_PROVIDER_KINDS:
                parts.append(f"quality {end.orgs[rid].quality}")
            for ladder in scenario.info.ladders:
                step = end.ladders.get(f"{ladder.id}|{rid}", 0)
                if step:
                    parts.append(f"{words.first_of_kind(ladder.regulator)}: {ladder.steps[step - 1].title}")
            cells.append(", ".join(parts))
        if len(set(cells)) > 1:
            out.append((r.short_name, cells[0], cells[1]))
    return out


# --- writing it out -------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def _md_cell(text: str) -> str:
    return _md_escape(text).replace("\n", " ")


def to_markdown(debrief: Debrief | BranchDebrief) -> str:
    if isinstance(debrief, BranchDebrief):
        return _branches_markdown(debrief)
    return "\n".join(_markdown_lines(debrief, 1)).rstrip() + "\n"


def _bullets(lines: Iterable[str], more: int = 0, what: str = "event") -> list[str]:
    out = [f"- {_md_escape(line)}" for line in lines]
    if more:
        out.append(f"- …and {plural(more, 'more ' + what, 'more ' + what + 's')}.")
    return out


def _markdown_lines(d: Debrief, level: int) -> list[str]:
    h = "#" * level
    out = [f"{h} {_md_escape(d.title)}", "", f"*{_md_escape(d.period)}, {_md_escape(d.viewpoint)}.*", ""]
    if d.note:
        out += [_md_escape(d.note), ""]
    out += [f"{h}# The story in brief", "", _md_escape(" ".join(d.headline)), ""]
    out += [f"{h}# The organisations", ""]
    out += [
        "| Organisation | Money then | Money now | Quality | Regulatory status | Agreements in force |",
        "|---|---:|---:|---|---|---|",
    ]
    for r in d.table:
        cells = (r.name, r.money_then, r.money_now, r.quality or "–", r.status, r.agreements)
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    out.append("")
    group = ""
    for org in d.organisations:
        if org.group != group:
            group = org.group
            out += [f"{h}## {group}", ""]
        out += [f"{h}### {_md_escape(org.name)}", "", _md_escape(" ".join(org.summary)), ""]
        if org.moved_by:
            label = "What it did:" if org.group == "System bodies" else "What moved it:"
            out += [label, "", *_bullets(org.moved_by), ""]
            if org.more:
                out += [f"…and {org.more} more in the month-by-month account below.", ""]
    for heading, lines, none in (
        ("Contracts", d.contracts, "No contract was signed, varied, rolled over or ended."),
        ("Alliances", d.alliances, "No alliance was formed or reviewed."),
        ("Sanctions", d.sanctions, "No regulator imposed or lifted a sanction."),
    ):
        out += [f"{h}# {heading}", ""]
        out += [*_bullets(lines), ""] if lines else [none, ""]
    if d.at_table:
        out += [f"{h}# At the table", "", *_bullets(d.at_table), ""]
    out += [f"{h}# Month by month", ""]
    if not d.timeline:
        out += ["Nothing worth telling happened.", ""]
    for month in d.timeline:
        out += [f"{h}## {month.label}", "", *_item_lines(month)]
    out += [f"{h}# Observer notes", ""]
    if not d.notes:
        out += ["None of the observers' themes showed up clearly in this period.", ""]
    for note in d.notes:
        out += [f"{h}## {_md_escape(note.title)}", "", _md_escape(note.text), ""]
        out += ["Behind it:", "", *_bullets(note.evidence, note.more), ""]
    return out


def _branches_markdown(b: BranchDebrief) -> str:
    out = [f"# {_md_escape(b.title)}", "", "## Where the branches parted", ""]
    out += [_md_escape(b.fork[0] + " " + b.fork[1]), ""]
    out += [f"- {_md_escape(line)}" for line in b.fork[2:]] + [""]
    labels = [br.label for br in b.branches]
    out += ["## Where each branch ended", ""]
    if b.comparison:
        out += [f"| Organisation | {_md_cell(labels[0])} | {_md_cell(labels[1])} |", "|---|---|---|"]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.comparison]
    else:
        out.append("Every organisation ended in the same position on both branches.")
    out.append("")
    for branch in b.branches:
        out += [f"## {_md_escape(branch.label)}", "", f"*{_md_escape(branch.period)}.*", ""]
        out += [_md_escape(" ".join(branch.headline)), ""]
        out += ["### What happened only on this branch", ""]
        if not branch.only_here:
            out += ["Nothing that did not also happen on the other branch.", ""]
        for month in branch.only_here:
            out += [f"#### {month.label}", ""]
            out += _item_lines(month)
        for note in branch.notes:
            out += [f"### Observer note: {_md_escape(note.title)}", "", _md_escape(note.text), ""]
    if b.shared_notes:
        out += ["## Observer notes on both branches", ""]
        for note in b.shared_notes:
            out += [f"### {_md_escape(note.title)}", "", _md_escape(note.text), ""]
    return "\n".join(out).rstrip() + "\n"


def _item_lines(month: Month) -> list[str]:
    out = []
    for item in month.items:
        out.append(f"- {_md_escape(item.text)}")
        out += [f"  - {_md_escape(line)}" for line in item.then]
    if month.more:
        out.append(f"- …and {plural(month.more, 'smaller event')}.")
    return [*out, ""]


_WIDTH = 78


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [""]


def _heading(text: str, char: str) -> list[str]:
    return [text, char * len(text), ""]


def _text_bullets(lines: Iterable[str], more: int = 0, what: str = "event") -> list[str]:
    out = []
    for line in lines:
        out += _wrap(line, "    ", "  - ")
    if more:
        out += _wrap(f"...and {plural(more, 'more ' + what, 'more ' + what + 's')}.", "    ", "  - ")
    return out


def to_text(debrief: Debrief | BranchDebrief) -> str:
    if isinstance(debrief, Debrief):
        return "\n".join(_text_lines(debrief, ("=", "-", "~"))).rstrip() + "\n"
    out = _heading(debrief.title, "=")
    out += _heading("Where the branches parted", "-")
    out += [*_wrap(debrief.fork[0] + " " + debrief.fork[1]), ""]
    out += [*_text_bullets(debrief.fork[2:]), ""]
    out += _heading("Where each branch ended", "-")
    if debrief.comparison:
        labels = [br.label for br in debrief.branches]
        out += [*_columns([("Organisation", *labels), *debrief.comparison]), ""]
    else:
        out += ["Every organisation ended in the same position on both branches.", ""]
    for branch in debrief.branches:
        out += _heading(branch.label, "-")
        out += [*_wrap(f"{branch.period}."), ""]
        out += [*_wrap(" ".join(branch.headline)), ""]
        out += _heading("What happened only on this branch", "~")
        if not branch.only_here:
            out += ["Nothing that did not also happen on the other branch.", ""]
        for month in branch.only_here:
            out += [month.label, *_text_items(month), ""]
        for note in branch.notes:
            out += _heading(f"Observer note: {note.title}", "~")
            out += [*_wrap(note.text), ""]
    if debrief.shared_notes:
        out += _heading("Observer notes on both branches", "-")
        for note in debrief.shared_notes:
            out += _heading(note.title, "~")
            out += [*_wrap(note.text), ""]
    return "\n".join(out).rstrip() + "\n"


def _text_items(month: Month) -> list[str]:
    out = []
    for item in month.items:
        out += _wrap(item.text, "    ", "  - ")
        for line in item.then:
            out += _wrap(line, "        ", "      · ")
    if month.more:
        out += _wrap(f"...and {plural(month.more, 'smaller event')}.", "    ", "  - ")
    return out


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _text_lines(d: Debrief, marks: tuple[str, str, str]) -> list[str]:
    top, mid, low = marks
    out = _heading(d.title, top)
    out += [*_wrap(f"{d.period}, {d.viewpoint}."), ""]
    if d.note:
        out += [*_wrap(d.note), ""]
    out += _heading("The story in brief", mid)
    out += [*_wrap(" ".join(d.headline)), ""]
    out += _heading("The organisations", mid)
    rows = [("Organisation", "Money then", "Money now", "Quality")]  # status and agreements: in each story below
    rows += [(r.name, r.money_then, r.money_now, r.quality or "-") for r in d.table]
    out += [*_columns(rows), ""]
    for org in d.organisations:
        out += _heading(f"{org.name} ({org.group.lower()})", low)
        out += [*_wrap(" ".join(org.summary)), ""]
        if org.moved_by:
            label = "What it did:" if org.group == "System bodies" else "What moved it:"
            out += [label, *_text_bullets(org.moved_by), ""]
            if org.more:
                out += [f"...and {org.more} more in the month-by-month account below.", ""]
    for heading, lines, none in (
        ("Contracts", d.contracts, "No contract was signed, varied, rolled over or ended."),
        ("Alliances", d.alliances, "No alliance was formed or reviewed."),
        ("Sanctions", d.sanctions, "No regulator imposed or lifted a sanction."),
    ):
        out += _heading(heading, mid)
        out += [*_text_bullets(lines), ""] if lines else [*_wrap(none), ""]
    if d.at_table:
        out += _heading("At the table", mid)
        out += [*_text_bullets(d.at_table), ""]
    out += _heading("Month by month", mid)
    for month in d.timeline:
        out += _heading(month.label, low)
        out += [*_text_items(month), ""]
    out += _heading("Observer notes", mid)
    if not d.notes:
        out += [*_wrap("None of the observers' themes showed up clearly in this period."), ""]
    for note in d.notes:
        out += _heading(note.title, low)
        out += [*_wrap(note.text), "", "Behind it:", *_text_bullets(note.evidence, note.more), ""]
    return out


__all__ = [
    "BOOKKEEPING",
    "Branch",
    "BranchDebrief",
    "Debrief",
    "DebriefError",
    "Game",
    "build_debrief",
    "compare_branches",
    "debrief_games",
    "fork_index",
    "month_changes",
    "replay",
    "to_markdown",
    "to_text",
]
