"""Closures and the opposition they meet: announced, opposed, delayed, gone ahead with (on the date or anyway) or
withdrawn; who has standing to object and whose objection counts; and how the computer players weigh them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bigshire_game import bots
from bigshire_game.content import load_scenario
from bigshire_game.engine.game import new_game
from bigshire_game.rules import closures, decisions
from bigshire_game.rules.closures import leanings
from bigshire_game.state import GameState, evolve, pair_key
from bigshire_game.vocabulary.moves import (
    OpposeClosure,
    ProceedWithClosure,
    Rejection,
    TakeDecision,
    WithdrawClosure,
)
from handlers import through_handlers

ACUTE = "united_hospitals"
SALE = "sell_eastbrook"  # roles/united_hospitals.toml: a closure of a site, affecting East Bigshire
SERVICE = "cease_older_peoples_services"  # a service withdrawal


@pytest.fixture
def state(scenario) -> GameState:
    return new_game(scenario, 11)


def play(module, state, scenario, move):
    outcome = through_handlers(module, state, scenario, move, "turns")
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def refusal(module, state, scenario, move) -> str:
    outcome = through_handlers(module, state, scenario, move, "turns")
    assert isinstance(outcome, Rejection), f"{move!r} was accepted"
    assert outcome.reason.endswith("."), outcome.reason
    return outcome.code


def announced(state, scenario, decision=SALE):
    state, events = play(decisions, state, scenario, TakeDecision(actor=ACUTE, decision=decision))
    (closure,) = [c for c in state.closures.values() if c.source == f"decision:{decision}"]
    return state, events, closure


def oppose(state, scenario, closure, *roles):
    events = []
    for role in roles:
        state, more = play(closures, state, scenario, OpposeClosure(actor=role, closure=closure.id))
        events += more
    return state, events


def trust(state, a, b):
    return state.trust.get(pair_key(a, b), 50)


# --- announcing ---------------------------------------------------------------------------------


def test_a_closure_is_announced_in_public_and_its_effects_wait(state, scenario):
    before = state.orgs[ACUTE]
    state, events, closure = announced(state, scenario)
    (taken,) = [e for e in events if e.kind == "DecisionTaken"]
    assert taken.audience == () and taken.data["closure"] == closure.id and taken.data["due"] == 3
    assert (closure.owner, closure.kind, closure.affects, closure.status) == (
        ACUTE, "site", ("east_bigshire",), "announced",
    )  # fmt: skip
    after = state.orgs[ACUTE]
    assert (after.balance, after.cost_base, after.quality) == (before.balance, before.cost_base, before.quality)
    assert any(s.card == "site_closure_protest" for s in state.scheduled)  # what the announcement sets off
    assert SALE in after.decisions


def test_the_closure_goes_ahead_at_the_end_of_its_month_with_its_effects(state, scenario):
    state, _, closure = announced(state, scenario)
    balance, cost_base = state.orgs[ACUTE].balance, state.orgs[ACUTE].cost_base
    early, nothing = closures.due_closures(evolve(state, month_index=closure.due - 1), scenario, "resolution")
    assert nothing == [] and early.closures[closure.id].status == "announced"
    done, events = closures.due_closures(evolve(state, month_index=closure.due), scenario, "resolution")
    (went,) = [e for e in events if e.kind == "ClosureWentAhead"]
    assert went.data["anyway"] is False and went.data["cost"] == 0 and went.data["objectors"] == ()
    assert done.closures[closure.id].status == "done"
    assert done.orgs[ACUTE].balance == balance + 15_000 and done.orgs[ACUTE].cost_base < cost_base


# --- opposing -------------------------------------------------------------------------------------


def test_strong_objections_delay_a_month_each_up_to_the_limit(state, scenario):
    state, _, closure = announced(state, scenario)
    limit = scenario.balance.closure_delay_limit
    state, events = oppose(state, scenario, closure, "east_bigshire", "healthwatch", "wellbeing_board")
    assert [e.data["strong"] for e in events if e.kind == "ClosureOpposed"] == [True, True, True]
    delayed = [e for e in events if e.kind == "ClosureDelayed"]
    assert [e.data["due"] for e in delayed] == [closure.due + 1, closure.due + 2, closure.due + 3][:limit]
    now = state.closures[closure.id]
    assert now.delay == min(3, limit) and now.objectors == ("east_bigshire", "healthwatch", "wellbeing_board")
    assert [e.data["cost"] for e in events if e.kind == "ClosureOpposed"] == [1000, 2000, 3000]


def test_the_delay_stops_at_the_limit(state, scenario):
    state, _, closure = announced(state, scenario)
    state = closures.record.put(state, evolve(closure, delay=scenario.balance.closure_delay_limit))
    state, events = oppose(state, scenario, closure, "healthwatch")
    assert [e.kind for e in events] == ["ClosureOpposed"]
    assert state.closures[closure.id].due == closure.due


def test_an_objection_that_does_not_speak_for_the_population_only_adds_cost(scenario_copy):
    """A route by kind without `affected`: consortia elsewhere may object, but only East Bigshire's delays."""
    root = scenario_copy()
    path = Path(root) / "content" / "scenario.toml"
    text = path.read_text()
    path.write_text(text.replace('{ by = ["consortium"], affected = true }', '{ by = ["consortium"] }'))
    scenario = load_scenario(root)
    state, _, closure = announced(new_game(scenario, 11), scenario)
    state, events = oppose(state, scenario, closure, "west_bigshire")
    (opposed,) = events
    assert opposed.data["strong"] is False and state.closures[closure.id].due == closure.due
    assert closures.record.cost_of(scenario, state.closures[closure.id]) == scenario.balance.closure_objection_cost


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        ("west_bigshire", "cannot_object"),  # its population is not affected
        ("monitor", "cannot_object"),  # no route for regulators
        (ACUTE, "own_closure"),
    ],
)
def test_who_has_no_standing_to_object(state, scenario, actor, code):
    state, _, closure = announced(state, scenario)
    assert refusal(closures, state, scenario, OpposeClosure(actor=actor, closure=closure.id)) == code


def test_an_objection_is_registered_once(state, scenario):
    state, _, closure = announced(state, scenario)
    state, _ = oppose(state, scenario, closure, "healthwatch")
    move = OpposeClosure(actor="healthwatch", closure=closure.id)
    assert refusal(closures, state, scenario, move) == "already_opposed"


# --- the owner decides --------------------------------------------------------------------------------


def test_going_ahead_anyway_pays_the_objections_and_loses_the_objectors_trust(state, scenario):
    state, _, closure = announced(state, scenario)
    state, _ = oppose(state, scenario, closure, "east_bigshire", "healthwatch")
    balance = state.orgs[ACUTE].balance
    before = trust(state, ACUTE, "healthwatch")
    state, events = play(closures, state, scenario, ProceedWithClosure(actor=ACUTE, closure=closure.id))
    (went,) = [e for e in events if e.kind == "ClosureWentAhead"]
    assert went.data["anyway"] is True and went.data["cost"] == 2000
    assert went.data["objectors"] == ("east_bigshire", "healthwatch")
    assert state.orgs[ACUTE].balance == balance + 15_000 - 2000
    assert trust(state, ACUTE, "healthwatch") == before + scenario.balance.closure_override_trust
    assert state.closures[closure.id].status == "done"
    assert refusal(closures, state, scenario, WithdrawClosure(actor=ACUTE, closure=closure.id)) == "closure_settled"


def test_backing_down_ends_it_without_its_effects(state, scenario):
    state, _, closure = announced(state, scenario, SERVICE)
    state, _ = oppose(state, scenario, closure, "healthwatch")
    cost_base = state.orgs[ACUTE].cost_base
    state, (withdrawn,) = play(closures, state, scenario, WithdrawClosure(actor=ACUTE, closure=closure.id))
    assert withdrawn.kind == "ClosureWithdrawn" and withdrawn.data["objectors"] == ("healthwatch",)
    assert withdrawn.data["kind"] == "service"
    assert state.orgs[ACUTE].cost_base == cost_base
    done, events = closures.due_closures(evolve(state, month_index=20), scenario, "resolution")
    assert events == [] and done.closures[closure.id].status == "withdrawn"
    again = TakeDecision(actor=ACUTE, decision=SERVICE)
    assert refusal(decisions, state, scenario, again) == "already_decided"


def test_only_the_owner_decides_and_not_once_it_is_due(state, scenario):
    state, _, closure = announced(state, scenario)
    move = WithdrawClosure(actor="east_bigshire", closure=closure.id)
    assert refusal(closures, state, scenario, move) == "not_your_closure"
    due_now = evolve(state, turn=scenario.turns.index(next(t for t in scenario.turns if scenario.months[3] in t)))
    assert refusal(closures, due_now, scenario, ProceedWithClosure(actor=ACUTE, closure=closure.id)) == "already_due"


def test_legal_moves_offer_opposition_to_those_with_standing_and_choices_to_the_owner(state, scenario):
    state, _, closure = announced(state, scenario)
    opposing = {
        r
        for r in scenario.roles
        if OpposeClosure(actor=r, closure=closure.id) in closures.moves.legal(state, scenario, r)
    }
    assert opposing == {"east_bigshire", "healthwatch", "wellbeing_board"}
    assert set(closures.moves.legal(state, scenario, ACUTE)) == {
        ProceedWithClosure(actor=ACUTE, closure=closure.id),
        WithdrawClosure(actor=ACUTE, closure=closure.id),
    }


# --- an option on a card can be a closure too ----------------------------------------------------------


def test_a_card_option_marked_as_a_closure_is_announced_not_done(scenario_copy):
    root = scenario_copy()
    deck = Path(root) / "decks" / "local.toml"
    text = deck.read_text()
    anchor = 'label = "Commission a community service"\n'
    option = text.index(anchor)
    tags = text.index("\n", text.index("tags = ", option)) + 1
    # East Bigshire's answer to the outcry card becomes a closure: its community offer waits for the notice.
    closure = (
        '\n[cards.options.closure]\nwhat = "the Eastbrook day hospital"\nkind = "service"\n'
        'affects = ["east_bigshire"]\nnotice_months = 1\n'
    )
    deck.write_text(text[:tags] + closure + text[tags:])
    scenario = load_scenario(root)
    from bigshire_game.rules import cards
    from bigshire_game.vocabulary.moves import AnswerCard

    state, _ = cards.publish(new_game(scenario, 3), scenario, "older_peoples_service_outcry", "news", "facilitator")
    (choice,) = state.pending.values()
    move = AnswerCard(actor="east_bigshire", choice=choice.id, option="commission_community_alternative")
    state, events = play(cards, state, scenario, move)
    assert [e.kind for e in events] == ["OptionChosen"] and events[0].data["due"] == 1
    (closure,) = state.closures.values()
    assert closure.source == "card:older_peoples_service_outcry:commission_community_alternative"
    assert not any(a.status == "proposed" and a.proposer == "community_trust" for a in state.agreements.values())
    state, events = closures.due_closures(evolve(state, month_index=1), scenario, "resolution")
    assert [e.kind for e in events][:2] == ["ClosureWentAhead", "AgreementProposed"]


# --- computer players ---------------------------------------------------------------------------------


def test_the_affected_consortium_and_the_patients_voice_are_keen_to_object(state, scenario):
    state, _, closure = announced(state, scenario)
    keen = {
        r: bots.score(state, scenario, r, OpposeClosure(actor=r, closure=closure.id), jitter=0)
        for r in ("east_bigshire", "healthwatch", "wellbeing_board")
    }
    threshold = {r: scenario.roles[r].bot.threshold for r in keen}
    assert all(keen[r] > threshold[r] for r in keen), keen


def test_the_owner_backs_down_from_a_small_saving_against_strong_opposition(state, scenario):
    state, _, closure = announced(state, scenario, SERVICE)
    state, _ = oppose(state, scenario, closure, "east_bigshire", "healthwatch", "wellbeing_board")
    withdraw = WithdrawClosure(actor=ACUTE, closure=closure.id)
    proceed = ProceedWithClosure(actor=ACUTE, closure=closure.id)
    assert bots.score(state, scenario, ACUTE, withdraw, jitter=0) > scenario.roles[ACUTE].bot.threshold + 1
    assert bots.score(state, scenario, ACUTE, proceed, jitter=0) < scenario.roles[ACUTE].bot.threshold - 1


def test_a_desperate_owner_holds_its_nerve_on_a_site_sale_and_opposition_weighs_with_caution(state, scenario):
    state, _, closure = announced(state, scenario)
    state, _ = oppose(state, scenario, closure, "east_bigshire", "healthwatch", "wellbeing_board")
    desperate = bots.judge(state, scenario, ACUTE, forecast=-40_000)
    relaxed = bots.judge(state, scenario, ACUTE, forecast=-10_000)
    now = state.closures[closure.id]
    assert leanings.backlash(desperate, now) < leanings.backlash(relaxed, now)
    withdraw = WithdrawClosure(actor=ACUTE, closure=closure.id)
    assert leanings.score_withdraw(desperate, withdraw) < scenario.roles[ACUTE].bot.threshold - 1
    assert leanings.score_withdraw(relaxed, withdraw) > scenario.roles[ACUTE].bot.threshold


def test_an_owner_does_not_announce_what_cannot_happen_before_the_year_ends(state, scenario):
    late = evolve(state, month_index=len(scenario.months) - 4)
    judge = bots.judge(late, scenario, ACUTE, forecast=-30_000)
    decision = next(d for d in scenario.roles[ACUTE].decisions if d.id == SALE)
    assert leanings.closure_doubts(judge, decision) >= 10
    early = bots.judge(state, scenario, ACUTE, forecast=-30_000)
    assert leanings.closure_doubts(early, decision) < 1
