"""Writing a save's TOML so that a trainer can read it: short arrays on one line,
small tables inline, one `[[moves]]` table per move.

tomli-w formats every string (its escaping is the reference); the layout is ours
because tomli-w puts each array item on its own line and switches between
`[[moves]]` and an inline array depending on the moves' lengths.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

import tomli_w

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@lru_cache(maxsize=8192)
def string(text: str) -> str:
    """A TOML basic string, escaped by tomli-w."""
    return tomli_w.dumps({"s": text})[4:-1]


def key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else string(name)


def value(v: object) -> str:
    """One value on one line: arrays as `[a, b]`, tables as `{ k = v }`."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
    if isinstance(v, str):
        return string(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(item) for item in v) + "]"
    if isinstance(v, Mapping):
        inner = ", ".join(f"{key(k)} = {value(item)}" for k, item in v.items() if item is not None)
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"a save cannot hold {type(v).__name__} values")


def pairs(table: Mapping[str, object]) -> Iterator[str]:
    """`key = value` lines, in the table's own order; a None is dropped, never written."""
    for k, v in table.items():
        if v is not None:
            yield f"{key(k)} = {value(v)}\n"


def table(header: str, body: Mapping[str, object], array: bool = False) -> str:
    """A `[header]` (or `[[header]]`) table whose values all go on one line each."""
    return ("[[" if array else "[") + header + ("]]\n" if array else "]\n") + "".join(pairs(body))


def section(name: str, body: Mapping[str, object]) -> str:
    """A top-level table whose maps become sub-tables: `[state.orgs.north_vale]`, `[state.tariff]`,
    `[[state.demand]]`; what is inside one organisation or agreement stays inline."""
    plain: dict[str, object] = {}
    nested: list[str] = []
    for k, v in body.items():
        if isinstance(v, Mapping) and v:
            if all(isinstance(item, Mapping) for item in v.values()):
                nested += (table(f"{name}.{key(k)}.{key(sub)}", item) for sub, item in v.items())
            else:
                nested.append(table(f"{name}.{key(k)}", v))
        elif isinstance(v, list | tuple) and v and all(isinstance(item, Mapping) for item in v):
            nested += (table(f"{name}.{key(k)}", item, array=True) for item in v)
        else:
            plain[k] = v
    return "\n".join([table(name, plain), *nested])
