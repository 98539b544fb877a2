"""Readers and the writer take turns: reads never fail while another process ingests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.store import initialise
from detente.store.queries import EventFilter, query_events, summarise

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from detente.pipeline import Result
from detente.records import Article, Event, Evidence
from detente.runner import run

def fake(batch):
    out = []
    for a in batch:
        e = Event(event_id=a.id + "-e", article_id=a.id, sentence_index=0, sentence=a.text, source=None,
                  target=None, event_type="ACCUSE", mode=None, context=[], cameo="112", goldstein=-2.0,
                  quad_class=3, date="2018-01-04", date_precision="day", status="occurred", location=None,
                  speaker=None, evidence=Evidence(trigger="x"), confidence=0.5)
        out.append(Result(a, [e]))
    return out

items = (Article(id=f"d{i}", text=f"Item {i}: the ministry accused its neighbour of provocations "
                 f"again, in statement number {i * 7919 % 10007}.") for i in range(1500))
s = run(["generated"], sys.argv[1], items=items, fn=fake, batch_size=20)
print(s.stored, s.reconciled)
"""


@pytest.mark.slow
def test_readers_and_writer_take_turns(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    initialise(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reads, seen = 0, set()
    while writer.poll() is None:
        seen.add(summarise(db).articles)  # raises StoreError if it cannot get the file in time
        query_events(db, EventFilter(limit=5))
        reads += 1
        time.sleep(0.1)
    out, err = writer.communicate()
    assert writer.returncode == 0, err.decode()
    assert out.split() == [b"1500", b"True"]
    assert reads > 3 and len(seen) > 2  # the readers saw the store grow while it was written
    assert summarise(db).articles == 1500
