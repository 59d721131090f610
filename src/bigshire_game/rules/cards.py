"""Cards: each month's news (fixed, followed up and drawn) and organisations'
answers to the cards that ask them to choose.

Draws come from one chance stream per deck ("deck:<id>") and every roll is
recorded on its CardPublished event, so a debrief can show what chance did.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

from ..content import Scenario
from ..content.model import Card, DeckFile
from ..state import FACILITATOR, GameState, PendingChoice, evolve, new_id
from ..state.chance import draw
from ..vocabulary.causes import Cause
from ..vocabulary.events import Event, event
from ..vocabulary.moves import AnswerCard, Move, PublishCard
from . import Handlers, Outcome, refuse
from .closures import announce
from .conditions import chosen_key, holds
from .effects import apply_effects, schedule, targets
from .registry import Judge, MoveKind, at_most, handlers_of, move_jitter, never, no_fields
from .wording import card_answered, upper_first, words


def audience_of(scenario: Scenario, words: Iterable[str]) -> tuple[str, ...]:
    """Every organisation a card's audience (or deciders) names, once each, in the scenario's role order."""
    named = {rid for word in words for rid in targets(scenario, word, None, ())}
    return tuple(rid for rid in scenario.roles if rid in named)


def _shown_to(scenario: Scenario, card: Card) -> tuple[str, ...]:
    """The event audience: public for a card to everyone, else the organisations it reached."""
    return () if "everyone" in card.audience else audience_of(scenario, card.audience)


# --- publishing ---------------------------------------------------------------------


def publish(state: GameState, scenario: Scenario, card_id: str, phase: str, how: str, **chance: object) -> Outcome:
    """Put a card before its audience: its effects happen, its deciders get a choice, follow-ups are queued.

    `how` is "fixed", "drawn", "follow-up" or "facilitator"; `chance` is what a draw rolled, for the record.
    """
    card = scenario.cards[card_id]
    reached = audience_of(scenario, card.audience)
    deciders = (audience_of(scenario, card.decided_by) if card.decided_by else reached) if card.options else ()
    state = evolve(state, published={**state.published, card.id: state.published.get(card.id, 0) + 1})
    events = [
        event(
            state,
            phase,
            "CardPublished",
            (),
            _shown_to(scenario, card),
            card.tags,
            card=card.id,
            title=card.title,
            deck=scenario.card_decks.get(card.id, ""),
            how=how,
            deciders=deciders,
            **chance,
        )
    ]
    state, more = apply_effects(state, scenario, card.effects, None, reached, phase, Cause.card(card.id))
    events += more
    if card.options:
        options = tuple(o.id for o in card.options)
        default = card.default_option or options[0]
        for role in deciders:
            cid, state = new_id(state, "C")
            choice = PendingChoice(
                id=cid, card=card.id, role=role, options=options, default=default, published=state.month_index
            )
            state = evolve(state, pending={**state.pending, cid: choice})
    for follow in card.follow_ups:
        if follow.option is None:
            state = schedule(state, follow.card, state.month_index + follow.after, Cause.card(card.id))
    return state, events


def _in_window(card: Card, months: tuple[str, ...]) -> bool:
    """A window with only `first` or only `last` is open at the other end."""
    when = card.when
    return any((when.first is None or m >= when.first) and (when.last is None or m <= when.last) for m in months)


def _drawable(state: GameState, scenario: Scenario, deck: DeckFile, months: tuple[str, ...]) -> list[Card]:
    return [
        card
        for card in deck.cards
        if card.when.month is None
        and card.when.weight > 0
        and (card.when.repeat or not state.published.get(card.id, 0))
        and _in_window(card, months)
        and (card.when.condition is None or holds(state, scenario, card.when.condition, None))
    ]


def _pick(cards: list[Card], roll: float) -> Card:
    """The card a roll in [0, 1) lands on, each card taking a slice as wide as its weight."""
    point = roll * sum(c.when.weight for c in cards)
    for card in cards:
        point -= card.when.weight
        if point < 0:
            return card
    return cards[-1]


def run_news(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """The turn's news: fixed-month cards, due follow-ups, then each deck's draws for every month."""
    months = scenario.turns[state.turn]
    last = scenario.months.index(months[-1])
    events: list[Event] = []
    for card in scenario.cards.values():
        when = card.when
        if (
            when.month in months
            and (when.repeat or not state.published.get(card.id, 0))
            and (when.condition is None or holds(state, scenario, when.condition, None))
        ):
            state, more = publish(state, scenario, card.id, phase, "fixed")
            events += more
    due = [s for s in state.scheduled if s.due <= last]
    state = evolve(state, scheduled=tuple(s for s in state.scheduled if s.due > last))
    for card_id in dict.fromkeys(s.card for s in sorted(due, key=lambda s: s.due)):
        state, more = publish(state, scenario, card_id, phase, "follow-up")
        events += more
    for deck in scenario.decks:
        for _ in range(deck.deck.draws_per_month * len(months)):
            cards = _drawable(state, scenario, deck, months)
            if not cards:
                break
            roll, state = draw(state, f"deck:{deck.deck.id}")
            state, more = publish(
                state,
                scenario,
                _pick(cards, roll).id,
                phase,
                "drawn",
                drawn=True,
                roll=roll,
                among=len(cards),
            )
            events += more
    return state, events


# --- answering ----------------------------------------------------------------------


def _answer(
    state: GameState, scenario: Scenario, choice: PendingChoice, option_id: str, phase: str, defaulted: bool
) -> Outcome:
    """A decider's answer: the option's effects with the decider as "self", and that option's follow-ups."""
    card = scenario.cards[choice.card]
    option = next(o for o in card.options if o.id == option_id)
    key = chosen_key(card.id, option.id)
    state = evolve(
        state,
        pending={cid: c for cid, c in state.pending.items() if cid != choice.id},
        published={**state.published, key: state.published.get(key, 0) + 1},
    )
    events = [
        event(
            state,
            phase,
            "OptionChosen",
            (choice.role,),
            _shown_to(scenario, card),
            option.tags or card.tags,
            card=card.id,
            title=card.title,
            option=option.id,
            label=option.label,
            role=choice.role,
            defaulted=defaulted,
        )
    ]
    cause = Cause.card(card.id, option.id)
    reached = audience_of(scenario, card.audience)
    if option.closure is not None:  # announced, to go ahead later (`closures`)
        state, more, closure = announce(state, scenario, option.closure, choice.role, str(cause), reached, phase)
        events[0] = events[0].with_data(closure=closure.id, what=closure.what, due=closure.due)
    else:
        state, more = apply_effects(state, scenario, option.effects, choice.role, reached, phase, cause)
    for follow in card.follow_ups:
        if follow.option == option.id:  # queued once per publication, however many deciders choose it
            state = schedule(state, follow.card, choice.published + follow.after, cause)
    return state, events + more


def default_choices(state: GameState, scenario: Scenario, phase: str, role: str | None) -> Outcome:
    """Answer by default every choice still waiting on `role` (or on anyone), as a turn or month closes."""
    events: list[Event] = []
    for choice in list(state.pending.values()):
        if role is None or choice.role == role:
            state, more = _answer(state, scenario, choice, choice.default, phase, defaulted=True)
            events += more
    return state, events


def check_answer(state: GameState, scenario: Scenario, move: AnswerCard):
    choice = state.pending.get(move.choice)
    if choice is None or choice.role != move.actor:
        return refuse("no_such_choice", move, "There is no card waiting for your answer under that reference.")
    if move.option not in choice.options:
        card = scenario.cards[choice.card]
        labels = ", ".join(f'"{o.label}"' for o in card.options)
        return refuse(
            "unknown_option",
            move,
            f'That is not one of the answers to "{card.title}"; choose one of {labels}.',
            option=move.option,
        )
    return None


def apply_answer(state: GameState, scenario: Scenario, move: AnswerCard, phase: str) -> Outcome:
    return _answer(state, scenario, state.pending[move.choice], move.option, phase, defaulted=False)


def check_publish(state: GameState, scenario: Scenario, move: PublishCard):
    if move.actor != FACILITATOR:
        return refuse("facilitator_only", move, "Only the facilitator can publish a card by hand.")
    if move.card not in scenario.cards:
        return refuse("unknown_card", move, f'There is no card called "{move.card}".')
    return None


def apply_publish(state: GameState, scenario: Scenario, move: PublishCard, phase: str) -> Outcome:
    return publish(state, scenario, move.card, phase, "facilitator")


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every answer to every card waiting on this organisation."""
    if kinds is not None and "AnswerCard" not in kinds:
        return
    for choice in state.pending.values():
        if choice.role == role:
            for option in choice.options:
                yield AnswerCard(actor=role, choice=choice.id, option=option)


# --- the kinds ---------------------------------------------------------------------------------------------------


def describe_answer(state: GameState, scenario: Scenario, move: AnswerCard) -> str:
    card = card_answered(scenario, state, move.choice, move.option)
    option = next((o for o in card.options if o.id == move.option), None) if card else None
    return f"{option.label if option else upper_first(words(move.option))}"


def describe_publish(state: GameState, scenario: Scenario, move: PublishCard) -> str:
    card = scenario.cards.get(move.card)
    return f"Publish “{card.title if card else move.card}”"


def score_answer(judge: Judge, move: AnswerCard) -> float:
    """Bots take a card's default, unless caution and a moment's hesitation say otherwise."""
    choice = judge.state.pending.get(move.choice)
    if choice and move.option == choice.default:
        return 9.0
    return 2.0 + 4 * judge.settings.caution * move_jitter(judge.state, judge.role, move)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AnswerCard,
        check=check_answer,
        apply=apply_answer,
        legal=legal,
        family="inbox",
        describe=describe_answer,
        fields=no_fields,
        score=score_answer,
        bound=at_most(9.0),
        follow_up=True,
    ),
    MoveKind(
        move=PublishCard,
        check=check_publish,
        apply=apply_publish,
        legal=None,  # the facilitator's console offers every card
        family="facilitator",
        describe=describe_publish,
        fields=no_fields,
        score=never,
        bound=never,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
