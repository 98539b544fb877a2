"""Speech: direct and indirect quotes, their speakers, and `detente quotes`.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente import nlp
from detente.actors import find_mentions
from detente.cli import app
from detente.ingest import article_from_text
from detente.quotes import extract_quotes, format_quotes, quotes_of
from detente.records import Failure, Quote
from detente.speakers import quote_spans, speaker_of

STORY = (
    "Japanese Prime Minister Shinzo Abe spoke to reporters in Tokyo on Monday. "
    "“We will not accept any missile launch over our territory,” he said. "
    "North Korea said on Tuesday that it had tested a new rocket engine. "
    "The talks were a \"useful start\", officials noted."
)


def quotes(text: str, published: str = "2019-03-13") -> list[Quote]:
    article = article_from_text(text, id="t1", published=published)
    return quotes_of(article, nlp.parse_one(text))


def test_quote_spans_pair_curly_and_straight_marks() -> None:
    text = 'He said “one two” and then "three four". An odd " mark is left alone.'
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["one two", "three four"]


def test_direct_quote_speaker_through_a_pronoun() -> None:
    direct = [q for q in quotes(STORY) if q.kind == "direct" and "missile" in q.text]
    assert len(direct) == 1
    q = direct[0]
    assert q.text == "We will not accept any missile launch over our territory"
    assert q.speaker is not None and q.speaker.country == "JPN"
    assert q.verb == "said"


def test_indirect_quote_with_its_own_date() -> None:
    indirect = [q for q in quotes(STORY) if q.kind == "indirect" and "rocket" in q.text]
    assert len(indirect) == 1
    q = indirect[0]
    assert q.text == "it had tested a new rocket engine"
    assert q.speaker is not None and q.speaker.country == "PRK"
    assert (q.date, q.date_basis) == ("2019-03-12", "text")


def test_short_scare_quotes_without_a_reporting_verb_are_skipped() -> None:
    text = "The army launched a campaign of \"maximum pressure\" on the rebels."
    assert quotes(text) == []


def test_speaker_named_again_by_surname() -> None:
    text = ("Japanese Prime Minister Shinzo Abe arrived in Seoul. "
            "Abe said the two countries must cooperate against North Korea.")
    (q,) = [q for q in quotes(text) if q.kind == "indirect"]
    assert q.speaker is not None and q.speaker.code == "JPNGOV"


def test_speaker_of_an_event_in_reported_speech() -> None:
    text = "Japan said North Korea fired two missiles into the sea."
    doc = nlp.parse_one(text)
    actors = find_mentions(doc)
    fired = next(t for t in doc if t.text == "fired")
    speaker = speaker_of(fired, actors)
    assert speaker is not None and speaker.country == "JPN"
    said = next(t for t in doc if t.text == "said")
    assert speaker_of(said, actors) is None


def test_format_quotes_as_jsonl_and_table() -> None:
    qs = quotes(STORY)
    lines = list(format_quotes(qs, "jsonl"))
    assert [Quote.from_dict(json.loads(line)) for line in lines] == qs
    table = list(format_quotes(qs, "tsv"))
    assert table[0].split("\t")[:3] == ["article_id", "sentence_index", "date"]
    assert len(table) == len(qs) + 1
    assert all(len(row.split("\t")) == len(table[0].split("\t")) for row in table)


def test_extract_quotes_streams_many_articles() -> None:
    good = article_from_text(STORY, id="good", published="2019-03-13")
    items = list(extract_quotes([good, good]))
    assert items and not any(isinstance(i, Failure) for i in items)
    assert {q.article_id for q in items if isinstance(q, Quote)} == {"good"}


def test_quotes_command(tmp_path: Path) -> None:
    doc = tmp_path / "a.jsonl"
    doc.write_text(json.dumps({"id": "a1", "text": STORY, "published": "2019-03-13"}) + "\n")
    runner = CliRunner()
    out = runner.invoke(app, ["quotes", str(doc)])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["article_id"] == "a1" for r in rows)
    assert any(r["speaker"] and r["speaker"]["country"] == "PRK" for r in rows)
    out = runner.invoke(app, ["quotes", str(doc), "--format", "tsv"])
    assert out.exit_code == 0 and out.stdout.startswith("article_id\t")
    out = runner.invoke(app, ["quotes", str(tmp_path / "missing.txt"), str(doc)])
    assert out.exit_code == 1 and "a1" in out.stdout


def test_time_before_the_reported_subject_dates_the_saying() -> None:
    (q,) = quotes("Japan said on Friday it would protest.")
    assert q.text == "it would protest"
    assert (q.date, q.date_basis) == ("2019-03-08", "text")


def test_two_reports_joined_by_and_are_two_quotes() -> None:
    text = ("North Korea said that it had tested a rocket engine, and officials in Seoul said "
            "the test was a provocation.")
    found = sorted((q.speaker.code if q.speaker else "", q.text) for q in quotes(text))
    assert found == [
        ("KORGOV", "the test was a provocation"),  # officials in Seoul: South Korea's
        ("PRK", "it had tested a rocket engine"),
    ]


def test_quotes_honour_the_pipeline_limits() -> None:
    """`detente quotes` parses as `detente code` does: an overlong text fails, the rest go on."""
    from detente.config import overridden
    from detente.ingest import article_from_text
    from detente.quotes import extract_quotes
    from detente.records import Failure, Quote

    short = article_from_text('The minister said: "We will not retreat."', id="short")
    long = article_from_text("Officials met. " * 400, id="long")
    with overridden(max_doc_chars=1000):
        out = list(extract_quotes([long, short]))
    assert [f.document for f in out if isinstance(f, Failure)] == ["long"]
    assert any(isinstance(q, Quote) and q.article_id == "short" for q in out)
