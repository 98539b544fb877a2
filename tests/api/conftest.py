"""The app in-process (TestClient) and under a real uvicorn on 127.0.0.1, over the relations store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from detente.api import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def client(relations_store: Path) -> Iterator[TestClient]:
    """The read-only app, called in-process."""
    with TestClient(create_app(Settings(db=relations_store))) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: Path, *args: str) -> Iterator[str]:
    """`detente serve` over `db` on a free port of 127.0.0.1 until the block ends; its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port), *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read() if proc.stdout else ""
                pytest.fail(f"detente serve did not start: {out}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def live_server(relations_store: Path) -> Iterator[str]:
    """The read-only server over the relations store, for the whole session."""
    with running_server(relations_store) as base:
        yield base
