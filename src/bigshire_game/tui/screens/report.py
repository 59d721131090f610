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
from ...state import GameState
from ...vocabulary.catalogue import REGULATOR_KINDS, TOPICS
from ...vocabulary.events import Event
from .. import present
from ..widgets.header import GameHeader


def month_changes(scenario: Scenario, events: list[Event], state: GameState, turn: int) -> list[str]:
    """What changed in public in this turn, in the debrief's words (the report is on the shared screen,
    so what organisations were told privately stays on their desks)."""
    from ...debrief import month_changes as changes

    return changes(scenario, present.public(events), state, scenario.months.index(scenario.turns[turn][0]))


def month_end(scenario: Scenario, seed: int, moves: list, turn: int) -> tuple[GameState, list[Event]]:
    """The game as turn `turn` closed and everything that happened up to then, replayed from the move
    log: the report tells the month that ended, not the next month's opening news or first turns."""
    from ...debrief import replay

    key = (id(scenario), seed, tuple(moves), turn)
    if _ENDS.get("key") != key:
        played = replay(scenario, seed, moves)
        end, count = played.at_turn.get(turn + 1, (played.state, len(played.events)))
        _ENDS.update(key=key, value=(end, list(played.events[:count])))
    return _ENDS["value"]


_ENDS: dict[str, object] = {}  # the last month end replayed: a report is opened, then looked back at


def agenda_lines(scenario: Scenario, state: GameState, events: list[Event]) -> str:
    """Each regulator's open agenda as the room may read it: the organisations on it and why, except that
    what an organisation wrote in a concern is its own (the item says only what the concern was about)."""
    topics = {str(e.data.get("item")): e.topics for e in events if e.kind == "AgendaItemAdded"}
    lines = []
    for rid in scenario.roles_of_kind(*REGULATOR_KINDS):
        items = [i for i in state.agendas.values() if i.regulator == rid and i.status == "open"]
        name = escape(present.short(scenario, rid))
        if not items:
            lines.append(f"[b]{name}[/]: [dim]nothing open[/]")
            continue
        lines.append(f"[b]{name}[/] ({len(items)})")
        for item in items[:4]:
            if item.kind == "concern":
                about = " and ".join(TOPICS.get(t, t).split(",")[0] for t in topics.get(item.id, ())) or "it"
                reason = f"a concern about {about}"
            else:
                reason = item.reason
            lines.append(f"  • {escape(present.short(scenario, item.subject))}: {escape(reason)}")
        if len(items) > 4:
            lines.append(f"  [dim]… and {len(items) - 4} more[/]")
    return "\n".join(lines)


class MonthReportScreen(Screen[None]):
    CSS_PATH = "report.tcss"
    BINDINGS = [
        Binding("enter", "go_on", "Continue", priority=True),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self, turn: int, look_back: bool = False) -> None:
        super().__init__()
        self.turn = turn
        self.look_back = look_back

    def data(self) -> tuple[Scenario, GameState, list[Event]]:
        """The scenario, the state as the month closed and the events up to then."""
        game = self.app.game
        session = game.session
        state, events = month_end(game.scenario, session.seed, list(session.moves), self.turn)
        return game.scenario, state, events

    def compose(self) -> ComposeResult:
        scenario, state, events = self.data()
        months = turn_label(scenario.turns[self.turn])
        yield GameHeader(f"{months} · month-end report")
        with Horizontal(id="report-body"):
            with Vertical(id="report-left"):
                with VerticalScroll(id="changes-box", classes="panel") as box:
                    box.border_title = f"{months}: what changed"
                    lines = month_changes(scenario, events, state, self.turn)
                    yield Static("\n".join(f"• {escape(line)}" for line in lines) or "[dim]A quiet month.[/]")
                with VerticalScroll(id="deadlines-box", classes="panel") as box:
                    box.border_title = "Deadlines ahead"
                    yield Static("\n".join(f"• {escape(d)}" for d in present.deadlines(scenario, state)))
            with Vertical(id="report-right"):
                with Vertical(id="figures-box", classes="panel") as box:
                    box.border_title = "Every organisation at the month's end"
                    yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
                    yield Static(id="spark-label", classes="hint")
                    yield Sparkline([], id="spark")
                with VerticalScroll(id="agendas-box", classes="panel") as box:
                    box.border_title = "Regulators' agendas"
                    yield Static(agenda_lines(scenario, state, events))
        hint = "Enter or Esc: back to the desk" if self.look_back else "Enter: on to the next month"
        if self.app.game.state.finished and not self.look_back:
            hint = "Enter: the debrief"
        yield Static(hint, id="report-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        from ...debrief import published

        scenario, state, events = self.data()
        closing = {scenario.months.index(m) for m in scenario.turns[self.turn]}
        table = self.query_one("#figures", DataTable)
        table.add_column("Organisation", key="org")
        table.add_column("Balance", key="balance")
        table.add_column("Month", key="month")
        table.add_column("Quality", key="quality")
        table.add_column("Step", key="sanction")
        self.series: dict[str, list[int]] = {}
        for rid, role in scenario.roles.items():
            accounts = published(state, events, rid)  # what the whole room may know of its money
            money = accounts.balance or 0
            month = sum(
                int(e.data.get("result", 0))
                for e in events
                if e.kind == "MonthResolved" and e.data.get("role") == rid and e.month in closing
            )
            self.series[rid] = list(accounts.balances)
            org = state.orgs[rid]
            level = max((s for k, s in state.ladders.items() if k.endswith(f"|{rid}")), default=0)
            table.add_row(
                role.short_name,
                Text(present.money(money), style="red" if money < 0 else ""),
                Text(present.signed_money(month), style="red" if month < 0 else ""),
                str(org.quality) if org.quality else "—",
                Text(str(level), style="bold red") if level else "—",
                key=rid,
            )
        self.show_org(next(iter(scenario.roles)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self.show_org(str(event.row_key.value))

    def show_org(self, rid: str) -> None:
        """The highlighted organisation's balance month by month; a line needs two months, so before
        that the sparkline shows nothing (one value would fill it as a solid bar)."""
        scenario = self.app.game.scenario
        values = self.series.get(rid, [])
        name = escape(scenario.roles[rid].short_name)
        if len(values) < 2:
            text = f"{name}: its balance by month shows from the second month."
        else:
            text = f"{name}: balance by month, {present.money(values[-1])} at this month's end"
        self.query_one("#spark-label", Static).update(text)
        spark = self.query_one("#spark", Sparkline)
        spark.data = values if len(values) >= 2 else []
        spark.display = len(values) >= 2

    def action_go_on(self) -> None:
        if self.look_back:
            self.dismiss()
        else:
            self.app.proceed()

    def action_back(self) -> None:
        if self.look_back:
            self.dismiss()
