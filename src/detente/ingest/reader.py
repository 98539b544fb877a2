"""Read input documents into Articles; a bad document becomes a Failure, never a crash.

Kinds: plain text, HTML (main text and metadata via trafilatura), JSONL objects with `id`,
`text` and optional `url`, `title`, `published`, `outlet`, `language` (also gzipped, read
line by line), WARC files (warc.py), RSS/Atom feeds (feed.py) and http(s) URLs (fetch.py).
Sources may be files, folders (read recursively), glob patterns or `-` for standard input.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from detente.errors import Errors, InputError
from detente.records import Article, Failure, content_id
from detente.when import byline_date, parse_iso

if TYPE_CHECKING:
    from detente.ingest.fetch import Fetcher

MAX_BYTES = 20_000_000  # one document (a file, a JSONL line, a WARC record, a fetched page)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)

Item = Article | Failure


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, or an InputError saying why not."""
    if len(data) > MAX_BYTES:
        raise InputError(Errors.E006.format(size=len(data), limit=MAX_BYTES))
    if b"\x00" in data[:4096]:
        raise InputError(Errors.E007)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(Errors.E003.format(pos=e.start)) from None
    if not text.strip():
        raise InputError(Errors.E002)
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def looks_like_feed(head: str) -> bool:
    """RSS or Atom by its first element (after an XML declaration)."""
    start = head.lstrip()[:1000].lower()
    return start.startswith(("<?xml", "<rss", "<feed", "<rdf")) and (
        "<rss" in start or "<feed" in start or "<rdf:rdf" in start)


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    origin: str | None = None,
    language: str | None = None,
) -> Article:
    """An Article from text and metadata; id from the given id, URL or content hash."""
    if not text or not text.strip():
        raise InputError(Errors.E002)
    pub = parse_iso(published)
    basis = "metadata" if pub else None
    if pub is None:
        pub = byline_date(text)
        basis = "byline" if pub else None
    return Article(
        id=str(id) if id not in (None, "") else (url or content_id(text)),
        text=text,
        url=url,
        title=title,
        published=pub.isoformat() if pub else None,
        outlet=outlet,
        language=language,
        origin=origin,
        published_basis=basis,
    )


def article_from_html(html: str, origin: str, published: str | None = None,
                      url: str | None = None) -> Article:
    """Main text and metadata (title, date, site, URL, declared language) of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError(Errors.E002)
    lang = _HTML_LANG.search(html[:5000])
    art = article_from_text(
        text,
        url=meta.get("url") or url,
        title=meta.get("title"),
        published=published or meta.get("date"),
        outlet=meta.get("sitename") or meta.get("hostname"),
        origin=origin,
        language=meta.get("language") or (lang.group(1).lower() if lang else None),
    )
    if art.published and not published and meta.get("date"):
        art.published_basis = "html"
    return art


def article_from_json(obj: Any, where: str, published: str | None) -> Article:
    """An Article from one JSON object (a JSONL line)."""
    if not isinstance(obj, dict):
        raise InputError(Errors.E004.format(line=where.rsplit(":", 1)[-1], reason="not an object"))
    if not isinstance(obj.get("text"), str):
        raise InputError(Errors.E005)
    return article_from_text(
        obj["text"],
        id=obj.get("id"),
        url=obj.get("url"),
        title=obj.get("title"),
        published=obj.get("published") or published,
        outlet=obj.get("outlet"),
        origin=where,
        language=obj.get("language"),
    )


def articles_from_lines(lines: Iterable[bytes], origin: str, published: str | None) -> Iterator[Item]:
    """One Article per JSON line, read as a stream; a broken line is a Failure naming the line."""
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        obj: Any = None
        try:
            if len(raw) > MAX_BYTES:
                raise InputError(Errors.E006.format(size=len(raw), limit=MAX_BYTES))
            line = raw.decode("utf-8-sig")
            if not line.strip():
                continue
            obj = json.loads(line)
            yield article_from_json(obj, where, published)
        except UnicodeDecodeError as e:
            yield Failure(where, "read", Errors.E003.format(pos=e.start))
        except json.JSONDecodeError as e:
            yield Failure(where, "read", Errors.E004.format(line=n, reason=e.msg))
        except InputError as e:
            name = obj.get("id") if isinstance(obj, dict) and obj.get("id") else where
            yield Failure(str(name), "read", str(e))


def articles_from_jsonl(text: str, origin: str, published: str | None) -> Iterator[Item]:
    """One Article per JSON line of an in-memory text."""
    yield from articles_from_lines((line.encode("utf-8") for line in text.splitlines()), origin, published)


def articles_from_bytes(data: bytes, origin: str, published: str | None, kind: str = "") -> Iterator[Item]:
    """Documents of one in-memory file: JSONL, feed, HTML or plain text, by `kind` or by content."""
    if kind == "warc":
        from detente.ingest.warc import articles_from_warc

        yield from articles_from_warc(io.BytesIO(data), origin, published)
        return
    try:
        text = decode(data, origin)
        if kind == "jsonl" or (kind == "" and text.lstrip().startswith("{")):
            yield from articles_from_jsonl(text, origin, published)
        elif kind == "feed" or (kind in ("", "xml") and looks_like_feed(text)):
            from detente.ingest.feed import articles_from_feed

            yield from articles_from_feed(data, origin)
        elif kind == "html" or looks_like_html(text):
            yield article_from_html(text, origin, published)
        else:
            yield article_from_text(text, published=published, origin=origin)
    except InputError as e:
        yield Failure(origin, "read", str(e))


def kind_of(path: str) -> str:
    """The source kind a file name says: jsonl, warc, html, feed, xml or '' (by content)."""
    name = path.lower()
    for suffix in (".gz", ".bz2"):
        name = name.removesuffix(suffix)
    ext = Path(name).suffix
    if ext in JSONL_SUFFIXES:
        return "jsonl"
    if ext in WARC_SUFFIXES:
        return "warc"
    if ext in HTML_SUFFIXES:
        return "html"
    if ext in (".rss", ".atom"):
        return "feed"
    return "xml" if ext == ".xml" else ""


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _read_limited(f: IO[bytes]) -> bytes:
    data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(Errors.E006.format(size=f"over {MAX_BYTES}", limit=MAX_BYTES))
    return data


def read_path(path: str, published: str | None = None) -> Iterator[Item]:
    """Documents of one file (or stdin for '-'); JSONL and WARC are streamed."""
    kind = kind_of(path)
    try:
        if path == "-":
            stream = sys.stdin.buffer
            first = stream.peek(1)[:1] if hasattr(stream, "peek") else b""
            if first == b"{":
                yield from articles_from_lines(stream, "-", published)
                return
            data = _read_limited(stream)
            yield from articles_from_bytes(data, "-", published)
            return
        if not Path(path).exists():
            raise InputError(Errors.E009)
        if kind == "warc":
            from detente.ingest.warc import read_warc

            yield from read_warc(path, published)
            return
        with _open(path) as f:
            if kind == "jsonl":
                yield from articles_from_lines(f, path, published)
                return
            data = _read_limited(f)
        yield from articles_from_bytes(data, path, published, kind)
    except InputError as e:
        yield Failure(path, "read", str(e))
    except (OSError, EOFError) as e:
        yield Failure(path, "read", Errors.E001.format(reason=getattr(e, "strerror", None) or e))


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Every file a list of sources names: folders recursively, globs expanded, in order."""
    for source in sources:
        if source == "-" or source.startswith(("http://", "https://")):
            yield source
            continue
        p = Path(source)
        if p.is_dir():
            yield from (str(c) for c in sorted(p.rglob("*")) if c.is_file() and not c.name.startswith("."))
        elif not p.exists() and GLOB_CHARS.search(source):
            matches = sorted(glob.glob(source, recursive=True))
            yield from expand_sources(matches) if matches else [source]
        else:
            yield source


def read_documents(paths: Iterable[str], published: str | None = None,
                   fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Documents of many sources, in order; URLs are fetched with `fetcher` (fetch.Fetcher)."""
    for path in expand_sources(paths):
        if path.startswith(("http://", "https://")):
            from detente.ingest.fetch import Fetcher, articles_from_url

            fetcher = fetcher or Fetcher()
            yield from articles_from_url(path, fetcher, published)
        else:
            yield from read_path(path, published)


def count_documents(sources: Iterable[str]) -> int | None:
    """How many documents the sources hold, when that is cheap to know (for a progress ETA).

    Plain JSONL files are counted by their lines; text and HTML files are one document
    each; anything else (gzip, WARC, feeds, URLs, stdin) makes the count unknown (None).
    """
    total = 0
    for path in expand_sources(sources):
        kind = kind_of(path)
        if path == "-" or path.startswith(("http://", "https://")) or path.lower().endswith(".gz") \
                or kind in ("warc", "feed", "xml"):
            return None
        if kind == "jsonl":
            try:
                with open(path, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
