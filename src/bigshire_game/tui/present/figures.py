"""An organisation's figures and dates: its balance by month, sanctions, trust and the deadlines coming up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...content import Scenario, month_label
from ...content.labels import span_of
from ...state import GameState
from ...vocabulary.events import Event
from .wording import kind_words, month_of, names, short, words

SPARK = "▁▂▃▄▅▆▇█"


def spark(values: Sequence[float], width: int = 12) -> str:
    """A one-line sparkline of the last `width` values, for tables; empty before any month is played."""
    values = list(values)[-width:]
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK[3] * len(values)
    step = (high - low) / (len(SPARK) - 1)
    return "".join(SPARK[round((v - low) / step)] for v in values)


def balances(events: Iterable[Event], role: str) -> list[int]:
    """The balance at the end of each month played, from the month-end events."""
    return [int(e.data["balance"]) for e in events if e.kind == "MonthResolved" and e.data.get("role") == role]


def sanction_words(scenario: Scenario, state: GameState, rid: str) -> str:
    out = []
    for ladder in scenario.info.ladders:
        step = state.ladders.get(f"{ladder.id}|{rid}", 0)
        if step:
            out.append(
                f"{ladder.steps[step - 1].title} ({short(scenario, ladder.regulator) if ladder.regulator in scenario.roles else words(ladder.regulator)})"
            )
    return "; ".join(out)


def trust_with(state: GameState, role: str) -> list[tuple[str, int]]:
    """Trust between this organisation and each other one it has a relationship with, lowest first."""
    out = []
    for key, value in state.trust.items():
        a, b = key.split("|")
        if role in (a, b):
            out.append((b if a == role else a, value))
    return sorted(out, key=lambda pair: (pair[1], pair[0]))


def deadlines(scenario: Scenario, state: GameState, role: str | None = None, horizon: int = 3) -> list[str]:
    """Dates that matter soon: plan and contract deadlines, agreements ending, reviews due, the game's end."""
    months = scenario.months
    now = state.month_index
    out: list[str] = []
    for setting, what in (
        ("plan_deadline", "Financial plans due"),
        ("contract_deadline", "Contracts for next year to be signed"),
    ):
        label = str(state.rules.value(setting) or "")
        if label in months:
            left = months.index(label) - now
            if left >= 0:
                out.append(f"{what}: {month_label(label)} ({_months_left(left)})")
    for a in state.agreements.values():
        visible = role is None or role in a.parties or a.status in ("signed", "under_review")
        if not visible:
            continue
        if a.status == "signed" and 0 <= a.ends - now < horizon:
            out.append(f"{names(scenario, a.parties)}: {kind_words(a.kind)} ends {month_of(scenario, a.ends)}")
        if a.status == "under_review" and a.review_opened >= 0:
            due = a.review_opened + state.rules.competition_review_months
            out.append(f"Competition review of {names(scenario, a.parties)}: decision from {month_of(scenario, due)}")
    left = len(scenario.turns) - state.turn - 1
    out.append(
        f"{span_of(scenario).title} ends {month_label(months[-1])} "
        f"({left} more {'turn' if left == 1 else 'turns'} after this one)"
    )
    return out


def _months_left(n: int) -> str:
    return "this month" if n == 0 else ("next month" if n == 1 else f"in {n} months")
