"""The `bigshire` command: a thin front end over content, engine, saves and debrief.

One module per group of commands; heavy modules are imported inside each command so
that `bigshire validate` starts quickly and never loads the terminal UI.
"""

from __future__ import annotations

from collections.abc import Sequence

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, validate_command
from .parser import build_parser

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main", "validate_command"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
