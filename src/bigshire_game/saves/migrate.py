"""Older save formats, brought up to date one step at a time before a save is read.

`MIGRATIONS[n]` turns a parsed format-n file into a format-(n+1) file, so any
older save reaches `FORMAT` by a chain of small, separately tested steps.
`MOVED[n]` says where a key of the new file came from in the old one, so a
problem found later is still reported at the line the file really has.

Format 0 never shipped: it is a save without `label` and `file_hashes`.
Format 1 kept checkpoints in `[[checkpoints]]` and nothing else of the table.
Format 2 said why an item was on an agenda only in its words, not by its `kind`; it also named the plan an
`AssessPlan` move judges `consortium`, before trusts' plans were judged too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from ..clock import ClockState
from .record import FORMAT

Raw = dict[str, Any]
KeyPath = tuple[str | int, ...]


def _from_0(raw: Raw) -> tuple[Raw, str]:
    save = dict(raw["save"])
    save.setdefault("label", "")
    save.setdefault("file_hashes", {})  # unknown: a changed scenario cannot name its changed files
    save["format"] = 1
    return {**raw, "save": save}, "it was saved before saves named their scenario's files"


def derived_game_id(save: Raw) -> str:
    """The id an old save's game gets: the same file always gives the same id, so every autosave of one
    old game (same seed, same `created` and label) is recognised as that game."""
    key = "\n".join(str(save.get(k, "")) for k in ("scenario", "seed", "created", "label"))
    return "f1" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]


_NEW_NAMES = {"moves": "after"}


def _from_1(raw: Raw) -> tuple[Raw, str]:
    save = dict(raw["save"])
    save["game"] = derived_game_id(save)
    save.setdefault("name", "")
    save["format"] = 2
    out = {k: v for k, v in raw.items() if k != "checkpoints"}
    checkpoints = raw.get("checkpoints", [])
    log = [
        {"kind": "checkpoint", **{_NEW_NAMES.get(k, k): v for k, v in c.items()}}
        if isinstance(c, dict)
        else c  # left for the reader to refuse, at its line
        for c in (checkpoints if isinstance(checkpoints, list) else [checkpoints])
    ]
    # Format 1 let an undo after a checkpoint leave the checkpoint past the end of the log, which made every
    # later autosave unreadable: such checkpoints are dropped, and the note names them.
    moves = raw.get("moves")
    count = len(moves) if isinstance(moves, list) else None
    past = [
        c
        for c in log
        if count is not None and isinstance(c, dict) and isinstance(c.get("after"), int) and c["after"] > count
    ]
    log = [c for c in log if not any(c is p for p in past)]
    state = raw.get("state")
    turn = state.get("turn", 0) if isinstance(state, dict) else 0
    turn = turn if isinstance(turn, int) and not isinstance(turn, bool) else 0
    clock = ClockState(paused=True)
    table = {
        "news_shown": turn,  # an old save resumes at the curtain: the month's news was seen
        "reported": turn,
        "clock": {"minutes": clock.minutes, "remaining": clock.remaining, "paused": clock.paused},
        "log": log,
    }
    dropped = (
        "; the checkpoint"
        + ("s " if len(past) > 1 else " ")
        + ", ".join(f'"{c.get("label", "")}"' for c in past)
        + " pointed past the end of its move log (after an undo, in earlier versions) and "
        + ("were" if len(past) > 1 else "was")
        + " dropped"
        if past
        else ""
    )
    return {**out, "save": save, "table": table}, (
        "its checkpoints are now entries of the table log; the game has the id "
        f'"{save["game"]}"; it resumes at the seat whose turn it was, with the clock paused{dropped}'
    )


AGENDA_KINDS_SINCE = 3
"""Saves older than this told their agenda items' kinds from their words; loading takes them from the log."""

# Format 2's own wordings of the items the engine put on agendas (whole, or how they began and ended).
_ENGINE_WORDS = (
    ("Financial plan not credible", None, "plan_assessment"),  # also a trigger's title in the built-in scenario
    ("No financial plan by the deadline", None, "missing_plan"),
    ("Rated inadequate on inspection (", ")", "inspection"),
    ("Bid for transitional funding: ", "", "funding_bid"),
    ("Competition review of the proposed ", "", "competition_review"),
    ("Undeclared conflict of interest: ", "", "conflict"),
    ("Contract with ", " not signed by the deadline", "unsigned_contract"),
    ("Referred by ", "", "referral"),
    ("Joint review with ", "", "joint_review"),
    ("Registration of the new ", "", "registration"),
)


def agenda_item_kind(item: Raw, requests: Raw) -> str:
    """Why a format-2 agenda item was there, from what the file holds. A concern or a bid was stored just
    before its item (ids count up together), so the request numbered one below the item names it; the
    engine's own items are told by their words; the rest came from a ladder's trigger (they name a ladder)
    or from an agenda effect. A trigger titled in the engine's words reads as the engine's item: loading
    replays the log, and keeps the kind the log gives."""
    gid, regulator, subject, reason = (item.get(k) for k in ("id", "regulator", "subject", "reason"))
    number = gid[1:] if isinstance(gid, str) else ""
    before = requests.get(f"R{int(number) - 1}") if number.isdigit() else None
    if isinstance(before, dict) and before.get("to") == [regulator]:
        if before.get("kind") == "concern" and before.get("about") == subject:
            return "concern"
        if before.get("kind") == "funding" and before.get("source") == subject:
            return "funding_bid"
    reason = reason if isinstance(reason, str) else ""
    for begins, ends, kind in _ENGINE_WORDS:
        if (reason == begins) if ends is None else (reason.startswith(begins) and reason.endswith(ends)):
            return kind
    return "trigger" if item.get("ladder") else "effect"


_RENAMED_IN_MOVES = {"AssessPlan": {"consortium": "submitter"}}  # format 2 -> 3: move -> {old key: new key}


def _from_2(raw: Raw) -> tuple[Raw, str]:
    out = {**raw, "save": {**raw["save"], "format": 3}}
    state = raw.get("state")
    agendas = state.get("agendas") if isinstance(state, dict) else None
    if isinstance(agendas, dict):
        requests = state.get("requests")
        requests = requests if isinstance(requests, dict) else {}
        kinds = {
            gid: {"kind": agenda_item_kind(item, requests), **item} if isinstance(item, dict) else item
            for gid, item in agendas.items()
        }  # anything malformed is left for the reader to refuse, at its line
        out["state"] = {**state, "agendas": kinds}
    moves = raw.get("moves")
    renamed = 0
    if isinstance(moves, list):
        new_moves = []
        for move in moves:
            keys = _RENAMED_IN_MOVES.get(move.get("move"), {}) if isinstance(move, dict) else {}
            if any(k in move for k in keys):
                move = {keys.get(k, k): v for k, v in move.items()}
                renamed += 1
            new_moves.append(move)
        out["moves"] = new_moves
    note = "its agenda items now say why they are there, told from their words and the requests behind them"
    if renamed:
        note += f"; a plan assessment names the plan's submitter, not its consortium ({renamed} in this game)"
    return out, note


MIGRATIONS: dict[int, Callable[[Raw], tuple[Raw, str]]] = {0: _from_0, 1: _from_1, 2: _from_2}

# new key path prefix -> the old one, for each step
MOVED: dict[int, dict[KeyPath, KeyPath]] = {
    1: {("table", "log"): ("checkpoints",), ("table",): ("state", "turn"), ("save", "game"): ("save",)},
}
_RENAMED_FIELDS = {1: {"after": "moves"}}
_RENAMED_MOVE_KEYS = {2: {"submitter": "consortium"}}  # new key in a move -> its name in the older format


def migrate(raw: Raw, found: int) -> tuple[Raw, list[str]]:
    """The file in the current format, and a note for each step taken.
    The caller has checked that `found` is a whole number no newer than FORMAT."""
    notes = []
    for step in range(found, FORMAT):
        raw, note = MIGRATIONS[step](raw)
        notes.append(f"this save was written in format {step} and has been read as format {step + 1}: {note}")
    return raw, notes


def original_path(path: KeyPath, found: int) -> KeyPath:
    """Where a key of the migrated file sits in a file of format `found` (the path itself if unmoved)."""
    for step in reversed(range(found, FORMAT)):
        renamed = _RENAMED_MOVE_KEYS.get(step, {})
        if path[:1] == ("moves",) and len(path) >= 3 and path[2] in renamed:
            path = (*path[:2], renamed[path[2]], *path[3:])
        for new, old in MOVED.get(step, {}).items():
            if path[: len(new)] == new:
                rest = path[len(new) :]
                if new == ("table", "log") and len(rest) >= 2:
                    rest = (rest[0], _RENAMED_FIELDS[step].get(rest[1], rest[1]), *rest[2:])
                elif new != ("table", "log"):
                    rest = ()
                path = (*old, *rest)
                break
    return path


def readable(found: int) -> bool:
    """Whether a chain of migrations leads from this format to the current one."""
    return found == FORMAT or (0 <= found < FORMAT and all(step in MIGRATIONS for step in range(found, FORMAT)))
