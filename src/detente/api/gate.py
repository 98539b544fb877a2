"""Turn-taking between the server's reads and its one writer.

DuckDB refuses a read-only and a read-write connection to the same file inside one process,
so while the write endpoint ingests, the server's own reads must wait (and the writer must
wait for reads in progress). Many reads share the store; a write has it alone; a waiting
write goes before new reads, so a busy dashboard cannot starve it. A read that waits longer
than its limit gets a StoreError (answered 503) instead of hanging.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from detente.errors import StoreError

BUSY = "the store is busy with a write: try again shortly"


class StoreGate:
    """A readers-writer gate (writer preference) over the store file."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    def acquire_shared(self, timeout: float) -> None:
        """Wait (at most `timeout` seconds) until no write runs or waits, then read."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing and not self._writers_waiting, timeout):
                raise StoreError(BUSY)
            self._readers += 1

    def release_shared(self) -> None:
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    @contextmanager
    def shared(self, timeout: float) -> Iterator[None]:
        """Read while no write runs."""
        self.acquire_shared(timeout)
        try:
            yield
        finally:
            self.release_shared()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Write alone: wait for the reads in progress, hold new ones back."""
        with self._cond:
            self._writers_waiting += 1
            try:
                self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
