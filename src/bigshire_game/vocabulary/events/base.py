"""What every event is, the registry of event kinds, and how events are made."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..causes import Cause
from ..seats import FACILITATOR

PUBLIC: tuple[str, ...] = ()
FACILITATOR_ONLY: tuple[str, ...] = (FACILITATOR,)

_ENVELOPE = ("month", "phase", "actors", "audience", "topics")


class Event:
    """What every event has: when it happened, who took part and who may know.

    A value: frozen, equal when kind and fields are equal. The kinds are plain classes whose fields are their
    annotations (all optional, None when unset), so the sixty of them cost nothing to define at import.
    """

    kind: ClassVar[str] = ""  # the class's own name: a class attribute, read thousands of times by the debrief
    DESCRIPTION: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, str]] = {}  # field name -> its name in templates and exports, where they differ
    FIELDS: ClassVar[tuple[str, ...]] = ()  # the kind's own fields, in their declared order
    cause: ClassVar[Cause | None] = None  # why it happened: a field of the kinds that record it, None for the rest

    month: int  # month index when it happened
    phase: str
    actors: tuple[str, ...]
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    data: Mapping[str, Any]  # made on first use: see __getattr__

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        notes = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect costs more to import than it saves)
        own = [name for name, note in notes.items() if "ClassVar" not in str(note)]
        cls.FIELDS = tuple(dict.fromkeys((*cls.__base__.FIELDS, *own)))  # type: ignore[attr-defined]

    def __init__(
        self,
        *,
        month: int,
        phase: str,
        actors: tuple[str, ...] = (),
        audience: tuple[str, ...] = PUBLIC,
        topics: tuple[str, ...] = (),
        **fields: Any,
    ) -> None:
        unknown = fields.keys() - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{self.kind or type(self).__name__} has no field called {sorted(unknown)[0]}")
        values = self.__dict__
        values.update(month=month, phase=phase, actors=actors, audience=audience, topics=topics)
        values.update(dict.fromkeys(self.FIELDS))
        values.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"an event is a fact and cannot be changed ({name})")

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in (*_ENVELOPE, *self.FIELDS))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in (*_ENVELOPE, *self.FIELDS))
        return f"{type(self).__name__}({shown})"

    def __getattr__(self, name: str) -> Any:
        """`data`: the event's own fields under their template names, unset (None) fields left out, a cause in
        its text form. Made on first use and kept in the instance, so later reads are plain attribute reads (the
        debrief makes hundreds of thousands)."""
        if name != "data":
            raise AttributeError(f"{type(self).__name__} has no field called {name}")
        values = self.__dict__
        keys = self.KEYS
        data = {
            keys.get(field, field): str(value) if type(value) is Cause else value
            for field in self.FIELDS
            if (value := values[field]) is not None
        }
        values["data"] = data
        return data

    def visible_to(self, role: str) -> bool:
        if not self.audience:
            return True
        return role in self.audience or role == FACILITATOR

    def with_data(self, **changes: Any) -> Event:
        """A copy with some fields changed, named as in `data`."""
        names = {v: k for k, v in self.KEYS.items()}
        values = {name: self.__dict__[name] for name in (*_ENVELOPE, *self.FIELDS)}
        values.update({names.get(k, k): v for k, v in changes.items()})
        return type(self)(**values)


def _field_names(cls: type[Event]) -> tuple[str, ...]:
    """The fields of an event kind beyond the envelope, in their declared order."""
    return cls.FIELDS


EVENT_TYPES: dict[str, type[Event]] = {}

RETIRED_EVENT_KINDS: dict[str, str] = {
    "AllocationPaid": "allocations are told in each month's MonthResolved",
    "IncidentOccurred": "no rule makes quality incidents; a card tells one as its news",
    "SeatTakenOver": "takeovers are the table's, told in the debrief's account of the table",
}
"""Event kinds the engine used to name but never made: a narrative file may still mention them (a warning)."""


def _kind(description: str, **keys: str):
    """Register an event class under its own name, with what it means in a few words."""

    def register(cls: type[Event]) -> type[Event]:
        cls.kind = cls.__name__
        cls.DESCRIPTION = description
        cls.KEYS = keys
        EVENT_TYPES[cls.__name__] = cls
        return cls

    return register


def make_event(
    event_kind: str,
    month: int,
    phase: str,
    actors: tuple[str, ...] = (),
    audience: tuple[str, ...] = PUBLIC,
    topics: tuple[str, ...] = (),
    /,
    **data: Any,
) -> Event:
    """An event of a kind named at run time, its fields given under their template names; an unknown kind
    or field is refused, so a misspelt field never goes untold."""
    return _made(event_kind, month, phase, actors, audience, topics, data)


def _made(
    event_kind: str,
    month: int,
    phase: str,
    actors: tuple[str, ...],
    audience: tuple[str, ...],
    topics: tuple[str, ...],
    data: dict[str, Any],
) -> Event:
    """`make_event` with the fields in a dict, so `event` hands its own on without unpacking them again."""
    cls = EVENT_TYPES.get(event_kind)
    if cls is None:
        raise ValueError(f"there is no event kind called {event_kind}")
    renamed, blank, allowed = _SHAPES.get(cls) or _shape(cls)
    if not allowed.issuperset(data):
        unknown = sorted(set(data) - allowed)[0]
        raise TypeError(f"{event_kind} has no field called {unknown}")
    # Made in one step, as the state's `evolve` makes values: events are made thousands of times a game.
    # A field given as None is the same as one not given.
    new = object.__new__(cls)
    values = new.__dict__
    values.update(blank)
    values["month"], values["phase"], values["actors"], values["audience"], values["topics"] = (
        month,
        phase,
        actors,
        audience,
        topics,
    )
    if renamed:
        values.update({renamed.get(key, key): value for key, value in data.items()})
    else:
        values.update(data)
    return new


_SHAPES: dict[type, tuple[dict[str, str], dict[str, None], frozenset[str]]] = {}


def _shape(cls: type[Event]) -> tuple[dict[str, str], dict[str, None], frozenset[str]]:
    """An event kind's renamed fields (template name -> field), all its fields unset, and the names it takes."""
    renamed = {template: name for name, template in cls.KEYS.items()}
    allowed = frozenset(cls.KEYS.get(n, n) for n in cls.FIELDS)
    shape = _SHAPES[cls] = (renamed, dict.fromkeys(cls.FIELDS), allowed)
    return shape


def event(
    state: Any,
    phase: str,
    event_kind: str,
    actors: tuple[str, ...] = (),
    audience: tuple[str, ...] = PUBLIC,
    topics: tuple[str, ...] = (),
    **data: Any,
) -> Event:
    """An event stamped with the month of `state` (anything with a `month_index`)."""
    return _made(event_kind, state.month_index, phase, actors, audience, topics, data)
