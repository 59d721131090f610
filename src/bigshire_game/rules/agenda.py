"""Regulators' agendas: the one place items are added, so every item is recorded the same way."""

from __future__ import annotations

from typing import Any

from ..content import Scenario
from ..content.model import Ladder
from ..state import AgendaItem, GameState, evolve, new_id
from ..state.memo import last_seen
from ..vocabulary.catalogue import AGENDA_ITEM_KINDS
from ..vocabulary.events import event
from . import Outcome

_LADDERS: list = [None, {}]  # the ladders last asked about (content is never changed) and the answers found


def ladder_for(scenario: Scenario, regulator_kind: str, subject_kind: str) -> Ladder | None:
    """The ladder on which a regulator of this kind can act against an organisation of that kind."""
    ladders, found = _LADDERS
    if ladders is not scenario.ladders:
        ladders, found = scenario.ladders, {}
        _LADDERS[:] = [ladders, found]
    key = (regulator_kind, subject_kind)
    if key not in found:
        found[key] = next(
            (x for x in ladders.values() if x.regulator == regulator_kind and subject_kind in x.applies_to), None
        )
    return found[key]


def overseers(scenario: Scenario, rid: str) -> tuple[str, ...]:
    """The bodies that hold this organisation to account: holders of `assess_plan` with a ladder that applies to
    it, in file order (Bigshire's Board for a consortium), so an oversight matter reaches whoever content says."""
    kind = scenario.roles[rid].kind
    return tuple(
        judge
        for judge in scenario.addressees(power="assess_plan")
        if ladder_for(scenario, scenario.roles[judge].kind, kind) is not None
    )


def open_items(
    state: GameState, regulator: str, subject: str | None = None, ladder: str | None = None
) -> list[AgendaItem]:
    """Open items a regulator may act on or set aside. Questions about an agreement (a competition review, a
    registration) are left out: they are settled by their own decision, and are no reason for a sanction."""
    return [
        item
        for item in _open_by_regulator(state.agendas).get(regulator, ())
        if (subject is None or item.subject == subject) and (ladder is None or item.ladder == ladder)
    ]


@last_seen
def _open_by_regulator(agendas: dict[str, AgendaItem]) -> dict[str, list[AgendaItem]]:
    """Each regulator's open items (not questions about agreements) in the order they were added: asked about
    many times for every move a regulator weighs, while the agendas stay as they are."""
    found: dict[str, list[AgendaItem]] = {}
    for item in agendas.values():
        if item.status == "open" and not item.agreement:
            found.setdefault(item.regulator, []).append(item)
    return found


def grounds(state: GameState, scenario: Scenario, regulator: str, subject: str, ladder: Ladder) -> list[AgendaItem]:
    """The open items that are grounds for moving `subject` on `ladder`: those put on that ladder, or on none
    when the ladder applies to the subject. A request for help is never grounds: asking is not failing."""
    org = state.orgs.get(subject)
    return [
        item
        for item in open_items(state, regulator, subject)
        if item.kind != "funding_bid"
        and (item.ladder == ladder.id or (not item.ladder and org is not None and org.kind in ladder.applies_to))
    ]


def close_question(state: GameState, agreement: str, regulator: str) -> GameState:
    """The regulator's open question about this agreement, marked as acted on."""
    done = {
        k: evolve(v, status="acted")
        for k, v in state.agendas.items()
        if v.status == "open" and v.agreement == agreement and v.regulator == regulator
    }
    return evolve(state, agendas={**state.agendas, **done}) if done else state


def add_agenda_item(
    state: GameState,
    phase: str,
    kind: str,
    regulator: str,
    subject: str,
    reason: str,
    ladder: str = "",
    topics: tuple[str, ...] = ("money",),
    once: bool = False,
    audience: tuple[str, ...] = (),
    **data: Any,
) -> Outcome:
    """Put an item of a kind (`AGENDA_ITEM_KINDS`) on a regulator's agenda; with `once`, not while one is open
    for that subject and ladder."""
    if kind not in AGENDA_ITEM_KINDS:
        raise ValueError(f"there is no kind of agenda item called {kind}")
    if once and open_items(state, regulator, subject, ladder):
        return state, []
    gid, state = new_id(state, "G")
    item = AgendaItem(
        id=gid,
        kind=kind,
        regulator=regulator,
        subject=subject,
        reason=reason,
        ladder=ladder,
        opened=state.month_index,
        agreement=str(data.get("agreement", "")),
    )
    state = evolve(state, agendas={**state.agendas, gid: item})
    seen_by = audience or (regulator, subject)
    return state, [
        event(
            state, phase, "AgendaItemAdded", (regulator,), seen_by, topics,
            item=gid, regulator=regulator, subject=subject, ladder=ladder, reason=reason, kind=kind or None, **data,
        )
    ]  # fmt: skip
