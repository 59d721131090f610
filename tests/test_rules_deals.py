"""Deals with money in them: contracts between providers (a risk-share, a subcontract), lead commissioners
and risk pools, played through moves on the built-in scenario, as in `test_engine_mechanisms`."""

from __future__ import annotations

from attrs import evolve

from agreeing import agree, propose, told
from bigshire_game import bots
from bigshire_game.engine import GameState, legal_moves, view
from bigshire_game.rules import economy
from bigshire_game.rules.agreements import leanings, pools
from bigshire_game.rules.agreements.contracts import check_answer
from bigshire_game.state import Agreement, Terms
from bigshire_game.vocabulary.moves import AcceptProposal, ProposeAgreement
from test_engine_mechanisms import SCENARIO, of_kind, ok, play_until, proposed_id, refused, start, turn_of

LAST = len(SCENARIO.months) - 1


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
        "the end of the year."
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
