"""A text input that honours the app's cursor-blink setting, so screenshots are the same every time."""

from __future__ import annotations

from textual.widgets import Input


class Field(Input):
    """Compact (one line, no border) unless asked otherwise, for dense forms at 100x30."""

    def __init__(self, *args, compact: bool = True, **kwargs) -> None:
        super().__init__(*args, compact=compact, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)
