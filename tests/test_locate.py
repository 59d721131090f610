"""Tests for bigshire_game.content.locate: key paths in TOML text mapped to line and column."""

from __future__ import annotations

import random
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bigshire_game.content.locate import index_positions

DECK = """\
# Autumn deck
title = "Autumn 2013"
version = 2

[deck]
name = 'autumn'
tags = ["budget", "housing"]

[[cards]]
id = "rates-cap"
title = "Rates capping"
when = { first = "2013-10", last = "2014-02" }
effects = [ {kind = "money", amount = -3}, {kind = "trust", amount = 1} ]

[[cards]]
id = "flood"
title = "Flooding on the levels"

[cards.when]
first = "2013-12"
last = "2014-03"

[[cards.options]]
id = "sandbags"
label = "Buy sandbags"

[[cards.options.effects]]
kind = "money"
amount = -2

[[cards.options.effects]]
kind = "trust"
amount = 3

[[cards.options]]
id = "wait"
label = "Wait and see"
effects = [
  { kind = "trust", amount = -4 },  # angry residents
  { kind = "press", topic = "flood" },
]
"""


def pos_of(text: str, line: int, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, col) of the n-th occurrence of `needle` on 1-based `line`."""
    source = text.split("\n")[line - 1]
    col = -1
    for _ in range(occurrence):
        col = source.index(needle, col + 1)
    return line, col + 1


def walk(value: object, path: tuple = ()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield (*path, n)
            yield from walk(item, (*path, n))


# --- plain, dotted and quoted keys ---------------------------------------------


def test_plain_keys_at_root_and_in_table():
    idx = index_positions(DECK)
    assert idx.exact(("title",)) == (2, 1)
    assert idx.exact(("version",)) == (3, 1)
    assert idx.exact(("deck", "name")) == (6, 1)
    assert idx.exact(("deck", "tags")) == (7, 1)


def test_indented_key_column():
    idx = index_positions("[deck]\n    name = 'x'\n\tsize = 3\n")
    assert idx.exact(("deck", "name")) == (2, 5)
    assert idx.exact(("deck", "size")) == (3, 2)


def test_dotted_keys_record_every_prefix_at_its_segment():
    text = "a.b.c = 1\na.b.d = 2\nx . y = 3\n"
    idx = index_positions(text)
    assert idx.exact(("a",)) == (1, 1)
    assert idx.exact(("a", "b")) == (1, 3)
    assert idx.exact(("a", "b", "c")) == (1, 5)
    assert idx.exact(("a", "b", "d")) == (2, 5)
    assert idx.exact(("x", "y")) == (3, 5)


def test_dotted_keys_inside_a_table():
    idx = index_positions("[[cards]]\nid = 1\nwhen.first = '2013-10'\n")
    assert idx.exact(("cards", 0, "when")) == (3, 1)
    assert idx.exact(("cards", 0, "when", "first")) == (3, 6)


def test_quoted_keys_are_unquoted():
    text = '"2013-12" = 4\n\'x\' = 1\n"a b".\'c.d\' = 2\n"" = 0\n'
    idx = index_positions(text)
    assert idx.exact(("2013-12",)) == (1, 1)
    assert idx.exact(("x",)) == (2, 1)
    assert idx.exact(("a b",)) == (3, 1)
    assert idx.exact(("a b", "c.d")) == (3, 7)
    assert idx.exact(("",)) == (4, 1)


def test_basic_quoted_keys_decode_escapes():
    text = '"say \\"hi\\"" = 1\n"caf\\u00e9" = 2\n"tab\\there\\\\" = 3\n"\\U0001F600" = 4\n'
    idx = index_positions(text)
    assert set(tomllib.loads(text)) == {'say "hi"', "café", "tab\there\\", "\U0001f600"}
    assert idx.exact(('say "hi"',)) == (1, 1)
    assert idx.exact(("café",)) == (2, 1)
    assert idx.exact(("tab\there\\",)) == (3, 1)
    assert idx.exact(("\U0001f600",)) == (4, 1)


# --- tables and arrays of tables -------------------------------------------------


def test_table_header_position_is_first_key_char():
    idx = index_positions("[deck]\nx = 1\n[ deck.sub ]\ny = 2\n")
    assert idx.exact(("deck",)) == (1, 2)
    assert idx.exact(("deck", "sub")) == (3, 3)
    assert idx.exact(("deck", "sub", "y")) == (4, 1)


def test_implicit_parent_tables_recorded_at_first_appearance():
    idx = index_positions("[a.b.c]\nx = 1\n[a.d]\ny = 2\n")
    assert idx.exact(("a",)) == (1, 2)
    assert idx.exact(("a", "b")) == (1, 4)
    assert idx.exact(("a", "b", "c")) == (1, 2)
    assert idx.exact(("a", "d")) == (3, 2)


def test_explicit_header_beats_earlier_implicit_creation():
    idx = index_positions("[a.b]\nx = 1\n\n[a]\ny = 2\n")
    assert idx.exact(("a",)) == (4, 2)
    assert idx.nearest(("a", "missing")) == (4, 2)


def test_array_of_tables_indexes_each_occurrence():
    idx = index_positions(DECK)
    assert idx.exact(("cards",)) == (9, 3)
    assert idx.exact(("cards", 0)) == (9, 3)
    assert idx.exact(("cards", 1)) == (15, 3)
    assert idx.exact(("cards", 2)) is None
    assert idx.exact(("cards", 0, "id")) == (10, 1)
    assert idx.exact(("cards", 1, "title")) == (17, 1)


def test_subtable_after_array_of_tables_belongs_to_last_element():
    idx = index_positions(DECK)
    assert idx.exact(("cards", 1, "when")) == (19, 2)
    assert idx.exact(("cards", 1, "when", "first")) == (20, 1)
    assert idx.exact(("cards", 1, "when", "last")) == (21, 1)


def test_nested_arrays_of_tables():
    idx = index_positions(DECK)
    assert idx.exact(("cards", 1, "options")) == (23, 3)
    assert idx.exact(("cards", 1, "options", 0)) == (23, 3)
    assert idx.exact(("cards", 1, "options", 0, "id")) == (24, 1)
    assert idx.exact(("cards", 1, "options", 0, "effects", 0)) == (27, 3)
    assert idx.exact(("cards", 1, "options", 0, "effects", 1)) == (31, 3)
    assert idx.exact(("cards", 1, "options", 0, "effects", 1, "amount")) == (33, 1)
    assert idx.exact(("cards", 1, "options", 1)) == (35, 3)
    assert idx.exact(("cards", 1, "options", 1, "label")) == (37, 1)
    assert idx.exact(("cards", 0, "options")) is None


def test_nested_array_counters_restart_for_each_parent_element():
    text = "[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\n"
    idx = index_positions(text)
    assert idx.exact(("a", 0, "b", 1)) == (3, 3)
    assert idx.exact(("a", 1, "b", 0)) == (5, 3)
    assert idx.exact(("a", 1, "b", 1)) is None


# --- inline tables and arrays ------------------------------------------------------


def test_inline_table_keys():
    idx = index_positions(DECK)
    line = 12
    assert idx.exact(("cards", 0, "when")) == (line, 1)
    assert idx.exact(("cards", 0, "when", "first")) == pos_of(DECK, line, "first")
    assert idx.exact(("cards", 0, "when", "last")) == pos_of(DECK, line, "last")


def test_nested_inline_tables_and_dotted_keys_inside_them():
    text = 'x = { a = { b = { c = 1 } }, d.e = 2, "f g" = {} }\n'
    idx = index_positions(text)
    assert idx.exact(("x", "a")) == pos_of(text, 1, "a")
    assert idx.exact(("x", "a", "b")) == pos_of(text, 1, "b")
    assert idx.exact(("x", "a", "b", "c")) == pos_of(text, 1, "c")
    assert idx.exact(("x", "d")) == pos_of(text, 1, "d")
    assert idx.exact(("x", "d", "e")) == pos_of(text, 1, "e")
    assert idx.exact(("x", "f g")) == pos_of(text, 1, '"f g"')


def test_array_elements_and_keys_inside_them():
    idx = index_positions(DECK)
    line = 13
    assert idx.exact(("cards", 0, "effects")) == (line, 1)
    assert idx.exact(("cards", 0, "effects", 0)) == pos_of(DECK, line, "{kind")
    assert idx.exact(("cards", 0, "effects", 1)) == pos_of(DECK, line, "{kind", 2)
    assert idx.exact(("cards", 0, "effects", 1, "amount")) == pos_of(DECK, line, "amount", 2)
    assert idx.exact(("deck", "tags", 1)) == pos_of(DECK, 7, '"housing"')


def test_multiline_array_with_comments_and_trailing_comma():
    idx = index_positions(DECK)
    assert idx.exact(("cards", 1, "options", 1, "effects")) == (38, 1)
    assert idx.exact(("cards", 1, "options", 1, "effects", 0)) == (39, 3)
    assert idx.exact(("cards", 1, "options", 1, "effects", 0, "amount")) == pos_of(DECK, 39, "amount")
    assert idx.exact(("cards", 1, "options", 1, "effects", 1, "topic")) == pos_of(DECK, 40, "topic")
    assert idx.exact(("cards", 1, "options", 1, "effects", 2)) is None


def test_arrays_of_arrays():
    text = "grid = [\n  [1, 2],\n  [ [3], [] ],  # comment, with [brackets]\n  [],\n]\n"
    idx = index_positions(text)
    assert idx.exact(("grid", 0)) == (2, 3)
    assert idx.exact(("grid", 0, 1)) == (2, 7)
    assert idx.exact(("grid", 1, 0)) == (3, 5)
    assert idx.exact(("grid", 1, 0, 0)) == (3, 6)
    assert idx.exact(("grid", 1, 1)) == (3, 10)
    assert idx.exact(("grid", 2)) == (4, 3)
    assert idx.exact(("grid", 3)) is None


def test_scalar_kinds_in_arrays():
    text = "x = [1979-05-27 07:32:00Z, -inf, 0x1F, true, 1_000.5e-3, 'a,b', \"c]\"]\ny = 1\n"
    idx = index_positions(text)
    assert len(tomllib.loads(text)["x"]) == 7
    assert idx.exact(("x", 1)) == pos_of(text, 1, "-inf")
    assert idx.exact(("x", 6)) == pos_of(text, 1, '"c]"')
    assert idx.exact(("x", 7)) is None
    assert idx.exact(("y",)) == (2, 1)


# --- strings and comments ------------------------------------------------------------


def test_syntax_inside_strings_and_comments_is_ignored():
    text = (
        'a = "not [a] = table # nor comment \\" still = string"\n'
        "b = 'literal \\ [b] = 1 # x'\n"
        "# c = 1\n"
        "d = 1 # [e] = 2\n"
        'f = """\n'
        "[g]\n"
        'h = "quoted" # no\n'
        'escaped \\""" is content\n'
        "{ i = 1 }\n"
        '"""\n'
        "j = '''\n"
        "[[k]]\n"
        "it's \"\" '' here\n"
        "l = 1'''''\n"
        'm = """two quotes at the end"""""\n'
        "n = 2\n"
    )
    data = tomllib.loads(text)
    idx = index_positions(text)
    assert sorted(data) == ["a", "b", "d", "f", "j", "m", "n"]
    assert all(idx.exact((key,)) is not None for key in data)
    assert idx.exact(("d",)) == (4, 1)
    assert idx.exact(("f",)) == (5, 1)
    assert idx.exact(("j",)) == (11, 1)
    assert idx.exact(("m",)) == (15, 1)
    assert idx.exact(("n",)) == (16, 1)
    for missing in ("c", "e", "g", "h", "i", "k", "l"):
        assert idx.exact((missing,)) is None


def test_multiline_string_inside_array_and_inline_table():
    text = "x = [\n  \"\"\"one\n  ] , {\"\"\",\n  { t = '''a\n}''', u = 1 },\n]\ny = 2\n"
    idx = index_positions(text)
    assert list(walk(tomllib.loads(text))) == [
        ("x",),
        ("x", 0),
        ("x", 1),
        ("x", 1, "t"),
        ("x", 1, "u"),
        ("y",),
    ]
    assert idx.exact(("x", 1)) == (4, 3)
    assert idx.exact(("x", 1, "u")) == pos_of(text, 5, "u")
    assert idx.exact(("y",)) == (7, 1)


# --- columns and line endings ----------------------------------------------------------


def test_columns_count_characters_not_bytes():
    text = 'title = "Ünïcödé 日本語"\nx = { "é" = 1, b = 2 }\n'
    idx = index_positions(text)
    assert idx.exact(("x", "é")) == (2, 7)
    assert idx.exact(("x", "b")) == (2, 16)


def test_crlf_line_endings():
    text = DECK.replace("\n", "\r\n")
    assert tomllib.loads(text) == tomllib.loads(DECK)
    crlf, lf = index_positions(text), index_positions(DECK)
    for path in walk(tomllib.loads(DECK)):
        assert crlf.exact(path) == lf.exact(path), path


# --- exact and nearest ---------------------------------------------------------------------


def test_exact_missing_returns_none():
    idx = index_positions(DECK)
    assert idx.exact(("nope",)) is None
    assert idx.exact(()) is None
    assert idx.exact(("cards", 0, "when", "nope")) is None


def test_nearest_for_missing_key_in_table_is_the_header():
    idx = index_positions(DECK)
    assert idx.nearest(("cards", 1, "when", "middle")) == (19, 2)
    assert idx.nearest(("cards", 1, "options", 0, "effects", 1, "target")) == (31, 3)
    assert idx.nearest(("deck", "colour")) == (5, 2)


def test_nearest_for_missing_key_in_inline_table_is_its_key():
    idx = index_positions(DECK)
    assert idx.nearest(("cards", 0, "when", "middle")) == (12, 1)
    assert idx.nearest(("cards", 0, "effects", 0, "target")) == pos_of(DECK, 13, "{kind")


def test_nearest_existing_and_fallback():
    idx = index_positions(DECK)
    assert idx.nearest(("title",)) == (2, 1)
    assert idx.nearest(("cards", 7, "id")) == (9, 3)
    assert idx.nearest(("nothing", "here")) == (1, 1)
    assert idx.nearest(()) == (1, 1)
    assert index_positions("").nearest(("a",)) == (1, 1)


# --- every parsed path has a position --------------------------------------------------------

_QUOTED = [
    "with space",
    "2013-12",
    "dots.in.key",
    "é ü 日本",
    'quote"in',
    "back\\slash",
    "tab\tin",
    "[br]",
    "# h",
    "a = b",
]
_STRINGS = [
    '"plain"',
    '"esc \\" \\\\ \\u00e9 [x] = 1 # no"',
    "'lit [x] # y = 2'",
    "''",
    '"""\nml [x] = 1\n# not a comment\n\\""" {y}\n"""',
    '"""ends with two quotes"""""',
    "'''\nit's [[z]] = '' ok\n'''",
    "'''ends with quotes'''''",
]
_SCALARS = [
    "0",
    "-17",
    "+3",
    "0x1F",
    "1_000",
    "3.14",
    "-2e-3",
    "inf",
    "nan",
    "true",
    "false",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32:00",
    "1979-05-27",
    "07:32:00",
]


class DocumentMaker:
    """Writes a random but valid deck-like TOML document."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.count = 0
        self.lines: list[str] = []

    def key(self) -> str:
        self.count += 1
        n, style = self.count, self.rnd.randrange(6)
        if style == 0:
            name = f"{self.rnd.choice(_QUOTED)} {n}"
            escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
            if self.rnd.random() < 0.5:
                escaped = escaped.replace("é", "\\u00e9")
            return f'"{escaped}"'
        if style == 1:
            return f"'{self.rnd.choice(_QUOTED)} {n}'"
        return self.rnd.choice([f"k{n}", str(n), f"key-{n}_x", f"K{n}"])

    def value(self, depth: int, inline: bool) -> str:
        roll = self.rnd.random()
        if depth < 3 and roll < 0.15:
            items = [self.value(depth + 1, inline) for _ in range(self.rnd.randrange(5))]
            if inline or self.rnd.random() < 0.5:
                return "[" + ", ".join(items) + "]"
            trailing = "," if items and self.rnd.random() < 0.5 else ""
            return "[\n  " + ",  # note\n  ".join(items) + trailing + "\n]"
        if depth < 3 and roll < 0.3:
            pairs = [f"{self.dotted()} = {self.value(depth + 1, True)}" for _ in range(self.rnd.randrange(4))]
            return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
        if roll < 0.6:
            strings = [s for s in _STRINGS if not inline or "\n" not in s]
            return self.rnd.choice(strings)
        return self.rnd.choice(_SCALARS)

    def dotted(self) -> str:
        return ".".join(self.key() for _ in range(1 + (self.rnd.random() < 0.3)))

    def body(self) -> None:
        for _ in range(self.rnd.randrange(1, 5)):
            if self.rnd.random() < 0.2:
                prefix = self.key()
                for _ in range(self.rnd.randrange(1, 3)):
                    self.lines.append(f"{prefix} . {self.dotted()} = {self.value(0, False)}")
            else:
                comment = "  # trailing [x] = 1" if self.rnd.random() < 0.3 else ""
                self.lines.append(f"{self.key()} = {self.value(0, False)}{comment}")
            if self.rnd.random() < 0.2:
                self.lines.append(self.rnd.choice(["", "# a comment", "   ", "\t# indented"]))

    def document(self) -> str:
        self.body()
        for _ in range(self.rnd.randrange(3)):
            name = self.key()
            self.lines.append(f"\n[{name}]")
            self.body()
            if self.rnd.random() < 0.5:
                self.lines.append(f"[ {name} . {self.key()} ]")
                self.body()
            if self.rnd.random() < 0.5:
                self.lines.append(f"[{self.key()}.{self.key()}.{self.key()}]")
                self.body()
        cards = self.rnd.choice(["cards", '"the cards"'])
        for _ in range(self.rnd.randrange(1, 4)):
            self.lines.append(f"\n[[{cards}]]")
            self.body()
            if self.rnd.random() < 0.6:
                self.lines.append(f"[{cards}.when]")
                self.body()
            for _ in range(self.rnd.randrange(3)):
                self.lines.append(f"[[{cards}.options]]")
                self.body()
                for _ in range(self.rnd.randrange(3)):
                    self.lines.append(f"[[ {cards} . options . effects ]]")
                    self.body()
        return "\n".join(self.lines) + "\n"


def check_every_path_located(text: str) -> None:
    data = tomllib.loads(text)
    idx = index_positions(text)
    lines = text.split("\n")
    for path in walk(data):
        found = idx.exact(path)
        assert found is not None, path
        line, col = found
        before, rest = lines[line - 1][: col - 1], lines[line - 1][col - 1 :]
        last = path[-1]
        header = before.rstrip().endswith("[")
        if isinstance(last, str):
            if not header and not rest.startswith(('"', "'")):
                assert rest.startswith(last) and not rest[len(last) : len(last) + 1].isalnum(), (path, rest)
        elif last > 0:
            assert idx.exact((*path[:-1], last - 1)) < found, path


def test_every_path_of_a_generated_document_is_located():
    for seed in range(30):
        check_every_path_located(DocumentMaker(random.Random(seed)).document())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_every_path_of_random_documents_is_located(rnd):
    check_every_path_located(DocumentMaker(rnd).document())


def test_every_path_of_the_deck_is_located():
    check_every_path_located(DECK)


# --- robustness and speed ------------------------------------------------------------------


def exercise(text) -> None:
    idx = index_positions(text)
    for path in [(), ("a",), ("cards", 0, "id"), ("x", 0, 0)]:
        idx.exact(path)
        line, col = idx.nearest(path)
        assert line >= 1 and col >= 1


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_raises(text):
    exercise(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[]{}=\"'#.,\\\n\r\t abu01-_é"))
def test_toml_like_text_never_raises(text):
    exercise(text)


@settings(max_examples=100, deadline=None)
@given(st.binary())
def test_binary_garbage_never_raises(data):
    exercise(data.decode("latin-1"))
    exercise(data.decode("utf-8", "replace"))
    exercise(data)


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, len(DECK)),
        st.sampled_from(list("[]{}\"'#=.,\n\\ x1")),
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(_EDITS)
def test_mutated_documents_never_raise(edits):
    text = DECK
    for op, at, char in edits:
        at = min(at, len(text))
        if op == "insert":
            text = text[:at] + char + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + char + text[at + 1 :]
    exercise(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(DECK)))
def test_truncated_documents_never_raise(size):
    exercise(DECK[:size])


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "x = " + "[" * 100_000,
        "x = " + "[{a=" * 30_000,
        "a." * 50_000 + " = 1",
        "[" + "a." * 50_000 + "]",
        'x = """' + '\\"' * 50_000,
        "x = [" + "}" * 100_000,
        '"' * 100_000,
        "\x00\xff\ufffd" * 10_000,
    ],
    ids=[
        "brackets",
        "nested-arrays",
        "nested-inline",
        "long-dotted",
        "long-header",
        "open-string",
        "stray-closers",
        "quotes",
        "binary",
    ],
)
def test_pathological_inputs_are_safe(text):
    exercise(text)


def test_five_thousand_cards_are_all_indexed():
    card = DECK[DECK.index("[[cards]]") :]
    text = "".join(card.replace('id = "', f'id = "{n}-') for n in range(2_500))
    assert text.count("\n") > 75_000
    idx = index_positions(text)
    assert idx.exact(("cards", 4_999, "options", 1, "effects", 1, "topic")) is not None
