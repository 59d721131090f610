"""What a role's desk shows, gathered in one value from the curtain's view of the game.

`desk_model` reads only what the organisation may see — `engine.game.view` for
its books, inbox and agreements, the events visible to it, its own trust — so
the desk cannot leak another organisation's private position. The forecast is
the engine's (`rules.economy`); nothing here is a rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..content import Scenario, month_label
from ..content.labels import span_of
from ..engine.game import view, visible_events
from ..state import GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import Move
from . import present


@frozen
class Figures:
    balance: int
    last_month: str  # "May 2014", or "" before any month is played
    last_income: int
    last_spend: int
    last_result: int
    projected: int  # this month's result if nothing changes
    forecast: int  # position at the game's end, as the organisation can see it
    forecast_to: str  # what the forecast runs to: "Year end", "Game end" (the scenario's span)
    forecast_lag: int  # months late it sees its results (no analysts); 0 at once
    quality: int
    action_points: int
    ap_base: int
    sanctions: str
    income: tuple[int, ...]
    spend: tuple[int, ...]
    results: tuple[int, ...]
    balances: tuple[int, ...]


@frozen
class DealRow:
    kind: str
    other: str
    status: str
    terms: str
    ends: str


@frozen
class DeskModel:
    role: str
    name: str
    kind: str
    seat: str
    when: str
    brief_public: str
    brief_private: str
    goals: tuple[str, ...]
    figures: Figures
    inbox: tuple[present.InboxItem, ...]
    deals: tuple[DealRow, ...]
    trust: tuple[tuple[str, str, int], ...]  # (name, kind, trust)
    recent: tuple[str, ...]
    deadlines: tuple[str, ...]
    done: tuple[str, ...]  # this organisation's own moves this turn, each in words as it was chosen
    families: dict[str, list[Move]]
    acting: bool  # it is this organisation's turn (not a review)


def desk_model(
    scenario: Scenario,
    state: GameState,
    events: Sequence[Event],
    role: str,
    seat: str = "",
    legal: Sequence[Move] = (),
    done: Sequence[tuple[GameState, Move]] = (),
) -> DeskModel:
    """`done` holds the moves of the turn so far, each with the state it was made in (`Session.turn_so_far`):
    only the organisation's own are listed (the facilitator's reach it as news), each described as chosen."""
    seen = view(state, scenario, role)
    org = seen.own
    me = scenario.roles[role]
    mine = list(visible_events(list(events), role))
    played = len(org.results)
    last = month_label(scenario.months[played - 1]) if played else ""
    figures = Figures(
        balance=org.balance,
        last_month=last,
        last_income=org.income[-1] if org.income else 0,
        last_spend=org.spend[-1] if org.spend else 0,
        last_result=org.results[-1] if org.results else 0,
        projected=seen.projected,
        forecast=seen.forecast,
        forecast_to=span_of(scenario).end_short,
        forecast_lag=seen.forecast_lag,
        quality=org.quality,
        action_points=org.action_points,
        ap_base=org.ap_base,
        sanctions=present.sanction_words(scenario, state, role),
        income=tuple(org.income),
        spend=tuple(org.spend),
        results=tuple(org.results),
        balances=tuple(present.balances(mine, role)),
    )
    deals = tuple(
        DealRow(
            kind=present.agreement_noun(a),
            other=present.names(scenario, [p for p in a.parties if p != role] or a.parties),
            status=("awaiting you" if role in a.awaiting else a.status.replace("_", " ")),
            terms=present.terms_words(scenario, a.kind, a.variation or a.terms),
            ends=present.month_of(scenario, a.ends) if a.status == "signed" else "",
        )
        for a in sorted(seen.agreements, key=lambda a: (role not in a.parties, a.status != "signed", a.id))
        if role in a.parties
    )
    trust = tuple(
        (scenario.roles[other].name, present.kind_of(scenario, other), value)
        for other, value in present.trust_with(state, role)
        if other in scenario.roles
    )
    this_turn = present.events_of_turn(scenario, mine, state.turn)
    told = [e for e in present.telling(this_turn) if e.kind not in ("TurnEnded", "Passed", "TrustChanged")][-12:]
    names = present.lookup((state,), told)
    recent = tuple(present.event_line(scenario, e, names) for e in told)
    return DeskModel(
        role=role,
        name=me.name,
        kind=present.kind_of(scenario, role),
        seat=seat,
        when=present.when(scenario, state),
        brief_public=me.brief.public.strip(),
        brief_private=me.brief.private.strip(),
        goals=tuple(me.goals),
        figures=figures,
        inbox=tuple(present.inbox(scenario, state, role, legal)),
        deals=deals,
        trust=trust,
        recent=recent,
        deadlines=tuple(present.deadlines(scenario, state, role)),
        done=tuple(present.describe(scenario, before, m) for before, m in done if m.actor == role),
        families=present.by_family(legal),
        acting=bool(legal),
    )
