"""Reads and the one writer take turns inside the server process (DuckDB allows no mix)."""

from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from detente.api.gate import StoreGate
from detente.errors import StoreError

from .conftest import TOKEN, running_server


def test_reads_share_and_a_write_waits_for_them() -> None:
    gate = StoreGate()
    order: list[str] = []
    with gate.shared(1), gate.shared(1):

        def write() -> None:
            with gate.exclusive():
                order.append("write")

        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.1)
        order.append("reads done")
    writer.join(2)
    assert order == ["reads done", "write"]


def test_a_read_waits_for_the_write_and_gives_up_after_its_limit() -> None:
    gate = StoreGate()
    with gate.exclusive():
        started = time.monotonic()
        with pytest.raises(StoreError, match="busy"), gate.shared(0.2):
            pass
        assert time.monotonic() - started >= 0.2
    with gate.shared(0.1):  # free again
        pass


@pytest.mark.slow
def test_server_reads_while_it_ingests(relations_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(relations_store, db)
    line = b'{"id": "g%d", "text": "Japan praised China on %d May 2018.", "published": "2018-05-20"}\n'
    docs = b"".join(line % (i, i + 1) for i in range(12))
    with running_server(db, "--write-token", TOKEN) as base, ThreadPoolExecutor(8) as pool:
        before = httpx.get(base + "/api/stats").json()["events"]
        post = pool.submit(httpx.post, base + "/api/documents", content=docs,
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        reads = [pool.submit(httpx.get, base + path, timeout=30)
                 for _ in range(6) for path in ("/api/stats", "/", "/api/events?limit=5")]
        assert post.result().status_code == 201, post.result().text
        assert [r.result().status_code for r in reads] == [200] * len(reads)
        assert httpx.get(base + "/api/stats").json()["events"] > before
