"""The game's mechanisms, played through moves on the built-in scenario.

Organisations reach the chair the way they do in play: everyone before them
ends their turn (`turn_of`), and the automatic phases run in between. Money
questions that are about one month's settlement call `rules.economy` directly.
"""

from __future__ import annotations

import copy
import itertools

import pytest
from attrs import evolve

from bigshire_game.content import builtin_scenario_dir, load_scenario, month_label
from bigshire_game.engine import (
    FACILITATOR,
    Event,
    GameState,
    Move,
    Rejection,
    apply,
    legal_moves,
    new_game,
    run_until_input,
    view,
)
from bigshire_game.rules import economy, regulation
from bigshire_game.state import DemandShift, Terms
from bigshire_game.vocabulary.moves import (
    AcceptProposal,
    ChallengeConflict,
    DecideReview,
    DeclareConflict,
    EndAgreement,
    EndTurn,
    ImposeSanction,
    Inspect,
    MakeRuling,
    ProposeAgreement,
    RaiseConcern,
    RaiseRequest,
    SignAgreement,
    TakeDecision,
)

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 7
MONITOR_LADDER = "monitor_enforcement"
DEADLINE = SCENARIO.months.index(SCENARIO.info.rules.contract_deadline)


# --- helpers ------------------------------------------------------------------------------


def start(seed: int = SEED) -> GameState:
    """The first moment anyone can act: the first month's news is out and the first consortium is in the chair."""
    state, _ = run_until_input(new_game(SCENARIO, seed), SCENARIO)
    return state


def ok(state: GameState, move: Move) -> tuple[GameState, list[Event]]:
    outcome = apply(state, SCENARIO, move)
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def refused(state: GameState, move: Move, code: str) -> Rejection:
    """The move is refused with this code, a sentence for the player, and the state untouched."""
    before = copy.deepcopy(state)
    outcome = apply(state, SCENARIO, move)
    assert isinstance(outcome, Rejection), f"{move!r} was accepted"
    assert outcome.code == code, f"{move!r}: expected {code}, got {outcome.code}: {outcome.reason}"
    assert outcome.move == move
    reason = outcome.reason  # a sentence a player understands
    assert (reason[0].isupper() or reason[0] == '"') and reason.endswith("."), reason
    assert len(reason.split()) >= 4, reason
    assert state == before
    return outcome


def turn_of(state: GameState, role: str, limit: int = 600) -> tuple[GameState, list[Event]]:
    """Everyone else ends their turn, and automatic phases run, until `role` is in the chair."""
    events: list[Event] = []
    for _ in range(limit):
        if state.actor == role:
            return state, events
        assert not state.finished, f"the game ended before {role} had a turn"
        if state.actor:
            state, more = ok(state, EndTurn(actor=state.actor))
        else:
            state, more = run_until_input(state, SCENARIO)
        events += more
    pytest.fail(f"{role} never came to the chair")


def next_turn_of(state: GameState, role: str) -> tuple[GameState, list[Event]]:
    """`role` ends its turn now and plays again at its next turn (next month, for a single-phase role)."""
    state, events = ok(state, EndTurn(actor=role))
    state, more = turn_of(state, role)
    return state, events + more


def play_until(state: GameState, done) -> tuple[GameState, list[Event]]:
    """End every turn and run every phase until `done(events of the last step)` holds."""
    events: list[Event] = []
    for _ in range(2000):
        assert not state.finished, "the game ended first"
        if state.actor:
            state, more = ok(state, EndTurn(actor=state.actor))
        else:
            state, more = run_until_input(state, SCENARIO)
        events += more
        if done(more):
            return state, events
    pytest.fail("never got there")


def of_kind(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.kind == kind]


def proposed_id(events: list[Event]) -> str:
    (proposed,) = of_kind(events, "AgreementProposed")
    return proposed.data["agreement"]


def resolve(state: GameState, months: range) -> tuple[GameState, list[list[Event]]]:
    """Settle these months one after another; the events of each."""
    per_month = []
    for month in months:
        state, events = economy.resolve_month(state, SCENARIO, month, "resolution")
        per_month.append(events)
    return state, per_month


def paid(events: list[Event], agreement: str) -> Event:
    (payment,) = [e for e in events if e.kind == "ContractPaid" and e.data["agreement"] == agreement]
    return payment


# --- block contracts and the marginal rate ---------------------------------------------------


def test_block_contract_income_stays_flat_while_rising_demand_worsens_the_community_trusts_result():
    state = new_game(SCENARIO, SEED)
    blocks = [a.id for a in state.agreements.values() if a.provider == "community_trust" and a.status == "signed"]
    assert blocks and all(state.agreements[a].kind == "block" for a in blocks)
    months = range(5)  # June to October: growth in demand, no seasonal peak yet
    state, per_month = resolve(state, months)

    trust = state.orgs["community_trust"]
    assert len(set(trust.income)) == 1, f"block income should be flat, was {trust.income}"
    for a in blocks:
        amounts = [paid(events, a).data["amount"] for events in per_month]
        units = [paid(events, a).data["units"] for events in per_month]
        assert len(set(amounts)) == 1, f"{a} paid {amounts}"
        assert units == sorted(units) and units[-1] > units[0], f"{a} delivered {units}"
    results = list(trust.results)
    assert all(later < earlier for earlier, later in itertools.pairwise(results)), f"results {results}"

    # The same months under tariff: income follows the rising activity instead.
    as_tariff = new_game(SCENARIO, SEED)
    as_tariff = evolve(
        as_tariff,
        agreements={
            **as_tariff.agreements,
            **{a: evolve(as_tariff.agreements[a], kind="tariff") for a in blocks},
        },
    )
    as_tariff, _ = resolve(as_tariff, months)
    income = list(as_tariff.orgs["community_trust"].income)
    assert all(later > earlier for earlier, later in itertools.pairwise(income)), f"tariff income {income}"


def _acute_payment(state: GameState, demand: tuple[DemandShift, ...] = ()) -> int:
    _, events = economy.resolve_month(evolve(state, demand=demand), SCENARIO, 0, "resolution")
    return paid(events, "east_bigshire_acute").data["amount"]


def test_emergency_activity_above_the_baseline_is_paid_at_the_marginal_rate():
    state = new_game(SCENARIO, SEED)
    price = state.tariff["emergency"] / 1000  # £k per admission
    marginal = state.rules.marginal_emergency_rate_percent / 100
    assert 0 < marginal < 1
    baseline = economy.baseline(SCENARIO)[("east_bigshire", "emergency")]
    # In the first month there is no growth and no season: demand is exactly the baseline.
    assert economy.units(state, SCENARIO, "east_bigshire", "emergency", 0, "united_hospitals") == pytest.approx(
        baseline
    )

    surge = (DemandShift(activity="emergency", percent=10.0),)
    extra_units = baseline * 0.10
    extra_paid = _acute_payment(state, surge) - _acute_payment(state)
    assert extra_paid == pytest.approx(extra_units * price * marginal, abs=1)
    assert extra_paid < extra_units * price * 0.5  # far below what the same admissions cost at full tariff

    # Planned admissions have no marginal rate: extra ones are paid at full price.
    elective = economy.units(state, SCENARIO, "east_bigshire", "elective", 0, "united_hospitals")
    more_elective = _acute_payment(state, (DemandShift(activity="elective", percent=10.0),)) - _acute_payment(state)
    assert more_elective == pytest.approx(elective * 0.10 * state.tariff["elective"] / 1000, abs=1)

    # A ruling that pays emergency activity in full removes the discount.
    ruled, _ = ok(state, MakeRuling(actor=FACILITATOR, setting="marginal_emergency_rate_percent", value=100.0))
    in_full = _acute_payment(ruled, surge) - _acute_payment(ruled)
    assert in_full == pytest.approx(extra_units * price, abs=1)


# --- below-tariff offers ---------------------------------------------------------------------------


def test_below_tariff_offer_refused_until_monitor_rules_it_allowed():
    offer = ProposeAgreement(
        actor="east_bigshire",
        kind="tariff",
        parties=("health_direct",),
        terms=Terms(activities=("msk",), price_percent=90.0),
    )
    state = start()
    assert state.actor == "east_bigshire"
    refusal = refused(state, offer, "below_tariff")
    assert "Monitor" in refusal.reason
    assert offer not in legal_moves(state, SCENARIO, "east_bigshire")

    state, events = ok(
        state, RaiseRequest(actor="east_bigshire", to="monitor", topic="money", setting="below_tariff_allowed")
    )
    (raised,) = of_kind(events, "RequestRaised")
    request = raised.data["request"]

    state, _ = turn_of(state, "monitor")
    ruling = MakeRuling(actor="monitor", setting="below_tariff_allowed", value=True, request=request)
    assert ruling in legal_moves(state, SCENARIO, "monitor")
    state, events = ok(state, ruling)
    assert [e.kind for e in events][:2] == ["RulingMade", "RuleChanged"]
    assert of_kind(events, "RuleChanged")[0].data["value"] is True
    assert state.rules.below_tariff_allowed is True
    assert state.requests[request].status == "answered"

    state, _ = turn_of(state, "east_bigshire")
    state, events = ok(state, offer)
    (proposed,) = of_kind(events, "AgreementProposed")
    assert proposed.data["price_percent"] == 90.0
    assert state.agreements[proposed.data["agreement"]].terms.price_percent == 90.0


# --- competition review ---------------------------------------------------------------------------


def test_an_alliance_in_force_cannot_be_started_again():
    pool = ProposeAgreement(actor="east_bigshire", kind="risk_pool", parties=("north_vale",), terms=Terms(months=12))
    state, _ = turn_of(start(), "east_bigshire")
    state, events = ok(state, pool)
    aid = proposed_id(events)
    state, _ = turn_of(state, "north_vale")
    state, _ = ok(state, AcceptProposal(actor="north_vale", agreement=aid))
    state, _ = ok(state, SignAgreement(actor="north_vale", agreement=aid))
    assert state.agreements[aid].status == "signed"

    again = ProposeAgreement(actor="north_vale", kind="risk_pool", parties=("east_bigshire",), terms=Terms(months=12))
    refusal = refused(state, again, "already_allied")
    assert refusal.reason == "You already have a risk pool with East Bigshire in force."
    offered = [m for m in legal_moves(state, SCENARIO, "north_vale") if isinstance(m, ProposeAgreement)]
    assert not [m for m in offered if m.kind == "risk_pool" and m.parties == ("east_bigshire",)]
    assert [m for m in offered if m.kind == "lead_commissioner" and m.parties == ("east_bigshire",)]


def test_alliance_covering_community_services_is_reviewed_and_blocked():
    """The county's community trust joining the only other provider of community care, with the GP company along."""
    alliance = ProposeAgreement(
        actor="community_trust",
        kind="integrated_care",
        parties=("carewell", "gp_federation"),
        terms=Terms(activities=("community",), months=24),
    )
    state, _ = turn_of(start(), "community_trust")
    state, events = ok(state, alliance)
    aid = proposed_id(events)
    assert state.agreements[aid].awaiting == ("carewell", "gp_federation")

    state, _ = turn_of(state, "carewell")
    state, _ = ok(state, AcceptProposal(actor="carewell", agreement=aid))
    assert state.agreements[aid].status == "proposed"
    state, _ = turn_of(state, "gp_federation")
    state, events = ok(state, AcceptProposal(actor="gp_federation", agreement=aid))
    assert state.agreements[aid].status == "agreed"
    assert of_kind(events, "AgreementAccepted")[0].data["complete"] is True

    state, events = ok(state, SignAgreement(actor="gp_federation", agreement=aid))
    assert state.agreements[aid].status == "under_review"
    (opened,) = of_kind(events, "CompetitionReviewOpened")
    assert opened.data["agreement"] == aid and opened.data["service"] == "community"
    assert opened.data["share"] > SCENARIO.info.rules.competition_share_threshold_percent
    assert not of_kind(events, "AllianceFormed")
    (item,) = of_kind(events, "AgendaItemAdded")
    assert item.data["regulator"] == "monitor"

    # Too early: the review runs for its full term, and the refusal says until when.
    state, _ = turn_of(state, "monitor")
    opened_at = state.agreements[aid].review_opened
    ready = opened_at + SCENARIO.info.rules.competition_review_months
    decide = DecideReview(actor="monitor", agreement=aid, outcome="blocked")
    assert not [m for m in legal_moves(state, SCENARIO, "monitor") if isinstance(m, DecideReview)]
    refusal = refused(state, decide, "review_running")
    assert month_label(SCENARIO.months[ready]) in refusal.reason

    while state.month_index < ready:
        state, _ = next_turn_of(state, "monitor")
    assert state.agreements[aid].status == "under_review"  # reviews do not lapse like proposals
    assert decide in legal_moves(state, SCENARIO, "monitor")
    state, events = ok(state, decide)
    (reviewed,) = of_kind(events, "AllianceReviewed")
    assert reviewed.data["outcome"] == "blocked" and reviewed.data["agreement"] == aid
    assert state.agreements[aid].status == "blocked"
    assert not of_kind(events, "AllianceFormed")
    assert state.agendas[item.data["item"]].status == "acted"
    refused(state, decide, "not_under_review")


# --- conflicts of interest --------------------------------------------------------------------------


def _gp_company_contract(commissioner: str, declare: bool) -> tuple[GameState, str, list[Event]]:
    """A consortium whose practices own the GP company buys outpatient clinics from it; signed by the company."""
    state, events = turn_of(start(), commissioner)
    state, more = ok(
        state,
        ProposeAgreement(
            actor=commissioner, kind="tariff", parties=("gp_federation",), terms=Terms(activities=("outpatient",))
        ),
    )
    events += more
    aid = proposed_id(more)
    assert state.agreements[aid].conflict is True
    if declare:
        state, more = ok(state, DeclareConflict(actor=commissioner, agreement=aid))
        events += more
    state, more = turn_of(state, "gp_federation")
    events += more
    state, more = ok(state, AcceptProposal(actor="gp_federation", agreement=aid))
    events += more
    state, more = ok(state, SignAgreement(actor="gp_federation", agreement=aid))
    events += more
    (signed,) = of_kind(more, "ContractSigned")
    assert signed.data["conflict"] is True and signed.data["declared"] is declare
    return state, aid, events


@pytest.mark.parametrize("commissioner", ["east_bigshire", "north_vale"])
def test_undeclared_conflict_of_interest_is_upheld_on_challenge(commissioner):
    state, aid, _ = _gp_company_contract(commissioner, declare=False)
    state, _ = turn_of(state, "healthwatch")
    challenge = ChallengeConflict(actor="healthwatch", agreement=aid)
    assert challenge in legal_moves(state, SCENARIO, "healthwatch")
    agendas_before = set(state.agendas)
    state, events = ok(state, challenge)

    assert events[0].kind == "ConflictChallenged"
    assert events[0].data["upheld"] is True and events[0].data["declared"] is False
    assert state.agreements[aid].status == "ended"
    added = of_kind(events, "AgendaItemAdded")
    assert {e.data["regulator"] for e in added} == {"monitor", "nhscb"}
    assert all(e.data["subject"] == commissioner for e in added)
    new_items = [state.agendas[g] for g in set(state.agendas) - agendas_before]
    assert {(i.regulator, i.subject, i.status) for i in new_items} == {
        ("monitor", commissioner, "open"),
        ("nhscb", commissioner, "open"),
    }
    in_force = economy.contracts_for(state, commissioner, "outpatient", state.month_index + 1)
    assert "gp_federation" not in {c.provider for c in in_force}


def test_declared_conflict_of_interest_is_not_upheld():
    state, aid, events = _gp_company_contract("east_bigshire", declare=True)
    assert of_kind(events, "ConflictDeclared")[0].data["agreement"] == aid
    state, _ = turn_of(state, "healthwatch")
    agendas_before = dict(state.agendas)
    state, events = ok(state, ChallengeConflict(actor="healthwatch", agreement=aid))
    assert [e.kind for e in events] == ["ConflictChallenged", "TrustChanged"]  # the challenge costs trust, and says so
    assert events[0].data["upheld"] is False and events[0].data["declared"] is True
    assert state.agreements[aid].status == "signed"
    assert state.agendas == agendas_before


def test_a_party_cannot_challenge_its_own_agreement_and_a_conflict_is_declared_once():
    state, aid, _ = _gp_company_contract("east_bigshire", declare=True)
    refused(state, ChallengeConflict(actor="gp_federation", agreement=aid), "own_agreement")
    state, _ = turn_of(state, "east_bigshire")
    refused(state, DeclareConflict(actor="east_bigshire", agreement=aid), "already_declared")


# --- Monitor's ladder ---------------------------------------------------------------------------------


def test_licence_revoked_at_the_top_of_monitors_ladder():
    ladder = SCENARIO.ladders[MONITOR_LADDER]
    assert len(ladder.steps) == 5
    sanction = ImposeSanction(actor="monitor", ladder=MONITOR_LADDER, subject="united_hospitals", reason="deficit")
    state, _ = turn_of(start(), "monitor")
    quality = state.orgs["united_hospitals"].quality
    imposed: list[Event] = []
    while len(imposed) < len(ladder.steps):
        if state.orgs["monitor"].action_points == 0:
            refused(state, sanction, "no_actions_left")
            state, _ = next_turn_of(state, "monitor")
        state, events = ok(state, sanction)
        imposed += of_kind(events, "SanctionImposed")

    assert [e.data["level"] for e in imposed] == [1, 2, 3, 4, 5]
    assert [e.data["step"] for e in imposed] == [s.id for s in ladder.steps]
    assert [e.data["final"] for e in imposed] == [False, False, False, False, True]
    assert imposed[-1].data["step"] == "licence_revoked"
    assert regulation.licence_revoked(state, SCENARIO, "united_hospitals")
    (lost,) = of_kind(events, "QualityChanged")  # the last step's own effect
    assert lost.data["amount"] == -10 and lost.data["role"] == "united_hospitals"
    assert state.orgs["united_hospitals"].quality == lost.data["quality"] < quality

    if state.orgs["monitor"].action_points == 0:
        state, _ = next_turn_of(state, "monitor")
    refusal = refused(state, sanction, "at_top")
    assert "Licence revoked" in refusal.reason
    assert sanction not in legal_moves(state, SCENARIO, "monitor")


# --- the contract deadline ---------------------------------------------------------------------------


def _deadline_resolved(events: list[Event]) -> bool:
    return any(e.kind == "MonthResolved" and e.data["month"] == SCENARIO.months[DEADLINE] for e in events)


def _ending_by_deadline(state: GameState) -> set[str]:
    return {a.id for a in state.agreements.values() if a.is_contract and a.status == "signed" and a.ends <= DEADLINE}


def test_contracts_unsigned_at_the_deadline_roll_over_and_go_on_the_boards_agenda():
    state = start()
    ending = _ending_by_deadline(state)
    assert "east_bigshire_community" in ending
    state, events = play_until(state, _deadline_resolved)

    rolled = of_kind(events, "ContractRolledOver")
    assert {e.data["agreement"] for e in rolled} == ending
    assert {e.month for e in rolled} == {DEADLINE}
    for aid in ending:
        agreement = state.agreements[aid]
        assert agreement.status == "signed" and agreement.rolled_over
        assert agreement.ends == DEADLINE + 12
    assert not [e for e in of_kind(events, "ContractEnded") if e.data["agreement"] in ending]
    board = [
        e
        for e in of_kind(events, "AgendaItemAdded")
        if e.data["regulator"] == "nhscb" and "not signed by the deadline" in e.data["reason"]
    ]
    assert len(board) == len(ending)
    assert {e.data["subject"] for e in board} == {state.agreements[a].commissioner for a in ending}


def test_a_contract_renewed_before_the_deadline_does_not_roll_over():
    state = start()
    assert state.actor == "east_bigshire"
    renewal = ProposeAgreement(
        actor="east_bigshire",
        kind="block",
        parties=("community_trust",),
        terms=Terms(activities=("community",), annual_value=38000, months=12),
    )
    state, events = ok(state, renewal)
    new = proposed_id(events)
    state, _ = turn_of(state, "community_trust")
    state, _ = ok(state, AcceptProposal(actor="community_trust", agreement=new))
    state, events = ok(state, SignAgreement(actor="community_trust", agreement=new))
    assert of_kind(events, "ContractSigned")[0].data["starts"] == DEADLINE + 1  # after the old one ends

    state, events = play_until(state, _deadline_resolved)
    rolled = {e.data["agreement"] for e in of_kind(events, "ContractRolledOver")}
    assert "east_bigshire_community" not in rolled
    assert "east_bigshire_acute" in rolled  # the rest still roll over
    old = state.agreements["east_bigshire_community"]
    assert old.status == "ended" and not old.rolled_over
    ended = [e for e in of_kind(events, "ContractEnded") if e.data["agreement"] == "east_bigshire_community"]
    assert ended and ended[0].data["reason"] == "term ended"
    assert state.agreements[new].status == "signed" and state.agreements[new].starts == DEADLINE + 1


# --- refusals ---------------------------------------------------------------------------------------------

REFUSALS = [
    (
        ProposeAgreement(
            actor="east_bigshire", kind="tariff", parties=("health_direct",), terms=Terms(activities=("emergency",))
        ),
        "not_offered",
    ),
    (
        ProposeAgreement(
            actor="east_bigshire", kind="tariff", parties=("west_bigshire",), terms=Terms(activities=("msk",))
        ),
        "wrong_parties",
    ),
    (
        ProposeAgreement(
            actor="east_bigshire", kind="block", parties=("community_trust",), terms=Terms(activities=("community",))
        ),
        "no_value",
    ),
    (
        ProposeAgreement(
            actor="east_bigshire",
            kind="tariff",
            parties=("health_direct",),
            terms=Terms(activities=("msk",), months=48),
        ),
        "bad_length",
    ),
    (ProposeAgreement(actor="east_bigshire", kind="franchise", parties=("health_direct",)), "unknown_kind"),
    (ProposeAgreement(actor="east_bigshire", kind="joint_venture", parties=("community_trust",)), "wrong_parties"),
    (SignAgreement(actor="east_bigshire", agreement="west_bigshire_acute"), "not_party"),
    (AcceptProposal(actor="east_bigshire", agreement="east_bigshire_acute"), "not_awaiting"),
    (EndAgreement(actor="east_bigshire", agreement="north_vale_acute"), "not_party"),
    (TakeDecision(actor="east_bigshire", decision="cut_beds"), "unknown_decision"),
    (ImposeSanction(actor="east_bigshire", ladder=MONITOR_LADDER, subject="united_hospitals"), "no_power"),
    (Inspect(actor="east_bigshire", subject="united_hospitals"), "no_power"),
    (DecideReview(actor="east_bigshire", agreement="east_bigshire_acute", outcome="blocked"), "no_power"),
    (RaiseConcern(actor="east_bigshire", to="cqc", about="united_hospitals", topic="gossip"), "unknown_topic"),
    (RaiseRequest(actor="east_bigshire", to="east_bigshire", topic="money"), "to_yourself"),
    (RaiseRequest(actor="east_bigshire", to="cqc", topic="money", setting="below_tariff_allowed"), "cannot_rule"),
    (MakeRuling(actor="east_bigshire", setting="below_tariff_allowed", value=True), "no_power"),
    (ChallengeConflict(actor="east_bigshire", agreement="west_bigshire_acute"), "no_conflict"),
]


@pytest.mark.parametrize(("move", "code"), REFUSALS, ids=[f"{m.name}-{c}" for m, c in REFUSALS])
def test_refused_moves_leave_the_state_unchanged_and_say_why(move, code):
    state = start()
    assert state.actor == "east_bigshire"
    refused(state, move, code)


def test_not_your_turn():
    state = start()
    refusal = refused(state, TakeDecision(actor="united_hospitals", decision="cut_beds"), "not_your_turn")
    assert SCENARIO.roles["east_bigshire"].name in refusal.reason
    assert legal_moves(state, SCENARIO, "united_hospitals") == []
    refused(state, EndTurn(actor="united_hospitals"), "not_your_turn")

    between = new_game(SCENARIO, SEED)  # before the first news: nobody is in the chair
    assert between.actor is None
    refused(between, EndTurn(actor="east_bigshire"), "not_your_turn")
    refused(state, EndTurn(actor="nobody_at_all"), "unknown_role")


def test_no_actions_left_refuses_initiatives_but_not_answers_or_ending_the_turn():
    state, _ = turn_of(start(), "monitor")
    points = state.orgs["monitor"].action_points
    assert points > 0
    for _ in range(points):
        state, _ = ok(state, RaiseConcern(actor="monitor", to="nhscb", about="united_hospitals", topic="money"))
    assert state.orgs["monitor"].action_points == 0
    refused(
        state, RaiseConcern(actor="monitor", to="nhscb", about="united_hospitals", topic="money"), "no_actions_left"
    )
    refused(
        state, ImposeSanction(actor="monitor", ladder=MONITOR_LADDER, subject="united_hospitals"), "no_actions_left"
    )
    legal = legal_moves(state, SCENARIO, "monitor")
    assert legal and not [m for m in legal if m.costs_action]
    assert EndTurn(actor="monitor") in legal
    state, events = ok(state, EndTurn(actor="monitor"))
    assert of_kind(events, "TurnEnded")[0].data["moves"] == points


def test_action_points_are_restored_next_month():
    state, _ = turn_of(start(), "monitor")
    state, _ = ok(state, RaiseConcern(actor="monitor", to="nhscb", about="united_hospitals", topic="money"))
    assert state.orgs["monitor"].action_points == SCENARIO.roles["monitor"].action_points - 1
    state, _ = next_turn_of(state, "monitor")
    assert state.orgs["monitor"].action_points == SCENARIO.roles["monitor"].action_points


# --- what each organisation sees --------------------------------------------------------------------------


def test_view_hides_other_organisations_proposals_and_inboxes():
    state = start()
    state, events = ok(
        state,
        ProposeAgreement(
            actor="east_bigshire",
            kind="block",
            parties=("health_direct",),
            terms=Terms(activities=("msk",), annual_value=1900),
        ),
    )
    aid = proposed_id(events)
    (proposal_event,) = of_kind(events, "AgreementProposed")
    state, events = ok(
        state, RaiseRequest(actor="east_bigshire", to="nhscb", topic="money", text="Help with the deficit")
    )
    rid = of_kind(events, "RequestRaised")[0].data["request"]

    def ids(items):
        return {x.id for x in items}

    for party in ("east_bigshire", "health_direct"):
        assert aid in ids(view(state, SCENARIO, party).agreements)
    for outsider in ("west_bigshire", "community_trust", "monitor"):
        seen = view(state, SCENARIO, outsider)
        assert aid not in ids(seen.agreements)
        assert not proposal_event.visible_to(outsider)
        assert seen.own is state.orgs[outsider]
    assert proposal_event.visible_to(FACILITATOR)

    assert rid in ids(view(state, SCENARIO, "nhscb").inbox)
    assert rid in ids(view(state, SCENARIO, "east_bigshire").inbox)
    assert rid not in ids(view(state, SCENARIO, "west_bigshire").inbox)

    # Signed contracts are public; an unsigned one between others is not.
    outsider = view(state, SCENARIO, "west_bigshire")
    assert "east_bigshire_acute" in ids(outsider.agreements)
    assert "southern_towns_acute" not in ids(outsider.agreements)
    assert "southern_towns_acute" in ids(view(state, SCENARIO, "united_hospitals").agreements)
    # Everyone sees everyone's quality, nobody else's books.
    assert set(outsider.public) == set(state.orgs)
    assert set(outsider.public["east_bigshire"]) == {"quality", "sanction_level"}
