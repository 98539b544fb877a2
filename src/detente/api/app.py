"""The FastAPI app: a JSON API under /api (OpenAPI at /docs) and the dashboard pages.

Each view's data is built once by one function (analysis.py or api/data.py) and rendered
either as JSON (/api/...) or through a Jinja2 template with autoescape (the pages), so the
dashboard shows exactly what the API returns. Charts and the map are drawn in the browser
from the same JSON by ECharts and Leaflet, served from the app's own static folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from detente import __version__, analysis
from detente.analysis import Limits
from detente.api import data
from detente.api.gate import StoreGate
from detente.api.security import LimitsMiddleware, token_matches
from detente.errors import Errors, QueryError, QueryTimeout, StoreError
from detente.store.database import share_reads

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR_FILES = ("vendor/echarts.min.js", "vendor/leaflet.js", "vendor/leaflet.css")
CODE = r"^[A-Za-z0-9]{2,24}$"
DYAD = r"^[A-Za-z0-9]{2,24}:[A-Za-z0-9]{2,24}$"
MAX_OFFSET = 1_000_000
MAX_PAGE = 500
PAGE_SIZE = 50

Since = Annotated[dt.date | None, Query(alias="from", description="First day (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(alias="to", description="Last day (YYYY-MM-DD).")]
Level = Annotated[str, Query(pattern="^(country|code)$", description="Actors by country or full code.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many rows.")]


@dataclass(frozen=True)
class Settings:
    """How the app runs: its store, query limits, request size limit and optional write token."""

    db: Path
    limits: Limits = field(default_factory=Limits)
    max_body: int = 2_000_000
    write_token: str | None = None  # None: read-only (the default)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["highlight"] = data.highlight
    env.filters["safe_url"] = data.safe_url
    return env


def _parse_dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    source, target = value.split(":")
    return source.upper(), target.upper()


def event_filters(
    dyad: Annotated[str | None, Query(pattern=DYAD, description="SOURCE:TARGET, e.g. PRK:KOR")] = None,
    directed: Annotated[bool, Query(description="Only SOURCE's events towards TARGET")] = True,
    actor: Annotated[str | None, Query(pattern=CODE, description="As source or target")] = None,
    event_type: Annotated[str | None, Query(alias="type", pattern=r"^[A-Za-z0-9]{1,12}$",
                                            description="PLOVER category or CAMEO prefix")] = None,
    date_from: Since = None,
    date_to: Until = None,
    min_sources: Annotated[int | None, Query(ge=1, description="At least this many outlets")] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Limit = PAGE_SIZE,
    sort: Annotated[str, Query(pattern="^(date|reported)$",
                               description="Newest event date first, or last reported first")] = "date",
) -> data.EventQuery:
    """The event filters and page, shared by /api/events and the events page."""
    return data.EventQuery(_parse_dyad(dyad), directed, actor, event_type, date_from, date_to, min_sources,
                           offset, limit, sort)


def create_app(settings: Settings) -> FastAPI:
    """The API and dashboard over the store at `settings.db`."""
    app = FastAPI(title="detente", version=__version__,
                  description="Political event data coded in PLOVER and CAMEO, with evidence. "
                              "Read-only unless started with a write token.")
    app.add_middleware(LimitsMiddleware, max_body=settings.max_body)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    templates = Jinja2Templates(env=_environment())
    limits = settings.limits
    db = settings.db
    share_reads(db)  # requests share one read-only connection, let go when idle (store/database.py)
    gate = StoreGate()
    reads = APIRouter()

    def read_turn() -> Iterator[None]:
        """Every read request waits while the write endpoint holds the store (api/gate.py)."""
        with gate.shared(limits.seconds):
            yield

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        assets = all((STATIC / f).is_file() for f in VENDOR_FILES)
        return templates.TemplateResponse(request, name, {
            "assets": assets, "read_only": settings.write_token is None, **context})

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and request.url.path not in ("/docs", "/openapi.json")

    def error(request: Request, status: int, message: str) -> Response:
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {
                "assets": False, "read_only": True, "status": status, "message": message}, status_code=status)
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(QueryTimeout)
    async def on_timeout(request: Request, e: QueryTimeout) -> Response:
        return error(request, 503, str(e))

    @app.exception_handler(QueryError)
    async def on_bad_query(request: Request, e: QueryError) -> Response:
        return error(request, 400, str(e))

    @app.exception_handler(StoreError)
    async def on_store(request: Request, e: StoreError) -> Response:
        return error(request, 503, str(e))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, e: HTTPException) -> Response:
        return error(request, e.status_code, str(e.detail))

    # ---- the JSON API ----------------------------------------------------------------

    @reads.get("/api/stats", tags=["corpus"])
    def api_stats() -> analysis.CorpusStats:
        """Articles, mentions and merged events in the store, by quad class and PLOVER type."""
        return analysis.corpus_stats(db, limits)

    @reads.get("/api/events", tags=["events"])
    def api_events(q: Annotated[data.EventQuery, Depends(event_filters)]) -> data.EventPage:
        """Merged events, newest first, filtered and paginated (`offset`, `limit`, `next_offset`)."""
        return data.list_events(db, q, limits)

    @reads.get("/api/events/{event_id}", tags=["events"], responses={404: {"description": "No such event"}})
    def api_event(event_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{1,64}$")]) -> data.EventDetail:
        """One merged event (by merged or mention id) with its mentions, evidence spans and articles."""
        found = data.event_detail(db, event_id, limits)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @reads.get("/api/dyads", tags=["relations"])
    def api_dyads(date_from: Since = None, date_to: Until = None, level: Level = "country",
                  limit: Limit = 20) -> list[analysis.DyadCount]:
        """The directed dyads with the most events in a period."""
        return analysis.top_dyads(db, date_from=date_from, date_to=date_to, level=level, limit=limit,
                                  limits=limits)

    @reads.get("/api/dyads/{source}/{target}/series", tags=["relations"])
    def api_series(source: Annotated[str, PathParam(pattern=CODE)],
                   target: Annotated[str, PathParam(pattern=CODE)],
                   freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
                   directed: bool = True, date_from: Since = None, date_to: Until = None,
                   ) -> analysis.DyadSeries:
        """A dyad's events per day, week or month: quad classes, PLOVER types, Goldstein, balance."""
        return analysis.dyad_series(db, source, target, freq, directed=directed, date_from=date_from,
                                    date_to=date_to, limits=limits)

    @reads.get("/api/actors", tags=["relations"])
    def api_actors(date_from: Since = None, date_to: Until = None, level: Level = "country",
                   limit: Limit = 20) -> list[analysis.ActorCount]:
        """The actors in the most events of a period."""
        return analysis.top_actors(db, date_from=date_from, date_to=date_to, level=level, limit=limit,
                                   limits=limits)

    @reads.get("/api/network", tags=["relations"])
    def api_network(date_from: Since = None, date_to: Until = None, level: Level = "country",
                    max_edges: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                    min_events: Annotated[int, Query(ge=1)] = 1) -> analysis.Network:
        """Actors and the directed dyads between them, weighted by events."""
        return analysis.actor_network(db, date_from=date_from, date_to=date_to, level=level,
                                      max_edges=max_edges, min_events=min_events, limits=limits)

    @reads.get("/api/alerts", tags=["relations"])
    def api_alerts(freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
                   window: Annotated[int, Query(ge=2, le=104)] = 8,
                   threshold: Annotated[float, Query(ge=0)] = 2.0,
                   min_count: Annotated[int, Query(ge=1)] = 3,
                   min_history: Annotated[int, Query(ge=1)] = 4,
                   since: Annotated[dt.date | None, Query()] = None,
                   level: Level = "country", limit: Limit = 50) -> list[analysis.Alert]:
        """Periods where a dyad's conflict count is `threshold` standard deviations above its own
        trailing `window` of periods (sd floored at 1), with at least `min_count` events."""
        return analysis.alerts(db, freq=freq, window=window, threshold=threshold, min_count=min_count,
                               min_history=min_history, since=since, level=level, limit=limit, limits=limits)

    @reads.get("/api/locations", tags=["events"])
    def api_locations(date_from: Since = None, date_to: Until = None) -> list[data.Place]:
        """Located events grouped by place, for the map."""
        return data.locations(db, limits, date_from=date_from, date_to=date_to)

    @app.post("/api/documents", tags=["write"], status_code=201,
              responses={401: {"description": "Wrong or missing token"},
                         403: {"description": "The server is read-only"}})
    async def api_ingest(request: Request, authorization: Annotated[str | None, Header()] = None,
                         ) -> dict[str, Any]:
        """Ingest JSONL documents (`id`, `text`, ...) into the store. Only when the server was
        started with a write token, sent as `Authorization: Bearer TOKEN`."""
        if settings.write_token is None:
            raise HTTPException(403, "this server is read-only: start it with --write-token to ingest")
        if not token_matches(settings.write_token, authorization):
            raise HTTPException(401, "a valid bearer token is needed to write")
        body = await request.body()

        def ingest() -> dict[str, Any]:
            with gate.exclusive():
                return _ingest_jsonl(db, body)

        return await run_in_threadpool(ingest)

    # ---- the dashboard ---------------------------------------------------------------

    @reads.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        return page(request, "overview.html", stats=analysis.corpus_stats(db, limits),
                    dyads=analysis.top_dyads(db, limit=10, limits=limits),
                    actors=analysis.top_actors(db, limit=10, limits=limits),
                    alerts=analysis.alerts(db, limit=10, limits=limits),
                    latest=data.list_events(db, data.EventQuery(limit=10, order="reported"), limits))

    @reads.get("/dyads", include_in_schema=False)
    def dyads_page(request: Request, source: Annotated[str | None, Query(pattern=CODE)] = None,
                   target: Annotated[str | None, Query(pattern=CODE)] = None) -> Response:
        if source and target:
            return RedirectResponse(f"/dyads/{source.upper()}/{target.upper()}", status_code=303)
        return page(request, "dyads.html", dyads=analysis.top_dyads(db, limit=50, limits=limits))

    @reads.get("/dyads/{source}/{target}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, source: Annotated[str, PathParam(pattern=CODE)],
                  target: Annotated[str, PathParam(pattern=CODE)],
                  freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
                  directed: bool = False) -> HTMLResponse:
        series = analysis.dyad_series(db, source, target, freq, directed=directed, limits=limits)
        return page(request, "dyad.html", series=series, series_data=asdict(series), freq=freq,
                    directed=directed,
                    totals={"events": sum(p.events for p in series.points),
                            "cooperation": sum(p.cooperation for p in series.points),
                            "conflict": sum(p.conflict for p in series.points)})

    @reads.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, q: Annotated[data.EventQuery, Depends(event_filters)]) -> HTMLResponse:
        params = {k: v for k, v in request.query_params.items() if k != "offset"}
        return page(request, "events.html", result=data.list_events(db, q, limits), query=params)

    @reads.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{1,64}$")],
                   ) -> HTMLResponse:
        found = data.event_detail(db, event_id, limits)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return page(request, "event.html", detail=found)

    @reads.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        return page(request, "map.html", stats=analysis.corpus_stats(db, limits))

    @reads.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request) -> HTMLResponse:
        return page(request, "network.html",
                    network=analysis.actor_network(db, max_edges=60, limits=limits))

    app.include_router(reads, dependencies=[Depends(read_turn)])

    return app


def _ingest_jsonl(db: Path, body: bytes) -> dict[str, Any]:
    """Code and store the JSONL documents of a write request; the run's summary."""
    from detente.ingest.reader import articles_from_bytes
    from detente.runner import run

    summary = run(["api"], db, items=articles_from_bytes(body, "api", None, kind="jsonl"))
    return {"read": summary.read, "stored": summary.stored, "skipped": summary.n_skipped,
            "failed": summary.failed, "events": summary.events,
            "failures": [str(f) for f in summary.failures]}


def check_store(db: Path) -> None:
    """Fail early, with the reason, when `db` is not a readable store."""
    if not db.is_file():
        raise StoreError(Errors.E302.format(path=db))
    analysis.select(db, "SELECT count(*) FROM events", ())



def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app under uvicorn until interrupted (Ctrl-C)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                limit_concurrency=64, timeout_keep_alive=5)
