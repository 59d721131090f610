"""The handover curtain: whose turn it is, and nothing else. Enter (and the seat's PIN, if it has one) opens the desk."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...session import BOT
from .. import present, seating
from ..widgets.header import GameHeader


class CurtainScreen(Screen[None]):
    CSS_PATH = "curtain.tcss"
    BINDINGS = [Binding("enter", "open_desk", "Open the desk", priority=True)]

    def __init__(self, role: str, seat: str) -> None:
        super().__init__()
        self.role = role
        self.seat = seat

    def compose(self) -> ComposeResult:
        game = self.app.game
        scenario = game.scenario
        role = scenario.roles[self.role]
        who = seating.seat_title(self.seat)
        # who comes next at the keyboard: the organisations the computer plays take their turns unseen
        still = [r for r in game.state.queue[1:] if game.seat_of(r) != BOT]
        then = f"Then: {present.names(scenario, still)}." if still else "Last at the keyboard in this phase."
        lock = "The seat's PIN will be asked." if game.needs_pin(self.seat) else ""
        yield GameHeader(present.when(scenario, game.state))
        with Center(id="curtain-middle"), Vertical(id="curtain-box"):
            yield Static("Pass the keyboard to", id="pass")
            same = self.seat in (role.name, role.short_name)
            yield Static(role.name if same else f"{who} — {role.name}", id="who")
            yield Static(present.upper_first(present.kind_of(scenario, self.role)), id="kind")
            yield Static(then, id="then", classes="muted")
            yield Static(
                f"Everyone else: please look away from the screen. {lock}\n{present.upper_first(who)}: press Enter.",
                id="curtain-hint",
            )
        yield Footer()

    def action_open_desk(self) -> None:
        game = self.app.game

        def opened(ok: bool | None) -> None:
            if ok:
                game.passed_curtain(self.seat)
                self.app.proceed()

        if game.needs_pin(self.seat):
            from .pin import PinScreen

            self.app.push_screen(
                PinScreen(seating.seat_title(self.seat), lambda pin: game.pin_ok(self.seat, pin)), opened
            )
        else:
            opened(True)
