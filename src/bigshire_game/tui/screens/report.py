"""The month-end report on the shared screen: what changed, every organisation's headline
figures (with sparklines), the regulators' agendas, and the deadlines ahead.
"""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static

from ...content import Scenario, turn_label
from ...engine.events import Event
from ...engine.state import GameState
from .. import present
from ..widgets.header import GameHeader


def month_changes(scenario: Scenario, events: list[Event], state: GameState, turn: int) -> list[str]:
    """What changed in public in this turn, in the debrief's words (the report is on the shared screen,
    so what organisations were told privately stays on their desks)."""
    public = present.public(events)
    try:
        from ...debrief import month_changes as changes
    except ImportError:
        shown = present.telling(present.events_of_turn(scenario, public, turn))
        return [present.event_line(scenario, e) for e in shown if e.kind not in ("Passed", "TurnEnded")]
    return changes(scenario, public, state, scenario.months.index(scenario.turns[turn][0]))


class MonthReportScreen(Screen[None]):
    CSS_PATH = "report.tcss"
    BINDINGS = [
        Binding("enter", "go_on", "Continue", priority=True),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self, turn: int, look_back: bool = False, source=None) -> None:
        """`source` is anything with `scenario`, `state` and `events` (a review point); the live game otherwise."""
        super().__init__()
        self.turn = turn
        self.look_back = look_back
        self.source = source

    def data(self) -> tuple[Scenario, GameState, list[Event]]:
        if self.source is not None:
            return self.source.scenario, self.source.state, list(self.source.events)
        game = self.app.game
        return game.scenario, game.state, game.session.events

    def compose(self) -> ComposeResult:
        scenario, state, events = self.data()
        months = turn_label(scenario.turns[self.turn])
        yield GameHeader(f"{months} · month-end report", clock=self.source is None)
        with Horizontal(id="report-body"):
            with Vertical(id="report-left"):
                with VerticalScroll(id="changes-box", classes="panel") as box:
                    box.border_title = f"{months}: what changed"
                    lines = month_changes(scenario, events, state, self.turn)
                    yield Static("\n".join(f"• {escape(line)}" for line in lines) or "[dim]A quiet month.[/]")
                with VerticalScroll(id="agendas-box", classes="panel") as box:
                    box.border_title = "Regulators' agendas"
                    yield Static(self.agendas(scenario, state))
                with VerticalScroll(id="deadlines-box", classes="panel") as box:
                    box.border_title = "Deadlines ahead"
                    yield Static("\n".join(f"• {escape(d)}" for d in present.deadlines(scenario, state)))
            with Vertical(id="figures-box", classes="panel") as box:
                box.border_title = "Every organisation"
                yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
                yield Static(id="spark-label", classes="hint")
                yield Sparkline([0], id="spark")
        hint = "Enter or Esc: back to the desk" if self.look_back else "Enter: on to the next month"
        if state.finished and not self.look_back:
            hint = "Enter: the debrief"
        yield Static(hint, id="report-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        scenario, state, events = self.data()
        table = self.query_one("#figures", DataTable)
        table.add_column("Organisation", key="org")
        table.add_column("Balance", key="balance")
        table.add_column("Month", key="month")
        table.add_column("Trend", key="trend")
        table.add_column("Quality", key="quality")
        table.add_column("Step", key="sanction")
        self.series: dict[str, list[int]] = {}
        for rid, role in scenario.roles.items():
            org = state.orgs[rid]
            results = list(org.results)
            self.series[rid] = present.balances(events, rid) or results
            month = results[-1] if results else 0
            level = max((s for k, s in state.ladders.items() if k.endswith(f"|{rid}")), default=0)
            table.add_row(
                role.short_name,
                Text(present.money(org.balance), style="red" if org.balance < 0 else ""),
                Text(present.signed_money(month), style="red" if month < 0 else ""),
                Text(present.spark(results), style="cyan"),
                str(org.quality) if org.quality else "—",
                Text(str(level), style="bold red") if level else "—",
                key=rid,
            )
        self.show_org(next(iter(scenario.roles)))

    def agendas(self, scenario: Scenario, state: GameState) -> str:
        lines = []
        for rid in scenario.roles_of_kind("monitor", "cqc", "nhscb"):
            items = [i for i in state.agendas.values() if i.regulator == rid and i.status == "open"]
            if items:
                lines.append(f"[b]{escape(present.short(scenario, rid))}[/] ({len(items)})")
                lines += [f"  • {escape(present.short(scenario, i.subject))}: {escape(i.reason)}" for i in items[:4]]
                if len(items) > 4:
                    lines.append(f"  [dim]… and {len(items) - 4} more[/]")
            else:
                lines.append(f"[b]{escape(present.short(scenario, rid))}[/]: [dim]nothing open[/]")
        return "\n".join(lines)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self.show_org(str(event.row_key.value))

    def show_org(self, rid: str) -> None:
        scenario, _, _ = self.data()
        values = self.series.get(rid, [])
        latest = present.money(values[-1]) if values else "—"
        self.query_one("#spark-label", Static).update(
            f"{escape(scenario.roles[rid].name)}: balance month by month (now {latest})"
        )
        self.query_one("#spark", Sparkline).data = values or [0]

    def action_go_on(self) -> None:
        if self.look_back:
            self.dismiss()
        else:
            self.app.proceed()

    def action_back(self) -> None:
        if self.look_back:
            self.dismiss()
