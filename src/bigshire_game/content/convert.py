"""Turning parsed TOML into model objects, strictly: no silent coercion of "3" to 3
or "false" to True, unknown keys refused, and every problem reported with its key path.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from .diagnostics import KeyPath, describe, suggest
from .model import Scalar

T = TypeVar("T")


class ValueProblem(ValueError):
    """A value of the wrong shape; the message is written for the file's author."""


_EXPECTED = {
    int: "a whole number",
    float: "a number",
    str: "text in quotes",
    bool: "true or false",
}


def _strict(kind: type) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise ValueProblem(f"expected {_EXPECTED[kind]}, found {describe(value)}{_unquote_hint(value, kind)}")
        return value

    return hook


def _unquote_hint(value: Any, kind: type) -> str:
    """'; write it without quotes' when quoted text such as "3" or "false" was meant as the value."""
    if not isinstance(value, str) or kind is str:
        return ""
    word = value.strip()
    if kind is bool:
        return f"; write {word.lower()} without quotes" if word.lower() in ("true", "false") else ""
    number = r"[+-]?\d+" if kind is int else r"[+-]?\d+(\.\d+)?"
    return f"; write {word} without quotes" if re.fullmatch(number, word) else ""


def _scalar(value: Any, _: type) -> Scalar:
    if isinstance(value, bool | int | float | str):
        return value
    raise ValueProblem(f"expected a single value (true/false, a number or text), found {describe(value)}")


def _text_list(value: Any, _: type) -> tuple[str, ...]:
    """A list of words; a single word is accepted as a list of one."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ValueProblem(f"expected a list of text in quotes, found {describe(value)}")
    errors = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            exc = ValueProblem(f"expected text in quotes, found {describe(item)}")
            exc.__notes__ = [IterableValidationNote(f"item {i}", i, str)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("some items are not text", errors, tuple[str, ...])
    return tuple(value)


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in typing.get_args(tp)


def make_converter(*, omit_if_default: bool = False) -> Converter:
    """The strict converter; saves also use it, unstructuring with `omit_if_default` to keep files short."""
    conv = Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=omit_if_default)
    for kind in (int, float, str, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook_func(lambda tp: tp in (Scalar, Scalar | None), _scalar)
    conv.register_structure_hook_func(lambda tp: tp == tuple[str, ...], _text_list)

    def class_hook(cl: type) -> Callable[[Any, type], Any]:
        inner = make_dict_structure_fn(cl, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)

        def hook(value: Any, tp: type) -> Any:
            if not isinstance(value, dict):
                raise ValueProblem(f"expected a table of keys and values, found {describe(value)}")
            return inner(value, tp)

        return hook

    conv.register_structure_hook_factory(attrs.has, class_hook)
    return conv


_CONVERTER: Converter | None = None


def converter() -> Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def structure(raw: Any, cl: type[T], conv: Converter | None = None) -> tuple[T | None, list[tuple[KeyPath, str]]]:
    """The object, or None and every problem as (key path, message)."""
    conv = conv or converter()
    try:
        return conv.structure(raw, cl), []
    except Exception as exc:  # cattrs raises groups of many kinds; all become messages
        return None, list(_problems(exc, (), cl))


def _field_names(cl: Any) -> list[str]:
    return [f.name for f in attrs.fields(cl)] if attrs.has(cl) else []


def _problems(exc: BaseException, path: KeyPath, cl: Any) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(exc, ClassValidationError):
                child: KeyPath = (*path, note.name)
                yield from _problems_at(sub, child, note.type, note.name)
            else:
                yield from _problems_at(sub, (*path, note.index), note.type, None)
        for sub in without:
            yield from _problems(sub, path, cl)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = _field_names(exc.cl)
        for key in sorted(exc.extra_fields):
            hint = suggest(key, known) or f" The keys allowed here are: {', '.join(known)}."
            yield (*path, key), f'unknown key "{key}".{hint}'
    elif isinstance(exc, ValueProblem):
        yield path, str(exc)
    else:
        yield path, f"could not read this value ({exc.__class__.__name__})"


def _problems_at(exc: BaseException, path: KeyPath, tp: Any, name: str | None) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(exc, KeyError):
        yield path, f'the required key "{name}" is missing'
    elif isinstance(exc, ClassValidationError | IterableValidationError | ForbiddenExtraKeysError):
        inner = typing.get_args(tp)[0] if _is_optional(tp) else tp
        yield from _problems(exc, path, inner)
    elif isinstance(exc, ValueProblem):
        yield path, str(exc)
    elif isinstance(exc, TypeError | AttributeError):
        expected = "a list" if typing.get_origin(tp) is tuple else "a different kind of value"
        yield path, f"expected {expected} here"
    else:
        yield path, f"could not read this value ({exc.__class__.__name__})"
