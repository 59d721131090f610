"""Moves in the words a player reads: names, money, terms and rulings, shared by each move kind's
description (in its mechanism's `KINDS`) and by the front ends, which reach them through the engine.

Plain functions of the scenario and state; they decide nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..content import Scenario, month_label
from ..state import Agreement, GameState, Terms
from ..vocabulary.words import listed
from ..vocabulary.words import money as words_money


def money(amount: int | float) -> str:
    """£k as players say it: £1.2m, £350k, -£2.0m (always a tenth of a million, so columns line up)."""
    return words_money(amount, signed=True, places=1)


def signed_money(amount: int | float) -> str:
    return money(amount) if amount < 0 else f"+{money(amount)}"


def short(scenario: Scenario, rid: object) -> str:
    role = scenario.roles.get(str(rid))
    return role.short_name if role else str(rid).replace("_", " ")


def names(scenario: Scenario, rids: Iterable[object]) -> str:
    return listed((short(scenario, r) for r in rids), distinct=False)


def upper_first(text: str) -> str:
    """ "GP commissioning consortium" stays as it is; str.capitalize would lower the GP."""
    return text[:1].upper() + text[1:]


def words(key: object) -> str:
    return str(key).replace("_", " ")


_KIND_WORDS = {
    "risk_share": "risk-share",
    "joint_venture": "joint venture",
    "integrated_care": "integrated care organisation",
    "lead_commissioner": "lead-commissioner arrangement",
}


def kind_words(kind: str) -> str:
    return _KIND_WORDS.get(kind, words(kind))


def agreement_noun(agreement: Agreement) -> str:
    """ "block contract", "subcontract", "risk pool": what the agreement is called in a menu."""
    words_ = kind_words(agreement.kind)
    return words_ if not agreement.is_contract or words_.endswith("contract") else f"{words_} contract"


def lower_first(text: str) -> str:
    """ "Emergency admissions" -> "emergency admissions", but "A&E attendances" keeps its capitals."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def activities(scenario: Scenario, ids: Iterable[str]) -> str:
    titles = [lower_first(scenario.activities[a].title) if a in scenario.activities else a for a in ids]
    return ", ".join(titles)


def terms_words(scenario: Scenario, kind: str, terms: Terms) -> str:
    parts: list[str] = []
    if kind == "tariff":
        parts.append(
            "at the national tariff" if terms.price_percent == 100 else f"at {terms.price_percent:g}% of tariff"
        )
    if kind == "subcontract":
        parts.append(f"{terms.share_percent:g}% of the work at {terms.price_percent:g}% of tariff")
    if kind in ("block", "risk_share", "support") and terms.annual_value:
        parts.append(f"{money(terms.annual_value)} a year")
    if kind == "risk_share":
        parts.append(f"sharing {terms.share_percent:g}% of the variance")
    parts.append(f"{terms.months} months")
    return ", ".join(parts)


def agreement_words(scenario: Scenario, agreement: Agreement, role: str | None = None) -> str:
    others = [p for p in agreement.parties if p != role] or list(agreement.parties)
    return f"{agreement_noun(agreement)} with {names(scenario, others)} ({terms_words(scenario, agreement.kind, agreement.terms)})"


def figure_change(figure: str, amount: int) -> str:
    """ "balance by +£2.0m", "quality by -3", "action points by +1": money always in £."""
    by = signed_money(amount) if figure == "balance" else f"{amount:+d}"
    return f"{words(figure)} by {by}"


def card_answered(scenario: Scenario, state: GameState, choice_id: str, option: str) -> Any:
    """The card a choice belongs to; once answered the choice has left the state, so look among the cards
    published so far for the one offering that option."""
    choice = state.pending.get(choice_id)
    if choice is not None:
        return scenario.cards.get(choice.card)
    offering = [c for c in scenario.cards.values() if any(o.id == option for o in c.options)]
    published = [c for c in offering if c.id in state.published]
    found = published or offering
    return found[0] if len(found) == 1 or published else None


def _value_words(value: object) -> str:
    if isinstance(value, bool):
        return "allowed" if value else "not allowed"
    return str(value)


_RULE_PHRASES = {
    "below_tariff_allowed": (
        "prices below the national tariff are allowed",
        "prices below the national tariff are not allowed",
    ),
    "qualified_provider_paid_at_tariff": (
        "any qualified provider is paid at the national tariff",
        "qualified providers are not automatically paid at tariff",
    ),
}


def rule_words(setting: str, value: object) -> str:
    """A ruling as a sentence: "prices below the national tariff are allowed"."""
    if isinstance(value, bool) and setting in _RULE_PHRASES:
        return _RULE_PHRASES[setting][0 if value else 1]
    if setting.endswith("_deadline") and isinstance(value, str):
        return f"the {words(setting)} is {month_label(value)}"
    return f"the {words(setting)} is {_value_words(value)}"


def next_step(state: GameState, scenario: Scenario, ladder_id: str, subject: str) -> str:
    ladder = scenario.ladders.get(ladder_id)
    if ladder is None:
        return "next step"
    reached = state.ladders.get(f"{ladder_id}|{subject}", 0)
    return ladder.steps[min(reached, len(ladder.steps) - 1)].title
