"""Reading the store: merged events with filters, and a summary of what it holds.

Every function opens its own short read-only connection (store/database.py), so readers
never keep the writer waiting for long.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from detente.records import Event
from detente.store.aggregates import countries_exact
from detente.store.database import reading
from detente.store.schema import knows_mutual
from detente.store.writer import event_from_row

EVENT_DATE = "coalesce(date, first_seen)"  # the day an event counts on: its own date, else first reported


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to return. Actor codes match a country (PRK), a full code (PRKGOV)
    or a code prefix; `event_type` is a PLOVER category or a CAMEO code prefix (e.g. 04)."""

    dyad: tuple[str, str] | None = None  # (source, target), directed
    actor: str | None = None             # as source or target
    event_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_sources: int | None = None
    limit: int | None = None


def _actor_clause(role: str, code: str, params: list[Any], one_country: Collection[str]) -> str:
    if code in one_country:  # same events, but a plain equality DuckDB can push into the scan
        params.append(code)
        return f"{role}_country = ?"
    params.extend([code, code, code])
    return f"({role}_country = ? OR {role}_code = ? OR starts_with({role}_code, ?))"


def where_clause(f: EventFilter, one_country: Collection[str] = (), mutual: bool = True
                 ) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a filter over the events table.

    `one_country` lists actor codes known to select exactly the events of their own country
    (`one_country_codes`); they are matched by country alone, which selects the same rows faster.
    A dyad is directed, but a mutual event matches it either way round; `mutual=False` for a
    store that predates mutual events (`schema.knows_mutual`).
    """
    parts: list[str] = []
    params: list[Any] = []
    if f.dyad:  # directed, but a mutual event (talks, a signed deal) is of both directions
        a, b = f.dyad[0].upper(), f.dyad[1].upper()
        forward = f"{_actor_clause('source', a, params, one_country)} AND " \
                  f"{_actor_clause('target', b, params, one_country)}"
        if mutual:
            back = f"{_actor_clause('source', b, params, one_country)} AND " \
                   f"{_actor_clause('target', a, params, one_country)}"
            forward = f"(({forward}) OR (mutual AND {back}))"
        parts.append(forward)
    if f.actor:
        a = _actor_clause("source", f.actor.upper(), params, one_country)
        b = _actor_clause("target", f.actor.upper(), params, one_country)
        parts.append(f"({a} OR {b})")
    if f.event_type:
        if f.event_type.isdigit():
            parts.append("starts_with(cameo, ?)")
            params.append(f.event_type)
        else:
            parts.append("event_type = ?")
            params.append(f.event_type.upper())
    # each date bound is also stated on the date column alone (implied, so the same rows): a
    # filter DuckDB checks against each row group's min/max and skips the groups out of range
    if f.date_from:
        parts.append("coalesce(date, first_seen) >= ? AND (date >= ? OR date IS NULL)")
        params.extend([f.date_from, f.date_from])
    if f.date_to:
        parts.append("coalesce(date, first_seen) <= ? AND (date <= ? OR date IS NULL)")
        params.extend([f.date_to, f.date_to])
    if f.min_sources:
        parts.append("num_sources >= ?")
        params.append(f.min_sources)
    return (" AND ".join(parts) or "TRUE"), params


def one_country_codes(con: duckdb.DuckDBPyConnection, codes: Collection[str | None]) -> set[str]:
    """Those of `codes` (upper-cased) that select exactly their own country's events."""
    return countries_exact(con, codes)


def top_bound_sql(cond: str, column: str, descending: bool, n: int) -> str:
    """SQL for the `n`-th value of `column` (not null) among the events matching `cond`, in order.

    A sort by a plain column lets DuckDB skip row groups as it goes; the value found then bounds
    a sort by an expression that equals the column wherever the column is not null (`top_bound`).
    """
    direction = "DESC" if descending else "ASC"
    return (f"SELECT {column} FROM events WHERE ({cond}) AND {column} IS NOT NULL "
            f"ORDER BY {column} {direction} LIMIT 1 OFFSET {max(int(n) - 1, 0)}")


def top_bound(key: str, column: str, descending: bool, value: Any) -> tuple[str, list[Any]]:
    """A condition that keeps every event among the first n by `key` (`top_bound_sql`'s value).

    `key` equals `column` wherever `column` is not null (coalesce(date, first_seen) and date):
    n events have key at or beyond `value`, so the first n by key all do, and sorting only
    those gives the same first n. No value (fewer than n) means no bound.
    """
    if value is None:
        return "TRUE", []
    op = ">=" if descending else "<="
    return f"{key} {op} ? AND ({column} {op} ? OR {column} IS NULL)", [value, value]


def _codes(f: EventFilter) -> list[str | None]:
    return [*(f.dyad or ()), f.actor]


def query_events(db: str | Path, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Merged events matching `f`, by date then id, as dicts (dates as ISO strings)."""
    with reading(db) as con:
        cond, params = where_clause(f, one_country_codes(con, _codes(f)), knows_mutual(con))
        if f.limit:
            row = con.execute(top_bound_sql(cond, "date", False, f.limit), params).fetchone()
            bound, bound_params = top_bound(EVENT_DATE, "date", False, row[0] if row else None)
            cond, params = f"{cond} AND {bound}", params + bound_params
        sql = f"SELECT * FROM events WHERE {cond} ORDER BY {EVENT_DATE}, merged_id"
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(names, r, strict=True)}
            for r in rows]


@dataclass(frozen=True)
class StoreSummary:
    """What a store holds: documents, mentions, merged events and the busiest dyads."""

    articles: int
    coded: int
    skipped: int
    failures: int
    stories: int
    mentions: int
    events: int
    merged: int  # events reported by more than one article
    top_dyads: list[tuple[str, str, int]]


def summarise(db: str | Path, top: int = 10) -> StoreSummary:
    """Counts over the whole store."""
    with reading(db) as con:
        a = con.execute("""SELECT count(*), count(*) FILTER (WHERE status = 'coded'),
                                  count(*) FILTER (WHERE status = 'skipped'),
                                  count(DISTINCT story_id) FROM articles""").fetchone() or (0, 0, 0, 0)
        failures = (con.execute("SELECT count(*) FROM failures").fetchone() or (0,))[0]
        mentions = (con.execute("SELECT count(*) FROM mentions").fetchone() or (0,))[0]
        e = con.execute("SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM events"
                        ).fetchone() or (0, 0)
        dyads = con.execute("""SELECT source_country, target_country, count(*) AS n FROM events
                               WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                                 AND source_country <> target_country
                               GROUP BY ALL ORDER BY n DESC, source_country, target_country LIMIT ?""",
                            [top]).fetchall()
    return StoreSummary(a[0], a[1], a[2], failures, a[3], mentions, e[0], e[1],
                        [(s, t, n) for s, t, n in dyads])


def read_events(db: str | Path, article_id: str | None = None) -> list[Event]:
    """The event records stored in `db` (one per coded mention), in article and text order.

    Read whole in one short connection (readers never hold the store), so filter by article
    on a large store.
    """
    sql = "SELECT * FROM mentions"
    params: list[Any] = []
    if article_id is not None:
        sql += " WHERE article_id = ?"
        params.append(article_id)
    sql += " ORDER BY article_id, sentence_index, evidence_trigger_start, event_id"
    with reading(db) as con:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    return [event_from_row(dict(zip(names, r, strict=True))) for r in rows]
