"""The debrief as plain data: what the builders make and the renderers write out."""

from __future__ import annotations

from attrs import frozen


@frozen
class Accounts:
    """An organisation's money as published: what anyone at the table may know of it."""

    balance: int | None
    """The balance as the last month closed (the opening balance before the first); None when the
    events given do not reach back to a month end."""
    results: tuple[int, ...] = ()
    """Each month's result (surplus or deficit), month by month, as each month closed."""
    balances: tuple[int, ...] = ()
    """The balance as each month closed."""


@frozen
class Row:
    """One organisation then and now, in words ready for a table."""

    name: str
    money_then: str
    money_now: str
    quality: str
    status: str
    agreements: str


@frozen
class OrgStory:
    name: str
    full_name: str
    group: str  # Commissioners | Providers | System bodies
    summary: tuple[str, ...]
    moved_by: tuple[str, ...]  # for a system body, what it did
    more: int


@frozen
class Item:
    """A sentence, with what followed from it told beneath."""

    text: str
    then: tuple[str, ...] = ()


@frozen
class Month:
    label: str
    items: tuple[Item, ...]
    more: int = 0


@frozen
class Note:
    """An observer theme that held, with its figure and the events behind it."""

    title: str
    text: str
    evidence: tuple[str, ...]
    more: int


@frozen
class Standing:
    """An organisation's place among the others, at the centre or at the edge: a sentence and the events behind it."""

    name: str
    text: str
    evidence: tuple[str, ...]
    more: int


@frozen
class Network:
    """Who talked to whom: the hubs, the isolated, and the organisations with no dealings at all."""

    intro: str = ""  # what was counted, and whose view it is
    hubs: tuple[Standing, ...] = ()
    isolated: tuple[Standing, ...] = ()
    silent: tuple[str, ...] = ()  # names, in the scenario's order


@frozen
class Debrief:
    title: str
    period: str
    viewpoint: str
    headline: tuple[str, ...]
    table: tuple[Row, ...]
    organisations: tuple[OrgStory, ...]
    contracts: tuple[str, ...]
    alliances: tuple[str, ...]
    sanctions: tuple[str, ...]
    timeline: tuple[Month, ...]
    notes: tuple[Note, ...]
    note: str = ""  # what the account covers, when it is not simply a period of one game
    at_table: tuple[str, ...] = ()  # seats taken over and handed back, checkpoints: the room, not the game
    network: Network = Network()


@frozen
class Branch:
    """One side of a fork: its first move, its story in brief, and what happened only on this side."""

    label: str
    first_move: str
    period: str
    headline: tuple[str, ...]
    only_here: tuple[Month, ...]
    notes: tuple[Note, ...]


@frozen
class BranchDebrief:
    """Two branches of one game: where they parted, and what followed on each side."""

    title: str
    fork: tuple[str, ...]
    comparison: tuple[tuple[str, str, str], ...]  # organisation, branch one, branch two
    branches: tuple[Branch, ...]
    shared_notes: tuple[Note, ...] = ()  # observer notes that read the same on both branches
