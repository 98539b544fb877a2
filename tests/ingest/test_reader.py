"""Reading every source kind: text, HTML, JSONL(.gz), WARC(.gz), RSS/Atom, folders, globs, stdin."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.ingest import expand_sources, read_documents
from detente.ingest.reader import count_documents
from detente.records import Article, Failure

ROOT = Path(__file__).resolve().parents[2]
STORY = "Japan accused North Korea of provocations on Thursday, the foreign ministry said in Tokyo."
PAGE = f"""<!doctype html><html lang="en"><head><title>Tokyo accuses Pyongyang</title>
<meta property="og:url" content="https://news.example.org/2018/01/05/tokyo">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2018-01-05"></head>
<body><nav>Home | World | Sport</nav><article><h1>Tokyo accuses Pyongyang</h1>
<p>{STORY}</p><p>The ministry said the launch broke several resolutions and promised a firm answer.</p>
</article><footer>Copyright Example News</footer></body></html>"""
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<link>https://wire.example.org/</link><language>en-gb</language>
<item><title>Tokyo accuses Pyongyang</title><link>https://wire.example.org/a1</link>
<guid>wire-a1</guid><pubDate>Fri, 05 Jan 2018 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Seoul offers talks</title><link>https://wire.example.org/a2</link>
<pubDate>Sat, 06 Jan 2018 09:00:00 GMT</pubDate>
<description>South Korea offered talks to North Korea on Saturday.</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Atom</title><id>urn:example:feed</id><updated>2018-01-06T00:00:00Z</updated>
<entry><title>Tokyo accuses Pyongyang</title><id>urn:example:1</id>
<link href="https://atom.example.org/1"/><updated>2018-01-05T10:00:00Z</updated>
<content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""


def read(*sources: str) -> list[Article | Failure]:
    return list(read_documents(list(sources)))


def articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("6 January 2018\n\n" + STORY)
    (a,) = read(str(tmp_path / "a.txt"))
    assert isinstance(a, Article) and STORY in a.text and a.published == "2018-01-06"
    assert a.origin == str(tmp_path / "a.txt") and len(a.id) == 16


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(PAGE)
    (a,) = read(str(tmp_path / "p.html"))
    assert isinstance(a, Article)
    assert STORY in a.text and "Copyright" not in a.text and "Sport" not in a.text
    assert a.title == "Tokyo accuses Pyongyang" and a.published == "2018-01-05"
    assert a.published_basis == "html" and a.outlet == "Example News"
    assert a.url == "https://news.example.org/2018/01/05/tokyo" and a.id == a.url
    assert a.language == "en"


def test_jsonl_and_gzipped_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": STORY, "published": "2018-01-06", "outlet": "W",
                         "language": "en"}) for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:2]) + "\n\n{oops\n")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(lines[2] + "\n")
    items = read(str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl.gz"))
    assert [a.id for a in articles(items)] == ["d0", "d1", "d2"]
    (bad,) = [i for i in items if isinstance(i, Failure)]
    assert bad.document == f"{tmp_path / 'a.jsonl'}:4" and "E004" in bad.reason
    assert articles(items)[2].origin == f"{tmp_path / 'b.jsonl.gz'}:1"


def _warc(path: Path, gz: bool) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for n, (uri, ctype, body) in enumerate([
            ("https://news.example.org/tokyo", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG...."),
            ("https://news.example.org/plain", "text/plain", STORY.encode()),
        ]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            if n == 0:
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET /")))


def test_warc_and_gzipped_warc(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc", gz=False)
    _warc(tmp_path / "crawl.warc.gz", gz=True)
    for name in ("crawl.warc", "crawl.warc.gz"):
        items = read(str(tmp_path / name))
        assert all(isinstance(i, Article) for i in items), items
        html, plain = items
        assert isinstance(html, Article) and isinstance(plain, Article)
        assert STORY in html.text and html.title == "Tokyo accuses Pyongyang"
        assert plain.url == plain.id == "https://news.example.org/plain" and plain.text == STORY
        assert html.origin is not None and html.origin.startswith(str(tmp_path / name) + "@")


def test_not_a_warc_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "x.warc").write_bytes(b"this is not a web archive at all\r\n\r\n")
    (item,) = read(str(tmp_path / "x.warc"))
    assert isinstance(item, Failure) and "E403" in item.reason


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "feed.xml").write_text(ATOM)
    rss = articles(read(str(tmp_path / "wire.rss")))
    assert [(a.id, a.published, a.outlet) for a in rss] == [
        ("wire-a1", "2018-01-05", "Example Wire"),
        ("https://wire.example.org/a2", "2018-01-06", "Example Wire")]
    assert rss[0].text == STORY and rss[0].title == "Tokyo accuses Pyongyang" and rss[0].language == "en-gb"
    (atom,) = articles(read(str(tmp_path / "feed.xml")))
    assert atom.id == "urn:example:1" and atom.url == "https://atom.example.org/1" and atom.text == STORY


def test_folders_recursive_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "a.txt").write_text(STORY)
    (tmp_path / "x" / "y" / "b.txt").write_text(STORY + " Again.")
    (tmp_path / "x" / ".hidden").write_text("ignored")
    assert len(articles(read(str(tmp_path / "x")))) == 2
    assert list(expand_sources([str(tmp_path / "x" / "**" / "*.txt")])) == [
        str(tmp_path / "x" / "a.txt"), str(tmp_path / "x" / "y" / "b.txt")]
    (missing,) = read(str(tmp_path / "nothing-*.txt"))
    assert isinstance(missing, Failure) and "E009" in missing.reason


def test_stdin_text_and_jsonl(tmp_path: Path) -> None:
    code = ("import sys; from detente.ingest import read_documents; "
            "print([getattr(i, 'id', None) or i.reason for i in read_documents(['-'])])")
    env = {"PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], input=STORY.encode(), capture_output=True, env=env,
                         check=True)
    assert len(eval(out.stdout)[0]) == 16
    lines = "".join(json.dumps({"id": f"s{i}", "text": STORY}) + "\n" for i in range(2))
    out = subprocess.run([sys.executable, "-c", code], input=lines.encode(), capture_output=True, env=env,
                         check=True)
    assert eval(out.stdout) == ["s0", "s1"]


def test_count_documents(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    (tmp_path / "b.txt").write_text(STORY)
    assert count_documents([str(tmp_path)]) == 3
    (tmp_path / "c.warc").write_bytes(b"")
    assert count_documents([str(tmp_path)]) is None
