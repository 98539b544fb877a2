"""Settings (defaults, TOML file, environment) and the limits they set: document size,
sentence length, time per document."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

from detente import config
from detente import pipeline as pipeline_module
from detente.config import Settings, load, overridden
from detente.errors import ConfigError
from detente.ingest import read_path
from detente.limits import DocumentTimeout, skip_long_sentences, time_limit
from detente.pipeline import Pipeline
from detente.records import Article, Event, Failure


def test_defaults_without_file_or_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(config, "USER_FILE", tmp_path / "absent.toml")
    assert load(env={}) == Settings()
    assert Settings().max_doc_bytes == 20_000_000 and Settings().doc_time_limit == 60.0


def test_file_then_environment_overlay(tmp_path: Path) -> None:
    path = tmp_path / "detente.toml"
    path.write_text("max_doc_bytes = 5_000\nmax_sentence_tokens = 50\ndoc_time_limit = 2\n")
    s = load(env={"DETENTE_CONFIG": str(path), "DETENTE_MAX_SENTENCE_TOKENS": "80"})
    assert (s.max_doc_bytes, s.max_sentence_tokens, s.doc_time_limit) == (5000, 80, 2.0)
    assert s.max_doc_chars == Settings().max_doc_chars


@pytest.mark.parametrize(("text", "env", "message"), [
    ("max_doc_byte = 5\n", {}, "unknown setting 'max_doc_byte'"),
    ("max_doc_bytes = 'many'\n", {}, "max_doc_bytes = 'many' is invalid"),
    ("max_doc_bytes = [\n", {}, "[E011]"),
    ("", {"DETENTE_DOC_TIME_LIMIT": "soon"}, "doc_time_limit = 'soon' is invalid"),
    ("", {"DETENTE_MAX_DOC_BYTES": "-1"}, "[E010]"),
    ("max_sentence_tokens = 0\n", {}, "[E010]"),
])
def test_bad_settings_are_named(tmp_path: Path, text: str, env: dict[str, str], message: str) -> None:
    path = tmp_path / "detente.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(path, env=env)


def test_document_size_limit_applies_to_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Japan accused North Korea of lying. " * 10)
    with overridden(max_doc_bytes=100):
        (item,) = read_path(str(tmp_path / "a.txt"))
    assert isinstance(item, Failure) and "[E006]" in item.reason and "100" in item.reason
    (item,) = read_path(str(tmp_path / "a.txt"))
    assert isinstance(item, Article)


def test_long_sentences_are_blanked_keeping_offsets() -> None:
    long = " ".join(["word"] * 50)
    text = f"Japan accused Korea. {long}. China urged calm!\n{long}"
    out, notes = skip_long_sentences(text, 20)
    assert len(out) == len(text) and len(notes) == 2 and all("[W001]" in n for n in notes)
    assert out.startswith("Japan accused Korea. ") and "China urged calm!" in out
    assert "word" not in out
    assert out.index("China") == text.index("China")
    assert skip_long_sentences(text, 60) == (text, [])


def test_time_limit_stops_a_block_on_the_main_thread() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match=r"\[E204\]"), time_limit(0.2):
        while time.monotonic() - started < 5:
            pass
    assert time.monotonic() - started < 2
    with time_limit(0):  # off
        pass


def test_time_limit_is_off_on_other_threads() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.05)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]


def test_a_slow_document_fails_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                     pipeline: Pipeline) -> None:
    original = pipeline_module.events_of

    def slow_events(article: Article, doc: Doc) -> list[Event]:
        if article.id == "slow":
            time.sleep(3)
        return original(article, doc)

    monkeypatch.setattr(pipeline_module, "events_of", slow_events)
    docs = [Article(id=i, text="Japan accused North Korea of lying on Monday.") for i in ("a", "slow", "b")]
    with overridden(doc_time_limit=0.5):
        results = list(pipeline.run(docs))
    assert [r.article.id for r in results] == ["a", "slow", "b"]
    assert results[0].events and results[2].events
    assert results[1].failure is not None and "[E204]" in results[1].failure.reason


def test_text_over_the_character_limit_fails(pipeline: Pipeline) -> None:
    docs = [Article(id="long", text="Japan accused North Korea of lying. " * 20),
            Article(id="short", text="Japan accused North Korea of lying.")]
    with overridden(max_doc_chars=100):
        long, short = pipeline.run(docs)
    assert long.failure is not None and "[E203]" in long.failure.reason
    assert short.failure is None and short.events


def test_an_overlong_sentence_is_skipped_with_a_note(pipeline: Pipeline) -> None:
    text = "Japan accused North Korea of lying. " + "and the talks " * 200 + ". China urged calm."
    with overridden(max_sentence_tokens=100):
        (result,) = pipeline.run([Article(id="x", text=text)])
    assert result.failure is None and len(result.notes) == 1 and "[W001]" in result.notes[0]
    assert result.events and all("talks" not in e.sentence for e in result.events)
