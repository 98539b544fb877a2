"""Opening the store: one writing process at a time, readers with short read-only connections.

DuckDB lets one process hold a database file for writing, and a read-only connection in
another process conflicts with it. detente therefore keeps connections short: readers (the
CLI, exports, the API) open a read-only connection per query or request, and the writer
holds the file under a `Lease`: it commits batches on one connection for at most
LEASE_SECONDS, then lets go and leaves the file free for at least WRITER_GAP seconds
before taking it again. Whoever finds the file locked waits and retries until `timeout`
seconds have passed (30 s for readers), so readers wait at most about a lease while an
ingest runs, and nobody fails. (Opening a store costs tens of milliseconds, which is why
the writer does not reopen it for every batch.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from detente.config import settings
from detente.errors import Errors, StoreError
from detente.store.schema import migrate

RETRY_PAUSE = 0.01
MAX_PAUSE = 0.05
WRITER_GAP = 0.15
LEASE_SECONDS = 1.0
READ_TIMEOUT = 30.0
WRITE_TIMEOUT = 120.0
_released: dict[str, float] = {}  # when this process last let go of each store for writing


def _is_lock_error(e: Exception) -> bool:
    text = str(e).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


def connect(path: str | Path, *, read_only: bool = False, timeout: float | None = None
            ) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`, retrying while another process holds the file."""
    limit = timeout if timeout is not None else (READ_TIMEOUT if read_only else WRITE_TIMEOUT)
    deadline = time.monotonic() + limit
    pause = RETRY_PAUSE
    if read_only and not Path(path).exists():
        raise StoreError(Errors.E302.format(path=path))
    if not read_only:
        free_for = time.monotonic() - _released.get(str(path), 0.0)
        if free_for < WRITER_GAP:
            time.sleep(WRITER_GAP - free_for)
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=connection_config())
        except (duckdb.IOException, duckdb.ConnectionException) as e:
            if not _is_lock_error(e) or time.monotonic() > deadline:
                raise StoreError(Errors.E303.format(path=path, reason=e)) from e
            time.sleep(pause)
            pause = min(pause * 1.5, MAX_PAUSE)


def connection_config() -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB settings for every connection to a store: the memory limit from config.py."""
    mb = settings().store_memory_mb
    return {"memory_limit": f"{mb}MB"} if mb else {}


@contextmanager
def reading(path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection, closed on exit so the writer can take the file."""
    con = connect(path, read_only=True, timeout=timeout)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def writing(path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection holding one transaction: committed on success, else rolled back."""
    con = connect(path, timeout=timeout)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()
        _released[str(path)] = time.monotonic()


def initialise(path: str | Path) -> list[str]:
    """Create or upgrade the store at `path`; the names of the migrations applied."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    try:
        return migrate(con)
    finally:
        con.close()


class Lease:
    """The writer's hold on a store: transactions on one connection, let go every `hold` seconds."""

    def __init__(self, path: str | Path, hold: float = LEASE_SECONDS) -> None:
        self.path = Path(path)
        self.hold = hold
        self._con: duckdb.DuckDBPyConnection | None = None
        self._since = 0.0

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed on success, else rolled back; the lease may end after it."""
        if self._con is None:
            self._con = connect(self.path)
            self._since = time.monotonic()
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                self.release()
            raise
        con.execute("COMMIT")
        if time.monotonic() - self._since > self.hold:
            self.release()

    def release(self) -> None:
        """Close the connection so that readers can open the store."""
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None
                _released[str(self.path)] = time.monotonic()
