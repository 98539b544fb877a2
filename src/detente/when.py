"""When: an article's publication date and each event's own date.

The event date comes from the time expression in the clause that holds the predicate,
resolved against the publication date with the clause's tense (past tense looks back,
"will"/"scheduled for" looks forward). With no expression, the date falls back to the
publication date and says so (`basis="published"`); with no publication date it is null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from spacy.tokens import Span, Token

_BYLINE_WINDOW = 600
_DATE_LINE = re.compile(
    r"\b(\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class EventDate:
    """An event's date with its precision and where it came from."""

    date: date | None
    precision: str | None
    basis: str | None  # "text", "published" or None


def parse_iso(value: str | None) -> date | None:
    """A date from an ISO string (a datetime's date part is kept), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def byline_date(text: str) -> date | None:
    """The publication date from a dateline or byline near the top of an article."""
    m = _DATE_LINE.search(text[:_BYLINE_WINDOW])
    if not m:
        return None
    parsed = _parse(m.group(1), None, "past")
    return parsed


@lru_cache(maxsize=4096)
def _parse(expr: str, base: date | None, prefer: str) -> date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        result = dateparser.parse(expr, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return result.date() if result else None


def _clause_root(token: Token) -> Token:
    t = token
    while t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep",
                     "dobj", "nsubj", "nsubjpass", "attr") and t.head.i != t.i:
        if t.pos_ == "VERB" and t.dep_ in ("ccomp", "advcl", "relcl"):
            break
        t = t.head
    return t


def _is_future(token: Token) -> bool:
    t = token
    for _ in range(3):
        if any(c.lower_ in ("will", "shall", "'ll") for c in t.children):
            return True
        if t.lemma_ in ("schedule", "plan", "due", "set") or (t.tag_ == "VBG" and t.lemma_ == "go"):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _date_expressions(token: Token) -> list[Span]:
    """DATE entities in the clause of `token` (its own subtree, or its clause head's)."""
    doc = token.doc
    root = _clause_root(token)
    lo, hi = root.left_edge.i, root.right_edge.i
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent.start < lo or ent.end > hi + 1:
            continue
        # the expression must attach to this clause, not to a nested clause verb
        head = ent.root
        while head.head.i != head.i and head.pos_ != "VERB":
            head = head.head
        if head.i == token.i or head.i == root.i or token.is_ancestor(ent.root) or head.pos_ != "VERB":
            out.append(ent)
    return out


def resolve_expression(text: str, published: date | None, future: bool) -> EventDate | None:
    """Resolve one time expression against the publication date."""
    t = text.lower().strip()
    t = re.sub(r"^(early|late|earlier|later)\s+(on\s+)?", "", t)
    if published is None and not re.search(r"\d{4}", t):
        return None
    prefer = "future" if future else "past"
    if t in ("this week", "earlier this week", "later this week"):
        return EventDate(published, "week", "text") if published else None
    if t in ("last week",):
        return EventDate(published - timedelta(days=7), "week", "text") if published else None
    if t in ("next week",):
        return EventDate(published + timedelta(days=7), "week", "text") if published else None
    if t in ("last month", "next month", "this month") or re.fullmatch(r"(in )?[a-z]+ \d{4}", t):
        d = _parse(t, published, prefer)
        return EventDate(d, "month", "text") if d else None
    if t in ("last year", "this year", "next year") or re.fullmatch(r"(in )?\d{4}", t):
        d = _parse(t, published, prefer)
        return EventDate(d, "year", "text") if d else None
    if re.fullmatch(r"(in )?(january|february|march|april|may|june|july|august|september|october"
                    r"|november|december)", t):
        d = _parse(t.replace("in ", ""), published, prefer)
        return EventDate(d, "month", "text") if d else None
    if any(w in t for w in _WEEKDAYS) or t in ("yesterday", "today", "tomorrow", "last night",
                                                "tonight") or re.search(r"\d", t):
        d = _parse(t, published, prefer)
        if d is None:
            return None
        if published and any(w in t for w in _WEEKDAYS) and d == published:
            d = d + timedelta(days=7 if future else -7)
        return EventDate(d, "day", "text")
    return None


def event_date(token: Token, published: date | None, status: str) -> EventDate:
    """The date of the event whose predicate is `token`."""
    future = status == "planned" or _is_future(token)
    for ent in _date_expressions(token):
        resolved = resolve_expression(ent.text, published, future)
        if resolved is not None:
            return resolved
    if status == "historical":
        return EventDate(None, None, None)
    if published is not None:
        return EventDate(published, "day", "published")
    return EventDate(None, None, None)
