"""The `detente` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from detente import evaluate
from detente.errors import ConfigError, DetenteError
from detente.ingest import read_documents
from detente.ingest.reader import count_documents
from detente.output import EventWriter
from detente.pipeline import Pipeline, Result
from detente.quotes import QUOTE_FORMATS, extract_quotes, format_quotes
from detente.records import Article, Failure, Quote
from detente.runner import BATCH_SIZE, Summary, parse_interval, run
from detente.runner import watch as watch_feeds
from detente.store import export as export_formats
from detente.store.queries import EventFilter, query_events, summarise
from detente.when import parse_iso

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News to political event data, coded in PLOVER and CAMEO, with evidence.")
# Messages carry untrusted text (paths, ids, article sentences): no console interprets markup.
err = Console(stderr=True, soft_wrap=True, markup=False)


def _say(label: str, style: str, message: object) -> None:
    """One line on stderr: a coloured label, then the message as plain text."""
    err.print(Text.assemble((label, style), " ", str(message)), highlight=False)


def _print_table(table: Table) -> None:
    """A table on stdout; cells are plain text, never markup."""
    Console(width=None if sys.stdout.isatty() else 200, markup=False).print(table)

PROGRESS_MIN_DOCS = 5
DEFAULT_DB = Path("detente.duckdb")


def _check_date(value: str | None) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise typer.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD")
    return value


# Arguments and options shared by the commands that read documents.
FilesArgument = Annotated[list[str] | None, typer.Argument(help="Files, folders or '-' for stdin.")]
PublishedOption = Annotated[str | None, typer.Option(
    help="Publication date (YYYY-MM-DD) for documents that carry none.", callback=_check_date)]
BatchOption = Annotated[int, typer.Option(help="Documents per spaCy batch.")]


def read_articles(paths: list[str], published: str | None, failures: list[Failure]) -> Iterator[Article]:
    """The readable documents of `paths`; each unreadable one is named on stderr and kept."""
    for item in read_documents(paths, published):
        if isinstance(item, Failure):
            failures.append(item)
            _say("error", "red", item)
        else:
            yield item


def code_stream(
    paths: list[str], published: str | None, batch_size: int
) -> tuple[Iterator[Result], list[Failure]]:
    """Read and code documents; read failures are collected as they happen."""
    failures: list[Failure] = []
    return Pipeline(batch_size=batch_size).run(read_articles(paths, published, failures)), failures


@app.command("code")
def code_cmd(
    files: FilesArgument = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or tsv.")] = "jsonl",
    published: PublishedOption = None,
    batch_size: BatchOption = 32,
) -> None:
    """Code documents into event records, printed to stdout (one JSON object per line)."""
    if fmt not in EventWriter.FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(EventWriter.FORMATS)}", param_hint="--format")
    paths = files or ["-"]
    results, failures = code_stream(paths, published, batch_size)
    show = sys.stderr.isatty()
    n_docs = 0
    with EventWriter(sys.stdout, fmt) as writer, Progress(
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=not show, transient=True,
    ) as progress:
        task = progress.add_task("coding", total=None)
        for result in results:
            n_docs += 1
            if n_docs == PROGRESS_MIN_DOCS + 1:
                progress.update(task, visible=True)
            progress.advance(task)
            if result.failure is not None:
                failures.append(result.failure)
                _say("error", "red", result.failure)
            for note in result.notes:
                _say("warning", "yellow", f"{result.article.id}: {note}")
            writer.write(result.events)
    if failures:
        err.print(f"{len(failures)} of {n_docs + sum(f.stage == 'read' for f in failures)} "
                  "documents failed", highlight=False)
        raise typer.Exit(1)


def _progress_bar(total: int | None) -> tuple[Progress, Callable[[int], None]]:
    """A progress bar with documents per second and an ETA; off when stderr is not a terminal."""
    progress = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TimeRemainingColumn(), TimeElapsedColumn(),
        console=err, disable=not sys.stderr.isatty(), transient=True,
    )
    task = progress.add_task("ingest", total=total, rate=0.0)
    started = time.monotonic()

    def update(read: int) -> None:
        progress.update(task, completed=read, rate=read / max(time.monotonic() - started, 1e-9))

    return progress, update


def _ingest(sources: list[str], db: Path, published: str | None, batch_size: int,
            cluster: str | None = None, parts: Path | None = None, keep_parts: bool = False) -> Summary:
    total = count_documents(sources) if sys.stderr.isatty() else None
    bar, update = _progress_bar(total)
    if cluster is None:
        with bar:
            return run(sources, db, published=published, batch_size=batch_size, progress=update)
    from detente.scale import dask_executor, parts_directory

    with parts_directory(cluster, db, parts, keep_parts) as directory, \
            dask_executor(cluster) as executor, bar:
        return run(sources, db, published=published, batch_size=batch_size, progress=update,
                   executor=executor, parts=directory, keep_parts=keep_parts)


def _check_cluster(value: str | None) -> str | None:
    if value is not None and not (value == "local" or value.startswith("local:") or "://" in value):
        raise typer.BadParameter("use local, local:N or a scheduler address such as tcp://host:8786")
    return value


def _report(summary: Summary) -> None:
    for line in summary.lines():
        err.print(line, highlight=False)
    for failure in summary.failures[:10]:
        _say("failed", "red", failure)
    if summary.failed > 10:
        err.print(f"... {summary.failed - 10} more in the failures table", highlight=False)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(
        help="Files, folders, globs, http(s) URLs or '-': text, HTML, JSONL(.gz), WARC(.gz), RSS/Atom.")],
    db: Annotated[Path, typer.Option(help="The DuckDB store (created if missing).")] = DEFAULT_DB,
    published: PublishedOption = None,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (one commit each).")] = BATCH_SIZE,
    strict: Annotated[bool, typer.Option(help="Exit with 1 when any document failed.")] = False,
    cluster: Annotated[str | None, typer.Option(
        help="Code on Dask: local:N (N worker processes here) or a scheduler address (tcp://host:8786).",
        callback=_check_cluster)] = None,
    parts: Annotated[Path | None, typer.Option(
        help="With --cluster: the directory where workers write Parquet parts (needed with a scheduler "
             "address; for local:N, a temporary directory beside the store).")] = None,
    keep_parts: Annotated[bool, typer.Option(
        help="With --cluster: keep the Parquet parts once loaded (DuckDB queries them in place).")] = False,
) -> None:
    """Read, code and store documents; re-running adds nothing, a killed run resumes."""
    if cluster is None and (parts is not None or keep_parts):
        raise typer.BadParameter("applies only with --cluster",
                                 param_hint="--parts" if parts is not None else "--keep-parts")
    try:
        summary = _ingest(sources, db, published, batch_size, cluster, parts, keep_parts)
    except ConfigError as e:
        raise typer.BadParameter(str(e), param_hint="--cluster") from None
    _report(summary)
    if not summary.reconciled or (strict and summary.failed):
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs (or files).")],
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = DEFAULT_DB,
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    polls: Annotated[int | None, typer.Option(help="Stop after this many polls (default: never).")] = None,
    follow_links: Annotated[bool, typer.Option(help="Fetch the page each new entry links to.")] = False,
) -> None:
    """Poll feeds and ingest the entries not yet in the store."""
    try:
        seconds = parse_interval(every)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--every") from None

    def report(summary: Summary) -> None:
        err.print(f"poll: {summary.stored} new, {summary.n_skipped} known or skipped, "
                  f"{summary.failed} failed; {summary.merged_events} events in the store", highlight=False)

    watch_feeds(feeds, db, seconds, polls=polls, follow_links=follow_links, on_poll=report)


def _parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) != 2 or not all(parts):
        raise typer.BadParameter(f"'{value}' is not a dyad: use SOURCE:TARGET, e.g. PRK:KOR")
    return parts[0], parts[1]


@app.command()
def events(
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = DEFAULT_DB,
    dyad: Annotated[str | None, typer.Option(help="SOURCE:TARGET actor codes, e.g. PRK:KOR.")] = None,
    actor: Annotated[str | None, typer.Option(help="An actor code as source or target.")] = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", help="PLOVER category (ACCUSE) or CAMEO code prefix (11).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", callback=_check_date)] = None,
    date_to: Annotated[str | None, typer.Option("--to", callback=_check_date)] = None,
    min_sources: Annotated[int | None, typer.Option(help="At least this many outlets.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events (0: all).")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Merged events from the store, filtered, as a table or JSON."""
    if fmt not in ("table", "json"):
        raise typer.BadParameter("use table or json", param_hint="--format")
    found = query_events(db, EventFilter(
        dyad=_parse_dyad(dyad), actor=actor, event_type=event_type,
        date_from=parse_iso(date_from), date_to=parse_iso(date_to),
        min_sources=min_sources, limit=limit or None))
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    table = Table(box=None)
    for name in ("date", "source", "target", "type", "cameo", "mentions", "sources", "stories"):
        table.add_column(name, no_wrap=True)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=70)
    for e in found:
        table.add_row(e["date"] or "", e["source_code"] or "", e["target_code"] or "", e["event_type"],
                      e["cameo"], str(e["num_mentions"]), str(e["num_sources"]), str(e["num_stories"]),
                      (e["sentence"] or "")[:80])
    _print_table(table)


@app.command()
def series(
    source: Annotated[str, typer.Argument(help="Source actor code, e.g. PRK.")],
    target: Annotated[str, typer.Argument(help="Target actor code, e.g. KOR.")],
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = DEFAULT_DB,
    freq: Annotated[str, typer.Option(help="day, week or month.")] = "month",
    both: Annotated[bool, typer.Option(help="Count the target's events towards the source too.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """A dyad's events per period: cooperation, conflict, Goldstein mean and sum, balance."""
    from dataclasses import asdict

    from detente.analysis import PERIODS, dyad_series

    if freq not in PERIODS:
        raise typer.BadParameter("use day, week or month", param_hint="--freq")
    if fmt not in ("table", "json"):
        raise typer.BadParameter("use table or json", param_hint="--format")
    found = dyad_series(db, source, target, freq, directed=not both)
    if fmt == "json":
        typer.echo(json.dumps(asdict(found), ensure_ascii=False, indent=1))
        return
    table = Table(box=None)
    for name in ("period", "events", "coop", "conflict", "goldstein", "sum", "balance", "types"):
        table.add_column(name, no_wrap=True)
    for p in found.points:
        table.add_row(p.period, str(p.events), str(p.cooperation), str(p.conflict),
                      "" if p.goldstein_mean is None else f"{p.goldstein_mean:.2f}", f"{p.goldstein_sum:.1f}",
                      "" if p.balance is None else f"{p.balance:+.2f}",
                      " ".join(f"{k}:{v}" for k, v in sorted(p.types.items())))
    _print_table(table)


@app.command()
def alerts(
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = DEFAULT_DB,
    freq: Annotated[str, typer.Option(help="day, week or month.")] = "week",
    window: Annotated[int, typer.Option(help="Periods in the trailing baseline.")] = 8,
    threshold: Annotated[float, typer.Option(help="Standard deviations above the baseline.")] = 2.0,
    min_count: Annotated[int, typer.Option(help="Conflict events a period needs at least.")] = 3,
    limit: Annotated[int, typer.Option(help="At most this many alerts.")] = 50,
) -> None:
    """Periods where a dyad's conflict departs sharply from its own trailing baseline."""
    from detente.analysis import PERIODS
    from detente.analysis import alerts as find_alerts

    if freq not in PERIODS:
        raise typer.BadParameter("use day, week or month", param_hint="--freq")
    found = find_alerts(db, freq=freq, window=window, threshold=threshold, min_count=min_count, limit=limit)
    table = Table(box=None)
    for name in ("period", "dyad", "conflict", "baseline", "z"):
        table.add_column(name, no_wrap=True)
    for a in found:
        table.add_row(a.period, f"{a.source}->{a.target}", str(a.conflict),
                      f"{a.baseline_mean:.2f} ± {a.baseline_sd:.2f} ({a.history})", f"{a.z:.2f}")
    _print_table(table)
    err.print(f"{len(found)} alerts", highlight=False)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, parquet or csv.")],
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = DEFAULT_DB,
    out: Annotated[str, typer.Option(
        help="Output file ('-': stdout, for gdelt and plover); a folder for parquet.")] = "-",
    table: Annotated[str, typer.Option(help="events or mentions (parquet and csv).")] = "events",
) -> None:
    """Export merged events: GDELT 2.0 event rows, PLOVER/POLECAT JSON, Parquet by year/month, CSV."""
    if fmt not in export_formats.FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(export_formats.FORMATS)}", param_hint="--format")
    if table not in export_formats.TABLES:
        raise typer.BadParameter(f"use one of {', '.join(export_formats.TABLES)}", param_hint="--table")
    if fmt in ("gdelt", "plover"):
        write = export_formats.write_gdelt if fmt == "gdelt" else export_formats.write_plover
        if out == "-":
            n = write(db, sys.stdout)
        else:
            with open(out, "w", encoding="utf-8") as f:
                n = write(db, f)
    else:
        if out == "-":
            raise typer.BadParameter(f"{fmt} needs a path", param_hint="--out")
        n = (export_formats.write_parquet if fmt == "parquet" else export_formats.write_csv)(db, out, table)
    err.print(f"{n} rows exported", highlight=False)


@app.command("quotes")
def quotes_cmd(
    files: FilesArgument = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or tsv (a table).")] = "jsonl",
    published: PublishedOption = None,
    batch_size: BatchOption = 32,
) -> None:
    """List reported speech: speaker, quote, date and article, one quote per line."""
    if fmt not in QUOTE_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(QUOTE_FORMATS)}", param_hint="--format")
    failures: list[Failure] = []

    def quotes() -> Iterator[Quote]:
        for item in extract_quotes(read_articles(files or ["-"], published, failures), batch_size):
            if isinstance(item, Failure):
                failures.append(item)
                _say("error", "red", item)
            else:
                yield item

    for line in format_quotes(quotes(), fmt):
        typer.echo(line)
    if failures:
        raise typer.Exit(1)


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="Folder of example documents.")] = Path("examples/corpus"),
    db: Annotated[Path, typer.Option(help="The store to build.")] = Path("out/demo.duckdb"),
) -> None:
    """Ingest the bundled example corpus into a store and print what it holds."""
    _report(_ingest([str(corpus / "*.jsonl")], db, None, BATCH_SIZE))
    s = summarise(db)
    typer.echo(f"store {db}: {s.articles} documents ({s.coded} coded, {s.skipped} skipped, "
               f"{s.failures} failed; {s.stories} stories)")
    typer.echo(f"events: {s.mentions} records merged into {s.events} events; "
               f"{s.merged} reported by more than one article")
    typer.echo("top dyads: " + ", ".join(f"{a}->{b} {n}" for a, b, n in s.top_dyads))


eval_app = typer.Typer(no_args_is_help=True, help="Score the coder against gold files and the dev sets.")
app.add_typer(eval_app, name="eval")
GoldArgument = Annotated[Path, typer.Argument(help="The gold file.")]
DEV_CORPUS = Path(".cache/devnews/articles.jsonl")
DEV_BASELINE = Path("tests/dev_baseline.json")


def _gold_file(gold: Path) -> Path:
    if not gold.is_file():
        raise typer.BadParameter(f"no such file: {gold}", param_hint="GOLD")
    return gold


def _print_report(score: evaluate.ArticleScore | evaluate.ClassScore | evaluate.RoleScore) -> None:
    for line in evaluate.report_lines(score):
        typer.echo(line)


@eval_app.command("articles")
def eval_articles(
    gold: GoldArgument,
    text: Annotated[Path, typer.Option(help="The article the gold belongs to.")],
    published: PublishedOption = None,
) -> None:
    """Code one article and score its records against its gold events (JSONL)."""
    if not text.is_file():
        raise typer.BadParameter(f"no such file: {text}", param_hint="--text")
    _print_report(evaluate.evaluate_articles(_gold_file(gold), text, published))


@eval_app.command("classes")
def eval_classes(gold: GoldArgument) -> None:
    """Code each sentence of a class gold file (TSV) and score the 5-way classes."""
    _print_report(evaluate.evaluate_classes(_gold_file(gold)))


@eval_app.command("roles")
def eval_roles(gold: GoldArgument) -> None:
    """Code each sentence of a role gold file (CoNLL) and score the source and target spans."""
    _print_report(evaluate.evaluate_roles(_gold_file(gold)))


@eval_app.command("dev")
def eval_dev(
    dev: Annotated[Path, typer.Option(help="The dev folder (the project's ../shared/dev).")] = Path(
        "../shared/dev"),
    corpus: Annotated[Path | None, typer.Option(
        help=f"The gathered dev news texts (JSONL); default {DEV_CORPUS}, used when it exists.")] = None,
    baseline: Annotated[Path | None, typer.Option(
        help=f"The floors of the dev figures; default {DEV_BASELINE}, used when it exists.")] = None,
    raise_floors: Annotated[bool, typer.Option(
        "--raise-floors", help="Raise the floors the figures went past, and write the baseline.")] = False,
) -> None:
    """Every dev figure in one table with its floor; exit code 1 if any is below its floor."""
    if not dev.is_dir():
        raise typer.BadParameter(f"no dev folder at {dev}", param_hint="--dev")
    if corpus is not None and not corpus.is_file():
        raise typer.BadParameter(f"no such file: {corpus}", param_hint="--corpus")
    if baseline is not None and not baseline.is_file():
        raise typer.BadParameter(f"no such file: {baseline}", param_hint="--baseline")
    corpus = corpus or (DEV_CORPUS if DEV_CORPUS.is_file() else None)
    baseline = baseline or (DEV_BASELINE if DEV_BASELINE.is_file() else None)
    if raise_floors and baseline is None:
        raise typer.BadParameter(f"no baseline to raise (no {DEV_BASELINE})", param_hint="--baseline")
    started = time.monotonic()
    try:
        floors = evaluate.Baseline.read(baseline) if baseline else None
        scores = evaluate.evaluate_dev(dev, corpus)
    except (OSError, ValueError, DetenteError) as e:
        raise typer.BadParameter(str(e)) from None
    seconds = time.monotonic() - started
    if floors is not None and baseline is not None and raise_floors:
        raised = floors.raise_to(scores.figures(), dt.date.today().isoformat())
        floors.write(baseline)
        err.print(f"{baseline}: {len(raised)} floors raised or added"
                  + (f" ({', '.join(raised)})" if raised else ""), highlight=False)
    rows = evaluate.gate(scores, floors)
    table = Table(box=None)
    for name in ("set", "figure", "value", "count", "floor", "result"):
        table.add_column(name, no_wrap=True)
    for row in rows:
        table.add_row(row.kind, row.name, f"{row.value:.3f}",
                      "" if row.count is None else f"{row.count[0]}/{row.count[1]}",
                      "" if row.floor is None else f"{row.floor:.3f}",
                      "no floor" if row.floor is None else "ok" if row.passed else "BELOW")
    _print_table(table)
    if scores.texts is not None:
        err.print(scores.texts.line(), highlight=False)
    else:
        err.print(f"dev news figures left out: no corpus at {DEV_CORPUS} (its texts are gathered per "
                  f"machine: {dev / 'news' / 'README.md'})", highlight=False)
    if floors is None:
        err.print(f"no baseline at {DEV_BASELINE}: figures shown without floors", highlight=False)
    below = [f"{r.kind}.{r.name}" for r in rows if not r.passed]
    typer.echo(f"{len(rows)} figures in {seconds:.1f} s: "
               + (f"{len(below)} below their floors ({', '.join(below)})" if below else
                  "none below its floor"))
    if below:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, typer.Option(help="The DuckDB store to serve.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    write_token: Annotated[str | None, typer.Option(
        envvar="DETENTE_WRITE_TOKEN", help="Allow POST /api/documents with this bearer token.")] = None,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the dashboard; read-only without a token."""
    from detente.api import Settings, check_store
    from detente.api import serve as serve_app
    from detente.errors import StoreError

    try:
        check_store(db)
    except StoreError as e:
        _say("error", "red", e)
        raise typer.Exit(1) from None
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    typer.echo(f"dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
               f"{'read-only' if write_token is None else 'writes allowed with the token'}; Ctrl-C to stop)")
    sys.stdout.flush()
    serve_app(Settings(db=db, write_token=write_token), host=host, port=port)


def main() -> None:
    """Console-script entry point."""
    app()


