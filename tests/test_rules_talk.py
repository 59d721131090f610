"""Open talk and bought relationships: requests for information to any organisation, questions to a regulator about
any rule, commitments to the wellbeing board's priorities, a provider's request for a single lead commissioner, and
former commissioners hired to rebuild links."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.bots import score
from bigshire_game.engine.game import new_game
from bigshire_game.rules import agreements, dialogue, plans
from bigshire_game.rules.agreements import asked as lead_asked
from bigshire_game.state import Agreement, Terms, pair_key
from bigshire_game.vocabulary.moves import (
    AnswerCommitment,
    AnswerRequest,
    AskAboutRule,
    AskForCommitment,
    AskForInformation,
    AskForLeadCommissioner,
    HireFormerCommissioners,
    OfferToLead,
    Rejection,
)
from handlers import through_handlers

CONSORTIA = ("east_bigshire", "north_vale", "southern_towns", "west_bigshire")


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move, module=dialogue):
    return through_handlers(module, state, scenario, move, "turns")


def trust(state, a, b):
    return state.trust.get(pair_key(a, b), 50)


# --- information -------------------------------------------------------------------------------


def test_any_organisation_may_be_asked_for_information_and_answering_builds_trust(state, scenario):
    ask = AskForInformation(actor="carewell", to="southern_towns", topic="money", text="Your discharge figures")
    assert evolve(ask, text="") in list(dialogue.legal(state, scenario, "carewell"))
    state, (asked,) = play(state, scenario, ask)
    assert asked.kind == "InformationRequested" and asked.audience == ("carewell", "southern_towns")
    request = asked.data["request"]
    assert state.requests[request].kind == "information"
    assert AnswerRequest(actor="southern_towns", request=request) in list(
        dialogue.legal(state, scenario, "southern_towns")
    )
    before = trust(state, "carewell", "southern_towns")
    state, events = play(state, scenario, AnswerRequest(actor="southern_towns", request=request, answer="Attached"))
    assert [e.kind for e in events] == ["RequestAnswered", "TrustChanged"] and events[0].data["kind"] == "information"
    assert trust(state, "carewell", "southern_towns") == before + scenario.balance.answer_trust


def test_an_ignored_request_for_information_lapses(state, scenario):
    state, _ = play(state, scenario, AskForInformation(actor="north_vale", to="united_hospitals", topic="money"))
    months = scenario.balance.request_lapse_months
    state, events = dialogue.lapse_requests(evolve(state, month_index=months), scenario, "resolution")
    assert [(e.data["kind"], e.data["answered"], e.data["lapsed"]) for e in events] == [("information", False, True)]


def test_the_uncooperative_ignore_what_they_are_asked_to_share(state, scenario):
    state, (asked,) = play(state, scenario, AskForInformation(actor="north_vale", to="united_hospitals", topic="money"))
    answer = AnswerRequest(actor="united_hospitals", request=asked.data["request"])
    assert scenario.roles["united_hospitals"].bot.cooperation < 0.5
    assert score(state, scenario, "united_hospitals", answer, jitter=0.0) == 0.0


# --- questions about rules ---------------------------------------------------------------------


def test_a_regulator_may_be_asked_about_any_rule_and_may_leave_it_unanswered(state, scenario):
    question = AskAboutRule(
        actor="east_bigshire", to="cqc", topic="quality", rule="whether day surgery needs its own rating"
    )
    state, (asked,) = play(state, scenario, question)
    assert asked.kind == "QuestionAsked" and asked.data["rule"] == question.rule
    request = asked.data["request"]
    assert AnswerRequest(actor="cqc", request=request) in list(dialogue.legal(state, scenario, "cqc"))
    state, events = dialogue.lapse_requests(
        evolve(state, month_index=scenario.balance.request_lapse_months), scenario, "resolution"
    )
    assert [(e.data["kind"], e.data["answered"]) for e in events] == [("question", False)]


def test_routing_offers_ready_made_questions_to_the_regulators(state, scenario):
    offered = {(m.to, m.rule) for m in dialogue.legal(state, scenario, "north_vale") if isinstance(m, AskAboutRule)}
    assert {to for to, _ in offered} == {"monitor", "cqc"} and all(rule for _, rule in offered)


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (AskAboutRule(actor="north_vale", to="carewell", topic="money", rule="pricing"), "not_a_regulator"),
        (AskAboutRule(actor="north_vale", to="monitor", topic="money", rule="  "), "no_question"),
        (AskForInformation(actor="north_vale", to="north_vale", topic="money"), "to_yourself"),
        (AskForCommitment(actor="wellbeing_board", to=(), priority="prevention"), "no_addressees"),
        (AskForCommitment(actor="wellbeing_board", to=("north_vale",), priority="golf"), "unknown_priority"),
        (HireFormerCommissioners(actor="carewell", partners=()), "no_partners"),
        (HireFormerCommissioners(actor="carewell", partners=(*CONSORTIA, "nhscb")), "too_many"),
        (AskForLeadCommissioner(actor="north_vale"), "not_a_provider"),
    ],
)
def test_open_talk_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason


# --- commitments ---------------------------------------------------------------------------------


def test_commitments_to_the_boards_priorities_are_recorded_and_count_in_plans(state, scenario):
    (ask,) = [m for m in dialogue.legal(state, scenario, "wellbeing_board") if isinstance(m, AskForCommitment)]
    assert set(ask.to) == set(CONSORTIA) and ask.priority == "prevention"
    state, (asked,) = play(state, scenario, ask)
    request = asked.data["request"]
    cold = {**state.trust, pair_key("north_vale", "wellbeing_board"): 0}
    assert not plans.shares_needs_assessment(evolve(state, trust=cold), scenario, "north_vale")
    state, events = play(state, scenario, AnswerCommitment(actor="north_vale", request=request, commit=True))
    assert [e.kind for e in events] == ["RequestAnswered", "TrustChanged"]
    assert events[0].data["committed"] is True and events[0].data["kind"] == "commitment"
    assert state.orgs["north_vale"].committed_to == ("wellbeing_board",)
    assert plans.shares_needs_assessment(evolve(state, trust=cold), scenario, "north_vale")
    state, (refused,) = play(state, scenario, AnswerCommitment(actor="west_bigshire", request=request, commit=False))
    assert refused.data["committed"] is False and not state.orgs["west_bigshire"].committed_to
    again = play(state, scenario, AnswerCommitment(actor="west_bigshire", request=request, commit=True))
    assert again.code == "already_answered"
    for cid in ("east_bigshire", "southern_towns"):
        state, _ = play(state, scenario, AnswerCommitment(actor=cid, request=request, commit=True))
    assert state.requests[request].status == "answered"
    (later,) = [m for m in dialogue.legal(state, scenario, "wellbeing_board") if isinstance(m, AskForCommitment)] or [
        None
    ]
    assert later is None, "those who committed are not asked again, nor are those who said no"


def test_bots_commit_to_a_priority_they_hold_and_the_uncooperative_decline(state, scenario):
    state, (asked,) = play(
        state, scenario, AskForCommitment(actor="wellbeing_board", to=CONSORTIA, priority="prevention")
    )
    request = asked.data["request"]

    def keen(cid, commit):
        return score(state, scenario, cid, AnswerCommitment(actor=cid, request=request, commit=commit), jitter=0.0)

    assert scenario.roles["east_bigshire"].bot.weight("prevention") > 0
    assert keen("east_bigshire", True) > keen("east_bigshire", False)
    north = scenario.roles["north_vale"].bot
    assert north.weight("prevention") == 0 and north.cooperation < 0.7
    assert keen("north_vale", False) > keen("north_vale", True)


# --- a single lead commissioner -----------------------------------------------------------------


def _buys_from(state, provider, consortia):
    """Signed contracts between these consortia and the provider, whatever the briefs start with."""
    extra = {
        f"T{c}": Agreement(
            id=f"T{c}", kind="block", parties=(c, provider), proposer=c, status="signed", terms=Terms(months=12)
        )
        for c in consortia
    }
    return evolve(state, agreements={**state.agreements, **extra})


def test_a_provider_asks_for_a_single_lead_and_a_consortium_answers_by_offering_to_lead(state, scenario):
    state = _buys_from(state, "carewell", ("east_bigshire", "north_vale", "southern_towns"))
    ask = AskForLeadCommissioner(actor="carewell")
    assert ask in list(dialogue.legal(state, scenario, "carewell"))
    state, (asked,) = play(state, scenario, ask)
    assert asked.kind == "LeadCommissionerAsked" and asked.data["by"] == "carewell"
    assert {"east_bigshire", "north_vale", "southern_towns"} <= set(asked.data["to"])
    request = asked.data["request"]
    assert play(state, scenario, ask).code == "already_asked"
    offer = OfferToLead(actor="north_vale", request=request)
    assert offer in list(lead_asked.legal(state, scenario, "north_vale"))
    state, events = play(state, scenario, offer, agreements)
    assert [e.kind for e in events] == ["AgreementProposed", "RequestAnswered", "TrustChanged"]
    proposed = events[0]
    assert proposed.data["kind"] == "lead_commissioner" and proposed.data["provider"] == "carewell"
    assert proposed.actors[0] == "north_vale" and set(proposed.data["parties"]) == set(asked.data["to"])
    assert state.requests[request].status == "answered"
    assert play(state, scenario, offer, agreements).code == "request_closed"


def test_a_provider_with_one_commissioner_has_nobody_to_ask(state, scenario):
    bare = evolve(state, agreements={})
    assert play(bare, scenario, AskForLeadCommissioner(actor="carewell")).code == "one_commissioner"


# --- former commissioners ------------------------------------------------------------------------


def test_hiring_former_commissioners_costs_money_now_and_builds_trust_month_by_month(state, scenario):
    balance = scenario.balance
    hire = HireFormerCommissioners(actor="mental_health_ft", partners=("wellbeing_board", "west_bigshire"))
    offered = [m.partners for m in dialogue.legal(state, scenario, "mental_health_ft") if m.name == hire.name]
    assert hire.partners[:1] in offered and tuple(c for c in CONSORTIA) in offered
    money = state.orgs["mental_health_ft"].balance
    state, (hired,) = play(state, scenario, hire)
    assert hired.kind == "FormerCommissionersHired" and hired.data["cost"] == balance.expertise_cost
    assert state.orgs["mental_health_ft"].balance == money - balance.expertise_cost
    assert play(state, scenario, hire).code == "already_hired"
    before = trust(state, "mental_health_ft", "wellbeing_board")
    for month in range(balance.expertise_months + 1):
        turn = next(i for i, months in enumerate(scenario.turns) if scenario.months[month] in months)
        state, events = dialogue.rebuild_links(evolve(state, month_index=month, turn=turn), scenario, "resolution")
        expected = 2 if month < balance.expertise_months else 0
        assert [e.kind for e in events] == ["TrustChanged"] * expected
        assert all(str(e.cause) == "expertise:mental_health_ft" for e in events)
    gained = trust(state, "mental_health_ft", "wellbeing_board") - before
    assert gained == balance.expertise_trust * balance.expertise_months
    assert not state.orgs["mental_health_ft"].rebuilding, "their work is over; another hire may follow"


def test_bots_hire_only_to_mend_links_with_commissioners_worn_thin(state, scenario):
    rich = state
    hire = HireFormerCommissioners(actor="mental_health_ft", partners=("wellbeing_board",))
    worn = trust(state, "mental_health_ft", "wellbeing_board")
    assert worn < scenario.roles["mental_health_ft"].bot.attend_trust
    assert score(rich, scenario, "mental_health_ft", hire, forecast=1_000, jitter=0.0) > 3.0
    assert score(rich, scenario, "mental_health_ft", hire, forecast=-5_000, jitter=0.0) == 0.0
    friend = HireFormerCommissioners(actor="mental_health_ft", partners=("east_bigshire",))
    assert score(rich, scenario, "mental_health_ft", friend, forecast=1_000, jitter=0.0) == 0.0
