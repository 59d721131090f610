"""Disputes: a claim raised against another organisation, conceded or denied, and mediated by the holder of the
`mediate` power (upheld, split or dismissed) with money and trust following; then one played through the engine,
as the exercise saw it: a contract one side believed agreed, refused by the other, settled by the Board."""

from __future__ import annotations

import pytest

from bigshire_game import bots
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import Event, Move, Rejection
from bigshire_game.engine.game import new_game
from bigshire_game.narrative import Lookup, sentence
from bigshire_game.rules import disputes
from bigshire_game.session import Session
from bigshire_game.state import GameState, Request, evolve, pair_key
from bigshire_game.vocabulary.moves import AnswerDispute, EndTurn, MediateDispute, RaiseDispute
from handlers import through_handlers

BOARD = "nhscb"  # holds `mediate` in roles/nhscb.toml
CLAIMANT, DEFENDANT = "southern_towns", "united_hospitals"
UNSIGNED = "southern_towns_acute"  # roles/southern_towns.toml: this year's acute contract, never signed


@pytest.fixture
def state(scenario) -> GameState:
    return new_game(scenario, 5)


def play(state, scenario, move):
    outcome = through_handlers(disputes, state, scenario, move, "turns")
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def refusal(state, scenario, move) -> str:
    outcome = through_handlers(disputes, state, scenario, move, "turns")
    assert isinstance(outcome, Rejection), f"{move!r} was accepted"
    assert outcome.reason.endswith("."), outcome.reason
    return outcome.code


def trust(state, a, b):
    return state.trust.get(pair_key(a, b), 50)


def raised(state, scenario, amount=800, agreement=""):
    move = RaiseDispute(actor=CLAIMANT, against=DEFENDANT, amount=amount, agreement=agreement, text="We shook on it.")
    state, events = play(state, scenario, move)
    (dispute,) = [r for r in state.requests.values() if r.kind == "dispute"]
    return state, events, dispute


def denied(state, scenario, dispute):
    return play(state, scenario, AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=False))


def test_the_holder_of_the_mediate_power_is_the_mediator(scenario):
    assert disputes.mediator(scenario) == BOARD and "mediate" in scenario.roles[BOARD].powers


def test_raising_a_dispute_puts_it_in_the_defendants_inbox_and_costs_trust(state, scenario):
    before = trust(state, CLAIMANT, DEFENDANT)
    state, events, dispute = raised(state, scenario)
    assert (dispute.source, dispute.to, dispute.about, dispute.amount, dispute.status) == (
        CLAIMANT, (DEFENDANT,), DEFENDANT, 800, "open",
    )  # fmt: skip
    assert events[0].kind == "DisputeRaised" and events[0].audience == (CLAIMANT, DEFENDANT)
    assert trust(state, CLAIMANT, DEFENDANT) == before + scenario.balance.dispute_trust
    assert set(disputes.legal(state, scenario, DEFENDANT)) >= {
        AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=True),
        AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=False),
    }


def test_conceding_pays_the_claim_and_settles_it(state, scenario):
    state, _, dispute = raised(state, scenario)
    a, b = state.orgs[CLAIMANT].balance, state.orgs[DEFENDANT].balance
    state, events = play(state, scenario, AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=True))
    assert [e.kind for e in events] == ["DisputeAnswered", "MoneyMoved"] and events[0].data["conceded"] is True
    assert (state.orgs[CLAIMANT].balance, state.orgs[DEFENDANT].balance) == (a + 800, b - 800)
    assert state.requests[dispute.id].status == "answered"


def test_denying_sends_it_to_the_mediator(state, scenario):
    state, _, dispute = raised(state, scenario)
    state, (answered,) = denied(state, scenario, dispute)
    assert answered.data["conceded"] is False and answered.data["mediator"] == BOARD
    assert BOARD in answered.audience and state.requests[dispute.id].to == (BOARD,)
    assert refusal(state, scenario, AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=True)) == (
        "not_addressed"
    )


def test_an_unanswered_dispute_goes_to_the_mediator_at_month_end(state, scenario):
    state, _, dispute = raised(state, scenario)
    waited = evolve(state, month_index=scenario.balance.request_lapse_months)
    state, (lapsed,) = disputes.unanswered_disputes(waited, scenario, "resolution")
    assert lapsed.data["lapsed"] is True and state.requests[dispute.id].to == (BOARD,)


@pytest.mark.parametrize(("outcome", "paid"), [("upheld", 800), ("split", 400), ("dismissed", 0)])
def test_mediation_moves_money_and_trust(state, scenario, outcome, paid):
    state, _, dispute = raised(state, scenario)
    state, _ = denied(state, scenario, dispute)
    before = {
        "balance": (state.orgs[CLAIMANT].balance, state.orgs[DEFENDANT].balance),
        "board-defendant": trust(state, BOARD, DEFENDANT),
        "board-claimant": trust(state, BOARD, CLAIMANT),
        "sides": trust(state, CLAIMANT, DEFENDANT),
    }
    state, events = play(state, scenario, MediateDispute(actor=BOARD, dispute=dispute.id, outcome=outcome))
    assert events[0].kind == "DisputeMediated" and events[0].data["paid"] == paid
    assert (state.orgs[CLAIMANT].balance, state.orgs[DEFENDANT].balance) == (
        before["balance"][0] + paid,
        before["balance"][1] - paid,
    )
    b = scenario.balance
    expected = {
        "upheld": (b.mediation_loser_trust, 0, 0),
        "split": (b.mediation_trust, b.mediation_trust, b.mediation_trust),
        "dismissed": (0, b.mediation_loser_trust, 0),
    }[outcome]
    assert (
        trust(state, BOARD, DEFENDANT) - before["board-defendant"],
        trust(state, BOARD, CLAIMANT) - before["board-claimant"],
        trust(state, CLAIMANT, DEFENDANT) - before["sides"],
    ) == expected
    assert state.requests[dispute.id].status == "answered" and state.requests[dispute.id].answer == outcome


def test_only_the_mediator_mediates_and_only_once_the_other_side_has_answered(state, scenario):
    state, _, dispute = raised(state, scenario)
    assert refusal(state, scenario, MediateDispute(actor=BOARD, dispute=dispute.id, outcome="split")) in (
        "not_addressed",
        "not_yet",
    )
    state, _ = denied(state, scenario, dispute)
    assert refusal(state, scenario, MediateDispute(actor="monitor", dispute=dispute.id, outcome="split")) == (
        "cannot_mediate"
    )
    assert refusal(state, scenario, MediateDispute(actor=BOARD, dispute=dispute.id, outcome="halved")) == (
        "unknown_outcome"
    )


@pytest.mark.parametrize(
    ("move", "code"),
    [
        (RaiseDispute(actor=CLAIMANT, against=CLAIMANT, amount=100), "unknown_role"),
        (RaiseDispute(actor=CLAIMANT, against=BOARD, amount=100), "no_mediator"),
        (RaiseDispute(actor=CLAIMANT, against=DEFENDANT, amount=0), "bad_amount"),
        (
            RaiseDispute(actor=CLAIMANT, against=DEFENDANT, amount=100, agreement="west_bigshire_acute"),
            "not_between_you",
        ),
    ],
)
def test_claims_the_rules_refuse(state, scenario, move, code):
    assert refusal(state, scenario, move) == code


def test_one_open_dispute_about_a_thing_and_an_agreement_settled_once(state, scenario):
    state, _, dispute = raised(state, scenario, agreement=UNSIGNED)
    again = RaiseDispute(actor=DEFENDANT, against=CLAIMANT, amount=50, agreement=UNSIGNED)
    assert refusal(state, scenario, again) == "already_disputed"
    state, _ = play(state, scenario, AnswerDispute(actor=DEFENDANT, dispute=dispute.id, concede=True))
    assert refusal(state, scenario, again) == "already_settled"


def test_the_mediators_reading_of_the_record(state, scenario):
    claim = Request(id="R1", kind="dispute", source=CLAIMANT, to=(BOARD,), about=DEFENDANT, topic="money", amount=500)
    assert disputes.merit(state, claim) == "dismissed"  # no agreement, never in the same meeting
    meeting = Request(
        id="R2", kind="meeting", source="wellbeing_board", to=(CLAIMANT, DEFENDANT), topic="strategy",
        status="closed", attending=(CLAIMANT, DEFENDANT),
    )  # fmt: skip
    met = evolve(state, requests={"R2": meeting})
    assert disputes.merit(met, claim) == "split"
    signed = evolve(claim, agreement=UNSIGNED)
    rich = evolve(state, orgs={**state.orgs, DEFENDANT: evolve(state.orgs[DEFENDANT], balance=13_000)})
    poor = evolve(state, orgs={**state.orgs, DEFENDANT: evolve(state.orgs[DEFENDANT], balance=-1000)})
    assert disputes.merit(rich, signed) == "upheld" and disputes.merit(poor, signed) == "split"


# --- played through the engine ---------------------------------------------------------------------------

SCENARIO = load_scenario(builtin_scenario_dir())


def do(session: Session, move: Move) -> list[Event]:
    assert session.actor == move.actor, f"{move.actor} is not in the chair; {session.actor} is"
    outcome = session.play(move)
    assert not isinstance(outcome, Rejection), f"{move!r} refused: {outcome.code}: {outcome.reason}"
    return outcome


def wait_for(session: Session, role: str) -> None:
    for _ in range(200):
        if session.actor == role:
            return
        do(session, EndTurn(actor=session.actor))
    pytest.fail(f"{role} never came to the chair")


@pytest.fixture(scope="module")
def mediated():
    """United Hospitals says this year's acute contract with Southern Towns was agreed at its activity estimate;
    Southern Towns has never signed it and denies owing for the activity above its own. The trust takes the cost
    to the Board as a dispute; Southern Towns denies it; the Board mediates as a computer player would."""
    session = Session(SCENARIO, 17, seats={rid: "table" for rid in SCENARIO.roles})
    session.run()
    assert session.state.agreements[UNSIGNED].status == "proposed"
    claim = RaiseDispute(
        actor=DEFENDANT,
        against=CLAIMANT,
        amount=500,
        agreement=UNSIGNED,
        text="The contract was agreed at our activity estimate, and the activity above yours is owed",
    )
    wait_for(session, DEFENDANT)
    assert RaiseDispute(actor=DEFENDANT, against=CLAIMANT, amount=500, agreement=UNSIGNED) in session.legal(DEFENDANT)
    dispute = do(session, claim)[0].data["dispute"]
    wait_for(session, CLAIMANT)  # next month, in the commissioners' phase
    assert session.state.month_index == 1
    do(session, AnswerDispute(actor=CLAIMANT, dispute=dispute, concede=False))
    wait_for(session, BOARD)
    options = [m for m in session.legal(BOARD) if isinstance(m, MediateDispute)]
    assert {m.outcome for m in options} == {"upheld", "split", "dismissed"}
    chosen = bots.choose(session.state, SCENARIO, BOARD, options)
    before = (session.state.orgs[DEFENDANT].balance, session.state.orgs[CLAIMANT].balance)
    do(session, chosen)
    return session, dispute, chosen, before


def test_the_board_splits_the_cost_of_terms_neither_side_can_prove(mediated):
    session, dispute, chosen, before = mediated
    assert chosen == MediateDispute(actor=BOARD, dispute=dispute, outcome="split")
    after = (session.state.orgs[DEFENDANT].balance, session.state.orgs[CLAIMANT].balance)
    assert after == (before[0] + 250, before[1] - 250)
    assert session.state.requests[dispute].status == "answered"


def test_the_story_reads_in_order_in_the_debrief(mediated):
    session, dispute, _, _ = mediated
    told = [e for e in session.events if e.kind.startswith("Dispute") and e.data.get("dispute") == dispute]
    assert [e.kind for e in told] == ["DisputeRaised", "DisputeAnswered", "DisputeMediated"]
    lookup = Lookup([session.state], session.events)
    assert [sentence(SCENARIO, e, lookup) for e in told] == [
        "United Hospitals raised a dispute with Southern Towns, claiming £500k over the tariff contract between "
        'Southern Towns and United Hospitals: "the contract was agreed at our activity estimate, and the activity '
        'above yours is owed."',
        "Southern Towns denied United Hospitals' claim of £500k, so the dispute went to NHSCB.",
        "NHSCB split the cost of the tariff contract between Southern Towns and United Hospitals: Southern Towns "
        "paid United Hospitals £250k of the £500k claimed.",
    ]


def test_only_the_parties_hear_of_it_until_it_reaches_the_board(mediated):
    session, dispute, _, _ = mediated
    raised_event = next(e for e in session.events if e.kind == "DisputeRaised" and e.data["dispute"] == dispute)
    assert not raised_event.visible_to(BOARD)
    mediated_event = next(e for e in session.events if e.kind == "DisputeMediated")
    assert {CLAIMANT, DEFENDANT, BOARD} <= set(mediated_event.audience)


def test_the_board_spent_an_action_and_trust_moved_all_round(mediated):
    session, _, _, _ = mediated
    trusted = [e for e in session.events if e.kind == "TrustChanged" and e.month == 1]
    assert {tuple(sorted(e.data["between"])) for e in trusted} >= {
        tuple(sorted((CLAIMANT, DEFENDANT))),
        tuple(sorted((BOARD, CLAIMANT))),
        tuple(sorted((BOARD, DEFENDANT))),
    }
    assert session.state.orgs[BOARD].action_points == SCENARIO.roles[BOARD].action_points - 1


def test_a_claim_over_an_offer_the_other_side_never_signed_says_so(state, scenario):
    refused = evolve(state.agreements[UNSIGNED], status="rejected")
    state = evolve(state, agreements={**state.agreements, UNSIGNED: refused})
    state, events, dispute = raised(state, scenario, amount=500, agreement=UNSIGNED)
    state = evolve(state, requests={**state.requests, dispute.id: evolve(dispute, text="")})
    state, _ = denied(state, scenario, dispute)
    state, mediated = play(state, scenario, MediateDispute(actor=BOARD, dispute=dispute.id, outcome="dismissed"))
    lookup = Lookup([state], [])
    assert events[0].data["refused"] is True
    assert sentence(scenario, mediated[0], lookup) == (
        "NHSCB dismissed Southern Towns' claim of £500k: nothing shows United Hospitals agreed the tariff contract "
        "between Southern Towns and United Hospitals."
    )
    plain = events[0].with_data(text="")
    assert sentence(scenario, plain, lookup) == (
        "Southern Towns raised a dispute with United Hospitals, claiming £500k: it believes the tariff contract "
        "between Southern Towns and United Hospitals was agreed, though United Hospitals never signed it."
    )
