"""Before a move is made: the engine's preview in words, and a confirmation that cannot be given by accident.

Focus starts on Cancel, so Enter (or the key that chose the move, pressed again) goes back to the
list; only the distinct confirmation key `c` (or a click on Commit) makes the move.
"""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from .. import present


class CommitButton(Button, can_focus=False):
    """Clickable, never focused: the keyboard commits only with `c`."""


class PreviewScreen(ModalScreen[bool]):
    """Returns True to commit the previewed move, False to go back to the list."""

    CSS_PATH = "preview.tcss"
    BINDINGS = [
        Binding("c", "commit", "Commit"),
        Binding("escape", "back", "Back to the list"),
    ]

    def __init__(self, words: present.PreviewWords) -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        w = self.words
        with Vertical(id="preview-box", classes="panel") as box:
            box.border_title = "Before you commit" if not w.refusal else "The engine would refuse this"
            with VerticalScroll(id="preview-body", can_focus=False):
                yield Static(f"[b]{escape(w.title)}[/]", id="preview-title")
                if w.refusal:
                    yield Static(f"Refused: {escape(w.refusal)}", id="preview-refusal", classes="refusal")
                    yield Static("Nothing has been done.", classes="hint")
                else:
                    yield Static(f"[dim]{escape(w.cost)}[/]", id="preview-cost")
                    seen = "\n".join(f"• {escape(line)}" for line in w.seen) or "[dim]Nothing you would be told.[/]"
                    yield Static(f"[b]What {escape(w.who)} would see[/]\n{seen}", id="preview-seen")
                    yield Static(f"[b]{escape(w.when)}:[/]", id="preview-when")
                    yield Static(self.figures(), id="preview-figures")
            with Horizontal(id="preview-buttons"):
                yield Button("Cancel" if not w.refusal else "Back", id="cancel")
                if not w.refusal:
                    yield CommitButton("c  Commit", id="commit", variant="success")
            yield Static(
                "[b]c[/]: commit · [b]Enter[/] or [b]Esc[/]: back to the list"
                if not w.refusal
                else "[b]Enter[/] or [b]Esc[/]: back to the list",
                classes="hint",
            )
        yield Footer()

    def figures(self) -> Table:
        table = Table(box=None, padding=(0, 2), expand=False)
        table.add_column("")
        table.add_column("Without it", justify="right")
        table.add_column("With it", justify="right")
        table.add_column("Difference", justify="right")
        for row in self.words.rows:
            table.add_row(*row)
        return table

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "commit" and self.words.refusal)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "commit":
            self.action_commit()
        else:
            self.action_back()

    def action_commit(self) -> None:
        if not self.words.refusal:
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
