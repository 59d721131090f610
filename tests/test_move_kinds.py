"""Every move kind is registered once, next to its mechanism, with every part the engine, the bots and the
front ends need; the check that says so fails when a part is missing."""

from __future__ import annotations

import attrs

from bigshire_game.engine.game import MOVE_KINDS, OWN_MOVES, move_kinds
from bigshire_game.rules.registry import REQUIRED, missing_parts
from bigshire_game.vocabulary.moves import MOVE_TYPES


def test_every_move_kind_is_registered_with_every_part():
    assert missing_parts(move_kinds().values(), MOVE_TYPES, OWN_MOVES) == []
    assert set(MOVE_KINDS) | set(OWN_MOVES) == set(MOVE_TYPES)


def test_the_check_fails_when_a_kind_lacks_a_part():
    kinds = list(MOVE_KINDS.values())
    for part in REQUIRED[1:]:
        broken = [attrs.evolve(kinds[0], **{part: None}), *kinds[1:]]
        assert missing_parts(broken, MOVE_TYPES, OWN_MOVES) == [f"{kinds[0].name}: {part}"]


def test_the_check_fails_when_a_kind_is_not_registered():
    kinds = [k for k in MOVE_KINDS.values() if k.name != "Inspect"]
    assert missing_parts(kinds, MOVE_TYPES, OWN_MOVES) == ["Inspect: not registered"]
