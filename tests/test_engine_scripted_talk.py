"""Open talk and bought relationships, played through moves only, June to September 2013.

Every organisation is seated at the table (no bots). In June East Bigshire asks United Hospitals for its A&E
figures, which the trust ignores; the mental health trust asks the four consortia buying from it for a single lead
commissioner, and hires former commissioners to mend its links with the wellbeing board; the board asks the
consortia to commit to prevention. In July East Bigshire commits and offers to lead for the others, North Vale
declines, Southern Towns commits, West Bigshire says nothing. By the end of September what was ignored has lapsed,
the commitments stand, and the former commissioners' work is done.
"""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.debrief import month_changes
from bigshire_game.debrief.context import Context
from bigshire_game.debrief.graph import asks, organisation_graph
from bigshire_game.engine import Event, Move, Rejection
from bigshire_game.engine.game import new_game
from bigshire_game.rules import plans
from bigshire_game.session import Session
from bigshire_game.vocabulary.moves import (
    AnswerCommitment,
    AskForCommitment,
    AskForInformation,
    AskForLeadCommissioner,
    EndTurn,
    HireFormerCommissioners,
    OfferToLead,
)

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 2013
CONSORTIA = ("east_bigshire", "north_vale", "southern_towns", "west_bigshire")
MHT, BOARD = "mental_health_ft", "wellbeing_board"


def do(session: Session, move: Move) -> list[Event]:
    assert session.actor == move.actor, f"{move.actor} is not in the chair; {session.actor} is"
    outcome = session.play(move)
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def wait_for(session: Session, role: str) -> None:
    for _ in range(100):
        if session.actor == role:
            return
        do(session, EndTurn(actor=session.actor))
    pytest.fail(f"{role} never came to the chair")


def only(events: list[Event], event_kind: str, **data) -> Event:
    found = [e for e in events if e.kind == event_kind and all(e.data.get(k) == v for k, v in data.items())]
    assert len(found) == 1, f"expected one {event_kind} {data}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def played():
    session = Session(SCENARIO, SEED, seats={rid: "table" for rid in SCENARIO.roles})
    session.run()
    wait_for(session, "east_bigshire")
    ask = AskForInformation(actor="east_bigshire", to="united_hospitals", topic="money", text="Your A&E figures")
    information = only(do(session, ask), "InformationRequested").data["request"]
    wait_for(session, MHT)
    assert AskForLeadCommissioner(actor=MHT) in session.legal(MHT)
    lead = only(do(session, AskForLeadCommissioner(actor=MHT)), "LeadCommissionerAsked").data["request"]
    money = session.state.orgs[MHT].balance
    do(session, HireFormerCommissioners(actor=MHT, partners=(BOARD,)))
    paid = money - session.state.orgs[MHT].balance
    wait_for(session, BOARD)
    (offered,) = [m for m in session.legal(BOARD) if isinstance(m, AskForCommitment)]
    commitment = only(do(session, offered), "CommitmentAsked").data["request"]
    while session.state.month_index == 0:
        do(session, EndTurn(actor=session.actor))
    wait_for(session, "east_bigshire")
    do(session, AnswerCommitment(actor="east_bigshire", request=commitment, commit=True))
    do(session, OfferToLead(actor="east_bigshire", request=lead))
    wait_for(session, "north_vale")
    do(session, AnswerCommitment(actor="north_vale", request=commitment, commit=False))
    wait_for(session, "southern_towns")
    do(session, AnswerCommitment(actor="southern_towns", request=commitment, commit=True))
    while session.state.month_index < 4:
        do(session, EndTurn(actor=session.actor))
    return session, (information, lead, commitment), paid


def test_what_was_asked_is_told_to_those_asked(played):
    session, (information, lead, commitment), _ = played
    events = session.events
    asked = only(events, "InformationRequested", request=information)
    assert asked.audience == ("east_bigshire", "united_hospitals") and asked.data["text"] == "Your A&E figures"
    assert set(only(events, "LeadCommissionerAsked", request=lead).data["to"]) == set(CONSORTIA)
    board = only(events, "CommitmentAsked", request=commitment)
    assert board.data["to"] == CONSORTIA and board.data["priority"] == "prevention"


def test_commitments_are_recorded_and_the_silent_lapse(played):
    session, (_, _, commitment), _ = played
    answers = [e for e in session.events if e.kind == "RequestAnswered" and e.data["request"] == commitment]
    assert [(e.actors[0], e.data.get("committed"), e.data["answered"]) for e in answers] == [
        ("east_bigshire", True, True),
        ("north_vale", False, True),
        ("southern_towns", True, True),
        (BOARD, None, False),  # West Bigshire never answered: the call lapsed
    ]
    orgs = session.state.orgs
    assert [cid for cid in CONSORTIA if BOARD in orgs[cid].committed_to] == ["east_bigshire", "southern_towns"]
    # without trust or a meeting with the board, only a commitment lets a plan reflect its needs assessment
    cold = evolve(session.state, trust={}, requests={})
    shared = {cid: plans.shares_needs_assessment(cold, SCENARIO, cid) for cid in CONSORTIA}
    assert shared == {"east_bigshire": True, "north_vale": False, "southern_towns": True, "west_bigshire": False}


def test_the_offer_to_lead_answers_the_providers_request(played):
    session, (_, lead, _), _ = played
    proposed = only(session.events, "AgreementProposed", kind="lead_commissioner")
    assert proposed.actors[0] == "east_bigshire" and proposed.data["provider"] == MHT
    assert set(proposed.data["parties"]) == set(CONSORTIA)
    answered = only(session.events, "RequestAnswered", request=lead)
    assert answered.actors == ("east_bigshire",) and answered.data["answered"] is True
    assert session.state.requests[lead].status == "answered"


def test_ignored_information_lapses_and_the_graph_counts_it_as_an_ask(played):
    session, (information, _, _), _ = played
    lapsed = only(session.events, "RequestAnswered", request=information)
    assert lapsed.data["answered"] is False and lapsed.data["lapsed"] is True
    start = new_game(SCENARIO, SEED)
    graph = organisation_graph(Context(SCENARIO, session.events, start, session.state, None, None))
    found = {(a, b, d["ask"]): d["answered"] for a, b, d in asks(graph, ("information", "commitment", "lead"))}
    assert found[("east_bigshire", "united_hospitals", "information")] is False
    assert (
        found[(BOARD, "east_bigshire", "commitment")] is True and found[(BOARD, "west_bigshire", "commitment")] is False
    )
    assert found[(MHT, "east_bigshire", "lead")] is True and found[(MHT, "north_vale", "lead")] is False


def test_former_commissioners_cost_money_at_once_and_rebuild_trust_month_by_month(played):
    session, _, paid = played
    hired = only(session.events, "FormerCommissionersHired")
    balance = SCENARIO.balance
    assert hired.data["cost"] == paid == balance.expertise_cost and hired.data["partners"] == (BOARD,)
    rises = [e for e in session.events if e.kind == "TrustChanged" and str(e.cause) == f"expertise:{MHT}"]
    assert [e.month for e in rises] == [0, 1, 3]  # June, July, and the August–September turn
    assert all(e.data["amount"] == balance.expertise_trust for e in rises)
    assert not session.state.orgs[MHT].rebuilding


def test_the_debrief_tells_it(played):
    session, _, _ = played
    june = month_changes(SCENARIO, session.events, session.state, 0)
    july = month_changes(SCENARIO, session.events, session.state, 1)
    assert (
        "Mental Health FT hired former commissioners for £300k to rebuild its links with Wellbeing Board, "
        "until August 2013." in june
    )
    asked = "Wellbeing Board asked East Bigshire, North Vale, Southern Towns and West Bigshire to commit to its"
    assert f"{asked} priority: prevention." in june
    assert "East Bigshire and Southern Towns committed to Wellbeing Board's priorities." in july
    assert "North Vale declined to commit to Wellbeing Board's priorities." in july
