"""Untrusted article text stays text on every page; read-only by default; limits; no CORS."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.api import Settings, create_app

from .conftest import TOKEN

RAW = ("<script>", "<img", 'onerror="', 'href="javascript:', "<b>Bold")  # markup as it would be if unescaped


def hostile_event(client: TestClient) -> dict[str, object]:
    params = {"from": "2018-03-19", "to": "2018-03-19", "dyad": "PRK:KOR"}
    items = client.get("/api/events", params=params).json()
    return next(e for e in items["items"] if "__pwned" in (e["sentence"] or ""))


def pages_with_article_text(client: TestClient) -> list[str]:
    event = hostile_event(client)
    return ["/", "/events", "/events?dyad=PRK:KOR", f"/events/{event['merged_id']}", "/dyads",
            "/dyads/PRK/KOR", "/map", "/network"]


def test_hostile_article_is_stored_and_coded(client: TestClient) -> None:
    assert "<script>" in str(hostile_event(client)["sentence"])  # the test is about real markup


@pytest.mark.parametrize("index", range(8))
def test_article_markup_is_escaped_on_every_page(client: TestClient, index: int) -> None:
    path = pages_with_article_text(client)[index]
    r = client.get(path)
    assert r.status_code == 200
    body = r.text
    for raw in RAW:
        assert raw not in body.replace('<script src="/static/', ""), (path, raw)
    assert "__pwned" not in body or "&lt;script&gt;" in body


def test_event_page_shows_the_markup_as_text_and_marks_the_evidence(client: TestClient) -> None:
    event = hostile_event(client)
    body = client.get(f"/events/{event['merged_id']}").text
    assert "&lt;script&gt;window.__pwned = &#39;text&#39;&lt;/script&gt;" in body
    assert '<mark class="ev ev-trigger" data-role="trigger" title="trigger">accused</mark>' in body
    assert "&lt;b&gt;Bold&lt;/b&gt; claim" in body          # the title, as text
    assert 'href="javascript:' not in body                 # an untrusted URL is not linked


def test_every_response_forbids_inline_script_and_framing(client: TestClient) -> None:
    for path in ("/", "/api/stats", "/static/dashboard.js", "/api/events/00"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    assert client.get("/api/stats").headers["content-type"].startswith("application/json")


def test_no_cors_by_default(client: TestClient) -> None:
    r = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "https://elsewhere.example",
                                                 "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_read_only_without_a_token(client: TestClient) -> None:
    r = client.post("/api/documents", content=b'{"id": "w1", "text": "Japan praised China."}')
    assert r.status_code == 403
    for path in ("/api/events", "/api/stats", "/"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


def test_request_size_is_limited(relations_store: Path) -> None:
    with TestClient(create_app(Settings(db=relations_store, write_token=TOKEN, max_body=1000))) as c:
        big = b'{"id": "big", "text": "' + b"a" * 2000 + b'"}'
        r = c.post("/api/documents", content=big, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413
        assert c.get("/api/events?dyad=" + "A" * 5000).status_code == 414


def test_writes_need_the_token(relations_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(relations_store, db)
    doc = b'{"id": "w1", "text": "Japan praised China on 2 May 2018.", "published": "2018-05-03"}\n'
    with TestClient(create_app(Settings(db=db, write_token=TOKEN))) as c:
        before = c.get("/api/stats").json()["events"]
        assert c.post("/api/documents", content=doc).status_code == 401
        wrong = {"Authorization": "Bearer wrong"}
        assert c.post("/api/documents", content=doc, headers=wrong).status_code == 401
        r = c.post("/api/documents", content=doc, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201 and r.json()["stored"] == 1
        assert c.get("/api/stats").json()["events"] > before
