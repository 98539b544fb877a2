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


def test_the_rewrite_rules_are_declared_in_order() -> None:
    """code_doc's rewrites (refusal, announced intent, demand, allegation) run in the order of
    data/rewrites.tsv, and every rule there has its function and every function its line."""
    from detente.coding.coder import REWRITE_RULES
    from detente.coding.patterns import load_rewrites

    declared = [rule for rule, _ in load_rewrites()]
    assert declared == ["refusal", "failed", "announced", "demanded", "alleged"]
    assert set(declared) == set(REWRITE_RULES)


def test_the_rewrites_run_from_the_data(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without its line in rewrites.tsv a rule does not run: the table, not the code, decides."""
    from detente import nlp
    from detente.actors import find_mentions
    from detente.coding import coder

    doc = nlp.parse_one("Japan said it will not release the fishermen to China.")
    coded = coder.code_doc(doc, find_mentions(doc))
    assert [(c.code.code, c.status) for c in coded] == [("1243", "occurred")]
    assert coded[0].rule.endswith("+refusal")
    monkeypatch.setattr(coder, "load_rewrites", lambda: (("announced", "occurred"), ("demanded", "occurred")))
    coded = coder.code_doc(doc, find_mentions(doc), min_confidence=0.0)
    assert all("+refusal" not in c.rule for c in coded)
    assert not any(c.code.root == "12" for c in coded)


def test_a_rewrite_of_a_past_act_is_historical() -> None:
    """A refusal stated again and again is a standing position: the rewritten record is
    historical, as the act it rewrites would have been."""
    from detente import nlp
    from detente.actors import find_mentions
    from detente.coding.coder import code_doc

    doc = nlp.parse_one("Japan has repeatedly said it will not release the fishermen to China.")
    assert [c.status for c in code_doc(doc, find_mentions(doc))] == ["historical"]
