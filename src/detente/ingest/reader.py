"""Read input documents into Articles; a bad document becomes a Failure, never a crash.

Kinds: plain text, HTML (main text via trafilatura), JSONL objects with `id`, `text` and
optional `url`, `title`, `published`, `outlet`; `-` reads standard input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from detente.errors import Errors, InputError
from detente.records import Article, Failure, content_id
from detente.when import byline_date, parse_iso

MAX_BYTES = 20_000_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


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


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    origin: str | None = None,
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
        origin=origin,
        published_basis=basis,
    )


def article_from_html(html: str, origin: str, published: str | None = None) -> Article:
    """Main text and metadata of an HTML page (trafilatura), as an Article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError(Errors.E002)
    art = article_from_text(
        text,
        url=meta.get("url"),
        title=meta.get("title"),
        published=published or meta.get("date"),
        outlet=meta.get("sitename"),
        origin=origin,
    )
    if art.published and not published and meta.get("date"):
        art.published_basis = "html"
    return art


def articles_from_jsonl(text: str, origin: str, published: str | None) -> Iterator[Article | Failure]:
    """One Article per JSON line; a broken line is a Failure naming the line."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputError(Errors.E004.format(line=n, reason="not an object"))
            if not isinstance(obj.get("text"), str):
                raise InputError(Errors.E005)
            yield article_from_text(
                obj["text"],
                id=obj.get("id"),
                url=obj.get("url"),
                title=obj.get("title"),
                published=obj.get("published") or published,
                outlet=obj.get("outlet"),
                origin=where,
            )
        except json.JSONDecodeError as e:
            yield Failure(where, "read", Errors.E004.format(line=n, reason=e.msg))
        except InputError as e:
            name = obj.get("id") if isinstance(obj, dict) and obj.get("id") else where
            yield Failure(str(name), "read", str(e))


def read_path(path: str, published: str | None = None) -> Iterator[Article | Failure]:
    """Documents of one file (or stdin for '-')."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            suffix = ""
        else:
            p = Path(path)
            if not p.exists():
                raise InputError(Errors.E009)
            if p.stat().st_size > MAX_BYTES:
                raise InputError(Errors.E006.format(size=p.stat().st_size, limit=MAX_BYTES))
            data = p.read_bytes()
            suffix = p.suffix.lower()
        text = decode(data, path)
    except InputError as e:
        yield Failure(path, "read", str(e))
        return
    except OSError as e:
        yield Failure(path, "read", Errors.E001.format(reason=e.strerror or e))
        return
    try:
        if suffix in JSONL_SUFFIXES or (suffix == "" and text.lstrip().startswith("{")):
            yield from articles_from_jsonl(text, path, published)
        elif suffix in HTML_SUFFIXES or looks_like_html(text):
            yield article_from_html(text, path, published)
        else:
            yield article_from_text(text, published=published, origin=path)
    except InputError as e:
        yield Failure(path, "read", str(e))


def read_documents(paths: Iterable[str], published: str | None = None) -> Iterator[Article | Failure]:
    """Documents of many files, folders (recursive) or '-', in order."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            for child in sorted(c for c in p.rglob("*") if c.is_file() and not c.name.startswith(".")):
                yield from read_path(str(child), published)
        else:
            yield from read_path(path, published)
