"""A yes-or-no question before something that cannot be taken back; focus starts on the safe answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class Confirm(ModalScreen[bool]):
    """Returns True only for the `yes` button (or its key); Enter on the focused safe button says no."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, title: str, text: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__()
        self.heading, self.text, self.yes, self.no = title, text, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="panel") as box:
            box.border_title = self.heading
            yield Static(self.text)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.no, id="no", compact=True)
                yield Button(f"{self.yes} (y)", id="yes", variant="error", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
