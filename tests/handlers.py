"""Moves played straight through one rules module's handlers, as the engine does once turn order is checked."""

from __future__ import annotations

from types import ModuleType


def through_handlers(module: ModuleType, state, scenario, move, phase: str):
    """The module's refusal, or the (state, events) its handler makes."""
    check, run = module.HANDLERS[move.name]
    refusal = check(state, scenario, move)
    return refusal if refusal is not None else run(state, scenario, move, phase)
