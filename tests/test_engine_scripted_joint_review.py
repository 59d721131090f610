"""A joint regulatory review of the acute trust, played through moves only, June 2013.

Every organisation is seated at the table (no bots). East Bigshire raises a concern with Monitor about the
trust's money, which puts the trust on Monitor's agenda; United Hospitals cuts beds and diverts A&E demand;
Monitor asks the CQC to review the trust together; the CQC agrees; at the month's end the two publish one
finding, which puts the trust on the CQC's agenda on its own ladder. Nobody climbs a ladder: the finding is
evidence, and what the regulators do with it is their next move.
"""

from __future__ import annotations

import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.debrief import month_changes
from bigshire_game.engine import Event, Move, Rejection
from bigshire_game.session import Session
from bigshire_game.vocabulary.moves import AnswerJointReview, EndTurn, ProposeJointReview, RaiseConcern, TakeDecision

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 2013
ACUTE = "united_hospitals"
REASON = "A deficit heading for £30m and cuts on the wards"
CONCERN = "The trust's deficit puts our services at risk"


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


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def june():
    session = Session(SCENARIO, SEED, seats={rid: "table" for rid in SCENARIO.roles})
    session.run()
    wait_for(session, "east_bigshire")
    worry = RaiseConcern(actor="east_bigshire", to="monitor", about=ACUTE, topic="money", text=CONCERN)
    do(session, worry)
    wait_for(session, ACUTE)
    do(session, TakeDecision(actor=ACUTE, decision="cut_beds"))
    do(session, TakeDecision(actor=ACUTE, decision="divert_ae"))
    wait_for(session, "monitor")
    proposal = ProposeJointReview(actor="monitor", partner="cqc", subject=ACUTE, reason=REASON)
    offered = [m for m in session.legal("monitor") if isinstance(m, ProposeJointReview)]
    assert [(m.partner, m.subject, m.reason) for m in offered] == [("cqc", ACUTE, CONCERN)]  # what is on its desk
    review = only(do(session, proposal), "JointReviewProposed").data["review"]
    wait_for(session, "cqc")
    assert AnswerJointReview(actor="cqc", review=review, agree=True) in session.legal("cqc")
    do(session, AnswerJointReview(actor="cqc", review=review, agree=True))
    while session.state.month_index == 0:
        do(session, EndTurn(actor=session.actor))
    return session, [e for e in session.events if e.month == 0], review


def test_proposal_agreement_and_one_joint_finding_name_both_regulators(june):
    session, events, review = june
    proposed, agreed, held = (only(events, k) for k in ("JointReviewProposed", "JointReviewAgreed", "JointReviewHeld"))
    assert events.index(proposed) < events.index(agreed) < events.index(held)
    assert (proposed.data["by"], proposed.data["partner"], proposed.data["subject"]) == ("monitor", "cqc", ACUTE)
    assert proposed.audience == agreed.audience == ("monitor", "cqc")  # arranged between the two regulators
    assert proposed.phase == agreed.phase == "system" and held.phase == "resolution"
    assert held.audience == () and held.data["regulators"] == held.actors == ("monitor", "cqc")
    assert held.data["review"] == review and session.state.requests[review].status == "closed"


def test_the_finding_puts_the_trust_on_the_cqcs_agenda_and_nobody_climbs(june):
    session, events, _ = june
    held = only(events, "JointReviewHeld")
    quality = session.state.orgs[ACUTE].quality
    assert (held.data["quality"], held.data["rating"]) == (quality, "inadequate") and quality < 60
    assert held.data["concerns"] == ("quality", "money") and held.data["forecast"] < 0
    assert held.data["agendas"] == ("cqc",)  # the deficit is short of Monitor's own trigger, so not on its agenda
    (item,) = [session.state.agendas[i] for i in held.data["items"]]
    assert (item.regulator, item.ladder, item.subject) == ("cqc", "cqc_compliance", ACUTE)
    assert item.reason.startswith("Joint review with Monitor: rated inadequate")
    assert not any(e.kind == "SanctionImposed" for e in events)


def test_the_debrief_tells_it_in_order(june):
    session, _, _ = june
    told = month_changes(SCENARIO, session.events, session.state, 0)
    joint = [line for line in told if "together" in line]
    assert joint == [
        f"Monitor asked CQC to review United Hospitals together ({REASON[0].lower() + REASON[1:]}).",
        "CQC agreed to review United Hospitals together with Monitor at the month's end.",
        "Monitor and CQC reviewed United Hospitals together and made one finding: rated inadequate (quality 58), "
        "expecting a deficit of £4.5m at the end of the year, with concerns about the quality of care and money. "
        "United Hospitals went on the agenda of CQC.",
    ]
    united = month_changes(SCENARIO, session.events, session.state, 0, role=ACUTE)
    assert [line for line in united if "together" in line] == joint[2:]  # the trust hears only the finding
