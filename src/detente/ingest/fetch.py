"""Fetching documents over http(s) with httpx: timeouts, a size limit and a polite rate.

Only what the user names is fetched (URLs given to `detente ingest`, feeds given to
`detente watch` and, when asked, the pages their entries link to); nothing else is
ever downloaded.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from detente import __version__
from detente.errors import Errors, InputError
from detente.records import Article, Failure

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")


class FetchError(InputError):
    """A URL could not be fetched: network error, HTTP error status or too large."""


@dataclass(frozen=True)
class Fetched:
    """A fetched document: final URL, media type and body."""

    url: str
    content_type: str
    data: bytes


class Fetcher:
    """An http(s) client that waits `min_interval` seconds between requests to one host."""

    def __init__(self, timeout: float = 10.0, max_bytes: int = 5_000_000, min_interval: float = 1.0,
                 user_agent: str = f"detente/{__version__} (news event coding)") -> None:
        self.max_bytes = max_bytes
        self.min_interval = min_interval
        self._last: dict[str, float] = {}
        self._client = httpx.Client(timeout=timeout, follow_redirects=True,
                                    headers={"User-Agent": user_agent})

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.min_interval - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def fetch(self, url: str) -> Fetched:
        """The body of `url`, or a FetchError saying why not."""
        self._wait_turn(urlsplit(url).netloc)
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise FetchError(Errors.E401.format(url=url, reason=f"HTTP {response.status_code}"))
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(Errors.E402.format(url=url, limit=self.max_bytes))
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(Errors.E402.format(url=url, limit=self.max_bytes))
                    chunks.append(chunk)
                ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                return Fetched(str(response.url), ctype, b"".join(chunks))
        except httpx.HTTPError as e:
            reason = type(e).__name__ + (f": {e}" if str(e) else "")
            raise FetchError(Errors.E401.format(url=url, reason=reason)) from None

    def close(self) -> None:
        self._client.close()


def _follow(article: Article, fetcher: Fetcher) -> Article | Failure:
    """The page a feed entry links to, keeping the entry's id, title and date when the page lacks them."""
    from detente.ingest.reader import article_from_html, decode

    assert article.url is not None
    try:
        got = fetcher.fetch(article.url)
        page = article_from_html(decode(got.data, got.url), article.url, article.published, url=article.url)
    except InputError as e:
        return Failure(article.id, "fetch", str(e))
    page.id = article.id
    page.title = page.title or article.title
    page.outlet = page.outlet or article.outlet
    return page


def articles_from_url(url: str, fetcher: Fetcher, published: str | None = None,
                      follow_links: bool = False) -> Iterator[Article | Failure]:
    """Documents at a URL: a page, a text, a JSONL file or a feed (entries, or the pages they link)."""
    from detente.ingest.feed import articles_from_feed
    from detente.ingest.reader import (
        article_from_html,
        article_from_text,
        articles_from_bytes,
        decode,
        looks_like_feed,
    )

    try:
        got = fetcher.fetch(url)
        head = got.data[:1000].decode("utf-8", "replace")
        if got.content_type in FEED_TYPES or looks_like_feed(head):
            for item in articles_from_feed(got.data, url):
                if follow_links and isinstance(item, Article) and item.url:
                    yield _follow(item, fetcher)
                else:
                    yield item
        elif got.content_type in JSONL_TYPES:
            yield from articles_from_bytes(got.data, url, published, "jsonl")
        elif got.content_type == "text/plain":
            yield article_from_text(decode(got.data, url), url=url, published=published, origin=url)
        else:
            yield article_from_html(decode(got.data, url), url, published, url=got.url)
    except FetchError as e:
        yield Failure(url, "fetch", str(e))
    except InputError as e:
        yield Failure(url, "read", str(e))
