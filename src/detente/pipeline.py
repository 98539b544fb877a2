"""Article -> events, stage by stage: parse, actors, coding, date, place, speaker.

`Pipeline` streams many articles through `nlp.pipe` in batches; `code()` is the one-text
convenience. A document that fails at any stage becomes a `Failure`; the batch goes on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from detente import nlp
from detente.actors import find_mentions, get_resolver
from detente.actors.resolver import DOMESTIC_SECTORS
from detente.coding import Coded, code_doc
from detente.coding.coder import Role
from detente.config import settings
from detente.errors import DetenteError, Errors
from detente.ingest import article_from_text
from detente.limits import DocumentTimeout, skip_long_sentences, time_limit
from detente.records import Actor, Article, Event, Evidence, Failure, Location, event_id
from detente.speakers import speaker_of
from detente.when import EventDate, event_date, parse_iso
from detente.where import event_location


@dataclass
class Result:
    """What coding one article produced: its events, or the failure that stopped it, and
    notes on parts left out (a skipped overlong sentence, W001)."""

    article: Article
    events: list[Event] = field(default_factory=list)
    failure: Failure | None = None
    notes: list[str] = field(default_factory=list)


def _same(a: Role, b: Role) -> bool:
    return a.actor.code == b.actor.code and bool(a.actor.code or a.span == b.span)


def _pairs(coded: Coded) -> Iterator[tuple[Role | None, Role | None]]:
    """Compound actors expand into one record per (source, target) pair; an actor is never
    its own target (the same code, or the same uncoded phrase). A mutual act gives one record
    per pair of parties, in the text's order, not one for each direction."""
    if coded.mutual:
        parties: list[Role] = []
        for r in coded.sources:
            if not any(_same(r, q) for q in parties):
                parties.append(r)
        yield from itertools.combinations(parties, 2)
        return
    sources: list[Role | None] = list(coded.sources) or [None]
    targets: list[Role | None] = list(coded.targets) or [None]
    for s, t in itertools.product(sources, targets):
        if s is not None and t is not None and _same(s, t):
            if len(targets) > 1:
                continue
            t = None
        yield s, t


def localized(actor: Actor | None, where: Location | None) -> Actor | None:
    """An agent that acts where it lives (protesters, police, an opposition) named with no
    country, given the country of the event's place ("protesters stormed the parliament in
    Gyumri": Armenian protesters), as GDELT codes them: the resolver places agents by the
    countries and capitals it knows (`agent_actor`), this by any town the gazetteer knows.
    Troops, fighters, refugees and international bodies are often abroad and are not placed."""
    if actor is None or actor.country or where is None or not where.country \
            or actor.sector not in DOMESTIC_SECTORS:
        return actor
    return replace(actor, country=where.country, code=f"{where.country}{actor.code or actor.sector}")


# An act the text itself dates this long before the article is background, not the news.
BACKGROUND_DAYS = 180


def status_at(status: str, when: EventDate, published: date | None) -> str:
    """The coder's status, with an occurred act that its own clause dates long before the
    article ("in 2014, Russia annexed Crimea", "talks held in 2010") made historical."""
    if status == "occurred" and when.basis == "text" and when.date is not None and published is not None \
            and (published - when.date).days > BACKGROUND_DAYS:
        return "historical"
    return status


def events_of(article: Article, doc: Doc) -> list[Event]:
    """All event records of one parsed article."""
    published = parse_iso(article.published)
    actors = find_mentions(doc, published)
    countries = [m.actor.country for m in actors.mentions if m.actor.country]
    sents = nlp.sentences(doc)
    out: list[Event] = []
    seen: set[str] = set()
    for coded in code_doc(doc, actors):
        token = doc[coded.trigger_i]
        when = event_date(token, published, coded.status)
        where = event_location(token, countries)
        speaker = speaker_of(token, actors)
        sentence = nlp.sentence_text(sents[coded.sentence_index])
        for source, target in _pairs(coded):
            eid = event_id(
                article.id, coded.sentence_index, coded.trigger_span,
                source.span if source else None, target.span if target else None,
                source.actor.code if source else None, target.actor.code if target else None,
            )
            if eid in seen:
                continue
            seen.add(eid)
            c = coded.code
            out.append(Event(
                event_id=eid,
                article_id=article.id,
                sentence_index=coded.sentence_index,
                sentence=sentence,
                source=localized(source.actor, where) if source else None,
                target=localized(target.actor, where) if target else None,
                event_type=c.plover or "",
                mode=c.mode,
                context=list(c.context),
                cameo=c.code,
                goldstein=c.goldstein,
                quad_class=c.quad_class,
                date=when.date.isoformat() if when.date else None,
                date_precision=when.precision,
                date_basis=when.basis,
                status=status_at(coded.status, when, published),  # type: ignore[arg-type]
                mutual=coded.mutual,
                location=where,
                speaker=speaker,
                evidence=Evidence(
                    trigger=coded.trigger_text,
                    trigger_span=coded.trigger_span,
                    source_span=source.span if source else None,
                    target_span=target.span if target else None,
                    rule=coded.rule,
                ),
                confidence=coded.confidence,
            ))
    return _same_occasion(_once_per_sentence(out))


# How many sentences on a speaker's dated words still speak of the same occasion.
OCCASION_REACH = 2


def _same_occasion(events: list[Event]) -> list[Event]:
    """A statement the text does not date, reported from a speaker whose words it dated a
    sentence or two before, was made on that occasion ("Speaking to CNN yesterday, Tillerson
    defended ... Tillerson reiterated that ..."): it takes that date, not the publication's."""
    said: dict[str, tuple[int, str | None, str | None]] = {}
    out: list[Event] = []
    for e in events:
        name = e.speaker.name if e.speaker is not None else None
        last = said.get(name) if name else None
        if e.date_basis == "published" and last is not None and e.quad_class in (1, 3) \
                and 0 < e.sentence_index - last[0] <= OCCASION_REACH:
            e = replace(e, date=last[1], date_precision=last[2], date_basis="text")
        if e.date_basis == "text" and e.quad_class in (1, 3) and e.source is not None and e.source.name:
            said[e.source.name] = (e.sentence_index, e.date, e.date_precision)
        out.append(e)
    return out


def _once_per_sentence(events: list[Event]) -> list[Event]:
    """One record per sentence, type and pair of coded actors: two triggers of one clause
    ("defended signing the agreement") report one act, kept with the surer reading."""
    def key(e: Event) -> tuple[int, str, str, str] | None:
        if e.source is None or e.target is None or not e.source.code or not e.target.code:
            return None
        return (e.sentence_index, e.event_type, e.source.code, e.target.code)

    best: dict[tuple[int, str, str, str], Event] = {}
    for e in events:
        k = key(e)
        if k is not None and (k not in best or e.confidence > best[k].confidence):
            best[k] = e
    return [e for e in events if (k := key(e)) is None or best[k] is e]


class Pipeline:
    """Codes a stream of articles, parsing them in batches with `nlp.pipe`."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        nlp.load_pipeline()
        get_resolver()  # its matchers' strings belong to no batch's memory zone

    def parsed(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc | Failure, list[str]]]:
        """Each article with its parse (or the Failure that stopped it) and notes, in input order.

        Batches go through `nlp.pipe`; limits from config.settings() apply; a batch that fails
        is parsed one by one so that one poisoned text fails alone.
        """
        it = iter(articles)
        while batch := list(itertools.islice(it, self.batch_size)):
            prepared = [(a, self._prepare(a)) for a in batch]
            texts = [p[0] for _, p in prepared if not isinstance(p, Failure)]
            docs: Iterator[Doc] | None = None
            try:
                with time_limit(settings().doc_time_limit * len(texts)):
                    docs = iter(list(nlp.parse(texts, batch_size=self.batch_size)))
            except Exception:  # a poisoned or slow text: parse one by one to isolate it
                docs = None
            for article, ready in prepared:
                if isinstance(ready, Failure):
                    yield article, ready, []
                elif docs is None:
                    yield article, self._parse_one(article, ready[0]), ready[1]
                else:
                    yield article, next(docs), ready[1]

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        """One Result per article, in input order; limits from config.settings() apply.

        Each batch is parsed and coded inside a spaCy memory zone: the strings and lexemes of
        its new words are freed once its records (plain Python values) are made, so a
        process that codes millions of articles does not grow with their vocabulary.
        """
        it = iter(articles)
        while batch := list(itertools.islice(it, self.batch_size)):
            with nlp.load_pipeline().memory_zone():
                results = [Result(article, failure=doc, notes=notes) if isinstance(doc, Failure)
                           else self._code(article, doc, notes)
                           for article, doc, notes in self.parsed(batch)]
            yield from results

    @staticmethod
    def _prepare(article: Article) -> tuple[str, list[str]] | Failure:
        """The text to parse (overlong sentences blanked) and notes, or a Failure if too long."""
        limits = settings()
        if len(article.text) > limits.max_doc_chars:
            return Failure(article.id, "parse", Errors.E203.format(size=len(article.text),
                                                                  limit=limits.max_doc_chars))
        return skip_long_sentences(article.text, limits.max_sentence_tokens)

    @staticmethod
    def _parse_one(article: Article, text: str) -> Doc | Failure:
        try:
            with time_limit(settings().doc_time_limit):
                return nlp.parse_one(text)
        except DocumentTimeout as e:
            return Failure(article.id, "parse", str(e))
        except Exception as e:
            return Failure(article.id, "parse", Errors.E201.format(reason=e))

    def _code(self, article: Article, doc: Doc, notes: list[str]) -> Result:
        try:
            with time_limit(settings().doc_time_limit):
                return Result(article, events_of(article, doc), notes=notes)
        except DocumentTimeout as e:
            return Result(article, failure=Failure(article.id, "code", str(e)), notes=notes)
        except Exception as e:
            return Result(article, failure=Failure(article.id, "code", Errors.E201.format(reason=e)),
                          notes=notes)

    def code(self, text: str, published: str | None = None, id: str | None = None) -> list[Event]:
        """Events of one text (raises on failure)."""
        article = article_from_text(text, id=id, published=published)
        result = next(self.run([article]))
        if result.failure is not None:
            raise DetenteError(str(result.failure))
        return result.events


def code(text: str, published: str | None = None) -> list[Event]:
    """Code one news text into event records; `published` is its ISO publication date."""
    return Pipeline().code(text, published)
