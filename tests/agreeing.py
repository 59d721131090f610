"""Agreements reached the way players reach them: proposed at the proposer's turn, accepted by every party
awaited in turn order, and signed; and the sentence the narrative tells of an event."""

from __future__ import annotations

from bigshire_game.engine import GameState
from bigshire_game.narrative import Lookup, sentence
from bigshire_game.vocabulary.moves import AcceptProposal, ProposeAgreement, SignAgreement
from test_engine_mechanisms import SCENARIO, ok, proposed_id, turn_of


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
