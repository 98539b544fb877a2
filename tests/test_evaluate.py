"""The scoring functions of detente.evaluate, on hand-made records and gold files."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import evaluate
from detente.records import Actor, Event, Evidence


def event(article: str, etype: str, cameo: str, source: str | None, target: str | None = None,
          confidence: float = 0.5, status: str = "occurred", date: str | None = None,
          source_span: tuple[int, int] | None = None, target_span: tuple[int, int] | None = None) -> Event:
    return Event(
        event_id=f"{article}-{etype}-{source}-{target}", article_id=article, sentence_index=0, sentence="",
        source=Actor(text=source or "", code=source, country=source) if source else None,
        target=Actor(text=target or "", code=target, country=target) if target else None,
        event_type=etype, mode=None, context=[], cameo=cameo, goldstein=0.0, quad_class=1, date=date,
        date_precision=None, status=status, location=None, speaker=None,  # type: ignore[arg-type]
        evidence=Evidence(trigger="x", source_span=source_span, target_span=target_span),
        confidence=confidence,
    )


def test_article_matching_is_one_to_one(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"id": "a", "types": ["ACCUSE"], "sources": ["VEN"], "targets": ["COL"], "date": "2019-01-02",'
        ' "date_tolerance_days": 1}\n'
        '{"id": "b", "types": ["ACCUSE"], "sources": ["VEN"], "targets": ["COL"], "core": false}\n'
        '{"id": "c", "types": ["ASSAULT"], "sources": ["PER"], "targets": []}\n', encoding="utf-8")
    records = [event("d", "ACCUSE", "112", "VEN", "COL", date="2019-01-03"),
               event("d", "ASSAULT", "190", "PER", status="negated"),
               event("d", "SUPPORT", "051", "CHL")]
    score = evaluate.score_articles(evaluate.read_article_gold(gold), records)
    assert score.core_recall == 0.5  # a found; c's only record is negated
    assert score.all_recall == pytest.approx(1 / 3)  # one record cannot stand for both a and b
    assert score.precision == pytest.approx(1 / 3)
    assert score.date_accuracy == 1.0
    assert score.per_type["ACCUSE"] == (1, 2)


def test_un_codes_answer_to_un_keys() -> None:
    assert {"IGO", "UNO"} <= evaluate.actor_keys(Actor(text="UN", code="IGOUNO"))
    assert evaluate.actor_keys(Actor(text="Seoul", code="KORGOV", country="KOR")) >= {"KOR", "KORGOV"}


def test_class_scores_take_the_most_confident_record(tmp_path: Path) -> None:
    gold = tmp_path / "c.tsv"
    gold.write_text("Sentence one.\t4\nSentence two.\t0\nSentence three.\t1\n", encoding="utf-8")
    items = evaluate.read_class_gold(gold)
    records = [event(items[0].id, "ASSAULT", "190", "A", confidence=0.9),
               event(items[0].id, "AGREE", "030", "A", confidence=0.4),
               event(items[2].id, "AID", "070", "B", confidence=0.7)]
    score = evaluate.score_classes(items, records)
    assert score.accuracy == pytest.approx(2 / 3)
    assert score.per_class_f1[4] == 1.0 and score.per_class_f1[1] == 0.0
    bands = {band: (n, acc) for band, n, acc in score.bands}
    assert bands["no event"] == (1, 1.0)
    assert bands["0.80-1.00"] == (1, 1.0)


def test_role_spans_from_bio_tags(tmp_path: Path) -> None:
    gold = tmp_path / "r.conll"
    gold.write_text("Police\tB-S\narrested\tO\nthe\tB-T\nmen\tI-T\n.\tO\n\nChile\tB-R\nmet\tO\nPeru\tB-R\n",
                    encoding="utf-8")
    items = evaluate.read_role_gold(gold)
    assert items[0].text == "Police arrested the men ."
    assert items[0].sources == ((0, 6),) and items[0].targets == ((16, 23),)
    assert items[1].sources == items[1].targets == ((0, 5), (10, 14))
    records = [event(items[0].id, "COERCE", "173", "X", source_span=(0, 6), target_span=(7, 15))]
    score = evaluate.score_roles(items, records)
    assert score.source == (1.0, pytest.approx(1 / 3), 0.5)
    assert score.target[0] == 0.0
    assert ("0.50-0.65", 1, 1.0) in score.bands  # the one record, confidence 0.5, is right


def test_bad_class_line_names_the_file(tmp_path: Path) -> None:
    gold = tmp_path / "bad.tsv"
    gold.write_text("no label here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv, line 1"):
        evaluate.read_class_gold(gold)


def test_eval_command_prints_the_headline(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    gold = tmp_path / "c.tsv"
    lines = "Peru attacked Chile on Monday.\t4\nThe minister said it would rain.\t0\n"
    gold.write_text(lines, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "classes", str(gold)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "accuracy 1.000  macro-F1 0.400"
    bad = CliRunner().invoke(app, ["eval", "nonsense", str(gold)])
    assert bad.exit_code != 0
