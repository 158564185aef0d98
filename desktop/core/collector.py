"""Building a structure of 100,000 rows without the cyclic garbage collector running through it.

CPython runs a collection each time enough container objects have been allocated, and a full
one each time the long-lived objects have grown by a quarter: while a list of 100,000 named
tuples is built (a month's settlement lines and their reconciliation), it walks every object of
the process several times. Exact tuples of strings and numbers are dropped from its sight at the
first walk; named tuples never are. The walks find nothing to free (the rows refer to no cycle)
and were 40% of the counter's reconciliation (docs/settlement.md, Performance). Mercurial builds
its manifests the same way (`util.nogc`)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_inside = 0  # blocks running now, on any thread
_was_on = False  # whether the collector was on when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block; the next allocation after it may run one.
    Blocks on several threads share one pause: it begins with the first and ends with the
    last, which switches the collector back on unless it was off before the first began."""
    global _inside, _was_on
    with _lock:
        if _inside == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _was_on:
                gc.enable()
