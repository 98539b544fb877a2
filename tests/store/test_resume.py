"""Killed with SIGKILL mid-run, an ingest resumes with no duplicate and no missing document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.store import reading

from .conftest import write_corpus

ROOT = Path(__file__).resolve().parents[2]


def _ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "detente", "ingest", str(src), "--db", str(db),
                             "--batch-size", "16"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stored(db: Path) -> int:
    try:
        with reading(db, timeout=0.2) as con:
            return int((con.execute("SELECT count(*) FROM articles").fetchone() or (0,))[0])
    except (StoreError, duckdb.Error):
        return 0


@pytest.mark.slow
def test_sigkill_then_resume_stores_every_document_exactly_once(tmp_path: Path) -> None:
    n, bad = 400, (7, 250)
    src = write_corpus(tmp_path / "corpus.jsonl", n, bad_lines=bad)
    db = tmp_path / "store.duckdb"
    kills = 0
    for wait_for in (40, 200):  # kill twice, each time after some batches have been committed
        proc = _ingest(src, db)
        deadline = time.monotonic() + 120
        while _stored(db) < wait_for and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
    assert kills >= 1 and 0 < _stored(db) < n
    proc = _ingest(src, db)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert b"reconciled" in stderr
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        assert len(ids) == len(set(ids)) == n - len(bad)
        assert set(ids) == {f"doc-{i:05d}" for i in range(n) if i not in bad}
        # every article's mentions are there exactly once (committed with the article)
        mismatched = con.execute("""SELECT count(*) FROM articles a LEFT JOIN (
            SELECT article_id, count(*) AS k FROM mentions GROUP BY article_id) m USING (article_id)
            WHERE coalesce(m.k, 0) <> a.n_events""").fetchone()
        assert mismatched == (0,)
        dupes = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM mentions").fetchone()
        assert dupes == (0,)
        assert con.execute("SELECT count(*) FROM failures").fetchone() == (len(bad),)
        last = con.execute("SELECT reconciled FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
        assert last == (True,)
