"""What every event's field function shares: its signature and a forgiving read of event data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...vocabulary.events import Event
from ..naming import Words

Switches = dict[str, bool | str]
"""What a template's `when` can test."""
Fields = dict[str, str]
"""Placeholders already in words."""
FieldsOf = Callable[[Words, Event], tuple[Switches, Fields]]


def get(d: Mapping[str, Any], key: str, default: Any = "") -> Any:
    return d.get(key, default)


def nothing(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {}
