"""Quotes: who said what, and when, as records (`detente quotes`).

Finding quoted words and their speakers is speakers.py's work, shared with the pipeline,
which gives an event inside reported speech its speaker; this module dates each quote and
writes the records out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from detente.actors import ActorIndex, find_mentions
from detente.errors import Errors
from detente.nlp import doc_text, sentences
from detente.output import dotted_get, tsv_cell
from detente.pipeline import Pipeline
from detente.records import Actor, Article, Failure, Quote
from detente.speakers import doc_quotes, resolve_speaker, subject_of
from detente.when import event_date, parse_iso

QUOTE_FORMATS = ("jsonl", "tsv")
QUOTE_COLUMNS = ("article_id", "sentence_index", "date", "kind", "speaker.code", "speaker.text", "verb",
                 "text")

def _sentence_index(doc: Doc, char: int) -> int:
    return next((i for i, s in enumerate(sentences(doc)) if s.start_char <= char < s.end_char), 0)


def quotes_of(article: Article, doc: Doc, actors: ActorIndex | None = None) -> list[Quote]:
    """Direct and indirect quotes of one parsed article, with speakers and dates."""
    published = parse_iso(article.published)
    actors = actors if actors is not None else find_mentions(doc, published)
    out = []
    for f in doc_quotes(doc):
        speaker: Actor | None = None
        when_date: date | None = None
        basis: str | None = None
        if f.verb is not None:
            subj = subject_of(f.verb)
            speaker = resolve_speaker(subj, actors) if subj is not None else None
            when = event_date(f.verb, published, "occurred")
            when_date, basis = when.date, when.basis
        out.append(Quote(
            article_id=article.id,
            sentence_index=_sentence_index(doc, f.start),
            kind=f.kind,
            text=doc_text(doc)[f.start : f.end].strip(),
            span=(f.start, f.end),
            speaker=speaker,
            verb=f.verb.text if f.verb is not None else None,
            date=when_date.isoformat() if when_date else None,
            date_basis=basis,
        ))
    return out


def extract_quotes(articles: Iterable[Article], batch_size: int = 32) -> Iterator[Quote | Failure]:
    """Quotes of many articles, parsed as the pipeline parses them (batches, limits, isolation);
    an article that fails becomes a Failure."""
    for article, doc, _ in Pipeline(batch_size=batch_size).parsed(articles):
        if isinstance(doc, Failure):
            yield doc
            continue
        try:
            found = quotes_of(article, doc)
        except Exception as e:  # one bad document must not stop the batch
            yield Failure(article.origin or article.id, "quotes", Errors.E201.format(reason=e))
            continue
        yield from found


def format_quotes(quotes: Iterable[Quote], fmt: str = "jsonl") -> Iterator[str]:
    """Lines of output: one JSON object per quote, or a TSV table with a header."""
    if fmt not in QUOTE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(QUOTE_FORMATS)}")
    if fmt == "tsv":
        yield "\t".join(QUOTE_COLUMNS)
    for q in quotes:
        d = q.as_dict()
        yield json.dumps(d, ensure_ascii=False) if fmt == "jsonl" else "\t".join(
            tsv_cell(dotted_get(d, c)) for c in QUOTE_COLUMNS)
