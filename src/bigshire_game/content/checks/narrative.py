"""Checks on content/narrative.toml: the words for agreements, topics and rule settings, and each event's
sentence templates with their placeholders and variants."""

from __future__ import annotations

from ...vocabulary import catalogue as cat
from ...vocabulary.events import RETIRED_EVENT_KINDS
from ..diagnostics import one_of, suggest
from ..model import NarrativeFile
from .shared import World, check_placeholders, check_word, show, some_text


def check_narrative(w: World, file: str, n: NarrativeFile) -> None:
    for kind, words in n.agreements.items():
        if check_word(
            w, file, ("agreements", kind), kind, {**cat.CONTRACT_KINDS, **cat.ALLIANCE_KINDS}, "kind of agreement"
        ):
            some_text(w, file, ("agreements", kind), words)
    for topic, words in n.topics.items():
        if check_word(w, file, ("topics", topic), topic, cat.TOPICS, "topic"):
            some_text(w, file, ("topics", topic), words)
    for setting, words in n.settings.items():
        path = ("settings", setting)
        if not check_word(w, file, path, setting, cat.RULE_SETTINGS, "rule setting"):
            continue
        some_text(w, file, (*path, "name"), words.name)
        check_placeholders(w, file, (*path, "name"), words.name, (), f'the name of "{setting}"')
        if cat.RULE_SETTINGS[setting] is bool:
            for key in ("yes", "no"):
                value = getattr(words, key)
                if value is None:
                    w.error(file, path, f'"{setting}" is true or false: give "yes" and "no" (how each reads)')
                    break
                check_placeholders(w, file, (*path, key), value, (), f'"{key}" of "{setting}"')
            if words.text is not None:
                w.error(file, (*path, "text"), f'"{setting}" is true or false: write "yes" and "no" instead of "text"')
        else:
            if words.text is None:
                w.error(file, path, f'"{setting}" needs "text", with {{value}} where its value goes')
            else:
                check_placeholders(w, file, (*path, "text"), words.text, ("value",), f'the text of "{setting}"')
            for key in ("yes", "no"):
                if getattr(words, key) is not None:
                    w.error(file, (*path, key), f'"{setting}" is not true or false: use "text" with {{value}}')

    seen: dict[tuple[str, tuple], int] = {}
    for i, t in enumerate(n.templates):
        path = ("templates", i)
        if t.event in RETIRED_EVENT_KINDS:
            w.warn(
                file,
                (*path, "event"),
                f'"{t.event}" never happens ({RETIRED_EVENT_KINDS[t.event]}): this sentence is never used',
            )
            continue
        if not check_word(w, file, (*path, "event"), t.event, cat.EVENT_KINDS, "event"):
            continue
        retired = next((key for key in t.when if (t.event, key) in cat.RETIRED_SWITCHES), None)
        if retired is not None:
            why = cat.RETIRED_SWITCHES[(t.event, retired)]
            w.warn(
                file,
                (*path, "when", retired),
                f'"{retired}" is no longer a variant of "{t.event}" ({why}): this sentence is never used',
            )
            continue
        fields = {*cat.NARRATIVE_COMMON, *cat.NARRATIVE_FIELDS.get(t.event, ())}
        what = f'a sentence about "{t.event}"'
        some_text(w, file, (*path, "text"), t.text)
        check_placeholders(w, file, (*path, "text"), t.text, fields, what)
        if t.together is not None:
            some_text(w, file, (*path, "together"), t.together)
            check_placeholders(w, file, (*path, "together"), t.together, fields | {cat.NARRATIVE_TOGETHER}, what)
        if t.group_by != "actor":
            check_word(w, file, (*path, "group_by"), t.group_by, fields - {"month"}, f'placeholder of "{t.event}"')
        if t.detail is not None:
            check_word(
                w, file, (*path, "detail"), t.detail, fields - {"month", t.group_by}, f'placeholder of "{t.event}"'
            )
            if t.together is None:
                w.error(file, (*path, "detail"), '"detail" only matters with "together": add one, or remove "detail"')
        switches = cat.NARRATIVE_SWITCHES.get(t.event, {})
        for key, value in t.when.items():
            wp = (*path, "when", key)
            if key not in switches:
                if not switches:
                    w.error(file, wp, f'sentences about "{t.event}" have no variants: remove "when"')
                else:
                    hint = suggest(key, switches) or f" It can test {one_of(switches)}."
                    w.error(file, wp, f'"{key}" is not something a sentence about "{t.event}" can test.{hint}')
                continue
            allowed = switches[key]
            if all(isinstance(a, bool) for a in allowed):
                if not isinstance(value, bool):
                    w.error(file, wp, f'"{key}" is true or false, not {show(value)}')
            elif not isinstance(value, str) or value not in allowed:
                hint = (suggest(value, allowed) if isinstance(value, str) else "") or f" Use one of {one_of(allowed)}."
                w.error(file, wp, f'{show(value)} is not a value of "{key}".{hint}')
        key = (t.event, tuple(sorted(t.when.items(), key=lambda kv: kv[0])))
        if key in seen:
            w.warn(
                file,
                path,
                f'this sentence is never used: templates[{seen[key]}] is for the same event and the same "when"',
            )
        seen.setdefault(key, i)
