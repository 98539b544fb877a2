"""The bundled example corpus: every reprint it lists is linked to its story, and nothing else is."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from detente.pipeline import Result
from detente.records import Article
from detente.runner import run

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def no_events(batch: list[Article]) -> list[Result]:
    return [Result(a) for a in batch]


def test_reprints_in_the_example_corpus_are_found(tmp_path: Path) -> None:
    if not list(CORPUS.glob("*.jsonl")):
        pytest.skip("examples/corpus is not present")
    db = tmp_path / "s.duckdb"
    summary = run([str(CORPUS / "*.jsonl")], db, fn=no_events)
    assert summary.reconciled and summary.failed == 0
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT article_id, story_id FROM articles").fetchall()
    story = dict(rows)
    for article_id, story_id in rows:
        original = article_id.rsplit("-r", 1)[0] if "-r" in article_id else article_id
        assert story_id == original, (article_id, story_id)  # ids name reprints "<original>-rN"
    # the corpus's same-day, same-actor pairs are different stories
    for a, b in [("koreas-0033", "koreas-0034"), ("trade-0048", "trade-0049"),
                 ("mideast-0012", "mideast-0013"), ("southasia_americas-0030", "southasia_americas-0031")]:
        assert story[a] != story[b]
