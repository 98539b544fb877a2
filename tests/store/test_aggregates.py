"""The dyad aggregate: rebuilt with the merged events, and its series equal to counting events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.records import Actor, Article, Event, Evidence
from detente.store import reading
from detente.store.aggregates import dyad_series
from detente.store.writer import Batch, StoreWriter, rebuild_merged

KOR = Actor("South Korea", "KOR", "KOR", None, "South Korea")
PRK = Actor("North Korea", "PRK", "PRK", None, "North Korea")
PRK_GOV = Actor("Pyongyang", "PRKGOV", "PRK", "GOV", "North Korea")

# (article, date, source, target, type, cameo, goldstein, quad class)
ROWS = [
    ("a1", "2018-01-03", PRK, KOR, "AGREE", "036", 4.0, 1),
    ("a2", "2018-01-09", PRK_GOV, KOR, "CONSULT", "043", 2.8, 1),
    ("a3", "2018-01-20", PRK, KOR, "THREATEN", "138", -7.0, 3),
    ("a4", "2018-02-02", PRK, KOR, "ASSAULT", "190", -10.0, 4),
    ("a5", "2018-02-02", KOR, PRK, "AID", "070", 7.0, 2),
    ("a6", "2018-03-15", PRK, None, "THREATEN", "130", -4.4, 3),
]


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    writer = StoreWriter(db)
    run_id = writer.begin_run(["test"], {})
    batch = Batch()
    for art, day, source, target, kind, cameo, goldstein, quad in ROWS:
        article = Article(id=art, text=f"Generated article {art}.", published=day, outlet=f"outlet-{art}")
        event = Event(event_id=f"{art}-e", article_id=art, sentence_index=0, sentence=article.text,
                      source=source, target=target, event_type=kind, mode=None, context=[], cameo=cameo,
                      goldstein=goldstein, quad_class=quad, date=day, date_precision="day",
                      status="occurred", location=None, speaker=None, evidence=Evidence(trigger="x"),
                      confidence=0.7)
        batch.coded.append((article, [event]))
    writer.commit(run_id, batch)
    rebuild_merged(db)
    return db


def test_rebuild_merged_fills_the_dyad_aggregate(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with reading(db) as con:
        assert con.execute("SELECT sum(events) FROM dyad_days").fetchone() == (5,)  # no target: not a dyad
        counted = con.execute("""SELECT source_country, target_country, count(*) FROM events
                                 WHERE target_country IS NOT NULL GROUP BY ALL ORDER BY ALL""").fetchall()
        aggregated = con.execute("SELECT source_country, target_country, sum(events)::BIGINT FROM dyad_days "
                                 "GROUP BY ALL ORDER BY ALL").fetchall()
    assert aggregated == counted == [("KOR", "PRK", 1), ("PRK", "KOR", 4)]


def test_dyad_series_by_month_counts_quad_classes_and_goldstein(tmp_path: Path) -> None:
    db = _store(tmp_path)
    series = dyad_series(db, "prk", "kor", "month")
    assert [p.period for p in series] == [dt.date(2018, 1, 1), dt.date(2018, 2, 1)]
    january, february = series
    assert (january.events, january.verbal_cooperation, january.verbal_conflict) == (3, 2, 1)
    assert january.goldstein_sum == pytest.approx(-0.2)
    assert january.goldstein_mean == pytest.approx(-0.2 / 3)
    assert (february.events, february.material_conflict, february.material_cooperation) == (1, 1, 0)


def test_dyad_series_by_week_with_a_date_range(tmp_path: Path) -> None:
    db = _store(tmp_path)
    series = dyad_series(db, "PRK", "KOR", "week", date_from=dt.date(2018, 1, 5),
                         date_to=dt.date(2018, 1, 31))
    assert [(p.period, p.events) for p in series] == [(dt.date(2018, 1, 8), 1), (dt.date(2018, 1, 15), 1)]
    assert dyad_series(db, "KOR", "JPN") == []


def test_unknown_period_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="quarter"):
        dyad_series(_store(tmp_path), "PRK", "KOR", "quarter")


def test_series_on_a_held_connection_is_the_same(tmp_path: Path) -> None:
    from detente.store.aggregates import series_on

    db = _store(tmp_path)
    with reading(db) as con:
        held = series_on(con, "PRK", "KOR", "day")
    assert held == dyad_series(db, "PRK", "KOR", "day")
    assert [p.period for p in held] == [dt.date(2018, 1, 3), dt.date(2018, 1, 9), dt.date(2018, 1, 20),
                                        dt.date(2018, 2, 2)]
