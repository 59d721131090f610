"""Buying expertise that builds relationships: an organisation pays, at once, for former commissioners who know
the people, and at each of the following month ends they raise its trust with the organisations it chose. One
hire at a time."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, evolve, pair_key, replace_org
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import HireFormerCommissioners, Move
from .. import Outcome, refuse
from ..economy import external
from ..effects import change_trust
from ..registry import NOT_AT_ALL, Judge, MoveKind, no_fields
from ..wording import money, names
from .inbox import check_addressee

COMMISSIONERS = ("consortium", "hwb")  # whom former commissioners know: bots hire them to mend links with these


def check_hire(state: GameState, scenario: Scenario, move: HireFormerCommissioners):
    most = scenario.balance.expertise_partners
    if not move.partners:
        return refuse("no_partners", move, "Choose at least one organisation for them to rebuild links with.")
    if len(set(move.partners)) != len(move.partners):
        return refuse("named_twice", move, "Each organisation is named once.")
    if len(move.partners) > most:
        return refuse("too_many", move, f"One hire can work on at most {most} organisations.")
    for partner in move.partners:
        refusal = check_addressee(state, move, partner)
        if refusal is not None:
            return refusal
    if state.orgs[move.actor].rebuilding:
        return refuse(
            "already_hired", move, "Your former commissioners are still at work; hire again when they finish."
        )
    return None


def apply_hire(state: GameState, scenario: Scenario, move: HireFormerCommissioners, phase: str) -> Outcome:
    """Money out now; the trust comes at the month ends that follow (`rebuild_links`)."""
    balance = scenario.balance
    until = state.month_index + balance.expertise_months - 1
    state = external(state, move.actor, -balance.expertise_cost)
    org = state.orgs[move.actor]
    state = replace_org(state, evolve(org, rebuilding=dict.fromkeys(move.partners, until)))
    return state, [
        event(
            state,
            phase,
            "FormerCommissionersHired",
            (move.actor,),
            (),
            ("strategy",),
            role=move.actor,
            partners=move.partners,
            cost=balance.expertise_cost,
            until=until,
        )
    ]


def rebuild_links(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: hired former commissioners raise trust with each chosen organisation; their work ends with the
    last month they were hired for."""
    events: list[Event] = []
    first = scenario.months.index(scenario.turns[state.turn][0])  # a turn of several months ends once
    for rid in [rid for rid, org in state.orgs.items() if org.rebuilding]:
        rebuilding = state.orgs[rid].rebuilding
        for partner, until in rebuilding.items():
            if first <= until:
                state, more = change_trust(
                    state, scenario, rid, partner, scenario.balance.expertise_trust, phase, Cause.expertise(rid)
                )
                events += more
        left = {p: until for p, until in rebuilding.items() if until > state.month_index}
        state = replace_org(state, evolve(state.orgs[rid], rebuilding=left))
    return state, events


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """A hire to mend links with any one commissioning body, or with every consortium at once."""
    if (kinds is not None and HireFormerCommissioners.__name__ not in kinds) or state.orgs[role].rebuilding:
        return
    for rid in scenario.roles_of_kind(*COMMISSIONERS, "nhscb"):
        if rid != role:
            yield HireFormerCommissioners(actor=role, partners=(rid,))
    consortia = tuple(r for r in scenario.roles_of_kind("consortium") if r != role)
    if 1 < len(consortia) <= scenario.balance.expertise_partners:
        yield HireFormerCommissioners(actor=role, partners=consortia)


def describe_hire(state: GameState, scenario: Scenario, move: HireFormerCommissioners) -> str:
    months = scenario.balance.expertise_months
    return (
        f"Hire former commissioners to rebuild links with {names(scenario, move.partners)} "
        f"({money(scenario.balance.expertise_cost)}, over {months} months)"
    )


def bound_hire(judge: Judge) -> float:
    """Nothing for commissioners themselves or without the surplus to pay (see `score_hire`)."""
    lean = max(judge.weight("collaborate"), judge.weight("expand"))
    if not lean or judge.me.kind in COMMISSIONERS or judge.forecast < judge.scenario.balance.expertise_cost:
        return 0.0
    return 1.0 + 2.0 * lean + 0.5 * judge.scenario.balance.expertise_partners


def score_hire(judge: Judge, move: HireFormerCommissioners) -> float | None:
    """Those out to work with others or to grow, not commissioners themselves, pay to mend links with commissioners
    worn thin (below the trust at which they would still come to a meeting), each chosen organisation one of them,
    from a surplus they expect."""
    lean = max(judge.weight("collaborate"), judge.weight("expand"))
    worn = judge.me.kind not in COMMISSIONERS and all(
        judge.state.orgs[p].kind in COMMISSIONERS
        and judge.state.trust.get(pair_key(judge.role, p), 50) < judge.settings.attend_trust
        for p in move.partners
    )
    if not lean or not worn or judge.forecast < judge.scenario.balance.expertise_cost:
        return NOT_AT_ALL
    return 1.0 + 2.0 * lean + 0.5 * len(move.partners)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=HireFormerCommissioners,
        check=check_hire,
        apply=apply_hire,
        legal=legal,
        family="decision",
        describe=describe_hire,
        fields=no_fields,
        score=score_hire,
        bound=bound_hire,
    ),
)
