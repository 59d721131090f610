"""Trainer review of a save: step through months and phases, see any organisation's desk as it
was, the timeline, the debrief, a comparison with another save, and play on from any point.
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, MarkdownViewer, OptionList, Select, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ...content import turn_label
from ...content.labels import span_of
from ...vocabulary.events import Event
from .. import present
from ..model import desk_model
from ..timeline import Point, Replayed, month_starts, replay
from ..widgets.desk_view import DeskView
from ..widgets.header import GameHeader
from .debrief import debrief_markdown

TABS = ("desk", "timeline", "debrief", "diff")
INDENT = "\u00a0"  # a no-break space: option lists drop ordinary leading spaces


class ReviewScreen(Screen[None]):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("comma", "step(-1)", "Step back", show=False),
        Binding("full_stop", "step(1)", "Step on", show=False),
        Binding("left_square_bracket", "month(-1)", "Month back", show=False),
        Binding("right_square_bracket", "month(1)", "Month on", show=False),
        Binding("o", "organisation", "Organisation"),
        Binding("t", "next_tab", "Tab"),
        Binding("v", "viewer", "Debrief"),
        Binding("c", "compare", "Compare"),
        Binding("b", "branch", "Play on from here"),
        Binding("escape", "leave", "Title"),
    ]

    def __init__(self, loaded) -> None:
        super().__init__()
        self.loaded = loaded
        self.scenario = loaded.scenario
        record = loaded.record
        self.replayed: Replayed | None = None
        if loaded.session is not None:
            self.replayed = replay(self.scenario, record.seed, record.moves)
        self.current = 0
        self.role = next(
            (r for r, s in record.seats.items() if s != "computer" and r in self.scenario.roles),
            next(iter(self.scenario.roles)),
        )
        self.other = None

    # --- the parts of a point ----------------------------------------------------------------------

    @property
    def points(self) -> tuple[Point, ...]:
        if self.replayed is None:
            from ..timeline import label_of

            snap = self.loaded.record.snapshot
            return (
                Point(
                    0,
                    snap.turn,
                    snap.phase,
                    snap.actor or "",
                    len(self.loaded.record.moves),
                    0,
                    snap,
                    label_of(self.scenario, snap, snap.actor or ""),
                ),
            )
        return self.replayed.points

    @property
    def point(self) -> Point:
        return self.points[self.current]

    @property
    def events(self) -> list[Event]:
        if self.replayed is None:
            return []
        return list(self.replayed.events[: self.point.events])

    def point_options(self) -> list[Option]:
        """Month headings, phase headings under them, and each organisation's turn under its phase."""
        options: list[Option] = []
        self.option_of: dict[int, int] = {}
        heading: tuple[int, int] | None = None
        turn = None
        for p in self.points:
            if p.state.finished:
                self.option_of[p.index] = len(options)
                options.append(Option(f"[b]{escape(span_of(self.scenario).title)} is over[/]", id=str(p.index)))
                continue
            if p.turn != turn:
                turn = p.turn
                options.append(Option(f"[b]{escape(turn_label(self.scenario.turns[p.turn]))}[/]", disabled=True))
            phase = escape(self.scenario.info.phases[p.state.phase].title)
            if p.actor:
                if heading != (p.turn, p.state.phase):
                    heading = (p.turn, p.state.phase)
                    options.append(Option(f"{INDENT}{phase}", disabled=True))
                label = f"{INDENT}· {escape(present.short(self.scenario, p.actor))}"
            else:
                label = f"{INDENT}{phase}"
            self.option_of[p.index] = len(options)
            options.append(Option(label, id=str(p.index)))
        return options

    # --- layout ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        record = self.loaded.record
        title = f"Review · {record.label or self.loaded.path.name} · seed {record.seed}"
        yield GameHeader(title, clock=False)
        with Horizontal(id="review-body"):
            with Vertical(id="points-box", classes="panel"):
                yield OptionList(*self.point_options(), id="points")
                yield Static(", . step  [ ] month", classes="hint")
            with TabbedContent(id="review-tabs"):
                with TabPane("Desk", id="desk"), Vertical():
                    yield Select(
                        [(role.name, rid) for rid, role in self.scenario.roles.items()],
                        value=self.role,
                        allow_blank=False,
                        id="review-org",
                        compact=True,
                    )
                    yield DeskView(id="review-desk")
                with TabPane("Timeline", id="timeline"), VerticalScroll(id="timeline-scroll"):
                    yield Static(id="timeline-text")
                with TabPane("Debrief", id="debrief"):
                    yield MarkdownViewer("", show_table_of_contents=False, id="review-debrief")
                with TabPane("Compare", id="diff"):
                    yield MarkdownViewer(
                        "Press **c** to choose another save of the same scenario to compare with this one.",
                        show_table_of_contents=False,
                        id="diff-md",
                    )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#points-box").border_title = "Months and phases"
        if self.loaded.session is None:
            why = self.loaded.warnings[0] if self.loaded.warnings else "its moves could not be replayed"
            self.notify(
                f"Opened read-only; only the saved position can be shown. {why}", severity="warning", timeout=20
            )
        self.call_after_refresh(self.start_at_the_end)

    def start_at_the_end(self) -> None:
        """Open at the last point (where the save stopped); set after the first refresh so the list keeps it."""
        last = len(self.points) - 1
        box = self.query_one("#points", OptionList)
        box.focus()
        self.go(last)
        box.scroll_to_highlight()

    # --- moving through the game ----------------------------------------------------------------------

    def go(self, index: int) -> None:
        self.current = max(0, min(index, len(self.points) - 1))
        box = self.query_one("#points", OptionList)
        wanted = self.option_of[self.current]
        if box.highlighted != wanted:
            box.highlighted = wanted
        self.show()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        stale = event.option_index != event.option_list.highlighted  # overtaken by a later highlight
        if event.option_list.id != "points" or stale or event.option.id is None:
            return
        if int(event.option.id) != self.current:
            self.go(int(event.option.id))

    def action_step(self, by: int) -> None:
        self.go(self.current + by)

    def action_month(self, by: int) -> None:
        starts = month_starts(self.points)
        if by < 0:
            earlier = [i for i in starts if i < self.current]
            self.go(earlier[-1] if earlier else 0)
        else:
            later = [i for i in starts if i > self.current]
            self.go(later[0] if later else len(self.points) - 1)

    def show(self) -> None:
        point = self.point
        self.query_one(GameHeader).set_text(
            f"Review · {escape(self.loaded.record.label or self.loaded.path.name)}", point.label
        )
        self.show_desk()
        self.show_timeline()
        if self.query_one(TabbedContent).active == "debrief":
            self.show_debrief()

    def show_desk(self) -> None:
        point = self.point
        model = desk_model(
            self.scenario, point.state, self.events, self.role, self.loaded.record.seats.get(self.role, "")
        )
        self.query_one("#review-desk", DeskView).show(model)

    def show_timeline(self) -> None:
        lines: list[str] = []
        month = None
        names = present.lookup((self.point.state,), self.events)
        for e in present.telling(self.events):
            if e.kind in ("Passed",):
                continue
            label = present.month_of(self.scenario, e.month)
            if label != month:
                month = label
                lines.append(f"\n[b]{escape(label)}[/]")
            private = "" if not e.audience else " [dim](private)[/]"
            lines.append(f"• {escape(present.event_line(self.scenario, e, names))}{private}")
        self.query_one("#timeline-text", Static).update("\n".join(lines).strip() or "[dim]Nothing has happened yet.[/]")
        self.query_one("#timeline-scroll").scroll_end(animate=False)

    def show_debrief(self) -> None:
        if self.replayed is None:
            return
        text = debrief_markdown(self.scenario, self.events, self.replayed.start, self.point.state)
        self.query_one("#review-debrief", MarkdownViewer).document.update(text)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content.id == "review-tabs" and event.pane.id == "debrief":
            self.show_debrief()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "review-org" and event.value != self.role:
            self.role = str(event.value)
            self.show_desk()

    def action_organisation(self) -> None:
        tabs = self.query_one("#review-tabs", TabbedContent)
        tabs.active = "desk"
        roles = list(self.scenario.roles)
        self.role = roles[(roles.index(self.role) + 1) % len(roles)]
        self.query_one("#review-org", Select).value = self.role
        self.show_desk()

    def action_next_tab(self) -> None:
        tabs = self.query_one("#review-tabs", TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + 1) % len(TABS)]

    def action_viewer(self) -> None:
        if self.replayed is None:
            return
        from .debrief import DebriefScreen

        table = [e for e in self.loaded.record.table_log if e.after <= self.point.moves]
        self.app.push_screen(
            DebriefScreen(self.scenario, self.events, self.replayed.start, self.point.state, table=table)
        )

    # --- comparing with another save ------------------------------------------------------------------

    def action_compare(self) -> None:
        from .files import SavePicker

        def picked(path: Path | None) -> None:
            if path is not None:
                self.compare(path)

        self.app.push_screen(SavePicker("Compare with another save", self.app.saves_dir), picked)

    def compare(self, path: Path) -> None:
        other = self.app.read_save(path, fallback_read_only=True)
        if other is None:
            return
        self.other = other
        self.query_one("#review-tabs", TabbedContent).active = "diff"
        self.query_one("#diff-md", MarkdownViewer).document.update(self.comparison(other))

    def comparison(self, other) -> str:
        """Where two saves part and how they end: the debrief's branch comparison when both replay from
        the same seed, else the figures side by side."""
        mine, theirs = self.loaded.record, other.record
        here = mine.label or self.loaded.path.stem
        there = theirs.label or other.path.stem
        if here == there:
            here, there = f"{here} ({self.loaded.path.stem})", f"{there} ({other.path.stem})"
        split = next(
            (i for i, (a, b) in enumerate(zip(mine.moves, theirs.moves, strict=False)) if a != b),
            min(len(mine.moves), len(theirs.moves)),
        )
        if mine.seed == theirs.seed and self.replayed is not None and other.session is not None:
            try:
                from ...debrief import compare_branches, to_markdown
                from ...session import Session

                fork = Session.replay(self.scenario, mine.seed, dict(mine.seats), mine.moves[:split])
                n = len(fork.events)
                branches = [
                    (
                        here,
                        mine.moves[split] if split < len(mine.moves) else None,
                        self.replayed.events[n:],
                        mine.snapshot,
                    ),
                    (
                        there,
                        theirs.moves[split] if split < len(theirs.moves) else None,
                        other.session.events[n:],
                        theirs.snapshot,
                    ),
                ]
                return to_markdown(compare_branches(self.scenario, fork.state, branches, split))
            except ImportError:
                pass
        lines = [
            f"# {here} and {there}",
            "",
            f"Seeds {mine.seed} and {theirs.seed}"
            + (
                ": different seeds, so the two games differed from the first card." if mine.seed != theirs.seed else "."
            ),
            "",
            "| Organisation | Balance here | there | Quality here | there |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for rid, role in self.scenario.roles.items():
            a, b = mine.snapshot.orgs.get(rid), theirs.snapshot.orgs.get(rid)
            if a is not None and b is not None:
                lines.append(
                    f"| {role.short_name} | {present.money(a.balance)} | {present.money(b.balance)} "
                    f"| {a.quality or '—'} | {b.quality or '—'} |"
                )
        return "\n".join(lines)

    # --- playing on ------------------------------------------------------------------------------------------

    def action_branch(self) -> None:
        if self.loaded.session is None:
            self.notify("A read-only save cannot be played on.", severity="warning")
            return
        self.branch_worker(self.point)

    def branch_worker(self, point: Point) -> None:
        """Replay to the point, then ask who plays from here (the computer plays the rest)."""
        from ...saves import branch
        from .setup import Branch, SetupScreen

        session = branch(self.loaded, point.moves)
        record = self.loaded.record
        label = f"branch of {record.label or self.loaded.path.stem} at {point.label}"
        self.app.push_screen(SetupScreen(Branch(session, dict(record.pins), label, point.label)))

    def action_leave(self) -> None:
        self.app.show_title()
