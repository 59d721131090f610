"""Alliances of three or more and the new bodies they make: offered, reviewed by Monitor and registered by the
CQC, played through moves on the built-in scenario, as in `test_engine_mechanisms`. Deals with money in them
are in `test_rules_deals`."""

from __future__ import annotations

import pytest
from attrs import evolve

from agreeing import agree, propose, told
from bigshire_game import bots
from bigshire_game.engine import GameState, legal_moves
from bigshire_game.rules.agreements import leanings
from bigshire_game.rules.agreements.offers import groupings
from bigshire_game.rules.registry import Judge
from bigshire_game.state import Agreement, Terms
from bigshire_game.vocabulary.catalogue import CARE_PROVIDER_KINDS
from bigshire_game.vocabulary.moves import (
    DecideRegistration,
    DecideReview,
    DismissAgendaItem,
    ImposeSanction,
    ProposeAgreement,
)
from test_engine_mechanisms import (
    SCENARIO,
    next_turn_of,
    of_kind,
    ok,
    refused,
    start,
    turn_of,
)

REGISTRAR = next(rid for rid, role in SCENARIO.roles.items() if "inspect" in role.powers)
REVIEW_MONTHS = SCENARIO.info.rules.competition_review_months


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


def test_a_regulator_loath_to_enforce_sets_conditions_rather_than_blocking_or_refusing():
    members = ("community_trust", "mental_health_ft", "carewell")
    agreement = Agreement(
        id="A_test", kind="integrated_care", parties=members, proposer=members[0], status="under_review", terms=Terms()
    )
    state = evolve(start(), agreements={**start().agreements, agreement.id: agreement})

    def lenient(role: str) -> Judge:
        me = SCENARIO.roles[role]
        me = evolve(me, bot=evolve(me.bot, priorities=(), motives={}))
        return Judge(state=state, scenario=SCENARIO, role=role, me=me, wants=frozenset(), forecast=0)

    def best(score, judge: Judge, make, outcomes) -> str:
        return max(outcomes, key=lambda o: score(judge, make(o)))

    reviews = ("approved", "approved_with_conditions", "blocked")

    def review(outcome: str) -> DecideReview:
        return DecideReview(actor="monitor", agreement=agreement.id, outcome=outcome)

    assert best(leanings.score_review, bots.judge(state, SCENARIO, "monitor"), review, reviews) == "blocked"
    assert best(leanings.score_review, lenient("monitor"), review, reviews) == "approved_with_conditions"

    weak = evolve(state.orgs["carewell"], quality=40)
    state = evolve(state, orgs={**state.orgs, "carewell": weak})
    registrations = ("registered", "registered_with_conditions", "refused")

    def register(outcome: str) -> DecideRegistration:
        return DecideRegistration(actor=REGISTRAR, agreement=agreement.id, outcome=outcome)

    strict = bots.judge(state, SCENARIO, REGISTRAR)
    assert best(leanings.score_registration, strict, register, registrations) == "refused"
    assert best(leanings.score_registration, lenient(REGISTRAR), register, registrations) == (
        "registered_with_conditions"
    )


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


def test_groupings_never_name_a_provider_without_services():
    for role, found in SCENARIO.roles.items():
        if found.kind in CARE_PROVIDER_KINDS:
            for group in groupings(SCENARIO, role, "integrated_care"):
                assert all(SCENARIO.roles[p].services for p in group)
