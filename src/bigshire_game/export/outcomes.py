"""Outcomes as CSV rows: one per game and organisation (where it started and ended, how far up the regulators'
ladders it went, what it signed) and one per game and observer theme (the debrief's own measure, and whether
its note held), so a sweep's spread can be read in pandas or R."""

from __future__ import annotations

from pathlib import Path

from ..content import Scenario
from ..content.model import Theme
from ..debrief.context import Context
from ..debrief.graph import organisation_graph
from ..debrief.notes import answered_ids, evaluate
from ..vocabulary.catalogue import GRAPH_MEASURES, KINDS
from .events import Column, GameId, Traced

ORGANISATION_COLUMNS: tuple[Column, ...] = (
    Column("game", "the game's id, as in the events file"),
    Column("seed", "the game's seed"),
    Column("role", "the organisation's id"),
    Column("kind", f"its kind: {', '.join(KINDS)}"),
    Column("start_balance", "money in hand when the game began, £ thousands"),
    Column("final_balance", "money in hand when the game (or the save) ended, £ thousands"),
    Column("start_quality", "quality of care when the game began, 0 to 100; empty for an organisation without a quality score"),
    Column("final_quality", "quality of care at the end; empty as above"),
    Column("highest_sanction", "the id of the highest rung of a regulator's ladder imposed on it during the game (even if lifted later); empty if none"),
    Column("sanction_ladder", "the id of that rung's ladder; empty if none"),
    Column("contracts_signed", "contracts signed during the game with it as a party"),
    Column("alliances_formed", "alliances formed during the game with it as a party"),
)  # fmt: skip

THEME_COLUMNS: tuple[Column, ...] = (
    Column("game", "the game's id, as in the events file"),
    Column("seed", "the game's seed"),
    Column("theme", "the observer theme's id, from `[[themes]]` in content/scenario.toml"),
    Column("measure", "how it is measured: `count`, `ratio`, `share` (a percentage), `median` or a graph measure"),
    Column("value", "the measured value over the whole game, as the debrief measures it; empty for a median of nothing"),
    Column("of", "how many events the measure counted"),
    Column("against", "how many events it counted them against (0 for a count)"),
    Column("target", "the theme's tests of its value, as written in its measure: `>= 40`, `<= 15`, `> 0 and < 3`"),
    Column("held", "`true` when the debrief would tell the theme's note: the value reached the target and some event was counted"),
)  # fmt: skip


def themes_path(outcomes: Path) -> Path:
    """Where the theme rows go: beside the organisations' file, `-themes` before its suffix
    (`o.csv` -> `o-themes.csv`, `o.csv.gz` -> `o-themes.csv.gz`)."""
    name = outcomes.name
    gz = ".gz" if name.endswith(".gz") and len(name) > 3 else ""
    base = name.removesuffix(gz)
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem:
        stem, suffix = base, ""
    return outcomes.with_name(f"{stem}-themes{'.' + suffix if suffix else ''}{gz}")


def organisation_rows(scenario: Scenario, game: GameId, traced: Traced) -> list[tuple[object, ...]]:
    """One row per organisation, in the scenario's order."""
    highest: dict[str, tuple[int, str, str]] = {}
    contracts: dict[str, int] = dict.fromkeys(scenario.roles, 0)
    alliances: dict[str, int] = dict.fromkeys(scenario.roles, 0)
    for e in traced.events:
        if e.kind == "SanctionImposed":
            level, subject = e.data.get("level") or 0, str(e.data.get("subject"))
            if level > highest.get(subject, (0, "", ""))[0]:
                highest[subject] = (level, str(e.data.get("step", "")), str(e.data.get("ladder", "")))
        elif e.kind in ("ContractSigned", "AllianceFormed"):
            counts = contracts if e.kind == "ContractSigned" else alliances
            for rid in set(e.actors) & counts.keys():
                counts[rid] += 1
    rows = []
    for rid, role in scenario.roles.items():
        start, end = traced.start.orgs[rid], traced.end.orgs[rid]
        scored = role.quality is not None
        _, step, ladder = highest.get(rid, (0, "", ""))
        rows.append(
            (
                *(game.game, game.seed, rid, role.kind),
                *(start.balance, end.balance),
                *((start.quality, end.quality) if scored else ("", "")),
                *(step, ladder, contracts[rid], alliances[rid]),
            )
        )
    return rows


def theme_rows(scenario: Scenario, game: GameId, traced: Traced) -> list[tuple[object, ...]]:
    """One row per observer theme, measured over the whole game as the debrief measures it (`notes.evaluate`)."""
    ctx = Context(scenario, traced.events, traced.start, traced.end, None, None)
    answered = answered_ids(ctx.all_events)
    rows = []
    graph = None
    for theme in scenario.info.themes:
        if theme.measure.kind in GRAPH_MEASURES and graph is None:
            graph = organisation_graph(ctx)
        found = evaluate(ctx, theme, answered, graph)
        value = "" if found.value != found.value else found.value
        rows.append(
            (
                game.game,
                game.seed,
                theme.id,
                theme.measure.kind,
                value,
                found.of,
                found.against,
                target(theme),
                found.held,
            )
        )
    return rows


def target(theme: Theme) -> str:
    """A theme's tests in words a spreadsheet shows: ">= 40", "<= 15 and > 2"."""
    m = theme.measure
    signs = {"at_least": ">=", "at_most": "<=", "above": ">", "below": "<"}
    return " and ".join(f"{signs[name]} {getattr(m, name):g}" for name in signs if getattr(m, name) is not None)
