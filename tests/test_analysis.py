"""Analysis over a store built by the real ingest: series, rankings, network, alerts, guards."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from pathlib import Path

import duckdb
import pytest

from detente import analysis
from detente.analysis import Limits, select
from detente.errors import QueryError, QueryTimeout
from detente.store.database import reading

SPIKE = "2018-03-05"  # the week of the border clashes in the fixtures


def conflict_by_week(db: Path, source: str, target: str) -> dict[str, int]:
    rows = select(db, """SELECT CAST(date_trunc('week', coalesce(date, first_seen)) AS DATE) AS week,
                                count(*) AS n FROM events
                         WHERE coalesce(source_country, source_code) = ?
                           AND coalesce(target_country, target_code) = ?
                           AND quad_class IN (3, 4) GROUP BY 1""", [source, target]).rows
    return {r["week"]: r["n"] for r in rows}


def test_period_bounds() -> None:
    assert analysis.period_start(dt.date(2018, 3, 8), "week") == dt.date(2018, 3, 5)
    assert analysis.period_end(dt.date(2018, 3, 5), "week") == dt.date(2018, 3, 11)
    assert analysis.period_end(dt.date(2018, 12, 1), "month") == dt.date(2018, 12, 31)
    assert analysis.period_end(dt.date(2018, 2, 1), "month") == dt.date(2018, 2, 28)
    with pytest.raises(QueryError, match="E502"):
        analysis.period_start(dt.date(2018, 1, 1), "year")


def test_dyad_series_counts_and_fills_gaps(relations_store: Path) -> None:
    series = analysis.dyad_series(relations_store, "PRK", "KOR", "week")
    weeks = [p.period for p in series.points]
    assert weeks == sorted(weeks) and len(set(weeks)) == len(weeks)
    steps = {dt.date.fromisoformat(b) - dt.date.fromisoformat(a) for a, b in itertools.pairwise(weeks)}
    assert steps == {dt.timedelta(days=7)}  # no week missing, quiet weeks are zero
    assert any(p.events == 0 and p.balance is None and p.goldstein_mean is None for p in series.points)
    expected = conflict_by_week(relations_store, "PRK", "KOR")
    for p in series.points:
        assert p.conflict == expected.get(p.period, 0)
        assert p.events == sum(p.quad.values()) == sum(p.types.values())
        assert p.cooperation == p.quad[1] + p.quad[2] and p.conflict == p.quad[3] + p.quad[4]
        if p.cooperation + p.conflict:
            expected_balance = (p.cooperation - p.conflict) / (p.cooperation + p.conflict)
            assert p.balance == pytest.approx(expected_balance, abs=1e-3)
    spike = next(p for p in series.points if p.period == SPIKE)
    assert spike.conflict >= 4 and spike.balance == -1.0 and spike.goldstein_mean is not None
    assert spike.goldstein_mean < -2


def test_undirected_series_adds_the_other_direction(relations_store: Path) -> None:
    one = analysis.dyad_series(relations_store, "PRK", "KOR", "month")
    other = analysis.dyad_series(relations_store, "KOR", "PRK", "month")
    both = analysis.dyad_series(relations_store, "PRK", "KOR", "month", directed=False)
    with reading(relations_store) as con:  # a mutual event is in either direction's series
        row = con.execute("""SELECT count(*) FROM events
                             WHERE mutual AND coalesce(date, first_seen) IS NOT NULL
                             AND ((source_country = 'PRK' AND target_country = 'KOR')
                               OR (source_country = 'KOR' AND target_country = 'PRK'))""").fetchone()
    mutual = int(row[0]) if row else 0
    assert mutual > 0
    assert sum(p.events for p in both.points) == sum(p.events for p in one.points + other.points) - mutual


def test_top_dyads_actors_and_network_agree(relations_store: Path) -> None:
    dyads = analysis.top_dyads(relations_store, limit=50)
    assert (dyads[0].source, dyads[0].target) == ("PRK", "KOR")
    assert [d.events for d in dyads] == sorted((d.events for d in dyads), reverse=True)
    assert all(d.source != d.target for d in dyads)
    series = analysis.dyad_series(relations_store, "PRK", "KOR", "month")
    assert dyads[0].events == sum(p.events for p in series.points)
    actors = {a.actor: a for a in analysis.top_actors(relations_store, limit=50)}
    assert actors["PRK"].events == actors["PRK"].as_source + actors["PRK"].as_target
    assert actors["PRK"].name == "North Korea"
    net = analysis.actor_network(relations_store, max_edges=50)
    assert {n.actor for n in net.nodes} == {d.source for d in net.edges} | {d.target for d in net.edges}
    assert sum(n.events for n in net.nodes) == 2 * sum(d.events for d in net.edges)
    april = analysis.top_dyads(relations_store, date_from=dt.date(2018, 4, 1), date_to=dt.date(2018, 4, 30))
    in_april = {(d.source, d.target): d.events for d in april}
    april_points = [p for p in series.points if p.period.startswith("2018-04")]
    assert in_april.get(("PRK", "KOR"), 0) == sum(p.events for p in april_points)
    assert in_april.get(("PRK", "KOR"), 0) < dyads[0].events


def test_alert_fires_on_the_spike_with_the_documented_statistic(relations_store: Path) -> None:
    found = analysis.alerts(relations_store)
    alert = next(a for a in found if (a.source, a.target, a.period) == ("PRK", "KOR", SPIKE))
    counts = conflict_by_week(relations_store, "PRK", "KOR")
    weeks = analysis.dyad_series(relations_store, "PRK", "KOR", "week").points
    first = dt.date.fromisoformat(weeks[0].period)
    spike = dt.date.fromisoformat(SPIKE)
    baseline = [counts.get((spike - dt.timedelta(weeks=k)).isoformat(), 0) for k in range(8, 0, -1)
                if spike - dt.timedelta(weeks=k) >= first]
    mean, sd = statistics.fmean(baseline), statistics.pstdev(baseline)
    assert alert.conflict == counts[SPIKE]
    assert alert.history == len(baseline)
    assert alert.z == pytest.approx((counts[SPIKE] - mean) / max(sd, 1.0), abs=0.01)
    assert alert.baseline_mean == pytest.approx(mean, abs=1e-3)
    # A quiet dyad never alerts, and the floors hold it back as documented.
    assert analysis.alerts(relations_store, min_count=counts[SPIKE] + 1) == []
    assert analysis.alerts(relations_store, threshold=alert.z + 0.1) == []
    assert analysis.alerts(relations_store, min_history=9) == []


def test_corpus_stats_add_up(relations_store: Path) -> None:
    stats = analysis.corpus_stats(relations_store)
    assert stats.events == sum(stats.quad.values()) == sum(stats.types.values())
    assert stats.articles == stats.coded + stats.skipped
    assert 0 < stats.located < stats.events
    assert stats.first_date is not None and stats.first_date <= (stats.last_date or "")


def test_select_caps_rows_and_stops_slow_queries(relations_store: Path) -> None:
    capped = select(relations_store, "SELECT * FROM range(100) t(i)", (), Limits(max_rows=10))
    assert len(capped.rows) == 10 and capped.truncated
    assert not select(relations_store, "SELECT * FROM range(10) t(i)", (), Limits(max_rows=10)).truncated
    slow = "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1"
    with pytest.raises(QueryTimeout, match="E501"):
        select(relations_store, slow, (), Limits(seconds=0.2))


def test_select_is_read_only(relations_store: Path) -> None:
    with pytest.raises(duckdb.Error):
        select(relations_store, "DELETE FROM events")
    assert analysis.corpus_stats(relations_store).events > 0


def test_actor_level_is_checked(relations_store: Path) -> None:
    with pytest.raises(QueryError, match="E503"):
        analysis.top_actors(relations_store, level="region")
    codes = {a.actor for a in analysis.top_actors(relations_store, level="code", limit=50)}
    assert "PRKMIL" in codes


def test_cli_prints_the_series_and_the_alerts(relations_store: Path) -> None:
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["series", "PRK", "KOR", "--db", str(relations_store), "--freq", "week",
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    printed = json.loads(out.stdout)
    expected = analysis.dyad_series(relations_store, "PRK", "KOR", "week")
    assert [p["conflict"] for p in printed["points"]] == [p.conflict for p in expected.points]
    table = runner.invoke(app, ["alerts", "--db", str(relations_store)])
    assert table.exit_code == 0 and "PRK->KOR" in table.stdout and SPIKE in table.stdout
    bad = runner.invoke(app, ["series", "PRK", "KOR", "--db", str(relations_store), "--freq", "year"])
    assert bad.exit_code != 0


def test_actor_names_come_from_the_store_then_iso(relations_store: Path) -> None:
    names = analysis.actor_names(relations_store, ["PRK", "FRA", "XXQ"])
    assert names["PRK"] == "North Korea"   # the store's own name
    assert names["FRA"] == "France"        # not in the store: the ISO 3166 name
    assert "XXQ" not in names
