"""Short forms for moves: a menu of move families under fixed letters, one form per family
offering only the engine's legal choices (with editable terms), and the end-of-turn check.

Nothing is played by choosing: a choice opens the engine's preview, and only the preview's
own confirmation key commits it. A form sends its moves through the `submit` it is given;
when the engine refuses, the reason is shown and nothing changes. A form returns `Played`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...vocabulary.events import Event
from ...vocabulary.moves import Move, Rejection
from .. import present
from ..widgets.field import Field
from .preview import PreviewScreen

Choice = tuple[Move, ...]  # one move, or moves played together in one step (accept and sign)
FILTER_FROM = 8  # lists longer than this get a filter above them


@frozen
class Played:
    """Moves the engine accepted, what they caused, and how they were described before they were made."""

    moves: tuple[Move, ...]
    events: tuple[Event, ...]
    title: str
    refusal: str = ""  # a later move of a one-step pair that the engine refused after all

    @property
    def move(self) -> Move:
        return self.moves[-1]


Submit = Callable[[Move], Rejection | list[Event]]


class MoveMenu(ModalScreen[str | None]):
    """Which kind of move: returns a family key from `present.FAMILIES`, "end" to end the turn, or None.

    Each family keeps its letter whatever the situation; a family with nothing to offer now is greyed
    with the reason, and its letter does nothing."""

    CSS_PATH = "moves.tcss"
    BINDINGS = [
        Binding("escape,m", "cancel", "Back"),
        *(Binding(f.letter, f"pick('{f.key}')", f.label) for f in present.FAMILIES),
        Binding("e", "pick('end')", "End turn"),
    ]

    def __init__(self, families: dict[str, list[Move]], actions_left: int, inbox_items: int = 0) -> None:
        super().__init__()
        self.families = families
        self.actions_left = actions_left
        self.inbox_items = inbox_items

    def open(self, key: str) -> bool:
        if key == "end":
            return True
        if key == "inbox":
            return bool(self.inbox_items)
        return bool(self.families.get(key))

    def compose(self) -> ComposeResult:
        options = []
        for family in present.FAMILIES:
            moves = self.families.get(family.key, [])
            note = present.family_note(family, moves, self.actions_left, self.inbox_items)
            if self.open(family.key):
                prompt = f"[b]{family.letter}[/]  {escape(family.title)}  [dim]{note}[/]"
            else:
                prompt = f"{family.letter}  {escape(family.title)}: {escape(note)}"
            options.append(Option(prompt, id=family.key, disabled=not self.open(family.key)))
        options.append(Option("[b]e[/]  End your turn", id="end"))
        with Vertical(id="menu-box", classes="panel") as box:
            box.border_title = "Make a move"
            note = (
                f"{self.actions_left} {'action' if self.actions_left == 1 else 'actions'} left this month."
                if self.actions_left
                else "No actions left: you can still answer your inbox, then end your turn."
            )
            yield Static(note + " [dim]Press a letter; nothing is done until you confirm it.[/]", classes="hint")
            yield OptionList(*options, id="families")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # a family greyed in the list is left out of the footer, and its letter does nothing
        return not (action == "pick" and parameters and not self.open(str(parameters[0])))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.open(event.option.id):
            self.dismiss(event.option.id)

    def action_pick(self, key: str) -> None:
        if self.open(key):
            self.dismiss(key)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterInput(Input):
    """Typing narrows the list below; the arrows still move through it."""

    BINDINGS = [
        Binding("down", "screen.step(1)", show=False),
        Binding("up", "screen.step(-1)", show=False),
    ]


class MoveForm(ModalScreen[Played | None]):
    """Choose one of the given legal choices, adjust its terms, see the engine's preview, then confirm there."""

    CSS_PATH = "moves.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "preview", "Preview"),
    ]

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice],
        submit: Submit,
        describe: Callable[[Choice], str],
        explain: Callable[[Choice], str],
        fields: Callable[[Move], list[present.FieldSpec]],
        preview: Callable[[Choice], present.PreviewWords],
        intro: str = "",
    ) -> None:
        super().__init__()
        self.heading = title
        self.choices = [tuple(c) for c in choices]
        self.submit = submit
        self.describe = describe
        self.explain = explain
        self.fields_of = fields
        self.preview_of = preview
        self.intro = intro
        self.labels = [describe(c) for c in self.choices]
        self.specs: list[present.FieldSpec] = []
        self.inputs: list[Field] = []
        self.current = -1
        self.shown: list[int] = list(range(len(self.choices)))

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="panel") as box:
            box.border_title = self.heading
            if self.intro:
                yield Static(escape(self.intro), id="intro")
            if len(self.choices) > FILTER_FROM:
                yield FilterInput(placeholder=f"Type to filter the {len(self.choices)} choices", id="filter")
            with Horizontal(id="form-split"):
                yield OptionList(*self.options(self.shown), id="choices")
                with VerticalScroll(id="side", can_focus=False):
                    yield Static(id="explain")
                    yield Vertical(id="fields")
            yield Static(id="refusal", classes="refusal")
            filtering = "type to filter · " if len(self.choices) > FILTER_FROM else ""
            yield Static(
                f"↑↓ choose · {filtering}Tab: edit the terms · Enter: preview, nothing is done yet · Esc: cancel",
                classes="hint",
            )
        yield Footer()

    def options(self, indices: Sequence[int]) -> list[Option]:
        return [
            Option(
                escape(self.labels[i]) + ("" if any(m.costs_action for m in self.choices[i]) else " [green](free)[/]"),
                id=str(i),
            )
            for i in indices
        ]

    async def on_mount(self) -> None:
        self.query_one("#refusal").display = False
        choices = self.query_one("#choices", OptionList)
        if self.choices:
            choices.highlighted = 0
            await self.show_choice(0)
        if self.query("#filter"):
            choices.can_focus = False  # the filter steers the list, so Tab goes on to the terms
            self.query_one("#filter").focus()
        else:
            choices.focus()

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int(event.option.id or 0)
        if index != self.current:
            await self.show_choice(index)

    async def show_choice(self, index: int) -> None:
        self.current = index
        choice = self.choices[index]
        self.query_one("#explain", Static).update(escape(self.explain(choice)))
        box = self.query_one("#fields", Vertical)
        await box.remove_children()
        self.specs = self.fields_of(choice[0]) if len(choice) == 1 else []
        self.inputs = []
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

    # --- filtering -------------------------------------------------------------------------------

    async def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "filter":
            self.hide_refusal()
            return
        words = event.value.lower().split()
        self.shown = [i for i, label in enumerate(self.labels) if all(w in label.lower() for w in words)]
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        choices.add_options(self.options(self.shown))
        if self.shown:
            choices.highlighted = 0
            await self.show_choice(self.shown[0])
        else:
            self.current = -1
            self.query_one("#explain", Static).update("[dim]Nothing matches: delete some letters.[/]")
            await self.query_one("#fields", Vertical).remove_children()
            self.specs, self.inputs = [], []

    def action_step(self, by: int) -> None:
        choices = self.query_one("#choices", OptionList)
        if by > 0:
            choices.action_cursor_down()
        else:
            choices.action_cursor_up()

    # --- preview, then commit -------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_preview()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    def chosen(self) -> Choice | None:
        """The highlighted choice with the typed terms in place; shows the problem and gives None if a term is bad."""
        if self.current < 0:
            return None
        choice = self.choices[self.current]
        if len(choice) != 1:
            return choice
        values = {spec.path: field.value for spec, field in zip(self.specs, self.inputs, strict=True)}
        try:
            return (present.with_fields(choice[0], values, self.specs),)
        except present.FieldError as exc:
            self.show_refusal(str(exc))
            return None

    def action_preview(self) -> None:
        choice = self.chosen()
        if choice is None:
            return
        words = self.preview_of(choice)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.commit(choice, words.title)

        self.app.push_screen(PreviewScreen(words), confirmed)

    def commit(self, choice: Choice, title: str) -> None:
        events: list[Event] = []
        for i, move in enumerate(choice):
            outcome = self.submit(move)
            if isinstance(outcome, Rejection):
                if i == 0:
                    self.show_refusal(outcome.reason)
                    return
                self.dismiss(Played(choice[:i], tuple(events), title, refusal=outcome.reason))
                return
            events += outcome
        self.dismiss(Played(choice, tuple(events), title))

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
