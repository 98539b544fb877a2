"""`detente code`: formats, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app
from detente.records import contract_errors

runner = CliRunner()
TEXT = "Japan accused North Korea of provocations on Thursday."


def test_jsonl_output_honours_contract(tmp_path: Path) -> None:
    doc = tmp_path / "a.jsonl"
    doc.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2018-01-06"}) + "\n")
    result = runner.invoke(app, ["code", str(doc)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(contract_errors(e, TEXT) == [] for e in events)
    assert events[0]["article_id"] == "a1"
    assert events[0]["event_type"] == "ACCUSE"
    assert events[0]["date"] == "2018-01-04"


def test_formats(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT)
    out = runner.invoke(app, ["code", str(doc), "--format", "json", "--published", "2018-01-06"])
    assert out.exit_code == 0
    assert json.loads(out.stdout)[0]["source"]["country"] == "JPN"
    out = runner.invoke(app, ["code", str(doc), "--format", "tsv", "--published", "2018-01-06"])
    lines = out.stdout.splitlines()
    assert lines[0].startswith("event_id\t") and len(lines) >= 2
    assert len(lines[1].split("\t")) == len(lines[0].split("\t"))
    out = runner.invoke(app, ["code", str(doc), "--format", "xml"])
    assert out.exit_code != 0


def test_bad_published_date_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT)
    out = runner.invoke(app, ["code", str(doc), "--published", "last week"])
    assert out.exit_code == 2


def test_bad_documents_are_named_and_the_rest_coded(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "ok", "text": TEXT}) + "\n{broken\n" + json.dumps({"id": "e", "text": ""}) + "\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "detente", "code", str(good), str(tmp_path / "empty.txt"),
         str(tmp_path / "latin1.txt"), str(tmp_path / "lines.jsonl"), str(tmp_path / "nope.txt")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    err = proc.stderr
    assert "empty.txt: read failed: [E002] empty document" in err
    assert "latin1.txt: read failed: [E003]" in err
    assert "lines.jsonl:2: read failed: [E004]" in err
    assert "e: read failed: [E002]" in err
    assert "nope.txt: read failed: [E009]" in err
    ids = {json.loads(line)["article_id"] for line in proc.stdout.splitlines()}
    assert "ok" in ids and len(ids) == 2


def test_clean_run_exits_zero(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The weather in the capital was mild.")
    assert runner.invoke(app, ["code", str(doc)]).exit_code == 0


def test_untrusted_text_in_messages_is_not_markup(tmp_path: Path) -> None:
    """A path or id that looks like rich markup is printed as it is, never interpreted."""
    doc = tmp_path / "[red]evil[link=x].jsonl"
    doc.write_text(json.dumps({"id": "[bold]x[/]", "text": ""}) + "\n")
    result = runner.invoke(app, ["code", str(doc), str(tmp_path / "[/]nope.txt")])
    assert result.exit_code == 1, result.output
    assert "[bold]x[/]: read failed" in result.output
    assert "[/]nope.txt: read failed" in result.output
