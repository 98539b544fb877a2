"""Resolve actor mentions in a parsed document: dictionary atoms composed per noun phrase.

Atoms (country names, adjectives, seats of power, organisations, people, sector words,
references) are found with spaCy PhraseMatchers; atoms that modify the same noun-phrase
head are composed into one actor ("South Korean President Moon Jae-in" -> KORGOV). Then the
article is read in order, keeping what it has named so far, so that a surname ("Moon"), a
title ("the US president"), a pronoun ("he", "his country"), a description ("the North",
"the regime") or a group ("both sides") resolves to an actor named before it. A person's
country and sector come from the term in office that covers the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente import nlp
from detente.actors.dictionary import (
    PROPER_KINDS,
    Entry,
    Term,
    country_names,
    load_entries,
    load_terms,
    office_sectors,
    pronouns,
)
from detente.nlp import load_pipeline
from detente.records import Actor, Mention

# Dependency labels that attach a modifier inside a noun phrase.
_NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det", "flat", "case"}
_KIND_RANK = {
    "person": 6, "surname": 6, "name": 6, "organisation": 5, "country": 4, "seat": 4,
    "ambiguous": 4, "group": 4, "adjective": 3, "description": 2, "counterpart": 2,
    "sector": 1, "honorific": 0,
}
_NAMES_OF_PEOPLE = ("PERSON",)
_COMPASS = {"North", "South", "East", "West"}
_LEADING_OFFICES = {"head_of_state", "head_of_government", "supreme_leader"}
_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# How far back (in sentences) a pronoun looks for what it stands for.
_PERSON_REACH = 3
_THING_REACH = 1
# Prepositions that put a city where something happened, not who did it.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "within"})
# How far back an agent named without a country ("the police") looks for one that has it.
_AGENT_REACH = 4
# Agents of the place a story is filed from, when it names no other country for them.
# Agents that act where they live: with no country named, they are of the story's dateline
# country here, and of the town their act happens in (pipeline.localized).
DOMESTIC_SECTORS = frozenset({"COP", "CVL", "OPP", "LAB", "EDU", "JUD", "LEG", "PTY", "REL", "HLH", "BUS",
                              "MED"})
# Sector words that are no actor on their own ("the international community").
_NOT_ALONE = frozenset({"community", "communities", "association", "population", "personnel"})


@dataclass
class Atom:
    """A dictionary match (or a named person the dictionaries lack): span and readings."""

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
        """The mention headed by `token`, else one that covers it (pronouns included)."""
        return self.by_head.get(token.i) or self.by_token.get(token.i)

    def actors_for(self, token: Token) -> list[Mention]:
        """Every mention a role token stands for, compound actors expanded: the token's own
        mention and those of its conjuncts ("Moon and Trump"). A group mention ("both sides")
        is returned once; its `members` hold the actors it stands for."""
        out: list[Mention] = []
        for t in (token, *token.conjuncts):
            m = self.for_token(t)
            if m is not None and m not in out:
                out.append(m)
        return out

    def add(self, mention: Mention, head: int, tokens: range) -> None:
        """Record a mention under its head and the tokens it covers."""
        self.mentions.append(mention)
        self.by_head[head] = mention
        for i in tokens:
            self.by_token.setdefault(i, mention)


@dataclass
class _Found:
    """A resolved mention while reading an article: what it is, and where."""

    mention: Mention
    kind: str  # person | thing | group
    first: int  # first token
    office: str | None = None
    plural: bool = False  # "the North Koreans", "US troops": a "they"
    subject: bool = False  # the subject of its clause: what a later pronoun most likely means


class ActorResolver:
    """Finds and resolves actor mentions; built once per process from the data files."""

    def __init__(self) -> None:
        nlp = load_pipeline()
        self.vocab = nlp.vocab
        self.proper = PhraseMatcher(self.vocab, attr="ORTH")
        self.lower = PhraseMatcher(self.vocab, attr="LOWER")
        self.entries: dict[str, list[Entry]] = {}
        proper_phrases: dict[str, list[str]] = {}
        lower_phrases: dict[str, list[str]] = {}
        for e in load_entries():
            as_written = e.kind in PROPER_KINDS or (e.kind != "sector" and e.phrase != e.phrase.lower())
            key = f"{e.kind}:{e.phrase}" if as_written else f"{e.kind}:{e.phrase.lower()}"
            self.entries.setdefault(key, []).append(e)
            target = proper_phrases if as_written else lower_phrases
            forms = [e.phrase]
            if as_written and e.phrase.startswith("the "):
                forms.append("The " + e.phrase[4:])
            target.setdefault(key, forms)
        for phrases, matcher in ((proper_phrases, self.proper), (lower_phrases, self.lower)):
            for key, forms in phrases.items():
                # kept for good even when built inside a spaCy memory zone (Pipeline.run)
                self.vocab.strings.add(key, allow_transient=False)  # type: ignore[call-arg]  # (stub lags)
                matcher.add(key, [nlp.make_doc(f) for f in forms])
        self.terms = load_terms()
        self.terms_by_country: dict[str, list[Term]] = {}
        self.terms_by_surname: dict[str, list[Term]] = {}
        self.terms_by_name: dict[str, list[Term]] = {}
        self.terms_by_title: dict[str, list[Term]] = {}
        for t in self.terms:
            self.terms_by_country.setdefault(t.country or "", []).append(t)
            self.terms_by_surname.setdefault(t.surname, []).append(t)
            self.terms_by_name.setdefault(t.name, []).append(t)
            for title in t.titles:
                if t.country is None or t.country not in country_names():
                    self.terms_by_title.setdefault(_title_key(title), []).append(t)
        self.org_codes = {e.phrase.lower(): e.code for e in load_entries()
                          if e.kind == "organisation" and e.code and e.code.startswith("IGO")}
        self.pronouns = pronouns()

    def atoms(self, doc: Doc, ents: tuple[Span, ...] | None = None) -> list[Atom]:
        """Dictionary matches, longest first where they overlap, plus unlisted personal names."""
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
        kinds = {i: a.kind for a in atoms for i in range(a.start, a.end)}
        atoms = [a for a in atoms if keeps_meaning(doc, a, kinds)]
        atoms += self.shared_heads(doc, atoms)
        taken = {i for a in atoms for i in range(a.start, a.end)}
        surnames: set[str] = set()
        for ent in doc.ents if ents is None else ents:
            if ent.label_ in _NAMES_OF_PEOPLE and not any(i in taken for i in range(ent.start, ent.end)):
                words = [t for t in ent if t.is_alpha]
                while words and not words[0].text[:1].isupper():
                    words.pop(0)  # "the"
                if words:
                    start, end = words[0].i, words[-1].i + 1  # "Kim Dong-chul" whole
                    atoms.append(Atom(start, end, [Entry(nlp.tokens_text(doc, start, end), "name")]))
                    taken.update(range(start, end))
                    if len(words) > 1 and words[-1].text[:1].isupper():
                        surnames.add(words[-1].text)
        for t in doc if surnames else ():  # a surname again, whatever the tagger made of it
            if t.text in surnames and t.i not in taken and t.pos_ == "PROPN":
                atoms.append(Atom(t.i, t.i + 1, [Entry(t.text, "name")]))
        return sorted(atoms, key=lambda a: a.start)

    def shared_heads(self, doc: Doc, atoms: list[Atom]) -> list[Atom]:
        """"North and South Korea": the bare "North" is North Korea when that is a name."""
        out = []
        for a in atoms:
            if a.kind != "country" or a.start < 2 or doc[a.start - 1].lower_ not in ("and", "or", "&"):
                continue
            words = a.entries[0].phrase.split(" ", 1)
            first = doc[a.start - 2]
            if len(words) == 2 and first.text in _COMPASS and first.i not in {x.start for x in atoms}:
                entries = self.entries.get(f"country:{first.text} {words[1]}")
                if entries:
                    out.append(Atom(first.i, first.i + 1, entries))
        return out

    def index(self, doc: Doc, published: date | None = None) -> ActorIndex:
        """All actor mentions of `doc`, each with its noun-phrase head, resolved at `published`."""
        return _Reading(self, doc, published).run()

    # -- people -------------------------------------------------------------------------

    def organisation_of(self, term: Term) -> str | None:
        """The code of the organisation a term belongs to: from a non-ISO country column
        ("EUR" -> IGOEUR) or from the organisation its title names ("un chief" -> IGOUNO)."""
        if term.country:
            return f"IGO{term.country}"
        for title in term.titles:
            words = title.split()
            for n in range(len(words) - 1, 0, -1):
                code = self.org_codes.get(" ".join(words[:n]))
                if code:
                    return code
        return None

    def place_country(self, dateline: str) -> str | None:
        """The country of the one place a dateline names ("HANOI, March 1 (Yonhap) --",
        "Yerevan, Nov. 12 –"), when it is a country or a seat of power the tables know."""
        place = re.split(r"[,(—–]| -", dateline, maxsplit=1)[0].strip()
        if not place or "/" in place:
            return None  # "MOSCOW/YEREVAN/BAKU": several
        name = place.title() if place.isupper() else place
        for kind in ("seat", "country"):
            for e in self.entries.get(f"{kind}:{name}", ()):
                if e.country:
                    return e.country
        return None

    def holder_by_title(self, text: str, published: date | None) -> Term | None:
        """Who held the office a phrase names in full ("UN chief", "NATO secretary-general")."""
        if published is None:
            return None
        key = _title_key(re.sub(r"^the |'s\b|’s\b", "", text.strip(), flags=re.IGNORECASE))
        found = [t for t in self.terms_by_title.get(key, ()) if t.covers(published)]
        return found[0] if len({t.name for t in found}) == 1 else None

    def holder(self, country: str | None, office: str | None, title: str | None,
               published: date | None, surname: str | None = None) -> Term | None:
        """Who held an office (named by office or title) in a country on a date, if one did."""
        if published is None or (office is None and title is None):
            return None
        pool = self.terms_by_country.get(country, ()) if country else (
            self.terms_by_surname.get(surname or "", ()))
        found = [
            t for t in pool
            if t.covers(published)
            and (country is None or t.country == country)
            and (surname is None or t.surname == surname)
            and (_has_title(t, title) or (office is not None and t.office == office))
        ]
        if country is None and surname is None:
            return None
        exact = [t for t in found if _has_title(t, title)]
        found = exact or found
        return found[0] if len({t.name for t in found}) == 1 else None


def _title_key(title: str) -> str:
    return re.sub(r"[-\s]+", " ", title.lower().replace("defense", "defence"))


def _has_title(term: Term, title: str | None) -> bool:
    """Titles compared loosely: "Secretary-General" = "secretary general", defense = defence."""
    return title is not None and _title_key(title) in _title_keys(term.titles)


@cache
def _title_keys(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_title_key(t) for t in titles)


def _same_entity(a: Token, b: Token) -> bool:
    """True when two neighbouring tokens are inside one named entity."""
    if not a.ent_type_ or a.ent_type_ != b.ent_type_:
        return False
    first, second = (a, b) if a.i < b.i else (b, a)
    return second.ent_iob_ == "I" and second.i == first.i + 1


def _venue(root: Token, kinds: dict[int, str]) -> bool:
    """A seat of power named as a place: the object of a locative preposition ("in Rabat", "at
    Panmunjom"), or a name before a noun that is no actor ("the Geneva talks")."""
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return root.head.head.i not in kinds  # ("officials in Seoul" are Seoul's)
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i not in kinds


def keeps_meaning(doc: Doc, atom: Atom, kinds: dict[int, str]) -> bool:
    """False for a name inside a longer name ("Michael Jordan", "New Jersey", "Chad Smith"),
    after an honorific ("Mr Jordan"), or a word that is not a name here ("May" the month)."""
    if atom.kind in ("country", "seat", "ambiguous", "surname"):
        first = doc[atom.start]
        before = doc[atom.start - 1] if atom.start > 0 else None
        after = doc[atom.end] if atom.end < len(doc) else None
        for t in (before, after):
            if t is None or t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha:
                continue
            if t is after and atom.kind == "country" and first.ent_type_ == "ORG" and _same_entity(t, first):
                continue  # "the U.S. Federal Aviation Administration": the body's country
            kind = kinds.get(t.i)
            in_name = t.ent_type_ in ("PERSON", "") or _same_entity(t, first)
            if (kind is None and in_name) or (kind in ("surname", "person") and _same_entity(t, first)):
                return False
            if kind in ("country", "seat", "ambiguous") and atom.kind == "surname" and _same_entity(t, first):
                return False
        if before is not None and kinds.get(before.i) == "honorific":
            return False
    if atom.kind == "sector" and doc[atom.start : atom.end].root.pos_ in ("VERB", "AUX", "ADP"):
        return False  # "won" the verb, not the currency; "head to"
    if atom.kind == "seat" and _venue(doc[atom.start : atom.end].root, kinds):
        return False  # "met in Rabat", "the Hanoi summit": a city where it happened, not its government
    if atom.kind == "surname":
        t = doc[atom.start]
        if t.pos_ != "PROPN" or t.ent_type_ in _NOT_NAMES:
            return False
    return atom.kind != "honorific"


class _Reading:
    """One pass over one article: groups atoms by noun phrase and resolves them in order."""

    def __init__(self, resolver: ActorResolver, doc: Doc, published: date | None) -> None:
        self.r = resolver
        self.doc = doc
        self.published = published
        ents = tuple(doc.ents)
        self.atoms = resolver.atoms(doc, ents)
        self.covered = {i: a for a in self.atoms for i in range(a.start, a.end)}
        self.found: list[_Found] = []
        self.done: set[int] = set()  # group heads already read
        self.groups_by_head: dict[int, list[Atom]] = {}
        self.people: dict[str, _Found] = {}  # surname -> the person named
        self.index = ActorIndex()
        named = [a.entries[0].country for a in self.atoms if a.kind in ("country", "adjective", "seat")]
        named += [self.ambiguous_reading(a) for a in self.atoms if a.kind == "ambiguous"]
        self.countries: set[str] = {c for c in named if c}
        # the country the story is filed from (its dateline): where its police and crowds are
        lines = nlp.datelines(doc)
        self.home = resolver.place_country(lines[0]) if lines else None
        self.ents = {i: ent for ent in ents for i in range(ent.start, ent.end)}

    @cached_property
    def lower_text(self) -> str:
        """The article lower-cased, with single spaces, for context words (built when needed)."""
        return " " + re.sub(r"\s+", " ", nlp.doc_text(self.doc).lower()) + " "

    # -- grouping -----------------------------------------------------------------------

    def is_actor_token(self, t: Token) -> bool:
        """True for a word an actor phrase can hang on: an atom or a named entity."""
        if t.i in self.covered:
            return True
        ent = self.ents.get(t.i)
        return ent is not None and ent.label_ in ("PERSON", "ORG", "NORP")

    def np_head(self, token: Token) -> Token:
        """Climb from a modifier to the head of its noun phrase, while that head is an actor word."""
        while (
            token.dep_ in _NP_MODIFIERS and token.head.i != token.i
            and token.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
            and self.is_actor_token(token.head)
        ):
            token = token.head
        if token.dep_ == "conj" and token.pos_ in ("ADJ", "PROPN") and token.head.i in self.covered \
                and self.covered[token.head.i].kind == "adjective" and token.head.dep_ in _NP_MODIFIERS:
            return self.np_head(token.head)  # "American and South Korean troops"
        return token

    def groups(self) -> dict[int, list[Atom]]:
        groups: dict[int, list[Atom]] = {}
        for atom in self.atoms:
            root = self.doc[atom.start : atom.end].root
            groups.setdefault(self.np_head(root).i, []).append(atom)
        return groups

    # -- reading ------------------------------------------------------------------------

    def run(self) -> ActorIndex:
        groups = self.groups()
        self.groups_by_head = groups
        items: list[tuple[int, int, Token]] = []
        for head_i, atoms in groups.items():
            items.append((min(min(a.start for a in atoms), head_i), 1, self.doc[head_i]))
        for t in nlp.tokens_where(self.doc, ("PRON",), lowers=self.r.pronouns):
            if t.i not in self.covered and not (t.dep_ == "poss" and t.head.i in groups):
                items.append((t.i, 0, t))
        for _, is_group, token in sorted(items, key=lambda x: (x[0], x[1])):
            if not is_group:
                if token.i not in self.index.by_token:
                    self.pronoun(token)
            elif token.i not in self.done:
                self.done.add(token.i)
                self.group(token.i, groups[token.i])
        self.index.mentions.sort(key=lambda m: m.start)
        return self.index

    def sentence(self, i: int) -> int:
        return nlp.sentence_index(self.doc[i])

    def emit(self, actor: Actor, head: Token, span: Span, kind: str, rule: str,
             members: tuple[Actor, ...] = (), office: str | None = None,
             antecedent: tuple[int, int] | None = None) -> _Found:
        actor = actor.written_as(nlp.span_text(span))
        mention = Mention(span.start_char, span.end_char, self.sentence(head.i), actor, rule, members,
                          antecedent)
        self.index.add(mention, head.i, range(span.start, span.end))
        found = _Found(mention, kind, span.start, office, head.tag_ in ("NNS", "NNPS") or len(members) > 1,
                       is_subject(head))
        self.found.append(found)
        return found

    def group(self, head_i: int, atoms: list[Atom]) -> None:
        head = self.doc[head_i]
        kinds = {a.kind for a in atoms}
        head_atom = self.covered.get(head_i)
        head_is_actor = head_atom is not None or self.is_actor_token(head)
        not_actor = head_atom is not None and head_atom.kind == "sector" \
            and head_atom.entries[0].sector == "-"
        if not head_is_actor or not_actor:
            # "North Korea's participation", "US sanctions": each name stands alone.
            for a in atoms:
                if a.kind not in ("sector", "adjective", "description"):
                    self.group(self.doc[a.start : a.end].root.i, [a])
            return
        persons = [a for a in atoms if a.kind in ("person", "surname", "name")]
        if len(persons) > 1:  # a misparse joined two people ("Rouhani and Supreme Leader Khamenei")
            before = -1
            for n, p in enumerate(persons):
                last = n == len(persons) - 1
                own = [a for a in atoms if a.kind not in ("person", "surname", "name")
                       and before <= a.start and (last or a.start < p.start)]
                root = self.doc[p.start : p.end].root
                self.person_group(head if last and p.start <= head.i < p.end else root, [*own, p])
                before = p.end
        elif persons:
            chain = self.chain_before(persons[0], atoms)
            apart = [a for a in atoms if a not in chain and a.end <= persons[0].start]
            if apart:  # "US President Donald Trump and North Korean leader Kim": a misparse
                self.group(self.doc[apart[-1].start : apart[-1].end].root.i, apart)
            self.person_group(head, [a for a in atoms if a not in apart])
        elif "group" in kinds:
            self.group_reference(head, atoms)
        elif "counterpart" in kinds:
            self.counterpart(head, atoms)
        else:
            self.thing_group(head, atoms)

    def chain_before(self, person: Atom, atoms: list[Atom]) -> list[Atom]:
        """The atoms that run up to a name without a break: "Jordan's King Abdullah"."""
        by_end = {a.end: a for a in atoms}
        chain: list[Atom] = []
        i = person.start
        while i > 0:
            if i in by_end:
                chain.append(by_end[i])
                i = by_end[i].start
            elif self.doc[i - 1].text in ("'s", "’s", "'", "the", "-", "The") \
                    or self.modifies_within(self.doc[i - 1], person):
                i -= 1
            else:
                break
        return chain

    def modifies_within(self, t: Token, person: Atom) -> bool:
        """A word inside the name's phrase that the dictionaries lack: "Trade" and "Dr" in
        "Kenyan Trade Minister Dr Peter Munya" modify words after them, up to the name."""
        return t.dep_ in ("compound", "amod", "nmod", "flat") and t.i < t.head.i < person.end

    def span_of(self, head: Token, atoms: list[Atom]) -> Span:
        start = min([head.i] + [a.start for a in atoms])
        end = max([head.i + 1] + [a.end for a in atoms])
        for c in head.children:  # the possessive pronoun of "his country"
            if c.dep_ == "poss" and c.i < start and c.lower_ in self.r.pronouns:
                start = c.i
        return self.doc[start:end]

    # -- things: countries, organisations, sectors ---------------------------------------

    def sector_of(self, atoms: list[Atom]) -> tuple[str | None, str | None, str | None]:
        """(sector, office, title phrase) of the sector words: a specific sector beats GOV."""
        words = [a for a in atoms if a.kind == "sector" and a.entries[0].sector not in (None, "-")]
        specific = [a for a in words if a.entries[0].sector != "GOV"]
        chosen = specific or words
        office_atom = next((a for a in words if a.entries[0].office), None)
        title_atom = office_atom or (words[-1] if words else None)  # "leader": a title if listed
        sector = chosen[0].entries[0].sector if chosen else None
        office = office_atom.entries[0].office if office_atom else None
        title = nlp.tokens_text(self.doc, title_atom.start, title_atom.end) if title_atom else None
        return sector, office, title

    def countries_of(self, head: Token, atoms: list[Atom]) -> list[str]:
        out: list[str] = []
        for a in atoms:
            iso: str | None = None
            if a.kind in ("country", "adjective", "seat"):
                iso = a.entries[0].country
            elif a.kind == "ambiguous":
                iso = self.ambiguous_reading(a)
            elif a.kind == "description":
                iso = self.description(a, head)
            if iso and iso not in out:
                out.append(iso)
        if not out:  # "the prime minister of Japan"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    # "the foreign ministers of Chile and Peru"
                    for obj in [o for c in prep.children for o in (c, *c.conjuncts)]:
                        of = self.covered.get(obj.i)
                        country = of is not None and of.kind in ("country", "seat")
                        iso = of.entries[0].country if of is not None and country else None
                        if iso:
                            out.append(iso)
        if not out:
            ref = self.possessor(head)
            if ref is not None and ref.mention.actor.country:
                out.append(ref.mention.actor.country)
        return out

    def possessor(self, head: Token) -> _Found | None:
        """What the possessive pronoun of `head` stands for ("his" in "his country")."""
        for c in head.children:
            if c.dep_ == "poss" and c.lower_ in self.r.pronouns:
                return self.antecedent(c)
        return None

    def thing_group(self, head: Token, atoms: list[Atom]) -> None:
        span = self.span_of(head, atoms)
        written = nlp.span_text(span)
        sector, office, title = self.sector_of(atoms)
        org = next((a for a in atoms if a.kind == "organisation"), None)
        national = [a for a in atoms if a.kind in ("country", "adjective", "seat")]
        if org is not None and org.entries[0].country is None and national and sector:
            org = None  # "Iran's UN ambassador" speaks for Iran
        if org is not None:
            e = org.entries[0]
            term = self.r.holder_by_title(written, self.published)
            if term is not None:  # "the UN secretary-general", "NATO's chief" on the date
                actor = Actor(written, e.code, e.country, e.sector, term.name)
                self.emit(actor, head, span, "person", "title", office=term.office)
                self.people.setdefault(term.surname, self.found[-1])
                return
            actor = Actor(written, e.code, e.country, e.sector, e.name)
            self.emit(actor, head, span, "thing", "dictionary")
            return
        described = next((a for a in atoms if a.kind == "description"
                          and a.entries[0].value == "organisation"), None)
        if described is not None:  # "the group", "the alliance": the organisation named before
            for f in reversed(self.found):
                named = f.mention.actor
                if f.first < described.start and named.code \
                        and named.code != (named.country or "") + (named.sector or ""):
                    self.emit(named, head, span, "thing", "description", f.mention.members)
                    return
            if (kept := self.unplaced_description(atoms)) is not None:  # "the rebels", none named
                self.emit(Actor(written, kept, None, kept, None), head, span, "thing", "description")
            return
        ambiguous = [a for a in atoms if a.kind == "ambiguous"]
        countries = self.countries_of(head, atoms)
        if not countries:
            if ambiguous:  # "Georgia" with no telling context: kept, not coded
                self.emit(Actor(written), head, span, "thing", "ambiguous")
            elif office is not None and (holder := self.office_holder(office, head)) is not None:
                # "the prime minister", with Armenian Prime Minister Nikol Pashinyan named before
                self.emit(holder.mention.actor.written_as(written), head, span, "person", "title",
                          office=office)
            elif sector is not None and self.agent_head(head):
                self.emit(self.agent_actor(written, sector, head), head, span, "thing", "agent")
            elif (kept := self.unplaced_description(atoms)) is not None:  # "the government", no country
                self.emit(Actor(written, kept, None, kept, None), head, span, "thing", "description")
            elif any(a.kind == "description" for a in atoms):  # "the former Soviet republic": a state
                self.emit(Actor(written), head, span, "thing", "description")
            return
        if any(a.kind == "seat" for a in atoms) and sector is None:
            sector = "GOV"
        for a in atoms:
            if a.kind == "description" and a.entries[0].sector and sector is None:
                sector = a.entries[0].sector
        members = tuple(self.country_actor(written, iso, sector) for iso in countries)
        rule = "description" if any(a.kind == "description" for a in atoms) else (
            "pronoun" if not any(a.kind in ("country", "adjective", "seat", "ambiguous") for a in atoms)
            else "dictionary")
        if title is not None and len(countries) == 1 and not any(a.kind == "description" for a in atoms):
            term = self.r.holder(countries[0], office, title, self.published)
            if term is not None:  # "the US president" in 2018: Trump
                actor = replace(self.term_actor(written, term), code=members[0].code)
                self.emit(actor, head, span, "person", "title", office=term.office)
                self.people.setdefault(term.surname, self.found[-1])
                return
        head_kind = self.covered[head.i].kind if head.i in self.covered else None
        if head.pos_ == "PROPN" and head_kind in (None, "sector"):
            # an organisation the tables lack: "the Korean Senior Citizens Association"
            own_name = self.doc[span.start + (1 if span[0].lower_ == "the" else 0) : span.end].text
            members = (replace(members[0], name=own_name), *members[1:])
        self.emit(members[0], head, span, "thing", rule, members if len(members) > 1 else ())


    def agent_head(self, head: Token) -> bool:
        """A phrase headed by an agent noun ("police", "the protesters", "gunmen"): an actor
        even when no country is named."""
        atom = self.covered.get(head.i)
        if atom is None or atom.kind != "sector" or head.lower_ in _NOT_ALONE \
                or atom.entries[0].sector in (None, "-"):
            return False
        # "a Nigerian army base" is Nigeria's: the agent word only modifies the thing
        return not (head.dep_ in ("compound", "amod", "nmod") and any(
            (a := self.covered.get(c.i)) is not None and a.kind in ("country", "adjective", "seat")
            for c in head.head.children))

    def office_holder(self, office: str, head: Token) -> _Found | None:
        """The person the article named last as holding `office` (a title without a country:
        "the prime minister" after "Armenian Prime Minister Nikol Pashinyan")."""
        return next((f for f in reversed(self.found) if f.kind == "person" and f.office == office
                     and f.first < head.i and f.mention.actor.code), None)

    @staticmethod
    def unplaced_description(atoms: list[Atom]) -> str | None:
        """The sector of a description whose country the article does not give ("the
        government" in a text naming no country): the agent is kept, country-less."""
        for a in atoms:
            if a.kind == "description" and a.entries[0].sector not in (None, "-"):
                return a.entries[0].sector
        return None

    def agent_actor(self, text: str, sector: str, head: Token) -> Actor:
        """An agent named without its country: its own "in/from" place, else the country of
        the same agent named shortly before ("Armenian police ... the police"), else the
        story's dateline country for domestic agents, else the sector alone (CAMEO's
        country-less agent codes, "COP", "REB")."""
        if sector not in ("MIL", "REB"):  # "dockworkers in Uruguay", "protesters from Armenia"
            # (troops and fighters are often abroad); else where its clause happens ("in
            # Armenia, crowds stormed government buildings")
            for t, preps in ((head, ("in", "from")), *((v, ("in",)) for v in self.clause_verbs(head))):
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in preps:
                        for obj in c.children:
                            place = self.covered.get(obj.i)
                            iso = place.entries[0].country if place is not None else None
                            if place is not None and place.kind in ("country", "seat") and iso:
                                return self.country_actor(text, iso, sector)
        here = self.sentence(head.i)
        for f in reversed(self.found):
            if here - f.mention.sentence_index > _AGENT_REACH:
                break
            actor = f.mention.actor
            if f.kind == "thing" and actor.sector == sector and actor.country and not f.mention.members:
                return self.country_actor(text, actor.country, sector)
        if self.home and sector in DOMESTIC_SECTORS:  # "Yerevan, Nov. 12 – Thousands of protesters ..."
            return self.country_actor(text, self.home, sector)
        return Actor(text, sector, None, sector, None)

    @staticmethod
    def clause_verbs(head: Token) -> list[Token]:
        """The verbs above a word, nearest first, up to its sentence's root."""
        out = []
        t = head
        for _ in range(8):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                out.append(t)
        return out

    def country_actor(self, text: str, iso: str, sector: str | None) -> Actor:
        code = iso + (sector or "")
        return Actor(text, code, iso, sector, country_names().get(iso))

    def ambiguous_reading(self, atom: Atom) -> str | None:
        """The reading whose context words are in the article, when exactly one's are."""
        hits = set()
        for e in atom.entries:
            if any(f" {cue} " in self.lower_text or f" {cue}," in self.lower_text
                   or f" {cue}." in self.lower_text or f" {cue}'" in self.lower_text
                   for cue in (c.strip() for c in (e.value or "").split(";")) if cue):
                hits.add(e.code)
        if len(hits) == 1:
            return next(iter(hits))
        return None

    def description(self, atom: Atom, head: Token) -> str | None:
        """The country that "the North", "the regime", "the island nation" stand for."""
        value = atom.entries[0].value
        if value in ("north", "south"):
            prefix = "North " if value == "north" else "South "
            options = {iso for iso in self.countries if country_names().get(iso, "").startswith(prefix)}
            return next(iter(options)) if len(options) == 1 else None
        # the country named last, or the last person's; but not the subject of its own clause
        # when the description is its object ("Britain lifted its sanctions on the republic")
        here = self.sentence(atom.start)
        doers = set() if is_subject(head) else {
            f.mention.actor.country for f in self.found if f.subject and f.mention.sentence_index == here}
        for f in reversed(self.found):
            country = f.mention.actor.country
            if f.kind in ("thing", "person") and country and f.first < atom.start and country not in doers:
                return country
        return None

    # -- people -------------------------------------------------------------------------

    def term_actor(self, text: str, term: Term) -> Actor:
        """The actor of a person in a term: country + the office's sector; former holders ELI;
        heads of organisations take the organisation's code."""
        sector = office_sectors().get(term.office or "", term.sector)
        if self.published is not None and term.end is not None and term.end < self.published:
            sector = "ELI"  # a former office holder
        country = term.country
        if country is None or country not in country_names():
            return Actor(text, self.r.organisation_of(term), None, sector, term.name)
        return Actor(text, country + (sector or ""), country, sector, term.name)

    def pick_term(self, entries: list[Entry], title: str | None = None) -> Term | None:
        """The person's term at the article's date: the one the phrase's title names, else
        the leading office of several held at once, else the latest term before the date."""
        names = {e.name for e in entries}
        terms = [t for n in names if n for t in self.r.terms_by_name.get(n, ())]
        if not terms:
            return None
        if self.published is not None:
            current = [t for t in terms if t.covers(self.published)]
            if current:
                titled = [t for t in current if _has_title(t, title)]
                leading = [t for t in current if t.office in _LEADING_OFFICES]
                return (titled or leading or current)[0]
            past = [t for t in terms if t.start is None or t.start <= self.published]
            if past:
                return max(past, key=lambda t: t.start or date.min)
        return max(terms, key=lambda t: t.start or date.min)

    def person_group(self, head: Token, atoms: list[Atom]) -> None:
        span = self.span_of(head, atoms)
        written = nlp.span_text(span)
        person = next(a for a in atoms if a.kind in ("person", "surname", "name"))
        text = nlp.tokens_text(self.doc, person.start, person.end)
        sector, office, title = self.sector_of(atoms)
        countries = [iso for iso in self.countries_of(head, atoms)]
        known: _Found | None = None
        term: Term | None = None
        rule = "dictionary"
        if person.kind == "name" and not self.names_someone(head, person):
            return
        if person.kind == "person":
            term = self.pick_term(person.entries, title)
        elif person.kind == "surname":
            seen = self.people.get(text)
            if seen is not None:
                known, rule = seen, "surname"
            else:
                term = self.r.holder(countries[0] if countries else None, office, title,
                                     self.published, surname=text)
                rule = "title"
                if term is None and self.published is not None:
                    term = self.current_by_surname(text, self.doc[person.start])
                    rule = "surname"
                elif term is None:
                    term = self.undated_surname(text, countries)
                    rule = "surname"
        else:  # a personal name the dictionaries lack
            last = self.doc[person.end - 1].text
            seen = self.people.get(last)
            if seen is not None and (person.end - person.start == 1 or seen.mention.actor.name == text):
                known, rule = seen, "surname"
        explicit = [a.entries[0].country for a in atoms if a.kind in ("country", "adjective", "seat")]
        if term is not None and explicit and term.country not in explicit:
            # "Jordan's King Abdullah" is not the Saudi King Abdullah, but a head of state too
            sector = sector or office_sectors().get(term.office or "", term.sector)
            term = None
        if known is not None and explicit and known.mention.actor.country not in explicit:
            known = None
        head_atom = self.covered.get(head.i)
        if head_atom is not None and head_atom.kind == "sector" and not head_atom.entries[0].office \
                and not (person.start <= head.i < person.end):
            who = known.mention.actor if known is not None else (
                self.term_actor(text, term) if term is not None else None)
            if who is not None and who.country:  # "the Trump administration": the government
                self.emit(self.country_actor(written, who.country, sector), head, span, "thing", rule)
                return
        if known is not None:
            actor = replace(known.mention.actor)
            found = self.emit(actor, head, span, "person", rule, office=known.office)
        elif term is not None:
            actor = self.term_actor(written, term)
            if sector is None:  # a title inside the listed name: "Crown Prince Mohammed bin Salman"
                sector, title = self.leading_title(person)
            named_role = sector is not None and not _has_title(term, title)
            if named_role and sector and actor.country and actor.sector not in (sector, "ELI"):
                # the phrase names the role: "Saudi Crown Prince Mohammed bin Salman" (GOV)
                actor = replace(actor, code=actor.country + sector, sector=sector)
            org = next((a.entries[0] for a in atoms if a.kind == "organisation"), None)
            if org is not None and actor.sector == "ELI":  # "Hamas leader Ismail Haniyeh"
                actor = Actor(written, org.code, org.country, org.sector, term.name)
            found = self.emit(actor, head, span, "person", rule, office=term.office)
        else:
            actor = self.described_person(head, atoms, text, countries, sector)
            found = self.emit(actor, head, span, "person", "name" if actor.code is None else "description")
        surname = self.doc[person.end - 1].text
        self.people[surname] = found
        if term is not None:
            self.people[term.surname] = found

    def leading_title(self, person: Atom) -> tuple[str | None, str | None]:
        """(sector, title) of a role word that opens a listed name ("King Abdullah")."""
        for n in (3, 2, 1):
            if person.end - person.start > n:
                words = nlp.tokens_text(self.doc, person.start, person.start + n)
                entries = self.r.entries.get(f"sector:{words.lower()}")
                if entries and entries[0].sector not in (None, "-"):
                    return entries[0].sector, words
        return None, None

    def current_by_surname(self, surname: str, token: Token) -> Term | None:
        """The one person of that surname in office on the date, if their country is named in
        the article, or if the tagger sees a personal name ("Pompeo said"; a leader's name
        tagged as an organisation also counts: "Putin said")."""
        assert self.published is not None
        current = [t for t in self.r.terms_by_surname.get(surname, ()) if t.covers(self.published)]
        named = [t for t in current if t.country in self.countries]
        if len({t.name for t in named}) == 1:
            return named[0]
        if len({t.name for t in current}) != 1:
            return None
        leaders = [t for t in current if t.office in _LEADING_OFFICES]
        if token.ent_type_ == "PERSON" or (leaders and token.ent_type_ == "ORG"):
            return (leaders or current)[0]
        ever = {t.name for t in self.r.terms_by_surname.get(surname, ())}
        if len(ever) == 1 and token.ent_type_ in ("", "ORG", "PERSON", "NORP"):
            return current[0]  # a surname only one office holder ever had ("Pompeo")
        return None

    def undated_surname(self, surname: str, countries: list[str]) -> Term | None:
        """With no date to place it, a surname that only one office holder had (in the
        country the phrase names): that person's latest term ("President Trump", "Obama")."""
        pool = [t for t in self.r.terms_by_surname.get(surname, ())
                if not countries or t.country in countries]
        if len({t.name for t in pool}) != 1:
            return None
        return max(pool, key=lambda t: t.start or date.min)

    def names_someone(self, head: Token, person: Atom) -> bool:
        """An unlisted name is a person when it heads its phrase ("Vincent Brooks said") and
        has a given name and a surname, or repeats a surname named before ("Brooks")."""
        root = self.doc[person.start : person.end].root
        if root.i != head.i and not self.is_actor_token(head):
            return False
        if root.i == head.i and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN":
            return False  # "the Foal Eagle drills"
        if root.dep_ == "conj" and root.head.dep_ in ("compound", "amod", "nmod") \
                and root.head.head.pos_ == "NOUN" and root.head.ent_type_ == "PERSON":
            return False  # "the Foal Eagle and Key Resolve drills"
        return person.end - person.start > 1 or self.doc[person.end - 1].text in self.people

    def described_person(self, head: Token, atoms: list[Atom], text: str,
                         countries: list[str], sector: str | None) -> Actor:
        """A person the tables lack: country and sector from the title, an organisation or an
        apposition ("Vincent Brooks, commander of US Forces Korea" -> USAMIL)."""
        org = next((a.entries[0] for a in atoms if a.kind == "organisation"), None)
        if org is None and not countries:
            for t in self.appositions(head):
                for a in self.atoms:
                    if t.left_edge.i <= a.start and a.end <= t.right_edge.i + 1:
                        if a.kind == "organisation":
                            org = org or a.entries[0]
                        elif a.kind in ("country", "adjective", "seat") and a.entries[0].country:
                            countries = countries or [a.entries[0].country or ""]
                        elif a.kind == "description":
                            iso = self.description(a, head)
                            countries = countries or ([iso] if iso else [])
                        elif a.kind == "sector" and sector is None:
                            sector = self.sector_of([a])[0]
        if org is not None and (org.country is not None or not countries):
            return Actor(text, org.code, org.country, org.sector, text)  # "CNN's Jim Acosta"
        if countries:  # "Russian UN Ambassador Vassily Nebenzia" speaks for Russia
            return Actor(text, countries[0] + (sector or ""), countries[0], sector, text)
        return Actor(text, None, None, None, text)

    def appositions(self, head: Token) -> list[Token]:
        out = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            out.append(head.head)
        return out

    # -- references ---------------------------------------------------------------------

    def antecedent(self, token: Token) -> _Found | None:
        """The actor a pronoun stands for, of the fitting ones named nearby before it: the
        subject of a clause the pronoun stands in, else the latest subject of a clause, else
        the latest ("The army freed a Turkish ship it had seized": the army, not the flag)."""
        want = self.r.pronouns.get(token.lower_)
        here = self.sentence(token.i)
        fitting: list[_Found] = []
        for f in reversed(self.found):
            if f.first >= token.i:
                continue
            distance = here - f.mention.sentence_index
            if want == "person":
                if f.kind == "person" and distance <= _PERSON_REACH:
                    fitting.append(f)
            elif distance <= _THING_REACH and f.kind in ("thing", "group") and f.mention.actor.code:
                if want == "thing" and f.kind == "thing" and not f.plural:
                    fitting.append(f)
                if want == "plural" and (f.kind == "group" or f.plural):
                    fitting.append(f)
            elif distance > _PERSON_REACH:
                break
        for subject in governing_subjects(token):  # "Kim, who warned his ...": Kim
            for f in fitting:
                if f.mention.start <= subject.idx < f.mention.end:
                    return f
        return next((f for f in fitting if f.subject), fitting[0] if fitting else None)

    def pronoun(self, token: Token) -> None:
        if self.r.pronouns.get(token.lower_) != "person" and (is_expletive(token) or in_quotes(token)):
            return
        ref = self.antecedent(token)
        if ref is None:
            return
        span = self.doc[token.i : token.i + 1]
        named = ref.mention.antecedent or ref.mention.span  # a chain of pronouns leads to the name
        self.emit(ref.mention.actor, token, span, ref.kind, "pronoun", ref.mention.members, ref.office, named)

    def group_reference(self, head: Token, atoms: list[Atom]) -> None:
        """"The two Koreas", "both sides": one mention standing for several actors."""
        atom = next(a for a in atoms if a.kind == "group")
        span = self.span_of(head, atoms)
        written = nlp.span_text(span)
        value = atom.entries[0].value or ""
        sector = atom.entries[0].sector
        members: list[Actor] = []
        if value == "pair":
            for f in reversed(self.found):
                c = f.mention.actor.country
                if c and f.first < atom.start and c not in [m.country for m in members]:
                    members.insert(0, self.country_actor(written, c, sector))
                if len(members) == 2:
                    break
        elif value == "leaders":
            for f in reversed(self.found):
                if f.kind == "person" and f.first < atom.start and f.mention.actor.code \
                        and f.mention.actor.name not in [m.name for m in members]:
                    members.insert(0, f.mention.actor.written_as(written))
                if len(members) == 2:
                    break
        else:
            members = [self.country_actor(written, iso, sector) for iso in value.split(";") if iso]
        if len(members) < 2:
            self.emit(Actor(written), head, span, "group", "group")
            return
        self.emit(members[0], head, span, "group", "group", tuple(members))

    def counterpart(self, head: Token, atoms: list[Atom]) -> None:
        """"His US counterpart": the holder of the possessor's office in the other country."""
        span = self.span_of(head, atoms)
        written = nlp.span_text(span)
        for t in self.appositions(head):  # "his US counterpart Donald Trump"
            group = self.groups_by_head.get(t.i)
            if group and any(a.kind in ("person", "surname", "name") for a in group):
                self.done.add(t.i)
                self.person_group(t, group)
                named = self.found[-1]
                self.emit(named.mention.actor, head, span, "person", "counterpart", office=named.office)
                return
        ref = self.possessor(head)
        countries = [iso for a in atoms if a.kind in ("country", "adjective", "seat")
                     for iso in [a.entries[0].country] if iso]
        if not countries:
            return
        if ref is None:  # "his Moroccan counterpart", whose office the article does not tell
            self.emit(self.country_actor(written, countries[0], "GOV"), head, span, "person", "counterpart")
            return
        term = self.r.holder(countries[0], ref.office, None, self.published)
        if term is not None:
            actor = self.term_actor(written, term)
            self.emit(actor, head, span, "person", "counterpart", office=term.office)
            return
        sector = ref.mention.actor.sector or "GOV"  # a counterpart holds an office
        self.emit(self.country_actor(written, countries[0], sector), head, span, "person", "counterpart")


def is_subject(head: Token) -> bool:
    """True for the head of a clause's subject, or of a conjunct of one ("X and Y said")."""
    t = head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def governing_subjects(token: Token) -> list[Token]:
    """Subjects of the clauses above a pronoun, nearest first; a relative pronoun subject
    stands for the noun its clause describes."""
    out: list[Token] = []
    for verb in token.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i:
                out.append(verb.head if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else c)
    return out


def is_expletive(token: Token) -> bool:
    """True for an "it" that stands for nothing: "it would be a good thing if ..."."""
    if token.dep_ == "expl":
        return True
    verb = token.head
    return token.lower_ == "it" and token.dep_ == "nsubj" and verb.lemma_ == "be" and any(
        c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children
    )


def in_quotes(token: Token) -> bool:
    """True inside a quotation in its sentence, where "it" and "they" follow the speaker's
    own thread rather than the article's."""
    before = nlp.tokens_text(token.doc, nlp.sentence_of(token).start, token.i)
    return sum(before.count(q) for q in ('"', "“", "”")) % 2 == 1 or before.count("“") > before.count("”")


@cache
def get_resolver() -> ActorResolver:
    """The process-wide resolver (dictionaries are loaded once)."""
    return ActorResolver()


def find_mentions(doc: Doc, published: date | None = None) -> ActorIndex:
    """Actor mentions of a parsed document, resolved at its publication date."""
    return get_resolver().index(doc, published)
