"""Money, months and lists as people say them, in one place for every front end and account.

Plain string formatting with no knowledge of a scenario: the narrative, the terminal UI and
the headless summary all format figures here so that they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def money(amount: int | float, *, signed: bool = False, places: int | None = None) -> str:
    """£k as people say it: £350k, £1.2m, £12m (whole thousands of pounds in).

    `signed` puts a minus before a loss ("-£2m"); without it the sign is left to the sentence.
    `places` fixes the decimals of millions ("£1.0m" with 1, for columns); by default one
    decimal is shown only when it is not nought."""
    whole = round(amount)
    sign = "-" if signed and whole < 0 else ""
    whole = abs(whole)
    if whole < 1000:
        return f"{sign}£{whole}k"
    millions = f"{whole / 1000:.1f}".removesuffix(".0") if places is None else f"{whole / 1000:.{places}f}"
    return f"{sign}£{millions}m"


def balance(amount: int) -> str:
    """A balance: "£1.2m" in hand, "-£3m" in deficit, or "£0"."""
    return money(amount, signed=True) if amount else "£0"


def listed(items: Iterable[str], conjunction: str = "and", *, distinct: bool = True) -> str:
    """ "A", "A and B", "A, B and C". `distinct` drops repeats and blanks; without it every item is kept."""
    items = [i for i in dict.fromkeys(items) if i] if distinct else list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) from "2013-10", or None if it is not a month."""
    if len(text) != 7 or text[4] != "-" or not (text[:4].isdigit() and text[5:].isdigit()):
        return None
    year, month = int(text[:4]), int(text[5:])
    return (year, month) if 1 <= month <= 12 else None


def months_between(start: str, month: str) -> int | None:
    """How many months `month` falls after `start` (negative before it), or None if either is not a month:
    the month index of a date beyond the calendar's end, such as a contract running past the game."""
    first, then = parse_month(start), parse_month(month)
    if first is None or then is None:
        return None
    return (then[0] - first[0]) * 12 + then[1] - first[1]


def month_at(months: tuple[str, ...], index: int) -> str:
    """The month of a month index, "2014-08", counting on past the calendar's end (a contract running past the
    game); an index before the start is the first month."""
    if index < len(months):
        return months[max(index, 0)]
    year, month = parse_month(months[-1]) or (0, 1)
    count = year * 12 + month - 1 + index - len(months) + 1
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def month_label(month: str) -> str:
    """ "October 2013" for "2013-10"; anything else as it is."""
    parsed = parse_month(month)
    if parsed is None:
        return month
    return f"{MONTH_NAMES[parsed[1] - 1]} {parsed[0]}"


def example_month(months: Sequence[str]) -> str:
    """A month of the game's own calendar to show in a message ("write it as 2013-10"): its fifth, or its
    last in a shorter game; "2025-04" only when there is no calendar to take one from."""
    return months[min(4, len(months) - 1)] if months else "2025-04"


def turn_label(months: tuple[str, ...]) -> str:
    """ "August–September 2013" for a merged turn; "December 2013–January 2014" across years."""
    if len(months) == 1:
        return month_label(months[0])
    first, last = month_label(months[0]).split(), month_label(months[-1]).split()
    if first[1] == last[1]:
        return f"{first[0]}–{last[0]} {last[1]}"
    return f"{month_label(months[0])}–{month_label(months[-1])}"
