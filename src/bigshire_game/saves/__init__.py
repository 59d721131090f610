"""Saves: games written as readable TOML, atomically, and loaded only when they can be trusted.

A save keeps the seed, the seats, the table log and the move log (the truth) and
a snapshot of the state (for reading without the engine, and to prove the log
still replays). Each game has an id; its autosaves live in a folder of their own,
guarded by a lock so that one process writes a game at a time.
"""

from .errors import SaveError
from .load import LoadedGame, behind, branch, branch_point, load_record, read_record, table_at
from .lock import AUTOSAVE, GameInUse, GameLock
from .migrate import MIGRATIONS
from .pins import MAX_ITERATIONS, check_pin, hash_pin, hash_problem
from .read import loads
from .record import FORMAT, Checkpoint, GameRecord, checkpoint_of, dumps, record_of
from .store import (
    LATEST,
    Autosaver,
    GameSummary,
    ManyGames,
    find_save,
    games_table,
    list_games,
    list_saves,
    save_path,
    write_record,
)

__all__ = [
    "AUTOSAVE",
    "FORMAT",
    "LATEST",
    "MAX_ITERATIONS",
    "MIGRATIONS",
    "Autosaver",
    "Checkpoint",
    "GameInUse",
    "GameLock",
    "GameRecord",
    "GameSummary",
    "LoadedGame",
    "ManyGames",
    "SaveError",
    "behind",
    "branch",
    "branch_point",
    "check_pin",
    "checkpoint_of",
    "dumps",
    "find_save",
    "games_table",
    "hash_pin",
    "hash_problem",
    "list_games",
    "list_saves",
    "load_record",
    "loads",
    "read_record",
    "record_of",
    "save_path",
    "table_at",
    "write_record",
]
