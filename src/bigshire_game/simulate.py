"""Headless play: whole games with every organisation a bot, so a facilitator can
see what a deck does before the day, one game in detail or many as a sweep.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, TextIO

from attrs import field, frozen

from . import bots
from .content import Scenario
from .content.labels import kind_label, span_of
from .engine.game import run_until_input
from .state import GameState
from .vocabulary.catalogue import CARE_PROVIDER_KINDS, CENTRE_KINDS, COMMISSIONER_KINDS, GRAPH_MEASURES
from .vocabulary.events import Event
from .vocabulary.moves import Move
from .vocabulary.words import money, turn_label

if TYPE_CHECKING:
    from .export import Exported, GameFiles, Wanted


@frozen
class PlayedGame:
    state: GameState
    moves: tuple[Move, ...]
    events: tuple[Event, ...]


def play(scenario: Scenario, seed: int, turns: int | None = None) -> PlayedGame:
    """Play from the start with bots in every seat, for `turns` turns or the whole game."""
    from .engine.game import new_game

    state = new_game(scenario, seed)
    moves: list[Move] = []
    events: list[Event] = []
    limit = len(scenario.turns) if turns is None else min(turns, len(scenario.turns))
    while True:
        state, more = run_until_input(state, scenario)
        events += more
        if state.finished or state.turn >= limit:
            break
        state, made, more = bots.play_turn(state, scenario, state.actor)
        moves += made
        events += more
    return PlayedGame(state, tuple(moves), tuple(events))


# --- a readable account of one game ------------------------------------------------------------

_SHOWN = 14


def summary(scenario: Scenario, game: PlayedGame, out: TextIO) -> None:
    """Month by month, what happened (the debrief's sentences, the most telling first); then where everyone ended."""
    from .debrief import month_account

    for index, months in enumerate(scenario.turns):
        if index > game.state.turn:
            break
        print(f"\n{turn_label(months)}", file=out)
        month = scenario.months.index(months[0])
        shown, more = month_account(scenario, game.events, game.state, month, limit=_SHOWN)
        for line in shown:
            print(f"  - {line}", file=out)
        if more:
            print(f"  - ... and {more} more", file=out)
        if not shown:
            print("  - a quiet month", file=out)
    print("\nWhere everyone ended", file=out)
    print(f"  {'organisation':24} {'balance':>10} {'quality':>8}  sanctions", file=out)
    for rid, role in scenario.roles.items():
        org = game.state.orgs[rid]
        steps = _sanctions(scenario, game.state, rid)
        quality = str(org.quality) if org.quality else "-"
        print(
            f"  {clipped(role.short_name, 24):24} {money(org.balance, signed=True):>10} {quality:>8}  {steps or '-'}",
            file=out,
        )


def clipped(text: str, width: int) -> str:
    """`text` in `width` characters, ending in "…" when cut, so a shortened name shows it was shortened."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _sanctions(scenario: Scenario, state: GameState, rid: str) -> str:
    out = []
    for ladder in scenario.info.ladders:
        step = state.ladders.get(f"{ladder.id}|{rid}", 0)
        if step:
            out.append(ladder.steps[step - 1].title)
    return "; ".join(out)


# --- many games ------------------------------------------------------------------------------------


@frozen
class Outcome:
    """What a sweep keeps of one game."""

    seed: int
    balance: dict[str, int]
    quality: dict[str, int]
    sanction: dict[
        str, tuple[int, str]
    ]  # the highest rung reached on any ladder: (step, "Regulator: rung"), or (0, "")
    signed_by_deadline: dict[str, int]
    reviews: dict[str, int]
    nhscb_workload: int
    deals: dict[str, int] = field(factory=dict)  # alliances and deals of note: see `_deal`
    themes: dict[str, tuple[float, bool]] = field(factory=dict)  # theme id -> (value, held) over the whole game
    contested: dict[str, int] = field(factory=dict)  # closures, opposition, disputes, consultations, deadlines


_SWEEP_SCENARIO: Scenario | None = None


def _init_worker(root: str) -> None:
    global _SWEEP_SCENARIO
    from .content import load_scenario

    _SWEEP_SCENARIO = load_scenario(root)


def outcome_of(scenario: Scenario, seed: int, game: PlayedGame | None = None) -> Outcome:
    """What the sweep reports of one game: `game` when it has just been played, else the seed's game."""
    if game is None:
        game = play(scenario, seed)
    state = game.state
    deadline = state.rules.contract_deadline
    deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
    signed: Counter[str] = Counter()
    reviews: Counter[str] = Counter()
    workload = 0
    nhscb = set(scenario.roles_of_kind(*CENTRE_KINDS))
    deals: Counter[str] = Counter()
    for e in game.events:
        deal = _deal(scenario, state, e)
        if deal:
            deals[deal] += 1
        if e.kind == "ContractSigned" and e.month <= deadline_index:
            signed[e.actors[0]] += 1
        elif e.kind == "AllianceReviewed":
            reviews[str(e.data.get("outcome"))] += 1
        elif _on_boards_desk(e, nhscb):
            workload += 1
    return Outcome(
        seed=seed,
        contested=_contested(game.events),
        balance={rid: org.balance for rid, org in state.orgs.items()},
        quality={rid: org.quality for rid, org in state.orgs.items()},
        sanction={rid: highest_sanction(scenario, state, rid) for rid in state.orgs},
        signed_by_deadline=dict(signed),
        reviews=dict(reviews),
        nhscb_workload=workload,
        deals=dict(deals),
        themes=themes_of(scenario, game),
    )


def themes_of(scenario: Scenario, game: PlayedGame) -> dict[str, tuple[float, bool]]:
    """Each observer theme measured over the whole game, as the debrief measures it."""
    from .debrief.context import Context
    from .debrief.notes import answered_ids, evaluate
    from .engine.game import new_game

    ctx = Context(scenario, list(game.events), new_game(scenario, game.state.seed), game.state, None, None)
    answered = answered_ids(ctx.all_events)
    graph = None
    out = {}
    for theme in scenario.info.themes:
        if theme.measure.kind in GRAPH_MEASURES and graph is None:
            from .debrief.graph import organisation_graph

            graph = organisation_graph(ctx)
        found = evaluate(ctx, theme, answered, graph)
        out[theme.id] = (found.value, found.held)
    return out


def _deal(scenario: Scenario, state: GameState, e: Event) -> str:
    """The alliance or deal an event is news of, for the sweep's counts; "" for anything else."""
    kind = str(e.data.get("kind", ""))
    if e.kind == "AgreementProposed" and kind == "integrated_care":
        return "integrated care proposed"
    if e.kind == "AllianceReviewed" and kind == "integrated_care":
        return f"integrated care {e.data.get('outcome')}"
    if e.kind == "RegistrationDecided":
        return f"registration {e.data.get('outcome')}"
    if e.kind == "ContractSigned":
        found = state.agreements.get(str(e.data.get("agreement")))
        if found and all(scenario.roles[p].kind in CARE_PROVIDER_KINDS for p in found.parties):
            return f"between providers {found.kind}"
    if e.kind == "RiskPoolSettled":
        return "risk pool settled"
    if e.kind == "AllianceFormed" and kind == "lead_commissioner":
        return "lead commissioner"
    return ""


def _on_boards_desk(e: Event, nhscb: set[str]) -> bool:
    """An item that lands on the Board's desk: something put to it, or a dispute it must mediate."""
    if e.kind == "DisputeAnswered":
        return e.data.get("mediator") in nhscb
    return e.kind in ("AgendaItemAdded", "RequestRaised", "ConcernRaised", "FundingBid") and bool(
        set(e.actors) & nhscb or e.data.get("regulator") in nhscb or e.data.get("to") in nhscb
    )


def _contested(events: tuple[Event, ...]) -> dict[str, int]:
    """What one game held of the things organisations fight over and take time over, counted by kind."""
    counts: Counter[str] = Counter()
    for e in events:
        d = e.data
        if e.kind in ("DecisionTaken", "OptionChosen") and d.get("closure"):
            counts["announced"] += 1
        elif e.kind == "ClosureWentAhead":
            counts[f"closed_{d.get('kind')}"] += 1
            counts["anyway"] += bool(d.get("anyway"))
        elif e.kind == "DisputeMediated":
            counts[f"mediated_{d.get('outcome')}"] += 1
        elif e.kind == "DisputeAnswered" and d.get("conceded"):
            counts["conceded"] += 1
        elif e.kind in _COUNTED:
            counts[_COUNTED[e.kind]] += 1
    return dict(counts)


_COUNTED = {
    "ClosureOpposed": "objections",
    "ClosureDelayed": "delays",
    "ClosureWithdrawn": "withdrawn",
    "DisputeRaised": "disputes",
    "PracticesConsulted": "consultations",
    "DeadlineSet": "deadlines",
    "DeadlineMet": "deadlines_met",
    "DeadlineMissed": "deadlines_missed",
}


def highest_sanction(scenario: Scenario, state: GameState, rid: str) -> tuple[int, str]:
    """The highest rung this organisation reached on any regulator's ladder, with its name, e.g. (3, "NHSCB: Directions")."""
    best = (0, "")
    for ladder in scenario.info.ladders:
        step = state.ladders.get(f"{ladder.id}|{rid}", 0)
        if step > best[0]:
            regulator = next(iter(scenario.roles_of_kind(ladder.regulator)), "")
            who = scenario.roles[regulator].short_name if regulator else ladder.title
            best = (step, f"{who}: {ladder.steps[step - 1].title}")
    return best


def _one_game(scenario: Scenario, seed: int, wanted: Wanted | None) -> tuple[Outcome, Exported | None]:
    """Play one game; what the trainer's files keep of it is made here too, in the worker that played it."""
    game = play(scenario, seed)
    exported = None
    if wanted:
        from .export import export_game

        exported = export_game(scenario, seed, game.moves, wanted)
    return outcome_of(scenario, seed, game), exported


def _sweep_one(seed: int, wanted: Wanted | None = None) -> tuple[Outcome, Exported | None]:
    assert _SWEEP_SCENARIO is not None
    return _one_game(_SWEEP_SCENARIO, seed, wanted)


def sweep(
    scenario: Scenario,
    seeds: list[int],
    jobs: int = 1,
    progress: TextIO | None = None,
    files: GameFiles | None = None,
) -> list[Outcome]:
    """Play one game per seed, on `jobs` processes, showing a progress bar; each game's events and rows go to
    `files` in seed order, whichever process finished first."""
    results: list[Outcome] = []
    wanted = files.wanted if files is not None else None

    def keep(outcome: Outcome, exported: Exported | None) -> None:
        results.append(outcome)
        if files is not None and exported is not None:
            files.add(exported)
        tick(len(results))

    def tick(done: int) -> None:
        if progress is not None:
            width = 30
            filled = width * done // len(seeds)
            progress.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{len(seeds)} games")
            progress.flush()

    if jobs <= 1:
        for seed in seeds:
            keep(*_one_game(scenario, seed, wanted))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(scenario.root,)) as pool:
            one = partial(_sweep_one, wanted=wanted)
            for result in pool.map(one, seeds, chunksize=max(1, len(seeds) // (jobs * 8))):
                keep(*result)
    if progress is not None:
        progress.write("\n")
    return results


def _percent(count: int, total: int) -> str:
    """A share as a whole percentage; "<1%" rather than "0%" for something that did happen."""
    share = 100 * count / total
    return "<1%" if 0 < share < 1 else f"{share:.0f}%"


def _spread(values: list[int]) -> str:
    values = sorted(values)
    q = statistics.quantiles(values, n=10, method="inclusive") if len(values) > 1 else [values[0]] * 9
    return f"{values[0]:>9} {q[0]:>9.0f} {statistics.median(values):>9.0f} {q[-1]:>9.0f} {values[-1]:>9}"


def report(scenario: Scenario, outcomes: list[Outcome], out: TextIO = sys.stdout) -> None:
    """Distributions per organisation across the sweep."""
    span = span_of(scenario)
    end = span.end_short.replace(" ", "-")
    print(f"\n{len(outcomes)} games of {scenario.title}", file=out)
    print(f"\n{end} balance (£k): min, 10th percentile, median, 90th percentile, max", file=out)
    for rid, role in scenario.roles.items():
        if any(o.balance[rid] for o in outcomes):
            print(f"  {clipped(role.short_name, 24):24} {_spread([o.balance[rid] for o in outcomes])}", file=out)
    print(f"\nQuality at {span.end_short.lower()}: min, 10th, median, 90th, max", file=out)
    for rid, role in scenario.roles.items():
        if any(o.quality[rid] for o in outcomes):
            print(f"  {clipped(role.short_name, 24):24} {_spread([o.quality[rid] for o in outcomes])}", file=out)
    print("\nHighest sanction reached (share of games)", file=out)
    for rid, role in scenario.roles.items():
        reached = Counter(o.sanction[rid] for o in outcomes)
        if set(reached) != {(0, "")}:
            shares = ", ".join(
                f"{name or 'none'} {_percent(n, len(outcomes))}" for (_, name), n in sorted(reached.items())
            )
            print(f"  {clipped(role.short_name, 24):24} {shares}", file=out)
    commissioners = scenario.roles_of_kind(*COMMISSIONER_KINDS)
    by = " by the deadline" if scenario.info.rules.contract_deadline else ""
    if commissioners:
        print(f"\nContracts signed{by} (mean per game)", file=out)
    for rid in commissioners:
        mean = statistics.mean(o.signed_by_deadline.get(rid, 0) for o in outcomes)
        print(f"  {clipped(scenario.roles[rid].short_name, 24):24} {mean:.1f}", file=out)
    reviews: Counter[str] = Counter()
    for o in outcomes:
        reviews.update(o.reviews)
    decided = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(reviews.items())) or "none"
    print(f"\nAlliance reviews across all games: {decided}", file=out)
    _report_deals(scenario, outcomes, out)
    workloads = [o.nhscb_workload for o in outcomes]
    centre = [kind for kind in sorted(CENTRE_KINDS) if scenario.roles_of_kind(kind)]
    if centre:
        who = " and ".join(kind_label(scenario, kind) for kind in centre)
        print(
            f"{who} workload (items per game): median {statistics.median(workloads):.0f}, max {max(workloads)}",
            file=out,
        )
    _report_contested(outcomes, out)
    behaviours(scenario, outcomes, out)


def behaviours(
    scenario: Scenario, outcomes: list[Outcome], out: TextIO
) -> list[tuple[str, str, float, str, bool | None]]:
    """The observer themes across the sweep, grouped by the behaviour each evidences: in how many games each held,
    beside its target from content (`games_at_least`, `games_at_most`). Returns the rows it printed."""
    rows: list[tuple[str, str, float, str, bool | None]] = []
    grouped: dict[str, list] = {}
    for theme in scenario.info.themes:
        grouped.setdefault(theme.behaviour or "other observer themes", []).append(theme)
    n = len(outcomes)
    span = span_of(scenario)
    surfaced = f"Behaviours {span.name if span.own else 'the games'} surfaced"
    print(f"\n{surfaced} ({n} games): how often each theme held, against its target", file=out)
    for behaviour, themes in grouped.items():
        print(f"  {behaviour}", file=out)
        for theme in themes:
            found = [o.themes[theme.id] for o in outcomes if theme.id in o.themes]
            held = 100 * sum(1 for _, h in found if h) / max(len(found), 1)
            values = [v for v, _ in found if v == v]
            middle = f"median {statistics.median(values):.3g}" if values else "never measured"
            target, met = _target(theme.games_at_least, theme.games_at_most, held)
            mark = "" if met is None else ("  met" if met else "  NOT MET")
            print(f"    {clipped(theme.title, 52):52} {held:5.1f}% {target:>9}{mark}  ({middle})", file=out)
            rows.append((behaviour, theme.title, held, target, met))
    return rows


def _target(at_least: float | None, at_most: float | None, held: float) -> tuple[str, bool | None]:
    """A sweep target in words and whether the share of games met it (None when the theme has no target)."""
    if at_least is None and at_most is None:
        return "", None
    parts = ([f">={at_least:g}%"] if at_least is not None else []) + (
        [f"<={at_most:g}%"] if at_most is not None else []
    )
    met = (at_least is None or held >= at_least) and (at_most is None or held <= at_most)
    return " ".join(parts), met


def _report_deals(scenario: Scenario, outcomes: list[Outcome], out: TextIO) -> None:
    """How often the alliances and deals of the reformed system happened: integrated care, contracts between
    providers, risk pools and lead commissioners."""
    total: Counter[str] = Counter()
    games: Counter[str] = Counter()
    for o in outcomes:
        total.update(o.deals)
        games.update({key: 1 for key in o.deals})

    def told(key: str, word: str) -> str:
        return f"{total[key]} {word} ({_percent(games[key], len(outcomes))} of games)"

    outcomes_of = ", ".join(
        f"{o.replace('_', ' ')} {total[f'integrated care {o}']}"
        for o in ("approved", "approved_with_conditions", "blocked")
    )
    registered = ", ".join(
        f"{o.replace('_', ' ')} {total[f'registration {o}']}"
        for o in ("registered", "registered_with_conditions", "refused")
    )
    reviewer = scenario.first_addressee(power="review_competition")
    registrar = scenario.first_addressee(power="inspect")
    parts = [f"Integrated care organisations: {told('integrated care proposed', 'proposed')}"]
    if reviewer:
        parts.append(f"{scenario.roles[reviewer].short_name}'s decisions: {outcomes_of}")
    if registrar:
        parts.append(f"{scenario.roles[registrar].short_name}'s registrations: {registered}")
    print("; ".join(parts), file=out)
    print(
        f"Contracts between providers: {told('between providers risk_share', 'risk-shares')}, "
        f"{told('between providers subcontract', 'subcontracts')}; "
        f"risk pools settled: {told('risk pool settled', 'pools')}; "
        f"lead commissioners named: {told('lead commissioner', 'arrangements')}",
        file=out,
    )


def _report_contested(outcomes: list[Outcome], out: TextIO) -> None:
    """Closures and the opposition they met, disputes and their mediation, consultations and deadlines."""
    n = len(outcomes)

    def games(key: str) -> str:
        return _percent(sum(1 for o in outcomes if o.contested.get(key)), n)

    def total(key: str) -> int:
        return sum(o.contested.get(key, 0) for o in outcomes)

    print("\nClosures, disputes and deadlines", file=out)
    print(
        f"  A site closed in {games('closed_site')} of games, a service withdrawn in {games('closed_service')}",
        file=out,
    )
    print(
        f"  Closures announced {total('announced')}: opposed {total('objections')} times, put back "
        f"{total('delays')} months, backed down from {total('withdrawn')}, gone ahead anyway {total('anyway')}",
        file=out,
    )
    mediated = ", ".join(f"{k} {total('mediated_' + k)}" for k in ("upheld", "split", "dismissed"))
    print(f"  Disputes {total('disputes')}: conceded {total('conceded')}; mediated: {mediated}", file=out)
    print(
        f"  Practices consulted {total('consultations')} times; deadlines agreed {total('deadlines')}: "
        f"met {total('deadlines_met')}, missed {total('deadlines_missed')}",
        file=out,
    )


def seeds_from(start: int, count: int) -> list[int]:
    return list(range(start, start + count))
