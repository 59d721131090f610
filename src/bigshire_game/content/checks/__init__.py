"""Cross-file checks that a well-typed file can still fail: unknown ids, months
outside the calendar, impossible targets, negative money, unreachable cards.

Each check reports (file, key path, message[, severity]); the loader turns the
path into a line. A piece that failed to read is simply absent, so its mistakes
are reported once, where they are, and not again as broken references. One
module per file kind, in the order `check_all` reports them.
"""

from __future__ import annotations

from .decks import check_card, check_deck_ids, check_unreachable_cards
from .narrative import check_narrative
from .roles import check_role
from .scenario import MEASURE_KINDS, PHASE_KINDS, check_scenario
from .shared import Problem, World


def check_all(world: World) -> list[Problem]:
    """Every problem in the scenario, file kind by file kind: the order facilitators see them in."""
    if world.scenario is not None:
        check_scenario(world, world.scenario_file, world.scenario)
    for _rid, (file, role) in world.roles.items():
        check_role(world, file, role)
    check_deck_ids(world)
    for _cid, (file, path, card) in world.cards.items():
        check_card(world, file, path, card)
    check_unreachable_cards(world)
    for file, narrative in world.narratives:
        check_narrative(world, file, narrative)
    return world.problems


__all__ = ["MEASURE_KINDS", "PHASE_KINDS", "Problem", "World", "check_all"]
