"""Telling events: the template chosen for each, filled from its fields, and like events told together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from ..content import Scenario
from ..content.model import Template
from ..vocabulary.catalogue import EVENT_KINDS
from ..vocabulary.events import Event
from ..vocabulary.words import listed
from .fields import fields_of
from .naming import Lookup, Words
from .wording import PLACEHOLDER, fill, number, tidy


@frozen
class Told:
    """One event in words: the template chosen, its fields, and the sentence."""

    event: Event
    template: Template | None
    fields: dict[str, str]
    text: str


def choose(templates: Sequence[Template], switches: Mapping[str, object]) -> Template | None:
    """The most specific template whose `when` all match; the first among equals."""
    best: Template | None = None
    for template in templates:
        matches = all(
            k in switches and switches[k] == v and type(switches[k]) is type(v) for k, v in template.when.items()
        )
        if matches and (best is None or len(template.when) > len(best.when)):
            best = template
    return best


def tell(words: Words, e: Event) -> Told:
    switches, fields = fields_of(words, e)
    template = choose(words.scenario.templates.get(e.kind, ()), switches)
    if template is None:
        return Told(e, None, fields, tidy(EVENT_KINDS.get(e.kind, "something happened") + "."))
    return Told(e, template, fields, fill(template.text, fields))


def sentence(scenario: Scenario, e: Event, lookup: Lookup | None = None) -> str:
    """One event as one sentence."""
    return tell(Words(scenario, lookup), e).text


def _key(t: Told) -> tuple:
    """What must agree for events to be told together (see `gather`)."""
    template = t.template
    if template is None or template.together is None:
        return ("text", t.text)
    skip = {template.group_by, template.detail, "count"}
    used = [p for p in PLACEHOLDER.findall(template.together) if p not in skip]
    return ("group", id(template), tuple(t.fields.get(p, "") for p in used))


def _together(members: Sequence[Told]) -> list[str]:
    first = members[0]
    template = first.template
    if template is None or template.together is None:
        return [first.text]
    values = list(dict.fromkeys(m.fields.get(template.group_by, "") for m in members))
    if len(values) == 1:
        return list(dict.fromkeys(m.text for m in members))
    fields = dict(first.fields)
    if template.detail is not None:
        details = {m.fields.get(template.group_by, ""): m.fields.get(template.detail, "") for m in members}
        if len(set(details.values())) == 1:
            fields[template.group_by] = f"{listed(values)} ({next(iter(details.values()))} each)"
        else:
            fields[template.group_by] = listed(f"{v} ({details[v]})" for v in values)
    else:
        fields[template.group_by] = listed(values)
    fields["count"] = number(len(values))
    return [fill(template.together, fields)]


def gather(told: Sequence[Told]) -> list[str]:
    """Sentences in order, with like events told once: "East Bigshire, North Vale and West Bigshire each ..."

    Events are alike when they chose the same template and agree on every placeholder its
    `together` sentence uses, except the one it gathers by (`group_by`, the organisation by
    default), whose values are listed, and its `detail`, given for each in brackets. A
    template without `together` never gathers; identical sentences are told once.
    """
    return [text for _, text, _ in gather_tree([(t, []) for t in told])]


def gather_tree(items: Sequence[tuple[Told, Sequence[Told]]]) -> list[tuple[list[Told], str, list[str]]]:
    """Like `gather`, for events each with the consequences told beneath them (without their cause).

    Returns (the events gathered, the sentence, the consequences' sentences)."""
    groups: dict[tuple, list[tuple[Told, Sequence[Told]]]] = {}
    for item in items:
        groups.setdefault(_key(item[0]), []).append(item)
    out: list[tuple[list[Told], str, list[str]]] = []
    seen: set[str] = set()
    for members in groups.values():
        texts = _together([m for m, _ in members])
        if len(texts) == 1:
            parts = [([m for m, _ in members], texts[0], [c for _, kids in members for c in kids])]
        else:  # one organisation's events that differ: each told on its own
            parts = [([m], m.text, list(kids)) for m, kids in members]
        for parents, text, children in parts:
            if text not in seen:
                seen.add(text)
                out.append((parents, text, gather([_without_cause(c) for c in children])))
    return out


def _without_cause(t: Told) -> Told:
    """The consequence told beneath its cause, so without "after ..."."""
    if t.template is None:
        return t
    fields = dict(t.fields)
    cause = fields.get("cause", "")
    fields["cause"] = ""
    if cause and fields.get("why") == cause:
        fields["why"] = ""
    return Told(t.event, t.template, fields, fill(t.template.text, fields))
