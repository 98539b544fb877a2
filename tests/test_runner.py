"""The corpus runner: stores, merges reprints, isolates failures, reconciles, is idempotent."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest

from detente import pipeline as pipeline_module
from detente.pipeline import Result
from detente.records import Article, Event, Evidence
from detente.runner import InProcessExecutor, code_batch, parse_interval, run

WIRE = ("TOKYO (Wire) - Japan accused North Korea of provocations on Thursday. The foreign ministry "
        "said the launch broke several resolutions, and officials promised a firm answer.")
REPRINT = ("Japan accused North Korea of provocations on Thursday. The foreign ministry said the launch "
           "broke several resolutions, and officials promised a firm answer, the Daily Herald reports.")
OTHER = ("China criticized the United States over tariffs on Monday. The ministry added that talks "
         "with trading partners would go on.")
SAME_DAY = ("China accused the United States of hypocrisy on Monday. The remarks came at a briefing "
            "in Beijing that lasted an hour.")


def write_jsonl(path: Path, docs: Iterable[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", [
        {"id": "wire", "text": WIRE, "published": "2018-01-06", "outlet": "Wire"},
        {"id": "reprint", "text": REPRINT, "published": "2018-01-06", "outlet": "Daily Herald"},
        {"id": "other", "text": OTHER, "published": "2018-01-09", "outlet": "Wire"},
        {"id": "same-day", "text": SAME_DAY, "published": "2018-01-09", "outlet": "Gazette"},
        {"id": "french", "text": "Le Japon a accusé la Corée du Nord de provocations jeudi, selon le "
                                 "ministère des affaires étrangères.", "published": "2018-01-06"},
    ])


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_reprints_merge_and_count_once_per_story(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    summary = run([str(corpus(tmp_path))], db)
    assert summary.reconciled and summary.read == 5 and summary.stored == 4 and summary.failed == 0
    assert summary.skipped == {"[E202] not English (detected fr)": 1}
    stories = dict(rows(db, "SELECT article_id, story_id FROM articles WHERE status = 'coded'"))  # type: ignore[arg-type]
    assert stories["reprint"] == "wire" and stories["other"] == "other" and stories["same-day"] == "same-day"
    (accuse,) = rows(db, """SELECT num_mentions, num_articles, num_sources, num_stories FROM events
                           WHERE source_code = 'JPN' AND target_code = 'PRK'""")
    assert accuse == (2, 2, 2, 1)
    # China-USA on the same day: a criticism and an accusation are two events, not one
    china = rows(db, """SELECT cameo, num_articles FROM events WHERE source_code = 'CHN'
                        AND target_code = 'USA' ORDER BY cameo""")
    assert len(china) >= 2 and all(n == 1 for _, n in china)
    skipped = rows(db, "SELECT language, skip_reason FROM articles WHERE status = 'skipped'")
    assert skipped == [("fr", "[E202] not English (detected fr)")]


def test_rerun_adds_nothing(tmp_path: Path) -> None:
    db, src = tmp_path / "s.duckdb", corpus(tmp_path)
    run([str(src)], db)
    tables = ("articles", "mentions", "events", "failures", "article_bands", "event_mentions", "actors")
    before = {t: rows(db, f"SELECT count(*) FROM {t}")[0] for t in tables}
    again = run([str(src)], db)
    assert again.stored == 0 and again.skipped == {"already stored": 5} and again.reconciled
    assert {t: rows(db, f"SELECT count(*) FROM {t}")[0] for t in tables} == before


def test_a_failing_document_is_recorded_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline_module.events_of

    def events_of(article: Article, doc: object) -> list[Event]:
        if "POISON" in article.text:
            raise ValueError("a broken sentence")
        return real(article, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline_module, "events_of", events_of)
    src = write_jsonl(tmp_path / "n.jsonl", [
        {"id": "ok-1", "text": WIRE}, {"id": "bad", "text": "POISON. " + OTHER},
        {"id": "ok-2", "text": OTHER}])
    with src.open("a") as f:
        f.write("not json at all\n")
    db = tmp_path / "s.duckdb"
    summary = run([str(src)], db, batch_size=2)
    assert (summary.read, summary.stored, summary.failed) == (4, 2, 2) and summary.reconciled
    failures = rows(db, "SELECT document_id, source, stage FROM failures ORDER BY stage")
    assert failures == [("bad", f"{src}:2", "code"), (f"{src}:4", f"{src}:4", "read")]
    assert rows(db, "SELECT documents_read, documents_stored, documents_skipped, documents_failed, "
                    "reconciled FROM runs") == [(4, 2, 0, 2, True)]
    # a rerun records the same failures once
    run([str(src)], db)
    assert rows(db, "SELECT count(*) FROM failures") == [(2,)]


def _fake_event(article: Article, date: str) -> Event:
    return Event(event_id=f"{article.id}-e", article_id=article.id, sentence_index=0, sentence=article.text,
                 source=None, target=None, event_type="ACCUSE", mode=None, context=[], cameo="112",
                 goldstein=-2.0, quad_class=3, date=date, date_precision="day", status="occurred",
                 location=None, speaker=None, evidence=Evidence(trigger="x"), confidence=0.5)


def test_a_document_that_cannot_be_stored_fails_alone(tmp_path: Path) -> None:
    def fake(batch: list[Article]) -> list[Result]:
        return [Result(a, [_fake_event(a, "not a date" if a.id == "b" else "2018-01-04")]) for a in batch]

    src = write_jsonl(tmp_path / "n.jsonl", [{"id": i, "text": f"Text {i} " + OTHER} for i in "abc"])
    db = tmp_path / "s.duckdb"
    summary = run([str(src)], db, fn=fake)
    assert (summary.stored, summary.failed) == (2, 1) and summary.reconciled
    assert rows(db, "SELECT document_id, stage FROM failures") == [("b", "store")]
    assert rows(db, "SELECT count(*) FROM mentions") == [(2,)]


class ReversingExecutor:
    """Codes the batches of a window out of order (as workers would) and yields them in order."""

    def map(self, fn: object, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        window: list[list[Article]] = []
        for b in batches:
            window.append(b)
            if len(window) == 2:
                done = [fn(x) for x in reversed(window)]  # type: ignore[operator]
                yield from reversed(done)
                window = []
        yield from (fn(x) for x in window)  # type: ignore[operator]


def test_executor_seam_gives_the_same_store(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    run([str(src)], a, batch_size=2, executor=InProcessExecutor())
    run([str(src)], b, batch_size=2, executor=ReversingExecutor())
    q = "SELECT * EXCLUDE (run_id) FROM mentions ORDER BY event_id"
    assert rows(a, q) == rows(b, q)
    q = "SELECT * FROM events ORDER BY merged_id"
    assert rows(a, q) == rows(b, q)


def test_code_batch_keeps_order_and_isolates(tmp_path: Path) -> None:
    arts = [Article(id=f"d{i}", text=t) for i, t in enumerate([WIRE, OTHER, SAME_DAY])]
    results = code_batch(arts)
    assert [r.article.id for r in results] == ["d0", "d1", "d2"]
    assert all(r.failure is None for r in results)


def test_parse_interval() -> None:
    assert parse_interval("15m") == 900 and parse_interval("1h") == 3600 and parse_interval("30s") == 30
    assert parse_interval("90") == 90
    with pytest.raises(ValueError, match="interval"):
        parse_interval("soon")


def test_finished_batches_are_let_go(tmp_path: Path) -> None:
    """Memory is bounded by the batches in flight: once a batch is committed, nothing in the
    runner (queue, writer, summary) still holds its articles or their results."""
    alive: list[list[weakref.ref[Article]]] = []

    def tracked(batch: list[Article]) -> list[Result]:
        alive.append([weakref.ref(a) for a in batch])
        return [Result(a) for a in batch]

    def articles() -> Iterator[Article]:
        for i in range(40):
            yield Article(id=f"doc-{i}", text=f"Japan accused North Korea of provocations, report {i}.",
                          published="2018-01-06", language="en")

    held: list[int] = []

    def after_commit(read: int) -> None:
        gc.collect()
        held.append(sum(r() is not None for batch in alive[:-1] for r in batch))

    summary = run(["generated"], tmp_path / "s.duckdb", batch_size=4, items=articles(), fn=tracked,
                  progress=after_commit)
    assert summary.stored == 40 and len(alive) == 10
    assert held == [0] * 10
