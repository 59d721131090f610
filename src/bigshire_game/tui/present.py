"""What the screens say: moves, events, inbox items, figures and deadlines in words.

Plain Python, no Textual, so it is tested without a terminal. It reads state
and the engine's lists of legal moves; it never decides what is allowed (the
engine does) and never changes state. Money is whole £k, as everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from ..content import Scenario, month_label, turn_label
from ..engine import kinds
from ..engine.kinds import (  # noqa: F401  (present's words, used across the screens)
    activities,
    agreement_words,
    figure_change,
    kind_words,
    lower_first,
    money,
    names,
    possessive,
    rule_words,
    short,
    signed_money,
    terms_words,
    upper_first,
    words,
)
from ..state import Agreement, GameState
from ..vocabulary.catalogue import ALLIANCE_KINDS, CONTRACT_KINDS, KINDS, METRICS
from ..vocabulary.events import Event
from ..vocabulary.moves import (
    AcceptProposal,
    AnswerCard,
    AnswerRequest,
    CounterProposal,
    DecideFunding,
    DecideReview,
    DismissAgendaItem,
    ImposeSanction,
    Inspect,
    LiftSanction,
    MakeRuling,
    Move,
    Rejection,
    RejectProposal,
    RespondToMeeting,
    SignAgreement,
)

if TYPE_CHECKING:
    from ..engine.game import Preview

# --- numbers -----------------------------------------------------------------------------------

SPARK = "▁▂▃▄▅▆▇█"


def spark(values: Sequence[float], width: int = 12) -> str:
    """A one-line sparkline of the last `width` values, for tables; empty before any month is played."""
    values = list(values)[-width:]
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK[3] * len(values)
    step = (high - low) / (len(SPARK) - 1)
    return "".join(SPARK[round((v - low) / step)] for v in values)


# --- names --------------------------------------------------------------------------------------


def full(scenario: Scenario, rid: object) -> str:
    role = scenario.roles.get(str(rid))
    return role.name if role else str(rid).replace("_", " ")


def kind_of(scenario: Scenario, rid: str) -> str:
    return KINDS.get(scenario.roles[rid].kind, scenario.roles[rid].kind)


def month_of(scenario: Scenario, index: int) -> str:
    months = scenario.months
    return month_label(months[min(max(index, 0), len(months) - 1)])


def turn_of_month(scenario: Scenario, month_index: int) -> int:
    label = scenario.months[min(max(month_index, 0), len(scenario.months) - 1)]
    return next(i for i, months in enumerate(scenario.turns) if label in months)


def when(scenario: Scenario, state: GameState) -> str:
    """ "June 2013 · Providers" for the header."""
    months = scenario.turns[min(state.turn, len(scenario.turns) - 1)]
    if state.finished:
        return f"{turn_label(months)} · the year is over"
    phase = scenario.info.phases[state.phase]
    return f"{turn_label(months)} · {phase.title}"


# --- moves in words ----------------------------------------------------------------------------


def describe(scenario: Scenario, state: GameState, move: Move) -> str:
    """One line a player reads in a list of choices: the move kind's own description, from the engine."""
    said = kinds.describe(state, scenario, move)
    if said is not None:
        return said
    match move.name:
        case "EndTurn":
            return "End your turn"
        case "EndPhase":
            return "Close this phase now"
    return words(move.name)


def describe_all(scenario: Scenario, state: GameState, moves: Sequence[Move]) -> str:
    """Moves offered as one step, in one line: "Accept and sign the tariff contract with ..."."""
    if len(moves) == 2 and isinstance(moves[0], AcceptProposal) and isinstance(moves[1], SignAgreement):
        agreement = state.agreements.get(moves[0].agreement)
        about = agreement_words(scenario, agreement, moves[0].actor) if agreement else "agreement"
        return f"Accept and sign the {about}"
    return "; then ".join(describe(scenario, state, m) for m in moves)


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
    from ..engine.game import assess_plan

    return assess_plan(state, scenario, move)


def plan_words(scenario: Scenario, state: GameState, move: Move) -> str:
    """What a financial plan assumes and the credibility the rules would give it, in a few lines."""
    judged = _plan_judgement(scenario, state, move)
    if judged is None:
        return ""
    gap = (
        f"The forecast says {money(judged.gap)} of savings are needed by the year's end."
        if judged.gap
        else "The forecast shows no gap to close by the year's end."
    )
    realism = (
        f"It claims more than the {money(judged.realistic)} that looks realistic "
        f"(identified savings and schemes): hopeful claims lose credibility."
        if judged.savings > judged.realistic
        else f"It stays within the {money(judged.realistic)} that looks realistic."
    )
    analysts = "Analysts back the numbers." if judged.analytics else "No analysts back the numbers yet."
    if judged.needs:
        needs = "It follows the wellbeing board's needs assessment."
    elif getattr(move, "reflects_needs_assessment", False):
        needs = (
            "It says it follows the wellbeing board's needs assessment, but earns no credit for it "
            "until you have met the board or built its trust."
        )
    else:
        needs = "It does not follow the wellbeing board's needs assessment."
    return (
        f"This plan assumes {money(judged.savings)} of savings. {gap} {realism} {analysts} {needs}\n\n"
        f"Likely credibility: {judged.credibility} out of 100."
    )


# --- families of moves, for the "make a move" menu -------------------------------------------------


@frozen
class Family:
    """A group of moves in the "make a move" menu, under a letter that never changes with the situation,
    so a group learns its keys once; a move kind added later brings a family with a new letter."""

    key: str
    letter: str
    title: str
    hint: str
    label: str  # a word or two for the footer
    empty: str  # why a family may have nothing to offer now


FAMILIES: tuple[Family, ...] = (
    Family("inbox", "i", "Answer your inbox", "cards, proposals, requests", "Inbox", "nothing is waiting for you"),
    Family("contract", "c", "Offer a contract", "you set the terms", "Contract", "no contract to offer now"),
    Family(
        "alliance",
        "a",
        "Propose an alliance",
        "ventures, pools, lead commissioning",
        "Alliance",
        "no alliance to propose now",
    ),
    Family(
        "manage",
        "s",
        "Sign, vary or end an agreement",
        "yours",
        "Sign/vary/end",
        "no agreement of yours to sign, vary or end",
    ),
    Family("scheme", "n", "Invest in a scheme", "money now, savings later", "Invest", "no scheme open to you now"),
    Family("decision", "d", "Take a decision", "from your brief", "Decide", "no decision open to you now"),
    Family("voice", "t", "Concern, request or meeting", "talk to the system", "Talk", "nobody to talk to now"),
    Family("plan", "p", "Plans and funding", "submit, challenge, fund", "Plans", "no plan or bid to make now"),
    Family(
        "regulate",
        "r",
        "Regulate",
        "sanctions, inspections, rulings",
        "Regulate",
        "for regulators, when something calls for it",
    ),
)
NO_ACTIONS = "no actions left this month"


def family_note(family: Family, moves: Sequence[Move], actions_left: int, inbox_items: int = 0) -> str:
    """What the menu says beside a family: how much is in it and what it costs, or why it is empty now.

    The inbox is counted in items waiting, not in the choices they offer."""
    if family.key == "inbox":
        if not inbox_items:
            return family.empty
        return f"{inbox_items} {'item' if inbox_items == 1 else 'items'} · {family.hint}"
    if not moves:
        return NO_ACTIONS if not actions_left else family.empty
    free = sum(not m.costs_action for m in moves)
    cost = "[green]free[/]" if free == len(moves) else ("1 action" if not free else "free or 1 action")
    return f"{len(moves)} {'choice' if len(moves) == 1 else 'choices'} · {cost} · {family.hint}"


def family_of(move: Move) -> str | None:
    """The move's menu family, as its kind registers it (facilitator moves have no family in this menu)."""
    return kinds.family_of(move)


def by_family(moves: Iterable[Move]) -> dict[str, list[Move]]:
    """The legal moves grouped for the menu, in FAMILIES order; families with nothing legal are left out."""
    found: dict[str, list[Move]] = {f.key: [] for f in FAMILIES}
    for move in moves:
        key = family_of(move)
        if key in found:
            found[key].append(move)
    return {k: v for k, v in found.items() if v}


# --- editable terms ----------------------------------------------------------------------------------


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
        return f"Now {rule_words(d.setting, state.rules.get(d.setting))}.\n\nThis ruling: {rule_words(d.setting, d.value)}."
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


# --- the inbox -------------------------------------------------------------------------------------------


@frozen
class InboxItem:
    """Something waiting on an organisation, with the legal moves that answer it."""

    key: str
    kind: str  # card | proposal | concern | request | meeting | funding | agenda | review
    title: str
    detail: str
    moves: tuple[Move, ...]
    together: tuple[tuple[Move, ...], ...] = ()  # moves offered as one step: accept and sign

    @property
    def choices(self) -> tuple[tuple[Move, ...], ...]:
        """What the answer form lists: the one-step pairs first, then each move alone."""
        return (*self.together, *((m,) for m in self.moves))


_ANSWER_FIELD = {
    "AnswerCard": "choice",
    "AcceptProposal": "agreement",
    "RejectProposal": "agreement",
    "CounterProposal": "agreement",
    "SignAgreement": "agreement",
    "DecideReview": "agreement",
    "AnswerRequest": "request",
    "RespondToMeeting": "meeting",
    "DecideFunding": "bid",
    "MakeRuling": "request",
    "DismissAgendaItem": "item",
}


def _answering(legal: Sequence[Move], key: str) -> tuple[Move, ...]:
    return tuple(m for m in legal if _ANSWER_FIELD.get(m.name) and getattr(m, _ANSWER_FIELD[m.name]) == key)


def inbox(scenario: Scenario, state: GameState, role: str, legal: Sequence[Move]) -> list[InboxItem]:
    """Cards to answer, proposals awaiting the role, requests, meetings and bids addressed to it, its agenda."""
    items: list[InboxItem] = []
    for choice in state.pending.values():
        if choice.role != role:
            continue
        card = scenario.cards.get(choice.card)
        default = next((o.label for o in card.options if o.id == choice.default), choice.default) if card else ""
        items.append(
            InboxItem(
                choice.id,
                "card",
                f"Card: {card.title if card else choice.card}",
                f"{card.text if card else ''}\n\nIf you do not choose by the end of your turn: {default}.",
                _answering(legal, choice.id),
            )
        )
    for agreement in state.agreements.values():
        waiting = role in agreement.awaiting or (role in agreement.parties and agreement.status == "agreed")
        if not waiting:
            continue
        verb = "to sign" if agreement.status == "agreed" else ("variation" if agreement.variation else "proposal")
        source = short(scenario, agreement.proposer)
        others = names(scenario, [p for p in agreement.parties if p != role])
        title = (
            f"To sign: {kind_words(agreement.kind)} with {others}"
            if agreement.status == "agreed"
            else f"{verb.capitalize()} from {source}: {kind_words(agreement.kind)}"
        )
        answers = _answering(legal, agreement.id)
        together = _accept_and_sign(scenario, state, role, agreement, answers)
        items.append(
            InboxItem(
                agreement.id,
                "proposal",
                title,
                agreement_words(scenario, agreement, role)
                + (
                    f"\nNew terms: {terms_words(scenario, agreement.kind, agreement.variation)}"
                    if agreement.variation
                    else ""
                )
                + _two_steps(scenario, agreement, role, bool(together)),
                answers,
                together,
            )
        )
    for request in state.requests.values():
        if request.status != "open" or role not in request.to:
            continue
        source = short(scenario, request.source)
        if request.kind == "funding":
            title, detail = f"Funding bid from {source}: {money(request.amount)}", request.text
        elif request.kind == "meeting":
            title, detail = f"Meeting called by {source} on {words(request.topic)}", request.text
        elif request.setting:
            title = f"{source} asks for a ruling: {words(request.setting)}"
            detail = request.text or f"Now {rule_words(request.setting, state.rules.get(request.setting))}."
        else:
            about = f" about {short(scenario, request.about)}" if request.about else ""
            title = f"{request.kind.capitalize()} from {source}{about} ({words(request.topic)})"
            detail = request.text
        items.append(InboxItem(request.id, request.kind, title, detail, _answering(legal, request.id)))
    for item in state.agendas.values():
        if item.regulator != role or item.status != "open":
            continue
        related = tuple(
            m
            for m in legal
            if (m.name == "DismissAgendaItem" and m.item == item.id)  # type: ignore[attr-defined]
            or (m.name in ("ImposeSanction", "LiftSanction", "Inspect") and m.subject == item.subject)  # type: ignore[attr-defined]
        )
        items.append(
            InboxItem(
                item.id, "agenda", f"Agenda: {short(scenario, item.subject)} — {item.reason}", item.reason, related
            )
        )
    for agreement in state.agreements.values():
        decide = _answering([m for m in legal if m.name == "DecideReview"], agreement.id)
        if decide:
            items.append(
                InboxItem(
                    agreement.id,
                    "review",
                    f"Competition review to decide: {names(scenario, agreement.parties)}",
                    agreement_words(scenario, agreement),
                    decide,
                )
            )
    return items


ACCEPT_THEN_SIGN = (
    "Accepting and signing are two steps. Accepting agrees the terms (free); the agreement is in force "
    "only once signed, and signing costs 1 action."
)


def _accept_and_sign(
    scenario: Scenario, state: GameState, role: str, agreement: Agreement, answers: Sequence[Move]
) -> tuple[tuple[Move, ...], ...]:
    """Accept then sign, offered as one step when the engine would take both now: the proposer has agreed
    and this organisation's acceptance completes the agreement."""
    from ..engine.game import play_through

    accept = next((m for m in answers if isinstance(m, AcceptProposal)), None)
    if accept is None or agreement.variation is not None:
        return ()
    pair = (accept, SignAgreement(actor=role, agreement=agreement.id))
    return () if isinstance(play_through(state, scenario, pair), Rejection) else (pair,)


def _two_steps(scenario: Scenario, agreement: Agreement, role: str, together: bool) -> str:
    if agreement.variation is not None or role not in agreement.awaiting:
        return ""
    if together:
        return (
            f"\n\n{ACCEPT_THEN_SIGN} {short(scenario, agreement.proposer)} has already agreed, "
            "so you can accept and sign in one step."
        )
    return f"\n\n{ACCEPT_THEN_SIGN}"


def is_answer(move: Move) -> bool:
    return isinstance(
        move,
        AnswerCard
        | AcceptProposal
        | RejectProposal
        | CounterProposal
        | AnswerRequest
        | RespondToMeeting
        | DecideFunding
        | SignAgreement
        | DecideReview
        | MakeRuling
        | DismissAgendaItem
        | ImposeSanction
        | LiftSanction
        | Inspect,
    )


# --- events in words -----------------------------------------------------------------------------------


QUIET = frozenset(
    {"GameStarted", "MonthStarted", "PhaseStarted", "TurnStarted", "TurnEnded", "ContractPaid", "MonthResolved"}
)


def event_line(scenario: Scenario, e: Event, lookup: Any = None) -> str:
    """One line about one event, in the narrative's words (content/narrative.toml, checked when content loads)."""
    from ..narrative import sentence

    return sentence(scenario, e, lookup)


def lookup(states: Iterable[GameState], events: Iterable[Event]) -> Any:
    """What the narrative needs to name agreements and requests inside events."""
    from ..narrative import Lookup

    return Lookup(tuple(states), tuple(events))


def public(events: Iterable[Event]) -> list[Event]:
    """Events everyone may see: what a shared screen may show."""
    return [e for e in events if not e.audience]


def events_of_turn(scenario: Scenario, events: Iterable[Event], turn: int) -> list[Event]:
    months = {scenario.months.index(m) for m in scenario.turns[turn]}
    return [e for e in events if e.month in months]


def news_of_turn(scenario: Scenario, events: Sequence[Event], turn: int) -> tuple[list[Event], int]:
    """The public cards of a turn, and how many cards went privately to some organisations."""
    cards = [e for e in events_of_turn(scenario, events, turn) if e.kind == "CardPublished"]
    shown = [e for e in cards if not e.audience]
    return shown, len(cards) - len(shown)


def telling(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if e.kind not in QUIET and not (e.kind == "OptionChosen" and e.data.get("defaulted"))]


# --- a move before it is made ----------------------------------------------------------------------------


@frozen
class PreviewWords:
    """The engine's preview of a move, in words: what the organisation would see, and its figures at month end."""

    who: str
    title: str
    cost: str
    refusal: str  # empty when the engine would accept the move
    seen: tuple[str, ...]
    when: str
    rows: tuple[tuple[str, str, str, str], ...]  # figure, without the move, with it, the difference


def preview_words(scenario: Scenario, state: GameState, preview: Preview) -> PreviewWords:
    """`engine.game.Preview` told in the narrative's sentences, for the confirmation screen."""
    moves = preview.moves
    title = describe_all(scenario, state, moves)
    spent = sum(m.costs_action for m in moves)
    left = state.orgs[preview.role].action_points if preview.role in state.orgs else 0
    cost = (
        f"Costs {spent} {'action' if spent == 1 else 'actions'}: {left - spent} of {left} left after."
        if spent
        else "Free: it costs no action."
    )
    names_ = lookup((state,), preview.events)
    seen = tuple(event_line(scenario, e, names_) for e in telling(preview.events))
    when = (
        f"At the end of {turn_label(scenario.turns[min(state.turn, len(scenario.turns) - 1)])}, if nothing else happens"
    )
    before, after = preview.before, preview.after or preview.before
    rows = [("Money", money(before.balance), money(after.balance), _difference(after.balance - before.balance, True))]
    if before.quality or after.quality:
        rows.append(("Quality", str(before.quality), str(after.quality), _difference(after.quality - before.quality)))
    if before.credibility >= 0 or after.credibility >= 0 or any(m.name == "SubmitPlan" for m in moves):
        rows.append(
            (
                "Plan credibility",
                _credibility(before.credibility),
                _credibility(after.credibility),
                _difference(after.credibility - before.credibility)
                if before.credibility >= 0 and after.credibility >= 0
                else ("new plan" if after.credibility >= 0 else "no change"),
            )
        )
    refusal = preview.refusal.reason if preview.refusal is not None else ""
    return PreviewWords(short(scenario, preview.role), title, cost, refusal, seen, when, tuple(rows))


def _difference(amount: int, is_money: bool = False) -> str:
    if not amount:
        return "no change"
    return signed_money(amount) if is_money else f"{amount:+d}"


def _credibility(value: int) -> str:
    return "no plan" if value < 0 else f"{value} of 100"


# --- figures -----------------------------------------------------------------------------------------------


def balances(events: Iterable[Event], role: str) -> list[int]:
    """The balance at the end of each month played, from the month-end events."""
    return [int(e.data["balance"]) for e in events if e.kind == "MonthResolved" and e.data.get("role") == role]


def sanction_words(scenario: Scenario, state: GameState, rid: str) -> str:
    out = []
    for ladder in scenario.info.ladders:
        step = state.ladders.get(f"{ladder.id}|{rid}", 0)
        if step:
            out.append(
                f"{ladder.steps[step - 1].title} ({short(scenario, ladder.regulator) if ladder.regulator in scenario.roles else words(ladder.regulator)})"
            )
    return "; ".join(out)


def trust_with(state: GameState, role: str) -> list[tuple[str, int]]:
    """Trust between this organisation and each other one it has a relationship with, lowest first."""
    out = []
    for key, value in state.trust.items():
        a, b = key.split("|")
        if role in (a, b):
            out.append((b if a == role else a, value))
    return sorted(out, key=lambda pair: (pair[1], pair[0]))


def deadlines(scenario: Scenario, state: GameState, role: str | None = None, horizon: int = 3) -> list[str]:
    """Dates that matter soon: plan and contract deadlines, agreements ending, reviews due, the year's end."""
    months = scenario.months
    now = state.month_index
    out: list[str] = []
    for setting, what in (
        ("plan_deadline", "Financial plans due"),
        ("contract_deadline", "Contracts for next year to be signed"),
    ):
        label = str(state.rules.get(setting, ""))
        if label in months:
            left = months.index(label) - now
            if left >= 0:
                out.append(f"{what}: {month_label(label)} ({_months_left(left)})")
    for a in state.agreements.values():
        visible = role is None or role in a.parties or a.status in ("signed", "under_review")
        if not visible:
            continue
        if a.status == "signed" and 0 <= a.ends - now < horizon:
            out.append(f"{names(scenario, a.parties)}: {kind_words(a.kind)} ends {month_of(scenario, a.ends)}")
        if a.status == "under_review" and a.review_opened >= 0:
            due = a.review_opened + int(state.rules.get("competition_review_months", 3))
            out.append(f"Competition review of {names(scenario, a.parties)}: decision from {month_of(scenario, due)}")
    left = len(scenario.turns) - state.turn - 1
    out.append(
        f"The year ends {month_label(months[-1])} ({left} more {'turn' if left == 1 else 'turns'} after this one)"
    )
    return out


def _months_left(n: int) -> str:
    return "this month" if n == 0 else ("next month" if n == 1 else f"in {n} months")


def metric_help(name: str) -> str:
    return METRICS.get(name, name)


# --- a debrief in Markdown, until (or unless) the debrief module is there ------------------------------------


def summary_markdown(scenario: Scenario, events: Sequence[Event], state: GameState, role: str | None = None) -> str:
    """A plain debrief: where everyone ended, then month by month what happened (what `role` saw, or in public)."""
    seen = [e for e in events if (e.visible_to(role) if role else not e.audience)]
    lines = [
        f"# {scenario.title}",
        "",
        f"Seed {state.seed}. " + ("The year is over." if state.finished else f"Stopped at {when(scenario, state)}."),
        "",
    ]
    lines += [
        "## Where everyone ended",
        "",
        "| Organisation | Balance | Quality | Sanctions |",
        "| --- | ---: | ---: | --- |",
    ]
    for rid, r in scenario.roles.items():
        org = state.orgs[rid]
        lines.append(
            f"| {r.name} | {money(org.balance)} | {org.quality or '—'} | {sanction_words(scenario, state, rid) or '—'} |"
        )
    lines += ["", "## Month by month", ""]
    for turn, months in enumerate(scenario.turns):
        if turn > state.turn:
            break
        told = [e for e in telling(events_of_turn(scenario, seen, turn)) if e.kind not in ("Passed", "TurnEnded")]
        lines += [f"### {turn_label(months)}", ""]
        lines += [f"- {event_line(scenario, e)}" for e in told[:30]] or ["- A quiet month."]
        if len(told) > 30:
            lines.append(f"- … and {len(told) - 30} more")
        lines.append("")
    return "\n".join(lines)
