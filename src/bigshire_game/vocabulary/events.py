"""Events: immutable facts about what happened, the only thing the debrief narrates.

Every change to the world produces one. `audience` says who may see it: empty
for everyone, role ids for the parties, or only the facilitator.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from .catalogue import FACILITATOR

PUBLIC: tuple[str, ...] = ()
FACILITATOR_ONLY: tuple[str, ...] = (FACILITATOR,)


@frozen(kw_only=True)
class Event:
    kind: str
    month: int  # month index when it happened
    phase: str
    actors: tuple[str, ...] = ()
    audience: tuple[str, ...] = PUBLIC
    topics: tuple[str, ...] = ()
    data: dict[str, Any] = field(factory=dict)

    def visible_to(self, role: str) -> bool:
        if not self.audience:
            return True
        return role in self.audience or role == FACILITATOR


def event(
    state: Any,
    phase: str,
    event_kind: str,
    actors: tuple[str, ...] = (),
    audience: tuple[str, ...] = PUBLIC,
    topics: tuple[str, ...] = (),
    **data: Any,
) -> Event:
    """An event stamped with the month of `state` (anything with a `month_index`); data values must be TOML-safe (no None)."""
    return Event(
        kind=event_kind,
        month=state.month_index,
        phase=phase,
        actors=actors,
        audience=audience,
        topics=topics,
        data={k: v for k, v in data.items() if v is not None},
    )
