"""The month's news on the shared screen: public cards in full, and what has happened in public so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...content import turn_label
from .. import present
from ..widgets.header import GameHeader


class NewsScreen(Screen[None]):
    CSS_PATH = "news.tcss"
    BINDINGS = [Binding("enter", "go_on", "Continue", priority=True)]

    def __init__(self, turn: int) -> None:
        super().__init__()
        self.turn = turn

    def compose(self) -> ComposeResult:
        game = self.app.game
        scenario = game.scenario
        events = game.session.events
        cards, private = present.news_of_turn(scenario, events, self.turn)
        months = turn_label(scenario.turns[self.turn])
        yield GameHeader(present.when(scenario, game.state))
        with VerticalScroll(id="news-body"):
            yield Static(f"News for {months}", id="news-title")
            if self.turn == 0:
                yield Static(scenario.info.summary, classes="card-text")
            for e in cards:
                card = scenario.cards.get(str(e.data.get("card")))
                with Vertical(classes="card panel") as box:
                    box.border_title = str(e.data.get("title", ""))
                    yield Static(card.text if card else "", classes="card-text")
            if not cards:
                yield Static("No public announcements this month.", classes="muted")
            if private:
                word = "notice" if private == 1 else "notices"
                yield Static(
                    f"{private} {word} went privately to some organisations: they will find them on their desks.",
                    classes="muted",
                )
            done = [
                e
                for e in present.telling(present.public(present.events_of_turn(scenario, events, self.turn)))
                if e.kind != "CardPublished"
            ]
            if done:
                with Vertical(classes="panel", id="so-far") as box:
                    box.border_title = "Already this month"
                    yield Static("\n".join(f"• {present.event_line(scenario, e)}" for e in done[-12:]))
        yield Static("Press Enter when everyone has read the news.", id="news-hint", classes="hint")
        yield Footer()

    def action_go_on(self) -> None:
        self.app.proceed()
