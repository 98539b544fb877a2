"""Property-based tests: the readers never crash on any bytes or JSON (each item is an
Article or a Failure), dates resolve within sane bounds, and the merge rule does not depend
on order and is idempotent."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.ingest.reader import articles_from_bytes, articles_from_lines, read_path
from detente.merge import MergeItem, group_key, merge, merge_sorted
from detente.pipeline import Pipeline
from detente.records import Article, Failure
from detente.store.writer import Batch, StoreWriter
from detente.when import byline_date, parse_iso

KINDS = ("", "jsonl", "html", "feed", "xml", "warc")
# text with what JSON allows but storage does not like: unpaired surrogates, NUL, BOM
TEXT = st.lists(st.text(max_size=12) | st.sampled_from(["\ud800", "\udc00", "\x00", "\ufeff", " "]),
                max_size=6).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
FIELDS = st.sampled_from(["id", "text", "url", "title", "published", "outlet", "language"])
DOCUMENT = st.dictionaries(FIELDS, JSON | TEXT, max_size=7) | JSON


def _well_formed(item: Article | Failure) -> None:
    """An item a reader may yield: a typed Article with text, or a Failure with a reason."""
    if isinstance(item, Failure):
        assert item.document and item.reason.startswith("[E") and item.stage in ("read", "fetch")
        item.document.encode("utf-8")  # storable
        return
    assert isinstance(item, Article) and isinstance(item.id, str) and item.id
    assert isinstance(item.text, str) and item.text.strip()
    item.text.encode("utf-8")  # storable: no unpaired surrogates
    item.id.encode("utf-8")
    for name in ("url", "title", "outlet", "language", "published"):
        value = getattr(item, name)
        assert value is None or isinstance(value, str), (name, value)
        if value:
            value.encode("utf-8")
    assert item.published is None or parse_iso(item.published) is not None


@given(st.binary(max_size=2000), st.sampled_from(KINDS))
@settings(max_examples=150, deadline=None)
def test_any_bytes_give_articles_or_failures(data: bytes, kind: str) -> None:
    for item in articles_from_bytes(data, "doc", None, kind):
        _well_formed(item)


@given(st.lists(DOCUMENT, max_size=5), st.booleans())
@settings(max_examples=150, deadline=None)
def test_any_json_lines_give_articles_or_failures(objects: list[Any], break_one: bool) -> None:
    lines = [json.dumps(o).encode() for o in objects]
    if break_one and lines:
        lines[0] = lines[0][: len(lines[0]) // 2]
    items = list(articles_from_lines(lines, "doc.jsonl", None))
    assert len(items) == sum(1 for line in lines if line.strip())  # one item per non-blank line
    for item in items:
        _well_formed(item)


@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl", ".jsonl.gz", ".warc.gz", ".rss"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_file_gives_articles_or_failures(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    for item in read_path(str(path)):
        _well_formed(item)


@given(st.lists(st.dictionaries(FIELDS, TEXT, max_size=7), min_size=1, max_size=4))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_whatever_the_readers_yield_the_store_accepts(tmp_path: Path, objects: list[dict[str, Any]]) -> None:
    items = list(articles_from_lines([json.dumps(o).encode() for o in objects], "doc.jsonl", None))
    batch = Batch(coded=[(a, []) for a in items if isinstance(a, Article)],
                  failures=[(f, "doc.jsonl") for f in items if isinstance(f, Failure)])
    writer = StoreWriter(tmp_path / f"s{random.random()}.duckdb")
    run_id = writer.begin_run(["doc.jsonl"], {})
    done = writer.commit(run_id, batch)
    assert done.stored + sum(done.skipped.values()) + done.failed == len(items)


# --- dates -------------------------------------------------------------------------------

@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_a_publication_date_or_none(text: str) -> None:
    for found in (byline_date(text), parse_iso(text)):
        assert found is None or isinstance(found, dt.date)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _expressions(published: dt.date) -> st.SearchStrategy[str]:
    year = st.integers(published.year - 3, published.year + 3)
    return st.one_of(
        st.sampled_from(["yesterday", "today", "tomorrow", "last week", "next week", "this week",
                         "last month", "next month", "last year", "this year", "early yesterday",
                         "last night", "earlier this week", "later this month"]),
        st.builds("on {}".format, st.sampled_from(WEEKDAYS)),
        st.builds("last {}".format, st.sampled_from(WEEKDAYS)),
        st.builds("{} days ago".format, st.integers(1, 60)),
        st.builds("in {} weeks".format, st.integers(1, 8)),
        st.builds("on {} {}".format, st.sampled_from(MONTHS), st.integers(1, 31)),
        st.builds("on {} {} {}".format, st.integers(1, 31), st.sampled_from(MONTHS), year),
        st.builds("in {} {}".format, st.sampled_from(MONTHS), year),
        st.builds("in {}".format, year),
    )


@st.composite
def dated_sentences(draw: Callable[..., Any]) -> tuple[str, dt.date, str]:
    published = draw(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
    expr = draw(_expressions(published))
    verb = draw(st.sampled_from(["accused Japan of lying", "will meet Japan", "met Japanese envoys",
                                 "is scheduled to meet Japan", "threatened Japan"]))
    return f"North Korea {verb} {expr}.", published, expr


@given(dated_sentences())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_event_dates_stay_near_the_publication_date(pipeline: Pipeline,
                                                    case: tuple[str, dt.date, str]) -> None:
    text, published, _ = case
    for event in pipeline.code(text, published=published.isoformat()):
        if event.date is not None:
            day = dt.date.fromisoformat(event.date)
            assert abs((day - published).days) <= 4 * 366 + 31, (text, published, day)
            assert event.date_precision in ("day", "week", "month", "year")


@given(st.text(max_size=60), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_expression_and_publication_date_never_crash(pipeline: Pipeline, expr: str,
                                                         published: dt.date) -> None:
    for event in pipeline.code(f"North Korea accused Japan {expr}.", published=published.isoformat()):
        assert event.date is None or dt.date.fromisoformat(event.date)


# --- merging -----------------------------------------------------------------------------

@st.composite
def mentions(draw: Callable[..., Any]) -> list[MergeItem]:
    n = draw(st.integers(0, 20))
    base = dt.date(2018, 1, 1)
    out = []
    for i in range(n):
        has_date = draw(st.booleans())
        out.append(MergeItem(
            event_id=f"e{i}",
            article_id=draw(st.sampled_from(["a1", "a2", "a3", "a4", "a5"])),
            source_code=draw(st.sampled_from(["PRK", "KOR", None])),
            target_code=draw(st.sampled_from(["KOR", "USA", None])),
            event_type=draw(st.sampled_from(["CONSULT", "ACCUSE"])),
            cameo=draw(st.sampled_from(["036", "112"])),
            status=draw(st.sampled_from(["occurred", "planned"])),
            date=base + dt.timedelta(days=draw(st.integers(0, 6))) if has_date else None,
            date_precision=draw(st.sampled_from(["day", "day", "week", "month"])) if has_date else None,
            story_id=draw(st.sampled_from(["s1", "s2", None])),
            outlet=draw(st.sampled_from(["o1", "o2", None])),
            published=base + dt.timedelta(days=draw(st.integers(0, 6))) if draw(st.booleans()) else None,
            location_name=draw(st.sampled_from([None, None, "Panmunjom", "Seoul"])),
            confidence=draw(st.floats(0, 1)),
            sentence_index=draw(st.integers(0, 5)),
        ))
    return out


def _events(groups: list[list[MergeItem]]) -> set[frozenset[str]]:
    return {frozenset(m.event_id for m in g) for g in groups}


@given(mentions(), st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None)
def test_merging_does_not_depend_on_order(items: list[MergeItem], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert _events(merge(items)) == _events(merge(shuffled))


@given(mentions())
@settings(max_examples=100, deadline=None)
def test_merging_is_idempotent(items: list[MergeItem]) -> None:
    events = merge(items)
    assert sorted(m.event_id for g in events for m in g) == sorted(m.event_id for m in items)
    for group in events:
        assert len({m.article_id for m in group}) == len(group)  # one mention per article
        assert _events(merge(group)) == _events([group])  # a merged event stays one event
    assert _events(merge([m for g in events for m in g])) == _events(events)


@given(mentions())
@settings(max_examples=100, deadline=None)
def test_streamed_merge_agrees_with_merge(items: list[MergeItem]) -> None:
    ordered = sorted(items, key=lambda m: (group_key(m), m.sort_key))
    assert _events(list(merge_sorted(ordered))) == _events(merge(items))
