"""The role desk: the organisation whose turn it is, at its seat. Moves go through short
forms and the engine's preview; undo takes back the last move of this turn; End turn
passes the keyboard on.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from ...engine.game import preview
from ...vocabulary.events import Event
from ...vocabulary.moves import Rejection
from .. import pace, present, seating
from ..model import desk_model
from ..widgets.desk_view import TABS, DeskView
from ..widgets.header import GameHeader
from .moves import Choice, EndTurnScreen, MoveForm, MoveMenu, Played


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
        pace.steady()  # keys at a desk answer within a frame: no full collection between key and render
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
            session.turn_so_far(),
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
            elif family == "inbox":
                self.answer_inbox()
            elif family:
                self.open_form(family, [(m,) for m in self.model.families.get(family, [])])

        waiting = sum(1 for item in self.model.inbox if item.moves)
        self.app.push_screen(MoveMenu(self.model.families, self.model.figures.action_points, waiting), chosen)

    def answer_inbox(self) -> None:
        """One item waiting: answer it; several: show them on the inbox tab to choose from."""
        waiting = [item for item in self.model.inbox if item.moves]
        if len(waiting) == 1:
            self.answer(waiting[0])
        elif waiting:
            self.query_one(DeskView).switch_to("inbox")
            self.notify(f"{len(waiting)} items wait for your answer: choose one and press Enter.")
        else:
            self.notify("Nothing is waiting for your answer.")

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
        self.open_form("inbox", item.choices, title=item.title, intro=item.detail)

    def open_form(self, family: str, choices: Sequence[Choice], title: str = "", intro: str = "") -> None:
        if not choices:
            return
        game = self.game
        role = self.role
        heading = title or next((f.title for f in present.FAMILIES if f.key == family), "Move")

        def describe(choice: Choice) -> str:
            if len(choice) == 1:
                return present.choice_label(game.scenario, game.state, choice[0])
            return present.describe_all(game.scenario, game.state, choice)

        def look(choice: Choice) -> present.PreviewWords:
            return present.preview_words(game.scenario, game.state, preview(game.state, game.scenario, choice, role))

        form = MoveForm(
            heading,
            choices,
            submit=game.play,
            describe=describe,
            explain=lambda c: present.explain_all(game.scenario, game.state, c),
            fields=lambda m: present.fields(game.state, m),
            preview=look,
            intro=intro,
        )
        self.app.push_screen(form, self.played)

    def played(self, result: Played | None) -> None:
        if result is None:
            return
        self.tell(result.events, f"Done: {result.title}")
        if result.refusal:
            self.notify(f"Only the first step was made: {result.refusal}", severity="warning", timeout=8)
        self.after_change()

    def tell(self, events: Sequence[Event], first: str) -> None:
        """A toast of what the move did, in the narrative's words, naming agreements and requests by the state now."""
        mine = [e for e in present.telling(events) if e.visible_to(self.role)]
        names = present.lookup((self.game.state,), mine)
        lines = [first, *(present.event_line(self.game.scenario, e, names) for e in mine[:4])]
        self.notify("\n".join(lines), timeout=6)

    def after_change(self) -> None:
        if self.game.session.actor != self.role or self.game.state.finished:
            self.app.proceed()
        else:
            self.refresh_desk()

    def action_undo(self) -> None:
        undone = self.game.undo()
        if undone:
            self.notify("The last move of this turn was taken back.")
            self.refresh_desk()
        else:
            self.notify(getattr(undone, "reason", "") or "Nothing to undo in this turn.", severity="warning")

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
