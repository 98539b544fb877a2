"""Pre-aggregated dyad series: what a dyad time series reads instead of scanning every event.

`dyad_days` holds one row per directed country dyad, day, PLOVER type and quad class, with
the number of merged events and their Goldstein sum. It is rebuilt with the merged events
(store/writer.py `rebuild_merged`) and written in dyad order, so one dyad's rows fill a few
row groups and DuckDB skips the others by their min/max: a dyad series over ten million
events reads thousands of rows, not millions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from detente.store.database import reading

PERIODS = ("day", "week", "month", "year")

DYAD_DAYS_FROM_EVENTS = """
    INSERT INTO dyad_days
    SELECT source_country, target_country, coalesce(date, first_seen) AS day, event_type, quad_class,
           count(*)::INTEGER, sum(goldstein)
    FROM events
    WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND coalesce(date, first_seen) IS NOT NULL
    GROUP BY ALL
    ORDER BY source_country, target_country, day, event_type, quad_class
"""

SERIES = """
    SELECT date_trunc(?, date)::DATE AS period,
           sum(events)::INTEGER,
           coalesce(sum(events) FILTER (WHERE quad_class = 1), 0)::INTEGER,
           coalesce(sum(events) FILTER (WHERE quad_class = 2), 0)::INTEGER,
           coalesce(sum(events) FILTER (WHERE quad_class = 3), 0)::INTEGER,
           coalesce(sum(events) FILTER (WHERE quad_class = 4), 0)::INTEGER,
           sum(goldstein_sum)
    FROM dyad_days
    WHERE source_country = ? AND target_country = ? AND date BETWEEN ? AND ?
    GROUP BY period ORDER BY period
"""


@dataclass(frozen=True)
class DyadPoint:
    """One period of a dyad series: events by quad class and their Goldstein mean and sum."""

    period: dt.date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0


def rebuild_dyad_days(con: duckdb.DuckDBPyConnection) -> int:
    """Refill dyad_days from the events table (inside the caller's transaction); rows written."""
    con.execute("DELETE FROM dyad_days")
    con.execute(DYAD_DAYS_FROM_EVENTS)
    row = con.execute("SELECT count(*) FROM dyad_days").fetchone()
    return int(row[0]) if row else 0


def dyad_series(db: str | Path, source: str, target: str, period: str = "month",
                date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[DyadPoint]:
    """The series of events from country `source` to country `target` (ISO alpha-3), by period."""
    if period not in PERIODS:
        raise ValueError(f"'{period}' is not a period: use one of {', '.join(PERIODS)}")
    with reading(db) as con:
        return series_on(con, source, target, period, date_from, date_to)


def series_on(con: duckdb.DuckDBPyConnection, source: str, target: str, period: str = "month",
              date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[DyadPoint]:
    """`dyad_series` on a connection the caller holds (a pooled reader)."""
    if period not in PERIODS:
        raise ValueError(f"'{period}' is not a period: use one of {', '.join(PERIODS)}")
    params = [period, source.upper(), target.upper(), date_from or dt.date.min, date_to or dt.date.max]
    rows = con.execute(SERIES, params).fetchall()
    return [DyadPoint(p, n, v1, m1, v3, m4, float(g or 0.0)) for p, n, v1, m1, v3, m4, g in rows]
