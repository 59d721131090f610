"""An organisation's desk: the strategic picture first (Overview), the detail a tab away.

Shows a `DeskModel` handed to `show()`; used live by the desk screen and, read
only, by review mode. It owns nothing but which tab and row are highlighted.
"""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Sparkline, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from .. import present
from ..model import DeskModel

TABS = ("overview", "inbox", "brief", "money", "deals", "relations")


class DeskView(Widget):
    DEFAULT_CSS = """
    DeskView {
        height: 1fr;
    }
    DeskView #overview-grid {
        grid-size: 2 2;
        grid-columns: 36 1fr;
        grid-rows: auto 1fr;
        height: 1fr;
    }
    DeskView .panel {
        height: 100%;
    }
    DeskView #position, DeskView #waiting {
        height: auto;
        min-height: 9;
    }
    DeskView #inbox-split {
        height: 1fr;
    }
    DeskView #inbox-list {
        width: 2fr;
        height: 1fr;
    }
    DeskView #inbox-detail {
        width: 3fr;
        height: 1fr;
    }
    DeskView #brief-scroll {
        height: 1fr;
    }
    DeskView .brief {
        height: auto;
        margin: 0 0 1 0;
    }
    DeskView #private {
        border: round $warning 70%;
        border-title-color: $warning;
    }
    DeskView #money-split {
        height: 1fr;
    }
    DeskView #money-figures {
        width: 44;
    }
    DeskView #money-sparks {
        width: 1fr;
    }
    DeskView .spark-label {
        height: 1;
    }
    DeskView Sparkline {
        height: 2;
        margin: 0 0 1 0;
    }
    DeskView DataTable {
        height: 1fr;
    }
    DeskView TabPane {
        padding: 0;
    }
    """

    def compose(self) -> ComposeResult:
        with TabbedContent(id="desk-tabs"):
            with TabPane("1 Overview", id="overview"), Grid(id="overview-grid"):
                yield Static(id="position", classes="panel")
                yield Static(id="waiting", classes="panel")
                with VerticalScroll(id="goals-box", classes="panel"):
                    yield Static(id="goals")
                with VerticalScroll(id="month-box", classes="panel"):
                    yield Static(id="month")
            with TabPane("2 Inbox", id="inbox"), Horizontal(id="inbox-split"):
                yield OptionList(id="inbox-list", classes="panel")
                with VerticalScroll(id="inbox-detail", classes="panel", can_focus=False):
                    yield Static(id="inbox-text")
            with TabPane("3 Brief", id="brief"), VerticalScroll(id="brief-scroll"):
                yield Static(id="public", classes="brief panel")
                yield Static(id="private", classes="brief panel")
            with TabPane("4 Money", id="money"), Horizontal(id="money-split"):
                yield Static(id="money-figures", classes="panel")
                with Vertical(id="money-sparks", classes="panel"):
                    for key in ("income", "spend", "results", "balances"):
                        yield Static(id=f"label-{key}", classes="spark-label")
                        yield Sparkline([], id=f"spark-{key}")
            with TabPane("5 Deals", id="deals"):
                yield DataTable(id="deals-table", cursor_type="row", zebra_stripes=True)
            with TabPane("6 Relations", id="relations"):
                yield DataTable(id="trust-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one("#position").border_title = "Position"
        self.query_one("#goals-box").border_title = "Goals"
        self.query_one("#month-box").border_title = "This month"
        self.query_one("#inbox-list").border_title = "Waiting for your answer"
        self.query_one("#inbox-detail").border_title = "Details"
        self.query_one("#public").border_title = "Public brief — everyone knows this"
        self.query_one("#private").border_title = "Private brief — only your seat sees this"
        self.query_one("#money-figures").border_title = "Figures"
        self.query_one("#money-sparks").border_title = "Month by month"
        deals = self.query_one("#deals-table", DataTable)
        for label in ("Agreement", "With", "Status", "Terms", "Ends"):
            deals.add_column(label)
        trust = self.query_one("#trust-table", DataTable)
        for label in ("Organisation", "Kind", "Trust", ""):
            trust.add_column(label)
        self.model: DeskModel | None = None

    # --- showing a model -------------------------------------------------------------------------

    def show(self, m: DeskModel) -> None:
        self.model = m
        f = m.figures
        quality = str(f.quality) if f.quality else "—"
        dots = "●" * f.action_points + "○" * max(f.ap_base - f.action_points, 0)
        last = f"{signed(f.last_result)} [dim]({escape(f.last_month[:3])})[/]" if f.last_month else "[dim]—[/]"
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        grid.add_row("Balance", present.money(f.balance))
        grid.add_row("Last month", Text.from_markup(last))
        if f.results:
            grid.add_row("Trend", Text(present.spark(f.results), style="cyan"))
        grid.add_row("This month", Text.from_markup(f"{signed(f.projected)} [dim]projected[/]"))
        late = f", {_months(f.forecast_lag)} late" if f.forecast_lag else ""
        grid.add_row(f.forecast_to, Text.from_markup(f"{signed(f.forecast)} [dim]forecast{late}[/]"))
        grid.add_row("Quality", quality)
        grid.add_row("Actions left", Text.from_markup(f"[b]{dots}[/]  {f.action_points} of {f.ap_base}"))
        grid.add_row("Sanctions", escape(f.sanctions) or "none")
        position = Group(Text(m.name, style="bold"), Text(m.kind, style="dim"), Text(""), grid)
        self.query_one("#position", Static).update(position)
        waiting = self.query_one("#waiting", Static)
        waiting.border_title = f"Waiting for you ({len(m.inbox)})"
        lines = [f"• {escape(item.title)}" for item in m.inbox[:6]]
        if len(m.inbox) > 6:
            lines.append(f"[dim]… and {len(m.inbox) - 6} more: see tab 2[/]")
        if m.inbox and m.acting:
            lines.append("[dim]a: answer the first · 2: the inbox in full[/]")
        if not m.inbox:
            lines.append("[dim]Nothing waiting for you.[/]")
        if m.acting and len(m.inbox) < 4:
            open_to = [
                (f.letter, f.title, len(m.families[f.key]))
                for f in present.FAMILIES
                if f.key in m.families and f.key != "inbox"
            ]
            if open_to:
                lines += ["", "[b]Open to you[/] [dim](m, then the letter)[/]"]
                lines += [f"  [b]{letter}[/]  {escape(title)} [dim]({count})[/]" for letter, title, count in open_to]
        waiting.update("\n".join(lines))
        self.query_one("#goals", Static).update("\n".join(f"{i}. {escape(g)}" for i, g in enumerate(m.goals, 1)))
        month: list[str] = []
        if m.done:
            month += ["[b]Your moves this turn[/]", *(f"✓ {escape(d)}" for d in m.done), ""]
        if m.recent:
            month += ["[b]What reached you this month[/]", *(f"• {escape(r)}" for r in m.recent), ""]
        month += ["[b]Deadlines[/]", *(f"• {escape(d)}" for d in m.deadlines)]
        self.query_one("#month", Static).update("\n".join(month))
        self._show_inbox(m)
        self.query_one("#public", Static).update(escape(m.brief_public))
        self.query_one("#private", Static).update(escape(m.brief_private))
        self._show_money(m)
        deals = self.query_one("#deals-table", DataTable)
        deals.clear()
        for d in m.deals:
            deals.add_row(d.kind, d.other, d.status, d.terms, d.ends)
        trust = self.query_one("#trust-table", DataTable)
        trust.clear()
        for name, kind, value in m.trust:
            trust.add_row(name, kind, str(value), bar(value))
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("inbox").label = f"2 Inbox ({len(m.inbox)})"

    def _show_inbox(self, m: DeskModel) -> None:
        box = self.query_one("#inbox-list", OptionList)
        highlighted = box.highlighted
        box.clear_options()
        if m.inbox:
            box.add_options(Option(escape(item.title), id=item.key) for item in m.inbox)
            box.highlighted = min(highlighted or 0, len(m.inbox) - 1)
            self.show_item(box.highlighted or 0)
        else:
            self.query_one("#inbox-text", Static).update("[dim]Nothing waiting for you.[/]")

    def show_item(self, index: int) -> None:
        if self.model is None or not self.model.inbox:
            return
        item = self.model.inbox[min(index, len(self.model.inbox) - 1)]
        answers = len(item.moves)
        hint = (
            f"\n\n[dim]Enter: answer ({answers} {'choice' if answers == 1 else 'choices'}).[/]"
            if answers
            else "\n\n[dim]Nothing you can do about this now.[/]"
        )
        self.query_one("#inbox-text", Static).update(
            f"[b]{escape(item.title)}[/]\n\n{escape(item.detail)}{hint if self.model.acting else ''}"
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "inbox-list":
            self.show_item(event.option_index)

    def _show_money(self, m: DeskModel) -> None:
        f = m.figures
        grid = Table.grid(padding=(0, 2))
        grid.add_column()
        grid.add_column(justify="right")
        grid.add_row("Balance now", present.money(f.balance))
        grid.add_row("", "")
        if f.last_month:
            grid.add_row(Text(f.last_month, style="bold"), "")
            grid.add_row("  Income", present.money(f.last_income))
            grid.add_row("  Spending", present.money(f.last_spend))
            grid.add_row("  Result", Text.from_markup(signed(f.last_result)))
        else:  # the first month: there is no last month to show, not a month of £0k
            grid.add_row(Text("Last month", style="bold"), Text("—", style="dim"))
            grid.add_row(Text("  no month played yet", style="dim"), "")
        grid.add_row("", "")
        grid.add_row("This month if nothing changes", Text.from_markup(signed(f.projected)))
        grid.add_row(f"Forecast to {f.forecast_to.lower()}", Text.from_markup(signed(f.forecast)))
        late = (
            f" Without analysts behind your numbers, you see each month's results {_months(f.forecast_lag)} late."
            if f.forecast_lag
            else ""
        )
        note = Text(
            f"\nThe forecast is the balance plus recent months' average result for each month left.{late}",
            style="dim",
        )
        self.query_one("#money-figures", Static).update(Group(grid, note))
        series = {
            "income": ("Income", f.income),
            "spend": ("Spending", f.spend),
            "results": ("Result (surplus or deficit)", f.results),
            "balances": ("Balance at month end", f.balances),
        }
        for key, (label, values) in series.items():
            latest = present.money(values[-1]) if values else "—"
            months = f"{len(values)} month{'' if len(values) == 1 else 's'}" if values else "no month played yet"
            self.query_one(f"#label-{key}", Static).update(f"{label}: [b]{latest}[/] [dim]({months})[/]")
            spark = self.query_one(f"#spark-{key}", Sparkline)
            spark.data = list(values)
            spark.display = len(values) > 1  # one value or none draws a full bar, not a trend

    # --- which tab -------------------------------------------------------------------------------------

    def switch_to(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        target = {"inbox": "#inbox-list", "deals": "#deals-table", "relations": "#trust-table"}.get(tab)
        if target:
            self.query_one(target).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        target = {"inbox": "#inbox-list", "deals": "#deals-table", "relations": "#trust-table"}.get(event.pane.id or "")
        if target:
            self.query_one(target).focus()

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def highlighted_item(self) -> present.InboxItem | None:
        if self.model is None or not self.model.inbox or self.active_tab != "inbox":
            return None
        index = self.query_one("#inbox-list", OptionList).highlighted
        return self.model.inbox[index] if index is not None and index < len(self.model.inbox) else None


def signed(amount: int) -> str:
    text = present.signed_money(amount)
    return f"[red]{text}[/]" if amount < 0 else text


def bar(value: int, width: int = 20) -> str:
    filled = round(value / 100 * width)
    colour = "red" if value < 35 else ("yellow" if value < 60 else "green")
    return f"[{colour}]{'█' * filled}[/][dim]{'░' * (width - filled)}[/]"


def _months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"
