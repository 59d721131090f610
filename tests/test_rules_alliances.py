"""Alliances of three or more, the CQC's registration of a new body, contracts between providers, lead
commissioners and risk pools: played through moves on the built-in scenario, as in `test_engine_mechanisms`."""

from __future__ import annotations

import pytest
from attrs import evolve

from bigshire_game import bots
from bigshire_game.engine import GameState, legal_moves, view
from bigshire_game.narrative import Lookup, sentence
from bigshire_game.rules import economy
from bigshire_game.rules.agreements import leanings, pools
from bigshire_game.rules.agreements.contracts import check_answer
from bigshire_game.rules.agreements.offers import groupings
from bigshire_game.state import Agreement, Terms
from bigshire_game.vocabulary.catalogue import CARE_PROVIDER_KINDS
from bigshire_game.vocabulary.moves import (
    AcceptProposal,
    DecideRegistration,
    DecideReview,
    DismissAgendaItem,
    ImposeSanction,
    ProposeAgreement,
    SignAgreement,
)
from test_engine_mechanisms import (
    SCENARIO,
    next_turn_of,
    of_kind,
    ok,
    play_until,
    proposed_id,
    refused,
    start,
    turn_of,
)

REGISTRAR = next(rid for rid, role in SCENARIO.roles.items() if "inspect" in role.powers)
REVIEW_MONTHS = SCENARIO.info.rules.competition_review_months
LAST = len(SCENARIO.months) - 1


def told(state: GameState, e) -> str:
    return sentence(SCENARIO, e, Lookup(states=[state]))


def agree(state: GameState, aid: str, signer: str) -> tuple[GameState, list]:
    """Every party still awaited accepts, in turn order, and `signer` signs."""
    events: list = []
    while state.agreements[aid].awaiting:
        party = state.agreements[aid].awaiting[0]
        state, more = turn_of(state, party)
        events += more
        state, more = ok(state, AcceptProposal(actor=party, agreement=aid))
        events += more
    state, more = turn_of(state, signer)
    events += more
    state, more = ok(state, SignAgreement(actor=signer, agreement=aid))
    return state, events + more


def propose(state: GameState, move: ProposeAgreement) -> tuple[GameState, str, list]:
    state, _ = turn_of(state, move.actor)
    state, events = ok(state, move)
    return state, proposed_id(events), events


# --- what a desk offers ------------------------------------------------------------------------------


def test_integrated_care_and_mergers_are_offered_among_three_or_more_without_flooding_the_menu():
    state, _ = turn_of(start(), "community_trust")
    offered = [m for m in legal_moves(state, SCENARIO, "community_trust") if isinstance(m, ProposeAgreement)]
    ico = [m for m in offered if m.kind == "integrated_care"]
    assert ico and all(len(m.parties) >= 2 for m in ico)  # three or more organisations, the proposer included
    assert all(len({SCENARIO.roles[p].kind for p in ("community_trust", *m.parties)}) >= 3 for m in ico)
    assert {"mental_health_ft", "health_direct"} in [set(m.parties) for m in ico]
    everyone_outside_hospital = [m for m in ico if len(m.parties) > 2]
    assert len(everyone_outside_hospital) == 1
    assert all(SCENARIO.roles[p].kind != "acute" for p in everyone_outside_hospital[0].parties)
    assert len(ico) <= 12

    consortium = [m for m in legal_moves(start(), SCENARIO, "east_bigshire") if isinstance(m, ProposeAgreement)]
    mergers = [m for m in consortium if m.kind == "merger"]
    assert max(len(m.parties) for m in mergers) == 3  # all four consortia
    assert len(mergers) == 4


def test_an_integrated_care_organisation_spans_sectors():
    state, _ = turn_of(start(), "carewell")
    one_sector = ProposeAgreement(actor="carewell", kind="integrated_care", parties=("health_direct",))
    refusal = refused(state, one_sector, "one_sector")
    assert "spans sectors" in refusal.reason


# --- an integrated care organisation: proposed, reviewed, registered ----------------------------------


def _integrated_care(state: GameState) -> tuple[GameState, str, list]:
    """The community trust, the mental health trust and a private provider agree and sign."""
    move = ProposeAgreement(
        actor="community_trust",
        kind="integrated_care",
        parties=("mental_health_ft", "health_direct"),
        terms=Terms(months=24),
    )
    state, aid, events = propose(state, move)
    assert set(state.agreements[aid].awaiting) == {"mental_health_ft", "health_direct"}
    state, more = agree(state, aid, "mental_health_ft")
    return state, aid, events + more


def test_integrated_care_proposed_reviewed_with_conditions_then_registered():
    state, aid, events = _integrated_care(start())
    assert state.agreements[aid].status == "under_review"
    (opened,) = of_kind(events, "CompetitionReviewOpened")
    assert opened.data["service"] == "msk" and opened.data["share"] == 100  # both do musculoskeletal work
    assert not of_kind(events, "AllianceFormed")
    proposal = next(e for e in events if e.kind == "AgreementProposed" and e.data["agreement"] == aid)
    assert told(state, proposal) == (
        "Community Trust proposed forming an integrated care organisation with Mental Health FT and Health Direct: "
        "their teams would work as one body, if every partner agrees."
    )

    # Monitor's question is on its agenda, but it is no reason for a sanction, and it cannot be set aside.
    state, _ = turn_of(state, "monitor")
    (question,) = [i for i in state.agendas.values() if i.agreement == aid]
    legal = legal_moves(state, SCENARIO, "monitor")
    assert DismissAgendaItem(actor="monitor", item=question.id) not in legal
    assert not [m for m in legal if isinstance(m, ImposeSanction) and m.subject == "community_trust"]

    # A computer Monitor would block it: together they would hold all the county's musculoskeletal work.
    ready = state.agreements[aid].review_opened + REVIEW_MONTHS
    while state.month_index < ready:
        state, _ = next_turn_of(state, "monitor")
    judge = bots.judge(state, SCENARIO, "monitor")
    outcomes = ("approved", "approved_with_conditions", "blocked")
    scores = {
        o: leanings.score_review(judge, DecideReview(actor="monitor", agreement=aid, outcome=o)) for o in outcomes
    }
    assert max(scores, key=scores.get) == "blocked"

    # The person playing Monitor approves it on conditions instead.
    state, events = ok(state, DecideReview(actor="monitor", agreement=aid, outcome="approved_with_conditions"))
    assert state.agreements[aid].status == "signed" and state.agreements[aid].registration == "pending"
    assert state.agendas[question.id].status == "acted"
    (formed,) = of_kind(events, "AllianceFormed")
    assert formed.data["conditions"]
    (asked,) = of_kind(events, "RegistrationQuestionRaised")
    (item,) = [e for e in of_kind(events, "AgendaItemAdded") if e.data["regulator"] == REGISTRAR]
    assert item.data["agreement"] == aid
    texts = [told(state, e) for e in (*of_kind(events, "AllianceReviewed"), formed, asked)]
    assert texts == [
        "Monitor approved the integrated care organisation of Community Trust, Mental Health FT and Health Direct "
        "on conditions.",
        "Community Trust, Mental Health FT and Health Direct formed an integrated care organisation, on Monitor's "
        "conditions: prices held and services kept open to other providers.",
        "CQC was asked whether the integrated care organisation of Community Trust, Mental Health FT and Health "
        "Direct must register before it treats patients as one organisation.",
    ]

    # The CQC registers it.
    state, _ = turn_of(state, REGISTRAR)
    answers = [m for m in legal_moves(state, SCENARIO, REGISTRAR) if isinstance(m, DecideRegistration)]
    assert {m.outcome for m in answers} == {"registered", "registered_with_conditions", "refused"}
    state, events = ok(state, DecideRegistration(actor=REGISTRAR, agreement=aid, outcome="registered"))
    (decided,) = of_kind(events, "RegistrationDecided")
    assert decided.data["outcome"] == "registered" and state.agreements[aid].registration == "registered"
    assert all(i.status == "acted" for i in state.agendas.values() if i.agreement == aid)
    assert told(state, decided) == (
        "CQC registered the integrated care organisation of Community Trust, Mental Health FT and Health Direct: "
        "it may treat patients as one organisation."
    )
    refused(state, DecideRegistration(actor=REGISTRAR, agreement=aid, outcome="registered"), "not_pending")


def test_only_the_holder_of_the_inspection_power_registers_and_a_refusal_ends_the_body():
    state, aid, _ = _integrated_care(start())
    state, _ = turn_of(state, "monitor")
    while state.month_index < state.agreements[aid].review_opened + REVIEW_MONTHS:
        state, _ = next_turn_of(state, "monitor")
    state, _ = ok(state, DecideReview(actor="monitor", agreement=aid, outcome="approved"))
    refusal = refused(state, DecideRegistration(actor="monitor", agreement=aid, outcome="registered"), "no_power")
    assert "Care Quality Commission" in refusal.reason

    state, _ = turn_of(state, REGISTRAR)
    weak = evolve(state.orgs["health_direct"], quality=40)  # an inadequate member
    state = evolve(state, orgs={**state.orgs, "health_direct": weak})
    judge = bots.judge(state, SCENARIO, REGISTRAR)
    best = max(
        ("registered", "registered_with_conditions", "refused"),
        key=lambda o: leanings.score_registration(judge, DecideRegistration(actor=REGISTRAR, agreement=aid, outcome=o)),
    )
    assert best == "refused"
    state, events = ok(state, DecideRegistration(actor=REGISTRAR, agreement=aid, outcome="refused"))
    assert state.agreements[aid].status == "ended" and state.agreements[aid].registration == "refused"
    (decided,) = of_kind(events, "RegistrationDecided")
    assert told(state, decided) == (
        "CQC refused to register the integrated care organisation of Community Trust, Mental Health FT and Health "
        "Direct, whose weakest member's quality stood at 40: it may not treat patients as one organisation, and "
        "the alliance ended."
    )


def _reviewed_outcome(state: GameState, members: tuple[str, ...]) -> str:
    """What a computer Monitor decides about an integrated care organisation of these members."""
    aid = "A_test"
    agreement = Agreement(
        id=aid, kind="integrated_care", parties=members, proposer=members[0], status="under_review", terms=Terms()
    )
    state = evolve(state, agreements={**state.agreements, aid: agreement})
    judge = bots.judge(state, SCENARIO, "monitor")
    outcomes = ("approved", "approved_with_conditions", "blocked")
    return max(
        outcomes, key=lambda o: leanings.score_review(judge, DecideReview(actor="monitor", agreement=aid, outcome=o))
    )


@pytest.mark.parametrize(
    ("members", "outcome"),
    [
        (("mental_health_ft", "carewell", "gp_federation"), "approved"),  # they do not compete at all
        (("mental_health_ft", "health_direct", "gp_federation"), "approved_with_conditions"),  # most msk work
        (("community_trust", "mental_health_ft", "carewell"), "blocked"),  # all community nursing
    ],
)
def test_every_outcome_of_a_review_is_reachable(members, outcome):
    assert _reviewed_outcome(start(), members) == outcome


def test_a_new_body_with_no_overlap_is_still_reviewed_and_told_so():
    move = ProposeAgreement(
        actor="mental_health_ft", kind="integrated_care", parties=("carewell", "gp_federation"), terms=Terms()
    )
    state, aid, _ = propose(start(), move)
    state, more = agree(state, aid, "carewell")
    (opened,) = of_kind(more, "CompetitionReviewOpened")
    assert told(state, opened) == (
        "Monitor opened a review of the integrated care organisation of Mental Health FT, CareWell and GP Company, "
        "as it does for every new body of care providers, although its members do not compete for the same patients."
    )


def test_bots_float_one_integrated_care_organisation_outside_hospital_now_and_then():
    proposers = {"community", "mental_health", "private"}
    floated = []
    for seed in range(12):
        state = start(seed)
        for month in range(6):
            state = evolve(state, month_index=month)
            for role, found in SCENARIO.roles.items():
                if found.kind in proposers and found.services:
                    floated += [(seed, m) for m in leanings.bot_proposals(state, SCENARIO, role)
                                if m.kind == "integrated_care"]  # fmt: skip
    assert floated, "some bot floats an integrated care organisation"
    assert len({seed for seed, _ in floated}) < 12  # not in every game at once
    for _, move in floated:
        kinds = {SCENARIO.roles[p].kind for p in (move.actor, *move.parties)}
        assert len(kinds) == 3 and "acute" not in kinds


# --- contracts between providers -----------------------------------------------------------------------


def _ae_risk_share(state: GameState) -> tuple[GameState, str]:
    """The mental health trust takes half the risk on the hospital's A&E attendances against a baseline."""
    terms = Terms(activities=("ae",), annual_value=20_000, share_percent=50.0)
    move = ProposeAgreement(actor="mental_health_ft", kind="risk_share", parties=("united_hospitals",), terms=terms)
    state, aid, events = propose(state, move)
    agreement = state.agreements[aid]
    assert agreement.parties == ("united_hospitals", "mental_health_ft")  # the hospital holds the work
    assert told(state, of_kind(events, "AgreementProposed")[0]) == (
        "Mental Health FT offered to take 50% of United Hospitals' risk on A&E attendances: against a £20m "
        "baseline a year, it would pay 50% of any overrun and earn 50% of any saving."
    )
    state, events = agree(state, aid, "united_hospitals")
    (signed,) = of_kind(events, "ContractSigned")
    assert told(state, signed).startswith(
        "Mental Health FT agreed to take 50% of United Hospitals' risk on A&E attendances from"
    )
    return state, aid


def test_a_risk_share_between_providers_puts_its_money_in_both_ledgers():
    state, aid = _ae_risk_share(start())
    month = state.agreements[aid].starts
    without = evolve(state, agreements={k: v for k, v in state.agreements.items() if k != aid})
    with_it, (events,) = _settle(state, month)
    plain, _ = _settle(without, month)

    (paid,) = [e for e in events if e.kind == "ContractPaid" and e.data["agreement"] == aid]
    payer, payee = paid.actors
    amount = paid.data["amount"]
    assert {payer, payee} == {"united_hospitals", "mental_health_ft"} and amount > 0
    ae = (
        sum(
            economy.units(state, SCENARIO, c, "ae", month, "united_hospitals")
            for c in SCENARIO.roles_of_kind("consortium")
        )
        * state.tariff["ae"]
        / 1000
    )
    assert amount == abs(round(0.5 * (ae - 20_000 / 12)))
    assert payer == ("mental_health_ft" if ae > 20_000 / 12 else "united_hospitals")
    for role, sign in ((payer, -1), (payee, 1)):
        assert with_it.orgs[role].results[-1] - plain.orgs[role].results[-1] == sign * amount
        assert with_it.orgs[role].balance - plain.orgs[role].balance == sign * amount
    assert sum(o.balance for o in with_it.orgs.values()) == sum(o.balance for o in plain.orgs.values())
    for role, sign in ((payer, -1), (payee, 1)):  # the desk's projection counts it too
        projected = economy.projected_result(state, SCENARIO, role, month)
        assert projected - economy.projected_result(without, SCENARIO, role, month) == sign * amount


def _settle(state: GameState, month: int):
    state = evolve(state, month_index=month)
    state, events = economy.resolve_month(state, SCENARIO, month, "resolution")
    return state, [events]


def test_the_provider_holding_the_work_can_ask_another_to_share_its_risk():
    terms = Terms(activities=("ae",), annual_value=20_000, share_percent=25.0)
    move = ProposeAgreement(actor="united_hospitals", kind="risk_share", parties=("community_trust",), terms=terms)
    state, aid, events = propose(start(), move)
    assert state.agreements[aid].parties == ("united_hospitals", "community_trust")
    assert told(state, of_kind(events, "AgreementProposed")[0]) == (
        "United Hospitals asked Community Trust to take 25% of its risk on A&E attendances: against a £20m "
        "baseline a year, Community Trust would pay 25% of any overrun and earn 25% of any saving."
    )


def test_a_subcontract_moves_work_and_money_between_providers():
    terms = Terms(activities=("community",), share_percent=20.0, price_percent=90.0)
    move = ProposeAgreement(actor="community_trust", kind="subcontract", parties=("carewell",), terms=terms)
    state, aid, events = propose(start(), move)
    assert told(state, of_kind(events, "AgreementProposed")[0]) == (
        "Community Trust offered to subcontract 20% of its community nursing and therapy contacts to CareWell, "
        "at 90% of tariff."
    )
    state, _ = agree(state, aid, "carewell")
    month = state.agreements[aid].starts
    without = evolve(state, agreements={k: v for k, v in state.agreements.items() if k != aid})
    with_it, (events,) = _settle(state, month)
    plain, _ = _settle(without, month)
    (paid,) = [e for e in events if e.kind == "ContractPaid" and e.data["agreement"] == aid]
    assert paid.actors == ("community_trust", "carewell") and paid.data["amount"] > 0
    moved = with_it.orgs["carewell"].units - plain.orgs["carewell"].units
    assert moved > 0 and plain.orgs["community_trust"].units - with_it.orgs["community_trust"].units == moved
    assert with_it.orgs["carewell"].income[-1] - plain.orgs["carewell"].income[-1] == paid.data["amount"]


def test_a_subcontract_needs_work_both_providers_do():
    state, _ = turn_of(start(), "mental_health_ft")
    move = ProposeAgreement(
        actor="mental_health_ft", kind="subcontract", parties=("carewell",), terms=Terms(activities=("mental_health",))
    )
    refused(state, move, "not_offered")


# --- lead commissioners -----------------------------------------------------------------------------------


def _east_leads_north_vale() -> tuple[GameState, str]:
    move = ProposeAgreement(
        actor="east_bigshire", kind="lead_commissioner", parties=("north_vale",),
        terms=Terms(provider="united_hospitals"),
    )  # fmt: skip
    state, aid, events = propose(start(), move)
    assert told(state, of_kind(events, "AgreementProposed")[0]) == (
        "East Bigshire offered to negotiate North Vale's contracts with United Hospitals as lead commissioner."
    )
    state, events = agree(state, aid, "north_vale")
    (formed,) = of_kind(events, "AllianceFormed")
    assert told(state, formed) == (
        "East Bigshire and North Vale agreed that East Bigshire would negotiate their contracts with "
        "United Hospitals as lead commissioner."
    )
    return state, aid


def test_a_lead_commissioner_makes_the_offers_to_its_provider_for_the_others():
    state, _ = _east_leads_north_vale()
    state, _ = turn_of(state, "north_vale")
    own = ProposeAgreement(
        actor="north_vale", kind="tariff", parties=("united_hospitals",), terms=Terms(activities=("emergency",))
    )
    refusal = refused(state, own, "lead_negotiates")
    assert refusal.reason.startswith("East Bigshire negotiates your contracts with United Hospitals")
    offered = [m for m in legal_moves(state, SCENARIO, "north_vale") if isinstance(m, ProposeAgreement)]
    assert not [m for m in offered if m.parties == ("united_hospitals",)]
    assert [m for m in offered if m.parties == ("community_trust",)]  # other providers are its own business

    state, _ = turn_of(state, "east_bigshire")
    for_them = [
        m
        for m in legal_moves(state, SCENARIO, "east_bigshire")
        if isinstance(m, ProposeAgreement) and m.on_behalf_of == "north_vale"
    ]
    assert for_them and all(m.parties == ("united_hospitals",) for m in for_them)
    offer = next(m for m in for_them if m.kind == "tariff")
    state, events = ok(state, offer)
    aid = proposed_id(events)
    contract = state.agreements[aid]
    assert contract.parties == ("north_vale", "united_hospitals") and contract.awaiting == ("united_hospitals",)
    assert told(state, of_kind(events, "AgreementProposed")[0]).startswith(
        "East Bigshire, as lead commissioner for North Vale, offered United Hospitals a tariff contract for "
    )
    refused(state, evolve(offer, on_behalf_of="southern_towns"), "not_lead")

    # An offer from the provider waits for the lead's answer, and the lead sees it.
    state, _ = turn_of(state, "united_hospitals")
    terms = Terms(activities=("elective",), annual_value=30_000)
    state, events = ok(
        state, ProposeAgreement(actor="united_hospitals", kind="block", parties=("north_vale",), terms=terms)
    )
    theirs = state.agreements[proposed_id(events)]
    assert theirs.awaiting == ("east_bigshire",)
    assert "east_bigshire" in of_kind(events, "AgreementProposed")[0].audience
    state, _ = turn_of(state, "east_bigshire")
    assert AcceptProposal(actor="east_bigshire", agreement=theirs.id) in legal_moves(state, SCENARIO, "east_bigshire")
    assert theirs.id in {a.id for a in view(state, SCENARIO, "east_bigshire").agreements}
    assert theirs.id not in {a.id for a in view(state, SCENARIO, "southern_towns").agreements}
    assert check_answer(state, SCENARIO, AcceptProposal(actor="north_vale", agreement=theirs.id)).code == "not_awaiting"


def test_a_consortium_has_one_lead_for_a_provider_at_a_time():
    state, _ = _east_leads_north_vale()
    state, _ = turn_of(state, "southern_towns")
    again = ProposeAgreement(
        actor="southern_towns", kind="lead_commissioner", parties=("north_vale",),
        terms=Terms(provider="united_hospitals"),
    )  # fmt: skip
    refusal = refused(state, again, "already_arranged")
    assert refusal.reason == "North Vale is already in a lead-commissioner arrangement for United Hospitals."
    nameless = ProposeAgreement(actor="southern_towns", kind="lead_commissioner", parties=("west_bigshire",))
    refused(state, nameless, "no_provider")


# --- risk pools ---------------------------------------------------------------------------------------------


def test_a_risk_pool_shares_its_members_results():
    assert pools.settlement((-3000, 1000), (50.0, 50.0)) == (2000, -2000)
    assert pools.settlement((-3000, 1000), (75.0, 25.0)) == (1500, -1500)
    moves = pools.settlement((-1001, 500, 200), (34.2, 40.0, 25.8))
    assert sum(moves) == 0
    assert [own + move for own, move in zip((-1001, 500, 200), moves, strict=True)] == [-103, -120, -78]


def test_a_risk_pool_settles_at_the_years_end():
    terms = Terms(shares=(60.0, 40.0), months=24)
    move = ProposeAgreement(actor="east_bigshire", kind="risk_pool", parties=("west_bigshire",), terms=terms)
    state, aid, events = propose(start(), move)
    assert told(state, of_kind(events, "AgreementProposed")[0]) == (
        "East Bigshire proposed a risk pool to West Bigshire: their surpluses and deficits would be shared at "
        "the year's end."
    )
    state, _ = agree(state, aid, "west_bigshire")
    pool = state.agreements[aid]
    assert pool.status == "signed" and pool.ends > LAST  # it runs on past the game: it settles at the year's end

    state, events = play_until(state, lambda more: any(e.kind == "RiskPoolSettled" for e in more))
    (settled,) = of_kind(events, "RiskPoolSettled")
    assert settled.month == LAST
    results = tuple(sum(state.orgs[p].results[pool.starts :]) for p in pool.parties)
    assert settled.data["results"] == results and settled.data["pooled"] == sum(results)
    moves = settled.data["transfers"]
    assert sum(moves) == 0 and moves == pools.settlement(results, (60.0, 40.0))
    money = [e for e in events if e.kind == "MoneyMoved" and e.data.get("flow") == pools.FLOW]
    assert len(money) == 1 and money[0].data["amount"] == abs(moves[0])
    payer = pool.parties[0] if moves[0] < 0 else pool.parties[1]
    assert money[0].data["payer"] == payer
    for own, move_, share in zip(results, moves, (60.0, 40.0), strict=True):  # each bears its agreed share
        assert abs(own + move_ - sum(results) * share / 100) <= 1
    text = told(state, settled)
    assert text.startswith("East Bigshire and West Bigshire settled their risk pool: over the thirteen months it ran")
    assert text.endswith("borne in shares of 60% and 40%.") or text.endswith("divided in shares of 60% and 40%.")
    assert told(state, money[0]).endswith("under the risk pool of East Bigshire and West Bigshire.")


def test_a_consortium_is_in_one_risk_pool_at_a_time():
    move = ProposeAgreement(actor="east_bigshire", kind="risk_pool", parties=("west_bigshire",))
    state, aid, _ = propose(start(), move)
    state, _ = agree(state, aid, "west_bigshire")
    state, _ = turn_of(state, "north_vale")
    again = ProposeAgreement(actor="north_vale", kind="risk_pool", parties=("east_bigshire",))
    refusal = refused(state, again, "already_arranged")
    assert refusal.reason == "East Bigshire is already in a risk pool."
    bad = ProposeAgreement(
        actor="north_vale", kind="risk_pool", parties=("southern_towns",), terms=Terms(shares=(70.0, 20.0))
    )
    refused(state, bad, "bad_shares")


def test_bots_lean_away_from_a_pool_they_would_pay_into():
    state = start()
    pool = Agreement(
        id="A_pool", kind="risk_pool", parties=("east_bigshire", "west_bigshire"), proposer="east_bigshire",
        status="proposed", terms=Terms(), awaiting=("west_bigshire",),
    )  # fmt: skip
    state = evolve(state, agreements={**state.agreements, pool.id: pool})
    judge = bots.judge(state, SCENARIO, "west_bigshire", forecast=1000)
    with_deficit = bots.judge(state, SCENARIO, "west_bigshire", forecast=-50_000)
    keen = leanings.keenness(judge, "risk_pool", 100.0, pool)
    assert keen < leanings.keenness(with_deficit, "risk_pool", 100.0, pool)


def test_groupings_never_name_a_provider_without_services():
    for role, found in SCENARIO.roles.items():
        if found.kind in CARE_PROVIDER_KINDS:
            for group in groupings(SCENARIO, role, "integrated_care"):
                assert all(SCENARIO.roles[p].services for p in group)
