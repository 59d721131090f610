"""Fields of the year's own events, the cards and decisions, and the facilitator's adjustments."""

from __future__ import annotations

from ...vocabulary.catalogue import KINDS
from ...vocabulary.events import Event
from ...vocabulary.words import listed, money
from ..naming import Words
from ..wording import lower_first, plural
from .common import Fields, FieldsOf, Switches, get, nothing


def _game_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    months = w.scenario.months
    return {}, {"scenario": w.scenario.title, "start": w.month(0), "end": w.month(len(months) - 1)}


def _month_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"turn": w.turn(tuple(get(e.data, "months", ())) or (w.scenario.months[e.month],))}


def _phase_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"phase": lower_first(str(get(e.data, "phase_title")))}


def _turn_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"moves": plural(int(get(e.data, "moves", 0)), "move")}


def _card_published(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    card = w.scenario.cards.get(str(get(d, "card")))
    words = []
    for target in card.audience if card else ():
        if target == "everyone":
            words.append("everyone")
        elif target in KINDS:
            ones = w.scenario.roles_of_kind(target)
            words.append(w.name(ones[0]) if len(ones) == 1 else _kind_plural(target))
        else:
            words.append(w.name(target))
    audience = listed(words) or ("everyone" if not e.audience else w.names(e.audience))
    deck = next((x.deck.title for x in w.scenario.decks if x.deck.id == get(d, "deck")), "")
    return (
        {"public": not e.audience, "how": str(get(d, "how", "fixed"))},
        {"card": w.card(get(d, "card"), get(d, "title")), "audience": audience, "deck": lower_first(deck)},
    )


def _kind_plural(kind: str) -> str:
    label = KINDS[kind].split(",")[0]
    if label.endswith("consortium"):
        return "the " + label[:-2] + "a"
    if label.endswith("y"):
        return "the " + label[:-1] + "ies"
    return "the " + label + ("s" if not label.endswith("s") else "")


def _option_chosen(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {"defaulted": bool(get(d, "defaulted", False)), "closure": bool(get(d, "closure"))},
        {
            "card": w.card(get(d, "card"), get(d, "title")),
            "option": w.option(get(d, "card"), get(d, "option"), get(d, "label")),
            "what": str(get(d, "what")),
            "due": w.month(get(d, "due")) if get(d, "closure") else "",
        },
    )


def _decision_taken(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    dismissal = get(d, "decision") == "dismiss_agenda_item"
    actor = e.actors[0] if e.actors else ""
    decision = "" if dismissal else lower_first(str(get(d, "title")) or w.decision(str(get(d, "decision")), actor))
    closure = bool(get(d, "closure"))
    return (
        {"dismissal": dismissal, "closure": closure, "consulted": bool(get(d, "consulted", False))},
        {
            "decision": decision,
            "subject": w.name(get(d, "subject")) if dismissal else "",
            "reason": w.clause(get(d, "reason")),
            "what": str(get(d, "what")),
            "due": w.month(get(d, "due")) if closure else "",
        },
    )


_FIGURES = {"action_points": ("action", "actions"), "workload": ("item", "items")}


def _figure(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    figure = str(get(d, "figure"))
    amount = int(get(d, "amount", 0))
    until = int(get(d, "until", -1))
    actor = str(get(d, "role"))
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
            "value": str(get(d, "value")),
            "until": w.month(until) if until >= 0 else "",
            "cause": w.cause(get(d, "source"), actor),
            "reason": str(get(d, "reason")).rstrip("."),
        },
    )


FIELDS: dict[str, FieldsOf] = {
    "GameStarted": _game_started,
    "MonthStarted": _month_started,
    "PhaseStarted": _phase_started,
    "TurnStarted": nothing,
    "TurnEnded": _turn_ended,
    "CardPublished": _card_published,
    "OptionChosen": _option_chosen,
    "DecisionTaken": _decision_taken,
    "FigureAdjusted": _figure,
    "Passed": nothing,
    "GameEnded": nothing,
}
