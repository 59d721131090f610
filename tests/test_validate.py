"""The content validator, as facilitators meet it: one bad file per kind of mistake,
added to a copy of the built-in scenario, and the exact words `bigshire validate` prints.

The golden files under __snapshots__/test_validate/ hold the diagnostics for each file
in tests/data/bad_content/; regenerate them with `pytest --snapshot-update` and read
every changed one before accepting it. The line numbers are also asserted here, so a
broken line mapping fails even when the golden files are regenerated.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bigshire_game.cli import main
from bigshire_game.content import Diagnostic, read_scenario
from bigshire_game.content.convert import structure
from bigshire_game.content.model import Card, Finance, Role, When
from conftest import BAD_CONTENT, copy_scenario

MINI_SCENARIO = Path(__file__).parent / "data" / "mini_scenario"

# fixture file -> (line of the diagnostic, words the message must contain)
EXPECTED: dict[str, tuple[int, str]] = {
    "amount_infinite.toml": (16, "an infinite number is not a value any key takes"),
    "amount_not_a_number.toml": (16, "nan (not a number) is not a value any key takes"),
    "binary_garbage.toml": (2, "not a text file in UTF-8"),
    "boolean_as_text.toml": (
        15,
        'expected true or false, found the text "false"; write false without quotes',
    ),
    "card_condition_on_itself.toml": (14, 'asks whether "second_thoughts" itself has been published'),
    "card_never_drawn.toml": (13, "this card can never be drawn"),
    "card_without_text.toml": (12, 'the required key "text" is missing'),
    "condition_contradictory_bounds.toml": (
        13,
        "can never hold: quality of united_hospitals cannot be both above 80 and below 70",
    ),
    "condition_metric_out_of_range.toml": (12, "this condition can never hold: quality is never more than 100"),
    "mini_options_nobody_can_choose.toml": (11, "no organisation in this scenario can choose among this card's"),
    "offer_below_tariff_unguarded.toml": (18, "this offer is at 88% of the tariff, but nothing makes sure"),
    "scenario_plans_without_deadline.toml": (15, 'there is no "plan_deadline", so this game has no financial plans'),
    "scenario_roles_never_act.toml": (10, 'no "turns" phase lists the kind or id of these organisations'),
    "condition_two_tests.toml": (
        16,
        'needs exactly one test ("above", "below", "at_least" or "at_most"); it has "above" and "below"',
    ),
    "control_character_in_text.toml": (8, "holds the invisible character U+001B (a control character) at character 10"),
    "decided_by_outside_audience.toml": (
        11,
        "the deciders must be in the card's audience; these are not: monitor",
    ),
    "duplicate_card_id.toml": (
        7,
        'the card id "opening_news" is already used in scenario/decks/national.toml',
    ),
    "empty_file.toml": (1, "the file is empty"),
    "line_separator_in_text.toml": (9, "holds the invisible character U+2028 (LINE SEPARATOR) at character 22"),
    "long_unknown_card_id.toml": (
        13,
        '"the_survey_of_patients_in_every_practice_of_the_county_and_i…" is not a known card',
    ),
    "month_badly_written.toml": (13, '"Oct 2013" is not a month; write months as "2013-10"'),
    "narrative_bidi_override.toml": (5, "holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "narrative_retired_event.toml": (3, '"SeatTakenOver" never happens'),
    "narrative_retired_switch.toml": (4, '"dismissal" is no longer a variant of "DecisionTaken"'),
    "narrative_unknown_placeholder.toml": (
        5,
        '"{provder}" is not a placeholder a sentence about "ContractSigned" can use. Did you mean "{provider}"?',
    ),
    "month_outside_calendar.toml": (
        13,
        "2015-01 is outside the calendar, which runs from 2013-06 to 2014-06",
    ),
    "offer_service_not_provided.toml": (17, '"health_direct" does not provide "community", so it cannot offer it'),
    "nested_too_deeply.toml": (10, "tables or lists are nested too deeply (more than 32 inside each other)"),
    "number_beyond_64_bits.toml": (16, "this number is too large: a whole number may be from -9223372036854775808"),
    "negative_transfer.toml": (16, "a transfer's amount must be more than 0, but it is -500"),
    "non_utf8.toml": (8, "not a text file in UTF-8 (unreadable byte 0xa3)"),
    "option_without_effects.toml": (22, 'the required key "effects" is missing'),
    "quality_effect_on_consortium.toml": (14, "a quality effect only works on"),
    "role_closure_unknown_kind.toml": (21, '"ward" is not a known kind of closure. Use one of "service", "site"'),
    "role_control_character_in_key.toml": (15, "this key holds the invisible character U+001B"),
    "role_negative_money.toml": (15, "this amount of money cannot be negative, but it is -1500"),
    "role_plans_nobody_judges.toml": (7, "it submits financial plans, but nobody judges them"),
    "role_provider_with_a_regulators_power.toml": (
        8,
        "only system bodies have powers such as inspect; a private provider does not",
    ),
    "rule_value_wrong_type.toml": (15, 'the rule "below_tariff_allowed" takes true or false, not "yes"'),
    "scenario_balance_out_of_range.toml": (
        31,
        "a chance is written from 0 to 1 (0.05 is 5%), but it is 5",
    ),
    "scenario_label_unknown_kind.toml": (
        37,
        '"consortia" is not a known kind of organisation. Did you mean "consortium"?',
    ),
    "scenario_theme_graph_measure_counts_events.toml": (37, '"of" picks events to count, but an "unanswered"'),
    "scenario_question_to_a_provider.toml": (38, "questions about rules go to a regulator (monitor, cqc, nhscb)"),
    "scenario_theme_unknown_ask.toml": (38, '"requests" is not a known kind of ask. Did you mean "request"?'),
    "self_in_card_condition.toml": (
        14,
        '"self" means nobody here: a card\'s condition is tested before anyone',
    ),
    "self_in_card_effects.toml": (
        14,
        '"self" means nobody here: a card\'s own effects have no deciding organisation',
    ),
    "syntax_missing_quote.toml": (8, "closing quote"),
    "unknown_effect_kind.toml": (13, '"qualty" is not a known kind of effect. Did you mean "quality"?'),
    "unknown_follow_up_card.toml": (13, '"opening_new" is not a known card. Did you mean "opening_news"?'),
    "unknown_key_near_miss.toml": (16, 'unknown key "amout". Did you mean "amount"?'),
    "unknown_metric_in_condition.toml": (13, '"deficit" is not a known metric'),
    "unknown_role_in_audience.toml": (
        10,
        '"consortiums" is not a role, a kind of organisation or "everyone". Did you mean "consortium"?',
    ),
    "weight_as_text.toml": (15, 'expected a whole number, found the text "3"; write 3 without quotes'),
    "window_ends_before_start.toml": (14, "the window ends (2013-11) before it starts (2014-02)"),
}
WARNINGS = {
    "card_condition_on_itself.toml",
    "card_never_drawn.toml",
    "condition_contradictory_bounds.toml",
    "condition_metric_out_of_range.toml",
    "mini_options_nobody_can_choose.toml",
    "offer_below_tariff_unguarded.toml",
    "scenario_plans_without_deadline.toml",
    "scenario_roles_never_act.toml",
    "narrative_retired_event.toml",
    "narrative_retired_switch.toml",
    "role_plans_nobody_judges.toml",
}  # mistakes that are warnings, not errors

FIXTURES = sorted(p.name for p in BAD_CONTENT.glob("*.toml"))


def is_role(name: str) -> bool:
    return name.startswith("role_")


def is_narrative(name: str) -> bool:
    return name.startswith("narrative_")


def is_scenario(name: str) -> bool:
    return name.startswith("scenario_")


def add_fixture(name: str, scenario: Path) -> tuple[str, tuple[str, ...]]:
    """Put a bad file next to a scenario copy: a role into its roles/, a narrative as its
    content/narrative.toml, a scenario file as its content/scenario.toml, a deck beside it to pass with --deck. Returns the file as diagnostics show it (relative to the copy's parent,
    which the tests use as the working folder) and the extra decks to read."""
    if is_role(name):
        shutil.copy(BAD_CONTENT / name, scenario / "roles" / name)
        return f"{scenario.name}/roles/{name}", ()
    if is_scenario(name):  # a whole (tiny) scenario.toml in place of the copy's: only its own diagnostics count
        shutil.copy(BAD_CONTENT / name, scenario / "content" / "scenario.toml")
        return f"{scenario.name}/content/scenario.toml", ()
    if is_narrative(name):  # the scenario's own sentences, laid over the built-in ones
        shutil.copy(BAD_CONTENT / name, scenario / "content" / "narrative.toml")
        return f"{scenario.name}/content/narrative.toml", ()
    (scenario.parent / "bad_content").mkdir(exist_ok=True)
    shutil.copy(BAD_CONTENT / name, scenario.parent / "bad_content" / name)
    return f"bad_content/{name}", (f"bad_content/{name}",)


def first_line(name: str) -> str:
    data = (BAD_CONTENT / name).read_bytes()
    return data.split(b"\n", 1)[0].decode("utf-8", "replace") if data else "(an empty file)"


def is_mini(name: str) -> bool:
    """A deck laid over the mini scenario, for a mistake only a scenario without some organisations shows."""
    return name.startswith("mini_")


@pytest.fixture
def bad_scenario(scenario_copy, monkeypatch, tmp_path, builtin_dir):
    """A factory: the built-in scenario copy (or the mini scenario's, for a mini_ fixture) with one bad file
    added, read from its parent folder."""

    def make(name: str) -> tuple[str, tuple[str, ...], list[Diagnostic]]:
        if is_mini(name):
            root = copy_scenario(MINI_SCENARIO, tmp_path / "mini")
            shutil.copytree(builtin_dir / "content", root / "content")
        else:
            root = scenario_copy()
        monkeypatch.chdir(root.parent)
        shown, decks = add_fixture(name, root)
        _, diagnostics = read_scenario(Path(root.name), decks)
        return shown, decks, diagnostics

    return make


def test_every_fixture_has_an_expectation():
    assert set(FIXTURES) == set(EXPECTED)
    assert len(FIXTURES) >= 18


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_small_and_explained(name):
    data = (BAD_CONTENT / name).read_bytes()
    assert len(data) < 1200, "keep bad-content fixtures tiny"
    if name != "empty_file.toml":
        assert data.startswith(b"# "), "start each fixture with a comment saying what is wrong"


@pytest.mark.parametrize("name", FIXTURES)
def test_diagnostics_snapshot(name, bad_scenario, text_snapshot, builtin_dir, tmp_path):
    shown, _, diagnostics = bad_scenario(name)
    # Only the bad file's diagnostics: the rest of the built-in scenario is not this test's business.
    mine = [d.render() for d in diagnostics if d.file == shown]
    text = "\n".join([first_line(name), *mine]) + "\n"
    assert str(builtin_dir) not in text and str(tmp_path) not in text
    assert text == text_snapshot


@pytest.mark.parametrize("name", FIXTURES)
def test_diagnostic_line(name, bad_scenario):
    shown, _, diagnostics = bad_scenario(name)
    line, words = EXPECTED[name]
    mine = [d for d in diagnostics if d.file == shown]
    assert mine, f"{name} produced no diagnostic in its own file"
    matching = [d for d in mine if words in d.message]
    assert matching, f"no message with {words!r} in:\n" + "\n".join(d.render() for d in mine)
    assert [d.line for d in matching] == [line], "\n".join(d.render() for d in mine)
    severity = "warning" if name in WARNINGS else "error"
    assert {d.severity for d in mine} == {severity}
    for d in mine:
        assert d.line >= 1 and d.column >= 1
        assert "Traceback" not in d.message and "<class" not in d.message and "object at 0x" not in d.message


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", FIXTURES)
def test_json_gives_the_same_diagnostics(name, scenario_copy, monkeypatch, capsys):
    root = scenario_copy()
    monkeypatch.chdir(root.parent)
    _, decks = add_fixture(name, root)
    deck_args = [arg for deck in decks for arg in ("--deck", deck)]

    code, out, err = _cli(capsys, root.name, *deck_args)
    text_lines = out.splitlines()
    summary = text_lines.pop()
    json_code, json_out, json_err = _cli(capsys, root.name, *deck_args, "--format", "json")
    report = json.loads(json_out)

    assert code == json_code == (1 if report["errors"] else 0)
    assert err == json_err == ""
    rendered = [
        f"{d['file']}:{d['line']}:{d['column']}: "
        + (f"{d['path']}: " if d["path"] else "")
        + ("warning: " if d["severity"] == "warning" else "")
        + d["message"]
        for d in report["diagnostics"]
    ]
    assert text_lines == rendered
    errors = sum(d["severity"] == "error" for d in report["diagnostics"])
    assert (report["ok"], report["errors"], report["warnings"]) == (
        errors == 0,
        errors,
        len(rendered) - errors,
    )
    assert summary.endswith(
        f"{errors} error{'s' * (errors != 1)}, {report['warnings']} warning{'s' * (report['warnings'] != 1)}"
    )


# --- observer themes measured on the graph -------------------------------------------------

_SHARE = 'of = { events = ["RequestRaised"] }\nagainst = { events = ["ConcernRaised"] }'


@pytest.mark.parametrize(
    ("text", "measure", "key", "message"),
    [
        (
            "{names} asked the Board.",
            f'kind = "share"\nat_least = 40.0\n{_SHARE}',
            "text",
            '"{names}" lists the organisations a graph measure names; a "share" measure names none',
        ),
        (
            "{value} asks.",
            'kind = "count"\nat_least = 4.0\nof = { events = ["RequestRaised"] }\nkinds = ["nhscb"]',
            "measure.kinds",
            '"kinds" is for the graph measures (alone, clusters, inbound_share, unanswered); a "count" measure picks'
            ' its events with "of"',
        ),
        (
            "{value} asks.",
            'kind = "count"\nat_least = 4.0',
            "measure",
            'a "count" measure needs "of": the events it counts',
        ),
        (
            "{groups}",
            'kind = "clusters"\nat_least = 1.0\nkinds = ["consortium"]\nmembers = 1',
            "measure.members",
            "a cluster has at least two members, but this says 1",
        ),
        (
            "{groups}",
            'kind = "clusters"\nat_least = 1.0\nkinds = ["consortium"]\nasks = ["request"]',
            "measure.asks",
            'a "clusters" measure counts alliances, not asks; remove "asks"',
        ),
        (
            "{names}",
            'kind = "alone"\nat_least = 0.0\nkinds = ["consortium"]',
            "measure.at_least",
            'an "alone" measure counts organisations: with at_least below 1 its note would show when there were none',
        ),
        (
            "{names}",
            'kind = "unanswered"\nat_least = 150.0\nkinds = ["hwb"]',
            "measure.at_least",
            "must be between 0 and 100, but it is 150",
        ),
        (
            "{names}",
            'kind = "inbound_share"\nat_least = 40.0\nkinds = ["nhscb"]\nmembers = 3',
            "measure.members",
            '"members" is the size of a cluster; an "inbound_share" measure has none (only "clusters" and "alone" do)',
        ),
        (
            "{names} in {groups}",
            'kind = "unanswered"\nat_least = 50.0\nkinds = ["hwb"]',
            "text",
            '"{groups}" lists the clusters alliances drew; only "clusters" and "alone" measures find them, not an'
            ' "unanswered" measure',
        ),
        (
            "{names}",
            'kind = "inbound_share"\nat_least = 40.0\nkinds = ["board"]',
            "measure.kinds[0]",
            '"board" is not a known kind of organisation',
        ),
    ],
    ids=[
        "names_in_share",
        "kinds_on_count",
        "count_without_of",
        "cluster_of_one",
        "asks_on_clusters",
        "alone_below_one",
        "share_over_100",
        "members_on_inbound",
        "groups_in_unanswered",
        "unknown_kind",
    ],
)
def test_a_theme_measure_mistake_is_located(scenario_copy, monkeypatch, text, measure, key, message):
    """A theme added at the end of the shipped scenario.toml: the mistake on the line of the key it is about."""
    root = scenario_copy()
    monkeypatch.chdir(root.parent)
    path = root / "content" / "scenario.toml"
    before = path.read_text(encoding="utf-8")
    count = before.count("[[themes]]")
    added = f'\n[[themes]]\nid = "added"\ntitle = "Added"\ntext = "{text}"\n[themes.measure]\n{measure}\n'
    path.write_text(before + added, encoding="utf-8")
    _, diagnostics = read_scenario(Path(root.name))
    found = [d for d in diagnostics if d.message.startswith(message)]
    rendered = "\n".join(d.render() for d in diagnostics)
    assert len(found) == 1, rendered
    assert found[0].render().split(": ", 1)[1] == f"themes[{count}].{key}: {found[0].message}"
    written = "[themes.measure]" if key == "measure" else key.split(".")[-1].split("[")[0] + " = "
    added_lines = added.splitlines()
    expected = len(before.splitlines()) + next(n for n, line in enumerate(added_lines, 1) if line.startswith(written))
    assert found[0].line == expected, rendered
    assert all(d.severity == "error" for d in diagnostics if d.file.endswith("scenario.toml")), rendered


# --- the shipped scenario ---------------------------------------------------------------


def test_shipped_scenario_is_clean(builtin_dir, monkeypatch, capsys):
    """Fails until roles/ and decks/ are complete: every reference must resolve, with no warnings."""
    monkeypatch.chdir(builtin_dir)
    scenario, diagnostics = read_scenario(".")
    assert [d.render() for d in diagnostics] == []
    assert scenario is not None
    code, out, _ = _cli(capsys)
    assert code == 0, out
    assert out.rstrip().endswith("0 errors, 0 warnings")


def test_shipped_scenario_by_default_and_by_folder_agree(builtin_dir, monkeypatch, capsys):
    """Without a folder, `bigshire validate` checks the built-in scenario (the packaged copy if installed)."""
    monkeypatch.chdir(builtin_dir)
    reports = []
    for args in (["--format", "json"], [".", "--format", "json"]):
        code, out, _ = _cli(capsys, *args)
        report = json.loads(out)
        # the file names differ between an installed copy and the checkout; the problems must not
        found = [(d["path"], d["line"], d["severity"], d["message"]) for d in report["diagnostics"]]
        reports.append((code, report["errors"], report["warnings"], found))
    assert reports[0] == reports[1]


# --- exit codes and usage ----------------------------------------------------------------


@pytest.fixture
def mini(tmp_path, builtin_dir, monkeypatch) -> Path:
    """A tiny clean scenario: the shipped scenario.toml with one consortium, one hospital, one deck."""
    root = copy_scenario(MINI_SCENARIO, tmp_path / "mini")
    shutil.copytree(builtin_dir / "content", root / "content")
    monkeypatch.chdir(tmp_path)
    return root


def test_exit_0_when_clean(mini, capsys):
    code, out, err = _cli(capsys, "mini")
    assert code == 0
    assert err == ""
    assert out == (
        "Bigshire: a year in the new health system: 2 organisations, 1 deck, 2 cards, 12 turns — 0 errors, 0 warnings\n"
    )


def test_exit_0_with_only_warnings(mini, capsys):
    code, out, _ = _cli(capsys, "mini", "--deck", str(BAD_CONTENT / "card_never_drawn.toml"))
    assert code == 0
    assert "warning: this card can never be drawn" in out
    assert out.rstrip().endswith("0 errors, 1 warning")


def test_exit_1_on_errors(mini, capsys):
    deck = Path("weight_as_text.toml")
    shutil.copy(BAD_CONTENT / deck, deck)
    code, out, err = _cli(capsys, "mini", "--deck", str(deck))
    assert code == 1
    assert err == ""
    assert out == (
        'weight_as_text.toml:15:1: cards[0].when.weight: expected a whole number, found the text "3"; '
        "write 3 without quotes\n"
        "1 error, 0 warnings\n"
    )


def test_exit_2_for_a_missing_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = _cli(capsys, "no_such_folder")
    assert code == 2
    assert out == ""
    assert err.startswith("bigshire: no such folder: no_such_folder, nor an installed scenario of that name")


def test_exit_2_for_a_file_instead_of_a_folder(mini, capsys):
    code, _, err = _cli(capsys, "mini/content/scenario.toml")
    assert code == 2
    assert "is a file; give the scenario's folder" in err


def test_exit_2_for_a_missing_deck(mini, capsys):
    code, _, err = _cli(capsys, "mini", "--deck", "nowhere.toml")
    assert code == 2
    assert err == "bigshire: no such deck file: nowhere.toml\n"


def test_exit_2_for_a_bad_option(mini, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "mini", "--format", "yaml"])
    assert exc.value.code == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


def test_exit_2_without_a_command(capsys):
    assert main([]) == 2


def test_a_folder_without_a_scenario_is_a_diagnostic(tmp_path, monkeypatch, capsys):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    scenario, diagnostics = read_scenario("empty")
    assert scenario is None
    assert [d.render() for d in diagnostics] == [
        "empty/content/scenario.toml:1:1: there is no scenario here: "
        "expected the file content/scenario.toml inside empty"
    ]
    code, out, err = _cli(capsys, "empty")
    assert code == 1
    assert err == ""
    assert out.splitlines() == [diagnostics[0].render(), "1 error, 0 warnings"]


def test_a_scenario_without_roles_or_decks(tmp_path, builtin_dir, monkeypatch):
    shutil.copytree(builtin_dir / "content", tmp_path / "bare" / "content")
    monkeypatch.chdir(tmp_path)
    scenario, diagnostics = read_scenario("bare")
    assert scenario is None
    assert [d.render() for d in diagnostics] == [
        "bare/decks:1:1: there are no deck files (decks/*.toml)",
        "bare/roles:1:1: there are no role files (roles/*.toml)",
    ]


# --- TOML syntax, in plain words -------------------------------------------------------------

DECK_HEAD = '[deck]\nid = "my_extra_cards"\ntitle = "Local news"\n\n[[cards]]\nid = "my_card"\n'


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('title = "Flu jabs\n', 7, 'the line ends inside quoted text: is a closing quote (") missing?'),
        ('title = """Flu jabs\n', 8, "quoted text is never closed: is a closing quote missing?"),
        ("title = 'Flu jabs\n", 8, "quoted text is never closed: is a closing quote missing?"),
        ("title = Flu jabs\n", 7, 'the value is not understood: put text in "quotes"'),
        ("repeat = False\n", 7, "write numbers as 3 or 2.5, and true or false in small letters"),
        ('title = "A"\ntitle = "B"\n', 8, "this key is given a value twice"),
        ('[deck]\nid = "again"\n', 7, "this [table] is written twice"),
        ('title "Flu jabs"\n', 7, 'expected "=" after the key name'),
        ('audience = ["acute" "consortium"]\n', 7, "a list is not closed: is a comma"),
        ('title = "Flu\x01jabs"\n', 7, "this character is not allowed in a TOML file"),
        ("\x00\x01\n", 7, "this line is neither key = value nor a [table] heading"),
    ],
)
def test_syntax_errors_in_plain_words(body, line, message, tmp_path, builtin_dir, monkeypatch):
    copy_scenario(builtin_dir, tmp_path / "scenario")
    monkeypatch.chdir(tmp_path)
    Path("extra.toml").write_text(DECK_HEAD + body, encoding="utf-8")
    _, diagnostics = read_scenario("scenario", ("extra.toml",))
    mine = [d for d in diagnostics if d.file == "extra.toml"]
    assert len(mine) == 1, [d.render() for d in mine]
    assert mine[0].line == line
    assert mine[0].message.startswith("this is not valid TOML: ")
    assert message in mine[0].message


# --- the strict converter ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cl", "path", "message"),
    [
        (
            {"weight": "3"},
            When,
            ("weight",),
            'expected a whole number, found the text "3"; write 3 without quotes',
        ),
        ({"weight": 3.9}, When, ("weight",), "expected a whole number, found the number 3.9"),
        ({"weight": 3.0}, When, ("weight",), "expected a whole number, found the number 3.0"),
        ({"weight": True}, When, ("weight",), "expected a whole number, found true"),
        (
            {"repeat": "false"},
            When,
            ("repeat",),
            'expected true or false, found the text "false"; write false without quotes',
        ),
        ({"repeat": "no"}, When, ("repeat",), 'expected true or false, found the text "no"'),
        ({"repeat": 0}, When, ("repeat",), "expected true or false, found the number 0"),
        ({"month": 201310}, When, ("month",), "expected text in quotes, found the number 201310"),
        (
            {"variable_cost_percent": "40.5"},
            Finance,
            ("variable_cost_percent",),
            'expected a number, found the text "40.5"; write 40.5 without quotes',
        ),
        (
            {"variable_cost_percent": False},
            Finance,
            ("variable_cost_percent",),
            "expected a number, found false",
        ),
        ({"wieght": 2}, When, ("wieght",), 'unknown key "wieght". Did you mean "weight"?'),
    ],
)
def test_structure_refuses_loose_values(raw, cl, path, message):
    value, problems = structure(raw, cl)
    assert value is None
    assert problems == [(path, message)]


def test_structure_accepts_exact_values():
    assert structure({"weight": 3, "repeat": False}, When) == (When(weight=3, repeat=False), [])
    finance, problems = structure({"variable_cost_percent": 40}, Finance)
    assert problems == []
    assert finance.variable_cost_percent == 40.0 and isinstance(finance.variable_cost_percent, float)


def test_structure_reports_every_problem_with_its_path():
    raw = {"id": "x", "title": 3, "audience": "everyone", "when": {"weight": "2", "repeat": "true"},
           "effects": [{"kind": "money", "amount": "5"}]}  # fmt: skip
    card, problems = structure(raw, Card)
    assert card is None
    assert sorted(problems) == sorted([
        (("title",), "expected text in quotes, found the number 3"),
        (("text",), 'the required key "text" is missing'),
        (("when", "weight"), 'expected a whole number, found the text "2"; write 2 without quotes'),
        (("when", "repeat"), 'expected true or false, found the text "true"; write true without quotes'),
        (("effects", 0, "amount"), 'expected a whole number, found the text "5"; write 5 without quotes'),
    ])  # fmt: skip


def test_structure_of_a_non_table():
    role, problems = structure(["not", "a", "table"], Role)
    assert role is None
    assert problems == [((), "expected a table of keys and values, found a list")]
