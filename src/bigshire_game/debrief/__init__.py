"""The debrief: an observer's account of a game, or of part of one, for the group to read afterwards.

It narrates events and compares two states; it never guesses. `build_debrief` makes a
`Debrief` (plain data) from a scenario, the events of the period and the states at its two
ends; `to_markdown` and `to_text` write it out. `month_changes` gives the sentences for one
month (the terminal game's month report; `month_account` also counts what a limit left out),
`compare_branches` tells two branches of one game apart from the move where they part, and
`debrief_games` does either from saved move logs.

Sentences come from content/narrative.toml through `narrative`; this package decides what is
worth telling, gathers like events, and measures the observer themes, some of them on a graph of
who asked, met and allied with whom (`graph`, which also gives the hubs and the isolated).
"""

from .branches import compare_branches, fork_index
from .building import build_debrief, month_account, month_changes
from .games import DebriefError, Game, at_table, debrief_games, replay
from .markdown import to_markdown
from .model import Accounts, Branch, BranchDebrief, Debrief, Item, Month, Network, Note, OrgStory, Row, Standing
from .notes import measure
from .organisations import _unanswered
from .selection import BOOKKEEPING, TALK, at_month_end, knows_books, published, worth_telling
from .text import to_text

__all__ = [
    "BOOKKEEPING",
    "TALK",
    "Accounts",
    "Branch",
    "BranchDebrief",
    "Debrief",
    "DebriefError",
    "Game",
    "Item",
    "Month",
    "Network",
    "Note",
    "OrgStory",
    "Row",
    "Standing",
    "_unanswered",
    "at_month_end",
    "at_table",
    "build_debrief",
    "compare_branches",
    "debrief_games",
    "fork_index",
    "knows_books",
    "measure",
    "month_account",
    "month_changes",
    "published",
    "replay",
    "to_markdown",
    "to_text",
    "worth_telling",
]
