"""Chance from the seed alone: named streams whose positions live in the state, so
replaying a game's moves from its seed draws exactly the same numbers."""

from __future__ import annotations

from hashlib import blake2b

from .model import GameState, evolve


def draw(state: GameState, stream: str) -> tuple[float, GameState]:
    """The next number in [0, 1) of this stream; each stream counts its own draws."""
    counter = state.rng.get(stream, 0)
    digest = blake2b(f"{state.seed}:{stream}:{counter}".encode(), digest_size=8).digest()
    roll = int.from_bytes(digest, "big") / 2**64
    return roll, evolve(state, rng={**state.rng, stream: counter + 1})
