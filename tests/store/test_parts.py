"""Parquet parts: the store's mention columns, one file per batch attempt, loaded whole or not at all."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from detente.pipeline import Result
from detente.records import Article, Event, Evidence, Failure
from detente.store.parts import Part, code_part, part_path, write_part
from detente.store.writer import MENTION_SCHEMA, Batch, StoreWriter, mention_row


def _event(article: Article, n: int, date: str = "2018-01-04") -> Event:
    return Event(event_id=f"{article.id}-e{n}", article_id=article.id, sentence_index=n,
                 sentence=article.text, source=None, target=None, event_type="ACCUSE", mode=None,
                 context=["a", "b"], cameo="112", goldstein=-2.0, quad_class=3, date=date,
                 date_precision="day", status="occurred", location=None, speaker=None,
                 evidence=Evidence(trigger="accused", trigger_span=(0, 7)), confidence=0.5)


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Text number {i} about a meeting in the capital city today.",
                    published="2018-01-04") for i in range(n)]


def _fake(articles: list[Article]) -> list[Result]:
    """Two events for each article, a failure for a2 and a note on a1."""
    return [Result(a, failure=Failure(a.id, "code", "[E201] broken")) if a.id == "a2" else
            Result(a, [_event(a, 0), _event(a, 1)], notes=["a note"] if a.id == "a1" else [])
            for a in articles]


def test_the_part_schema_is_the_mentions_table(tmp_path: Path) -> None:
    writer = StoreWriter(tmp_path / "s.duckdb")
    writer.close()
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        columns = [r[0] for r in con.execute("DESCRIBE mentions").fetchall()]
    a = _articles(1)[0]
    assert MENTION_SCHEMA.names == columns == list(mention_row(_event(a, 0), None, "run"))


def test_a_part_holds_the_mention_rows_and_its_summary_the_rest(tmp_path: Path) -> None:
    articles = _articles(3)
    (part,) = code_part(_fake, str(tmp_path), "run-1", articles)
    assert part.path == str(part_path(tmp_path, articles))
    assert part.coded == [("a0", 2), ("a1", 2)] and part.notes == [("a1", "a note")]
    assert [f.document for f in part.failures] == ["a2"]
    table = pq.read_table(part.path)
    assert table.schema.equals(MENTION_SCHEMA)
    expected = [mention_row(e, None, "run-1") for r in _fake(articles) for e in r.events]
    assert table.to_pylist() == expected
    assert list(tmp_path.iterdir()) == [Path(part.path)]  # nothing left aside


def test_a_retried_batch_overwrites_its_part(tmp_path: Path) -> None:
    articles = _articles(2)
    first = code_part(_fake, str(tmp_path), "run-1", articles)
    second = code_part(_fake, str(tmp_path), "run-1", articles)
    assert first == second and len(list(tmp_path.iterdir())) == 1
    assert part_path(tmp_path, articles[:1]) != part_path(tmp_path, articles)


def test_a_batch_without_events_writes_no_file(tmp_path: Path) -> None:
    (part,) = code_part(lambda b: [Result(a) for a in b], str(tmp_path), "run-1", _articles(2))
    assert part == Part(None, coded=[("a0", 0), ("a1", 0)])
    assert not tmp_path.exists() or not list(tmp_path.iterdir())
    assert code_part(_fake, str(tmp_path), "run-1", []) == []


def _commit_part(tmp_path: Path, part_rows: int, claimed: int,
                 lose_file: bool = False) -> tuple[int, int, list[tuple[str, str]]]:
    """Commit one article whose part holds `part_rows` rows while its summary claims `claimed`."""
    (article,) = _articles(1)
    path = write_part([Result(article, [_event(article, i) for i in range(part_rows)])],
                      tmp_path / "p.parquet", "run").path
    if lose_file and path:
        Path(path).unlink()
    writer = StoreWriter(tmp_path / "s.duckdb")
    run_id = writer.begin_run(["test"], {})
    done = writer.commit(run_id, Batch(in_parts=[(article, claimed)], parts=[path] if path else []))
    writer.close()
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        failures = con.execute("SELECT document_id, error FROM failures").fetchall()
    return done.stored, done.events, failures


def test_a_part_is_loaded_with_its_story_and_run(tmp_path: Path) -> None:
    assert _commit_part(tmp_path, 2, 2) == (1, 2, [])
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT event_id, story_id, run_id = (SELECT run_id FROM runs), "
                           "typeof(date), context FROM mentions ORDER BY 1").fetchall()
        n_events = con.execute("SELECT n_events FROM articles").fetchall()
    assert rows == [("a0-e0", "a0", True, "DATE", ["a", "b"]), ("a0-e1", "a0", True, "DATE", ["a", "b"])]
    assert n_events == [(2,)]


@pytest.mark.parametrize("lose_file", [False, True])  # rows missing from the part, or the whole file
def test_a_part_that_does_not_match_its_summary_fails_its_documents(tmp_path: Path, lose_file: bool) -> None:
    stored, events, failures = _commit_part(tmp_path, 1, 2, lose_file=lose_file)
    assert (stored, events) == (0, 0)
    assert [d for d, _ in failures] == ["a0"] and failures[0][1].startswith("[E304]")
    assert ("[E306]" in failures[0][1]) is not lose_file
