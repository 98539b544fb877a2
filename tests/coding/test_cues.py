"""The cue words of coding/data/cues.tsv: every kind in the file is read by the code, and the
word lists the coder used to keep in code are there."""

from __future__ import annotations

from pathlib import Path

from detente.coding.patterns import load_cues

SRC = Path(__file__).resolve().parents[2] / "src" / "detente"


def test_every_cue_kind_is_read() -> None:
    code = "\n".join(p.read_text("utf-8") for p in SRC.rglob("*.py"))
    unread = [kind for kind in load_cues() if f'["{kind}"]' not in code and f'"{kind}"' not in code]
    assert unread == []


def test_the_coder_s_word_lists_are_data() -> None:
    cues = load_cues()
    assert {"series", "package", "state"} <= cues["quantity"]
    assert {"decide", "ready", "intention"} <= cues["needs_complement"]
    assert {"force", "urge"} <= cues["object_control"]
    assert cues["hypothetical_modal"] == {"could", "might", "may", "should", "must"}


def test_the_coder_and_quotes_read_one_speech_list() -> None:
    from detente.speech import speech_words

    words = speech_words()
    assert load_cues()["speech"] == words.verbs | words.opinions
    assert {"say", "tweet", "warn", "accuse"} <= words.quoting
    assert not words.acts & load_cues()["speech"]  # "warned" is an act the coder codes, not a report
