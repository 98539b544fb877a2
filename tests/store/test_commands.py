"""`detente ingest`, `events` and `export`: a store built from files, queried and exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store.export import GDELT_COLUMNS

runner = CliRunner()
DOCS = [
    {"id": "w1", "text": "Japan accused North Korea of provocations on Thursday. Officials gave no details.",
     "published": "2018-01-06", "outlet": "Wire", "url": "https://wire.example/w1"},
    {"id": "w1-r", "text": "Japan accused North Korea of provocations on Thursday. Officials gave no "
     "details, the paper said.", "published": "2018-01-06", "outlet": "Daily"},
    {"id": "c1", "text": "China criticized the United States over tariffs on Monday.",
     "published": "2018-03-06", "outlet": "Wire"},
]


def found(store: Path, *args: str) -> list[dict[str, object]]:
    out = runner.invoke(app, ["events", "--db", str(store), "--format", "json", *args])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def export(store: Path, *args: str) -> int:
    return runner.invoke(app, ["export", "--db", str(store), *args]).exit_code


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("store")
    src = tmp / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    db = tmp / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "documents read 3: coded 3, skipped 0, failed 0" in result.output
    assert "reconciled" in result.output
    again = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert "coded 0, skipped 3 (already stored: 3)" in again.output
    return db


def test_events_filters(store: Path) -> None:
    out = runner.invoke(app, ["events", "--db", str(store), "--dyad", "JPN:PRK", "--format", "json"])
    (event,) = json.loads(out.stdout)
    assert (event["event_type"], event["num_articles"], event["num_stories"]) == ("ACCUSE", 2, 1)
    assert event["date"] == "2018-01-04"
    empty = runner.invoke(app, ["events", "--db", str(store), "--dyad", "PRK:JPN", "-f", "json"])
    assert json.loads(empty.stdout) == []
    assert {e["source_code"] for e in found(store, "--actor", "USA")} == {"CHN"}
    assert [e["source_code"] for e in found(store, "--type", "11", "--from", "2018-02-01")] == ["CHN"]
    assert [e["source_code"] for e in found(store, "--type", "11", "--to", "2018-02-01")] == ["JPN"]
    assert [e["source_code"] for e in found(store, "--min-sources", "2")] == ["JPN"]
    table = runner.invoke(app, ["events", "--db", str(store), "--type", "ACCUSE"])
    assert "JPN" in table.stdout and "PRK" in table.stdout
    bad = runner.invoke(app, ["events", "--db", str(store), "--dyad", "PRK"])
    assert bad.exit_code != 0 and "SOURCE:TARGET" in bad.output


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    out = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code != 0 and "E302" in str(out.exception)


def test_export_gdelt(store: Path) -> None:
    out = runner.invoke(app, ["export", "--db", str(store), "--format", "gdelt"])
    assert out.exit_code == 0
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    jpn = next(r for r in rows if r[col["Actor1Code"]] == "JPN")
    assert jpn[col["SQLDATE"]] == "20180104" and jpn[col["EventCode"]] == "112"
    assert jpn[col["EventRootCode"]] == "11" and jpn[col["QuadClass"]] == "3"
    assert jpn[col["NumArticles"]] == "2" and jpn[col["Actor2CountryCode"]] == "PRK"
    assert jpn[col["GLOBALEVENTID"]].isdigit() and jpn[col["AvgTone"]] == ""
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and GDELT_COLUMNS[0] == "GLOBALEVENTID"


def test_export_plover(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export(store, "-f", "plover", "--out", str(path)) == 0
    records = [json.loads(line) for line in path.read_text().splitlines()]
    jpn = next(r for r in records if r["actor_country"] == "JPN")
    assert jpn["event_type"] == "ACCUSE" and jpn["recipient_country"] == "PRK" and jpn["quad_code"] == 3
    assert jpn["event_date"] == "2018-01-04" and jpn["num_stories"] == 1
    assert "provocations" in jpn["evidence"]["sentence"]


def test_export_parquet_partitioned_and_csv(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    assert export(store, "-f", "parquet", "--out", str(out)) == 0
    parts = sorted(str(p.relative_to(out).parent) for p in out.rglob("*.parquet"))
    assert "year=2018/month=1" in parts and "year=2018/month=3" in parts
    table = pq.read_table(out)
    assert {"merged_id", "num_sources", "year", "month"} <= set(table.column_names)
    mentions = tmp_path / "m.csv"
    assert export(store, "-f", "csv", "--table", "mentions", "--out", str(mentions)) == 0
    rows = list(csv.DictReader(mentions.open()))
    assert {r["article_id"] for r in rows} == {"w1", "w1-r", "c1"} and "evidence_trigger" in rows[0]
    assert export(store, "-f", "parquet") != 0  # parquet needs --out


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from detente import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False)
    bar, _ = cli._progress_bar(10)
    assert bar.disable
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True)
    bar, update = cli._progress_bar(10)
    assert not bar.disable
    update(4)
    (task,) = bar.tasks
    assert task.completed == 4 and task.total == 10 and task.fields["rate"] > 0
    columns = " ".join(type(c).__name__ for c in bar.columns)
    assert "TimeRemainingColumn" in columns and "docs/s" in " ".join(
        getattr(c, "text_format", "") for c in bar.columns)


def test_watch_command_polls_a_feed_file(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item>"
                    "<title>Tokyo</title><link>https://wire.example/1</link>"
                    "<pubDate>Fri, 05 Jan 2018 09:00:00 GMT</pubDate><description>Japan accused North "
                    "Korea of provocations on Thursday.</description></item></channel></rss>")
    db = tmp_path / "s.duckdb"
    out = runner.invoke(app, ["watch", str(feed), "--db", str(db), "--every", "0s", "--polls", "2"])
    assert out.exit_code == 0, out.output
    assert "poll: 1 new" in out.output and "poll: 0 new, 1 known or skipped" in out.output
    bad = runner.invoke(app, ["watch", str(feed), "--db", str(db), "--every", "soon"])
    assert bad.exit_code != 0 and "interval" in bad.output
