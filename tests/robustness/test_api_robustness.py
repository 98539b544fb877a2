"""The API and dashboard against hostile requests: schemathesis over the OpenAPI document (no
server errors), SQL injection in every filter of the API and of `detente events`, hostile
article text on every page, and answers while an ingest writes to the same store."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from typer.testing import CliRunner

import detente
from detente.api import Settings, create_app
from detente.cli import app as cli_app
from detente.store import initialise
from detente.store.database import connect

from .test_crash import write_corpus

SRC = Path(detente.__file__).resolve().parents[1]
INJECTIONS = ["' OR '1'='1", "PRK' OR 1=1 --", "x'; DROP TABLE events; --", "1 UNION SELECT * FROM articles",
              "%' OR '%'='", "PRK\\' --", "\"; DELETE FROM mentions; --", "\x00", "' || (SELECT 1) || '"]
RAW_MARKUP = ("<script>window", "<img src=x", "onerror=\"window", "href=\"javascript:", "<b>Bold")
EXAMPLES = int(os.environ.get("DETENTE_API_EXAMPLES", "25"))


def _counts(db: Path) -> tuple[int, ...]:
    # the store's own connect: in a process whose API holds a reader, DuckDB refuses a second
    # connection to the file with other settings (the store's carry a memory limit)
    con = connect(db, read_only=True)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                     for t in ("articles", "mentions", "events", "failures", "runs"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def store(relations_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the relations store (with its hostile article) for this module to read."""
    db = tmp_path_factory.mktemp("robust-api") / "store.duckdb"
    shutil.copy(relations_store, db)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=store)), raise_server_exceptions=False) as c:
        yield c


# --- schemathesis ------------------------------------------------------------------------

def _schema(db: Path, token: str | None = None) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=db, write_token=token)))


@pytest.mark.slow
def test_no_server_errors_for_any_request(store: Path) -> None:
    """Every operation of the OpenAPI document, with generated parameters and bodies.

    (The operations are driven through hypothesis directly: schemathesis' pytest plugin does
    not run under this pytest.)"""
    operations = [result.ok() for result in _schema(store).get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def call(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()


@pytest.mark.slow
def test_arbitrary_documents_through_the_write_endpoint(store: Path, tmp_path: Path) -> None:
    """With a token, whatever body is posted is stored, skipped or failed; never a server error."""
    db = tmp_path / "writable.duckdb"
    shutil.copy(store, db)
    bodies = [b"", b"{", b"[]", b"\xff\xfe\x00", b'{"text": 5}\n{"id": 1, "text": "Japan accused China."}',
              b'{"id": "\\ud800", "text": "\\u0000 North Korea threatened Japan."}',
              b'{"id": "s", "text": "' + b"word " * 3000 + b'"}', b"\n\n\n"]
    with TestClient(create_app(Settings(db=db, write_token="t0k3n")), raise_server_exceptions=False) as c:
        for body in bodies:
            r = c.post("/api/documents", content=body, headers={"Authorization": "Bearer t0k3n"})
            assert r.status_code in (201, 400, 413, 422), (body[:40], r.status_code, r.text[:200])
            if r.status_code == 201:
                got = r.json()
                assert got["read"] == got["stored"] + got["skipped"] + got["failed"]


# --- SQL injection -----------------------------------------------------------------------

def _all_routes(client: TestClient) -> list[APIRoute]:
    """Every route of the app, including those of included routers."""
    def walk(routes: list[Any]) -> Iterator[APIRoute]:
        for r in routes:
            if isinstance(r, APIRoute):
                yield r
            elif hasattr(r, "original_router"):  # an included router
                yield from walk(r.original_router.routes)

    return list(walk(client.app.routes))  # type: ignore[attr-defined]


def _get_routes(client: TestClient) -> list[APIRoute]:
    return [r for r in _all_routes(client) if "GET" in r.methods]


def _fill(path: str, value: str) -> str:
    """`path` with every path parameter set to `value`, URL-quoted."""
    return re.sub(r"\{[^}]+\}", quote(value, safe=""), path)


@pytest.mark.slow
def test_every_api_filter_resists_injection(client: TestClient, store: Path) -> None:
    before = _counts(store)
    tried = 0
    for route in _get_routes(client):
        names = [p.alias for p in route.dependant.query_params]
        names += [p.alias for d in route.dependant.dependencies for p in d.query_params]
        for payload in INJECTIONS:
            r = client.get(_fill(route.path, payload.replace("/", "")))
            assert r.status_code < 500, (route.path, payload, r.text[:300])
            for name in names:
                r = client.get(_fill(route.path, "PRK") if "{event_id}" not in route.path
                               else _fill(route.path, "00"), params={name: payload})
                tried += 1
                assert r.status_code < 500, (route.path, name, payload, r.text[:300])
                if r.status_code == 200 and r.headers["content-type"].startswith("application/json"):
                    body = r.json()
                    items = body.get("items") if isinstance(body, dict) else None
                    assert not items, (route.path, name, payload)  # an injection matched rows
    assert tried > 100
    assert _counts(store) == before


OPTIONS = ["--dyad", "--actor", "--type", "--from", "--to", "--min-sources", "--limit"]


@pytest.mark.parametrize("option", OPTIONS)
def test_every_events_filter_resists_injection(store: Path, option: str) -> None:
    before = _counts(store)
    for payload in INJECTIONS:
        value = f"{payload}:KOR" if option == "--dyad" else payload
        args = ["events", "--db", str(store), option, value, "--format", "json"]
        result = CliRunner().invoke(cli_app, args)
        assert result.exit_code in (0, 2), (option, payload, result.output, result.exception)
        if result.exit_code == 0:
            assert result.stdout.strip() == "[]", (option, payload)  # matched nothing
    assert _counts(store) == before


def test_export_paths_are_quoted(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "it's'; COPY events TO 'x.csv"
    result = CliRunner().invoke(cli_app, ["export", "--db", str(store), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and not (Path.cwd() / "x.csv").exists()


# --- hostile text on every page ----------------------------------------------------------

def test_hostile_text_is_inert_on_every_page(client: TestClient) -> None:
    found = client.get("/api/events", params={"dyad": "PRK:KOR", "limit": 500}).json()["items"]
    hostile = next(e for e in found if "__pwned" in (e["sentence"] or ""))
    pages = [r for r in _get_routes(client) if not r.path.startswith("/api")]
    assert len(pages) >= 7
    for route in pages:
        path = route.path.replace("{event_id}", hostile["merged_id"]).replace("{source}", "PRK") \
            .replace("{target}", "KOR")
        for query in ("", "?dyad=PRK:KOR&from=2018-03-19&to=2018-03-19"):
            r = client.get(path + query)
            assert r.status_code == 200, (path, r.status_code)
            body = r.text.replace('<script src="/static/', "")
            for raw in RAW_MARKUP:
                assert raw not in body, (path + query, raw)
            assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert "&lt;script&gt;" in client.get(f"/events/{hostile['merged_id']}").text


# --- concurrent use ----------------------------------------------------------------------

@pytest.mark.slow
def test_api_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    n = write_corpus(corpus, 400)
    db = tmp_path / "live.duckdb"
    initialise(db)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    ingest = subprocess.Popen([sys.executable, "-m", "detente", "ingest", str(corpus), "--db", str(db),
                               "--batch-size", "4"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    answers: list[int] = []
    seen: set[int] = set()
    paths = ["/api/stats", "/api/events?limit=5", "/api/dyads", "/", "/events", "/dyads", "/network"]
    with TestClient(create_app(Settings(db=db)), raise_server_exceptions=False) as c:
        while ingest.poll() is None:
            # every other request asks how far the ingest has got; small batches commit often
            path = "/api/stats" if len(answers) % 2 == 0 else paths[(len(answers) // 2) % len(paths)]
            r = c.get(path)
            answers.append(r.status_code)
            assert r.status_code == 200, (path, r.status_code, r.text[:300])
            if path == "/api/stats":
                seen.add(r.json()["articles"])
            time.sleep(0.02)
        _, err = ingest.communicate()
        assert ingest.returncode == 0, err.decode()
        final = c.get("/api/stats").json()
    # it answered throughout, and saw the store part-written
    assert len(answers) > 20 and any(0 < k < n - _counts(db)[3] for k in seen), sorted(seen)
    assert final["articles"] + _counts(db)[3] == n
    print(f"{len(answers)} API answers during the ingest, all 200; articles seen: {sorted(seen)}")


# --- every route: writes need the token, bodies are limited, no CORS ---------------------

def test_every_route_guards_writes_size_and_origin(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "guarded.duckdb"
    shutil.copy(store, db)
    before = _counts(db)
    with TestClient(create_app(Settings(db=db, write_token="s3cret", max_body=10_000)),
                    raise_server_exceptions=False) as c:
        routes = _all_routes(c)
        writes = [(r, m) for r in routes for m in r.methods - {"GET", "HEAD"}]
        assert writes, "the app has a write endpoint to guard"
        doc = b'{"id": "w", "text": "Japan praised China."}\n'
        for route, method in writes:
            path = _fill(route.path, "PRK")
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
                r = c.request(method, path, content=doc, headers=headers)
                assert r.status_code == 401, (method, path, headers, r.status_code)
        for route in routes:
            path = _fill(route.path, "PRK")
            for method in route.methods - {"HEAD"}:
                r = c.request(method, path, content=b"x" * 20_000,
                              headers={"Authorization": "Bearer s3cret"})
                assert r.status_code == 413, (method, path, r.status_code)
            pre = c.options(path, headers={"Origin": "https://elsewhere.example",
                                           "Access-Control-Request-Method": "POST"})
            got = c.get(path, headers={"Origin": "https://elsewhere.example"})
            for response in (pre, got):
                assert not any(h.startswith("access-control-") for h in response.headers), path
    assert _counts(db) == before  # nothing was written
