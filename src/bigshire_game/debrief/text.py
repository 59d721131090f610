"""A debrief written out as plain text in 78 columns, for the command line and for printing."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from ..narrative import plural
from .model import BranchDebrief, Debrief, Month
from .network import NOBODY_ISOLATED, silent_line

_WIDTH = 78


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [""]


def _heading(text: str, char: str) -> list[str]:
    return [text, char * len(text), ""]


def _text_bullets(lines: Iterable[str], more: int = 0, what: str = "event") -> list[str]:
    out = []
    for line in lines:
        out += _wrap(line, "    ", "  - ")
    if more:
        out += _wrap(f"...and {plural(more, 'more ' + what, 'more ' + what + 's')}.", "    ", "  - ")
    return out


def to_text(debrief: Debrief | BranchDebrief) -> str:
    if isinstance(debrief, Debrief):
        return "\n".join(_text_lines(debrief, ("=", "-", "~"))).rstrip() + "\n"
    out = _heading(debrief.title, "=")
    out += _heading("Where the branches parted", "-")
    out += [*_wrap(debrief.fork[0] + " " + debrief.fork[1]), ""]
    out += [*_text_bullets(debrief.fork[2:]), ""]
    out += _heading("Where each branch ended", "-")
    if debrief.comparison:
        labels = [br.label for br in debrief.branches]
        out += [*_columns([("Organisation", *labels), *debrief.comparison]), ""]
    else:
        out += ["Every organisation ended in the same position on both branches.", ""]
    for branch in debrief.branches:
        out += _heading(branch.label, "-")
        out += [*_wrap(f"{branch.period}."), ""]
        out += [*_wrap(" ".join(branch.headline)), ""]
        out += _heading("What happened only on this branch", "~")
        if not branch.only_here:
            out += ["Nothing that did not also happen on the other branch.", ""]
        for month in branch.only_here:
            out += [month.label, *_text_items(month), ""]
        for note in branch.notes:
            out += _heading(f"Observer note: {note.title}", "~")
            out += [*_wrap(note.text), ""]
    if debrief.shared_notes:
        out += _heading("Observer notes on both branches", "-")
        for note in debrief.shared_notes:
            out += _heading(note.title, "~")
            out += [*_wrap(note.text), ""]
    return "\n".join(out).rstrip() + "\n"


def _text_items(month: Month) -> list[str]:
    out = []
    for item in month.items:
        out += _wrap(item.text, "    ", "  - ")
        for line in item.then:
            out += _wrap(line, "        ", "      · ")
    if month.more:
        out += _wrap(f"...and {plural(month.more, 'smaller event')}.", "    ", "  - ")
    return out


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _text_lines(d: Debrief, marks: tuple[str, str, str]) -> list[str]:
    top, mid, low = marks
    out = _heading(d.title, top)
    out += [*_wrap(f"{d.period}, {d.viewpoint}."), ""]
    if d.note:
        out += [*_wrap(d.note), ""]
    out += _heading("The story in brief", mid)
    out += [*_wrap(" ".join(d.headline)), ""]
    out += _heading("The organisations", mid)
    rows = [("Organisation", "Money then", "Money now", "Quality")]  # status and agreements: in each story below
    rows += [(r.name, r.money_then, r.money_now, r.quality or "-") for r in d.table]
    out += [*_columns(rows), ""]
    for org in d.organisations:
        out += _heading(f"{org.name} ({org.group.lower()})", low)
        out += [*_wrap(" ".join(org.summary)), ""]
        if org.moved_by:
            label = "What it did:" if org.group == "System bodies" else "What moved it:"
            out += [label, *_text_bullets(org.moved_by), ""]
            if org.more:
                out += [f"...and {org.more} more in the month-by-month account below.", ""]
    for heading, lines, none in (
        ("Contracts", d.contracts, "No contract was signed, varied, rolled over or ended."),
        ("Alliances", d.alliances, "No alliance was formed or reviewed."),
        ("Sanctions", d.sanctions, "No regulator imposed or lifted a sanction."),
    ):
        out += _heading(heading, mid)
        out += [*_text_bullets(lines), ""] if lines else [*_wrap(none), ""]
    if d.at_table:
        out += _heading("At the table", mid)
        out += [*_text_bullets(d.at_table), ""]
    out += _heading("Month by month", mid)
    for month in d.timeline:
        out += _heading(month.label, low)
        out += [*_text_items(month), ""]
    out += _heading("Who talked to whom", mid)
    n = d.network
    out += [*_wrap(n.intro), ""]
    for what, standings, none in (
        ("a hub", n.hubs, "Nobody asked, met or agreed with anyone."),
        ("isolated", n.isolated, NOBODY_ISOLATED),
    ):
        if not standings:
            out += [*_wrap(none), ""]
        for s in standings:
            out += _heading(f"{s.name} ({what})", low)
            out += [*_wrap(s.text), ""]
            if s.evidence:
                out += ["Behind it:", *_text_bullets(s.evidence, s.more), ""]
    if n.silent:
        out += [*_wrap(silent_line(n.silent)), ""]
    out += _heading("Observer notes", mid)
    if not d.notes:
        out += [*_wrap("No observer's theme showed up clearly in this period."), ""]
    for note in d.notes:
        out += _heading(note.title, low)
        out += [*_wrap(note.text), "", "Behind it:", *_text_bullets(note.evidence, note.more), ""]
    return out
