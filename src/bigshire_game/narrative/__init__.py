"""Sentences about events, written from the templates in content/narrative.toml.

Each event is turned into named fields already in words (names, £m and £k, months, card and
scheme titles, rules) and switches its template's `when` can test; the template is then
filled by a tiny `{name}` substitution, never by str.format or eval. Ids never reach a
sentence. The debrief, the headless summary and the terminal game's month report all speak
through `tell`.
"""

from ..vocabulary.words import balance, listed, money
from .fields import Fields, Switches, fields_of
from .naming import Lookup, Words
from .telling import Told, choose, gather, gather_tree, sentence, tell
from .wording import fill, lower_first, number, percent, plural, possessive, tidy

__all__ = [
    "Fields",
    "Lookup",
    "Switches",
    "Told",
    "Words",
    "balance",
    "choose",
    "fields_of",
    "fill",
    "gather",
    "gather_tree",
    "listed",
    "lower_first",
    "money",
    "number",
    "percent",
    "plural",
    "possessive",
    "sentence",
    "tell",
    "tidy",
]
