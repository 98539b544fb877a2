"""What the API's views show, built once per request and rendered as JSON or HTML.

Events listed with filters and pagination, one event with its mentions, evidence and
articles, and located events for the map. Everything is read through `analysis.select` or
`select_on` (parameterised, time-limited, row-capped). Text from articles is returned as
data; the HTML side escapes it (`highlight` escapes first, then marks the evidence spans).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from detente.analysis import EVENT_DATE, Limits, dyad_condition, select, select_on
from detente.store.database import reading
from detente.store.queries import EventFilter, one_country_codes, top_bound, top_bound_sql, where_clause
from detente.store.schema import knows_mutual

ROLES = ("source", "trigger", "target")
ORDERS = {  # newest first: by the event's own date, or by when it was last reported
    "date": f"{EVENT_DATE} DESC NULLS LAST, merged_id",
    "reported": f"last_seen DESC NULLS LAST, {EVENT_DATE} DESC NULLS LAST, merged_id",
}
# each order's first key, and a plain column equal to it wherever the column is not null
ORDER_BOUNDS = {"date": (EVENT_DATE, "date"), "reported": ("last_seen", "last_seen")}
MAX_MENTIONS = 200
LIST_COLUMNS = (
    "merged_id, date, first_seen, source_code, source_name, target_code, target_name, event_type, "
    "mode, cameo, goldstein, quad_class, status, location_name, num_mentions, num_articles, "
    "num_sources, sentence, evidence_trigger, best_article_id"
)


@dataclass(frozen=True)
class EventQuery:
    """Filters and a page over merged events (actor codes match country, code or prefix)."""

    dyad: tuple[str, str] | None = None
    directed: bool = True
    actor: str | None = None
    event_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_sources: int | None = None
    offset: int = 0
    limit: int = 50
    order: str = "date"  # a key of ORDERS


@dataclass
class EventPage:
    """One page of events, with the total matching and the offset of the next page (or null)."""

    total: int
    offset: int
    limit: int
    next_offset: int | None
    items: list[dict[str, Any]]


def _event_condition(q: EventQuery, one_country: Collection[str] = (), mutual: bool = True
                     ) -> tuple[str, list[Any]]:
    cond, params = where_clause(EventFilter(actor=q.actor, event_type=q.event_type, date_from=q.date_from,
                                            date_to=q.date_to, min_sources=q.min_sources), one_country)
    if q.dyad:
        dyad, dyad_params = dyad_condition(q.dyad[0], q.dyad[1], q.directed, one_country, mutual)
        cond, params = f"{cond} AND {dyad}", params + dyad_params
    return cond, params


def _total_sql(q: EventQuery, one_country: Collection[str], cond: str, params: list[Any],
               mutual: bool = True) -> tuple[str, list[Any]]:
    """SQL counting the events that match `q` (whose condition is `cond`).

    A dyad of two one-country codes, with at most a PLOVER type and dates, is counted from the
    dyad aggregate (which holds every such event with a day) plus the events without any day;
    anything else counts the events.
    """
    codes = {c.upper() for c in q.dyad or ()}
    if (not q.dyad or not codes <= set(one_country) or q.actor or q.min_sources
            or (q.event_type or "").isdigit()):
        return f"SELECT count(*) AS n FROM events WHERE {cond}", params
    a, b = q.dyad[0].upper(), q.dyad[1].upper()
    pairs = "source_country = ? AND target_country = ?"
    agg_params: list[Any] = [a, b]
    if not q.directed and a != b:  # a mutual event's mirrored row would count it twice
        pairs, agg_params = f"(({pairs}) OR ({pairs})){' AND NOT mirrored' if mutual else ''}", [a, b, b, a]
    for test, value in (("event_type = ?", q.event_type and q.event_type.upper()),
                        ("date >= ?", q.date_from), ("date <= ?", q.date_to)):
        if value:
            pairs += f" AND {test}"
            agg_params.append(value)
    # events without a day are not in the aggregate, and no date range selects them
    undated = "0" if q.date_from or q.date_to else \
        f"(SELECT count(*) FROM events WHERE {cond} AND date IS NULL AND first_seen IS NULL)"
    return (f"SELECT (SELECT coalesce(sum(events), 0) FROM dyad_days WHERE {pairs}) + {undated} AS n",
            agg_params + ([] if undated == "0" else params))


def list_events(db: str | Path, q: EventQuery, limits: Limits) -> EventPage:
    """A page of events matching `q`, newest first (by event date, or by last report)."""
    with reading(db) as con:
        one_country = one_country_codes(con, [*(q.dyad or ()), q.actor])
        mutual = knows_mutual(con)
        cond, params = _event_condition(q, one_country, mutual)
        total = select_on(con, *_total_sql(q, one_country, cond, params, mutual), limits).rows[0]["n"]
        key, column = ORDER_BOUNDS[q.order]
        found = select_on(con, top_bound_sql(cond, column, True, int(q.offset) + int(q.limit)), params,
                          limits).rows
        bound, bound_params = top_bound(key, column, True,
                                        dt.date.fromisoformat(found[0][column]) if found else None)
        columns = LIST_COLUMNS + (", mutual" if mutual else ", false AS mutual")
        rows = select_on(con, f"""SELECT {columns} FROM events WHERE {cond} AND {bound}
                                  ORDER BY {ORDERS[q.order]} LIMIT ? OFFSET ?""",
                         [*params, *bound_params, int(q.limit), int(q.offset)], limits)
    following = q.offset + len(rows.rows)
    return EventPage(int(total), q.offset, q.limit, following if following < total else None, rows.rows)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: an article's URL is untrusted (javascript:, data:)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


@dataclass
class Mention:
    """One event record behind a merged event: its sentence, evidence spans and article."""

    event_id: str
    article_id: str
    sentence: str
    spans: dict[str, list[int]]          # role -> [start, end) in the sentence
    trigger: str | None
    rule: str | None
    source_text: str | None
    target_text: str | None
    date: str | None
    status: str | None
    confidence: float | None
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None


@dataclass
class EventDetail:
    """A merged event, the mentions it was merged from, and the articles they came from."""

    event: dict[str, Any]
    mentions: list[Mention] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)


def _sentence_start(text: str | None, sentence: str, trigger: tuple[int, int] | None) -> int | None:
    """Where the sentence begins in the document: the occurrence holding the trigger span."""
    if not text or not sentence:
        return None
    start = text.find(sentence)
    first = start
    while start >= 0:
        if trigger is None or (start <= trigger[0] and trigger[1] <= start + len(sentence)):
            return start
        start = text.find(sentence, start + 1)
    return first if first >= 0 and trigger is None else None


def sentence_spans(text: str | None, sentence: str, doc_spans: dict[str, tuple[int, int] | None],
                   words: dict[str, str | None]) -> dict[str, list[int]]:
    """Evidence spans relative to the sentence.

    Document offsets are moved to the sentence when the document text is at hand; a role
    whose span cannot be placed falls back to the first occurrence of its words.
    """
    start = _sentence_start(text, sentence, doc_spans.get("trigger"))
    out: dict[str, list[int]] = {}
    for role in ROLES:
        span = doc_spans.get(role)
        if start is not None and span is not None and text is not None:
            a, b = span[0] - start, span[1] - start
            if 0 <= a < b <= len(sentence) and text[span[0]:span[1]] == sentence[a:b]:
                out[role] = [a, b]
                continue
        word = words.get(role)
        if word:
            at = sentence.find(word)
            if at >= 0:
                out[role] = [at, at + len(word)]
    return out


def highlight(sentence: str, spans: dict[str, list[int]]) -> Markup:
    """The sentence as HTML: every piece escaped, the evidence spans wrapped in <mark>.

    Overlapping spans keep the earlier one; roles come from a fixed set, never from the text.
    """
    parts: list[str] = []
    at = 0
    for role, (a, b) in sorted(((r, s) for r, s in spans.items() if r in ROLES), key=lambda rs: rs[1][0]):
        if a < at or b > len(sentence) or a >= b:
            continue
        parts.append(escape(sentence[at:a]))
        parts.append(Markup('<mark class="ev ev-{0}" data-role="{0}" title="{0}">').format(role))
        parts.append(escape(sentence[a:b]))
        parts.append(Markup("</mark>"))
        at = b
    parts.append(escape(sentence[at:]))
    return Markup("").join(parts)


def _pair(a: Any, b: Any) -> tuple[int, int] | None:
    return (int(a), int(b)) if a is not None and b is not None else None


def event_detail(db: str | Path, event_id: str, limits: Limits) -> EventDetail | None:
    """The merged event `event_id` (or the merged event holding the mention `event_id`)."""
    found = select(db, """SELECT * FROM events WHERE merged_id = ?
                          OR merged_id = (SELECT merged_id FROM event_mentions WHERE event_id = ? LIMIT 1)
                          LIMIT 1""", [event_id, event_id], limits).rows
    if not found:
        return None
    event = found[0]
    rows = select(db, """
        SELECT m.*, a.title, a.url, a.outlet, a.published AS article_published, a.text AS article_text
        FROM event_mentions em JOIN mentions m USING (event_id) LEFT JOIN articles a USING (article_id)
        WHERE em.merged_id = ? ORDER BY m.event_id = ? DESC, a.published, m.event_id LIMIT ?""",
                  [event["merged_id"], event["best_event_id"], MAX_MENTIONS], limits).rows
    detail = EventDetail(event)
    seen: set[str] = set()
    for r in rows:
        spans = sentence_spans(
            r["article_text"], r["sentence"] or "",
            {"trigger": _pair(r["evidence_trigger_start"], r["evidence_trigger_end"]),
             "source": _pair(r["evidence_source_start"], r["evidence_source_end"]),
             "target": _pair(r["evidence_target_start"], r["evidence_target_end"])},
            {"trigger": r["evidence_trigger"], "source": r["source_text"], "target": r["target_text"]})
        detail.mentions.append(Mention(
            r["event_id"], r["article_id"], r["sentence"] or "", spans, r["evidence_trigger"],
            r["evidence_rule"], r["source_text"], r["target_text"], r["date"], r["status"], r["confidence"],
            r["title"], safe_url(r["url"]), r["outlet"], r["article_published"]))
        if r["article_id"] not in seen:
            seen.add(r["article_id"])
            detail.articles.append({"article_id": r["article_id"], "title": r["title"],
                                    "url": safe_url(r["url"]), "outlet": r["outlet"],
                                    "published": r["article_published"]})
    event["url"] = safe_url(event.get("url"))
    return detail


@dataclass
class Place:
    """A located place with its events (the most recent few listed)."""

    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    conflict: int
    latest: list[dict[str, Any]]


def locations(db: str | Path, limits: Limits, *, date_from: dt.date | None = None,
              date_to: dt.date | None = None, latest: int = 5) -> list[Place]:
    """Events with coordinates grouped by place, busiest first."""
    cond, params = where_clause(EventFilter(date_from=date_from, date_to=date_to))
    rows = select(db, f"""
        SELECT location_name AS name, location_country AS country, location_lat AS lat, location_lon AS lon,
               count(*) AS events, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               list({{'merged_id': merged_id, 'date': CAST({EVENT_DATE} AS VARCHAR),
                     'event_type': event_type, 'source': source_code, 'target': target_code}}
                    ORDER BY {EVENT_DATE} DESC)[1:{int(latest)}] AS latest
        FROM events WHERE {cond} AND location_lat IS NOT NULL AND location_lon IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, name""", params, limits).rows
    return [Place(r["name"], r["country"], float(r["lat"]), float(r["lon"]), int(r["events"]),
                  int(r["conflict"]), list(r["latest"])) for r in rows]
