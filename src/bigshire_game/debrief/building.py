"""Building a debrief of a period, and the sentences of one month for the terminal game's month report."""

from __future__ import annotations

from collections.abc import Sequence

from ..content import Scenario
from ..state import FACILITATOR, GameState
from ..vocabulary.catalogue import CONTRACT_KINDS
from ..vocabulary.events import AgreementLapsed, Event
from .context import Context, gathered_dated
from .graph import organisation_graph
from .headline import headline, period
from .model import Debrief
from .network import network
from .notes import observer_notes
from .organisations import org_stories, org_table
from .timeline import month_items, timeline


def build_debrief(
    scenario: Scenario,
    events: Sequence[Event],
    start_state: GameState,
    end_state: GameState,
    role: str | None = None,
    months: tuple[int, int] | None = None,
    title: str = "",
) -> Debrief:
    """The account of the period between two states, from the events between them.

    `role` tells it as that organisation knew it: the events it saw and the public ones,
    its own books, others' public figures. `months` (first and last month index, widened
    to whole turns) narrows the events told; the caller passes the states at the window's
    ends for the "then and now" figures.
    """
    ctx = Context(scenario, events, start_state, end_state, role, months)
    viewpoint = (
        "as the observers saw it"
        if role in (None, FACILITATOR)
        else f"as {scenario.roles[role].short_name} knew it: its own books, what it was told, and what was public"
    )
    graph = organisation_graph(ctx)
    return Debrief(
        title=title or f"Debrief: {scenario.title}",
        period=period(ctx),
        viewpoint=viewpoint,
        headline=tuple(headline(ctx)),
        table=tuple(org_table(ctx)),
        organisations=tuple(org_stories(ctx)),
        contracts=tuple(_section(ctx, _CONTRACT_EVENTS)),
        alliances=tuple(_section(ctx, _ALLIANCE_EVENTS)),
        sanctions=tuple(_section(ctx, _SANCTION_EVENTS)),
        timeline=tuple(timeline(ctx)),
        notes=tuple(observer_notes(ctx, graph)),
        network=network(ctx, graph),
    )


def month_changes(
    scenario: Scenario,
    events: Sequence[Event],
    state: GameState,
    month_index: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[str]:
    """What happened in the turn holding `month_index`, as sentences: like events gathered, each
    followed by what came of it. `role` keeps to what that organisation saw; `limit` keeps the
    most telling sentences (in the order they happened), the last of them summing up any talk and
    meetings it cut. `state` names the agreements and requests the events mention: the state at
    the end of that turn or later."""
    return month_account(scenario, events, state, month_index, role, limit)[0]


def month_account(
    scenario: Scenario,
    events: Sequence[Event],
    state: GameState,
    month_index: int,
    role: str | None = None,
    limit: int | None = None,
) -> tuple[list[str], int]:
    """`month_changes`, with how many smaller events `limit` left out besides the talk it summed up."""
    ctx = Context(scenario, events, state, state, role, (month_index, month_index))
    items, more = month_items(ctx, ctx.events, limit)
    return [" ".join((item.text, *item.then)) for item in items], more


_CONTRACT_EVENTS = (
    "ContractSigned",
    "ContractVaried",
    "ContractEnded",
    "ContractRolledOver",
    "ConflictDeclared",
    "ConflictChallenged",
    "AgreementLapsed:contract",
)


_ALLIANCE_EVENTS = (
    "AllianceFormed",
    "AllianceEnded",
    "CompetitionReviewOpened",
    "AllianceReviewed",
    "AgreementLapsed:alliance",
)


_SANCTION_EVENTS = ("SanctionImposed", "SanctionLifted")


def _section(ctx: Context, kinds: tuple[str, ...]) -> list[str]:
    wanted = {k.split(":")[0] for k in kinds}
    lapsed = next((k.split(":")[1] for k in kinds if k.startswith("AgreementLapsed:")), None)
    chosen = []
    for e in ctx.events:
        if e.kind not in wanted:
            continue
        if isinstance(e, AgreementLapsed):
            is_contract = ctx.words.lookup.agreements.get(str(e.agreement))
            contract = (is_contract.kind if is_contract else str(e.agreement_kind)) in CONTRACT_KINDS
            if (lapsed == "contract") != contract:
                continue
        chosen.append(e)
    return gathered_dated(ctx, chosen)
