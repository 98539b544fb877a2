"""The one schema: typed records passed between stages, with their JSON forms.

Field names match the store's columns and the event record contract in DESIGN.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "planned", "hypothetical", "negated", "historical")
PRECISIONS = ("day", "week", "month", "year")

Status = Literal["occurred", "planned", "hypothetical", "negated", "historical"]
Span = tuple[int, int]

T = TypeVar("T")


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass(frozen=True)
class Actor:
    """Who: the text as written plus its CAMEO-style code, country, sector and name."""

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None

    def written_as(self, text: str) -> Actor:
        """The same actor as written somewhere else: `replace(actor, text=text)` without the
        field-by-field walk (the readers call it for every mention)."""
        return Actor(text, self.code, self.country, self.sector, self.name, self.wikidata)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Location:
    """Where: a named place with its country, first-level region and coordinates."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Location | None:
        if d is None:
            return None
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Evidence:
    """Why a record exists: trigger, spans (character offsets into the document) and rule."""

    trigger: str
    trigger_span: Span | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    rule: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("trigger_span", "source_span", "target_span"):
            d[k] = list(d[k]) if d[k] is not None else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            trigger=d.get("trigger", ""),
            trigger_span=_span(d.get("trigger_span")),
            source_span=_span(d.get("source_span")),
            target_span=_span(d.get("target_span")),
            rule=d.get("rule"),
        )


@dataclass(frozen=True)
class Event:
    """One coded event: the record every output (JSONL, store, API) honours."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    event_type: str
    mode: str | None
    context: list[str]
    cameo: str
    goldstein: float
    quad_class: int
    date: str | None
    date_precision: str | None
    status: Status
    location: Location | None
    speaker: Actor | None
    evidence: Evidence
    confidence: float
    date_basis: str | None = None  # "text" (from the clause), "published" (fallback) or None
    # A symmetric act both parties do together (talks, a summit, a deal both sign): one record,
    # source and target in the text's order, standing for both directions.
    mutual: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source.as_dict() if self.source else None,
            "target": self.target.as_dict() if self.target else None,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "status": self.status,
            "mutual": self.mutual,
            "location": self.location.as_dict() if self.location else None,
            "speaker": self.speaker.as_dict() if self.speaker else None,
            "evidence": self.evidence.as_dict(),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            event_id=d["event_id"],
            article_id=d["article_id"],
            sentence_index=int(d["sentence_index"]),
            sentence=d["sentence"],
            source=Actor.from_dict(d.get("source")),
            target=Actor.from_dict(d.get("target")),
            event_type=d["event_type"],
            mode=d.get("mode"),
            context=list(d.get("context") or []),
            cameo=str(d["cameo"]),
            goldstein=float(d["goldstein"]),
            quad_class=int(d["quad_class"]),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            status=d["status"],
            location=Location.from_dict(d.get("location")),
            speaker=Actor.from_dict(d.get("speaker")),
            evidence=Evidence.from_dict(d["evidence"]),
            confidence=float(d["confidence"]),
            date_basis=d.get("date_basis"),
            mutual=bool(d.get("mutual") or False),
        )


@dataclass
class Article:
    """One input document, as read: its id, text and whatever metadata came with it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None; never guessed as today
    outlet: str | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from: a path, "path:line", "-" or a URL
    published_basis: str | None = None  # "metadata", "html", "byline" or None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or coded: which one, at which stage, and why."""

    document: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.document}: {self.stage} failed: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    """An actor mention found in a document: character span, sentence and resolved actor."""

    start: int
    end: int
    sentence_index: int
    actor: Actor
    rule: str = "dictionary"
    members: tuple[Actor, ...] = field(default_factory=tuple)  # for "the two Koreas", "both sides"
    antecedent: Span | None = None  # for a pronoun: the span of the mention that names its actor

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id: the first hex digits of a SHA-1 over the parts (sqlite-utils' hash_id idea)."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def event_id(
    article_id: str,
    sentence_index: int,
    trigger_span: Span | None,
    source_span: Span | None,
    target_span: Span | None,
    source_code: str | None = None,
    target_code: str | None = None,
) -> str:
    """The contract's stable id: hash of article, sentence, trigger span, source and target."""
    return content_id(
        article_id, sentence_index, trigger_span, source_span, source_code, target_span, target_code
    )


EVENT_FIELDS = (
    "event_id", "article_id", "sentence_index", "sentence", "source", "target", "event_type",
    "mode", "context", "cameo", "goldstein", "quad_class", "date", "date_precision", "status",
    "mutual", "location", "speaker", "evidence", "confidence",
)
ACTOR_FIELDS = ("text", "code", "country", "sector", "name", "wikidata")
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonames_id")
EVIDENCE_FIELDS = ("trigger", "trigger_span", "source_span", "target_span", "rule")


def contract_errors(d: dict[str, Any], text: str | None = None) -> list[str]:
    """Ways an event's JSON form breaks the contract in DESIGN.md (empty when it honours it).

    With the document `text`, spans are also checked to lie inside it.
    """
    errs = [f"missing field {f}" for f in EVENT_FIELDS if f not in d]
    if errs:
        return errs
    if d["event_type"] not in PLOVER_TYPES:
        errs.append(f"event_type {d['event_type']!r} is not a PLOVER category")
    if d["status"] not in STATUSES:
        errs.append(f"status {d['status']!r} unknown")
    if not (isinstance(d["cameo"], str) and d["cameo"].isdigit() and 2 <= len(d["cameo"]) <= 4):
        errs.append(f"cameo {d['cameo']!r} is not a CAMEO code string")
    if d["quad_class"] not in (1, 2, 3, 4):
        errs.append("quad_class not in 1-4")
    if not isinstance(d["goldstein"], int | float) or not -10 <= d["goldstein"] <= 10:
        errs.append("goldstein not in -10..10")
    if not isinstance(d["confidence"], int | float) or not 0 <= d["confidence"] <= 1:
        errs.append("confidence not in 0..1")
    if not isinstance(d["context"], list):
        errs.append("context is not a list")
    if not isinstance(d["mutual"], bool):
        errs.append("mutual is not a boolean")
    if d["date"] is not None:
        try:
            from datetime import date as _date

            _date.fromisoformat(d["date"])
        except (TypeError, ValueError):
            errs.append(f"date {d['date']!r} is not ISO")
        if d["date_precision"] not in PRECISIONS:
            errs.append("date without a precision")
    for role in ("source", "target", "speaker"):
        a = d[role]
        if a is not None and (not isinstance(a, dict) or any(f not in a for f in ACTOR_FIELDS)):
            errs.append(f"{role} is not an actor object")
        elif a is not None and a.get("country") is not None and not (
            isinstance(a["country"], str) and len(a["country"]) == 3 and a["country"].isupper()
        ):
            errs.append(f"{role}.country {a['country']!r} is not ISO alpha-3")
    loc = d["location"]
    if loc is not None and any(f not in loc for f in LOCATION_FIELDS):
        errs.append("location is not a location object")
    ev = d["evidence"]
    if not isinstance(ev, dict) or any(f not in ev for f in EVIDENCE_FIELDS):
        return [*errs, "evidence is incomplete"]
    for k in ("trigger_span", "source_span", "target_span"):
        span = ev[k]
        if span is None:
            continue
        if not (isinstance(span, list) and len(span) == 2 and 0 <= span[0] < span[1]):
            errs.append(f"{k} {span!r} is not [start, end)")
        elif text is not None and span[1] > len(text):
            errs.append(f"{k} {span!r} lies outside the document")
    if text is not None and ev["trigger_span"]:
        s, e = ev["trigger_span"]
        if text[s:e] != ev["trigger"]:
            errs.append("trigger text does not match its span")
    return errs


@dataclass(frozen=True)
class Quote:
    """Reported speech: who said what, when, in which article (`detente quotes`).

    `kind` is "direct" (words inside quotation marks) or "indirect" (a clause reported by a
    speech verb, "X said that ..."); `span` is [start, end) in the document text.
    """

    article_id: str
    sentence_index: int
    kind: str
    text: str
    span: Span
    speaker: Actor | None
    verb: str | None
    date: str | None
    date_basis: str | None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        d["speaker"] = self.speaker.as_dict() if self.speaker else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        span = _span(d.get("span")) or (0, 0)
        return cls(
            article_id=d["article_id"], sentence_index=int(d["sentence_index"]), kind=d["kind"],
            text=d["text"], span=span, speaker=Actor.from_dict(d.get("speaker")),
            verb=d.get("verb"), date=d.get("date"), date_basis=d.get("date_basis"),
        )
