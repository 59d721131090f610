"""The role desk: the organisation whose turn it is, at its seat. Moves go through short
forms; undo takes back the last move of this turn; End turn passes the keyboard on.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from ...engine.events import Event
from ...engine.moves import Move, Rejection
from .. import present, seating
from ..model import desk_model
from ..widgets.desk_view import TABS, DeskView
from ..widgets.header import GameHeader
from .moves import EndTurnScreen, MoveForm, MoveMenu, Played


class DeskScreen(Screen[None]):
    CSS_PATH = "desk.tcss"
    BINDINGS = [
        Binding("m", "menu", "Make a move"),
        Binding("a", "answer", "Answer"),
        Binding("u", "undo", "Undo"),
        Binding("e", "end_turn", "End turn"),
        Binding("r", "report", "Last report"),
        *(Binding(str(i), f"tab('{tab}')", show=False) for i, tab in enumerate(TABS, 1)),
    ]

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role

    @property
    def game(self):
        return self.app.game

    def compose(self) -> ComposeResult:
        yield GameHeader()
        yield DeskView(id="desk")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_desk()

    def refresh_desk(self) -> None:
        game = self.game
        session = game.session
        seat = game.seat_of(self.role)
        model = desk_model(
            game.scenario,
            session.state,
            session.events,
            self.role,
            seat,
            session.legal(self.role),
            session.moves_this_turn(),
        )
        self.model = model
        self.shown = (id(session.state), len(session.moves))
        role = game.scenario.roles[self.role]
        who = model.name if seat == role.short_name else f"{model.name} · {seating.seat_title(seat)}"
        self.query_one(GameHeader).set_text(model.when, who)
        self.query_one(DeskView).show(model)

    # --- moves -----------------------------------------------------------------------------------

    def action_menu(self) -> None:
        def chosen(family: str | None) -> None:
            if family == "end":
                self.action_end_turn()
            elif family:
                self.open_form(family, self.model.families.get(family, []))

        self.app.push_screen(MoveMenu(self.model.families, self.model.figures.action_points), chosen)

    def action_answer(self) -> None:
        view = self.query_one(DeskView)
        item = view.highlighted_item()
        if item is None and self.model.inbox:
            item = next((i for i in self.model.inbox if i.moves), None)
        if item is not None:
            self.answer(item)
        else:
            self.notify("Nothing is waiting for your answer.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "inbox-list":
            item = self.query_one(DeskView).highlighted_item()
            if item is not None:
                self.answer(item)

    def answer(self, item: present.InboxItem) -> None:
        if not item.moves:
            self.notify("There is nothing you can do about this item now.")
            return
        title = item.title
        self.open_form("inbox", item.moves, title=title, intro=item.detail)

    def open_form(self, family: str, moves: Sequence[Move], title: str = "", intro: str = "") -> None:
        if not moves:
            return
        game = self.game
        heading = title or next((f.title for f in present.FAMILIES if f.key == family), "Move")
        form = MoveForm(
            heading,
            moves,
            submit=game.play,
            describe=lambda m: present.choice_label(game.scenario, game.state, m),
            explain=lambda m: present.explain(game.scenario, game.state, m),
            fields=lambda m: present.fields(game.state, m),
            intro=intro,
        )
        self.app.push_screen(form, self.played)

    def played(self, result: Played | None) -> None:
        if result is None:
            return
        self.tell(result.events, f"Done: {present.describe(self.game.scenario, self.game.state, result.move)}")
        self.after_change()

    def tell(self, events: Sequence[Event], first: str) -> None:
        mine = [e for e in present.telling(events) if e.visible_to(self.role)]
        lines = [first, *(present.event_line(self.game.scenario, e) for e in mine[:4])]
        self.notify("\n".join(lines), timeout=6)

    def after_change(self) -> None:
        if self.game.session.actor != self.role or self.game.state.finished:
            self.app.proceed()
        else:
            self.refresh_desk()

    def action_undo(self) -> None:
        if self.game.undo():
            self.notify("The last move of this turn was taken back.")
            self.refresh_desk()
        else:
            self.notify("Nothing to undo in this turn.", severity="warning")

    def action_end_turn(self) -> None:
        unanswered = sum(1 for item in self.model.inbox if item.moves)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.game.end_turn()
            if isinstance(outcome, Rejection):
                self.notify(outcome.reason, severity="error")
                return
            self.app.proceed()

        self.app.push_screen(EndTurnScreen(self.model.name, self.model.figures.action_points, unanswered), confirmed)

    def action_report(self) -> None:
        turn = self.game.state.turn
        if turn == 0:
            self.notify("The first month-end report comes at the end of this month.")
            return
        from .report import MonthReportScreen

        self.app.push_screen(MonthReportScreen(turn - 1, look_back=True))

    def action_tab(self, tab: str) -> None:
        self.query_one(DeskView).switch_to(tab)

    def on_screen_resume(self) -> None:
        """Back from a dialog: redraw only if the game changed meanwhile (a cancelled form changes nothing)."""
        game = self.game
        if not hasattr(self, "model") or game is None or game.session.actor != self.role:
            return
        if self.shown != (id(game.session.state), len(game.session.moves)):
            self.refresh_desk()
