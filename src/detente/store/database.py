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

A server answers many short queries, and opening and closing the file would cost more than
most of them; `share_reads(path)` makes this process's `reading(path)` share one read-only
connection (`SharedReader`) that is held under the same terms as the writer's lease: closed
as soon as it has been idle for READER_IDLE seconds, let go after LEASE_SECONDS of use
(when its queries in flight finish) and left closed for WRITER_GAP, and closed before this
process itself opens the store for writing. While it is open no other process can write, so
what it reads cannot change under it; every reopening sees the latest commit.
"""

from __future__ import annotations

import os
import threading
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
READER_IDLE = 0.25
_released: dict[str, float] = {}  # when this process last let go of each store for writing
_shared: dict[str, SharedReader] = {}  # stores whose reads this process shares (share_reads)


def _key(path: str | Path) -> str:
    return os.path.abspath(path)


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
        shared = _shared.get(_key(path))
        if shared is not None:
            shared.release()  # DuckDB refuses a read-write and a read-only instance in one process
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
    """A short read-only connection, closed on exit so the writer can take the file (or, when
    this process shares its reads of `path`, a cursor of the shared reader)."""
    shared = _shared.get(_key(path))
    if shared is not None:
        with shared.connection(timeout) as cursor:
            yield cursor
        return
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


class SharedReader:
    """One read-only connection shared by the threads of a process, held for short stretches.

    Each query gets its own cursor. The connection is closed when it has been idle for `idle`
    seconds; after `hold` seconds it takes no new queries, is closed when those in flight end,
    and stays closed for `gap` seconds, so a writer in another process (which retries every
    few hundredths of a second) gets the file at least as often as with the writer's lease.
    """

    def __init__(self, path: str | Path, hold: float = LEASE_SECONDS, idle: float = READER_IDLE,
                 gap: float = WRITER_GAP) -> None:
        self.path = Path(path)
        self.hold = hold
        self.idle = idle
        self.gap = gap
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._since = 0.0        # when the connection was opened
        self._last = 0.0         # when its last query ended
        self._closed_until = 0.0  # no reopening before this (after a hold)
        self._users = 0
        self._timer: threading.Timer | None = None
        self.opened = 0          # connections opened so far (for tests and benchmarks)

    @property
    def is_open(self) -> bool:
        return self._con is not None

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared connection, opening it (or waiting for the gap) as needed."""
        with self._cond:
            while True:
                now = time.monotonic()
                if self._con is not None and now - self._since > self.hold:
                    if self._users:
                        self._cond.wait()
                        continue
                    self._close(gap=True)
                if self._con is None:
                    if now < self._closed_until:
                        self._cond.wait(self._closed_until - now)
                        continue
                    self._con = connect(self.path, read_only=True, timeout=timeout)
                    self._since = time.monotonic()
                    self.opened += 1
                break
            cursor = self._con.cursor()
            self._users += 1
        try:
            yield cursor
        finally:
            cursor.close()
            with self._cond:
                self._users -= 1
                self._last = time.monotonic()
                if not self._users and self._timer is None:
                    self._watch(self.idle)
                self._cond.notify_all()

    def _watch(self, delay: float) -> None:
        """Check for idleness after `delay` seconds (one timer at a time)."""
        self._timer = threading.Timer(delay, self._close_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _close_if_idle(self) -> None:
        with self._cond:
            self._timer = None
            if self._con is None or self._users:
                return  # closed already, or the last query to end will watch again
            idle_for = time.monotonic() - self._last
            if idle_for >= self.idle:
                self._close(gap=False)
            else:
                self._watch(self.idle - idle_for)

    def _close(self, gap: bool) -> None:
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None
                if gap:
                    self._closed_until = time.monotonic() + self.gap
                self._cond.notify_all()

    def release(self) -> None:
        """Close the connection once the queries in flight end (before this process writes)."""
        with self._cond:
            self._cond.wait_for(lambda: not self._users)
            self._close(gap=False)


def share_reads(path: str | Path, hold: float = LEASE_SECONDS, idle: float = READER_IDLE) -> SharedReader:
    """Make this process's `reading(path)` share one held read-only connection (for a server)."""
    key = _key(path)
    if key not in _shared:
        _shared[key] = SharedReader(path, hold=hold, idle=idle)
    return _shared[key]


def stop_sharing(path: str | Path) -> None:
    """Back to a connection per `reading(path)`; the shared one is closed."""
    shared = _shared.pop(_key(path), None)
    if shared is not None:
        shared.release()
