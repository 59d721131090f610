"""The debrief in a Markdown viewer: the whole system's, or one organisation's."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, MarkdownViewer

from ...content import Scenario
from ...state import GameState
from ...vocabulary.events import Event
from ..widgets.header import GameHeader


def debrief_markdown(
    scenario: Scenario,
    events: Sequence[Event],
    start: GameState,
    end: GameState,
    role: str | None = None,
    table: Sequence = (),
) -> str:
    """The debrief module's account, with who sat at the table."""
    from ...debrief import at_table, build_debrief, to_markdown

    debrief = build_debrief(scenario, list(events), start, end, role=role)
    return to_markdown(evolve(debrief, at_table=tuple(at_table(scenario, table))))


class DebriefScreen(Screen[None]):
    CSS_PATH = "debrief.tcss"
    BINDINGS = [
        Binding("o", "next_org", "Organisation"),
        Binding("s", "system", "Whole system"),
        Binding("t", "toc", "Contents"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(
        self,
        scenario: Scenario,
        events: Sequence[Event],
        start: GameState,
        end: GameState,
        *,
        final: bool = False,
        table: Sequence = (),
    ) -> None:
        super().__init__()
        self.table = list(table)
        self.scenario = scenario
        self.events = list(events)
        self.start = start
        self.end = end
        self.final = final
        self.role: str | None = None

    @classmethod
    def for_game(cls, game, final: bool = False) -> DebriefScreen:
        from ...engine.game import new_game

        session = game.session
        start = new_game(game.scenario, session.seed)
        return cls(game.scenario, session.events, start, session.state, final=final, table=session.table)

    def compose(self) -> ComposeResult:
        yield GameHeader(self.where(), clock=False)
        yield MarkdownViewer(self.markdown(), show_table_of_contents=False, id="debrief")
        yield Footer()

    def where(self) -> str:
        who = self.scenario.roles[self.role].name if self.role else "the whole system"
        return f"Debrief · {who}"

    def markdown(self) -> str:
        return debrief_markdown(self.scenario, self.events, self.start, self.end, self.role, self.table)

    def show(self) -> None:
        self.query_one(GameHeader).set_text(self.where())
        self.query_one(MarkdownViewer).document.update(self.markdown())
        self.query_one(MarkdownViewer).scroll_home(animate=False)

    def action_next_org(self) -> None:
        roles = list(self.scenario.roles)
        self.role = roles[(roles.index(self.role) + 1) % len(roles)] if self.role else roles[0]
        self.show()

    def action_system(self) -> None:
        self.role = None
        self.show()

    def action_toc(self) -> None:
        viewer = self.query_one(MarkdownViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents

    def action_close(self) -> None:
        if self.final:
            self.app.show_title()
        else:
            self.dismiss()
