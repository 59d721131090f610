"""What every event's field function shares: its signature and a forgiving read of an event's fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...vocabulary.events import Event
from ..naming import Words

Switches = dict[str, bool | str]
"""What a template's `when` can test."""
Fields = dict[str, str]
"""Placeholders already in words."""
FieldsOf = Callable[[Words, Any], tuple[Switches, Fields]]
"""Each takes the kind of event it is registered for, and reads that class's fields."""


def get(d: Mapping[str, Any], key: str, default: Any = "") -> Any:
    """A field of an event's `data` by its template name (for readers spanning renamed fields)."""
    return d.get(key, default)


def given(value: Any, default: Any = "") -> Any:
    """A field's value, or `default` when the event left it unset: an event told from nothing is still told."""
    return default if value is None else value


def nothing(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {}
