"""Closures of sites and services, and the opposition they meet."""

from __future__ import annotations

from .base import Event, _kind


@_kind("opposition to a closure was registered", closure_kind="kind")
class ClosureOpposed(Event):
    """Opposition to a closure was registered."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    by: str | None = None
    strong: bool | None = None
    grounds: str | None = None
    cost: int | None = None  # what going ahead now costs, £k, with this objection
    objections: int | None = None


@_kind("a closure was put back by opposition", closure_kind="kind")
class ClosureDelayed(Event):
    """A closure was put back by opposition."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    due: int | None = None
    delay: int | None = None  # months added so far
    limit: int | None = None


@_kind("a closure went ahead", closure_kind="kind")
class ClosureWentAhead(Event):
    """A closure went ahead."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    objectors: tuple[str, ...] | None = None
    cost: int | None = None
    due: int | None = None
    anyway: bool | None = None  # before its date, on the owner's say-so


@_kind("a closure was withdrawn", closure_kind="kind")
class ClosureWithdrawn(Event):
    """A closure was withdrawn."""

    closure: str | None = None
    closure_kind: str | None = None
    owner: str | None = None
    what: str | None = None
    objectors: tuple[str, ...] | None = None
