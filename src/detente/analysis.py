"""Watching relations move: dyad time series, top actors and dyads, an actor network, alerts.

Library functions over the store's merged events (one row per real-world event, however
many articles reported it), shared by the CLI and the API. Every read goes through
`select`: parameterised SQL on a short read-only connection, stopped after a time limit and
cut at a row cap, so no request can hold the store or the server for long.

An event counts on the day of its own date, else the day it was first reported. Actors are
compared at the country level by default (PRKGOV and PRKMIL both count as PRK; an
international organisation without a country keeps its code, e.g. IGOUNO).

Alerts (`alerts`): for each directed dyad, count its conflict events (quad classes 3 and 4,
verbal and material conflict) per period, with periods without events counted as zero from
the dyad's first event on. A period is an alert when

    z = (x - mean) / max(sd, 1)  >=  threshold   and   x >= min_count   and   history >= min_history

where x is the period's conflict count, mean and sd (population standard deviation) are
taken over the dyad's own `window` preceding periods, and history is how many of those
exist. The floor of 1 on sd keeps a quiet baseline (all zeros) from turning one event into
an infinite score; `min_count` keeps tiny counts from alerting at all.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pycountry

from detente.errors import Errors, QueryError, QueryTimeout
from detente.store.aggregates import countries_exact
from detente.store.database import reading
from detente.store.queries import EventFilter, where_clause
from detente.store.schema import knows_mutual

PERIODS = {"day": "1 DAY", "week": "1 WEEK", "month": "1 MONTH"}
LEVELS = ("country", "code")
EVENT_DATE = "coalesce(date, first_seen)"
COOPERATION = (1, 2)  # verbal and material cooperation
CONFLICT = (3, 4)     # verbal and material conflict


@dataclass(frozen=True)
class Limits:
    """How long one query may run and how many rows it may return."""

    seconds: float = 10.0
    max_rows: int = 5_000


DEFAULT_LIMITS = Limits()


@dataclass
class Rows:
    """A query's rows as dicts (dates as ISO strings), and whether the row cap cut them."""

    rows: list[dict[str, Any]]
    truncated: bool = False


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def select(db: str | Path, sql: str, params: Sequence[Any] = (), limits: Limits = DEFAULT_LIMITS,
           ) -> Rows:
    """Run one parameterised query on a read-only connection, within `limits`.

    A timer interrupts the query when its time is up (raising QueryError E501); at most
    `limits.max_rows` rows are fetched and `truncated` says whether more were left.
    """
    with reading(db) as con:
        return select_on(con, sql, params, limits)


def select_on(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = (),
              limits: Limits = DEFAULT_LIMITS) -> Rows:
    """`select` on a read connection the caller holds (for several queries on one connection)."""
    names, fetched, truncated = fetch_on(con, sql, params, limits)
    return Rows([{k: _plain(v) for k, v in zip(names, r, strict=True)} for r in fetched], truncated)


def fetch_on(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = (),
             limits: Limits = DEFAULT_LIMITS) -> tuple[list[str], list[tuple[Any, ...]], bool]:
    """`select_on` as plain tuples (column names, rows, truncated), for callers that read many rows."""
    timer = threading.Timer(limits.seconds, con.interrupt)
    timer.start()
    try:
        cur = con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        fetched = cur.fetchmany(limits.max_rows + 1)
    except duckdb.InterruptException as e:
        raise QueryTimeout(Errors.E501.format(seconds=limits.seconds)) from e
    finally:
        timer.cancel()
    return names, fetched[: limits.max_rows], len(fetched) > limits.max_rows


def _period(freq: str) -> str:
    if freq not in PERIODS:
        raise QueryError(Errors.E502.format(value=freq))
    return freq


def actor_key(role: str, level: str = "country") -> str:
    """SQL for an event's source or target actor at `level` (country, else code; or full code)."""
    if level not in LEVELS:
        raise QueryError(Errors.E503.format(value=level))
    assert role in ("source", "target")
    return f"coalesce({role}_country, {role}_code)" if level == "country" else f"{role}_code"


def dyad_condition(source: str, target: str, directed: bool, one_country: Collection[str] = (),
                   mutual: bool = True) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a dyad's events (both directions unless `directed`);
    `one_country` and `mutual` as in `store.queries.where_clause`."""
    forward, params = where_clause(EventFilter(dyad=(source, target)), one_country, mutual)
    if directed:
        return forward, params
    backward, back_params = where_clause(EventFilter(dyad=(target, source)), one_country, mutual)
    return f"(({forward}) OR ({backward}))", params + back_params


def _date_condition(date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, list[Any]]:
    return where_clause(EventFilter(date_from=date_from, date_to=date_to))


def period_end(start: dt.date, freq: str) -> dt.date:
    """The last day of the period beginning on `start`."""
    if freq == "day":
        return start
    if freq == "week":
        return start + dt.timedelta(days=6)
    _period(freq)
    following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_start(day: dt.date, freq: str) -> dt.date:
    """The first day of the period holding `day` (weeks begin on Monday)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    _period(freq)
    return day.replace(day=1)


def _periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    out: list[dt.date] = []
    p = period_start(first, freq)
    while p <= last:
        out.append(p)
        p = period_end(p, freq) + dt.timedelta(days=1)
    return out


@dataclass
class SeriesPoint:
    """One period of a dyad's relations."""

    period: str                      # first day of the period (ISO)
    period_end: str                  # last day of the period (ISO)
    events: int = 0
    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    types: dict[str, int] = field(default_factory=dict)   # PLOVER category -> events
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    cooperation: int = 0             # quad classes 1 and 2
    conflict: int = 0                # quad classes 3 and 4
    balance: float | None = None     # (cooperation - conflict) / (cooperation + conflict), -1..1


@dataclass
class DyadSeries:
    """A dyad's time series: one point per period from its first event to its last."""

    source: str
    target: str
    freq: str
    directed: bool
    points: list[SeriesPoint]
    truncated: bool = False


def dyad_series(db: str | Path, source: str, target: str, freq: str = "month", *,
                directed: bool = True, date_from: dt.date | None = None, date_to: dt.date | None = None,
                limits: Limits = DEFAULT_LIMITS) -> DyadSeries:
    """Counts by quad class and PLOVER type, Goldstein mean and sum, and the balance, per period.

    Actor codes match as in `detente events --dyad` (country, full code or code prefix);
    `directed=False` adds the target's events towards the source. When both codes each mean
    exactly one country (`aggregates.countries_exact`), the series is read from the dyad
    aggregate (thousands of rows) instead of the events (millions); the points are the same.
    """
    _period(freq)
    with reading(db) as con:
        if countries_exact(con, [source, target]) == {source.upper(), target.upper()}:
            sql, params = _series_from_aggregate(source, target, freq, directed, date_from, date_to,
                                                 knows_mutual(con))
        else:
            dyad, params = dyad_condition(source, target, directed, mutual=knows_mutual(con))
            dates, date_params = _date_condition(date_from, date_to)
            params += date_params
            sql = f"""
                SELECT CAST(date_trunc('{freq}', {EVENT_DATE}) AS DATE) AS period, event_type, quad_class,
                       count(*) AS n, sum(goldstein) AS goldstein_sum, count(goldstein) AS n_scored
                FROM events WHERE {dyad} AND {dates} AND {EVENT_DATE} IS NOT NULL
                GROUP BY ALL ORDER BY period, event_type, quad_class"""
        _, rows, truncated = fetch_on(con, sql, params, limits)
    by_period: dict[str, SeriesPoint] = {}
    scored: dict[str, int] = {}
    for day, event_type, quad_class, count, goldstein_sum, n_scored in rows:
        key = day.isoformat()
        point = by_period.get(key)
        if point is None:
            point = by_period[key] = SeriesPoint(key, period_end(day, freq).isoformat())
        n = int(count)
        point.events += n
        if quad_class in point.quad:
            point.quad[int(quad_class)] += n
        if event_type:
            point.types[event_type] = point.types.get(event_type, 0) + n
        point.goldstein_sum += float(goldstein_sum or 0.0)
        scored[key] = scored.get(key, 0) + int(n_scored)
    points: list[SeriesPoint] = []
    if by_period:
        first, last = min(by_period), max(by_period)
        for p in _periods(dt.date.fromisoformat(first), dt.date.fromisoformat(last), freq):
            key = p.isoformat()
            point = by_period.get(key) or SeriesPoint(key, period_end(p, freq).isoformat())
            point.cooperation = sum(point.quad[q] for q in COOPERATION)
            point.conflict = sum(point.quad[q] for q in CONFLICT)
            if scored.get(key):
                point.goldstein_mean = round(point.goldstein_sum / scored[key], 3)
            point.goldstein_sum = round(point.goldstein_sum, 3)
            if point.cooperation + point.conflict:
                point.balance = round((point.cooperation - point.conflict)
                                      / (point.cooperation + point.conflict), 3)
            points.append(point)
    return DyadSeries(source.upper(), target.upper(), freq, directed, points, truncated)


def _series_from_aggregate(source: str, target: str, freq: str, directed: bool, date_from: dt.date | None,
                           date_to: dt.date | None, mutual: bool = True) -> tuple[str, list[Any]]:
    """The dyad series query over dyad_days, for two actors that each mean one country.

    Same rows as counting events: dyad_days holds every event with both countries and a date,
    by day, type and quad class, with its Goldstein sum and how many events had a score.
    """
    dates, date_params = "", []
    if date_from:
        dates += " AND date >= ?"
        date_params.append(date_from)
    if date_to:
        dates += " AND date <= ?"
        date_params.append(date_to)
    one = f"SELECT * FROM dyad_days WHERE source_country = ? AND target_country = ?{dates}"
    a, b = source.upper(), target.upper()
    rows, params = one, [a, b, *date_params]
    if not directed and a != b:  # two directed scans: each reads only its dyad's row groups
        one += " AND NOT mirrored" if mutual else ""  # a mutual event is in both: once is enough
        rows, params = f"{one} UNION ALL {one}", [*params, b, a, *date_params]
    return f"""
        SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period, event_type, quad_class,
               sum(events) AS n, sum(goldstein_sum) AS goldstein_sum, sum(scored) AS n_scored
        FROM ({rows})
        GROUP BY ALL ORDER BY period, event_type, quad_class""", params


@dataclass
class ActorCount:
    """An actor and how many events it took part in, as source and as target."""

    actor: str
    name: str | None
    events: int
    as_source: int
    as_target: int


@dataclass
class DyadCount:
    """A directed dyad with its events, cooperation and conflict counts and mean Goldstein score."""

    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None
    source_name: str | None = None
    target_name: str | None = None


def actor_names(db: str | Path, keys: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Display names for actor keys: the store's actors table, else the ISO 3166 country name.

    A country key (PRK) is named only by its own row or the ISO name, never by the name of
    one of its members (PRKGOV may be a leader's name).
    """
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = select(db, """SELECT code, max(name) AS name FROM actors
                         WHERE list_contains(?, code) AND name IS NOT NULL GROUP BY code""",
                  [wanted], limits).rows
    names = {r["code"]: r["name"] for r in rows}
    for key in wanted:
        if key not in names and len(key) == 3:
            country = pycountry.countries.get(alpha_3=key)
            if country is not None:
                names[key] = getattr(country, "common_name", None) or country.name
    return names


def top_actors(db: str | Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
               level: str = "country", limit: int = 20, limits: Limits = DEFAULT_LIMITS) -> list[ActorCount]:
    """The actors in the most events of a period, as source or target."""
    dates, params = _date_condition(date_from, date_to)
    src, tgt = actor_key("source", level), actor_key("target", level)
    rows = select(db, f"""
        WITH roles AS (
            SELECT {src} AS actor, 'source' AS role, count(*) AS n
            FROM events WHERE {dates} AND {src} IS NOT NULL GROUP BY 1
            UNION ALL
            SELECT {tgt}, 'target', count(*)
            FROM events WHERE {dates} AND {tgt} IS NOT NULL GROUP BY 1)
        SELECT actor, sum(n) AS events,
               coalesce(sum(n) FILTER (WHERE role = 'source'), 0) AS as_source,
               coalesce(sum(n) FILTER (WHERE role = 'target'), 0) AS as_target
        FROM roles GROUP BY actor ORDER BY events DESC, actor LIMIT ?""",
                  params + params + [int(limit)], limits)
    names = actor_names(db, (r["actor"] for r in rows.rows), limits)
    return [ActorCount(r["actor"], names.get(r["actor"]), int(r["events"]), int(r["as_source"]),
                       int(r["as_target"])) for r in rows.rows]


def top_dyads(db: str | Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
              level: str = "country", limit: int = 20, limits: Limits = DEFAULT_LIMITS) -> list[DyadCount]:
    """The directed dyads with the most events in a period (an actor's events with itself left
    out); a mutual event counts in both directions, as a dyad filter selects it either way."""
    dates, params = _date_condition(date_from, date_to)
    src, tgt = actor_key("source", level), actor_key("target", level)
    with reading(db) as con:
        mirrored = (f"UNION ALL SELECT {tgt} AS source, {src} AS target, quad_class, goldstein FROM events "
                    f"WHERE {dates} AND mutual") if knows_mutual(con) else ""
        rows = select_on(con, f"""
            SELECT source, target, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN {COOPERATION}) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN {CONFLICT}) AS conflict,
                   round(avg(goldstein), 3) AS goldstein_mean
            FROM (SELECT {src} AS source, {tgt} AS target, quad_class, goldstein FROM events
                  WHERE {dates} {mirrored})
            WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
            GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?""",
                         [*params, *(params if mirrored else []), int(limit)], limits)
    names = actor_names(db, [r["source"] for r in rows.rows] + [r["target"] for r in rows.rows], limits)
    return [DyadCount(r["source"], r["target"], int(r["events"]), int(r["cooperation"]), int(r["conflict"]),
                      r["goldstein_mean"], names.get(r["source"]), names.get(r["target"])) for r in rows.rows]


@dataclass
class Network:
    """Actors as nodes (with their event counts) and directed dyads as weighted edges."""

    nodes: list[ActorCount]
    edges: list[DyadCount]


def actor_network(db: str | Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
                  level: str = "country", max_edges: int = 100, min_events: int = 1,
                  limits: Limits = DEFAULT_LIMITS) -> Network:
    """The busiest `max_edges` dyads of a period with at least `min_events` each, and their actors."""
    edges = [d for d in top_dyads(db, date_from=date_from, date_to=date_to, level=level,
                                  limit=max_edges, limits=limits) if d.events >= min_events]
    nodes: dict[str, ActorCount] = {}
    for d in edges:
        for actor, name, out in ((d.source, d.source_name, True), (d.target, d.target_name, False)):
            node = nodes.setdefault(actor, ActorCount(actor, name, 0, 0, 0))
            node.events += d.events
            if out:
                node.as_source += d.events
            else:
                node.as_target += d.events
    return Network(sorted(nodes.values(), key=lambda n: (-n.events, n.actor)), edges)


@dataclass
class Alert:
    """A period in which a dyad's conflict count departed sharply from its own trailing baseline."""

    source: str
    target: str
    period: str
    period_end: str
    conflict: int
    baseline_mean: float
    baseline_sd: float
    z: float
    history: int  # baseline periods available (at most the window)


def alerts(db: str | Path, *, freq: str = "week", window: int = 8, threshold: float = 2.0,
           min_count: int = 3, min_history: int = 4, since: dt.date | None = None,
           level: str = "country", limit: int = 100, limits: Limits = DEFAULT_LIMITS) -> list[Alert]:
    """Periods whose conflict count is `threshold` baseline deviations above the dyad's own
    trailing `window` (see the module docstring for the statistic); newest first."""
    _period(freq)
    src, tgt = actor_key("source", level), actor_key("target", level)
    since_clause = "TRUE" if since is None else "period >= ?"
    rows = select(db, f"""
        WITH counts AS (
            SELECT {src} AS source, {tgt} AS target,
                   CAST(date_trunc('{freq}', {EVENT_DATE}) AS DATE) AS period,
                   count(*) FILTER (WHERE quad_class IN {CONFLICT}) AS conflict
            FROM events WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
              AND {EVENT_DATE} IS NOT NULL
            GROUP BY ALL),
        last AS (SELECT max(period) AS last FROM counts),
        grid AS (
            SELECT source, target,
                   CAST(unnest(generate_series(min(period), (SELECT last FROM last),
                                               INTERVAL {PERIODS[freq]})) AS DATE) AS period
            FROM counts GROUP BY source, target),
        filled AS (
            SELECT g.source, g.target, g.period, coalesce(c.conflict, 0) AS conflict
            FROM grid g LEFT JOIN counts c USING (source, target, period)),
        scored AS (
            SELECT *, avg(conflict) OVER w AS mean, coalesce(stddev_pop(conflict) OVER w, 0) AS sd,
                   count(*) OVER w AS history
            FROM filled
            WINDOW w AS (PARTITION BY source, target ORDER BY period
                         ROWS BETWEEN {int(window)} PRECEDING AND 1 PRECEDING))
        SELECT source, target, period, conflict, mean, sd, history,
               (conflict - mean) / greatest(sd, 1.0) AS z
        FROM scored
        WHERE history >= ? AND conflict >= ? AND (conflict - mean) / greatest(sd, 1.0) >= ?
          AND {since_clause}
        ORDER BY period DESC, z DESC, source, target LIMIT ?""",
                  [int(min_history), int(min_count), float(threshold),
                   *([since] if since is not None else []), int(limit)], limits)
    return [Alert(r["source"], r["target"], r["period"],
                  period_end(dt.date.fromisoformat(r["period"]), freq).isoformat(), int(r["conflict"]),
                  round(float(r["mean"]), 3), round(float(r["sd"]), 3), round(float(r["z"]), 2),
                  int(r["history"])) for r in rows.rows]


@dataclass
class CorpusStats:
    """What the store holds, for the overview and `/api/stats`."""

    articles: int
    coded: int
    skipped: int
    failures: int
    mentions: int
    events: int
    merged: int           # events reported by more than one article
    located: int          # events with coordinates
    first_date: str | None
    last_date: str | None
    quad: dict[int, int]
    types: dict[str, int]


def corpus_stats(db: str | Path, limits: Limits = DEFAULT_LIMITS) -> CorpusStats:
    """Counts of articles, mentions and events, the date range, and events by quad class and type."""
    totals = select(db, f"""
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM articles WHERE status = 'coded') AS coded,
               (SELECT count(*) FROM articles WHERE status = 'skipped') AS skipped,
               (SELECT count(*) FROM failures) AS failures,
               (SELECT count(*) FROM mentions) AS mentions,
               count(*) AS events, count(*) FILTER (WHERE num_articles > 1) AS merged,
               count(*) FILTER (WHERE location_lat IS NOT NULL) AS located,
               min({EVENT_DATE}) AS first_date, max({EVENT_DATE}) AS last_date
        FROM events""", (), limits).rows[0]
    by = select(db, "SELECT quad_class, event_type, count(*) AS n FROM events GROUP BY ALL", (), limits)
    quad = {1: 0, 2: 0, 3: 0, 4: 0}
    types: dict[str, int] = {}
    for r in by.rows:
        if r["quad_class"] in quad:
            quad[int(r["quad_class"])] += int(r["n"])
        if r["event_type"]:
            types[r["event_type"]] = types.get(r["event_type"], 0) + int(r["n"])
    return CorpusStats(int(totals["articles"]), int(totals["coded"]), int(totals["skipped"]),
                       int(totals["failures"]), int(totals["mentions"]), int(totals["events"]),
                       int(totals["merged"]), int(totals["located"]), totals["first_date"],
                       totals["last_date"], quad, dict(sorted(types.items(), key=lambda kv: -kv[1])))
