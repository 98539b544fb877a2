"""The JSON API in-process: filters, pagination, evidence, series, rankings, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente import analysis
from detente.api import Settings, create_app
from detente.api.data import highlight, safe_url, sentence_spans
from detente.errors import Errors, QueryTimeout


def test_stats_match_the_analysis(client: TestClient, relations_store: Path) -> None:
    r = client.get("/api/stats")
    assert r.status_code == 200
    stats = analysis.corpus_stats(relations_store)
    assert r.json()["events"] == stats.events and r.json()["located"] == stats.located


def test_events_pages_cover_every_event_once(client: TestClient) -> None:
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert len(page["items"]) <= 7
        seen += [e["merged_id"] for e in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    dates = [e["date"] or e["first_seen"] for e in items]
    assert dates == sorted(dates, reverse=True)


def test_event_filters(client: TestClient) -> None:
    directed = client.get("/api/events", params={"dyad": "PRK:KOR", "limit": 500}).json()
    both = client.get("/api/events", params={"dyad": "PRK:KOR", "directed": "false", "limit": 500}).json()
    assert 0 < directed["total"] < both["total"]
    assert all(e["source_code"].startswith("PRK") or (e["mutual"] and e["target_code"].startswith("PRK"))
               for e in directed["items"])  # a mutual event (talks) is of both directions
    params = {"dyad": "PRK:KOR", "from": "2018-03-05", "to": "2018-03-11"}
    week = client.get("/api/events", params=params).json()
    assert week["total"] >= 4
    assert all("2018-03-05" <= e["date"] <= "2018-03-11" for e in week["items"])
    accuse = client.get("/api/events", params={"type": "ACCUSE", "limit": 500}).json()
    assert accuse["total"] > 0 and {e["event_type"] for e in accuse["items"]} == {"ACCUSE"}
    by_actor = client.get("/api/events", params={"actor": "CHN", "limit": 500}).json()["items"]
    assert by_actor and all("CHN" in (e["source_code"] or "") + (e["target_code"] or "") for e in by_actor)


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1}, {"dyad": "PRK"},
                                    {"dyad": "PRK:KOR' OR 1=1 --"}, {"from": "yesterday"}, {"actor": "a b"}])
def test_bad_parameters_are_refused(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_event_detail_has_mentions_spans_and_articles(client: TestClient) -> None:
    item = client.get("/api/events", params={"type": "ASSAULT", "dyad": "PRK:KOR"}).json()["items"][0]
    detail = client.get(f"/api/events/{item['merged_id']}").json()
    assert detail["event"]["merged_id"] == item["merged_id"]
    mention = detail["mentions"][0]
    a, b = mention["spans"]["trigger"]
    assert mention["sentence"][a:b] == mention["trigger"]
    s0, s1 = mention["spans"]["source"]
    assert mention["sentence"][s0:s1] == mention["source_text"]
    assert detail["articles"][0]["url"].startswith("https://news.example/")
    # a mention id leads to the same merged event
    again = client.get(f"/api/events/{mention['event_id']}").json()
    assert again["event"]["merged_id"] == item["merged_id"]
    assert client.get("/api/events/00000000").status_code == 404


def test_series_endpoint_is_the_analysis(client: TestClient, relations_store: Path) -> None:
    r = client.get("/api/dyads/PRK/KOR/series", params={"freq": "week", "directed": "false"})
    assert r.status_code == 200
    expected = analysis.dyad_series(relations_store, "PRK", "KOR", "week", directed=False)
    got = r.json()
    assert [p["period"] for p in got["points"]] == [p.period for p in expected.points]
    assert [p["conflict"] for p in got["points"]] == [p.conflict for p in expected.points]
    assert client.get("/api/dyads/PRK/KOR/series", params={"freq": "year"}).status_code == 422


def test_rankings_network_alerts_locations(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()
    assert (dyads[0]["source"], dyads[0]["target"]) == ("PRK", "KOR")
    actors = client.get("/api/actors", params={"limit": 3}).json()
    assert len(actors) == 3 and actors[0]["events"] >= actors[-1]["events"]
    net = client.get("/api/network").json()
    assert net["nodes"] and net["edges"]
    alerts = client.get("/api/alerts").json()
    assert any(a["source"] == "PRK" and a["target"] == "KOR" and a["period"] == "2018-03-05" for a in alerts)
    places = client.get("/api/locations").json()
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert "Panmunjom" in {p["name"] for p in places}
    assert sum(p["events"] for p in places) == client.get("/api/stats").json()["located"]


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyads/{source}/{target}/series",
                 "/api/actors", "/api/alerts", "/api/stats", "/api/network", "/api/locations"):
        assert path in paths
    assert "/events" not in paths  # the pages are not API
    assert client.get("/docs").status_code == 200


def test_row_cap_applies_to_every_query(relations_store: Path) -> None:
    with TestClient(create_app(Settings(db=relations_store, limits=analysis.Limits(max_rows=2)))) as c:
        assert len(c.get("/api/dyads", params={"limit": 50}).json()) == 2
        assert len(c.get("/api/actors", params={"limit": 50}).json()) == 2
        assert len(c.get("/api/events", params={"limit": 50}).json()["items"]) == 2


def test_timeout_answers_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise QueryTimeout(Errors.E501.format(seconds=10))

    monkeypatch.setattr(analysis, "corpus_stats", slow)
    r = client.get("/api/stats")
    assert r.status_code == 503 and "E501" in r.json()["detail"]


def test_highlight_escapes_then_marks() -> None:
    sentence = "A <b>told</b> B & C."
    html = str(highlight(sentence, {"source": [0, 1], "trigger": [2, 13], "target": [14, 15]}))
    assert html == ('<mark class="ev ev-source" data-role="source" title="source">A</mark> '
                    '<mark class="ev ev-trigger" data-role="trigger" title="trigger">'
                    '&lt;b&gt;told&lt;/b&gt;</mark> '
                    '<mark class="ev ev-target" data-role="target" title="target">B</mark> &amp; C.')
    # overlapping and out-of-range spans are dropped, never half-applied
    assert str(highlight("abc", {"source": [0, 2], "trigger": [1, 3], "target": [2, 9]})).count("<mark") == 1


def test_sentence_spans_use_the_occurrence_holding_the_trigger() -> None:
    text = "Talks failed. Talks failed."
    spans = sentence_spans(text, "Talks failed.", {"trigger": (20, 26), "source": None, "target": None},
                           {"trigger": "failed", "source": None, "target": None})
    assert spans == {"trigger": [6, 12]}
    # without the document, the words are found in the sentence
    assert sentence_spans(None, "X met Y.", {"trigger": (40, 43)}, {"trigger": "met", "source": "X"}) == {
        "trigger": [2, 5], "source": [0, 1]}


@pytest.mark.parametrize(("url", "safe"), [("https://a.example/x", True), ("http://a.example", True),
                                           ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
                                           ("data:text/html,<b>", False), ("//evil.example", False),
                                           (None, False)])
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


def test_live_server_answers_like_the_app(live_server: str, client: TestClient) -> None:
    import httpx

    assert httpx.get(live_server + "/api/stats").json() == client.get("/api/stats").json()
    page = httpx.get(live_server + "/dyads/PRK/KOR")
    assert page.status_code == 200 and 'id="chart"' in page.text
    assert httpx.get(live_server + "/static/dashboard.js").status_code == 200
    assert httpx.get(live_server + "/docs").status_code == 200
    assert httpx.post(live_server + "/api/documents", content=b"{}").status_code == 403


def test_date_filters_in_pages(client: TestClient) -> None:
    day = dt.date(2018, 3, 9).isoformat()
    r = client.get("/events", params={"from": day, "to": day})
    assert r.status_code == 200 and "Paju" in r.text


def test_dyad_page_carries_the_series_the_api_returns(client: TestClient) -> None:
    import html
    import json
    import re

    page = client.get("/dyads/PRK/KOR", params={"freq": "month"}).text
    found = re.search(r'<script type="application/json" id="series-data">(.*?)</script>', page, re.S)
    assert found is not None
    embedded = json.loads(html.unescape(found.group(1)))
    assert embedded == client.get("/api/dyads/PRK/KOR/series",
                                  params={"freq": "month", "directed": "false"}).json()


def test_events_sort_by_last_report(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "reported", "limit": 500}).json()["items"]
    assert [e["merged_id"] for e in items] != [] and len(items) == client.get("/api/stats").json()["events"]
    full = {e["merged_id"]: client.get(f"/api/events/{e['merged_id']}").json()["event"]["last_seen"]
            for e in items[:10]}
    assert list(full.values()) == sorted(full.values(), reverse=True)
    assert client.get("/api/events", params={"sort": "random()"}).status_code == 422


def test_pages_render_errors_and_pages_of_events(client: TestClient) -> None:
    missing = client.get("/events/ffff")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no event ffff" in missing.text
    first = client.get("/events", params={"limit": 5})
    assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
    second = client.get("/events", params={"limit": 5, "offset": 5})
    assert 'rel="prev"' in second.text and "offset=0" in second.text


def test_requests_share_one_read_connection(relations_store: Path, tmp_path: Path) -> None:
    import shutil

    from detente.store import share_reads, stop_sharing

    db = tmp_path / "copy.duckdb"
    shutil.copy(relations_store, db)
    shared = share_reads(db, idle=60.0)  # the app shares this one (no idle close during the test)
    try:
        with TestClient(create_app(Settings(db=db))) as c:
            for path in ("/", "/api/stats", "/api/events?limit=5", "/api/dyads/PRK/KOR/series"):
                assert c.get(path).status_code == 200, path
        assert shared.opened == 1
    finally:
        stop_sharing(db)
