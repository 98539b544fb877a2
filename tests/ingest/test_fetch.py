"""Fetching and watching, against a server on 127.0.0.1 only: limits, rate, feeds, new items."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from detente.ingest.fetch import Fetcher, FetchError, articles_from_url
from detente.records import Article, Failure
from detente.runner import run, watch

STORY = "Japan accused North Korea of provocations on Thursday, the foreign ministry said in Tokyo."
PAGE = ("<html lang='en'><head><title>{title}</title></head><body><article><p>{story}</p>"
        "<p>Officials promised a firm answer and said the ministry would brief reporters.</p>"
        "</article></body></html>")


def feed(base: str, n: int) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/page/{i}</link><guid>{base}/page/{i}</guid>"
        f"<pubDate>Fri, 0{5 + i} Jan 2018 09:00:00 GMT</pubDate><description>Summary {i}: {STORY}"
        "</description></item>" for i in range(n))
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Local Wire</title>{items}"
            "</channel></rss>")


class Site:
    """What the local server serves: path -> (content type, body); mutable between polls."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.hits: list[tuple[str, float]] = []
        self.base = ""


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append((self.path, time.monotonic()))
            if self.path == "/slow":
                time.sleep(1.0)
            if self.path not in state.pages:
                self.send_response(404)
                self.end_headers()
                return
            ctype, body = state.pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for i in range(5):
        body = PAGE.format(title=f"Page {i}", story=f"{STORY} Item {i}.").encode()
        state.pages[f"/page/{i}"] = ("text/html", body)
    yield state
    server.shutdown()
    server.server_close()


def test_fetch_page_limits_and_errors(site: Site) -> None:
    site.pages["/big"] = ("text/html", b"<html>" + b"x" * 5000 + b"</html>")
    site.pages["/slow"] = ("text/html", b"<html></html>")
    fetcher = Fetcher(timeout=0.3, max_bytes=2000, min_interval=0)
    (page,) = articles_from_url(site.base + "/page/1", fetcher)
    assert isinstance(page, Article) and STORY in page.text and page.title == "Page 1"
    assert page.url == site.base + "/page/1"
    for path, code in (("/big", "E402"), ("/missing", "HTTP 404"), ("/slow", "Timeout")):
        (failure,) = articles_from_url(site.base + path, fetcher)
        assert isinstance(failure, Failure) and failure.stage == "fetch" and code in failure.reason, failure
    with pytest.raises(FetchError):
        fetcher.fetch(site.base + "/missing")


def test_polite_rate_per_host(site: Site) -> None:
    fetcher = Fetcher(min_interval=0.3)
    started = time.monotonic()
    for i in range(3):
        fetcher.fetch(f"{site.base}/page/{i}")
    assert time.monotonic() - started >= 0.6  # two waits between three requests to one host
    assert len(site.hits) == 3


def test_feed_entries_or_the_pages_they_link(site: Site) -> None:
    site.pages["/feed"] = ("application/rss+xml", feed(site.base, 2).encode())
    fetcher = Fetcher(min_interval=0)
    summaries = list(articles_from_url(site.base + "/feed", fetcher))
    assert [a.id for a in summaries if isinstance(a, Article)] == [f"{site.base}/page/{i}" for i in range(2)]
    assert all(isinstance(a, Article) and a.text.startswith("Summary") for a in summaries)
    pages = list(articles_from_url(site.base + "/feed", fetcher, follow_links=True))
    assert all(isinstance(a, Article) and a.title and a.title.startswith("Page") for a in pages)
    assert [a.id for a in pages if isinstance(a, Article)] == [f"{site.base}/page/{i}" for i in range(2)]


def test_ingest_a_url(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    summary = run([site.base + "/page/3", site.base + "/missing"], db)
    assert (summary.read, summary.stored, summary.failed) == (2, 1, 1) and summary.reconciled


def test_watch_ingests_only_what_is_new(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    site.pages["/feed"] = ("application/rss+xml", feed(site.base, 1).encode())
    polls: list[int] = []

    def next_poll(seconds: float) -> None:  # instead of sleeping: the feed gains two items
        assert seconds == 900
        site.pages["/feed"] = ("application/rss+xml", feed(site.base, 3).encode())

    summaries = watch([site.base + "/feed"], db, 900, polls=2, sleep=next_poll,
                      on_poll=lambda s: polls.append(s.stored), fetcher=Fetcher(min_interval=0))
    assert polls == [1, 2]
    assert summaries[1].skipped == {"already stored": 1} and all(s.reconciled for s in summaries)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (3, 3)
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (2,)
