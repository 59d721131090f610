"""The facilitator's console (F2): publish any card now, make a ruling, adjust a figure with a
reason, pause or extend the month's countdown, skip or take over a seat, save a checkpoint.

Changes to the game go through the engine as facilitator moves, so refusals
come back with the engine's reason; seats and the clock belong to the room.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, OptionList, Select, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ...narrative.wording import plural
from ...session import BOT
from ...state import FACILITATOR
from ...vocabulary.catalogue import RULE_SETTINGS
from ...vocabulary.moves import AdjustFigure, MakeRuling, Move, PublishCard, Rejection
from ...vocabulary.words import example_month
from .. import present, seating
from ..widgets.field import Field
from ..widgets.header import GameHeader
from .confirm import Confirm

FIGURES = (("Balance, £k", "balance"), ("Quality, 0-100", "quality"), ("Action points", "action_points"))
AMOUNTS = {
    "balance": "change (balance in £k), e.g. 500 or -300",
    "quality": "change (quality points), e.g. 5 or -5",
    "action_points": "change (action points), e.g. 1 or -1",
}
"""The amount field's placeholder for each figure: the unit the number is in."""
VALUES = {
    bool: "yes or no",
    int: "a whole number",
    float: "a number, e.g. 2.5",
    str: "a month such as {month}",
}
"""What a ruling's new value is, by the setting's type, in the words the prompt and its refusal share."""


def parse_value(text: str) -> bool | int | float | str:
    """A typed ruling value: yes/no words as booleans, numbers as numbers, anything else as text."""
    low = text.strip().lower()
    if low in ("true", "yes", "y", "allowed", "on"):
        return True
    if low in ("false", "no", "n", "not allowed", "off"):
        return False
    try:
        return int(low)
    except ValueError:
        pass
    try:
        return float(low)
    except ValueError:
        return text.strip()


def shown_value(value: object) -> str:
    """A rule's value as the room reads it: yes or no, not True or False."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "not set" if value is None else str(value)


def published(times: int) -> str:
    return "not published yet" if not times else ("published once" if times == 1 else f"published {times} times")


class FacilitatorScreen(Screen[None]):
    CSS_PATH = "facilitator.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back to game"),
        Binding("f3", "clock('pause')", "Pause clock"),
        Binding("f3", "clock('resume')", "Resume clock"),
        Binding("f4", "clock('+5')", "+5 min"),
        Binding("f6", "clock('-5')", "-5 min"),
        Binding("f5", "next_section", "Next section"),
        Binding("ctrl+z", "take_back", "Take back"),
    ]

    @property
    def game(self):
        return self.app.game

    def compose(self) -> ComposeResult:
        game = self.game
        scenario = game.scenario
        yield GameHeader(present.when(scenario, game.state), "Facilitator's console")
        with TabbedContent(id="console-tabs"):
            with TabPane("Publish a card", id="cards"), Horizontal():
                yield OptionList(*self.card_options(), id="card-list")
                with VerticalScroll(id="card-detail", classes="panel"):
                    yield Static(id="card-text")
            with TabPane("Ruling", id="ruling"), Vertical(classes="form"):
                rulers = [r.short_name for r in scenario.roles.values() if "rule" in r.powers]
                hint = f" ({' and '.join(rulers)}'s rulings go through its desk)" if len(rulers) == 1 else ""
                yield Static(f"Change a rule of the game now{hint}.", classes="hint")
                yield Select(
                    [(present.words(name).capitalize(), name) for name in RULE_SETTINGS],
                    id="setting",
                    allow_blank=False,
                    compact=True,
                )
                yield Static(id="setting-now", classes="hint")
                yield Field(placeholder="new value", id="ruling-value")
                yield Button("Make the ruling", id="make-ruling", variant="primary", compact=True)
            with TabPane("Adjust a figure", id="adjust"), Vertical(classes="form"):
                yield Select(
                    [(role.name, rid) for rid, role in scenario.roles.items()],
                    id="adjust-org",
                    allow_blank=False,
                    compact=True,
                    value=game.console_org if game.console_org in scenario.roles else Select.NULL,
                )
                yield Select(FIGURES, id="adjust-figure", allow_blank=False, compact=True)
                yield Field(placeholder=AMOUNTS["balance"], id="adjust-amount", restrict=r"-?\d*")
                yield Field(placeholder="reason (told to the room)", id="adjust-reason")
                yield Button("Adjust", id="do-adjust", variant="primary", compact=True)
            with TabPane("Seats & clock", id="seats"), Horizontal():
                yield DataTable(id="seat-table", cursor_type="row", zebra_stripes=True)
                with Vertical(id="seat-actions", classes="panel"):
                    yield Static(id="clock-text")
                    yield Button("Pause clock (F3)", id="clock-toggle", compact=True)
                    yield Button("+5 minutes (F4)", id="clock-plus", compact=True)
                    yield Button("-5 minutes (F6)", id="clock-minus", compact=True)
                    yield Static("")
                    yield Static("For the highlighted organisation:", classes="hint")
                    yield Button("Take over its seat", id="take-over", compact=True)
                    yield Button("Give it to the computer", id="to-computer", compact=True)
                    yield Button("Give it back to its seat", id="give-back", compact=True)
                    yield Static("")
                    yield Button("Skip the current turn", id="skip", compact=True)
                    yield Button("Close this phase for everyone", id="close-phase", compact=True)
                    yield Button("Take back my last intervention (Ctrl+Z)", id="take-back", compact=True)
            with TabPane("Checkpoint", id="checkpoint"), Vertical(classes="form"):
                yield Static(
                    "Save this moment under a name: trainers can review it and play on from it.", classes="hint"
                )
                yield Field(placeholder="label, e.g. before-winter", id="checkpoint-label")
                yield Button("Save checkpoint", id="save-checkpoint", variant="primary", compact=True)
                yield Static(id="checkpoints", classes="hint")
        yield Static(id="console-result", classes="refusal")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#console-result").display = False
        self.query_one("#card-detail").border_title = "Card"
        self.query_one("#seat-actions").border_title = "Clock and seats"
        table = self.query_one("#seat-table", DataTable)
        table.add_column("Organisation", key="org")
        table.add_column("Played by", key="seat")
        table.add_column("", key="now")
        self.refresh_seats()
        cards = self.query_one("#card-list", OptionList)
        cards.highlighted = 1
        self.show_card(1)
        self.show_setting()
        self.show_checkpoints()
        self.set_interval(1.0, self.show_clock)
        self.show_clock()
        self.query_one("#card-list").focus()

    def card_options(self) -> list[Option]:
        """Every card, deck by deck, under the deck's title."""
        scenario = self.game.scenario
        options: list[Option] = []
        for deck in scenario.decks:
            options.append(Option(f"[b]{escape(deck.deck.title)}[/]", disabled=True))
            options += [Option(f"  {escape(card.title)}", id=card.id) for card in deck.cards]
        return options

    # --- feedback --------------------------------------------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        box = self.query_one("#console-result", Static)
        box.update(escape(text))
        box.set_class(not error, "ok")
        box.display = True

    def send(self, move: Move, done: str) -> bool:
        try:
            outcome = self.game.facilitate(move)
        except Exception as exc:  # an engine without a rule for this move must not end the game
            self.say(f"The engine could not do this: {type(exc).__name__} {exc}", error=True)
            return False
        return self.report(outcome, done)

    # --- cards ------------------------------------------------------------------------------------------

    def show_card(self, index: int) -> None:
        scenario = self.game.scenario
        option = self.query_one("#card-list", OptionList).get_option_at_index(index)
        if option.id is None:
            return
        cid = option.id
        card = scenario.cards[cid]
        times = self.game.state.published.get(cid, 0)
        audience = ", ".join(card.audience)
        options = "\n".join(f"  {o.label}" for o in card.options)
        text = (
            f"[b]{escape(card.title)}[/]\n[dim]To: {escape(audience)} · {published(times)}[/]\n\n"
            f"{escape(card.text)}" + (f"\n\nOptions:\n{escape(options)}" if options else "")
        )
        self.query_one("#card-text", Static).update(text + "\n\n[dim]Enter: publish it now[/]")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "card-list":
            self.show_card(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "card-list" and event.option.id is not None:
            self.ask_to_publish(event.option.id, event.option_index)

    def ask_to_publish(self, cid: str, index: int) -> None:
        """Publishing applies the card's effects, so it is asked first, saying whether it was published already."""
        card = self.game.scenario.cards[cid]
        times = self.game.state.published.get(cid, 0)
        again = (
            f"It has already been {published(times)}: publishing it again applies its effects again."
            if times
            else "It has not been published yet."
        )
        text = f"“{card.title}” goes to {', '.join(card.audience)} now, and its effects apply.\n\n{again}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.send(PublishCard(actor=FACILITATOR, card=cid), f"Published “{card.title}”.")
                self.show_card(index)  # its "published" line changes

        title = "Publish this card again?" if times else "Publish this card?"
        self.app.push_screen(Confirm(title, text, yes="Publish"), answered)

    # --- rulings and figures ------------------------------------------------------------------------------

    def show_setting(self) -> None:
        setting = str(self.query_one("#setting", Select).value)
        now = self.game.state.rules.value(setting)
        self.query_one("#setting-now", Static).update(f"Now: {escape(shown_value(now))}")
        wanted = VALUES[RULE_SETTINGS[setting]].format(month=example_month(self.game.scenario.months))
        self.query_one("#ruling-value", Field).placeholder = f"new value: {wanted}"

    def on_select_changed(self, event: Select.Changed) -> None:
        match event.select.id:
            case "setting":
                self.show_setting()
            case "adjust-figure":
                self.query_one("#adjust-amount", Field).placeholder = AMOUNTS.get(str(event.value), "change")
            case "adjust-org":
                self.game.console_org = str(event.value)  # kept while the console is closed and opened again

    def make_ruling(self) -> None:
        setting = str(self.query_one("#setting", Select).value)
        value = parse_value(self.query_one("#ruling-value", Field).value)
        before = self.game.state.rules.value(setting)
        if self.send(
            MakeRuling(actor=FACILITATOR, setting=setting, value=value),
            f"Ruled: {present.words(setting)}: {shown_value(value)} (it was {shown_value(before)}).",
        ):
            self.show_setting()

    def adjust(self) -> None:
        role = str(self.query_one("#adjust-org", Select).value)
        figure = str(self.query_one("#adjust-figure", Select).value)
        amount_text = self.query_one("#adjust-amount", Field).value.strip()
        reason = self.query_one("#adjust-reason", Field).value.strip()
        if not amount_text.lstrip("-").isdigit() or int(amount_text) == 0:
            self.say("Give the change as a whole number, e.g. 500 or -3.", error=True)
            return
        if not reason:
            self.say("Give a reason: the room is told it.", error=True)
            return
        move = AdjustFigure(actor=FACILITATOR, role=role, figure=figure, amount=int(amount_text), reason=reason)
        self.send(
            move,
            f"Adjusted {present.possessive(present.short(self.game.scenario, role))} {present.figure_change(figure, int(amount_text))}.",
        )

    # --- seats and clock -----------------------------------------------------------------------------------

    def refresh_seats(self) -> None:
        game = self.game
        table = self.query_one("#seat-table", DataTable)
        row = table.cursor_row
        table.clear()
        for rid, role in game.scenario.roles.items():
            seat = game.seat_of(rid)
            shown = "[dim]computer[/]" if seat == BOT else seating.seat_title(seat)
            table.add_row(role.short_name, shown, "◀ acting now" if game.session.actor == rid else "", key=rid)
        if row is not None and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def show_clock(self) -> None:
        clock = self.game.clock
        self.query_one("#clock-text", Static).update(f"Month clock: [b]{clock.text()}[/]")
        self.query_one("#clock-toggle", Button).label = f"{'Resume' if clock.paused else 'Pause'} clock (F3)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F3 is one key shown as what it will do: pause a running clock, resume a paused one."""
        if action == "clock" and parameters and parameters[0] in ("pause", "resume"):
            return (parameters[0] == "resume") == self.game.clock.paused
        return True

    def action_clock(self, how: str) -> None:
        self.game.clock_action("toggle" if how in ("pause", "resume") else how)
        self.show_clock()
        self.refresh_bindings()

    def highlighted_org(self) -> str | None:
        table = self.query_one("#seat-table", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def reseat(self, seat: str | None) -> None:
        rid = self.highlighted_org()
        if rid is None:
            return
        game = self.game
        before = game.seat_of(rid)
        game.reseat(rid, seat)
        self.refresh_seats()
        now = game.seat_of(rid)
        who = "the computer" if now == BOT else seating.seat_title(now)
        if now == before:
            self.say(f"{present.short(game.scenario, rid)} is already played by {who}.")
        else:
            self.say(f"{present.short(game.scenario, rid)} is now played by {who}.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        game = self.game
        match event.button.id:
            case "make-ruling":
                self.make_ruling()
            case "do-adjust":
                self.adjust()
            case "clock-toggle":
                self.action_clock("toggle")
            case "clock-plus":
                self.action_clock("+5")
            case "clock-minus":
                self.action_clock("-5")
            case "take-over":
                self.reseat(FACILITATOR)
            case "to-computer":
                self.reseat(BOT)
            case "give-back":
                self.reseat(None)
            case "skip":
                actor = game.session.actor
                if actor:
                    self.report(game.skip_turn(), f"Skipped {present.short(game.scenario, actor)}'s turn.")
            case "close-phase":
                self.report(game.close_phase(), "Closed the phase: everyone still to act has passed.")
            case "save-checkpoint":
                self.save_checkpoint()
            case "take-back":
                self.action_take_back()

    def action_take_back(self) -> None:
        """Take back the facilitator's own last intervention, if nothing has been played since."""
        undone = self.game.undo_intervention()
        if not undone:
            self.say(undone.reason, error=True)
            return
        self.say(f"Took back {self.intervention(undone.move)}.")
        self.refresh_seats()
        self.show_setting()

    def intervention(self, move: Move) -> str:
        """A facilitator's move in a few words, for "Took back ..."."""
        scenario = self.game.scenario
        if isinstance(move, AdjustFigure):
            return f"the adjustment of {present.possessive(present.short(scenario, move.role))} {present.figure_change(move.figure, move.amount)}"
        if isinstance(move, MakeRuling):
            return f"the ruling on {present.words(move.setting)}"
        if isinstance(move, PublishCard):
            return (
                f"the publication of “{scenario.cards[move.card].title}”" if move.card in scenario.cards else "the card"
            )
        return "the last intervention"

    def report(self, outcome, done: str) -> bool:
        """Say what became of a console action: done, or refused and why."""
        if isinstance(outcome, Rejection):
            self.say(f"Refused: {outcome.reason}", error=True)
            return False
        self.say(done)
        self.refresh_seats()
        return True

    def on_input_submitted(self, event: Field.Submitted) -> None:
        match event.input.id:
            case "ruling-value":
                self.make_ruling()
            case "adjust-amount" | "adjust-reason":
                self.adjust()
            case "checkpoint-label":
                self.save_checkpoint()

    # --- checkpoints -------------------------------------------------------------------------------------------

    def save_checkpoint(self) -> None:
        label = self.query_one("#checkpoint-label", Field).value.strip()
        if not label:
            self.say("Give the checkpoint a label.", error=True)
            return
        try:
            path = self.game.checkpoint(label)
        except Exception as exc:  # a bad name or a full disk: say so, keep playing
            self.say(f"Not saved: {exc}", error=True)
            return
        self.say(f"Checkpoint “{label}” saved" + (f" as {path}." if path else "."))
        self.query_one("#checkpoint-label", Field).value = ""
        self.show_checkpoints()

    def show_checkpoints(self) -> None:
        marks = self.game.checkpoints
        text = "\n".join(f"• {escape(c.label)} ({escape(c.month)}, after {plural(c.after, 'move')})" for c in marks)
        self.query_one("#checkpoints", Static).update(text or "No checkpoints yet.")

    def action_next_section(self) -> None:
        tabs = self.query_one("#console-tabs", TabbedContent)
        order = ["cards", "ruling", "adjust", "seats", "checkpoint"]
        tabs.active = order[(order.index(tabs.active) + 1) % len(order)]
        first = {"cards": "#card-list", "ruling": "#setting", "adjust": "#adjust-org", "seats": "#seat-table"}
        self.query_one(first.get(tabs.active, "#checkpoint-label")).focus()

    # --- leaving ------------------------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.app.pop_screen()
        self.app.after_console()
