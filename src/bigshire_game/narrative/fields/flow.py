"""Fields of the game's own events, the cards and decisions, and the facilitator's adjustments."""

from __future__ import annotations

from ...vocabulary.catalogue import KINDS
from ...vocabulary.events import (
    AgendaCarriedOver,
    CardPublished,
    DecisionTaken,
    FigureAdjusted,
    ForecastMissed,
    FormerCommissionersHired,
    GameStarted,
    MonthStarted,
    OptionChosen,
    PhaseStarted,
    StaffRecruited,
    TurnEnded,
    TurnStarted,
)
from ...vocabulary.words import listed, money
from ..naming import Words
from ..wording import lower_first, plural
from .common import Fields, FieldsOf, Switches, given, nothing


def _game_started(w: Words, e: GameStarted) -> tuple[Switches, Fields]:
    months = w.scenario.months
    return {}, {"scenario": w.scenario.title, "start": w.month(0), "end": w.month(len(months) - 1)}


def _month_started(w: Words, e: MonthStarted) -> tuple[Switches, Fields]:
    return {}, {"turn": w.turn(tuple(given(e.months, ())) or (w.scenario.months[e.month],))}


def _phase_started(w: Words, e: PhaseStarted) -> tuple[Switches, Fields]:
    return {}, {"phase": lower_first(str(given(e.phase_title)))}


def _turn_ended(w: Words, e: TurnEnded) -> tuple[Switches, Fields]:
    return {}, {"moves": plural(int(given(e.moves, 0)), "move")}


def _turn_started(w: Words, e: TurnStarted) -> tuple[Switches, Fields]:
    waiting, points = int(given(e.waiting, 0)), int(given(e.action_points, 0))
    return {}, {"waiting": plural(waiting, "item"), "action_points": plural(points, "action")}


def _carried_over(w: Words, e: AgendaCarriedOver) -> tuple[Switches, Fields]:
    return {}, {
        "role": w.name(given(e.role)),
        "items": plural(int(given(e.items, 0)), "item"),
        "capacity": plural(int(given(e.capacity, 0)), "action"),
    }


def _recruited(w: Words, e: StaffRecruited) -> tuple[Switches, Fields]:
    return {}, {
        "role": w.name(given(e.role)),
        "posts": plural(int(given(e.posts, 1)), "post"),
        "cost": money(int(given(e.cost, 0))),
        "capacity": plural(int(given(e.capacity, 0)), "action"),
    }


def _hired(w: Words, e: FormerCommissionersHired) -> tuple[Switches, Fields]:
    return {}, {
        "role": w.name(given(e.role)),
        "partners": w.names(given(e.partners, ())),
        "cost": money(int(given(e.cost, 0))),
        "until": w.month(given(e.until, 0)),
    }


def _forecast_missed(w: Words, e: ForecastMissed) -> tuple[Switches, Fields]:
    expected, actual = int(given(e.expected, 0)), int(given(e.actual, 0))
    return {"worse": actual < expected}, {
        "role": w.name(given(e.role)),
        "expected": money(expected, signed=True),
        "actual": money(actual, signed=True),
        "lag": plural(int(given(e.lag, 0)), "month"),
    }


def _card_published(w: Words, e: CardPublished) -> tuple[Switches, Fields]:
    card = w.scenario.cards.get(str(given(e.card)))
    words = []
    for target in card.audience if card else ():
        if target == "everyone":
            words.append("everyone")
        elif target in KINDS:
            ones = w.scenario.roles_of_kind(target)
            if not ones:  # a kind the scenario has none of reads nothing
                continue
            words.append(w.name(ones[0]) if len(ones) == 1 else "the " + w.kind(target, plural=True))
        else:
            words.append(w.name(target))
    audience = listed(words) or ("everyone" if not e.audience else w.names(e.audience))
    deck = next((x.deck.title for x in w.scenario.decks if x.deck.id == given(e.deck)), "")
    return (
        {"public": not e.audience, "how": str(given(e.how, "fixed"))},
        {"card": w.card(given(e.card), given(e.title)), "audience": audience, "deck": lower_first(deck)},
    )


def _option_chosen(w: Words, e: OptionChosen) -> tuple[Switches, Fields]:
    return (
        {"defaulted": bool(given(e.defaulted, False)), "closure": bool(given(e.closure, None))},
        {
            "card": w.card(given(e.card), given(e.title)),
            "option": w.option(given(e.card), given(e.option), given(e.label)),
            "what": str(given(e.what)),
            "due": w.month(given(e.due)) if given(e.closure, None) else "",
        },
    )


def _decision_taken(w: Words, e: DecisionTaken) -> tuple[Switches, Fields]:
    actor = e.actors[0] if e.actors else ""
    decision = lower_first(str(given(e.title)) or w.decision(str(given(e.decision)), actor))
    closure = bool(given(e.closure, None))
    return (
        {"closure": closure, "consulted": bool(given(e.consulted, False))},
        {
            "decision": decision,
            "what": str(given(e.what)),
            "due": w.month(given(e.due)) if closure else "",
        },
    )


_FIGURES = {"action_points": ("action", "actions"), "workload": ("item", "items")}


def _figure(w: Words, e: FigureAdjusted) -> tuple[Switches, Fields]:
    figure = str(given(e.figure))
    amount = int(given(e.amount, 0))
    until = int(given(e.until, -1))
    actor = str(given(e.role))
    if figure == "balance":
        said = money(amount)
    elif figure == "quality":
        said = plural(abs(amount), "point")
    else:
        one, many = _FIGURES.get(figure, ("point", "points"))
        said = plural(abs(amount), one, many)
    return (
        {"figure": figure, "rising": amount > 0, "temporary": until >= 0},
        {
            "actor": w.name(actor),
            "figure": figure.replace("_", " "),
            "amount": said,
            "value": str(given(e.value)),
            "until": w.month(until) if until >= 0 else "",
            "cause": w.cause(e.cause, actor),
            "reason": str(given(e.reason)).rstrip("."),
        },
    )


FIELDS: dict[str, FieldsOf] = {
    "GameStarted": _game_started,
    "MonthStarted": _month_started,
    "PhaseStarted": _phase_started,
    "TurnStarted": _turn_started,
    "AgendaCarriedOver": _carried_over,
    "StaffRecruited": _recruited,
    "FormerCommissionersHired": _hired,
    "ForecastMissed": _forecast_missed,
    "TurnEnded": _turn_ended,
    "CardPublished": _card_published,
    "OptionChosen": _option_chosen,
    "DecisionTaken": _decision_taken,
    "FigureAdjusted": _figure,
    "Passed": nothing,
    "GameEnded": nothing,
}
