"""The NLP layer's shortcuts agree with what spaCy's own objects say.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from detente import nlp

TEXTS = [
    "Seoul,  Korea.\n\nThe talks—held at Panmunjom—ended.  ",
    "Kim's envoy met Moon's aides on 9 Jan. He said they would meet again.",
    '  "We will go," she said. They met him and said so.\n',
]


def docs() -> list[Doc]:
    return [nlp.parse_one(TEXTS[0]), *nlp.parse(TEXTS[1:])]


def test_token_bounds_and_text_agree_with_spacy() -> None:
    for doc in docs():
        starts, ends = nlp.token_bounds(doc)
        assert starts == [t.idx for t in doc]
        assert ends == [t.idx + len(t) for t in doc]
        assert nlp.doc_text(doc) == doc.text


def test_span_text_is_spacys_span_text() -> None:
    for doc in docs():
        for s in nlp.sentences(doc):
            assert nlp.span_text(s) == s.text
        for i in range(len(doc)):
            for j in range(i, len(doc) + 1):
                assert nlp.span_text(doc[i:j]) == doc[i:j].text


def test_tokens_where_is_a_filter_over_the_tokens() -> None:
    for doc in docs():
        verbs = nlp.tokens_where(doc, ("VERB", "AUX"), lemmas={"say", "meet"})
        assert verbs == [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in {"say", "meet"}]
        pronouns = nlp.tokens_where(doc, ("PRON",), lowers={"he", "she", "they", "him"})
        assert pronouns == [t for t in doc if t.pos_ == "PRON" and t.lower_ in {"he", "she", "they", "him"}]
        assert nlp.tokens_where(doc, ("PROPN",)) == [t for t in doc if t.pos_ == "PROPN"]
    assert [t.text for t in nlp.tokens_where(docs()[2], ("VERB",), lemmas={"say", "meet"})] == [
        "said", "met", "said"]


def test_tokens_text_is_the_spans_text() -> None:
    for doc in docs():
        for i in range(len(doc)):
            for j in range(len(doc) + 1):
                assert nlp.tokens_text(doc, i, j) == doc[i:j].text


def test_a_quote_closing_on_the_last_stop_stays_with_its_sentence() -> None:
    doc = nlp.parse_one('If the tests go on, they "will face penalties that only grow more severe."\n\n'
                        'The envoy said the talks would resume (soon.)\n\nThey met again.')
    texts = [nlp.sentence_text(s).strip() for s in nlp.sentences(doc)]
    assert texts[0].endswith('severe."') and texts[1].endswith("(soon.)")
    assert all(any(c.isalpha() for c in t) for t in texts)
