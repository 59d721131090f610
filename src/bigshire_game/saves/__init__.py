"""Saves: games written as readable TOML, atomically, and loaded only when they can be trusted.

A save keeps the seed, the seats and the move log (the truth) and a snapshot of
the state (for reading without the engine, and to prove the log still replays).
"""

from .errors import SaveError
from .load import LoadedGame, branch, branch_point, load_record, read_record
from .migrate import MIGRATIONS
from .pins import check_pin, hash_pin
from .read import loads
from .record import FORMAT, Checkpoint, GameRecord, checkpoint_of, dumps, record_of
from .store import Autosaver, find_save, list_saves, save_path, write_record

__all__ = [
    "FORMAT",
    "MIGRATIONS",
    "Autosaver",
    "Checkpoint",
    "GameRecord",
    "LoadedGame",
    "SaveError",
    "branch",
    "branch_point",
    "check_pin",
    "checkpoint_of",
    "dumps",
    "find_save",
    "hash_pin",
    "list_saves",
    "load_record",
    "loads",
    "read_record",
    "record_of",
    "save_path",
    "write_record",
]
