"""Speakers: the quoted words of a document and who said them.

Direct quotes are the words between double quotation marks ("..." or “...”) that a speech
verb near them reports; indirect quotes are clauses a speech verb reports ("X said that
..."). The speaker is the speech verb's subject, resolved to an actor with the article's
ActorIndex; "he"/"she" look back to the last person named, "it" to the last other actor.
The pipeline gives an event inside reported speech its speaker (`speaker_of`); `quotes`
turns the quotes of a document into records. Speech verbs live in data/speech_words.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors import ActorIndex
from detente.nlp import doc_text, sentence_of, sentences, tokens_where
from detente.records import Actor, Mention
from detente.speech import speech_words

_MIN_UNREPORTED_WORDS = 6  # shorter quoted words with no speech verb are scare quotes
_MAX_QUOTE_CHARS = 3000
_PRONOUN_LOOKBACK = 3  # sentences


def is_speech_verb(token: Token) -> bool:
    """A verb that reports speech ("said", "tweeted", "declared")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in speech_words().quoting


# --- quotation marks --------------------------------------------------------------------

_CURLY = re.compile(rf"“([^“”]{{1,{_MAX_QUOTE_CHARS}}})”")
_PARAGRAPH = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside double quotation marks (marks excluded).

    Curly marks pair by shape; straight marks pair in order within a paragraph (an odd
    one out, as in a quote running on to the next paragraph, is left alone).
    """
    spans = [(m.start(1), m.end(1)) for m in _CURLY.finditer(text)]
    start = 0
    for para in [*_PARAGRAPH.split(text)]:
        offset = text.find(para, start)
        start = offset + len(para)
        marks = [offset + i for i, c in enumerate(para) if c == '"']
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            if 0 < b - a - 1 <= _MAX_QUOTE_CHARS:
                spans.append((a + 1, b))
    return sorted(spans)


# --- speakers ---------------------------------------------------------------------------


def subject_of(verb: Token) -> Token | None:
    """The subject of a speech verb; a conjoined or participle verb borrows its head's."""
    t = verb
    for _ in range(3):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if t.dep_ in ("conj", "advcl", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _is_person(mention: Mention, doc: Doc) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    titled = span.root.lemma_.lower() in speech_words().person_nouns
    return titled or any(t.ent_type_ == "PERSON" for t in span)


def _referents(doc: Doc, actors: ActorIndex) -> list[tuple[int, Actor, bool]]:
    """Who a pronoun may point back to: actor mentions and named persons outside quotes,
    as (character offset, actor, is a person), in text order."""
    cached = doc.user_data.get("detente_referents")
    if isinstance(cached, list):
        return cached
    quoted = [(f.start, f.end) for f in doc_quotes(doc) if f.kind == "direct"]

    def in_quote(i: int) -> bool:
        return any(a <= i < b for a, b in quoted)

    out = [(m.start, m.actor, _is_person(m, doc)) for m in actors.mentions if not in_quote(m.start)]
    covered: set[int] = set()
    for m in actors.mentions:
        covered.update(t.i for t in doc.char_span(m.start, m.end, alignment_mode="expand") or [])
    named = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    # a proper-noun subject the tagger did not call a person ("Trump bragged") still is one
    named += [doc[t.left_edge.i : t.i + 1] for t in doc if t.dep_ == "nsubj" and t.pos_ == "PROPN"
              and t.ent_type_ in ("", "PERSON", "ORG") and t.head.pos_ == "VERB"]
    for span in named:
        if not in_quote(span.start_char) and not any(t.i in covered for t in span):
            covered.update(t.i for t in span)
            out.append((span.start_char, Actor(text=span.text, name=span.text), True))
    out.sort(key=lambda r: r[0])
    doc.user_data["detente_referents"] = out
    return out


def _antecedent(pronoun: Token, actors: ActorIndex) -> Actor | None:
    """The actor a pronoun refers to: the last fitting referent in the sentences before it."""
    doc = pronoun.doc
    sent_starts = [s.start for s in sentences(doc)]
    here = max(i for i, s in enumerate(sent_starts) if s <= pronoun.i)
    lo = doc[sent_starts[max(0, here - _PRONOUN_LOOKBACK)]].idx
    want = pronoun.lower_
    for start, actor, person in reversed(_referents(doc, actors)):
        if start >= pronoun.idx or start < lo:
            continue
        if (want in ("he", "she", "him", "her") and person) or (want == "it" and not person) or want in (
                "they", "we"):
            return actor
    return None


def _by_name(name: str, before: int, actors: ActorIndex) -> Actor | None:
    """The last actor named in full before `before` whose name holds `name`'s last word
    ("Mattis said" after "Defence Secretary James Mattis")."""
    word = name.split()[-1] if name.split() else ""
    for m in sorted(actors.mentions, key=lambda m: m.start, reverse=True):
        if m.start < before and m.actor.code and word in m.actor.text.replace("-", " ").split():
            return m.actor
    return None


def resolve_speaker(subject: Token, actors: ActorIndex) -> Actor:
    """The actor a speech verb's subject stands for (as written when it is no known actor)."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "Kim, who warned ...": the noun the clause describes
    mention = actors.for_token(subject)
    if mention is not None:
        return mention.actor
    if subject.pos_ == "PRON":
        found = _antecedent(subject, actors)
        if found is not None:
            return found if found.code else _by_name(found.text, subject.idx, actors) or found
    if subject.pos_ == "PROPN" and (found := _by_name(subject.text, subject.idx, actors)):
        return found
    inside = {x.i for x in subject.subtree}
    words = [t for t in subject.subtree if t.dep_ not in ("relcl", "punct") and not any(
        a.dep_ == "relcl" for a in t.ancestors if a.i in inside)]
    text = subject.doc[words[0].i : words[-1].i + 1].text if words else subject.text
    return Actor(text=text)


def speech_verb_of(token: Token) -> Token | None:
    """The speech verb whose complement holds `token`, if any."""
    t = token
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and is_speech_verb(t.head):
            return t.head
        if t.dep_ == "relcl":
            return None
        t = t.head
    return None


# --- quotes of a document ---------------------------------------------------------------


@dataclass(frozen=True)
class Quoted:
    """Words of a document that someone said: "direct" (in quotation marks) or "indirect" (a
    reported clause), their character span and the speech verb that reports them."""

    kind: str
    start: int
    end: int
    verb: Token | None


def _direct(doc: Doc) -> list[Quoted]:
    out = []
    for qs, qe in quote_spans(doc_text(doc)):
        while qe > qs and doc_text(doc)[qe - 1] in ", \n":  # “We will,” he said: the comma is not quoted
            qe -= 1
        inside = doc.char_span(qs, qe, alignment_mode="expand")
        if inside is None or len(inside) == 0:
            continue
        sents = {sentence_of(t).start: sentence_of(t) for t in (inside[0], inside[-1])}
        near = [t for s in sents.values() for t in s if not (qs <= t.idx < qe) and is_speech_verb(t)]
        if not near and sentence_of(inside[0]).start > 0:  # 'He said:' closing the sentence before
            prev = sentence_of(doc[sentence_of(inside[0]).start - 1])
            near = [t for t in prev if is_speech_verb(t) and prev[-1].text in (":", "“", '"')]
        verb = min(near, key=lambda t: min(abs(t.idx - qs), abs(t.idx - qe))) if near else None
        words = [t for t in inside if t.is_alpha]
        if verb is None and len(words) < _MIN_UNREPORTED_WORDS:
            continue
        if verb is not None and len(words) < _MIN_UNREPORTED_WORDS and not any(
                t.i in {x.i for x in verb.subtree} for t in inside):
            continue  # a scare-quoted phrase that the nearby verb does not report
        out.append(Quoted("direct", qs, qe, verb))
    return out


def _reported_words(clause: Token) -> list[Token]:
    """The words of a reported clause: without its "that", without a time phrase placed
    before its subject ("said on Friday it would"), without another report conjoined to it
    ("..., and officials said ..."), and without trailing commas and conjunctions."""
    skip: set[int] = set()
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = min((s.left_edge.i for s in subjects), default=clause.i)
    for c in clause.children:
        if c.dep_ == "mark" or (c.dep_ in ("prep", "npadvmod", "advmod") and c.right_edge.i < first):
            skip.update(t.i for t in c.subtree)
        if c.dep_ == "conj" and is_speech_verb(c) and any(k.dep_ == "nsubj" for k in c.children):
            skip.update(t.i for t in c.subtree)
    words = [t for t in clause.subtree if t.i not in skip]
    while words and (words[-1].dep_ in ("cc", "punct") or words[-1].is_punct):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return words


def _another_report(clause: Token) -> bool:
    """A clause that is a second report joined by "and", parsed as the first one's content
    ("X said A, and officials said B")."""
    doc = clause.doc
    before = doc[max(0, clause.left_edge.i - 2) : clause.left_edge.i]
    return is_speech_verb(clause) and any(c.dep_ == "nsubj" for c in clause.children) and any(
        t.pos_ == "CCONJ" for t in before)


def _indirect(doc: Doc, direct: list[Quoted]) -> list[Quoted]:
    out = []
    for verb in tokens_where(doc, ("VERB", "AUX"), lemmas=speech_words().quoting):
        if any(f.start <= verb.idx < f.end for f in direct):
            continue
        for c in verb.children:
            if c.dep_ != "ccomp" or _another_report(c):
                continue
            words = _reported_words(c)
            if not words:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            quoted = sum(max(0, min(end, f.end) - max(start, f.start)) for f in direct)
            if quoted * 2 > end - start:
                continue  # mostly a direct quote, listed as such
            out.append(Quoted("indirect", start, end, verb))
    return out


def doc_quotes(doc: Doc) -> list[Quoted]:
    """The direct and indirect quotes of a parsed document in text order (cached on the doc)."""
    cached = doc.user_data.get("detente_quotes")
    if isinstance(cached, list):
        return cached
    direct = _direct(doc)
    found = sorted([*direct, *_indirect(doc, direct)], key=lambda f: f.start)
    doc.user_data["detente_quotes"] = found
    return found


def speaker_of(token: Token, actors: ActorIndex) -> Actor | None:
    """The actor who reported the event whose predicate is `token`, or None."""
    for f in doc_quotes(token.doc):
        if f.kind == "direct" and f.start <= token.idx < f.end and f.verb is not None:
            subj = subject_of(f.verb)
            return resolve_speaker(subj, actors) if subj is not None else None
    verb = speech_verb_of(token)
    if verb is None:
        return None
    subj = subject_of(verb)
    return resolve_speaker(subj, actors) if subj is not None else None
