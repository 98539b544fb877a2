"""The scoring functions of detente.evaluate, on hand-made records and gold files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
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


def test_news_gold_readers_need_their_fields(tmp_path: Path) -> None:
    keys = tmp_path / "gold.jsonl"
    keys.write_text('{"id": "A-1/K1", "article_id": "A-1", "key": "K1", "core": true, "types": ["ASSAULT"],'
                    ' "sources": ["USA"], "targets": [], "date": "2020-01-03", "date_tolerance_days": 1}\n',
                    encoding="utf-8")
    (gold,) = evaluate.read_key_events(keys)
    assert (gold.id, gold.article_id, gold.tolerance, gold.sentence_cue) == ("A-1/K1", "A-1", 1, None)
    every = tmp_path / "exhaustive.jsonl"
    every.write_text('{"article_id": "A-1", "sentence_cue": "Iran vowed revenge", "types": ["THREATEN"],'
                     ' "sources": ["IRN"], "targets": ["USA"], "status": "occurred", "date": null}\n'
                     '{"article_id": "A-1", "types": ["THREATEN"], "sources": ["IRN"], "targets": []}\n',
                     encoding="utf-8")
    with pytest.raises(ValueError, match=r"exhaustive\.jsonl, line 2: .*sentence_cue"):
        evaluate.read_exhaustive_gold(every)
    keys.write_text('{"types": ["AID"], "sources": ["USA"]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl, line 1: .*article_id"):
        evaluate.read_key_events(keys)


def test_legacy_country_codes_answer_as_iso() -> None:
    assert "GBR" in evaluate.actor_keys(Actor(text="Britain", code="UKGGOV"))
    assert "DEU" in evaluate.actor_keys(Actor(text="Bonn", code="GMY"))


def test_key_events_date_accuracy_split_by_publication_date() -> None:
    gold = [evaluate.GoldEvent("a", ("ASSAULT",), ("USA",), (), dt.date(2020, 1, 3), 1, "occurred", True,
                               "A"),
            evaluate.GoldEvent("b", ("THREATEN",), ("IRN",), ("USA",), dt.date(2020, 1, 3), 0, "occurred",
                               True, "B"),
            evaluate.GoldEvent("c", ("AID",), ("GBR",), (), None, 0, "occurred", False, "B"),
            evaluate.GoldEvent("d", ("ACCUSE",), ("RUS",), (), None, 0, "occurred", True, "B")]
    records = [event("A", "ASSAULT", "190", "USA", date="2020-01-04"),  # a, date within a day
               event("B", "THREATEN", "138", "IRN", "USA", date="2020-01-05"),  # b, date wrong
               event("A", "THREATEN", "138", "IRN", "USA", date="2020-01-03"),  # b's type, wrong article
               event("B", "AID", "070", "UKG"),  # c: a legacy code, and c has no date
               event("B", "ACCUSE", "112", "RUS", status="hypothetical")]  # not d, which occurred
    score = evaluate.score_key_events(gold, records, dated={"A"})
    assert score.core == (2, 3)
    assert score.dates == (2, 3) and score.dates_dated == (1, 1) and score.dates_undated == (1, 2)
    assert score.figures()["date_accuracy_undated"] == 0.5


def test_exhaustive_records_stand_for_events_of_their_own_sentence() -> None:
    gold = [evaluate.GoldEvent("1", ("THREATEN",), ("IRN",), ("USA",), article_id="A",
                               sentence_cue="Iran's leader vows revenge on the US after the killing"),
            evaluate.GoldEvent("2", ("THREATEN",), ("IRN",), ("USA",), article_id="A",
                               sentence_cue="Tehran warned Washington"),
            evaluate.GoldEvent("3", ("ASSAULT",), ("USA",), (), article_id="A",
                               sentence_cue="A drone struck")]

    def said(sentence: str, etype: str = "THREATEN") -> Event:
        e = event("A", etype, "138", "IRN" if etype == "THREATEN" else "USA", "USA")
        return dataclasses.replace(e, sentence=sentence)

    records = [said("Iran’s leader vows revenge on the US after the killing of its general."),
               said("Iran's leader vows revenge on the US after the killing, again."),  # gold 1 is taken
               said("Officials said Tehran warned Washington on Friday."),
               said("A drone struck the convoy.", "ASSAULT"),
               dataclasses.replace(event("Z", "ASSAULT", "190", "USA"), sentence="A drone struck")]  # no gold
    score = evaluate.score_exhaustive(gold, records)
    assert (score.right, score.records, score.gold) == (3, 4, 3)
    assert score.figures() == {"precision": 0.75, "recall": 1.0}
    assert evaluate.in_sentence("Tehran warned Washing", "Tehran warned Washington.")
    assert not evaluate.in_sentence("Tehran warned Washington", "Tehran, it said, warned Washington.")
    assert not evaluate.in_sentence("", "Anything.")


def test_news_corpus_is_read_as_detente_code_reads_jsonl(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    texts = {"B-1": "Iran warned the United States on Friday.", "A-1": "A drone struck a convoy.",
             "C-1": "Not gathered."}
    sha = {i: hashlib.sha256(t.encode("utf-8")).hexdigest() for i, t in texts.items()}
    (news / "text_sha256.tsv").write_text("id\tsha256\tchars\n" + "".join(
        f"{i}\t{sha[i]}\t{len(t)}\n" for i, t in texts.items()), encoding="utf-8")
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"story": "S", "title": None, **d}) + "\n" for d in [
        {"id": "B-1", "url": "https://example.org/b", "published": "2019-06-21", "text": texts["B-1"]},
        {"id": "A-1", "url": None, "published": "", "text": texts["A-1"] + " "},
        {"id": "X-9", "url": None, "published": None, "text": "Not in the gold."},
    ]), encoding="utf-8")
    articles, check = evaluate.read_news_corpus(corpus, news)
    assert [a.id for a in articles] == ["A-1", "B-1"]
    assert articles[1].published == "2019-06-21" and articles[1].published_basis == "metadata"
    assert articles[0].published is None and articles[1].url == "https://example.org/b"
    assert check == evaluate.TextCheck(1, ("A-1",), ("C-1",))
    assert check.line().endswith("1 differing, 1 missing; differing: A-1; missing: C-1")


def _dev_folder(root: Path) -> tuple[Path, Path]:
    """A made-up dev folder laid out as ../shared/dev, and a gathered corpus for its news set."""
    dev = root / "dev"
    (dev / "news").mkdir(parents=True)
    (dev / "seed_article.txt").write_text("North Korea accused Japan of provocations on Thursday.\n", "utf-8")
    (dev / "seed_gold.jsonl").write_text(
        '{"id": "s1", "types": ["ACCUSE"], "sources": ["PRK"], "targets": ["JPN"], "date": "2018-01-04",'
        ' "date_tolerance_days": 0, "status": "occurred", "core": true}\n', "utf-8")
    (dev / "pentaclass_dev.tsv").write_text(
        "Peru attacked Chile on Monday.\t4\nThe minister said it would rain.\t0\n", "utf-8")
    (dev / "actor_roles_dev.conll").write_text("Peru B-S\nattacked O\nChile B-T\n. O\n", "utf-8")
    text = "Iran warned the United States on Friday. Russia accused Ukraine of shelling."
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (dev / "news" / "text_sha256.tsv").write_text(f"id\tsha256\tchars\nN-1\t{sha}\t{len(text)}\n", "utf-8")
    (dev / "news" / "gold.jsonl").write_text(
        '{"id": "N-1/K1", "article_id": "N-1", "key": "K1", "core": true, "types": ["THREATEN"],'
        ' "sources": ["IRN"], "targets": ["USA"], "date": "2019-06-21", "date_tolerance_days": 1,'
        ' "status": "occurred"}\n', "utf-8")
    (dev / "news" / "exhaustive.jsonl").write_text(
        '{"article_id": "N-1", "sentence_cue": "Iran warned the United States", "types": ["THREATEN"],'
        ' "sources": ["IRN"], "targets": ["USA"], "status": "occurred", "date": null}\n'
        '{"article_id": "N-1", "sentence_cue": "Russia accused Ukraine", "types": ["ACCUSE"],'
        ' "sources": ["RUS"], "targets": ["POL"], "status": "occurred", "date": null}\n', "utf-8")
    corpus = root / "articles.jsonl"
    corpus.write_text(json.dumps({"id": "N-1", "story": "N", "url": None, "published": "2019-06-22",
                                  "title": None, "text": text}) + "\n", "utf-8")
    return dev, corpus


@pytest.mark.usefixtures("pipeline")
def test_eval_dev_prints_every_figure_against_its_floor(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    dev, corpus = _dev_folder(tmp_path)
    baseline = tmp_path / "floors.json"
    evaluate.Baseline(["made up"], {}).write(baseline)
    args = ["eval", "dev", "--dev", str(dev), "--corpus", str(corpus), "--baseline", str(baseline)]
    result = CliRunner().invoke(app, [*args, "--raise-floors"])
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in result.stdout.splitlines()[1:-1]}
    assert rows[("seed", "core_recall")] == ["1.000", "1.000", "ok"]
    assert rows[("penta", "accuracy")] == ["1.000", "1.000", "ok"]
    assert rows[("news_keys", "core_recall")] == ["1.000", "1/1", "1.000", "ok"]
    assert rows[("news_exhaustive", "precision")] == ["0.500", "1/2", "0.500", "ok"]
    assert len(rows) == 14 and result.stdout.splitlines()[-1].endswith("none below its floor")
    assert "1 identical to the gold's checksums" in result.stderr
    assert evaluate.Baseline.read(baseline).floor("news_exhaustive", "recall") == 0.5

    floors = evaluate.Baseline.read(baseline)
    floors.floors["news_exhaustive"]["recall"].now = evaluate.FloorStep(0.6, "2026-12-08")  # above 1/2
    floors.write(baseline)
    low = CliRunner().invoke(app, args)
    assert low.exit_code == 1
    assert low.stdout.splitlines()[-1].endswith("1 below their floors (news_exhaustive.recall)")
    results = {tuple(line.split()[:2]): line.split()[-1] for line in low.stdout.splitlines()[1:-1]}
    assert [name for name, result in results.items() if result != "ok"] == [("news_exhaustive", "recall")]
    assert results[("news_exhaustive", "recall")] == "BELOW"

    monkeypatch.chdir(tmp_path)  # where no .cache/devnews corpus was gathered
    no_news = CliRunner().invoke(app, ["eval", "dev", "--dev", str(dev), "--baseline", str(baseline)])
    assert "news_keys" not in no_news.stdout and "dev news figures left out" in no_news.stderr


def test_eval_dev_names_what_is_missing(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    missing = CliRunner().invoke(app, ["eval", "dev", "--dev", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no dev folder at" in missing.output
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "seed_article.txt").write_text("Text.", "utf-8")
    empty = CliRunner().invoke(app, ["eval", "dev", "--dev", str(tmp_path / "dev"),
                                     "--baseline", str(tmp_path / "none.json")])
    assert empty.exit_code == 2 and "none.json" in empty.output
    partial = CliRunner().invoke(app, ["eval", "dev", "--dev", str(tmp_path / "dev")])
    assert partial.exit_code == 2
    for name in ("seed_gold.jsonl", "pentaclass_dev.tsv", "actor_roles_dev"):
        assert name in partial.output
    assert "seed_article.txt" not in partial.output
