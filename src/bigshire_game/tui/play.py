"""`bigshire play`: read the command line, then run the app (Textual is imported only now)."""

from __future__ import annotations

import argparse

from .launch import EXIT_OK, build_launch


def play(args: argparse.Namespace, parser: argparse.ArgumentParser | None = None) -> int:
    launch = build_launch(args, parser)
    if isinstance(launch, int):
        return launch
    from .app import BigshireApp

    try:
        BigshireApp(launch).run()
    finally:
        if launch.lock is not None:
            launch.lock.release()
    return EXIT_OK
