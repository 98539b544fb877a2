"""WARC (and gzipped WARC) files from a crawl: one Article per HTML or text response record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from detente.errors import Errors, InputError
from detente.records import Article, Failure

MAX_RECORD_BYTES = 20_000_000
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").split(";")[0].strip().lower()


def articles_from_warc(stream: IO[bytes], origin: str, published: str | None = None
                       ) -> Iterator[Article | Failure]:
    """Articles of the response and resource records of a WARC stream; others are passed over."""
    from detente.ingest.reader import article_from_html, article_from_text, decode

    head = stream.read(5)
    if head[:2] != b"\x1f\x8b" and not head.startswith(b"WARC/"):
        yield Failure(origin, "read", Errors.E403.format(reason="no WARC header"))
        return
    stream.seek(0)
    try:
        records = ArchiveIterator(stream)
        for n, record in enumerate(records, 1):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}@{n}"  # the record's position (asking warcio its offset spoils the read)
            ctype = _content_type(record)
            if ctype not in TEXT_TYPES:
                continue
            if record.http_headers is not None and record.http_headers.get_statuscode() not in (None, "200"):
                continue
            try:
                data = record.content_stream().read(MAX_RECORD_BYTES + 1)
                text = decode(data, where)
                if ctype == "text/plain":
                    yield article_from_text(text, url=url, published=published, origin=where)
                else:
                    yield article_from_html(text, where, published, url=url)
            except InputError as e:
                yield Failure(url or where, "read", str(e))
    except ArchiveLoadFailed as e:
        yield Failure(origin, "read", Errors.E403.format(reason=e))


def read_warc(path: str, published: str | None = None) -> Iterator[Article | Failure]:
    """Articles of a WARC file on disk (gzipped or not), streamed record by record."""
    with open(path, "rb") as f:
        yield from articles_from_warc(f, path, published)
