"""A new game: scenario, seed, and who plays each organisation — a named seat, the computer or the facilitator.

One seat may hold several organisations; each seat may have a four-digit PIN,
kept only as a hash. The form's choices live here until Start; the game's
state begins when the session does.
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen
from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from ...content.labels import kind_label
from ...session import BOT, Session
from ...state import FACILITATOR
from .. import seating
from ..launch import MAX_NAME
from ..widgets.field import Field
from ..widgets.header import GameHeader


def clipped(text: str, width: int) -> str:
    """`text` in `width` cells, ending in "…" when it does not fit, so a cut-off word shows it was cut."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


@frozen
class Branch:
    """A game replayed to a point in review, waiting for its seats."""

    session: Session
    pins: dict[str, str]
    label: str
    point: str


class SetupScreen(Screen[None]):
    CSS_PATH = "setup.tcss"
    BINDINGS = [
        Binding("enter,space", "cycle", "Next seat", show=False),
        Binding("n", "new_seat", "Own seat"),
        Binding("c", "assign('computer')", "Computer"),
        Binding("f", "assign('facilitator')", "Facilitator"),
        Binding("1,2,3,4,5,6,7,8,9", "number", "Seat 1-9", show=False),
        Binding("ctrl+s,f5", "start", "Start game"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, branch: Branch | None = None) -> None:
        """With `branch`, the form seats people for a game played on from a review, instead of a new game."""
        super().__init__()
        self.branch = branch
        given = {r: s for r, s in branch.session.seats.items() if s != BOT} if branch else {}
        self.seats: dict[str, str] = given  # role -> seat, for the roles given to people
        self.seat_names: list[str] = [s for s in dict.fromkeys(given.values()) if s != FACILITATOR]
        self.pins: dict[str, str] = dict(branch.pins) if branch else {}  # seat -> hash
        self.scenario_dir: Path | None = self.app_launch_dir()

    def app_launch_dir(self) -> Path | None:
        try:
            return self.app.chosen_dir
        except Exception:
            return None

    def scenario_text(self) -> str:
        """The chosen scenario as the form shows it: its installed name, else its folder (empty: built-in)."""
        from ...content import installed_name

        if self.scenario_dir is None:
            return ""
        return installed_name(self.scenario_dir) or str(self.scenario_dir)

    def wanted_dir(self, text: str) -> Path | bool | None:
        """The folder of the scenario typed (None: built-in), or False after saying why there is none."""
        from ...content import UnknownScenario, find_scenario

        text = text.strip()
        if not text:
            return None
        try:
            return find_scenario(text)
        except UnknownScenario as exc:
            self.notify(str(exc)[:400], severity="error", timeout=10)
            return False

    def compose(self) -> ComposeResult:
        yield GameHeader(f"Play on from {self.branch.point}" if self.branch else "New game", clock=False)
        with Horizontal(id="setup-body"):
            with Vertical(id="setup-left"):
                with Vertical(id="game-box", classes="panel") as box:
                    box.display = self.branch is None
                    box.border_title = "Game"
                    yield Static("Scenario (empty: built-in)", classes="hint")
                    yield Field(self.scenario_text(), placeholder="built-in", id="scenario")
                    yield Static("Seed (same seed, same game)", classes="hint")
                    yield Field(str(self.app.launch.seed), id="seed", restrict=r"\d*", max_length=9)
                    yield Static("Game name (optional)", classes="hint")
                    yield Field(
                        self.app.launch.name, placeholder="e.g. Tuesday group", id="game-name", max_length=MAX_NAME
                    )
                with Vertical(id="seats-box", classes="panel") as box:
                    box.border_title = "Seats"
                    yield Static(id="seat-list")
                    yield Field(placeholder="New seat's name, e.g. Alice", id="seat-name", max_length=24)
                    yield Field(
                        placeholder="its PIN (4 digits, optional)",
                        id="seat-pin",
                        password=True,
                        restrict=r"\d*",
                        max_length=4,
                    )
                    yield Field(
                        placeholder="facilitator's PIN (optional)",
                        id="facilitator-pin",
                        password=True,
                        restrict=r"\d*",
                        max_length=4,
                    )
                yield Button("Start the game (Ctrl+S)", id="start", variant="primary", compact=True)
            with Vertical(id="orgs-box", classes="panel") as box:
                box.border_title = "Organisations — who plays each"
                yield DataTable(id="orgs", cursor_type="row", zebra_stripes=True)
                yield Static(id="org-detail", classes="hint")
                yield Static(
                    "Enter: next seat · n: a seat of its own · c: computer · f: facilitator · 1-9: seat number",
                    classes="hint",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.load_roles()
        self.show_seats()
        self.query_one("#orgs", DataTable).focus()
        self.call_after_refresh(self.fill_table)  # again once the table knows its width

    def load_roles(self) -> bool:
        try:
            scenario = self.app.scenario(self.scenario_dir)
        except Exception as exc:  # content errors: say so and keep the form
            self.notify(f"Cannot read that scenario: {exc}"[:400], severity="error", timeout=10)
            return False
        self.scenario = scenario
        self.seats = {r: s for r, s in self.seats.items() if r in scenario.roles}
        self.fill_table()
        return True

    def fill_table(self) -> None:
        """The organisations with who plays each and their kind; a kind too long for the room left ends in "…",
        and the line under the table gives the highlighted one in full."""
        table = self.query_one("#orgs", DataTable)
        roles = self.scenario.roles
        kept = self.current_role()
        names = max((len(r.short_name) for r in roles.values()), default=12)
        seats = max((Text.from_markup(self.played_by(rid)).cell_len for rid in roles), default=9)
        kinds = max((len(kind_label(self.scenario, r.kind)) for r in roles.values()), default=4)
        room = table.scrollable_content_region.width - 6 * table.cell_padding - names - seats
        width = max(6, min(kinds, room)) if table.scrollable_content_region.width else kinds
        table.clear(columns=True)
        table.add_column("Organisation", key="org")
        table.add_column("Played by", key="seat")
        table.add_column("Kind", key="kind", width=width)
        for rid, role in roles.items():
            table.add_row(
                role.short_name, self.played_by(rid), clipped(kind_label(self.scenario, role.kind), width), key=rid
            )
        if kept in roles:
            table.move_cursor(row=list(roles).index(kept))
        self.show_detail()

    def show_detail(self) -> None:
        rid = self.current_role()
        if rid is None:
            return
        role = self.scenario.roles[rid]
        self.query_one("#org-detail", Static).update(
            f"[b]{escape(role.name)}[/]: {escape(kind_label(self.scenario, role.kind))}"
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill_table)

    # --- showing the choices ---------------------------------------------------------------------

    def played_by(self, rid: str) -> str:
        seat = self.seats.get(rid, BOT)
        if seat == BOT:
            return "[dim]computer[/]"
        if seat == FACILITATOR:
            return "[b]facilitator[/]"
        return f"[b]{self.seat_names.index(seat) + 1}. {escape(seat)}[/]"

    def show_seats(self) -> None:
        lines = []
        for i, name in enumerate(self.seat_names, 1):
            orgs = [self.scenario.roles[r].short_name for r, s in self.seats.items() if s == name]
            lock = " 🔒" if name in self.pins else ""
            lines.append(f"{i}. [b]{name}[/]{lock}: {', '.join(orgs) or '[dim]nothing yet[/]'}")
        facilitated = [self.scenario.roles[r].short_name for r, s in self.seats.items() if s == FACILITATOR]
        if facilitated or FACILITATOR in self.pins:
            lock = " 🔒" if FACILITATOR in self.pins else ""
            lines.append(f"F. [b]facilitator[/]{lock}: {', '.join(facilitated) or '[dim]console only[/]'}")
        self.query_one("#seat-list", Static).update(
            "\n".join(lines) or "[dim]No seats yet: add one below, or press n on an organisation.[/]"
        )
        self.fill_table()

    def current_role(self) -> str | None:
        table = self.query_one("#orgs", DataTable)
        if not table.row_count or not table.is_valid_coordinate(table.cursor_coordinate):
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # --- changing them -----------------------------------------------------------------------------

    def set_seat(self, seat: str) -> None:
        rid = self.current_role()
        if rid is None:
            return
        if seat == BOT:
            self.seats.pop(rid, None)
        else:
            self.seats[rid] = seat
        self.show_seats()

    def action_assign(self, seat: str) -> None:
        self.set_seat(seat)

    def action_number(self) -> None:
        pass  # replaced per key in on_key, so the footer shows one entry for nine keys

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit() and self.focused is self.query_one("#orgs"):
            n = int(event.character)
            if 1 <= n <= len(self.seat_names):
                self.set_seat(self.seat_names[n - 1])
            event.stop()

    def action_cycle(self) -> None:
        if not isinstance(self.focused, DataTable):
            return
        rid = self.current_role()
        if rid is None:
            return
        order = [BOT, *self.seat_names, FACILITATOR]
        now = self.seats.get(rid, BOT)
        self.set_seat(order[(order.index(now) + 1) % len(order)] if now in order else BOT)

    def action_new_seat(self) -> None:
        rid = self.current_role()
        if rid is None:
            return
        name = self.scenario.roles[rid].short_name
        if name not in self.seat_names:
            self.seat_names.append(name)
        self.set_seat(name)

    def on_input_submitted(self, event: Field.Submitted) -> None:
        field = event.input.id
        if field == "scenario":
            wanted = self.wanted_dir(event.value)
            if wanted is False:
                return
            self.scenario_dir = wanted
            if self.load_roles():
                self.show_seats()
                self.notify(f"{self.scenario.title}: {len(self.scenario.roles)} organisations.")
        elif field in ("seat-name", "seat-pin"):
            self.add_seat()
        elif field == "facilitator-pin":
            if self.set_pin(FACILITATOR, event.value):
                event.input.value = ""
                self.show_seats()
        elif field in ("seed", "game-name"):
            self.query_one("#orgs").focus()

    def add_seat(self) -> bool:
        """The seat typed in the name and PIN fields, added (or its PIN set); False, with the reason, if it cannot be."""
        name_box = self.query_one("#seat-name", Field)
        pin_box = self.query_one("#seat-pin", Field)
        name = name_box.value.strip()
        if not name:
            if pin_box.value:
                self.notify("Give the seat a name for that PIN.", severity="warning")
            name_box.focus()
            return False
        if name in (BOT, FACILITATOR):
            self.notify(f"“{name}” is kept for the {name}; choose another name.", severity="warning")
            name_box.focus()
            return False
        if pin_box.value and not self.set_pin(name, pin_box.value):
            pin_box.focus()
            return False
        if name not in self.seat_names:
            self.seat_names.append(name)
        name_box.value = pin_box.value = ""
        self.show_seats()
        self.query_one("#orgs").focus()
        number = self.seat_names.index(name) + 1
        self.notify(f"Seat {number}: {name}. Choose its organisations with {number} or Enter.")
        return True

    def take_typed(self) -> bool:
        """Count whatever is typed in the form's fields, however the form is submitted (Enter in a field,
        Ctrl+S, F5 or the button); False, with the reason shown, when something typed cannot be used."""
        if self.branch is None:
            wanted = self.wanted_dir(self.query_one("#scenario", Field).value)
            if wanted is False:
                return False
            if wanted != self.scenario_dir:
                self.scenario_dir = wanted
                if not self.load_roles():
                    return False
                self.show_seats()
                self.notify(f"{self.scenario.title}: {len(self.scenario.roles)} organisations.")
                return False  # a different scenario: its organisations need seats before the game starts
        name = self.query_one("#seat-name", Field).value.strip()
        if name or self.query_one("#seat-pin", Field).value:
            if not self.add_seat():
                return False
            if name not in self.seats.values():
                return False  # a new seat with nothing to play yet: add_seat has said how to give it some
        pin_box = self.query_one("#facilitator-pin", Field)
        if pin_box.value:
            if not self.set_pin(FACILITATOR, pin_box.value):
                pin_box.focus()
                return False
            pin_box.value = ""
            self.show_seats()
        return True

    def set_pin(self, seat: str, pin: str) -> bool:
        if not pin:
            return True
        if not seating.valid_pin(pin):
            self.notify("A PIN is four digits.", severity="warning")
            return False
        self.pins[seat] = seating.hash_pin(pin)
        return True

    # --- starting ---------------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def action_start(self) -> None:
        if not self.take_typed():
            return
        seed_text = self.query_one("#seed", Field).value.strip()
        if not seed_text.isdigit():
            self.notify("The seed is a whole number.", severity="warning")
            return
        if not any(seating.is_person(s) for s in self.seats.values()):
            self.notify("Give at least one organisation to a seat (press n on it) before starting.", severity="warning")
            return
        seats = {rid: seat for rid, seat in self.seats.items() if seat != BOT}
        pins = {seat: h for seat, h in self.pins.items() if seat in seats.values() or seat == FACILITATOR}
        if self.branch is not None:
            session = self.branch.session
            session.seats = {rid: seats.get(rid, BOT) for rid in session.scenario.roles}
            self.app.play_on(session, pins, self.branch.label, news=True)
            return
        name = " ".join(self.query_one("#game-name", Field).value.split())  # one line, single spaces
        self.app.launch.seed = int(seed_text)
        self.app.new_game(self.scenario, int(seed_text), seats, pins, name=name)

    def action_back(self) -> None:
        if self.branch is not None:
            self.dismiss()
        else:
            self.app.show_title()
