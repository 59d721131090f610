"""Plain words for sentences: small numbers, plurals, possessives, and filling a template.

Knows nothing of a scenario; money, months and lists come from `vocabulary.words`, shared
with the terminal UI and the headless summary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..vocabulary.words import money

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip


def number(n: int) -> str:
    """Small numbers in words, as an account is written."""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    return f"{number(n)} {noun if n == 1 else (nouns or noun + 's')}"


def possessive(name: str) -> str:
    """ "Health Direct's", "Southern Towns'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def lower_first(text: str) -> str:
    """ "Cut beds" -> "cut beds", but "A&E attendances" and "NHSCB" stay as they are."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and not word[1:].islower():
        return text
    return text[:1].lower() + text[1:]


def percent(value: float) -> str:
    return f"{abs(value):g}%"


_THOUSANDS = re.compile(r"£(\d{1,3}(?:,\d{3})+|\d+)k\b")


def tidy(text: str, capital: bool = True) -> str:
    """Spaces and punctuation after substitution: an empty field leaves no gap or stray comma;
    "Towns's" becomes "Towns'", and "£2,000k" from the engine's own wording becomes "£2m"."""
    text = _THOUSANDS.sub(lambda m: money(int(m.group(1).replace(",", ""))), text)
    text = re.sub(r"(?<=\ws)'s\b", "'", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r" ([.,;:!?)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r"([.,;:])\1+", r"\1", text)
    text = re.sub(r",([.;:])", r"\1", text)
    return text[:1].upper() + text[1:] if capital else text


_LED_BY = re.compile(r"\b(?:for|with|to|of|from|about|on|at|in|by|after) \{([a-z_]+)\}")


def fill(text: str, fields: Mapping[str, str], capital: bool = True) -> str:
    """Substitute {name} placeholders; content checks have made sure every name is known.
    A field left empty takes the little word leading into it along ("worth £1m a year for {services}."
    with no services reads "worth £1m a year.", not "a year for.")."""
    text = _LED_BY.sub(lambda m: m.group(0) if fields.get(m.group(1), "") else "", text)
    return tidy(PLACEHOLDER.sub(lambda m: fields.get(m.group(1), ""), text), capital)
