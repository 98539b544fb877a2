"""Migrations: numbered, each in one transaction, applied once, recorded in schema_version."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.records import Event
from detente.store import MIGRATIONS, initialise, migrate, reading
from detente.store.schema import Migration


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert initialise(db) == [m.name for m in MIGRATIONS]
    assert initialise(db) == []
    with reading(db) as con:
        rows = con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_failed_migration_rolls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("boom")

    con = duckdb.connect(":memory:")
    monkeypatch.setattr("detente.store.schema.MIGRATIONS", (*MIGRATIONS, Migration(99, broken)))
    with pytest.raises(RuntimeError):
        migrate(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "half_done" not in tables and "mentions" in tables
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (MIGRATIONS[-1].version,)


def test_newer_schema_is_refused() -> None:
    con = duckdb.connect(":memory:")
    migrate(con)
    con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="E301"):
        migrate(con)


def test_mentions_hold_every_event_field() -> None:
    con = duckdb.connect(":memory:")
    migrate(con)
    columns = {r[0] for r in con.execute("DESCRIBE mentions").fetchall()}
    nested = {"source", "target", "speaker", "location", "evidence"}
    for name in Event.__dataclass_fields__:
        if name in nested:
            assert any(c.startswith(name + "_") for c in columns), name
        else:
            assert name in columns, name
    assert {"story_id", "run_id"} <= columns


def test_migration_4_fills_the_aggregates_of_an_older_store(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as m:
        m.setattr("detente.store.schema.MIGRATIONS", MIGRATIONS[:3])
        initialise(db)
    con = duckdb.connect(str(db))
    con.execute("""INSERT INTO events (merged_id, source_code, source_country, target_code, target_country,
                       date, event_type, goldstein, quad_class)
                   VALUES ('m1', 'PRKGOV', 'PRK', 'KOR', 'KOR', DATE '2018-01-03', 'ACCUSE', -2.0, 3),
                          ('m2', 'PRK', 'PRK', 'KOR', 'KOR', DATE '2018-01-03', 'ACCUSE', NULL, 3)""")
    con.close()
    assert initialise(db) == ["add_scored_and_actor_countries", "add_mutual"]
    with reading(db) as con:
        assert con.execute("SELECT source_country, target_country, events, goldstein_sum, scored "
                           "FROM dyad_days").fetchall() == [("PRK", "KOR", 2, -2.0, 1)]
        assert con.execute("SELECT * FROM actor_countries ORDER BY ALL").fetchall() == [
            ("KOR", "KOR"), ("PRK", "PRK"), ("PRKGOV", "PRK")]


def test_migration_5_adds_mutual_to_an_older_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as m:
        m.setattr("detente.store.schema.MIGRATIONS", MIGRATIONS[:4])
        initialise(db)
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO events (merged_id, source_code, source_country) VALUES ('m1', 'PRK', 'PRK')")
    con.close()
    assert initialise(db) == ["add_mutual"]
    with reading(db) as con:
        assert con.execute("SELECT mutual FROM events").fetchall() == [(False,)]
        assert con.execute("SELECT count(*) FROM mentions WHERE mutual").fetchone() == (0,)
        assert "mirrored" in {r[0] for r in con.execute("DESCRIBE dyad_days").fetchall()}
