"""Write the events file's JSON Schema and its reference page from the event classes.

    PYTHONPATH=src python scripts/gen_events_schema.py [--check]

Writes schemas/events.schema.json and docs/events.md (see `bigshire_game.export.reference`). Run it after
adding or changing an event kind, the envelope or a CSV column; `--check` writes nothing and exits 1 when
either file differs from what it would write. tests/test_export.py fails when the committed files are stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bigshire_game.export.reference import DOC_FILE, SCHEMA_FILE, events_markdown, schema_text

ROOT = Path(__file__).resolve().parents[1]


def generated() -> dict[str, str]:
    """Each file's path from the repository root, with the text it should hold."""
    return {SCHEMA_FILE: schema_text(), DOC_FILE: events_markdown()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    args = parser.parse_args(argv)
    stale = []
    for name, text in generated().items():
        path = ROOT / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{name}: {'stale' if args.check else 'written'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
