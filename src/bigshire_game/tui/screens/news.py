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
            if len(cards) > 1:  # every story named at the top, so none is missed below the fold
                titles = " · ".join(f"“{e.data.get('title', '')}”" for e in cards)
                yield Static(f"{len(cards)} stories: {titles}", id="news-contents", classes="muted")
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
        yield Static(self.READ, id="news-hint", classes="hint")
        yield Footer()

    READ = "Press Enter when everyone has read the news."
    MORE = "More below: ↓ or PgDn to read on. Press Enter when everyone has read the news."

    def on_mount(self) -> None:
        body = self.query_one("#news-body", VerticalScroll)
        body.focus()
        self.watch(body, "scroll_y", self.show_hint, init=False)
        self.call_after_refresh(self.show_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_hint)

    def show_hint(self, *_: object) -> None:
        """Say plainly when the news runs on below the screen's edge, until it has been read to the end."""
        body = self.query_one("#news-body", VerticalScroll)
        more = body.max_scroll_y > 0 and body.scroll_y < body.max_scroll_y
        self.query_one("#news-hint", Static).update(self.MORE if more else self.READ)

    def action_go_on(self) -> None:
        self.app.proceed()
