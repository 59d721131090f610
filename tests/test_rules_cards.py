"""Cards: fixed, drawn and follow-up news, answers and defaults, on the built-in scenario."""

from __future__ import annotations

from attrs import evolve

from bigshire_game.content.model import Condition
from bigshire_game.engine.game import new_game
from bigshire_game.rules import cards
from bigshire_game.rules.conditions import holds
from bigshire_game.state import FACILITATOR
from bigshire_game.state.chance import draw
from bigshire_game.vocabulary.moves import AnswerCard, PublishCard

CONSULTATION = "monitor_pricing_consultation"  # Monitor decides; "allow_discounts" brings a ruling a month later
RULING = "monitor_below_tariff_ruling"


def at_turn(state, scenario, turn):
    return evolve(state, turn=turn, month_index=scenario.months.index(scenario.turns[turn][0]))


def published(events, how=None):
    return [e.data["card"] for e in events if e.kind == "CardPublished" and (how is None or e.data["how"] == how)]


def play_news(scenario, seed):
    """Every turn's news with all choices defaulted; the cards each turn published."""
    state, out = new_game(scenario, seed), []
    for turn in range(len(scenario.turns)):
        state, events = cards.run_news(at_turn(state, scenario, turn), scenario, "news")
        out.append(published(events))
        state, _ = cards.default_choices(state, scenario, "resolution", None)
    return state, out


def test_chance_streams_are_deterministic_and_independent(scenario):
    state = new_game(scenario, 3)
    a1, s1 = draw(state, "a")
    a2, s2 = draw(s1, "a")
    b1, s3 = draw(s2, "b")
    assert 0 <= a1 < 1 and a1 != a2
    assert draw(state, "a")[0] == a1
    assert b1 == draw(state, "b")[0]
    assert s3.rng == {"a": 2, "b": 1}
    assert draw(new_game(scenario, 4), "a")[0] != a1


def test_fixed_month_card_is_published_in_its_month_only(scenario):
    state = new_game(scenario, 1)
    state, events = cards.run_news(state, scenario, "news")
    assert "opening_news" in published(events, "fixed")
    assert state.published["opening_news"] == 1
    later = at_turn(state, scenario, 1)
    _, events = cards.run_news(later, scenario, "news")
    assert "opening_news" not in published(events)
    assert "plan_deadline_set" in published(events, "fixed")


def test_draws_are_deterministic_for_a_seed_and_differ_across_seeds(scenario):
    _, first = play_news(scenario, 11)
    _, again = play_news(scenario, 11)
    _, other = play_news(scenario, 12)
    assert first == again
    assert first != other


def test_every_draw_records_its_roll_and_no_card_is_drawn_twice(scenario):
    state = new_game(scenario, 5)
    drawn = []
    for turn in range(len(scenario.turns)):
        state, events = cards.run_news(at_turn(state, scenario, turn), scenario, "news")
        for e in events:
            if e.kind == "CardPublished" and e.data["how"] == "drawn":
                assert e.data["drawn"] is True and 0 <= e.data["roll"] < 1
                assert e.data["deck"] == scenario.card_decks[e.data["card"]]
                drawn.append(e.data["card"])
        state, _ = cards.default_choices(state, scenario, "resolution", None)
    repeatable = {cid for cid in drawn if scenario.cards[cid].when.repeat}
    assert len([c for c in drawn if c not in repeatable]) == len(set(drawn) - repeatable)


def test_a_merged_turn_draws_twice_as_many(scenario):
    merged = next(i for i, months in enumerate(scenario.turns) if len(months) == 2)
    state = at_turn(new_game(scenario, 2), scenario, merged)
    state, events = cards.run_news(state, scenario, "news")
    per_deck = {d.deck.id: 0 for d in scenario.decks}
    for e in events:
        if e.kind == "CardPublished" and e.data["how"] == "drawn":
            per_deck[e.data["deck"]] += 1
    assert max(per_deck.values()) == 2 * max(d.deck.draws_per_month for d in scenario.decks)
    assert all(state.rng.get(f"deck:{deck}", 0) == n for deck, n in per_deck.items())


def test_publishing_gives_deciders_a_choice_and_records_the_audience(scenario):
    state = at_turn(new_game(scenario, 1), scenario, 3)
    state, events = cards.publish(state, scenario, CONSULTATION, "news", "facilitator")
    assert events[0].kind == "CardPublished" and events[0].audience == ()  # to everyone: public
    (choice,) = state.pending.values()
    assert (choice.role, choice.default, choice.published) == (
        "monitor",
        "allow_discounts",
        state.month_index,
    )
    moves = list(cards.legal(state, scenario, "monitor"))
    assert {m.option for m in moves} == {"allow_discounts", "keep_national_prices"}
    assert list(cards.legal(state, scenario, "cqc")) == []

    _, events = cards.publish(state, scenario, "plan_deadline_set", "news", "fixed")
    assert set(events[0].audience) == {*scenario.roles_of_kind("consortium"), "nhscb", "bigshire_csu"}


def test_follow_up_arrives_after_its_delay_only_when_its_option_is_chosen(scenario):
    state = at_turn(new_game(scenario, 1), scenario, 3)
    state, _ = cards.publish(state, scenario, CONSULTATION, "news", "facilitator")
    (choice,) = state.pending

    kept, _ = cards.apply_answer(
        state, scenario, AnswerCard(actor="monitor", choice=choice, option="keep_national_prices"), "system"
    )
    assert kept.scheduled == ()

    allowed, events = cards.apply_answer(
        state, scenario, AnswerCard(actor="monitor", choice=choice, option="allow_discounts"), "system"
    )
    assert events[0].kind == "OptionChosen" and events[0].data["defaulted"] is False
    assert allowed.pending == {}
    assert holds(allowed, scenario, Condition(card=CONSULTATION, option="allow_discounts"), None)
    assert not holds(allowed, scenario, Condition(card=CONSULTATION, option="keep_national_prices"), None)
    assert [(s.card, s.due) for s in allowed.scheduled] == [(RULING, state.month_index + 1)]

    same_month, events = cards.run_news(allowed, scenario, "news")
    assert RULING not in published(events)
    next_month, events = cards.run_news(at_turn(same_month, scenario, 4), scenario, "news")
    assert RULING in published(events, "follow-up")
    assert next_month.rules.below_tariff_allowed is True
    assert next_month.scheduled == ()


def test_a_follow_up_is_queued_once_however_many_deciders_choose_its_option(scenario):
    card = evolve(scenario.cards[CONSULTATION], decided_by=("monitor", "nhscb"))
    two_deciders = evolve(scenario, cards={**scenario.cards, CONSULTATION: card})
    state, _ = cards.publish(new_game(two_deciders, 1), two_deciders, CONSULTATION, "news", "facilitator")
    assert sorted(c.role for c in state.pending.values()) == ["monitor", "nhscb"]
    state, events = cards.default_choices(state, two_deciders, "resolution", None)
    assert [e.data["defaulted"] for e in events if e.kind == "OptionChosen"] == [True, True]
    assert [s.card for s in state.scheduled] == [RULING]
    assert state.published[f"{CONSULTATION}:allow_discounts"] == 2


def test_default_choices_answer_only_the_role_ending_its_turn(scenario):
    state = new_game(scenario, 1)
    state, _ = cards.publish(state, scenario, CONSULTATION, "news", "facilitator")
    state, _ = cards.publish(state, scenario, "plan_deadline_set", "news", "facilitator")
    state, events = cards.default_choices(state, scenario, "system", "nhscb")
    assert [c.role for c in state.pending.values()] == ["monitor"]
    (chosen,) = [e for e in events if e.kind == "OptionChosen"]
    assert chosen.data["option"] == "hold_firm" and chosen.topics == ("money", "governance")


def test_answers_are_checked(scenario):
    state, _ = cards.publish(new_game(scenario, 1), scenario, CONSULTATION, "news", "facilitator")
    (choice,) = state.pending
    not_yours = cards.check_answer(state, scenario, AnswerCard(actor="cqc", choice=choice, option="allow_discounts"))
    assert not_yours.code == "no_such_choice"
    wrong = cards.check_answer(state, scenario, AnswerCard(actor="monitor", choice=choice, option="shrug"))
    assert wrong.code == "unknown_option" and "Recommend allowing discounts" in wrong.reason
    assert (
        cards.check_answer(state, scenario, AnswerCard(actor="monitor", choice=choice, option="allow_discounts"))
        is None
    )


def test_only_the_facilitator_publishes_by_hand(scenario):
    state = new_game(scenario, 1)
    assert cards.check_publish(state, scenario, PublishCard(actor="nhscb", card=RULING)).code == "facilitator_only"
    assert cards.check_publish(state, scenario, PublishCard(actor=FACILITATOR, card="nope")).code == "unknown_card"
    move = PublishCard(actor=FACILITATOR, card=RULING)
    assert cards.check_publish(state, scenario, move) is None
    state, events = cards.apply_publish(state, scenario, move, "news")
    assert events[0].data["how"] == "facilitator"
    assert state.rules.below_tariff_allowed is True


def test_a_card_whose_condition_fails_is_not_drawn(scenario):
    trolley = scenario.cards["trolley_wait"]  # drawn only while United Hospitals' quality is below 68
    months = ("2013-12",)
    state = new_game(scenario, 1)
    deck = next(d for d in scenario.decks if d.deck.id == scenario.card_decks["trolley_wait"])
    low = evolve(state, orgs={**state.orgs, "united_hospitals": evolve(state.orgs["united_hospitals"], quality=60)})
    high = evolve(state, orgs={**state.orgs, "united_hospitals": evolve(state.orgs["united_hospitals"], quality=80)})
    assert trolley in cards._drawable(low, scenario, deck, months)
    assert trolley not in cards._drawable(high, scenario, deck, months)
    assert trolley not in cards._drawable(low, scenario, deck, ("2013-06",))  # outside its window
