"""Loading a save a trainer can trust: the right scenario, a move log that still replays, and a
snapshot that the log reproduces. Every refusal is `file:line: reason`; nothing is ever written.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import attrs
from attrs import define

from ..clock import ClockState
from ..content import ContentError, Scenario, installed_scenarios, load_scenario, read_scenario
from ..content.diagnostics import KeyPath, dotted, suggest
from ..content.guards import FileRefused, read_capped
from ..engine.replay import ReplayRefused
from ..session import BOT, Session, Table
from ..state import FACILITATOR, GameState, evolve
from . import layout
from .errors import SaveError, shown
from .lock import AUTOSAVE
from .migrate import AGENDA_KINDS_SINCE
from .read import MAX_SAVE_BYTES, Parsed, parse_bytes
from .record import GameRecord
from .store import LATEST, SUFFIX, find_save


@define
class LoadedGame:
    """A save as loaded: `session` is the game rebuilt from its log, or None when opened read-only.
    To play on, give the session an `on_change` (an Autosaver) and call its `run()`."""

    record: GameRecord
    session: Session | None
    warnings: list[str]
    read_only: bool
    scenario: Scenario
    path: Path
    parsed: Parsed


@lru_cache(maxsize=4)
def _installed(root: str) -> Scenario:
    return load_scenario(root)


def scenario_of(parsed: Parsed) -> Scenario:
    """The scenario a save was played with, found again without being told: the folder it was played
    from when it still holds that scenario, else the installed scenario of that name."""
    record = parsed.record
    folder = record.scenario_folder
    if folder:
        found, _ = read_scenario(folder)
        if found is not None and found.id == record.scenario:
            return found
    installed = installed_scenarios()
    if record.scenario in installed:
        try:
            return _installed(str(installed[record.scenario]))
        except ContentError:
            pass
    where = f" from the folder {folder}," if folder else ","
    reason = (
        f'save.scenario: this game was played with the scenario "{record.scenario}"{where} which is not installed '
        f"here{' and no longer in that folder' if folder else ''}; give its folder with --scenario DIR"
    )
    raise parsed.error(("save", "scenario"), reason)


def load_record(
    path: str | os.PathLike[str],
    scenario: Scenario | None = None,
    replay: bool = True,
    saves_dir: str | os.PathLike[str] = "saves",
) -> LoadedGame:
    """Load a save (a path, a name in `saves_dir`, "latest", or a game's name or id), replaying its log to
    rebuild the game and its table. With `replay=False` the snapshot is opened read-only, as saved, even if
    the scenario has changed since; what cannot be shown with this scenario is refused, never a crash."""
    file = find_save(path, saves_dir)
    parsed = _read(file)
    record = parsed.record
    scenario = scenario or scenario_of(parsed)
    if record.scenario != scenario.id:
        reason = (
            f'save.scenario: this game was played with the scenario "{record.scenario}", but the scenario loaded is '
            f'"{scenario.id}" ({scenario.title}); give the right scenario folder with --scenario'
        )
        raise parsed.error(("save", "scenario"), reason)
    changed = record.content_hash != scenario.content_hash
    warnings = list(parsed.notes)
    if changed:
        warnings.append(_changes(record.file_hashes, scenario.file_hashes))
    if not replay:
        warnings += (problem.reason for problem in _seat_problems(parsed, scenario))
        _check_snapshot(parsed, scenario)
        warnings.append("opened read-only: this is the position as saved; its moves were not replayed")
        return LoadedGame(record, None, warnings, True, scenario, file, parsed)
    for problem in _seat_problems(parsed, scenario):
        raise problem
    session = _replay(parsed, scenario, changed, len(record.moves))
    reached = attrs.evolve(session.state, content_hash=record.snapshot.content_hash) if changed else session.state
    if parsed.found < AGENDA_KINDS_SINCE:
        record = attrs.evolve(record, snapshot=_agenda_kinds_from(record.snapshot, reached))
    if reached != record.snapshot:
        path, saved, now = _first_difference(record.snapshot, reached)
        where = dotted(("state", *path))
        if not changed:
            reason = (
                f"the saved position does not match its own move log (edited by hand?): {where} is {saved} "
                f"in the file, but replaying the moves gives {now}"
            )
            raise parsed.error(("state", *path), reason)
        warnings.append(
            f"replayed against the changed scenario, the game ends in a different position from the one saved "
            f"(first difference: {where} was {saved}, is now {now}, line {parsed.line(('state', *path))}); "
            "open it read-only to see the position as saved"
        )
    return LoadedGame(record, session, warnings, False, scenario, file, parsed)


def read_record(path: str | os.PathLike[str], saves_dir: str | os.PathLike[str] = "saves") -> GameRecord:
    """The record in a save file, checked as a file only (no scenario, no replay): for listings."""
    return _read(find_save(path, saves_dir)).record


def _read(file: Path) -> Parsed:
    try:
        data = read_capped(file, MAX_SAVE_BYTES, "save")
    except FileRefused as exc:
        raise SaveError(file, 0, str(exc)) from None
    return parse_bytes(data, shown(file))


def branch(loaded: LoadedGame, at: str | int) -> Session:
    """The game replayed to a checkpoint (by label) or to a move count, with its table as it was then (seats,
    takeovers, checkpoints and PINs); the save it came from is untouched. It keeps the game's id: call
    `.branched(name)` on it to make it a game of its own, and save it under a new name to keep it."""
    count = branch_point(loaded, at)
    changed = loaded.record.content_hash != loaded.scenario.content_hash
    return _replay(loaded.parsed, loaded.scenario, changed, count)


def branch_point(loaded: LoadedGame, at: str | int) -> int:
    """How many moves of the log a checkpoint label or a move number stands for."""
    record = loaded.record
    total = len(record.moves)
    if isinstance(at, str):
        labels = {c.label: c.moves for c in record.checkpoints}
        folded = {c.label.casefold(): c.moves for c in record.checkpoints}
        if at in labels or at.casefold() in folded:
            return labels.get(at, folded.get(at.casefold(), 0))
        if not at.strip().isdigit():
            known = ", ".join(f'"{c.label}"' for c in record.checkpoints)
            listed = f"its checkpoints are {known}" if known else "it has no checkpoints"
            raise SaveError(
                loaded.path,
                0,
                f'there is no checkpoint "{at}" in this save: {listed}, or give a move number from 0 to {total}',
            )
        at = int(at)
    if not 0 <= at <= total:
        raise SaveError(loaded.path, 0, f"there is no move {at} in this save: give a move number from 0 to {total}")
    return at


# --- replaying and comparing ------------------------------------------------------------------------


def table_at(record: GameRecord, count: int) -> tuple[dict[str, str], Table]:
    """The seats and the table as they were after `count` moves: later seat changes are undone, later entries
    dropped, and the clock starts the month again, paused."""
    seats = dict(record.seats)
    table = record.table
    if count >= len(record.moves):
        return seats, table
    later = [entry for entry in record.table_log if entry.after > count]
    for entry in reversed(later):
        if entry.role and entry.previous:
            seats[entry.role] = entry.previous
    return seats, attrs.evolve(
        table,
        log=tuple(entry for entry in record.table_log if entry.after <= count),
        clock=ClockState(minutes=table.clock.minutes, remaining=table.clock.minutes * 60, paused=True),
    )


def _replay(parsed: Parsed, scenario: Scenario, changed: bool, count: int) -> Session:
    record = parsed.record
    seats, table = table_at(record, count)
    try:
        session = Session.replay(scenario, record.seed, seats, record.moves[:count], table=table)
    except ReplayRefused as refused:  # the engine refused or failed on a move: say which, in words
        number, move, why = refused.number, refused.move, refused.reason
    else:
        if count < len(record.moves):  # a branch point: the room sees that month's news again
            turn = session.state.turn
            session.shown(news=min(session.news_shown, turn - 1), reported=min(session.reported, turn))
        return session
    who = scenario.roles[move.actor].short_name if move.actor in scenario.roles else move.actor
    what = f"move {number} ({move.name} by {who})"
    if changed:
        reason = (
            f"the scenario has changed since this game was saved, and replaying the moves against it diverges at "
            f"{what}, which is now refused: {why.rstrip('.')}; open it read-only to see the position as saved"
        )
    else:
        reason = f"{what} cannot be replayed (edited by hand?): {why.rstrip('.')}"
    raise parsed.error(("moves", number - 1), reason)


def _seat_problems(parsed: Parsed, scenario: Scenario) -> list[SaveError]:
    """The seats, PINs and table log checked against the scenario's organisations."""
    record = parsed.record
    roles = scenario.roles
    problems: list[SaveError] = []
    for role, seat in record.seats.items():
        if role not in roles:
            hint = suggest(role, roles) or f" Its organisations are: {', '.join(roles)}."
            problems.append(
                parsed.problem(("seats", role), f'there is no organisation "{role}" in {scenario.title}.{hint}')
            )
        elif not seat.strip():
            problems.append(parsed.problem(("seats", role), f'a seat needs a name ("{BOT}" for the computer)'))
    missing = [role for role in roles if role not in record.seats]
    if missing:
        names = ", ".join(f"{roles[r].short_name} ({r})" for r in missing)
        problems.append(parsed.problem(("seats",), f"no seat is given for {names}: every organisation needs one"))
    sat = {FACILITATOR, *record.seats.values()}
    for entry in record.table_log:
        sat.update((entry.seat, entry.previous))
    for seat in record.pins:
        if seat == BOT:
            problems.append(parsed.problem(("pins", seat), "the computer has no PIN"))
        elif seat not in sat:
            problems.append(parsed.problem(("pins", seat), f'no organisation is or was held by the seat "{seat}"'))
    for i, entry in enumerate(record.table_log):
        if entry.role and entry.role not in roles:
            problems.append(
                parsed.problem(
                    ("table", "log", i, "role"), f'there is no organisation "{entry.role}" in {scenario.title}'
                )
            )
    return problems


def _check_snapshot(parsed: Parsed, scenario: Scenario) -> None:
    """A snapshot opened without replaying must at least fit the scenario it is shown with."""
    state = parsed.record.snapshot
    bounds = (
        ("turn", len(scenario.turns), "turns"),
        ("phase", len(scenario.info.phases), "phases"),
        ("month_index", len(scenario.months), "months"),
    )
    for key, size, what in bounds:
        value = getattr(state, key)
        if not 0 <= value < size:
            raise parsed.problem(("state", key), f"{value} is outside the scenario's {size} {what} (0 to {size - 1})")
    roles = scenario.roles
    for i, role in enumerate(state.queue):
        if role not in roles:
            raise parsed.problem(("state", "queue", i), f'there is no organisation "{role}" in {scenario.title}')
    for role, org in state.orgs.items():
        if role not in roles or org.id != role:
            raise parsed.problem(("state", "orgs", role), f'there is no organisation "{role}" in {scenario.title}')
    missing = [role for role in roles if role not in state.orgs]
    if missing:
        raise parsed.problem(("state", "orgs"), f"the position has no figures for {', '.join(missing)}")
    for key, agreement in state.agreements.items():
        for party in agreement.parties:
            if party not in roles:
                raise parsed.problem(
                    ("state", "agreements", key, "parties"), f'there is no organisation "{party}" in {scenario.title}'
                )


def _agenda_kinds_from(saved: GameState, reached: GameState) -> GameState:
    """An older save's agenda items with the kinds its log gives them: their kinds were told from their words,
    which two kinds of item can share."""
    agendas = {
        gid: evolve(item, kind=reached.agendas[gid].kind) if gid in reached.agendas else item
        for gid, item in saved.agendas.items()
    }
    return evolve(saved, agendas=agendas)


def _first_difference(saved: object, now: object) -> tuple[KeyPath, str, str]:
    """The first key where two states differ, with both values written as in the file."""
    missing = object()

    def walk(a: object, b: object, path: KeyPath) -> tuple[KeyPath, object, object] | None:
        if isinstance(a, dict) and isinstance(b, dict):
            for k in [*a, *(k for k in b if k not in a)]:
                found = walk(a.get(k, missing), b.get(k, missing), (*path, k))
                if found:
                    return found
            return None
        if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                found = walk(x, y, (*path, i))
                if found:
                    return found
            return None
        return None if a == b else (path, a, b)

    found = walk(attrs.asdict(saved), attrs.asdict(now), ())
    assert found is not None, "the states differ, so some key differs"
    path, a, b = found
    return path, _shown_value(a, missing), _shown_value(b, missing)


def _shown_value(v: object, missing: object) -> str:
    if v is missing:
        return "absent"
    if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values()):
        return f"a table of {len(v)}"
    text = layout.value(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _changes(saved: dict[str, str], now: dict[str, str]) -> str:
    """Which of the scenario's files changed since the save, in one sentence."""
    if not saved:
        return "the scenario has changed since this game was saved (this save does not record which files)"
    changed = sorted(k for k in saved.keys() & now.keys() if saved[k] != now[k])
    added, removed = sorted(now.keys() - saved.keys()), sorted(saved.keys() - now.keys())
    parts = [
        f"{word} {', '.join(files)}"
        for word, files in (("changed", changed), ("added", added), ("removed", removed))
        if files
    ]
    if not parts:
        return "the save's content hash does not match the scenario, although every file is the same (was it edited?)"
    return "the scenario has changed since this game was saved: " + "; ".join(parts)


def behind(loaded: LoadedGame, saves_dir: str | os.PathLike[str]) -> bool:
    """Whether the game has moved on since this save (its latest autosave holds moves this one does not):
    playing on from it must then be a new game, or its first autosave would overwrite the later moves."""
    latest = Path(saves_dir) / AUTOSAVE / loaded.record.game / f"{LATEST}{SUFFIX}"
    try:
        if not latest.is_file() or latest.resolve() == loaded.path.resolve():
            return False
        later = read_record(latest, saves_dir)
    except (SaveError, OSError):
        return False
    mine = loaded.record.moves
    return later.moves[: len(mine)] != mine or len(later.moves) > len(mine)
