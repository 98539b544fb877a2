"""RSS and Atom feeds (files or fetched): one Article per entry, from its content or summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from html.parser import HTMLParser

import feedparser

from detente.errors import Errors, InputError
from detente.records import Article, Failure


class _TextOf(HTMLParser):
    """Collects the text of an HTML fragment, with paragraph breaks at block elements."""

    BLOCKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def strip_tags(fragment: str) -> str:
    """The text of an HTML fragment (feed summaries are often HTML)."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def articles_from_feed(data: bytes, origin: str) -> Iterator[Article | Failure]:
    """Articles of a feed's entries; a feed that cannot be parsed is one Failure."""
    from detente.ingest.reader import article_from_text

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no entries"
        yield Failure(origin, "read", Errors.E404.format(reason=reason))
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        body = ""
        if entry.get("content"):
            body = strip_tags(" ".join(c.get("value", "") for c in entry.content))
        if not body and entry.get("summary"):
            body = strip_tags(entry.summary)
        title = strip_tags(entry.get("title", "")) or None
        try:
            yield article_from_text(
                body or (title or ""),
                id=entry.get("id") or None,
                url=entry.get("link") or None,
                title=title,
                published=_entry_date(entry),
                outlet=outlet,
                origin=where,
                language=parsed.feed.get("language"),
            )
        except InputError as e:
            yield Failure(entry.get("id") or entry.get("link") or where, "read", str(e))
