"""Concerns, requests and meetings: who hears of them, what they put on agendas, and the trust they build."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game.engine.game import new_game
from bigshire_game.rules import dialogue
from bigshire_game.state import pair_key
from bigshire_game.vocabulary.moves import (
    AnswerRequest,
    ConveneMeeting,
    RaiseConcern,
    RaiseRequest,
    Rejection,
    RespondToMeeting,
)
from handlers import through_handlers

CONSORTIA = ("east_bigshire", "north_vale", "southern_towns", "west_bigshire")


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move):
    return through_handlers(dialogue, state, scenario, move, "turns")


def trust(state, a, b):
    return state.trust.get(pair_key(a, b), 50)


# --- concerns and requests --------------------------------------------------------------------


def test_a_concern_to_a_regulator_lands_on_its_agenda_on_the_right_ladder(state, scenario):
    move = RaiseConcern(
        actor="healthwatch", to="cqc", about="united_hospitals", topic="quality", text="Long waits at night."
    )
    state, (raised, added) = play(state, scenario, move)
    (request,) = state.requests.values()
    assert (request.kind, request.source, request.to, request.about, request.id[0]) == (
        "concern", "healthwatch", ("cqc",), "united_hospitals", "R",
    )  # fmt: skip
    assert raised.kind == "ConcernRaised" and raised.audience == ("healthwatch", "cqc", "united_hospitals")
    assert raised.topics == ("quality",)
    (item,) = state.agendas.values()
    assert (item.regulator, item.subject, item.ladder, item.reason) == (
        "cqc",
        "united_hospitals",
        "cqc_compliance",
        move.text,
    )
    assert added.kind == "AgendaItemAdded"


def test_a_concern_to_others_stays_a_concern(state, scenario):
    state, events = play(
        state,
        scenario,
        RaiseConcern(actor="healthwatch", to="wellbeing_board", about="east_bigshire", topic="access"),
    )
    assert [e.kind for e in events] == ["ConcernRaised"] and not state.agendas


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (
            RaiseConcern(actor="healthwatch", to="healthwatch", about="carewell", topic="quality"),
            "to_yourself",
        ),
        (RaiseConcern(actor="healthwatch", to="cqc", about="nobody", topic="quality"), "unknown_role"),
        (RaiseConcern(actor="healthwatch", to="cqc", about="carewell", topic="weather"), "unknown_topic"),
        (
            RaiseRequest(actor="health_direct", to="nhscb", topic="money", setting="below_tariff_allowed"),
            "cannot_rule",
        ),
        (
            RaiseRequest(actor="health_direct", to="monitor", topic="money", setting="cheap_deals"),
            "unknown_setting",
        ),
    ],
)
def test_talk_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason


def test_answering_a_request_closes_it_and_builds_trust(state, scenario):
    state, (raised,) = play(
        state, scenario, RaiseRequest(actor="southern_towns", to="nhscb", topic="money", text="Help?")
    )
    assert raised.kind == "RequestRaised" and raised.audience == ("southern_towns", "nhscb")
    request = raised.data["request"]
    assert play(state, scenario, AnswerRequest(actor="monitor", request=request)).code == "not_addressed"
    before = trust(state, "southern_towns", "nhscb")
    state, events = play(state, scenario, AnswerRequest(actor="nhscb", request=request, answer="Find savings first."))
    assert state.requests[request].status == "answered" and state.requests[request].answer == "Find savings first."
    assert [e.kind for e in events] == ["RequestAnswered", "TrustChanged"]
    assert events[0].audience == ("southern_towns", "nhscb")
    assert trust(state, "southern_towns", "nhscb") == before + 2
    assert play(state, scenario, AnswerRequest(actor="nhscb", request=request)).code == "request_closed"


def test_requests_and_concerns_lapse_after_two_months(state, scenario):
    state, _ = play(state, scenario, RaiseRequest(actor="north_vale", to="nhscb", topic="money"))
    state, _ = play(state, scenario, RaiseConcern(actor="north_vale", to="nhscb", about="west_bigshire", topic="money"))
    state, events = dialogue.lapse_requests(evolve(state, month_index=1), scenario, "resolution")
    assert not events and all(r.status == "open" for r in state.requests.values())
    state, events = dialogue.lapse_requests(evolve(state, month_index=2), scenario, "resolution")
    assert all(r.status == "closed" for r in state.requests.values())
    assert [(e.kind, e.data["answered"], e.data["lapsed"]) for e in events] == [("RequestAnswered", False, True)] * 2


# --- meetings ----------------------------------------------------------------------------------


def test_a_meeting_is_held_with_those_who_accepted_and_builds_trust_between_them(state, scenario):
    convene = ConveneMeeting(
        actor="wellbeing_board", invitees=CONSORTIA, topic="strategy", text="One strategy for the county"
    )
    state, (convened,) = play(state, scenario, convene)
    assert convened.kind == "MeetingConvened" and convened.audience == ("wellbeing_board", *CONSORTIA)
    meeting = convened.data["meeting"]
    for actor, attend in (("east_bigshire", True), ("north_vale", True), ("southern_towns", False)):
        state, _ = play(state, scenario, RespondToMeeting(actor=actor, meeting=meeting, attend=attend))
    assert (
        play(state, scenario, RespondToMeeting(actor="monitor", meeting=meeting, attend=True)).code == "not_addressed"
    )
    pairs = (
        ("wellbeing_board", "east_bigshire"),
        ("east_bigshire", "north_vale"),
        ("wellbeing_board", "southern_towns"),
    )
    before = {pair: trust(state, *pair) for pair in pairs}

    assert dialogue.hold_meetings(state, scenario, "resolution") == (state, []), "West Bigshire has not had its turn"
    state = evolve(state, month_index=state.month_index + 1)
    state, events = dialogue.hold_meetings(state, scenario, "resolution")
    held = events[0]
    assert held.kind == "MeetingHeld" and held.audience == ()
    assert held.data["attendees"] == ("wellbeing_board", "east_bigshire", "north_vale")
    assert held.data["declined"] == ("southern_towns",) and held.data["absent"] == ("west_bigshire",)
    assert "unanswered" not in held.data
    assert [e.kind for e in events[1:]] == ["TrustChanged"] * 3
    gains = [trust(state, *pair) - was for pair, was in before.items()]
    assert gains == [3, 3, 0]  # who declined gains nothing
    assert state.requests[meeting].status == "closed"
    assert dialogue.hold_meetings(state, scenario, "resolution") == (state, [])


def test_a_wellbeing_board_meeting_nobody_attends_is_noted_once_everyone_could_have_answered(state, scenario):
    state, _ = play(state, scenario, ConveneMeeting(actor="wellbeing_board", invitees=CONSORTIA, topic="strategy"))
    assert dialogue.hold_meetings(state, scenario, "resolution") == (state, []), "the invitees have had no turn yet"
    _, events = dialogue.hold_meetings(evolve(state, month_index=state.month_index + 1), scenario, "resolution")
    assert [e.kind for e in events] == ["MeetingHeld"]
    assert events[0].data["unanswered"] is True and events[0].data["absent"] == CONSORTIA


def test_a_meeting_everyone_has_answered_is_held_at_the_end_of_the_month(state, scenario):
    state, (convened,) = play(
        state, scenario, ConveneMeeting(actor="east_bigshire", invitees=("north_vale", "west_bigshire"), topic="money")
    )
    meeting = convened.data["meeting"]
    state, _ = play(state, scenario, RespondToMeeting(actor="north_vale", meeting=meeting, attend=True))
    assert dialogue.hold_meetings(state, scenario, "resolution") == (state, [])
    state, _ = play(state, scenario, RespondToMeeting(actor="west_bigshire", meeting=meeting, attend=False))
    _, events = dialogue.hold_meetings(state, scenario, "resolution")
    assert events[0].kind == "MeetingHeld" and events[0].data["attendees"] == ("east_bigshire", "north_vale")


def test_an_answer_to_a_meeting_can_be_changed_until_it_is_held(state, scenario):
    state, (convened,) = play(
        state, scenario, ConveneMeeting(actor="east_bigshire", invitees=("north_vale",), topic="money")
    )
    meeting = convened.data["meeting"]
    state, _ = play(state, scenario, RespondToMeeting(actor="north_vale", meeting=meeting, attend=False))
    state, _ = play(state, scenario, RespondToMeeting(actor="north_vale", meeting=meeting, attend=True))
    assert (state.requests[meeting].attending, state.requests[meeting].declined) == (("north_vale",), ())


# --- legal moves -------------------------------------------------------------------------------


def test_legal_moves_route_concerns_and_gather_sensible_groups(state, scenario):
    moves = list(dialogue.legal(state, scenario, "healthwatch"))
    concerns = {(m.to, m.about, m.topic) for m in moves if isinstance(m, RaiseConcern)}
    assert ("cqc", "united_hospitals", "quality") in concerns and (
        "monitor",
        "united_hospitals",
        "money",
    ) in concerns
    assert ("nhscb", "east_bigshire", "money") in concerns and not any(about == "cqc" for _, about, _ in concerns)
    (board_meeting,) = [m for m in dialogue.legal(state, scenario, "wellbeing_board") if isinstance(m, ConveneMeeting)]
    assert set(board_meeting.invitees) == {
        *CONSORTIA,
        "united_hospitals",
        "community_trust",
        "mental_health_ft",
    }
    (consortium_meeting,) = [
        m for m in dialogue.legal(state, scenario, "east_bigshire") if isinstance(m, ConveneMeeting)
    ]
    assert set(consortium_meeting.invitees) == set(CONSORTIA) - {"east_bigshire"}
    requests = {(m.to, m.setting) for m in moves if isinstance(m, RaiseRequest)}
    assert requests == {("nhscb", ""), ("monitor", "below_tariff_allowed")}
    for move in moves:
        assert not isinstance(play(state, scenario, move), Rejection)


def test_legal_moves_answer_the_inbox_and_do_not_repeat_open_asks(state, scenario):
    state, _ = play(state, scenario, ConveneMeeting(actor="east_bigshire", invitees=("north_vale",), topic="money"))
    state, _ = play(state, scenario, RaiseRequest(actor="east_bigshire", to="north_vale", topic="money"))
    theirs = list(dialogue.legal(state, scenario, "north_vale"))
    assert sum(isinstance(m, RespondToMeeting) for m in theirs) == 2
    assert sum(isinstance(m, AnswerRequest) for m in theirs) == 1
    mine = list(dialogue.legal(state, scenario, "east_bigshire"))
    assert not any(isinstance(m, ConveneMeeting) for m in mine)
