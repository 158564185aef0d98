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
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block; the next allocation after it may run one.
    Global to the process: another thread's block may end this pause early, which costs time
    only, and a pause never outlives the last block (the collector is switched back on unless it
    was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
