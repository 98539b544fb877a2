"""The bad-input corpus through the readers, `detente ingest` into a store and `detente code`:
every document is coded, skipped or failed with a reason naming it, and the counts reconcile."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.ingest import read_documents
from detente.records import Article, Failure

from .corpus import HOSTILE_MARKERS, Expect, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Expect]]:
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    return folder, write_corpus(folder)


def _names(document: str) -> tuple[str, ...]:
    """The names a document may go by: itself, or a line, record or entry of a file."""
    return (document, document + ":", document + "@", document + "#")


def _matches(name: str, expect: Expect) -> bool:
    return name == expect.document or name.startswith(_names(expect.document)[1:])


def test_every_kind_is_in_the_corpus(corpus: tuple[Path, list[Expect]]) -> None:
    kinds = Counter(e.kind for e in corpus[1])
    assert set(kinds) == {"empty", "binary", "50 MB text", "nested html", "malformed html", "invalid utf-8",
                          "truncated gzip", "truncated warc", "broken jsonl", "non-english",
                          "100k-token sentence", "hostile html"}
    assert (corpus[0] / "huge.txt").stat().st_size >= 50_000_000


def test_readers_name_every_failure(corpus: tuple[Path, list[Expect]]) -> None:
    folder, expects = corpus
    items = list(read_documents([str(folder)]))
    for e in expects:
        found = [i for i in items if _matches(i.document if isinstance(i, Failure) else i.id, e)
                 or (isinstance(i, Article) and i.origin is not None and _matches(i.origin, e))]
        assert found, f"{e.document} ({e.kind}) was neither read nor failed"
        if e.outcome == "failed":  # a truncated file's complete lines may still be read
            fails = [i for i in found if isinstance(i, Failure)]
            assert fails and all(i.reason.startswith(e.reason or "[E") for i in fails), found
            assert not [i for i in found if isinstance(i, Article) and e.document in (i.id, i.origin)]
        elif e.outcome in ("coded", "skipped"):
            assert all(isinstance(i, Article) for i in found), found
    for item in items:
        if isinstance(item, Failure):
            assert item.document and item.stage == "read" and item.reason.startswith("[E"), item


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_ingest_codes_or_fails_every_document(corpus: tuple[Path, list[Expect]], tmp_path: Path) -> None:
    folder, expects = corpus
    db = tmp_path / "bad.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "reconciled: read = coded + skipped + failed" in result.stderr
    (read, stored, skipped, failed, reconciled), = _rows(db, """
        SELECT documents_read, documents_stored, documents_skipped, documents_failed, reconciled FROM runs""")
    assert reconciled and read == stored + skipped + failed
    articles = _rows(db, "SELECT article_id, origin, status, skip_reason, text FROM articles")
    failures = _rows(db, "SELECT document_id, source, error FROM failures")
    assert len(articles) + len(failures) == read
    for e in expects:
        a = [r for r in articles if _matches(str(r[0]), e) or _matches(str(r[1]), e)]
        f = [r for r in failures if _matches(str(r[0]), e) or _matches(str(r[1] or ""), e)]
        assert a or f, f"{e.document} ({e.kind}) is neither stored nor failed"
        if e.outcome == "coded":
            assert [r[2] for r in a] == ["coded"] and not f, (e, a, f)
        elif e.outcome == "skipped":
            assert [r[2] for r in a] == ["skipped"] and str(a[0][3]).startswith(e.reason or ""), (e, a)
        elif e.outcome == "failed":
            assert f and all(str(r[2]).startswith(e.reason or "[E") for r in f), (e, a, f)
            assert not [r for r in a if e.document in (r[0], r[1])], (e, a)
    hostile = [r[4] for r in articles if str(r[1]).endswith("hostile.html")]
    assert hostile and not any(m in str(hostile[0]) for m in HOSTILE_MARKERS)
    # the over-long sentence is skipped, the sentences around it are coded
    n_events = _rows(db, "SELECT count(*) FROM mentions m JOIN articles a USING (article_id) "
                         "WHERE a.origin LIKE '%long_sentence.txt'")[0][0]
    assert n_events > 0

    again = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert _rows(db, "SELECT count(*) FROM articles")[0][0] == len(articles)
    assert _rows(db, "SELECT count(*) FROM failures")[0][0] == len(failures)


@pytest.mark.slow
def test_code_reports_every_failure_and_goes_on(corpus: tuple[Path, list[Expect]]) -> None:
    folder, expects = corpus
    result = CliRunner().invoke(app, ["code", str(folder)])
    assert result.exit_code == 1  # some documents failed; the others were coded
    records = [json.loads(line) for line in result.stdout.splitlines()]
    coded = {r["article_id"] for r in records}
    assert {"ok-1", "ok-2", "surrogate", "hostile-json"} <= coded
    for e in expects:
        if e.outcome == "failed":
            assert f"{e.document}" in result.stderr, f"{e.document} not named on stderr"
    assert "[W001]" in result.stderr  # the skipped sentence is reported
