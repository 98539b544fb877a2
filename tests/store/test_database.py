"""Store connections: settings from config.py reach every DuckDB connection to the store."""

from __future__ import annotations

from pathlib import Path

import duckdb

from detente import config
from detente.store.database import initialise, reading, writing
from detente.store.writer import StoreWriter


def _limit(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def _expected(mb: int) -> str:
    """How DuckDB reports a limit of `mb` MB (it prints MiB)."""
    with duckdb.connect(":memory:", config={"memory_limit": f"{mb}MB"}) as con:
        return _limit(con)


def test_store_connections_carry_the_memory_limit(tmp_path: Path) -> None:
    """Without a limit DuckDB may cache up to 80 % of the machine's memory in the writer, whose
    peak then grows with the store; every connection (writer, readers) takes the setting."""
    db = tmp_path / "store.duckdb"
    with config.overridden(store_memory_mb=123):
        initialise(db)
        with writing(db) as con:
            assert _limit(con) == _expected(123)
        writer = StoreWriter(db)
        with writer.lease.transaction() as con:
            assert _limit(con) == _expected(123)
        writer.close()
        with reading(db) as con:
            assert _limit(con) == _expected(123)


def test_a_zero_memory_limit_leaves_duckdbs_default(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    with duckdb.connect(":memory:") as con:
        default = _limit(con)
    with config.overridden(store_memory_mb=0):
        initialise(db)
        with reading(db) as con:
            assert _limit(con) == default != _expected(123)


def test_the_memory_limit_comes_from_the_environment() -> None:
    assert config.load(env={"DETENTE_STORE_MEMORY_MB": "300"}).store_memory_mb == 300
    assert config.Settings().store_memory_mb > 0
