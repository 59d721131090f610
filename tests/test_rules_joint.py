"""Regulators acting together: joint reviews of a provider, and referrals from one regulator to another."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game import bots
from bigshire_game.engine.game import new_game
from bigshire_game.rules import regulation
from bigshire_game.rules.economy import forecast
from bigshire_game.state import pair_key, replace_org
from bigshire_game.vocabulary.moves import (
    AnswerJointReview,
    DismissAgendaItem,
    ImposeSanction,
    ProposeJointReview,
    ReferToRegulator,
    Rejection,
)
from handlers import through_handlers

ACUTE = "united_hospitals"


@pytest.fixture
def state(scenario):
    return new_game(scenario, 7)


def play(state, scenario, move):
    return through_handlers(regulation, state, scenario, move, "system")


def kinds(events):
    return [e.kind for e in events]


def with_quality(state, rid, quality):
    return replace_org(state, evolve(state.orgs[rid], quality=quality))


def propose(state, scenario, subject=ACUTE, actor="monitor", partner="cqc", reason="Deficit and falls at night"):
    state, events = play(
        state, scenario, ProposeJointReview(actor=actor, partner=partner, subject=subject, reason=reason)
    )
    return state, events[0].data["review"], events


def month_end(state, scenario):
    return regulation.hold_joint_reviews(state, scenario, "resolution")


def test_monitor_and_the_cqc_hold_the_powers(scenario):
    for rid in ("monitor", "cqc"):
        assert {"review_jointly", "refer"} <= set(scenario.roles[rid].powers)
    assert not {"review_jointly", "refer"} & set(scenario.roles["nhscb"].powers)


# --- joint reviews -------------------------------------------------------------------------------


def test_a_joint_review_is_proposed_agreed_and_held_at_month_end_as_one_finding(state, scenario):
    """The acute trust is failing on both counts: the joint finding names both regulators and puts the trust on
    each one's agenda, on its own ladder. Nobody has climbed a ladder."""
    state = with_quality(state, ACUTE, 55)
    assert forecast(state, scenario, ACUTE) < -20_000
    state, review, (proposed,) = propose(state, scenario)
    assert proposed.kind == "JointReviewProposed" and proposed.audience == ("monitor", "cqc")
    assert (proposed.data["by"], proposed.data["partner"], proposed.data["subject"]) == ("monitor", "cqc", ACUTE)
    assert state.requests[review].to == ("cqc",) and state.requests[review].status == "open"
    trust = state.trust[pair_key("cqc", "monitor")]
    state, events = play(state, scenario, AnswerJointReview(actor="cqc", review=review, agree=True))
    assert kinds(events) == ["JointReviewAgreed", "TrustChanged"]
    assert events[0].actors == ("cqc", "monitor") and state.trust[pair_key("cqc", "monitor")] == trust + 2
    state, events = month_end(state, scenario)
    held = events[0]
    assert kinds(events) == ["JointReviewHeld", "AgendaItemAdded", "AgendaItemAdded"]
    assert held.actors == ("monitor", "cqc") and held.audience == () and held.data["regulators"] == ("monitor", "cqc")
    assert (held.data["rating"], held.data["quality"], held.data["concerns"]) == (
        "inadequate",
        55,
        ("quality", "money"),
    )
    assert held.data["agendas"] == ("monitor", "cqc")
    on = {(i.regulator, i.ladder) for i in state.agendas.values() if i.subject == ACUTE}
    assert on == {("monitor", "monitor_enforcement"), ("cqc", "cqc_compliance")}
    assert all(i.reason.startswith("Joint review with ") for i in state.agendas.values())
    assert state.requests[review].status == "closed" and not state.ladders
    assert month_end(state, scenario)[1] == []  # held once


def test_a_finding_goes_on_an_agenda_only_where_that_regulators_own_ladder_would(state, scenario):
    """The mental health trust is in surplus and merely short of good: one finding, on nobody's agenda."""
    state, review, _ = propose(state, scenario, subject="mental_health_ft", actor="cqc", partner="monitor")
    state, _ = play(state, scenario, AnswerJointReview(actor="monitor", review=review, agree=True))
    state, (held,) = month_end(state, scenario)
    assert held.data["rating"] == "requires improvement" and held.data["concerns"] == ("quality",)
    assert held.data["agendas"] == () and not state.agendas


def test_a_declined_review_is_never_held_and_an_unanswered_one_lapses(state, scenario):
    state, review, _ = propose(state, scenario)
    state, (declined,) = play(state, scenario, AnswerJointReview(actor="cqc", review=review, agree=False))
    assert declined.kind == "JointReviewDeclined" and not declined.data.get("lapsed")
    assert month_end(state, scenario)[1] == []
    state, again, _ = propose(state, scenario)  # a new proposal may follow a refusal
    assert month_end(state, scenario)[1] == []
    later = evolve(state, month_index=state.month_index + scenario.balance.request_lapse_months)
    later, (lapsed,) = month_end(later, scenario)
    assert lapsed.kind == "JointReviewDeclined" and lapsed.data["lapsed"] is True and lapsed.data["review"] == again
    assert later.requests[again].status == "closed"


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (ProposeJointReview(actor="nhscb", partner="cqc", subject=ACUTE), "no_power"),
        (ProposeJointReview(actor="monitor", partner="nhscb", subject=ACUTE), "not_a_partner"),
        (ProposeJointReview(actor="monitor", partner="monitor", subject=ACUTE), "not_a_partner"),
        (ProposeJointReview(actor="monitor", partner="cqc", subject="east_bigshire"), "not_regulated"),
        (AnswerJointReview(actor="monitor", review="R999", agree=True), "not_addressed"),
    ],
)
def test_joint_reviews_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason.endswith(".")


def test_one_review_at_a_time_and_only_the_partner_answers_it_once(state, scenario):
    state, review, _ = propose(state, scenario)
    assert play(state, scenario, ProposeJointReview(actor="cqc", partner="monitor", subject=ACUTE)).code == (
        "already_proposed"
    )
    assert play(state, scenario, AnswerJointReview(actor="monitor", review=review, agree=True)).code == "not_addressed"
    state, _ = play(state, scenario, AnswerJointReview(actor="cqc", review=review, agree=True))
    assert play(state, scenario, AnswerJointReview(actor="cqc", review=review, agree=False)).code == "request_closed"
    assert play(state, scenario, ProposeJointReview(actor="monitor", partner="cqc", subject=ACUTE)).code == (
        "already_proposed"  # agreed and not yet held
    )


# --- referrals -----------------------------------------------------------------------------------


def test_a_referral_lands_on_the_other_regulators_agenda_to_act_on_or_set_aside(state, scenario):
    refer = ReferToRegulator(actor="cqc", to="monitor", subject="community_trust", reason="Cuts are outrunning safety.")
    state, (referred, added) = play(state, scenario, refer)
    assert referred.kind == "ReferralMade" and referred.audience == ("cqc", "monitor")
    assert (referred.data["by"], referred.data["to"], referred.data["reason"]) == (
        "cqc",
        "monitor",
        "Cuts are outrunning safety.",
    )
    item = state.agendas[referred.data["item"]]
    assert (item.kind, item.regulator, item.ladder) == ("referral", "monitor", "monitor_enforcement")
    assert item.reason == "Referred by CQC: Cuts are outrunning safety"
    assert added.audience == ("cqc", "monitor") and added.data["kind"] == "referral"
    assert play(state, scenario, refer).code == "already_referred"
    moves = list(regulation.legal(state, scenario, "monitor"))
    act = ImposeSanction(actor="monitor", ladder="monitor_enforcement", subject="community_trust", reason=item.reason)
    assert act in moves and DismissAgendaItem(actor="monitor", item=item.id) in moves
    acted, _ = play(state, scenario, act)
    assert acted.agendas[item.id].status == "acted"
    dismissed, _ = play(state, scenario, DismissAgendaItem(actor="monitor", item=item.id))
    assert dismissed.agendas[item.id].status == "dismissed"
    again, _ = play(dismissed, scenario, refer)  # once set aside, it may be referred again
    assert len(again.agendas) == 2


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (ReferToRegulator(actor="healthwatch", to="cqc", subject=ACUTE, reason="Complaints"), "no_power"),
        (ReferToRegulator(actor="cqc", to="cqc", subject=ACUTE, reason="Complaints"), "not_a_regulator"),
        (ReferToRegulator(actor="cqc", to="monitor", subject="cqc", reason="Complaints"), "bad_subject"),
        (ReferToRegulator(actor="cqc", to="monitor", subject="east_bigshire", reason="Deficit"), "not_regulated"),
        (ReferToRegulator(actor="cqc", to="monitor", subject=ACUTE, reason="  "), "no_reason"),
    ],
)
def test_referrals_refused_with_a_reason(state, scenario, move, code):
    refusal = play(state, scenario, move)
    assert isinstance(refusal, Rejection) and refusal.code == code and refusal.reason.endswith(".")


# --- bots ------------------------------------------------------------------------------------------


def test_bots_propose_a_joint_review_only_when_both_are_worried_and_agree_when_they_share_the_concern(state, scenario):
    move = ProposeJointReview(actor="monitor", partner="cqc", subject=ACUTE)
    assert bots.score(state, scenario, "monitor", move, jitter=0.0) == 0.0  # nobody is worried yet
    state, _ = regulation.check_triggers(with_quality(state, ACUTE, 55), scenario, "resolution")
    assert regulation.concerned(state, scenario, "monitor", ACUTE) and regulation.concerned(
        state, scenario, "cqc", ACUTE
    )
    assert bots.score(state, scenario, "monitor", move, jitter=0.0) == 4.4  # modest: 4 and its cooperation
    state, review, _ = propose(state, scenario)
    agree, decline = (AnswerJointReview(actor="cqc", review=review, agree=a) for a in (True, False))
    assert bots.score(state, scenario, "cqc", agree, jitter=0.0) > bots.score(
        state, scenario, "cqc", decline, jitter=0.0
    )
    state, _ = play(state, scenario, agree)
    state, _ = month_end(state, scenario)
    later = evolve(state, month_index=state.month_index + 5)
    assert bots.score(later, scenario, "monitor", move, jitter=0.0) == 0.0  # not again within half a year
    assert bots.score(evolve(state, month_index=6), scenario, "monitor", move, jitter=0.0) == 4.4


def test_a_bot_declines_a_review_it_has_no_concern_about(state, scenario):
    state, review, _ = propose(state, scenario, subject="carewell")
    agree, decline = (AnswerJointReview(actor="cqc", review=review, agree=a) for a in (True, False))
    assert bots.score(state, scenario, "cqc", decline, jitter=0.0) > bots.score(
        state, scenario, "cqc", agree, jitter=0.0
    )


def test_a_bot_does_not_climb_on_another_regulators_referral_alone(state, scenario):
    refer = ReferToRegulator(actor="cqc", to="monitor", subject="carewell", reason="Missed visits")
    state, _ = play(state, scenario, refer)
    climb = ImposeSanction(actor="monitor", ladder="monitor_enforcement", subject="carewell")
    assert climb.name in {m.name for m in regulation.legal(state, scenario, "monitor")}  # a person may
    assert bots.score(state, scenario, "monitor", climb, jitter=0.0) == 0.0
    assert regulation.concerned(state, scenario, "monitor", "carewell")  # but it is on its mind
