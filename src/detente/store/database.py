"""Opening the store: one writing process at a time, readers with short read-only connections.

DuckDB lets one process hold a database file for writing, and a read-only connection in
another process conflicts with it. detente therefore keeps every connection short: the
writer opens the file for one batch commit and closes it again, and readers (the CLI,
exports, the API) open a read-only connection per query or request. Whoever finds the file
locked waits and retries until `timeout` seconds have passed. Between batch commits the
file is free, so readers and the writer take turns instead of failing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from detente.errors import Errors, StoreError
from detente.store.schema import migrate

RETRY_PAUSE = 0.05
READ_TIMEOUT = 30.0
WRITE_TIMEOUT = 120.0


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
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as e:
            if not _is_lock_error(e) or time.monotonic() > deadline:
                raise StoreError(Errors.E303.format(path=path, reason=e)) from e
            time.sleep(pause)
            pause = min(pause * 1.5, 0.5)


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


def initialise(path: str | Path) -> list[str]:
    """Create or upgrade the store at `path`; the names of the migrations applied."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    try:
        return migrate(con)
    finally:
        con.close()
