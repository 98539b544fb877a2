"""Pre-aggregated dyad series: what a dyad time series reads instead of scanning every event.

`dyad_days` holds one row per directed country dyad, day, PLOVER type and quad class, with
the number of merged events and their Goldstein sum. A mutual event (talks, a deal both sign)
counts in both directions, its second row marked `mirrored` so that a series of both
directions counts it once. It is rebuilt with the merged events
(store/writer.py `rebuild_merged`) and written in dyad order, so one dyad's rows fill a few
row groups and DuckDB skips the others by their min/max: a dyad series over ten million
events reads thousands of rows, not millions. `actor_countries` lists every (code, country)
pair of the merged events' actors; `country_exact` uses it to tell when an actor filter
("PRK": country, code or code prefix) selects exactly the events of one country, so that the
aggregate gives the same answer as counting events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import duckdb

from detente.store.database import reading

PERIODS = ("day", "week", "month", "year")

# A mutual event belongs to both directed dyads, as the dyad filter of store/queries.py selects
# it either way round: the reversed copy is `mirrored`.
DYAD_DAYS_FROM_EVENTS = """
    INSERT INTO dyad_days BY NAME
    SELECT source_country, target_country, day AS date, event_type, quad_class, mirrored,
           count(*)::INTEGER AS events, sum(goldstein) AS goldstein_sum,
           count(goldstein)::INTEGER AS scored
    FROM (
        SELECT source_country, target_country, coalesce(date, first_seen) AS day, event_type,
               quad_class, goldstein, false AS mirrored
        FROM events
        UNION ALL
        SELECT target_country, source_country, coalesce(date, first_seen), event_type, quad_class,
               goldstein, true
        FROM events WHERE mutual AND source_country <> target_country
    )
    WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND day IS NOT NULL
    GROUP BY ALL
    ORDER BY source_country, target_country, day, event_type, quad_class
"""

ACTOR_COUNTRIES_FROM_EVENTS = """
    INSERT INTO actor_countries
    SELECT DISTINCT source_code, source_country FROM events
    UNION SELECT DISTINCT target_code, target_country FROM events
"""

# the codes of $codes with no actor pair that their filter (store/queries.py: country, code or
# code prefix) selects although its country is another one
ONE_COUNTRY = """
    SELECT c FROM unnest($codes::VARCHAR[]) t(c)
    WHERE NOT EXISTS (SELECT 1 FROM actor_countries a
                      WHERE (a.country = c OR a.code = c OR starts_with(a.code, c))
                        AND a.country IS DISTINCT FROM c)
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
    """Refill dyad_days and actor_countries from the events table (in the caller's transaction);
    dyad_days rows written."""
    con.execute("DELETE FROM dyad_days")
    con.execute(DYAD_DAYS_FROM_EVENTS)
    con.execute("DELETE FROM actor_countries")
    con.execute(ACTOR_COUNTRIES_FROM_EVENTS)
    row = con.execute("SELECT count(*) FROM dyad_days").fetchone()
    return int(row[0]) if row else 0


def country_exact(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Whether the actor filter `code` selects exactly the events whose country is `code`.

    False for a sector code (PRKGOV), a prefix that other countries' codes share, or a store
    whose schema predates actor_countries (migration 4).
    """
    return bool(countries_exact(con, [code]))


def countries_exact(con: duckdb.DuckDBPyConnection, codes: Collection[str | None]) -> set[str]:
    """Those of `codes` (upper-cased) for which `country_exact` holds, in one query."""
    wanted = sorted({c.upper() for c in codes if c})
    if not wanted:
        return set()
    try:
        return {row[0] for row in con.execute(ONE_COUNTRY, {"codes": wanted}).fetchall()}
    except duckdb.CatalogException:
        return set()


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
