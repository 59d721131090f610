"""JSON Schemas for scenario, role and deck files, so editors check them as facilitators type.

Generated from the model classes and the catalogue, so they never drift from
what the validator accepts; the validator still does the cross-file checks.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from ..vocabulary import catalogue as cat
from ..vocabulary.events import RETIRED_EVENT_KINDS
from . import checks
from .model import (
    BotSettings,
    Card,
    Closure,
    Condition,
    DeckFile,
    Effect,
    Measure,
    NarrativeFile,
    Phase,
    Role,
    Scalar,
    ScenarioFile,
    Scheme,
    StartingContract,
    Template,
)

SCHEMA_FILES = {
    "scenario.schema.json": (ScenarioFile, "Bigshire scenario (content/scenario.toml)"),
    "role.schema.json": (Role, "Bigshire organisation (roles/<id>.toml)"),
    "deck.schema.json": (DeckFile, "Bigshire card deck (decks/<name>.toml)"),
    "narrative.schema.json": (NarrativeFile, "Bigshire debrief sentences (content/narrative.toml)"),
}

_ENUMS: dict[tuple[type, str], tuple[str, ...]] = {
    (Role, "kind"): tuple(cat.KINDS),
    (Role, "powers"): tuple(cat.POWERS),
    (BotSettings, "priorities"): tuple(cat.BOT_PRIORITIES),
    (Scheme, "purposes"): tuple(cat.SCHEME_PURPOSES),
    (Closure, "kind"): tuple(cat.CLOSURE_KINDS),
    (Effect, "kind"): tuple(cat.EFFECT_FIELDS),
    (Effect, "topic"): tuple(cat.TOPICS),
    (Effect, "contract"): cat.COMMISSIONING_KINDS,
    (Effect, "setting"): tuple(cat.RULE_SETTINGS),
    (Condition, "metric"): tuple(cat.METRICS),
    (Condition, "rule"): tuple(cat.RULE_SETTINGS),
    (Phase, "kind"): checks.PHASE_KINDS,
    (Phase, "kinds"): tuple(cat.KINDS),
    (Measure, "kind"): checks.MEASURE_KINDS,
    (Measure, "kinds"): tuple(cat.KINDS),
    (Measure, "asks"): tuple(cat.ASKS),
    (StartingContract, "kind"): cat.COMMISSIONING_KINDS,
    (Card, "tags"): tuple(cat.TOPICS),
    (Template, "event"): (*cat.EVENT_KINDS, *RETIRED_EVENT_KINDS),  # retired ones validate with a warning
}

_DESCRIPTIONS: dict[tuple[type, str], str] = {
    (Effect, "kind"): "; ".join(f"{k}: {v}" for k, v in cat.EFFECT_HELP.items()),
    (Condition, "metric"): "; ".join(f"{k}: {v}" for k, v in cat.METRICS.items()),
    (Role, "kind"): "; ".join(f"{k}: {v}" for k, v in cat.KINDS.items()),
    (Measure, "kind"): "; ".join(f"{k}: {v}" for k, v in cat.MEASURES.items()),
    (Measure, "asks"): "which asks count (all when left out): " + "; ".join(f"{k}: {v}" for k, v in cat.ASKS.items()),
}


def _schema_for(tp: Any, owner: type | None, name: str, defs: dict[str, Any]) -> dict[str, Any]:
    enum = _ENUMS.get((owner, name)) if owner else None
    if tp is str:
        return {"type": "string", "enum": list(enum)} if enum else {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp == Scalar:
        return {"type": ["boolean", "integer", "number", "string"]}
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == len(args) - 1 and len(rest) > 1:
            return {"type": ["boolean", "integer", "number", "string"]}
        return _schema_for(rest[0], owner, name, defs)
    if origin is tuple:
        item = _schema_for(args[0], owner, name, defs)
        array = {"type": "array", "items": item}
        return {"anyOf": [item, array]} if args[0] is str else array
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_for(args[1], None, "", defs)}
    if attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/definitions/{tp.__name__}"}
    raise TypeError(f"no schema for {tp!r}")


def _define(cl: type, defs: dict[str, Any]) -> None:
    if cl.__name__ in defs:
        return
    defs[cl.__name__] = {}  # placeholder for recursive classes
    hints = typing.get_type_hints(cl)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for fld in attrs.fields(cl):
        prop = _schema_for(hints[fld.name], cl, fld.name, defs)
        description = _DESCRIPTIONS.get((cl, fld.name)) or fld.metadata.get("help")
        if description:
            prop = {**prop, "description": description}
        properties[fld.name] = prop
        if fld.default is attrs.NOTHING:
            required.append(fld.name)
    body: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        body["required"] = required
    if cl.__doc__:
        body["description"] = " ".join(cl.__doc__.split())
    defs[cl.__name__] = body


def schema(cl: type, title: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    _define(cl, defs)
    root = defs.pop(cl.__name__)
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": title, **root, "definitions": defs}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, (cl, title) in SCHEMA_FILES.items():
        path = folder / filename
        path.write_text(json.dumps(schema(cl, title), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
