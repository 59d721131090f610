"""Asking for a seat's PIN; returns True when it is right, None when abandoned."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..present import upper_first
from ..widgets.field import Field


class PinScreen(ModalScreen[bool]):
    CSS_PATH = "pin.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, who: str, check: Callable[[str], bool]) -> None:
        super().__init__()
        self.who = who
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box", classes="panel") as box:
            box.border_title = "PIN"
            yield Static(f"{upper_first(self.who)}: type your four-digit PIN and press Enter.")
            yield Field(password=True, restrict=r"\d*", max_length=4, id="pin", compact=False)
            yield Static("", id="pin-error", classes="refusal")

    def on_mount(self) -> None:
        self.query_one("#pin-error").display = False

    def on_input_submitted(self, event: Field.Submitted) -> None:
        if self.check(event.value):
            self.dismiss(True)
            return
        error = self.query_one("#pin-error", Static)
        error.update("That PIN is not right. Try again, or Esc to go back.")
        error.display = True
        event.input.value = ""

    def action_cancel(self) -> None:
        self.dismiss(None)
