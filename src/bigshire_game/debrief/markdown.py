"""A debrief written out as Markdown, for the terminal's viewer and for saving beside the game."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..narrative import plural
from .model import BranchDebrief, Debrief, Month, Network
from .network import NOBODY_ISOLATED, silent_line


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def _md_cell(text: str) -> str:
    return _md_escape(text).replace("\n", " ")


def to_markdown(debrief: Debrief | BranchDebrief) -> str:
    if isinstance(debrief, BranchDebrief):
        return _branches_markdown(debrief)
    return "\n".join(_markdown_lines(debrief, 1)).rstrip() + "\n"


def _bullets(lines: Iterable[str], more: int = 0, what: str = "event") -> list[str]:
    out = [f"- {_md_escape(line)}" for line in lines]
    if more:
        out.append(f"- …and {plural(more, 'more ' + what, 'more ' + what + 's')}.")
    return out


def _markdown_lines(d: Debrief, level: int) -> list[str]:
    h = "#" * level
    out = [f"{h} {_md_escape(d.title)}", "", f"*{_md_escape(d.period)}, {_md_escape(d.viewpoint)}.*", ""]
    if d.note:
        out += [_md_escape(d.note), ""]
    out += [f"{h}# The story in brief", "", _md_escape(" ".join(d.headline)), ""]
    out += [f"{h}# The organisations", ""]
    out += [
        "| Organisation | Money then | Money now | Quality | Regulatory status | Agreements in force |",
        "|---|---:|---:|---|---|---|",
    ]
    for r in d.table:
        cells = (r.name, r.money_then, r.money_now, r.quality or "–", r.status, r.agreements)
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    out.append("")
    group = ""
    for org in d.organisations:
        if org.group != group:
            group = org.group
            out += [f"{h}## {group}", ""]
        out += [f"{h}### {_md_escape(org.name)}", "", _md_escape(" ".join(org.summary)), ""]
        if org.moved_by:
            label = "What it did:" if org.group == "System bodies" else "What moved it:"
            out += [label, "", *_bullets(org.moved_by), ""]
            if org.more:
                out += [f"…and {org.more} more in the month-by-month account below.", ""]
    for heading, lines, none in (
        ("Contracts", d.contracts, "No contract was signed, varied, rolled over or ended."),
        ("Alliances", d.alliances, "No alliance was formed or reviewed."),
        ("Sanctions", d.sanctions, "No regulator imposed or lifted a sanction."),
    ):
        out += [f"{h}# {heading}", ""]
        out += [*_bullets(lines), ""] if lines else [none, ""]
    if d.at_table:
        out += [f"{h}# At the table", "", *_bullets(d.at_table), ""]
    out += [f"{h}# Month by month", ""]
    if not d.timeline:
        out += ["Nothing worth telling happened.", ""]
    for month in d.timeline:
        out += [f"{h}## {month.label}", "", *_item_lines(month)]
    out += _network_lines(d.network, h)
    out += [f"{h}# Observer notes", ""]
    if not d.notes:
        out += ["No observer's theme showed up clearly in this period.", ""]
    for note in d.notes:
        out += [f"{h}## {_md_escape(note.title)}", "", _md_escape(note.text), ""]
        out += ["Behind it:", "", *_bullets(note.evidence, note.more), ""]
    return out


def _network_lines(n: Network, h: str) -> list[str]:
    out = [f"{h}# Who talked to whom", "", _md_escape(n.intro), ""]
    for heading, standings, none in (
        ("The hubs", n.hubs, "Nobody asked, met or agreed with anyone."),
        ("Isolated", n.isolated, NOBODY_ISOLATED),
    ):
        out += [f"{h}## {heading}", ""]
        if not standings:
            out += [none, ""]
        for s in standings:
            out += [f"{h}### {_md_escape(s.name)}", "", _md_escape(s.text), ""]
            if s.evidence:
                out += ["Behind it:", "", *_bullets(s.evidence, s.more), ""]
    if n.silent:
        out += [_md_escape(silent_line(n.silent)), ""]
    return out


def _branches_markdown(b: BranchDebrief) -> str:
    out = [f"# {_md_escape(b.title)}", "", "## Where the branches parted", ""]
    out += [_md_escape(b.fork[0] + " " + b.fork[1]), ""]
    out += [f"- {_md_escape(line)}" for line in b.fork[2:]] + [""]
    labels = [br.label for br in b.branches]
    out += ["## Where each branch ended", ""]
    if b.comparison:
        out += [f"| Organisation | {_md_cell(labels[0])} | {_md_cell(labels[1])} |", "|---|---|---|"]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.comparison]
    else:
        out.append("Every organisation ended in the same position on both branches.")
    out.append("")
    for branch in b.branches:
        out += [f"## {_md_escape(branch.label)}", "", f"*{_md_escape(branch.period)}.*", ""]
        out += [_md_escape(" ".join(branch.headline)), ""]
        out += ["### What happened only on this branch", ""]
        if not branch.only_here:
            out += ["Nothing that did not also happen on the other branch.", ""]
        for month in branch.only_here:
            out += [f"#### {month.label}", ""]
            out += _item_lines(month)
        for note in branch.notes:
            out += [f"### Observer note: {_md_escape(note.title)}", "", _md_escape(note.text), ""]
    if b.shared_notes:
        out += ["## Observer notes on both branches", ""]
        for note in b.shared_notes:
            out += [f"### {_md_escape(note.title)}", "", _md_escape(note.text), ""]
    return "\n".join(out).rstrip() + "\n"


def _item_lines(month: Month) -> list[str]:
    out = []
    for item in month.items:
        out.append(f"- {_md_escape(item.text)}")
        out += [f"  - {_md_escape(line)}" for line in item.then]
    if month.more:
        out.append(f"- …and {plural(month.more, 'smaller event')}.")
    return [*out, ""]
