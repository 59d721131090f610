"""Proposing a contract or an alliance: who the parties are and in what order, whether they may make this
agreement now, and the proposal stored, waiting for every other party (or its lead commissioner) to answer."""

from __future__ import annotations

from ...content import Scenario
from ...content.labels import kind_label
from ...state import Agreement, GameState, evolve, new_id
from ...vocabulary.catalogue import ALLIANCE_KINDS, COMMISSIONING_KINDS, CONTRACT_KINDS
from ...vocabulary.events import event
from ...vocabulary.moves import Move, ProposeAgreement
from .. import Outcome, name_of, refuse
from .lead import arrangement_for, lead_for, others_to_answer, told
from .terms import ALLIANCE_LIVE, OPEN, between_providers, check_parties, check_terms, holder, put


def order(scenario: Scenario, move: ProposeAgreement) -> tuple[str, ...]:
    """Contracts list the buyer first (between providers, the one holding the work); alliances the proposer first.
    A lead commissioner's offer is between the consortium it acts for and the provider."""
    if move.on_behalf_of:
        return (move.on_behalf_of, *move.parties)
    everyone = (move.actor, *move.parties)
    if move.kind in CONTRACT_KINDS:
        if len(everyone) == 2 and between_providers(scenario, everyone):
            return holder(scenario, move.actor, move.parties[0], move.terms.activities)
        return tuple(sorted(everyone, key=lambda r: scenario.roles[r].kind != "consortium"))
    return everyone


def _names(scenario: Scenario, actor: str, parties: tuple[str, ...]) -> str:
    others = [name_of(scenario, p) for p in parties if p != actor]
    return others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]


def _check_lead(state: GameState, scenario: Scenario, move: ProposeAgreement, parties: tuple[str, ...]):
    """Offers to a provider whose contracts a lead commissioner negotiates are the lead's to make."""
    if move.on_behalf_of:
        member, provider = parties
        if move.kind not in COMMISSIONING_KINDS or scenario.roles[member].kind != "consortium":
            behalf = kind_label(scenario, "consortium", plural=True)
            return refuse("not_lead", move, f"A lead commissioner makes contract offers on behalf of {behalf} only.")
        if lead_for(state, member, provider) != move.actor:
            return refuse(
                "not_lead",
                move,
                f"You do not negotiate {name_of(scenario, member)}'s contracts with {name_of(scenario, provider)}.",
            )
        return None
    if move.kind in CONTRACT_KINDS and scenario.roles[move.actor].kind == "consortium":
        lead = lead_for(state, parties[0], parties[1])
        if lead != move.actor:
            return refuse(
                "lead_negotiates",
                move,
                f"{name_of(scenario, lead)} negotiates your contracts with {name_of(scenario, parties[1])} "
                "as lead commissioner; the offer is its to make.",
                lead=lead,
            )
    return None


def _check_arrangements(state: GameState, scenario: Scenario, move: ProposeAgreement, parties: tuple[str, ...]):
    """A consortium has one lead for a provider, and one risk pool, at a time."""
    if move.kind in ("lead_commissioner", "risk_pool"):
        found = arrangement_for(state, parties, move.kind, move.terms.provider)
        return already_arranged(scenario, move, move.kind, parties, found)
    return None


def already_arranged(scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...], found: Agreement | None):
    """A consortium has one lead commissioner for a provider, and is in one risk pool, at a time."""
    if found is None:
        return None
    taken = tuple(p for p in found.parties if p in parties)
    verb = "is" if len(taken) == 1 else "are"
    what = (
        f"a lead-commissioner arrangement for {name_of(scenario, found.terms.provider)}"
        if kind == "lead_commissioner"
        else "a risk pool"
    )
    return refuse(
        "already_arranged", move, f"{_names(scenario, '', taken)} {verb} already in {what}.", agreement=found.id
    )


def check_propose(state: GameState, scenario: Scenario, move: ProposeAgreement):
    if move.kind not in CONTRACT_KINDS and move.kind not in ALLIANCE_KINDS:
        return refuse("unknown_kind", move, f'"{move.kind}" is not a kind of contract or alliance.')
    unknown = [p for p in (*move.parties, *([move.on_behalf_of] if move.on_behalf_of else ())) if p not in state.orgs]
    if unknown or not move.parties:
        return refuse("unknown_party", move, "Name the organisations you are proposing this to.")
    if (
        move.actor in move.parties
        or len(set(move.parties)) != len(move.parties)
        or move.on_behalf_of in (*move.parties, move.actor)
    ):
        return refuse("wrong_parties", move, "Each other party is named once, and not yourself.")
    parties = order(scenario, move)
    refusal = (
        check_parties(scenario, move, move.kind, parties)
        or check_terms(state, scenario, move, move.kind, parties, move.terms)
        or _check_lead(state, scenario, move, parties)
    )
    if refusal:
        return refusal
    for other in state.agreements.values():
        if other.kind != move.kind or set(other.parties) != set(parties):
            continue
        if other.status in OPEN:
            return refuse(
                "already_proposed",
                move,
                "There is already an open proposal of this kind between you; answer or wait for it.",
                agreement=other.id,
            )
        if other.is_alliance and other.status in ALLIANCE_LIVE:
            kind = scenario.narrative.agreements.get(move.kind, move.kind.replace("_", " "))  # the scenario's word
            where = "under review" if other.status == "under_review" else "in force"
            return refuse(
                "already_allied",
                move,
                f"You already have a {kind} with {_names(scenario, move.actor, parties)} {where}.",
                agreement=other.id,
            )
    return _check_arrangements(state, scenario, move, parties)


def apply_propose(state: GameState, scenario: Scenario, move: ProposeAgreement, phase: str) -> Outcome:
    aid, state = new_id(state, "A")
    parties = order(scenario, move)
    contract = move.kind in CONTRACT_KINDS
    conflict = contract and parties[0] in scenario.roles[parties[1]].owners
    agreement = Agreement(
        id=aid,
        kind=move.kind,
        parties=parties,
        proposer=move.actor,
        status="proposed",
        terms=move.terms,
        first_value=move.terms.annual_value,
        proposed_month=state.month_index,
        conflict=conflict,
    )
    agreement = evolve(agreement, awaiting=others_to_answer(state, agreement, move.actor))
    state = put(state, agreement)
    topics = ("money",) if contract else ("strategy",)
    return state, [
        event(
            state,
            phase,
            "AgreementProposed",
            (move.actor, *agreement.awaiting),
            told(agreement),
            topics,
            agreement=aid,
            kind=move.kind,
            parties=parties,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            share_percent=move.terms.share_percent,
            activities=move.terms.activities,
            months=move.terms.months,
            conflict=conflict,
            on_behalf_of=move.on_behalf_of or None,
            provider=move.terms.provider or None,
        )
    ]
