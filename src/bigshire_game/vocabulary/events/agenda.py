"""The regulators' and the centre's agendas, and the staff to work through them."""

from __future__ import annotations

from .base import Event, _kind


@_kind("items on an organisation's agenda waited into another month")
class AgendaCarriedOver(Event):
    """What an agenda could not take in a month carried over into the next."""

    role: str | None = None
    items: int | None = None  # open items older than this month
    capacity: int | None = None  # the organisation's action points each month


@_kind("an organisation took on staff to keep up with its work")
class StaffRecruited(Event):
    """An organisation recruited, admitting it could not cope: more action points from next month, at a cost."""

    role: str | None = None
    posts: int | None = None
    cost: int | None = None
    capacity: int | None = None  # its action points each month from now on


@_kind("an item was put on a regulator's agenda", item_kind="kind")
class AgendaItemAdded(Event):
    """An item was put on a regulator's agenda."""

    item: str | None = None
    regulator: str | None = None
    subject: str | None = None
    ladder: str | None = None
    reason: str | None = None
    agreement: str | None = None
    item_kind: str | None = None  # referral or help; unset for evidence


@_kind("a regulator set aside an item on its agenda", item_kind="kind")
class AgendaItemDismissed(Event):
    """A regulator set aside an item on its agenda: it takes no action on it."""

    item: str | None = None
    item_kind: str | None = None
    by: str | None = None
    subject: str | None = None
    ladder: str | None = None
    reason: str | None = None
