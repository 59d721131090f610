"""Lead commissioners: a consortium named in a lead-commissioner arrangement for a provider negotiates that
provider's contracts for the other members. Their offers to it are the lead's to make, and offers from it
wait for the lead's answer."""

from __future__ import annotations

from ...state import Agreement, GameState
from ...state.memo import last_seen


@last_seen
def _leads(agreements: dict[str, Agreement]) -> dict[tuple[str, str], str]:
    """The lead commissioner by (member, provider), for every arrangement in force; the lead is its proposer."""
    found: dict[tuple[str, str], str] = {}
    for a in agreements.values():
        if a.kind == "lead_commissioner" and a.status == "signed" and a.terms.provider:
            for member in a.parties:
                if member != a.proposer:
                    found.setdefault((member, a.terms.provider), a.proposer)
    return found


def lead_for(state: GameState, consortium: str, provider: str) -> str:
    """The consortium that negotiates this consortium's contracts with this provider: its lead, or itself."""
    return _leads(state.agreements).get((consortium, provider), consortium)


def led_by(state: GameState, lead: str) -> list[tuple[str, str]]:
    """(member, provider) for every member whose contracts with a provider this consortium negotiates."""
    return [pair for pair, found in _leads(state.agreements).items() if found == lead]


def arrangement_for(
    state: GameState,
    parties: tuple[str, ...],
    kind: str,
    provider: str = "",
    statuses: tuple[str, ...] = ("agreed", "signed"),
    besides: str = "",
) -> Agreement | None:
    """An arrangement of this kind, agreed or in force, that one of these consortia is in: a lead commissioner
    for this provider, or a risk pool (a consortium is in one at a time)."""
    return next(
        (
            a
            for a in state.agreements.values()
            if a.kind == kind
            and a.status in statuses
            and a.id != besides
            and a.terms.provider == provider
            and set(a.parties) & set(parties)
        ),
        None,
    )


def answerer(state: GameState, agreement: Agreement, party: str) -> str:
    """Who answers for this party: a consortium's lead, for a contract with the provider it leads for."""
    if agreement.is_contract and party == agreement.commissioner:
        return lead_for(state, party, agreement.provider)
    return party


def others_to_answer(state: GameState, agreement: Agreement, actor: str) -> tuple[str, ...]:
    """Who must answer once this organisation has spoken: every other party, or the lead answering for it."""
    found = dict.fromkeys(answerer(state, agreement, p) for p in agreement.parties)
    return tuple(p for p in found if p != actor and answerer(state, agreement, actor) != p)


def told(agreement: Agreement) -> tuple[str, ...]:
    """Who hears of a step in a negotiation: the parties, and a lead commissioner negotiating for one of them."""
    return tuple(dict.fromkeys((*agreement.parties, agreement.proposer, *agreement.awaiting)))
