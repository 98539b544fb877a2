"""Fuzzing the HTML and WARC readers: generated pages and archives, then broken at random
(unclosed tags, truncation, flipped bytes). Bounded for CI; set DETENTE_FUZZ_EXAMPLES for a
longer run."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from detente.ingest.reader import articles_from_bytes
from detente.ingest.warc import articles_from_warc
from detente.records import Article, Failure

EXAMPLES = int(os.environ.get("DETENTE_FUZZ_EXAMPLES", "50"))
SCRIPT_BODY = "stealCookies"
TAGS = ["div", "p", "span", "article", "section", "table", "tr", "td", "ul", "li", "a", "b", "h1",
        "script", "style", "iframe", "svg", "noscript", "form", "blink", "x-widget"]
ATTRS = ["class", "id", "href", "src", "onload", "onclick", "onerror", "style", "lang"]
ATTR_VALUES = ["main", "javascript:alert(1)", "x\" onmouseover=\"alert(1)", "<script>", "'", "&amp;", ""]
WORDS = ["Japan", "accused", "North", "Korea", "of", "firing", "missiles", ".", "&lt;", "&#0;", "&bogus;",
         "é", "\u202e", "\ufffd", "Talks", "resumed", "on", "Monday"]


@st.composite
def elements(draw: Callable[..., Any], depth: int = 0) -> str:
    """An HTML element with attributes and children, sometimes left unclosed."""
    tag = draw(st.sampled_from(TAGS))
    attrs = "".join(f' {name}="{value}"' for name, value in draw(st.lists(
        st.tuples(st.sampled_from(ATTRS), st.sampled_from(ATTR_VALUES)), max_size=3)))
    if tag == "script":
        return f"<script{attrs}>{SCRIPT_BODY}('x')</script>"
    text = st.builds(" ".join, st.lists(st.sampled_from(WORDS), max_size=25))
    raw_text = tag in ("iframe", "noscript", "style")  # their content is text, not elements
    children = draw(st.lists(text | (elements(depth + 1) if depth < 5 and not raw_text else text),
                             max_size=4))
    # an unclosed iframe or noscript turns the rest of the page into its raw text (as in a
    # browser), so those are always closed; output escaping guards against what remains
    close = f"</{tag}>" if raw_text or draw(st.integers(0, 9)) else ""
    return f"<{tag}{attrs}>{''.join(children)}{close}"


@st.composite
def pages(draw: Callable[..., Any]) -> bytes:
    """A page, perhaps cut short or deeply nested."""
    body = "".join(draw(st.lists(elements(), min_size=1, max_size=4)))
    nest = draw(st.sampled_from([0, 0, 0, 300]))
    page = (f"<!DOCTYPE html><html lang='en'><head><title>{draw(st.sampled_from(WORDS))}</title></head>"
            f"<body>{'<div>' * nest}{body}</body></html>").encode()
    if draw(st.booleans()):
        page = page[: draw(st.integers(0, len(page)))]
    return page


def _check(items: list[Article | Failure]) -> None:
    for item in items:
        if isinstance(item, Failure):
            assert item.document and item.reason.startswith("[E"), item
        else:
            assert isinstance(item, Article) and item.text.strip()
            assert SCRIPT_BODY not in item.text  # script content never becomes article text


@given(pages())
@settings(max_examples=EXAMPLES, deadline=None)
def test_html_reader_survives_generated_pages(page: bytes) -> None:
    _check(list(articles_from_bytes(page, "page.html", None, "html")))


def _warc(bodies: list[tuple[str, int, bytes]], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for n, (ctype, status, body) in enumerate(bodies):
        http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                 "WARC-Date": "2018-01-06T00:00:00Z"}  # the same bytes every time hypothesis asks
        writer.write_record(writer.create_warc_record(f"https://fuzz.example/{n}", "response",
                                                      payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict=fixed))
    return out.getvalue()


@st.composite
def archives(draw: Callable[..., Any]) -> bytes:
    """A WARC of a few records, then truncated, with bytes flipped or garbage spliced in."""
    bodies = draw(st.lists(st.tuples(
        st.sampled_from(["text/html", "text/plain", "application/pdf", "text/html; charset=latin-1", ""]),
        st.sampled_from([200, 200, 404, 301]),
        pages() | st.binary(max_size=300)), max_size=4))
    data = bytearray(_warc(bodies, draw(st.booleans())))
    how = draw(st.sampled_from(["whole", "truncate", "flip", "splice"]))
    if how == "truncate" and data:
        del data[draw(st.integers(0, len(data) - 1)):]
    elif how == "flip" and data:
        for i in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=8)):
            data[i] ^= draw(st.integers(1, 255))
    elif how == "splice":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


@given(archives())
@example(b"WARC/1.0\r\nWARC-Type: response")  # warcio raised AttributeError on this
@example(_warc([("text/plain", 200, b"<!DOCTYPE html><html><body><script>" + SCRIPT_BODY.encode()
                 + b"()</script><p>Japan accused Korea.</p></body></html>")], False))  # a mislabelled page
@settings(max_examples=EXAMPLES, deadline=None)
def test_warc_reader_survives_broken_archives(data: bytes) -> None:
    _check(list(articles_from_warc(io.BytesIO(data), "crawl.warc")))
