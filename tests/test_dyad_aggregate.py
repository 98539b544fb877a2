"""Actor codes that mean exactly one country: dyad series read the dyad aggregate and event lists
match the country alone, with the same results as the general filter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from detente import analysis
from detente.api import data
from detente.store import initialise, queries, reading, schema, writing
from detente.store.aggregates import countries_exact, country_exact, rebuild_dyad_days
from detente.store.queries import EventFilter, query_events

# (source code, source country, target code, target country, date, first seen, type, goldstein, quad)
ROWS: list[tuple[Any, ...]] = [
    ("PRK", "PRK", "KOR", "KOR", "2018-01-03", "2018-01-04", "ACCUSE", -2.0, 3),
    ("PRKGOV", "PRK", "KOR", "KOR", "2018-01-03", "2018-01-03", "ACCUSE", -2.0, 3),
    ("PRKMIL", "PRK", "KORMIL", "KOR", None, "2018-01-10", "ASSAULT", -10.0, 4),
    ("PRK", "PRK", "KOR", "KOR", "2018-02-20", "2018-02-21", "CONSULT", None, 1),  # no Goldstein score
    ("KOR", "KOR", "PRK", "PRK", "2018-02-21", "2018-02-21", "AID", 7.0, 2),
    ("KOR", "KOR", "PRK", "PRK", None, None, "AID", 7.0, 2),                      # no date at all
    ("KOR", "KOR", "KOR", "KOR", "2018-03-01", "2018-03-01", "CONSULT", 1.0, 1),
    ("IGOUNO", None, "PRK", "PRK", "2018-03-02", "2018-03-02", "REQUEST", 3.0, 1),
    ("IGOASN", None, "KOR", "KOR", "2018-03-02", "2018-03-02", "REQUEST", 3.0, 1),
    ("PRK", "PRK", None, None, "2018-03-05", "2018-03-05", "THREATEN", -4.4, 3),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store whose merged events mix countries, sector codes, organisations and missing values."""
    db = tmp_path / "s.duckdb"
    initialise(db)
    with writing(db) as con:
        for i, (sc, scy, tc, tcy, day, seen, kind, goldstein, quad) in enumerate(ROWS):
            con.execute("""INSERT INTO events (merged_id, source_code, source_country, target_code,
                               target_country, date, first_seen, event_type, goldstein, quad_class)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [f"m{i}", sc, scy, tc, tcy, day, seen, kind, goldstein, quad])
        rebuild_dyad_days(con)
    return db


def _counted(db: Path, monkeypatch: pytest.MonkeyPatch, *args: Any, **kwargs: Any) -> analysis.DyadSeries:
    """The series by counting events (the aggregate switched off)."""
    with monkeypatch.context() as m:
        m.setattr(analysis, "countries_exact", lambda con, codes: set())
        return analysis.dyad_series(db, *args, **kwargs)


def test_country_exact_only_for_codes_meaning_one_country(store: Path) -> None:
    with reading(store) as con:
        assert country_exact(con, "PRK") and country_exact(con, "kor")
        assert not country_exact(con, "PRKGOV")  # a sector: some PRK events are not PRKGOV
        assert not country_exact(con, "IGO")     # a prefix of organisations without a country
        assert not country_exact(con, "")
        assert country_exact(con, "FRA")         # no events either way
        assert countries_exact(con, ["prk", "PRKGOV", None, "IGO", "KOR", "PRK"]) == {"PRK", "KOR"}


@pytest.mark.parametrize("freq", ["day", "week", "month"])
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize(("source", "target"), [("PRK", "KOR"), ("kor", "prk"), ("KOR", "KOR"),
                                                ("PRKGOV", "KOR"), ("IGO", "PRK"), ("PRK", "FRA")])
def test_series_from_the_aggregate_equals_counting_events(
        store: Path, monkeypatch: pytest.MonkeyPatch, source: str, target: str, freq: str,
        directed: bool) -> None:
    fast = analysis.dyad_series(store, source, target, freq, directed=directed)
    assert dataclasses.asdict(fast) == dataclasses.asdict(
        _counted(store, monkeypatch, source, target, freq, directed=directed))


def test_series_from_the_aggregate_with_dates_and_unscored_events(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sql: list[str] = []
    real = analysis.fetch_on

    def spy(con: Any, query: str, *args: Any) -> Any:
        sql.append(query)
        return real(con, query, *args)

    monkeypatch.setattr(analysis, "fetch_on", spy)
    kwargs: dict[str, Any] = {"date_from": dt.date(2018, 1, 4), "date_to": dt.date(2018, 2, 28)}
    fast = analysis.dyad_series(store, "PRK", "KOR", "month", directed=False, **kwargs)
    assert "dyad_days" in sql[-1]
    assert dataclasses.asdict(fast) == dataclasses.asdict(
        _counted(store, monkeypatch, "PRK", "KOR", "month", directed=False, **kwargs))
    february = fast.points[1]
    assert (february.events, february.goldstein_sum, february.goldstein_mean) == (2, 7.0, 7.0)
    analysis.dyad_series(store, "PRKGOV", "KOR")
    assert "FROM events" in sql[-1]


FILTERS = [EventFilter(dyad=("PRK", "KOR")), EventFilter(dyad=("kor", "prk"), limit=2),
           EventFilter(dyad=("PRKGOV", "KOR")), EventFilter(actor="PRK"), EventFilter(actor="IGO"),
           EventFilter(actor="kor", event_type="AID"), EventFilter(dyad=("IGOUNO", "PRK"))]


@pytest.mark.parametrize("f", FILTERS)
def test_event_lists_match_countries_alone_with_the_same_rows(
        store: Path, monkeypatch: pytest.MonkeyPatch, f: EventFilter) -> None:
    sql: list[str] = []
    real = queries.where_clause

    def spy(*args: Any) -> Any:
        out = real(*args)
        sql.append(out[0])
        return out

    monkeypatch.setattr(queries, "where_clause", spy)
    fast = query_events(store, f)
    with monkeypatch.context() as m:
        m.setattr(queries, "one_country_codes", lambda con, codes: set())
        assert fast == query_events(store, f)
    general = {"PRKGOV", "IGO", "IGOUNO"} & {c.upper() for c in (*(f.dyad or ()), f.actor) if c}
    assert ("starts_with" in sql[0]) == bool(general)  # only codes that are not one country


@pytest.mark.parametrize("q", [
    data.EventQuery(dyad=("PRK", "KOR")), data.EventQuery(dyad=("PRK", "KOR"), directed=False),
    data.EventQuery(actor="KOR", limit=2, offset=1), data.EventQuery(actor="PRKGOV"),
    data.EventQuery(dyad=("KOR", "PRK")), data.EventQuery(dyad=("KOR", "PRK"), event_type="aid"),
    data.EventQuery(dyad=("KOR", "PRK"), directed=False, date_from=dt.date(2018, 1, 4)),
    data.EventQuery(dyad=("PRK", "KOR"), directed=False, date_to=dt.date(2018, 1, 31), limit=1),
    data.EventQuery(dyad=("KOR", "KOR"), directed=False), data.EventQuery(dyad=("PRK", "KOR"), min_sources=1),
    data.EventQuery(dyad=("PRK", "KOR"), event_type="11")])
def test_api_event_pages_are_the_same(store: Path, monkeypatch: pytest.MonkeyPatch,
                                      q: data.EventQuery) -> None:
    fast = data.list_events(store, q, analysis.Limits())
    with monkeypatch.context() as m:
        m.setattr(data, "one_country_codes", lambda con, codes: set())
        assert dataclasses.asdict(fast) == dataclasses.asdict(data.list_events(store, q, analysis.Limits()))
    assert fast.total > 0 or q.min_sources or q.event_type == "11"  # (no sources or CAMEO codes here)


def test_a_store_before_migration_4_counts_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.duckdb"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        initialise(db)
    with writing(db) as con:
        con.execute("""INSERT INTO events (merged_id, source_code, source_country, target_code,
                           target_country, date, event_type, quad_class)
                       VALUES ('m1', 'PRK', 'PRK', 'KOR', 'KOR', DATE '2018-01-03', 'ACCUSE', 3)""")
    with reading(db) as con:
        assert not country_exact(con, "PRK")  # no actor_countries table yet
    assert [p.events for p in analysis.dyad_series(db, "PRK", "KOR").points] == [1]
    assert data.list_events(db, data.EventQuery(dyad=("PRK", "KOR")), analysis.Limits()).total == 1
