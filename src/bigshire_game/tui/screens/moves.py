"""Short forms for moves: a menu of move families, one form per family offering only
the engine's legal choices (with editable terms), and the end-of-turn check.

A form sends its move through the `submit` it is given; when the engine refuses,
the reason is shown in the form and nothing changes. A form returns `Played`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...engine.events import Event
from ...engine.moves import Move, Rejection
from .. import present
from ..widgets.field import Field


@frozen
class Played:
    """A move the engine accepted, and what it caused."""

    move: Move
    events: tuple[Event, ...]


Submit = Callable[[Move], Rejection | list[Event]]


class MoveMenu(ModalScreen[str | None]):
    """Which kind of move: returns a family key from `present.FAMILIES`, "end" to end the turn, or None."""

    CSS_PATH = "moves.tcss"
    BINDINGS = [
        Binding("escape,m", "cancel", "Back"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
        Binding("e", "pick(0)", "End turn", show=False),
    ]

    def __init__(self, families: dict[str, list[Move]], actions_left: int) -> None:
        super().__init__()
        self.families = families
        self.actions_left = actions_left

    def compose(self) -> ComposeResult:
        options = []
        self.keys: list[str] = []
        for family in present.FAMILIES:
            moves = self.families.get(family.key)
            if not moves:
                continue
            self.keys.append(family.key)
            free = sum(not m.costs_action for m in moves)
            cost = "[green]free[/]" if free == len(moves) else ("1 action" if not free else "free or 1 action")
            options.append(
                Option(
                    f"[b]{len(self.keys)}[/]  {family.title} ({len(moves)})  [dim]{cost} · {family.hint}[/]",
                    id=family.key,
                )
            )
        options.append(Option("[b]e[/]  End your turn", id="end"))
        with Vertical(id="menu-box", classes="panel") as box:
            box.border_title = "Make a move"
            note = (
                f"{self.actions_left} {'action' if self.actions_left == 1 else 'actions'} left this month."
                if self.actions_left
                else "No actions left: you can still answer your inbox, then end your turn."
            )
            yield Static(note, classes="hint")
            yield OptionList(*options, id="families")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, n: int) -> None:
        if n == 0:
            self.dismiss("end")
        elif n <= len(self.keys):
            self.dismiss(self.keys[n - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class MoveForm(ModalScreen[Played | None]):
    """Choose one of the given legal moves, adjust its terms, send it; refusals appear in red."""

    CSS_PATH = "moves.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Do it"),
    ]

    def __init__(
        self,
        title: str,
        moves: Sequence[Move],
        submit: Submit,
        describe: Callable[[Move], str],
        explain: Callable[[Move], str],
        fields: Callable[[Move], list[present.FieldSpec]],
        intro: str = "",
    ) -> None:
        super().__init__()
        self.heading = title
        self.moves = list(moves)
        self.submit = submit
        self.describe = describe
        self.explain = explain
        self.fields_of = fields
        self.intro = intro
        self.specs: list[present.FieldSpec] = []
        self.inputs: list[Field] = []
        self.current = -1

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="panel") as box:
            box.border_title = self.heading
            if self.intro:
                yield Static(escape(self.intro), id="intro")
            with Horizontal(id="form-split"):
                yield OptionList(
                    *(
                        Option(escape(self.describe(m)) + ("" if m.costs_action else " [green](free)[/]"), id=str(i))
                        for i, m in enumerate(self.moves)
                    ),
                    id="choices",
                )
                with VerticalScroll(id="side", can_focus=False):
                    yield Static(id="explain")
                    yield Vertical(id="fields")
            yield Static(id="refusal", classes="refusal")
            yield Static("↑↓ choose · Tab: edit the terms · Enter: do it · Esc: cancel", classes="hint")
        yield Footer()

    async def on_mount(self) -> None:
        self.query_one("#refusal").display = False
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        await self.show_choice(0)
        choices.focus()

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            await self.show_choice(event.option_index)

    async def show_choice(self, index: int) -> None:
        self.current = index
        move = self.moves[index]
        self.query_one("#explain", Static).update(escape(self.explain(move)))
        box = self.query_one("#fields", Vertical)
        await box.remove_children()
        self.specs = self.fields_of(move)
        self.inputs: list[Field] = []
        widgets = []
        for spec in self.specs:
            widgets.append(Static(spec.label, classes="field-label"))
            restrict = None if spec.kind is str else r"[0-9.,£%k-]*"
            field = Field(present.field_text(spec), restrict=restrict)
            self.inputs.append(field)
            widgets.append(field)
        if widgets:
            await box.mount_all(widgets)
        self.hide_refusal()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.current = event.option_index
        self.action_submit()

    def on_input_submitted(self, event: Field.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_input_changed(self, event: Field.Changed) -> None:
        self.hide_refusal()

    def action_submit(self) -> None:
        move = self.moves[self.current]
        values = {spec.path: field.value for spec, field in zip(self.specs, self.inputs, strict=True)}
        try:
            move = present.with_fields(move, values, self.specs)
        except present.FieldError as exc:
            self.show_refusal(str(exc))
            return
        outcome = self.submit(move)
        if isinstance(outcome, Rejection):
            self.show_refusal(outcome.reason)
            return
        self.dismiss(Played(move, tuple(outcome)))

    def show_refusal(self, reason: str) -> None:
        refusal = self.query_one("#refusal", Static)
        refusal.update(f"Refused: {escape(reason)}")
        refusal.display = True

    def hide_refusal(self) -> None:
        self.query_one("#refusal").display = False

    def action_cancel(self) -> None:
        self.dismiss(None)


class EndTurnScreen(ModalScreen[bool]):
    """Are you sure? Says what happens to unanswered cards and unused actions."""

    CSS_PATH = "moves.tcss"
    BINDINGS = [
        Binding("enter,y", "answer(True)", "End turn", priority=True),
        Binding("escape,n", "answer(False)", "Keep playing"),
    ]

    def __init__(self, name: str, actions_left: int, unanswered: int) -> None:
        super().__init__()
        self.org = name
        self.actions_left = actions_left
        self.unanswered = unanswered

    def compose(self) -> ComposeResult:
        lines = [f"End {escape(present.possessive(self.org))} turn?"]
        if self.actions_left:
            lines.append(
                f"{self.actions_left} unused {'action' if self.actions_left == 1 else 'actions'} will be lost."
            )
        if self.unanswered:
            lines.append(
                f"{self.unanswered} {'item' if self.unanswered == 1 else 'items'} in your inbox unanswered: "
                "cards take their default option; the rest stays unanswered."
            )
        lines.append("\n[b]Enter[/]: end the turn and pass the keyboard · [b]Esc[/]: keep playing")
        with Vertical(id="end-box", classes="panel") as box:
            box.border_title = "End turn"
            yield Static("\n".join(lines))
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
