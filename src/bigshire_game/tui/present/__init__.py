"""What the screens say: moves, events, inbox items, figures and deadlines in words.

Plain Python, no Textual, so it is tested without a terminal. It reads state
and the engine's lists of legal moves; it never decides what is allowed (the
engine does) and never changes state. Money is whole £k, as everywhere.

One module per responsibility: the wording of names, money and months (`wording`), the move menu and its
families (`menus`), the move form and its fields (`forms`), the inbox (`inbox_items`), events in words
(`events`), a move's preview (`preview`), and an organisation's figures and deadlines (`figures`).
"""

from __future__ import annotations

from .events import event_line, events_of_turn, lookup, news_of_turn, public, telling
from .figures import balances, deadlines, sanction_words, spark, trust_with
from .forms import FieldError, FieldSpec, choice_label, explain, explain_all, field_text, fields, with_fields
from .inbox_items import InboxItem, inbox
from .menus import FAMILIES, Family, by_family, describe, describe_all, family_note, family_of
from .preview import PreviewWords, preview_words
from .wording import (
    agreement_noun,
    figure_change,
    kind_of,
    kind_words,
    money,
    month_of,
    names,
    possessive,
    short,
    signed_money,
    terms_words,
    upper_first,
    when,
    words,
)

__all__ = [
    "FAMILIES",
    "Family",
    "FieldError",
    "FieldSpec",
    "InboxItem",
    "PreviewWords",
    "agreement_noun",
    "balances",
    "by_family",
    "choice_label",
    "deadlines",
    "describe",
    "describe_all",
    "event_line",
    "events_of_turn",
    "explain",
    "explain_all",
    "family_note",
    "family_of",
    "field_text",
    "fields",
    "figure_change",
    "inbox",
    "kind_of",
    "kind_words",
    "lookup",
    "money",
    "month_of",
    "names",
    "news_of_turn",
    "possessive",
    "preview_words",
    "public",
    "sanction_words",
    "short",
    "signed_money",
    "spark",
    "telling",
    "terms_words",
    "trust_with",
    "upper_first",
    "when",
    "with_fields",
    "words",
]
