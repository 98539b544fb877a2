"""Resolve actor mentions in a parsed document: dictionary atoms composed per noun phrase.

Atoms (country names, adjectives, seats of power, organisations, people, sector words) are
found with spaCy PhraseMatchers; atoms that modify the same noun-phrase head are composed
into one actor ("South Korean President Moon Jae-in" -> KORGOV). A person's country and
sector are taken from the term in office that covers the article's date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import Entry, load_entries
from detente.nlp import load_pipeline
from detente.records import Actor, Mention

# Dependency labels that attach a modifier inside a noun phrase.
_NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det", "flat", "case"}
_KIND_RANK = {"person": 5, "organisation": 4, "country": 3, "seat": 3, "adjective": 2, "sector": 1}


@dataclass
class Atom:
    """A dictionary match: token span and the entries it may stand for."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@dataclass
class ActorIndex:
    """The actor mentions of one document, findable by token."""

    mentions: list[Mention] = field(default_factory=list)
    by_head: dict[int, Mention] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def for_token(self, token: Token) -> Mention | None:
        """The mention headed by `token`, else one that covers it."""
        return self.by_head.get(token.i) or self.by_token.get(token.i)


class ActorResolver:
    """Finds and resolves actor mentions; built once per process from the data files."""

    def __init__(self) -> None:
        vocab = load_pipeline().vocab
        self.proper = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.entries: dict[str, list[Entry]] = {}
        tokenizer = load_pipeline().tokenizer
        proper_phrases: dict[str, list[Doc]] = {}
        lower_phrases: dict[str, list[Doc]] = {}
        for e in load_entries():
            key = f"{e.kind}:{e.phrase}" if e.kind != "sector" else f"sector:{e.phrase.lower()}"
            self.entries.setdefault(key, []).append(e)
            target = lower_phrases if e.kind == "sector" else proper_phrases
            target.setdefault(key, [tokenizer(e.phrase)])
        for key, docs in proper_phrases.items():
            self.proper.add(key, docs)
        for key, docs in lower_phrases.items():
            self.lower.add(key, docs)
        self.vocab = vocab

    def atoms(self, doc: Doc) -> list[Atom]:
        """Dictionary matches, longest first where they overlap."""
        found: list[Atom] = []
        for matcher in (self.proper, self.lower):
            for match_id, start, end in matcher(doc):
                key = self.vocab.strings[match_id]
                found.append(Atom(start, end, self.entries[key]))
        found.sort(key=lambda a: (-(a.end - a.start), -_KIND_RANK[a.kind], a.start))
        taken: set[int] = set()
        atoms = []
        for a in found:
            if any(i in taken for i in range(a.start, a.end)):
                continue
            taken.update(range(a.start, a.end))
            atoms.append(a)
        return sorted(atoms, key=lambda a: a.start)

    def index(self, doc: Doc, published: date | None = None) -> ActorIndex:
        """All actor mentions of `doc`, each with its noun-phrase head, resolved at `published`."""
        groups: dict[int, list[Atom]] = {}
        for atom in self.atoms(doc):
            head = np_head(doc[atom.start : atom.end].root)
            groups.setdefault(head.i, []).append(atom)
        out = ActorIndex()
        people_seen: dict[str, Entry] = {}
        for head_i, atoms in sorted(groups.items()):
            head = doc[head_i]
            actor = compose(doc, atoms, published, people_seen)
            if actor is None:
                continue
            span = mention_span(head, atoms)
            actor = replace(actor, text=span.text)
            sent_index = sentence_index(doc, head)
            mention = Mention(span.start_char, span.end_char, sent_index, actor)
            out.mentions.append(mention)
            out.by_head[head_i] = mention
            for t in span:
                out.by_token.setdefault(t.i, mention)
        return out


def np_head(token: Token) -> Token:
    """Climb from a modifier to the head of its noun phrase."""
    while token.dep_ in _NP_MODIFIERS and token.head.i != token.i and token.head.pos_ in (
        "NOUN", "PROPN", "PRON", "NUM", "ADJ"
    ):
        token = token.head
    return token


def mention_span(head: Token, atoms: list[Atom]) -> Span:
    """The characters a mention covers: its atoms and its head."""
    doc = head.doc
    start = min([head.i] + [a.start for a in atoms])
    end = max([head.i + 1] + [a.end for a in atoms])
    return doc[start:end]


def sentence_index(doc: Doc, token: Token) -> int:
    """Index of the sentence holding `token`."""
    starts = doc.user_data.get("detente_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["detente_sent_starts"] = starts
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= token.i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def pick_term(entries: list[Entry], published: date | None) -> Entry:
    """Of a person's terms, the one in office at `published` (else the latest)."""
    if published is not None:
        for e in entries:
            if (e.start is None or e.start <= published) and (e.end is None or published <= e.end):
                return e
    return max(entries, key=lambda e: e.start or date.min)


def compose(
    doc: Doc, atoms: list[Atom], published: date | None, people_seen: dict[str, Entry]
) -> Actor | None:
    """One actor from the atoms of a noun phrase: who (person/organisation/country) + sector."""
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    for atom in sorted(atoms, key=lambda a: _KIND_RANK[a.kind]):
        e = atom.entries[0]
        if atom.kind == "person":
            e = pick_term(atom.entries, published)
            people_seen[e.name or e.phrase] = e
            country, sector, name = e.country or country, e.sector or sector, e.name
        elif atom.kind == "organisation":
            code, country, sector, name = e.code, e.country, e.sector, e.name
        elif atom.kind in ("country", "seat", "adjective"):
            country = e.country
            name = name or e.name
            if atom.kind == "seat":
                sector = sector or "GOV"
        elif atom.kind == "sector":
            sector = e.sector
    text = doc[min(a.start for a in atoms) : max(a.end for a in atoms)].text
    if code is None and country is None:
        return None
    if code is None:
        code = (country or "") + (sector if sector and sector != country else "")
    return Actor(text=text, code=code, country=country, sector=sector, name=name)


@cache
def get_resolver() -> ActorResolver:
    """The process-wide resolver (dictionaries are loaded once)."""
    return ActorResolver()


def find_mentions(doc: Doc, published: date | None = None) -> ActorIndex:
    """Actor mentions of a parsed document."""
    return get_resolver().index(doc, published)
