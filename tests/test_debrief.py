"""The debrief: what a trainer reads after the day, so it must read like an observer's account.

The golden files under __snapshots__/test_debrief/ are Markdown, exactly as `bigshire
debrief` writes it: a whole seeded game, two points of one game, and two branches that
part at one answer. Regenerate them with `pytest --snapshot-update` after a change to the
engine, the bots or content/narrative.toml, and read every changed one through before
accepting it: as a trainer would, not as a diff.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest

from bigshire_game import bots, simulate
from bigshire_game.cli import main
from bigshire_game.content import builtin_scenario_dir, load_scenario, read_scenario
from bigshire_game.debrief import (
    BOOKKEEPING,
    Game,
    build_debrief,
    debrief_games,
    month_account,
    month_changes,
    replay,
    to_markdown,
    to_text,
)
from bigshire_game.engine.game import apply, new_game, run_until_input
from bigshire_game.narrative import Lookup, Words, balance, fields_of, fill, sentence, tell
from bigshire_game.session import Session
from bigshire_game.vocabulary.catalogue import EVENT_KINDS, NARRATIVE_COMMON, NARRATIVE_FIELDS, NARRATIVE_SWITCHES
from bigshire_game.vocabulary.causes import Cause
from bigshire_game.vocabulary.events import Event, make_event
from bigshire_game.vocabulary.moves import AcceptProposal, RejectProposal

SCENARIO = load_scenario(builtin_scenario_dir())
SEED = 1


@cache
def whole_game() -> simulate.PlayedGame:
    return simulate.play(SCENARIO, SEED)


@cache
def first_turns(turns: int) -> simulate.PlayedGame:
    return simulate.play(SCENARIO, SEED, turns)


@cache
def branches() -> tuple[Game, Game]:
    """Seed 1 as the bots play it, and the same game where the first proposal accepted is turned down."""
    moves = whole_game().moves
    fork = next(i for i, m in enumerate(moves) if isinstance(m, AcceptProposal))
    state = Session.replay(SCENARIO, SEED, {}, moves[:fork]).state
    refused = RejectProposal(actor=moves[fork].actor, agreement=moves[fork].agreement)
    state, _ = apply(state, SCENARIO, refused)
    other = [*moves[:fork], refused]
    while True:
        state, _ = run_until_input(state, SCENARIO)
        if state.finished:
            break
        state, made, _ = bots.play_turn(state, SCENARIO, state.actor)
        other += made
    return Game("accepted", SEED, moves), Game("turned down", SEED, tuple(other))


def whole_debrief(role: str | None = None):
    game = whole_game()
    return build_debrief(SCENARIO, game.events, new_game(SCENARIO, SEED), game.state, role)


# --- golden debriefs ---------------------------------------------------------------------------


def test_golden_whole_game(markdown_snapshot):
    assert to_markdown(whole_debrief()) == markdown_snapshot


def test_golden_two_points_of_one_game(markdown_snapshot):
    early, late = first_turns(4), first_turns(9)
    assert late.moves[: len(early.moves)] == early.moves  # the earlier save's log is a prefix of the later's
    games = [Game("start of November", SEED, early.moves), Game("start of April", SEED, late.moves)]
    debrief = debrief_games(SCENARIO, games)
    assert debrief == debrief_games(SCENARIO, games[::-1]), "the order the saves are given in does not matter"
    assert to_markdown(debrief) == markdown_snapshot


def test_golden_two_branches(markdown_snapshot):
    debrief = debrief_games(SCENARIO, branches())
    text = to_markdown(debrief)
    assert "accepted Health Direct's offer" in text and "turned down Health Direct's offer" in text
    assert text == markdown_snapshot


# --- what two saves mean -----------------------------------------------------------------------


def test_two_points_tell_only_what_happened_between_them():
    early, late = first_turns(4), first_turns(9)
    between = debrief_games(SCENARIO, [Game("a", SEED, early.moves), Game("b", SEED, late.moves)])
    assert between.note.startswith('Between two saves of one game: "a" (after move')
    labels = [m.label for m in between.timeline]
    assert labels[0] == "November 2013" and labels[-1] == "April 2014"  # April's news came before its first turn
    played = replay(SCENARIO, SEED, late.moves)
    assert played.state == late.state and list(played.events) == list(late.events)


def test_saves_of_different_games_are_refused():
    game = whole_game()
    with pytest.raises(ValueError, match="not the same game"):
        debrief_games(SCENARIO, [Game("a", 1, game.moves), Game("b", 2, game.moves)])
    with pytest.raises(ValueError, match="hold the same moves"):
        debrief_games(SCENARIO, [Game("a", 1, game.moves), Game("b", 1, game.moves)])


def test_a_window_of_months():
    game = whole_game()
    october, january = SCENARIO.months.index("2013-10"), SCENARIO.months.index("2014-01")
    debrief = debrief_games(SCENARIO, [Game("g", SEED, game.moves)], months=(october, january))
    assert [m.label for m in debrief.timeline] == ["October 2013", "November 2013", "December 2013", "January 2014"]
    assert debrief.period == "From October 2013 to February 2014"


# --- nothing raw ------------------------------------------------------------------------------

_IDS = re.compile(r"\b(?:" + "|".join(map(re.escape, SCENARIO.roles)) + r")\b|\b[ARGSC]\d+\b")
_REPRS = ("None", "True", "False", "Event(", "object at", "{", "}", "[]", "()", "_")


def _outputs():
    yield "whole", whole_debrief()
    yield "east_bigshire", whole_debrief("east_bigshire")
    yield "united_hospitals", whole_debrief("united_hospitals")
    early, late = first_turns(4), first_turns(9)
    yield "points", debrief_games(SCENARIO, [Game("a", SEED, early.moves), Game("b", SEED, late.moves)])
    yield "branches", debrief_games(SCENARIO, branches())


@pytest.mark.parametrize("render", [to_markdown, to_text], ids=["markdown", "text"])
def test_no_placeholders_ids_or_reprs(render):
    for name, debrief in _outputs():
        text = render(debrief)
        if render is to_markdown:
            text = text.replace("\\_", "")  # Markdown escapes are not ids
        found = _IDS.findall(text)
        assert not found, f"{name}: raw ids {sorted(set(found))[:5]}"
        for bad in _REPRS:
            line = next((x for x in text.splitlines() if bad in x and not x.startswith("|---")), None)
            assert line is None, f"{name}: {bad!r} in: {line}"


def test_every_kind_of_event_can_be_told_from_nothing():
    """Even an event with no data (a facilitator's, or a newer engine's) becomes a sentence, never a repr."""
    words = Words(SCENARIO)
    for kind in EVENT_KINDS:
        e = make_event(kind, 3, "news")
        switches, fields = fields_of(words, e)
        assert set(NARRATIVE_FIELDS[kind]) | set(NARRATIVE_COMMON) <= set(fields), kind
        assert set(switches) == set(NARRATIVE_SWITCHES.get(kind, {})), kind
        text = tell(words, e).text
        assert text and "{" not in text and "None" not in text, (kind, text)


def test_the_built_in_narrative_has_a_plain_sentence_for_every_event():
    for kind in EVENT_KINDS:
        assert any(not t.when for t in SCENARIO.templates[kind]), f"{kind} has only variants"


def test_fill_substitutes_names_only():
    assert fill("{actor} paid {amount}.", {"actor": "North Vale", "amount": "£1m"}) == "North Vale paid £1m."
    assert fill("{actor.__class__} {0} {}", {"actor": "x"}) == "{actor.__class__} {0} {}"


# --- one organisation's view ------------------------------------------------------------------


def test_a_role_sees_only_what_it_knew():
    everyone, east = to_markdown(whole_debrief()), to_markdown(whole_debrief("east_bigshire"))
    secret = "legacy primary care trust invoices"  # Southern Towns' private bill
    assert secret in everyone and secret not in east
    rows = {line.split(" | ")[0].strip("| "): line for line in east.splitlines() if line.startswith("| ")}
    # others' money as published at month ends (here the opening and the year's close), its own books in full
    assert balance(whole_game().state.orgs["southern_towns"].balance) in rows["Southern Towns"]
    assert "not published" not in rows["Southern Towns"]
    assert "as East Bigshire knew it" in east


def test_a_role_view_keeps_the_public_record_and_its_own_secrets():
    game = whole_game()
    private = [e for e in game.events if e.kind == "DecisionTaken" and len(e.audience) == 1]
    assert private, "someone takes a private decision in this game"
    role = private[0].audience[0]
    own = to_markdown(whole_debrief(role))
    told = sentence(SCENARIO, private[0])
    assert told in own.replace("\\", "")
    other = next(r for r in SCENARIO.roles if r != role and not any(e.audience == (r,) for e in private[:1]))
    assert told not in to_markdown(whole_debrief(other)).replace("\\", "")
    public = next(e for e in game.events if e.kind == "SanctionImposed")
    assert sentence(SCENARIO, public).split(" (step")[0] in own


def test_month_changes_for_the_month_report():
    game = whole_game()
    june = month_changes(SCENARIO, game.events, game.state, 0)
    assert june[0] == 'In the news: "Bigshire\'s health service faces its leanest year yet".'
    assert not any(kind in line for line in june for kind in BOOKKEEPING)
    capped = month_changes(SCENARIO, game.events, game.state, 0, limit=5)
    assert capped[:5] == [line for line in june if line in capped[:5]]  # the five most telling, in order
    assert len(capped) == 6 and capped[5].startswith("…and ")  # then the talk the limit cut, summed up
    east = month_changes(SCENARIO, game.events, game.state, 0, role="east_bigshire")
    assert not any("legacy primary care trust invoices" in line for line in east)


# --- the monthly cap ------------------------------------------------------------------------------


def _busy_month(month: int = 1) -> list[Event]:
    """More talk than the cap: a facilitator's adjustment, four contracts, six requests, two concerns, a meeting."""
    events = [
        make_event("FigureAdjusted", month, "turns", ("facilitator", "north_vale"), (), ("money",),
                   role="north_vale", figure="balance", amount=500, value=500, reason="a grant from the council",
                   source=Cause.facilitator()),
    ]  # fmt: skip
    pairs = [("north_vale", "united_hospitals"), ("east_bigshire", "community_trust"),
             ("west_bigshire", "mental_health_ft"), ("southern_towns", "health_direct")]  # fmt: skip
    for n, parties in enumerate(pairs):
        events.append(
            make_event("ContractSigned", month, "turns", parties, (), ("money",), agreement=f"A{n}", kind="block",
                       annual_value=1000 * (n + 1), starts=month)
        )  # fmt: skip
    for n, topic in enumerate(["money", "quality", "access", "governance", "strategy", "public"]):
        events.append(
            make_event("RequestRaised", month, "turns", ("north_vale",), (), (topic,), request=f"R{n}", by="north_vale",
                       to=("nhscb",), topic=topic)
        )  # fmt: skip
    for n, about in enumerate(["united_hospitals", "community_trust"]):
        events.append(
            make_event("ConcernRaised", month, "turns", ("healthwatch",), (), ("quality",), request=f"C{n}",
                       by="healthwatch", to=("cqc",), about=about, topic="quality")
        )  # fmt: skip
    events.append(
        make_event("MeetingHeld", month, "turns", ("wellbeing_board", "north_vale"), (), ("strategy",), meeting="M1",
                   by="wellbeing_board", topic="strategy", attendees=("wellbeing_board", "north_vale"))
    )  # fmt: skip
    return events


def test_the_cap_sums_up_the_talk_it_cuts():
    start = new_game(SCENARIO, SEED)
    everything, _ = month_account(SCENARIO, _busy_month(), start, 1)
    assert len(everything) == 14
    capped, more = month_account(SCENARIO, _busy_month(), start, 1, limit=5)
    assert capped == [
        "The facilitator raised North Vale's balance by £500k: a grant from the council.",
        *everything[1:5],  # the contracts, in the order they were signed
        "…and six more requests, two concerns and one meeting, from North Vale (6), HealthWatch (2) and Wellbeing"
        " Board.",
    ]
    assert more == 0  # everything cut was talk, and the last line says so
    assert month_changes(SCENARIO, _busy_month(), start, 1, limit=5) == capped


def test_the_cap_keeps_the_facilitator_and_says_who_talked_however_tight():
    start = new_game(SCENARIO, SEED)
    capped, more = month_account(SCENARIO, _busy_month(), start, 1, limit=2)
    assert capped[0].startswith("The facilitator raised North Vale's balance")
    assert capped[1].startswith("North Vale signed a block contract")
    assert capped[2].startswith("…and six more requests, two concerns and one meeting, from North Vale (6)")
    assert more == 3  # three contracts: not talk, so counted, not summed up


def test_the_summary_names_the_most_talkative_and_counts_the_rest():
    start = new_game(SCENARIO, SEED)
    askers = ["north_vale", "east_bigshire", "west_bigshire", "southern_towns", "healthwatch", "wellbeing_board"]
    talk = [
        make_event("RequestRaised", 1, "turns", (by,), (), ("money",), request=f"R{n}", by=by, to=("nhscb",),
                   topic="money")
        for n, by in enumerate(askers)
    ]  # fmt: skip
    capped, _ = month_account(SCENARIO, [*_busy_month()[:5], *talk], start, 1, limit=5)
    assert capped[-1] == (
        "…and six more requests, from North Vale, East Bigshire, West Bigshire, Southern Towns and two others."
    )


def test_the_cap_adds_no_summary_when_it_cuts_no_talk():
    start = new_game(SCENARIO, SEED)
    quiet = [e for e in _busy_month() if e.kind in ("FigureAdjusted", "ContractSigned")]
    capped, more = month_account(SCENARIO, quiet, start, 1, limit=3)
    assert len(capped) == 3 and more == 2
    assert not any(line.startswith("…") for line in capped)


# --- observer notes ------------------------------------------------------------------------------


def _talk(kind: str, topic: str, by: str = "healthwatch", to: str = "nhscb", **data) -> Event:
    return make_event(
        kind, 2, "system", (by,), (), (topic,), by=by, to=(to,), topic=topic, request=f"R{id(data)}", **data
    )


def _notes(events: list[Event]) -> dict[str, str]:
    start = new_game(SCENARIO, SEED)
    return {n.title: n.text for n in build_debrief(SCENARIO, events, start, start).notes}


def test_a_theme_shows_only_when_its_measure_holds():
    money = [_talk("ConcernRaised", "money", about="united_hospitals") for _ in range(4)]
    quality = [_talk("ConcernRaised", "quality", about="united_hospitals")]
    notes = _notes(money + quality)
    assert notes["The patient got lost"] == "Talk of money outnumbered talk of quality by 4 to one."
    assert "The patient got lost" not in _notes(money[:1] + quality)


def test_the_share_of_requests_to_the_centre():
    to_board = [_talk("RequestRaised", "money", by="north_vale") for _ in range(3)]
    elsewhere = [_talk("RequestRaised", "money", by="north_vale", to="monitor") for _ in range(2)]
    notes = _notes(to_board + elsewhere)
    assert notes["Everyone looked to the centre"] == (
        "60% of all requests, concerns and bids were addressed to the NHS Commissioning Board."
    )
    assert "Everyone looked to the centre" not in _notes(to_board[:1] + elsewhere * 2)


def test_an_unanswered_board():
    """The board is marginalised when most of its meetings go ahead with fewer than half of those invited."""
    invited = ("north_vale", "east_bigshire", "united_hospitals")

    def held(n: int, came: tuple[str, ...]):
        return make_event(
            "MeetingHeld", 1, "resolution", ("wellbeing_board", *came), meeting=f"R{n}", by="wellbeing_board",
            topic="strategy", attendees=("wellbeing_board", *came),
            declined=tuple(r for r in invited if r not in came), absent=(),
            inquorate=True if 2 * len(came) < len(invited) else None,
        )  # fmt: skip

    empty, full = held(1, ()), held(2, invited)
    assert _notes([empty, held(3, ("north_vale",))])["The health and wellbeing board was marginalised"].startswith(
        "100% of the board's meetings"
    )
    assert _notes([empty, full])["The health and wellbeing board was marginalised"].startswith("50%")
    assert "The health and wellbeing board was marginalised" not in _notes([full, held(4, invited[:2])])


# --- the narrative file ----------------------------------------------------------------------------


def test_a_scenario_without_narrative_uses_the_built_in_sentences(scenario_copy):
    root = scenario_copy()
    (root / "content" / "narrative.toml").unlink()
    plain = load_scenario(root)
    assert plain.narrative == SCENARIO.narrative
    assert plain.content_hash == SCENARIO.content_hash


def test_rewording_one_event_keeps_the_rest_and_the_content_hash(scenario_copy):
    root = scenario_copy()
    (root / "content" / "narrative.toml").write_text(
        '[[templates]]\nevent = "CardPublished"\ntext = "Headline: {card}."\n', encoding="utf-8"
    )
    reworded = load_scenario(root)
    assert reworded.content_hash == SCENARIO.content_hash  # wording never changes how a game plays
    game = whole_game()
    card = next(e for e in game.events if e.kind == "CardPublished")
    plan = next(e for e in game.events if e.kind == "PlanSubmitted")
    assert sentence(reworded, card) == "Headline: Bigshire's health service faces its leanest year yet."
    assert sentence(reworded, plan) == sentence(SCENARIO, plan)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('event = "ContractSinged"\ntext = "x"', '"ContractSinged" is not a known event. Did you mean "ContractSigned"?'),
        ('event = "ContractSigned"\nwhen = { knd = "block" }\ntext = "x"', 'Did you mean "kind"?'),
        ('event = "ContractSigned"\nwhen = { kind = "blok" }\ntext = "x"', '"blok" is not a value of "kind". Did you mean "block"?'),
        ('event = "ContractSigned"\nwhen = { conflict = "yes" }\ntext = "x"', '"conflict" is true or false, not "yes"'),
        ('event = "Passed"\nwhen = { kind = "x" }\ntext = "x"', 'sentences about "Passed" have no variants'),
        ('event = "Passed"\ntext = "{actor} passed {"', 'a "{" or "}" does not make a placeholder'),
        ('event = "Passed"\ntext = "{actor.__class__}"', '"{actor.__class__}" is not a placeholder'),
        ('event = "Passed"\ntext = "x"\ndetail = "actor"', '"detail" only matters with "together"'),
        ('event = "Passed"\ntext = "   "', "write some words here: it is empty"),
    ],
)  # fmt: skip
def test_narrative_mistakes_are_located(scenario_copy, monkeypatch, body, message):
    root = scenario_copy()
    (root / "content" / "narrative.toml").write_text(f"# a test\n[[templates]]\n{body}\n", encoding="utf-8")
    monkeypatch.chdir(root.parent)
    scenario, diagnostics = read_scenario(root.name)
    mine = [d for d in diagnostics if d.file == "scenario/content/narrative.toml"]
    assert scenario is None and mine
    assert any(message in d.message for d in mine), [d.render() for d in mine]
    assert all(d.line >= 3 for d in mine)


def test_rule_settings_in_words_are_checked(scenario_copy, monkeypatch):
    root = scenario_copy()
    (root / "content" / "narrative.toml").write_text(
        '[settings]\nbelow_tariff_allowed = { name = "discounts", text = "{value}" }\n'
        'plan_deadline = { name = "plans", yes = "due" }\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(root.parent)
    _, diagnostics = read_scenario(root.name)
    messages = [d.message for d in diagnostics if d.file == "scenario/content/narrative.toml"]
    assert any('give "yes" and "no"' in m for m in messages)
    assert any('needs "text", with {value}' in m for m in messages)


# --- the command ------------------------------------------------------------------------------------


@pytest.fixture
def saves(tmp_path, monkeypatch) -> Path:
    from bigshire_game.saves import record_of, write_record

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "saves"
    folder.mkdir()
    for name, game in (("early", first_turns(4)), ("late", first_turns(9))):
        session = Session.replay(SCENARIO, SEED, {}, game.moves)
        write_record(record_of(session, label=name, created="2026-11-01T10:00:00Z"), folder / f"{name}.toml")
    other = Session.replay(SCENARIO, SEED + 1, {}, ())
    write_record(record_of(other, label="other", created="2026-11-01T10:00:00Z"), folder / "other.toml")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["debrief", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_one_save_in_markdown_and_text(saves, capsys):
    code, out, err = run(capsys, "late")
    assert (code, err) == (0, "")
    assert out.startswith("# Debrief: Bigshire") and "## Month by month" in out
    code, out, _ = run(capsys, "late", "--format", "text", "--role", "North Vale")
    assert code == 0 and out.startswith("Debrief: Bigshire") and "as North Vale knew it" in out


def test_cli_two_points_and_a_window(saves, capsys):
    code, out, _ = run(capsys, "early", "late")
    assert code == 0 and 'Between two saves of one game: "early"' in out
    code, out, _ = run(capsys, "late", "--from", "2013-08", "--to", "October 2013")
    assert code == 0
    months = re.findall(r"^### (.+)$", out.split("## Month by month")[1].split("## Who talked to whom")[0], re.M)
    assert months == ["August–September 2013", "October 2013"]


def test_cli_output_file_is_written_whole_and_may_be_replaced(saves, capsys):
    target = saves.parent / "debrief.md"
    target.write_text("old", encoding="utf-8")
    code, out, _ = run(capsys, "early", "--output", str(target))
    assert code == 0 and out == f"Wrote the debrief to {target}.\n"
    assert target.read_text(encoding="utf-8").startswith("# Debrief")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (("late", "--role", "east_bigshre"), 2, 'is not an organisation in Bigshire: a year in the new health system. Did you mean "east_bigshire"?'),
        (("late", "--from", "Octobre 2013"), 2, 'bigshire: --from: "Octobre 2013" is not a month; write it as 2013-10 or October 2013'),
        (("late", "--to", "2015-01"), 2, "bigshire: --to: 2015-01 is outside the game, which runs from 2013-06 to 2014-06"),
        (("late", "--from", "2014-01", "--to", "2013-10"), 2, "bigshire: --from must not come after --to"),
        (("missing",), 1, "bigshire: missing: there is no such save"),
        (("late", "other"), 1, 'bigshire: "late" and "other" are not the same game'),
    ],
)  # fmt: skip
def test_cli_mistakes(saves, capsys, argv, code, message):
    got, out, err = run(capsys, *argv)
    assert got == code and out == ""
    assert message in err and err.startswith("bigshire: ") and "Traceback" not in err


def test_cli_scenario_folder(saves, capsys, tmp_path):
    shutil.copytree(builtin_scenario_dir() / "content", tmp_path / "scen" / "content")
    for part in ("roles", "decks"):
        shutil.copytree(builtin_scenario_dir() / part, tmp_path / "scen" / part)
    code, out, _ = run(capsys, "early", "--scenario", str(tmp_path / "scen"))
    assert code == 0 and out.startswith("# Debrief")


def test_lookup_names_agreements_from_events_alone():
    game = whole_game()
    signed = next(e for e in game.events if e.kind == "ContractSigned" and str(e.data["agreement"]).startswith("A"))
    text = Words(SCENARIO, Lookup((), game.events)).agreement(signed.data["agreement"])
    assert text.startswith("the ") and " between " in text
