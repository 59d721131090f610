"""Garbage collection paced for a game played by keys: a full collection over the heap of a
loaded scenario and Textual takes 150-250 ms here, and with Python's default thresholds one
lands between a key and its frame every few dozen keys (the desk's worst key-to-render times).
Collecting the youngest generation after 50,000 net allocations instead of 700 makes those
pauses rare; memory stays bounded because every generation is still collected.
"""

from __future__ import annotations

import gc

YOUNG = 50_000  # net allocations before the youngest generation is collected (Python's default: 700)


def steady() -> None:
    """Set the thresholds once a desk is up; calling it again changes nothing."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG, middle, old)
