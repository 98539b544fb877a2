"""The Dask executor: same records as in-process, failed batches retried, poisoned documents isolated."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import duckdb
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import ConfigError
from detente.pipeline import Result
from detente.records import Article, Failure
from detente.runner import code_batch, run
from detente.scale import LOG_LENGTH, DaskExecutor, cluster_client, parts_directory
from detente.store.parts import part_path, write_part

# the test's batch functions travel to worker processes by value, not by module name
cloudpickle.register_pickle_by_value(sys.modules[__name__])

TEXTS = [
    "Japan accused North Korea of provocations on Thursday.",
    "China agreed to hold talks with Russia on Monday in Beijing.",
    "The United States imposed new sanctions on Iran last week.",
    "Officials gave no further details about the meeting.",
    "Turkey threatened Greece with retaliation over the islands.",
    "India and Pakistan signed a trade agreement on Tuesday.",
    "France condemned Russia for the missile strike on Kyiv.",
    "Germany promised humanitarian aid to Ukraine yesterday.",
    "Iran rejected a proposal from the European Union.",
    "The South Korean president met Chinese officials in Seoul and discussed the talks.",
    "Israel expelled diplomats from Turkey earlier this month.",
    "The United Nations called on Syria to release the prisoners.",
]
POISON = "POISON"


def _articles(extra: list[str] | None = None) -> list[Article]:
    texts = TEXTS + (extra or [])
    return [Article(id=f"doc-{i:02d}", text=t, published="2018-01-06") for i, t in enumerate(texts)]


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def fail_first_time(marker: Path, batch: list[Article]) -> list[Result]:
    """Fails the first attempt at each batch (a flaky worker), then codes it."""
    seen = marker / batch[0].id
    if not seen.exists():
        seen.touch()
        raise OSError("worker lost its connection")
    return code_batch(batch)


def raise_on_poison(attempts: Path, batch: list[Article]) -> list[Result]:
    """Raises (outside the per-document isolation of the pipeline) on a batch with a poisoned text."""
    (attempts / f"{batch[0].id}-{len(batch)}-{os.urandom(4).hex()}").touch()
    if any(POISON in a.text for a in batch):
        raise MemoryError("the document exhausted the worker")
    return code_batch(batch)


def die_on_poison(batch: list[Article]) -> list[Result]:
    """Kills the worker process on a batch with a poisoned text."""
    if any(POISON in a.text for a in batch):
        os._exit(3)
    return code_batch(batch)


def leave_part_on_poison(root: Path, batch: list[Article]) -> list[Result]:
    """On a batch with a poisoned text, writes the batch's part (as an attempt that died after
    writing it would have) and raises; coded one by one, the poisoned document raises alone."""
    if any(POISON in a.text for a in batch):
        if len(batch) > 1:
            (run_dir,) = root.iterdir()
            write_part(code_batch(batch), part_path(run_dir, batch), run_dir.name)
        raise MemoryError("the document exhausted the worker")
    return code_batch(batch)


def batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(articles), size):
        yield articles[i : i + size]


@pytest.fixture(scope="module")
def thread_client() -> Iterator[Client]:
    """A cluster inside this process: fast, for the executor's retry and fallback logic."""
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as client:
        yield client


def test_results_come_back_in_batch_order(thread_client: Client) -> None:
    articles = _articles()
    executor = DaskExecutor(thread_client, in_flight=3)
    out = list(executor.map(code_batch, batches(articles, 2)))
    assert [[r.article.id for r in rs] for rs in out] == [[a.id for a in b] for b in batches(articles, 2)]
    assert out == [code_batch(b) for b in batches(articles, 2)]


def test_workers_stop_their_profiler(thread_client: Client) -> None:
    """The executor's plugin stops each worker's statistical profiler, whose call trees (one a
    second, a thousand kept) grew the workers over a long ingest."""
    executor = DaskExecutor(thread_client)
    assert list(executor.map(code_batch, batches(_articles(), 4)))

    def profiled(dask_worker: Any) -> tuple[bool, int, int]:
        return ("profile" in dask_worker.periodic_callbacks, dask_worker.profile_recent["count"],
                len(dask_worker.profile_history))

    assert set(thread_client.run(profiled).values()) == {(False, 0, 0)}


@pytest.mark.slow
def test_client_lets_go_of_the_batches_it_sent() -> None:
    """Dask's comms log the messages they send; cut short, the logs no longer keep the text of
    every batch sent (the client and a local scheduler held a thousand batches' articles)."""
    sent = ([Article(id=f"doc-{i}", text=TEXTS[i % len(TEXTS)], published="2018-01-06")] for i in range(150))
    with cluster_client("local:1") as client:
        for results in DaskExecutor(client).map(code_batch, sent):
            assert len(results) == 1
        del results
        gc.collect()
        held = sum(isinstance(o, Article) for o in gc.get_objects())
    assert held <= 3 * LOG_LENGTH


def test_empty_batch_gives_no_results(thread_client: Client) -> None:
    assert list(DaskExecutor(thread_client).map(code_batch, [[], _articles()[:1], []]))[0::2] == [[], []]


def test_failed_batch_is_retried(thread_client: Client, tmp_path: Path) -> None:
    from functools import partial

    articles = _articles()
    out = [r for rs in DaskExecutor(thread_client, retries=1).map(
        partial(fail_first_time, tmp_path), batches(articles, 4)) for r in rs]
    assert len(list(tmp_path.iterdir())) == 3  # every batch failed once
    assert all(r.failure is None for r in out)
    assert out == code_batch(articles)


def test_poisoned_document_becomes_a_failure_record(thread_client: Client, tmp_path: Path) -> None:
    from functools import partial

    articles = _articles([f"{POISON} Russia accused Ukraine of shelling the plant."])
    out = [r for rs in DaskExecutor(thread_client, retries=1).map(
        partial(raise_on_poison, tmp_path), batches(articles, 5)) for r in rs]
    assert [r.article.id for r in out] == [a.id for a in articles]
    failed = [r for r in out if r.failure is not None]
    assert [r.article.id for r in failed] == ["doc-12"]
    failure = failed[0].failure
    assert isinstance(failure, Failure) and failure.stage == "code"
    assert failure.reason.startswith("[E205]") and "MemoryError" in failure.reason
    assert [r for r in out if r.failure is None] == code_batch(articles[:12])
    # the poisoned batch: two attempts as a batch, then one task per document (the poisoned one twice)
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("doc-10-3-")]) == 2


MENTIONS = "SELECT * EXCLUDE (run_id) FROM mentions ORDER BY event_id"
STORE_QUERIES = (MENTIONS, "SELECT * FROM events ORDER BY merged_id",
                 "SELECT article_id, status, skip_reason, story_id, duplicate_of, n_events FROM articles "
                 "ORDER BY 1")


def _kept_event_ids(parts: Path) -> list[str]:
    with duckdb.connect() as con:
        return [r[0] for r in con.execute("SELECT event_id FROM read_parquet(?) ORDER BY 1",
                                          [str(parts / "*" / "*.parquet")]).fetchall()]


def test_parts_path_stores_the_same_records(tmp_path: Path) -> None:
    """Coded into Parquet parts (here in this process), a corpus with a reprint stores the same rows."""
    articles = _articles([TEXTS[9].rstrip(".") + " on Friday."])  # a reprint of doc-09
    memory, parted, kept = (tmp_path / f"{n}.duckdb" for n in ("memory", "parted", "kept"))
    run(["generated"], memory, items=iter(articles), batch_size=4)
    summary = run(["generated"], parted, items=iter(articles), batch_size=4, parts=tmp_path / "parts")
    assert (summary.stored, summary.reconciled, summary.kept_parts) == (13, True, None)
    assert list((tmp_path / "parts").iterdir()) == []  # loaded, then deleted
    assert _rows(memory, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(1,)]
    for sql in STORE_QUERIES:
        assert _rows(memory, sql) and _rows(parted, sql) == _rows(memory, sql)
    summary = run(["generated"], kept, items=iter(articles), batch_size=4, parts=tmp_path / "kept-parts",
                  keep_parts=True)
    assert summary.kept_parts == str(tmp_path / "kept-parts" / summary.run_id)
    assert f"Parquet parts kept in {summary.kept_parts}" in summary.lines()
    assert _kept_event_ids(tmp_path / "kept-parts") == [r[0] for r in _rows(kept, MENTIONS)]
    assert len(list(Path(summary.kept_parts).iterdir())) == 4  # one part per batch of 4 (13 documents)


def test_poisoned_document_via_parts(thread_client: Client, tmp_path: Path) -> None:
    """A poisoned batch coded one document per task into parts: the rest is stored as without parts,
    and with the parts kept, none holds a record twice (the whole batch's part is gone)."""
    articles = _articles([f"{POISON} Russia accused Ukraine of shelling the plant."])
    clean = tmp_path / "clean.duckdb"
    run(["generated"], clean, items=iter(articles[:12]), batch_size=5)
    for keep in (False, True):
        db, root = tmp_path / f"keep-{keep}.duckdb", tmp_path / f"parts-{keep}"
        summary = run(["generated"], db, items=iter(articles), batch_size=5, parts=root, keep_parts=keep,
                      executor=DaskExecutor(thread_client, retries=1), fn=partial(leave_part_on_poison, root))
        assert (summary.stored, summary.failed, summary.reconciled) == (12, 1, True)
        assert summary.failures[0].document == "doc-12" and "MemoryError" in summary.failures[0].reason
        for sql in STORE_QUERIES:
            assert _rows(db, sql) == _rows(clean, sql)
        if keep:
            assert _kept_event_ids(root) == [r[0] for r in _rows(db, MENTIONS)]
        else:
            assert list(root.iterdir()) == []


def test_parts_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = Path("store") / "s.duckdb"  # relative: workers get absolute paths
    with parts_directory("local:2", db) as tmp:
        assert tmp.parent == tmp_path / "store" and tmp.is_dir()
    assert not tmp.exists()
    with parts_directory("local:2", db, keep=True) as kept:
        assert kept == tmp_path / "store" / "s.parts"
    with parts_directory("tcp://scheduler:8786", db, "shared") as given:
        assert given == tmp_path / "shared"
    with pytest.raises(ConfigError, match=r"\[E603\].*--parts"), parts_directory("tcp://scheduler:8786", db):
        pass


def test_cli_needs_parts_for_a_remote_cluster(tmp_path: Path) -> None:
    """Refused before any connection (no scheduler listens there: connecting would give E602)."""
    src = tmp_path / "a.txt"
    src.write_text(TEXTS[0])
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", db, "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "[E603]" in result.output and "--parts" in result.output
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", db, "--keep-parts"])
    assert result.exit_code == 2 and "--cluster" in result.output


def test_unknown_cluster_is_a_clear_error() -> None:
    for spec in ("local:zero", "local:0", "cluster"):
        with pytest.raises(ConfigError, match=r"\[E601\]"), cluster_client(spec):
            pass


def test_cli_rejects_a_bad_cluster(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXTS[0])
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.duckdb"),
                                      "--cluster", "my-laptop"])
    assert result.exit_code == 2
    assert "local:N" in result.output


@pytest.mark.slow
def test_cluster_ingest_stores_the_same_records(tmp_path: Path) -> None:
    """`detente ingest --cluster local:2` (through Parquet parts, kept here) and the single-process
    run store identical rows; the parts hold exactly the records stored."""
    src = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": a.id, "text": a.text, "published": a.published}) for a in _articles()]
    lines.append(json.dumps({"id": "fr", "text": "Le gouvernement a annoncé hier de nouvelles mesures "
                                               "pour les agriculteurs et les éleveurs de la région."}))
    src.write_text("\n".join(lines) + "\n")
    single, dask_db = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    summary = run([str(src)], single, batch_size=3)
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", str(dask_db), "--batch-size", "3",
                                      "--cluster", "local:2", "--keep-parts"])
    assert result.exit_code == 0, result.output
    assert (summary.read, summary.stored, summary.n_skipped) == (13, 12, 1)
    assert f"documents read {summary.read}: coded {summary.stored}, skipped 1" in result.output
    for sql in STORE_QUERIES:
        expected = _rows(single, sql)
        assert expected and _rows(dask_db, sql) == expected
    assert "Parquet parts kept in" in result.output
    assert _kept_event_ids(tmp_path / "dask.parts") == [r[0] for r in _rows(dask_db, MENTIONS)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask.duckdb", "dask.parts", "docs.jsonl",
                                                          "single.duckdb"]


@pytest.mark.slow
@pytest.mark.parametrize("parts", [None, "parts"])
def test_document_that_kills_its_worker_becomes_a_failure_record(tmp_path: Path, parts: str | None) -> None:
    articles = _articles([f"{POISON} Russia accused Ukraine of shelling the plant."])
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            cluster_client("local:2") as client:
        summary = run(["generated"], tmp_path / "s.duckdb", items=iter(articles), batch_size=5,
                      executor=DaskExecutor(client, retries=0), fn=die_on_poison,
                      parts=tmp_path / parts if parts else None)
    assert (summary.stored, summary.failed, summary.reconciled) == (12, 1, True)
    assert summary.failures[0].document == "doc-12"
    assert "KilledWorker" in summary.failures[0].reason
    assert _rows(tmp_path / "s.duckdb", "SELECT count(*) FROM mentions")[0][0] == summary.events > 0
    if parts:
        assert list((tmp_path / parts).iterdir()) == []
