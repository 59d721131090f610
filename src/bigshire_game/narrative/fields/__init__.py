"""Each kind of event in named fields already in words, and the switches its templates' `when` can test.

Every mechanism's module registers its own event kinds in its `FIELDS` table; an event
kind with none is told from the fields every event has.
"""

from __future__ import annotations

from ...vocabulary.events import Event
from ..naming import Words
from . import agreements, economy, flow, opposition, regulation, talk
from .common import Fields, FieldsOf, Switches, nothing

FIELDS: dict[str, FieldsOf] = {
    **flow.FIELDS,
    **economy.FIELDS,
    **agreements.FIELDS,
    **talk.FIELDS,
    **regulation.FIELDS,
    **opposition.FIELDS,
}


def fields_of(words: Words, e: Event) -> tuple[Switches, Fields]:
    """The switches and fields of one event, with the ones every event has."""
    switches, fields = FIELDS.get(e.kind, nothing)(words, e)
    common = {
        "actor": words.name(e.actors[0]) if e.actors else "",
        "actors": words.names(e.actors),
        "month": words.month(e.month),
        "span": words.span.name,
        "span_end": words.span.end,
    }
    return switches, common | fields


__all__ = ["FIELDS", "Fields", "FieldsOf", "Switches", "fields_of"]
