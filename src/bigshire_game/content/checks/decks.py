"""Checks on decks/*.toml: deck ids, each card's audience, timing, options and follow-ups, and cards
that nothing can ever publish."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...vocabulary import catalogue as cat
from ..diagnostics import KeyPath, suggest
from ..model import Card, Decision, Effect
from ..scenario import parse_month
from .effects import Context, check_closure, check_condition, check_effects, requires_below_tariff, target_kinds
from .shared import World, check_month, check_word, check_words, not_negative, unique


def check_deck_ids(w: World) -> None:
    seen: dict[str, str] = {}
    for file, info in w.decks:
        if info.id in seen:
            w.error(file, ("deck", "id"), f'the deck id "{info.id}" is already used by {seen[info.id]}')
        seen.setdefault(info.id, file)
        not_negative(w, file, ("deck", "draws_per_month"), info.draws_per_month, "cards drawn a month")


def _audience_kinds(w: World, file: str, path: KeyPath, words: Iterable[str]) -> set[str]:
    kinds: set[str] = set()
    allowed = set(w.role_kinds) | set(cat.KINDS) | {"everyone"}
    for i, word in enumerate(words):
        if word not in allowed:
            hint = suggest(word, allowed) or ' Use "everyone", a kind of organisation or a role id.'
            w.error(file, (*path, i), f'"{word}" is not a role, a kind of organisation or "everyone".{hint}')
        else:
            kinds |= target_kinds(w, word, None, None) or set()
    return kinds


def check_card(w: World, file: str, path: KeyPath, card: Card) -> None:
    if not card.audience:
        w.error(file, (*path, "audience"), 'a card needs an audience: "everyone", kinds of organisation or role ids')
    audience = _audience_kinds(w, file, (*path, "audience"), card.audience)
    check_words(w, file, (*path, "tags"), card.tags, cat.TOPICS, "topic")
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
        check_month(w, file, (*wp, name), getattr(when, name))
    if when.month is not None and (when.first is not None or when.last is not None):
        w.error(file, wp, 'give either a fixed "month" or a window ("first" and/or "last"), not both')
    first, last = parse_month(when.first or ""), parse_month(when.last or "")
    if first and last and last < first:
        w.error(file, (*wp, "last"), f"the window ends ({when.last}) before it starts ({when.first})")
    not_negative(w, file, (*wp, "weight"), when.weight, "a weight")
    guarded = requires_below_tariff(when.condition)
    ctx = Context(
        self_kinds=None,
        audience=audience or None,
        no_self="a card's own effects have no deciding organisation; name one, or put the effect in an option",
        below_tariff_allowed=guarded,
    )
    if when.condition is not None:
        no_self = "a card's condition is tested before anyone has chosen anything; name the organisation instead"
        own = Context(audience=ctx.audience, no_self=no_self, own_card=card.id)
        check_condition(w, file, (*wp, "condition"), when.condition, own)

    check_effects(w, file, (*path, "effects"), card.effects, ctx)
    unique(w, file, (*path, "options"), (o.id for o in card.options), "option")
    option_ctx = Context(self_kinds=deciders or None, audience=audience or None, below_tariff_allowed=guarded)
    present = set(w.role_kinds.values())
    if card.options and deciders and present and not deciders & present:
        w.warn(
            file,
            (*path, "decided_by" if card.decided_by else "audience"),
            "no organisation in this scenario can choose among this card's options, so they are never offered"
            f" (they are for {' or '.join(sorted(deciders))}, and this scenario has none)",
        )
    if len(card.options) == 1:
        w.warn(file, (*path, "options"), "a card with one option gives no choice; make it an effect or add an option")
    for i, option in enumerate(card.options):
        op = (*path, "options", i)
        if not option.effects:
            w.error(file, op, f'the option "{option.id}" has no effects: choosing it would change nothing')
        check_words(w, file, (*op, "tags"), option.tags, cat.TOPICS, "topic")
        check_effects(w, file, (*op, "effects"), option.effects, option_ctx)
        check_closure(w, file, (*op, "closure"), option.closure, option_ctx)
    option_ids = {o.id for o in card.options}
    if card.default_option is not None:
        if not card.options:
            w.error(file, (*path, "default_option"), "this card has no options to choose a default from")
        else:
            check_word(w, file, (*path, "default_option"), card.default_option, option_ids, "option of this card")
    for i, follow in enumerate(card.follow_ups):
        fp = (*path, "follow_ups", i)
        check_word(w, file, (*fp, "card"), follow.card, w.card_ids, "card")
        if follow.card == card.id:
            w.error(file, (*fp, "card"), "a card cannot follow itself")
        not_negative(w, file, (*fp, "after"), follow.after, "a delay")
        if follow.option is not None:
            check_word(w, file, (*fp, "option"), follow.option, option_ids, "option of this card")


def check_unreachable_cards(w: World) -> None:
    """Warn about cards nothing can publish, except the facilitator by hand."""
    reached: set[str] = set()
    for _, _, card in w.cards.values():
        reached |= {f.card for f in card.follow_ups}
        reached |= {e.card for e in _all_effects(card) if e.card}
    for _, role in w.roles.values():
        reached |= {e.card for d in role.decisions for e in _decision_effects(d) if e.card}
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


def _decision_effects(decision: Decision) -> Iterator[Effect]:
    yield from decision.effects
    if decision.closure is not None:
        yield from decision.closure.announced


def _all_effects(card: Card) -> Iterator[Effect]:
    yield from card.effects
    for option in card.options:
        yield from option.effects
        if option.closure is not None:
            yield from option.closure.announced
