"""One plausible month of the real exercise, June 2013, played through moves only.

Every organisation is seated at the table (no bots); those with no part in the
story end their turns. North Vale and Health Direct sign a 50/50 risk-share for
musculoskeletal care; the community trust, CareWell (the other community
provider) and the GP company form an integrated care organisation for community
services, which Monitor must review;
United Hospitals cuts beds and the CQC inspects it.
"""

from __future__ import annotations

import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import Event, Move, Rejection
from bigshire_game.rules import regulation
from bigshire_game.session import Session
from bigshire_game.state import Terms
from bigshire_game.vocabulary.moves import (
    AcceptProposal,
    EndTurn,
    Inspect,
    ProposeAgreement,
    SignAgreement,
    TakeDecision,
)

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 2013
ACUTE = "united_hospitals"
BED_CUTS = "cut_beds"  # roles/united_hospitals.toml [[decisions]]


def do(session: Session, move: Move) -> list[Event]:
    assert session.actor == move.actor, f"{move.actor} is not in the chair; {session.actor} is"
    outcome = session.play(move)
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def wait_for(session: Session, role: str) -> None:
    """Everyone before `role` ends their turn without doing anything."""
    for _ in range(100):
        if session.actor == role:
            return
        do(session, EndTurn(actor=session.actor))
    pytest.fail(f"{role} never came to the chair")


def only(events: list[Event], kind: str, **data) -> Event:
    found = [e for e in events if e.kind == kind and all(e.data.get(k) == v for k, v in data.items())]
    assert len(found) == 1, f"expected one {kind} {data}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def june():
    """The month played out; the session (now in July), the events of June, and figures noted on the way."""
    session = Session(SCENARIO, SEED, seats={rid: "table" for rid in SCENARIO.roles})
    session.run()
    assert session.state.month_index == 0 and session.actor == "east_bigshire"
    noted: dict[str, object] = {}

    # Commissioners: North Vale offers Health Direct a risk-share for its musculoskeletal service.
    wait_for(session, "north_vale")
    risk_share = ProposeAgreement(
        actor="north_vale",
        kind="risk_share",
        parties=("health_direct",),
        terms=Terms(activities=("msk",), annual_value=1300, share_percent=50.0),
    )
    noted["contract"] = only(do(session, risk_share), "AgreementProposed").data["agreement"]

    # Providers: the acute trust cuts beds first.
    wait_for(session, ACUTE)
    noted["quality_before_cuts"] = session.state.orgs[ACUTE].quality
    noted["cost_base_before_cuts"] = session.state.orgs[ACUTE].cost_base
    do(session, TakeDecision(actor=ACUTE, decision=BED_CUTS))
    noted["quality_after_cuts"] = session.state.orgs[ACUTE].quality

    # The community trust proposes an integrated care organisation covering community services with its only rival.
    wait_for(session, "community_trust")
    alliance = ProposeAgreement(
        actor="community_trust",
        kind="integrated_care",
        parties=("carewell", "gp_federation"),
        terms=Terms(activities=("community",), months=24),
    )
    noted["alliance"] = only(do(session, alliance), "AgreementProposed").data["agreement"]

    wait_for(session, "carewell")
    do(session, AcceptProposal(actor="carewell", agreement=noted["alliance"]))

    wait_for(session, "health_direct")
    do(session, AcceptProposal(actor="health_direct", agreement=noted["contract"]))
    do(session, SignAgreement(actor="health_direct", agreement=noted["contract"]))

    wait_for(session, "gp_federation")
    do(session, AcceptProposal(actor="gp_federation", agreement=noted["alliance"]))
    do(session, SignAgreement(actor="gp_federation", agreement=noted["alliance"]))

    # System bodies: the CQC inspects the trust that has just cut beds.
    wait_for(session, "cqc")
    noted["inspected_quality"] = session.state.orgs[ACUTE].quality
    do(session, Inspect(actor="cqc", subject=ACUTE))

    # Everyone else ends their turn; the month is settled and July's news arrives.
    while session.state.month_index == 0:
        do(session, EndTurn(actor=session.actor))
    june_events = [e for e in session.events if e.month == 0]
    return session, june_events, noted


def test_the_events_tell_the_story_in_order(june):
    _, events, noted = june
    story = [
        only(events, "AgreementProposed", agreement=noted["contract"]),
        only(events, "DecisionTaken", decision=BED_CUTS),
        only(events, "AgreementProposed", agreement=noted["alliance"]),
        only(events, "AgreementAccepted", agreement=noted["contract"]),
        only(events, "ContractSigned", agreement=noted["contract"]),
        only(events, "CompetitionReviewOpened", agreement=noted["alliance"]),
        only(events, "InspectionHeld", subject=ACUTE),
        *[e for e in events if e.kind == "MonthResolved" and e.data["role"] == ACUTE],
    ]
    positions = [events.index(e) for e in story]
    assert positions == sorted(positions)
    assert len(story) == 8
    assert [e.kind for e in events].count("AgreementAccepted") == 3


def test_the_risk_share_is_signed_fifty_fifty(june):
    session, events, noted = june
    contract = session.state.agreements[noted["contract"]]
    assert contract.status == "signed"
    assert contract.kind == "risk_share"
    assert contract.parties == ("north_vale", "health_direct")
    assert contract.terms.share_percent == 50.0
    assert contract.terms.activities == ("msk",)
    assert contract.starts == 1 and contract.ends == 12  # from July, for a year
    signed = only(events, "ContractSigned", agreement=noted["contract"])
    assert signed.data["share_percent"] == 50.0 and signed.data["kind"] == "risk_share"
    assert signed.data["conflict"] is False  # Health Direct is not owned by North Vale's practices


def test_the_integrated_care_organisation_awaits_monitors_review(june):
    session, events, noted = june
    alliance = session.state.agreements[noted["alliance"]]
    assert alliance.status == "under_review"
    assert alliance.review_opened == 0
    assert set(alliance.parties) == {"community_trust", "carewell", "gp_federation"}
    opened = only(events, "CompetitionReviewOpened", agreement=noted["alliance"])
    assert opened.data["service"] == "community"
    assert opened.data["share"] > SCENARIO.info.rules.competition_share_threshold_percent
    assert not [e for e in events if e.kind == "AllianceFormed"]
    monitor_items = [i for i in session.state.agendas.values() if i.regulator == "monitor" and i.status == "open"]
    assert any(i.subject == "community_trust" and "Competition review" in i.reason for i in monitor_items)


def test_bed_cuts_lower_quality_and_cost_and_the_cqc_rates_the_result(june):
    session, events, noted = june
    assert noted["quality_after_cuts"] == noted["quality_before_cuts"] - 6
    cut = only(events, "QualityChanged", role=ACUTE, source=f"decision:{BED_CUTS}")
    assert cut.data["amount"] == -6
    cost = only(events, "CostBaseChanged", role=ACUTE)
    cut = next(
        e.percent
        for d in SCENARIO.roles["united_hospitals"].decisions
        if d.id == "cut_beds"
        for e in d.effects
        if e.kind == "cost_base"
    )
    assert cut < 0 and cost.data["cost_base"] == round(noted["cost_base_before_cuts"] * (1 + cut / 100))
    assert BED_CUTS in session.state.orgs[ACUTE].decisions

    inspection = only(events, "InspectionHeld", subject=ACUTE)
    assert inspection.phase == "system"
    assert inspection.data["quality"] == noted["inspected_quality"] == noted["quality_after_cuts"]
    assert inspection.data["rating"] == regulation.inspection_rating(SCENARIO, noted["quality_after_cuts"])
    # United Hospitals opens at 66; six points off leaves it at the bottom of "requires improvement".
    assert inspection.data["rating"] == "requires improvement"
    assert session.state.orgs[ACUTE].quality < noted["quality_before_cuts"]


def test_the_month_ends_and_the_protest_follows(june):
    session, events, _ = june
    assert session.state.turn == 1 and session.state.month_index == 1
    assert session.actor == "east_bigshire"
    resolved = [e for e in events if e.kind == "MonthResolved"]
    assert {e.data["role"] for e in resolved} == set(SCENARIO.roles)
    july = [e for e in session.events if e.month == 1]
    assert any(e.kind == "CardPublished" and e.data["card"] == "bed_cuts_protest" for e in july)
