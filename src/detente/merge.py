"""One event however many outlets report it: merging event records (mentions) across articles.

The rule. Two mentions are the same event when
  1. they agree on source actor code, target actor code, PLOVER type, CAMEO code and
     status (a planned meeting is not the meeting; a denial is not the act);
  2. their dates agree: day-precision dates at most `window_days` apart (default 1, for
     "yesterday" read against different publication dates); coarser dates (week, month,
     year) only with the same precision and the same period; an undated mention uses its
     article's publication date, and one with neither merges only within its own story;
  3. their locations do not conflict (both named and different means different events);
  4. they name at least one actor: records with neither source nor target code say too
     little to be matched across stories, so they merge only with reprints of their story;
  5. they come from different articles: two records in one article are two events, since
     an author who reports the same event twice writes it once (reprints of a story are
     different articles, so the same record in a wire story and its reprints merges).
Mentions are taken in a fixed order (date, publication date, article, sentence, id); each
joins the first open event of its group whose anchor (first) date is within the window
and that satisfies 3 and 5, else starts a new event. The result does not depend on the
order documents were ingested in, so the in-process and Dask runs agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from detente.records import content_id

WINDOW_DAYS = 1
GroupKey = tuple[Any, ...]


@dataclass(frozen=True)
class MergeItem:
    """What merging needs to know of one mention (and of its article)."""

    event_id: str
    article_id: str
    source_code: str | None
    target_code: str | None
    event_type: str
    cameo: str
    status: str
    date: dt.date | None = None
    date_precision: str | None = None
    story_id: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    location_name: str | None = None
    location_geonames_id: int | None = None
    confidence: float = 0.0
    sentence_index: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MergeItem:
        """From a mentions row joined with its article's `outlet` and `published`."""
        return cls(**{k: row.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]

    @property
    def when(self) -> dt.date | None:
        """The date merging compares: the event's own, else its article's publication date."""
        return self.date if self.date is not None else self.published

    @property
    def precision(self) -> str:
        return (self.date_precision or "day") if self.date is not None else "day"

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.when or dt.date.min, self.published or dt.date.min, self.article_id,
                self.sentence_index, self.event_id)


def group_key(m: MergeItem) -> GroupKey:
    """Mentions that can merge share this key (rule 1, and rule 2 for coarse or missing dates)."""
    base: GroupKey = (m.source_code or "", m.target_code or "", m.event_type, m.cameo, m.status)
    if not m.source_code and not m.target_code:
        base = (*base, "no actors", m.story_id or m.article_id)
    if m.when is None:
        return (*base, "undated", m.story_id or m.article_id)
    if m.precision != "day":
        return (*base, m.precision, m.when.isoformat())
    return (*base, "day", "")


@dataclass
class Cluster:
    """An event being assembled: its mentions, the articles they come from, its place."""

    anchor: dt.date | None
    members: list[MergeItem] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    location: tuple[str | None, int | None] | None = None

    def accepts(self, m: MergeItem, window_days: int) -> bool:
        if m.article_id in self.articles:
            return False
        if self.anchor is not None and m.when is not None and m.precision == "day" and (
                abs((m.when - self.anchor).days) > window_days):
            return False
        place = (m.location_name, m.location_geonames_id)
        if self.location is not None and m.location_name is not None:
            same_id = place[1] is not None and place[1] == self.location[1]
            if not same_id and (place[0] or "").casefold() != (self.location[0] or "").casefold():
                return False
        return True

    def add(self, m: MergeItem) -> None:
        self.members.append(m)
        self.articles.add(m.article_id)
        if self.location is None and m.location_name is not None:
            self.location = (m.location_name, m.location_geonames_id)


def cluster_group(items: Iterable[MergeItem], window_days: int = WINDOW_DAYS) -> list[list[MergeItem]]:
    """Events of one group (mentions sharing a group key): greedy, in the fixed order."""
    done: list[Cluster] = []
    open_: list[Cluster] = []
    for m in sorted(items, key=lambda i: i.sort_key):
        if m.when is not None and m.precision == "day":  # close events whose window has passed
            expired = [c for c in open_ if c.anchor is not None and (m.when - c.anchor).days > window_days]
            done.extend(expired)
            open_ = [c for c in open_ if all(c is not e for e in expired)]
        target = next((c for c in open_ if c.accepts(m, window_days)), None)
        if target is None:
            target = Cluster(anchor=m.when)
            open_.append(target)
        target.add(m)
    return [c.members for c in sorted(done + open_, key=lambda c: c.members[0].sort_key)]


def merge(items: Iterable[MergeItem], window_days: int = WINDOW_DAYS) -> list[list[MergeItem]]:
    """All events of a set of mentions, each as the list of its mentions."""
    out: list[list[MergeItem]] = []
    for _, group in groupby(sorted(items, key=lambda m: (group_key(m), m.sort_key)), key=group_key):
        out.extend(cluster_group(group, window_days))
    return out


def merge_sorted(items: Iterable[MergeItem], window_days: int = WINDOW_DAYS) -> Iterator[list[MergeItem]]:
    """Like `merge`, for a stream already ordered by group key (a store query): bounded memory."""
    for _, group in groupby(items, key=group_key):
        yield from cluster_group(group, window_days)


def best_mention(members: list[MergeItem]) -> MergeItem:
    """The evidence shown for an event: most confident, then earliest published, earliest sentence."""
    return min(members, key=lambda m: (-m.confidence, m.published or dt.date.max,
                                       m.sentence_index, m.event_id))


def merged_id(members: list[MergeItem]) -> str:
    """A stable id for an event: a hash of its first mention in the fixed order."""
    return content_id("event", min(members, key=lambda m: m.sort_key).event_id)


@dataclass(frozen=True)
class Counts:
    """GDELT-style counts of an event: mentions, articles, sources (outlets), stories, dates seen."""

    num_mentions: int
    num_articles: int
    num_sources: int
    num_stories: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    date: dt.date | None


def counts(members: list[MergeItem]) -> Counts:
    """Counts of one event; reprints of one story count once in `num_stories`."""
    seen: list[dt.date] = [m.published for m in members if m.published is not None]
    dates = Counter(m.date for m in members if m.date is not None)
    top = max(dates.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0] if dates else None
    return Counts(
        num_mentions=len(members),
        num_articles=len({m.article_id for m in members}),
        num_sources=len({m.outlet or m.article_id for m in members}),
        num_stories=len({m.story_id or m.article_id for m in members}),
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        date=top,
    )
