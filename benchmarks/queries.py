"""Query latency: dyad series and filtered event lists on a generated store of merged events.

    python benchmarks/queries.py [--events N] [--db PATH] [--repeat R] [--quick]
The store is built by the project's migrations and filled with generated rows by DuckDB SQL
(not through the NLP pipeline): countries with a skewed share of events, PLOVER types with
their CAMEO roots, dates over ten years, in date order; then the dyad aggregate is rebuilt as
`rebuild_merged` does. Queries are the ones the CLI and the API run: `analysis.dyad_series`
(`detente series`, /api/dyads/S/T/series), `store.queries.query_events` (`detente events`)
and `api.data.list_events` (/api/events: a page with the total). Each is timed opening its
own read-only connection, as the CLI does, and through the shared reader the API server
keeps (`database.share_reads`: one connection, let go when idle or after a hold). The
headline (last line) is the p50 and p95 latency of dyad series queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from detente.analysis import DEFAULT_LIMITS, dyad_series
from detente.api.data import EventQuery, list_events
from detente.store.aggregates import rebuild_dyad_days
from detente.store.database import initialise, reading, share_reads, stop_sharing, writing
from detente.store.queries import EventFilter, query_events

COUNTRIES = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IRN", "ISR", "PSE", "SYR", "IRQ",
    "TUR", "UKR", "IND", "PAK", "AFG", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL", "CAN",
    "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "ETH", "KEN", "SDN", "SOM", "LBY", "YEM", "LBN",
    "JOR", "QAT", "ARE", "ITA", "ESP", "POL", "GRC", "SRB",
]
SECTORS = ["GOV", "MIL", "REB", "OPP", "BUS", "MED", "CVL", ""]
# PLOVER type, CAMEO root, Goldstein score, quad class
TYPES = [
    ("AGREE", "03", 4.0, 1), ("CONSULT", "04", 1.0, 1), ("SUPPORT", "05", 3.5, 1),
    ("CONCEDE", "08", 5.0, 2), ("COOPERATE", "06", 6.0, 2), ("AID", "07", 7.0, 2),
    ("RETREAT", "08", 5.0, 2), ("REQUEST", "02", 3.0, 1), ("ACCUSE", "11", -2.0, 3),
    ("REJECT", "12", -4.0, 3), ("THREATEN", "13", -6.0, 3), ("PROTEST", "14", -6.5, 3),
    ("SANCTION", "16", -5.6, 3), ("MOBILIZE", "15", -7.2, 4), ("COERCE", "17", -7.0, 4),
    ("ASSAULT", "18", -9.0, 4),
]
DAYS = 3652  # ten years from 2015-01-01


def _array(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(db: Path, n: int) -> float:
    """Fill the events table of a new store at `db` with `n` generated rows; seconds taken."""
    initialise(db)
    t0 = time.perf_counter()
    types = "[" + ", ".join(f"{{'t': '{t}', 'c': '{c}', 'g': {g}, 'q': {q}}}" for t, c, g, q in TYPES) + "]"
    # a skewed pick: country k has weight ~ 1/(k+1) (a few countries make most of the news)
    pick = ("list_extract(c, 1 + least(floor(exp(((hash(i * {s}) % 100000) / 100000.0) * ln(51))) - 1, "
            "49)::INT)")
    with writing(db) as con:
        con.execute(f"""
            INSERT INTO events BY NAME
            WITH base AS (
                SELECT i, {_array(COUNTRIES)} AS c, {_array(SECTORS)} AS s, {types} AS ty,
                       DATE '2015-01-01' + CAST(floor(i * {DAYS}.0 / {n}) AS INTEGER) AS d
                FROM range({n}) r(i)
            ), picked AS (
                SELECT i, d, {pick.format(s=3)} AS src, {pick.format(s=7)} AS tgt0,
                       list_extract(s, 1 + (hash(i * 11) % 8)::INT) AS ssec,
                       list_extract(s, 1 + (hash(i * 13) % 8)::INT) AS tsec,
                       list_extract(ty, 1 + (hash(i * 17) % 16)::INT) AS t
                FROM base
            ), paired AS (
                SELECT *, CASE WHEN tgt0 = src THEN 'USA' ELSE tgt0 END AS tgt FROM picked
            )
            SELECT printf('m%012d', i) AS merged_id,
                   src || ssec AS source_code, src AS source_country, nullif(ssec, '') AS source_sector,
                   src AS source_name,
                   tgt || tsec AS target_code, tgt AS target_country, nullif(tsec, '') AS target_sector,
                   tgt AS target_name,
                   t.t AS event_type, NULL AS mode, []::VARCHAR[] AS context,
                   t.c || CAST(hash(i * 19) % 5 AS VARCHAR) AS cameo, t.g AS goldstein, t.q AS quad_class,
                   d AS date, 'day' AS date_precision, 'occurred' AS status,
                   1 + (hash(i * 23) % 4)::INT AS num_mentions, 1 + (hash(i * 23) % 4)::INT AS num_articles,
                   1 + (hash(i * 29) % 3)::INT AS num_sources, 1 AS num_stories,
                   d AS first_seen, d + 1 AS last_seen,
                   printf('e%012d', i) AS best_event_id, printf('a%012d', i // 4) AS best_article_id,
                   src || ' ' || lower(t.t) || 's ' || tgt || ' (generated row ' || i || ').' AS sentence,
                   lower(t.t) AS evidence_trigger, 0.7 AS confidence
            FROM paired""")
        rebuild_dyad_days(con)
    return time.perf_counter() - t0


def open_only(db: Path) -> None:
    """Open and close a read-only connection: the part of every query's latency that is not SQL."""
    with reading(db):
        pass


def latencies(fn: Callable[[int], object], repeat: int) -> list[float]:
    """Milliseconds of `fn(k)` for k in 0..repeat-1."""
    out = []
    for k in range(repeat):
        t0 = time.perf_counter()
        fn(k)
        out.append(1000 * (time.perf_counter() - t0))
    return out


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", type=Path, help="store to build (kept; reused when it has the rows)")
    ap.add_argument("--repeat", type=int, default=100, help="queries of each kind")
    ap.add_argument("--quick", action="store_true", help="100,000 events, for CI")
    args = ap.parse_args()
    n = 100_000 if args.quick else args.events
    repeat = 20 if args.quick else args.repeat
    tmp = tempfile.TemporaryDirectory(prefix="detente-bench-") if args.db is None else None
    db = args.db if args.db is not None else Path(tmp.name if tmp else ".") / "events.duckdb"
    existing = 0
    if db.exists():
        initialise(db)  # an older store gains the migrations since
        with reading(db) as con:
            existing = (con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0]
            aggregated = (con.execute("SELECT count(*) FROM dyad_days").fetchone() or (0,))[0]
        if existing == n and not aggregated:
            with writing(db) as con:
                rebuild_dyad_days(con)
    if existing != n:
        if db.exists():
            db.unlink()
        seconds = generate(db, n)
        print(f"generated {n:,} events in {seconds:.1f} s ({db.stat().st_size / 2**20:.0f} MB)")
    print(f"store: {n:,} merged events; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    rng = random.Random(5)
    top = COUNTRIES[:12]
    dyads = [(a, b) for a, b in (rng.sample(top, 2) for _ in range(repeat))]
    any_dyads = [(a, b) for a, b in (rng.sample(COUNTRIES, 2) for _ in range(repeat))]
    year = [(dt.date(2015 + k % 10, 1, 1), dt.date(2015 + k % 10, 12, 31)) for k in range(repeat)]
    kinds: dict[str, Callable[[int], object]] = {
        "dyad series, busy dyads (monthly)": lambda k: dyad_series(db, *dyads[k], "month"),
        "dyad series, any dyad (weekly, both ways)": lambda k: dyad_series(db, *any_dyads[k], "week",
                                                                           directed=False),
        "event list (CLI), dyad, first 50": lambda k: query_events(db, EventFilter(dyad=dyads[k], limit=50)),
        "event list (CLI), actor+type+year, 50": lambda k: query_events(db, EventFilter(
            actor=top[k % len(top)], event_type=TYPES[k % len(TYPES)][0], date_from=year[k][0],
            date_to=year[k][1], limit=50)),
        "event page (API), dyad, with total": lambda k: list_events(
            db, EventQuery(dyad=dyads[k], directed=k % 2 == 0), DEFAULT_LIMITS),
        "event page (API), actor+type+year, total": lambda k: list_events(
            db, EventQuery(actor=top[k % len(top)], event_type=TYPES[k % len(TYPES)][0],
                           date_from=year[k][0], date_to=year[k][1]), DEFAULT_LIMITS),
        "event page (API), all, page k of 50": lambda k: list_events(
            db, EventQuery(offset=50 * (k % 40), order="date" if k % 2 else "reported"), DEFAULT_LIMITS),
    }
    # own connections first: while any connection is open, DuckDB reuses its database instance
    # and a new connection costs nothing, which is not what a lone CLI request gets
    for fn in kinds.values():  # warm the file cache
        fn(0)
    own_ms = {name: latencies(fn, repeat) for name, fn in kinds.items()}
    opening = latencies(lambda k: open_only(db), repeat)
    shared = share_reads(db)  # as the API server does
    for fn in kinds.values():
        fn(0)
    shared_ms = {name: latencies(fn, repeat) for name, fn in kinds.items()}
    opened = shared.opened
    stop_sharing(db)
    print(f"{'':42} {'own connection (CLI)':>28}   {'shared reader (API)':>28}")
    for name in kinds:
        a, b = own_ms[name], shared_ms[name]
        print(f"{name:42} p50 {p(a, 50):6.1f} ms p95 {p(a, 95):6.1f} ms   "
              f"p50 {p(b, 50):6.1f} ms p95 {p(b, 95):6.1f} ms")
    print(f"{'(opening a connection alone)':42} p50 {p(opening, 50):6.1f} ms p95 {p(opening, 95):6.1f} ms"
          f"   (shared reader opened {opened} times)")
    results = {name: (own_ms[name], shared_ms[name]) for name in kinds}
    for label, prefix in (("event lists", "event "), ("dyad series", "dyad series")):
        names = [name for name in results if name.startswith(prefix)]
        own = [x for name in names for x in results[name][0]]
        pooled = [x for name in names for x in results[name][1]]
        print(f"{label} on {n:,} events: p50 {p(own, 50):.0f} ms, p95 {p(own, 95):.0f} ms "
              f"(shared reader: p50 {p(pooled, 50):.0f} ms, p95 {p(pooled, 95):.0f} ms)")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
