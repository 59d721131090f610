"""The shape of content/narrative.toml: sentence templates, rule settings in words, and names of agreements and
topics."""

from __future__ import annotations

from attrs import field, frozen

from .shared import Scalar


@frozen(kw_only=True)
class Template:
    """One sentence about one kind of event; `when` picks it for events whose details match."""

    event: str
    when: dict[str, Scalar] = field(factory=dict)
    text: str
    together: str | None = None
    group_by: str = "actor"
    detail: str | None = None


@frozen(kw_only=True)
class SettingWords:
    """A rule setting in words: `name` to mention it, then `yes`/`no` (true or false) or `text` with {value}."""

    name: str
    text: str | None = None
    yes: str | None = None
    no: str | None = None


@frozen(kw_only=True)
class NarrativeFile:
    """The sentences the debrief and the month report write; every table is optional."""

    agreements: dict[str, str] = field(factory=dict)
    topics: dict[str, str] = field(factory=dict)
    settings: dict[str, SettingWords] = field(factory=dict)
    templates: tuple[Template, ...] = ()
