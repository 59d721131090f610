"""Reading a scenario folder (content/scenario.toml, roles/*.toml, decks/*.toml)
into a `Scenario`, collecting every problem instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from attrs import define, field

from .builtin import builtin_scenario_dir
from .checks import World, check_all
from .convert import structure
from .diagnostics import Diagnostic, KeyPath, suggest
from .guards import FileRefused, parse_checked, read_capped, toml_files
from .layout import NARRATIVE_FILE, SCENARIO_FILE
from .locate import PositionIndex
from .model import Card, DeckFile, DeckInfo, NarrativeFile, Role, ScenarioFile
from .scenario import Scenario

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


class ContentError(Exception):
    """Content that cannot be played; carries every diagnostic, for printing."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"]
        super().__init__(f"{len(errors)} problem(s) in content:\n" + "\n".join(d.render() for d in errors))


@define
class _Source:
    shown: str
    text: str
    index: PositionIndex | None = None

    def position(self, path: KeyPath) -> tuple[int, int]:
        if self.index is None:
            self.index = PositionIndex(self.text)
        return self.index.nearest(path)


@define
class _Reading:
    root: Path
    sources: dict[str, _Source] = field(factory=dict)
    hashes: dict[str, str] = field(factory=dict)
    diagnostics: list[Diagnostic] = field(factory=list)

    def problem(self, file: str, path: KeyPath, message: str, severity: str = "error") -> None:
        src = self.sources.get(file)
        line, col = src.position(path) if src else (1, 1)
        self.diagnostics.append(Diagnostic(file, line, col, path, message, severity))

    def read(self, path: Path, key: str | None) -> tuple[str, dict[str, Any] | None]:
        """Parse one file, reporting unreadable bytes and TOML syntax at their position.
        A file read with no `key` is left out of the content hash."""
        shown = _shown(path)
        try:
            data = read_capped(path)
        except FileRefused as exc:
            self.diagnostics.append(Diagnostic(shown, 1, 1, (), str(exc)))
            return shown, None
        if key is not None:
            self.hashes[key] = hashlib.sha256(data).hexdigest()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            message = (
                f"this is not a text file in UTF-8 (unreadable byte 0x{data[exc.start]:02x}); save it as UTF-8 text"
            )
            self.diagnostics.append(Diagnostic(shown, line, col, (), message))
            return shown, None
        self.sources[shown] = _Source(shown, text)
        try:
            raw, failure, hostile = parse_checked(text)
        except tomllib.TOMLDecodeError as exc:
            self.diagnostics.append(syntax_diagnostic(shown, text, exc))
            return shown, None
        if raw is None:
            line, col, message = failure
            self.diagnostics.append(Diagnostic(shown, line, col, (), message))
            return shown, None
        if not raw and not text.strip("\ufeff \t\r\n"):
            self.diagnostics.append(Diagnostic(shown, 1, 1, (), "the file is empty"))
            return shown, None
        for path, message in hostile:  # nothing after this point has to cope with them
            self.problem(shown, path, message)
        return shown, None if hostile else raw


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to where they are, when it can be."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def syntax_diagnostic(shown: str, text: str, exc: tomllib.TOMLDecodeError) -> Diagnostic:
    """tomllib's complaint, located and reworded; saves use it too."""
    message = str(exc)
    match = _TOML_POSITION.search(message)
    if match and match.group(1):
        line, col = int(match.group(1)), int(match.group(2))
    else:
        line = text.count("\n") + 1
        col = len(text) - text.rfind("\n")
    reason = _TOML_POSITION.sub("", message).rstrip(".")
    for pattern, plain in _SYNTAX_WORDS:
        if re.fullmatch(pattern, reason):
            reason = plain
            break
    return Diagnostic(shown, line, col, (), f"this is not valid TOML: {reason[:1].lower()}{reason[1:]}")


# tomllib's wording for the mistakes facilitators make most, in their words.
_SYNTAX_WORDS = (
    (r"Illegal character '\\n'", 'the line ends inside quoted text: is a closing quote (") missing?'),
    (r"Unterminated string|Expected (\"'\"|'\"')", "quoted text is never closed: is a closing quote missing?"),
    (r"Illegal character .*", "this character is not allowed in a TOML file (is the file really text?)"),
    (
        r"Invalid value",
        'the value is not understood: put text in "quotes", write numbers as 3 or 2.5, and true or false in small letters',
    ),
    (r"Cannot overwrite a value", "this key is given a value twice"),
    (r"Cannot declare .* twice", "this [table] is written twice"),
    (r"Unclosed array", "a list is not closed: is a comma or a closing ] missing?"),
    (r"Expected '=' after a key in a key/value pair", 'expected "=" after the key name'),
    (r"Invalid statement", "this line is neither key = value nor a [table] heading"),
)


def read_scenario(
    root: str | os.PathLike[str], extra_decks: tuple[str | os.PathLike[str], ...] = ()
) -> tuple[Scenario | None, list[Diagnostic]]:
    """The scenario and any warnings, or None and every problem found."""
    root = Path(root)
    reading = _Reading(root)
    world = World()
    scenario_path = root / SCENARIO_FILE
    if not os.path.lexists(scenario_path):
        shown = _shown(scenario_path)
        message = f"there is no scenario here: expected the file {SCENARIO_FILE.as_posix()} inside {_shown(root)}"
        return None, [Diagnostic(shown, 1, 1, (), message)]

    shown, raw = reading.read(scenario_path, SCENARIO_FILE.as_posix())
    world.scenario_file = shown
    if raw is not None:
        world.scenario, problems = structure(raw, ScenarioFile)
        for path, message in problems:
            reading.problem(shown, path, message)

    role_paths = _listed(reading, root / "roles")
    if not role_paths:
        reading.diagnostics.append(
            Diagnostic(_shown(root / "roles"), 1, 1, (), "there are no role files (roles/*.toml)")
        )
    role_files: dict[str, str] = {}
    for path in role_paths:
        shown, raw = reading.read(path, f"roles/{path.name}")
        if raw is None:
            continue
        rid = raw.get("id")
        if isinstance(rid, str):
            if rid in role_files:
                reading.problem(shown, ("id",), f'the role id "{rid}" is already used by {role_files[rid]}')
                continue
            role_files[rid] = shown
            if isinstance(raw.get("kind"), str):
                world.role_kinds[rid] = raw["kind"]
        role, problems = structure(raw, Role)
        for p, message in problems:
            reading.problem(shown, p, message)
        if role is not None:
            world.roles[role.id] = (shown, role)

    deck_paths = _listed(reading, root / "decks") + [Path(p) for p in extra_decks]
    if not deck_paths:
        reading.diagnostics.append(
            Diagnostic(_shown(root / "decks"), 1, 1, (), "there are no deck files (decks/*.toml)")
        )
    decks: list[DeckFile] = []
    card_decks: dict[str, str] = {}
    for path in deck_paths:
        key = f"decks/{path.name}" if path.parent == root / "decks" else _shown(path)
        shown, raw = reading.read(path, key)
        if raw is not None:
            deck = _read_deck(reading, world, shown, raw, card_decks)
            if deck is not None:
                decks.append(deck)

    narrative = _read_narratives(reading, world, root)

    for file, path, message, severity in check_all(world):
        reading.problem(file, path, message, severity)

    diagnostics = sorted(reading.diagnostics, key=lambda d: (d.file, d.line, d.column))
    if any(d.severity == "error" for d in diagnostics) or world.scenario is None:
        return None, diagnostics
    scenario = Scenario(
        root=str(root),
        info=world.scenario,
        roles={rid: role for rid, (_, role) in world.roles.items()},
        decks=tuple(decks),
        cards={cid: card for cid, (_, _, card) in world.cards.items()},
        card_decks=card_decks,
        content_hash=_content_hash(reading.hashes),
        file_hashes=dict(sorted(reading.hashes.items())),
        narrative=narrative,
    )
    return scenario, diagnostics


def _listed(reading: _Reading, folder: Path) -> list[Path]:
    paths, problem = toml_files(folder)
    if problem:
        reading.diagnostics.append(Diagnostic(_shown(folder), 1, 1, (), problem))
    return paths


def _read_narratives(reading: _Reading, world: World, root: Path) -> NarrativeFile:
    """The scenario's own sentences laid over the built-in ones, event by event.

    The file is optional: a scenario without one (or one that rewords only some events)
    uses the built-in Bigshire sentences for the rest. Wording never changes how a game
    plays, so narrative.toml is left out of the content hash: rewording a sentence does
    not make saved games look as if they were made with different content.
    """
    files: list[NarrativeFile] = []
    try:
        builtin = builtin_scenario_dir() / NARRATIVE_FILE
    except FileNotFoundError:
        builtin = None
    own = root / NARRATIVE_FILE
    paths = [builtin] if builtin is not None and builtin.is_file() else []
    # Optional, but once there it is read: a folder, a device or a broken file in its place is reported.
    if os.path.lexists(own) and not (paths and _same_file(own, paths[0])):
        paths.append(own)
    for path in paths:
        shown, raw = reading.read(path, None)
        if raw is None:
            continue
        narrative, problems = structure(raw, NarrativeFile)
        for p, message in problems:
            reading.problem(shown, p, message)
        if narrative is not None:
            world.narratives.append((shown, narrative))
            files.append(narrative)
    merged = NarrativeFile()
    for narrative in files:
        merged = _lay_over(merged, narrative)
    return merged


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _lay_over(base: NarrativeFile, top: NarrativeFile) -> NarrativeFile:
    """`top`'s words win; an event `top` writes templates for keeps none of `base`'s."""
    rewritten = {t.event for t in top.templates}
    return NarrativeFile(
        agreements={**base.agreements, **top.agreements},
        topics={**base.topics, **top.topics},
        settings={**base.settings, **top.settings},
        templates=tuple(t for t in base.templates if t.event not in rewritten) + top.templates,
    )


def _read_deck(
    reading: _Reading, world: World, shown: str, raw: dict[str, Any], card_decks: dict[str, str]
) -> DeckFile | None:
    """Cards are read one by one so that one broken card hides nothing about the others."""
    for key in sorted(set(raw) - {"deck", "cards"}):
        hint = suggest(key, ["deck", "cards"]) or " A deck file has a [deck] table and [[cards]]."
        reading.problem(shown, (key,), f'unknown key "{key}".{hint}')
    info: DeckInfo | None = None
    if "deck" not in raw:
        reading.problem(shown, (), "the [deck] table is missing (it names the deck: id and title)")
    else:
        info, problems = structure(raw["deck"], DeckInfo)
        for p, message in problems:
            reading.problem(shown, ("deck", *p), message)
    raw_cards = raw.get("cards", [])
    if not isinstance(raw_cards, list):
        reading.problem(shown, ("cards",), "cards must be written as [[cards]] tables")
        raw_cards = []
    if not raw_cards:
        reading.problem(shown, (), "this deck has no cards", "warning")
    cards: list[Card] = []
    for i, raw_card in enumerate(raw_cards):
        cid = raw_card.get("id") if isinstance(raw_card, dict) else None
        if isinstance(cid, str):
            if cid in card_decks:
                other = world.cards.get(cid)
                where = other[0] if other else "another deck"
                reading.problem(shown, ("cards", i, "id"), f'the card id "{cid}" is already used in {where}')
                continue
            world.card_ids.add(cid)
            card_decks[cid] = info.id if info else shown
        card, problems = structure(raw_card, Card)
        for p, message in problems:
            reading.problem(shown, ("cards", i, *p), message)
        if card is not None:
            cards.append(card)
            world.cards[card.id] = (shown, ("cards", i), card)
    if info is None:
        return None
    world.decks.append((shown, info))
    return DeckFile(deck=info, cards=tuple(cards))


def _content_hash(hashes: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for key in sorted(hashes):
        digest.update(f"{key}\0{hashes[key]}\n".encode())
    return digest.hexdigest()


def load_scenario(root: str | os.PathLike[str], extra_decks: tuple[str | os.PathLike[str], ...] = ()) -> Scenario:
    """The scenario, or ContentError with every problem."""
    scenario, diagnostics = read_scenario(root, extra_decks)
    if scenario is None:
        raise ContentError(diagnostics)
    return scenario
