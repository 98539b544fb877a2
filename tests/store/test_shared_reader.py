"""A server's shared reader: one held read-only connection, let go when idle, after a hold, or
before this process writes, so writers still get the file and reads see their commits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import initialise, reading, share_reads, stop_sharing, writing

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from detente.store import writing
with writing(sys.argv[1], timeout=20) as con:
    con.execute("INSERT INTO failures VALUES ('f-other', 'd', NULL, 'read', 'x', NULL, NULL)")
"""


def _count(db: Path) -> int:
    with reading(db) as con:
        return int((con.execute("SELECT count(*) FROM failures").fetchone() or (0,))[0])


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.duckdb"
    initialise(path)
    yield path
    stop_sharing(path)


def _write_from_another_process(db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_reads_share_one_connection_and_let_go_when_idle(db: Path) -> None:
    shared = share_reads(db, idle=0.05)
    assert [_count(db) for _ in range(5)] == [0] * 5
    assert shared.opened == 1
    deadline = time.monotonic() + 5
    while shared.is_open and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not shared.is_open
    writer = _write_from_another_process(db)  # the file is free: the other process writes at once
    assert writer.wait(30) == 0, writer.communicate()[1].decode()
    assert _count(db) == 1 and shared.opened == 2  # reopened, and sees the other process's commit


def test_a_busy_shared_reader_lets_another_process_write(db: Path) -> None:
    shared = share_reads(db, hold=0.2, idle=10.0)  # never idle: only the hold lets the writer in
    counts: list[int] = []
    writer = _write_from_another_process(db)
    while writer.poll() is None:
        counts.append(_count(db))
    assert writer.returncode == 0, writer.communicate()[1].decode()
    counts.append(_count(db))
    assert counts[0] == 0 and counts[-1] == 1
    assert shared.opened >= 2


def test_this_process_writes_while_sharing_reads(db: Path) -> None:
    share_reads(db, idle=10.0)
    assert _count(db) == 0
    with writing(db) as con:  # DuckDB refuses read-write beside read-only in one process: released first
        con.execute("INSERT INTO failures VALUES ('f1', 'd', NULL, 'read', 'x', NULL, NULL)")
    assert _count(db) == 1


def test_concurrent_reads_use_cursors_of_the_shared_connection(db: Path) -> None:
    shared = share_reads(db, idle=10.0)
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(_count(db))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [0] * 8 and shared.opened == 1
