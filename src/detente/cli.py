"""The `detente` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from detente.ingest import read_documents
from detente.output import EventWriter
from detente.pipeline import Pipeline, Result
from detente.quotes import QUOTE_FORMATS, extract_quotes, format_quotes
from detente.records import Article, Failure, Quote
from detente.when import parse_iso

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News to political event data, coded in PLOVER and CAMEO, with evidence.")
err = Console(stderr=True, soft_wrap=True)

PROGRESS_MIN_DOCS = 5


def _check_date(value: str | None) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise typer.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD")
    return value


def code_stream(
    paths: list[str], published: str | None, batch_size: int
) -> tuple[Iterator[Result], list[Failure]]:
    """Read and code documents; read failures are collected as they happen."""
    failures: list[Failure] = []

    def articles() -> Iterator[Article]:
        for item in read_documents(paths, published):
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"[red]error[/red] {item}", markup=True, highlight=False)
            else:
                yield item

    return Pipeline(batch_size=batch_size).run(articles()), failures


@app.command("code")
def code_cmd(
    files: Annotated[list[str] | None, typer.Argument(help="Files, folders or '-' for stdin.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or tsv.")] = "jsonl",
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for documents that carry none.",
        callback=_check_date)] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 32,
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
                err.print(f"[red]error[/red] {result.failure}", markup=True, highlight=False)
            writer.write(result.events)
    if failures:
        err.print(f"{len(failures)} of {n_docs + sum(f.stage == 'read' for f in failures)} "
                  "documents failed", highlight=False)
        raise typer.Exit(1)


@app.command("quotes")
def quotes_cmd(
    files: Annotated[list[str] | None, typer.Argument(help="Files, folders or '-' for stdin.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or tsv (a table).")] = "jsonl",
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for documents that carry none.",
        callback=_check_date)] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 32,
) -> None:
    """List reported speech: speaker, quote, date and article, one quote per line."""
    if fmt not in QUOTE_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(QUOTE_FORMATS)}", param_hint="--format")
    failures: list[Failure] = []

    def articles() -> Iterator[Article]:
        for item in read_documents(files or ["-"], published):
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"[red]error[/red] {item}", markup=True, highlight=False)
            else:
                yield item

    def quotes() -> Iterator[Quote]:
        for item in extract_quotes(articles(), batch_size):
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"[red]error[/red] {item}", markup=True, highlight=False)
            else:
                yield item

    for line in format_quotes(quotes(), fmt):
        typer.echo(line)
    if failures:
        raise typer.Exit(1)


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="Folder of example documents.")] = Path("examples/corpus"),
    out: Annotated[Path, typer.Option(help="Where to write the coded records.")] = Path("out/demo.jsonl"),
) -> None:
    """Code the bundled example corpus and print a summary of its records."""
    results, failures = code_stream([str(corpus)], None, 32)
    out.parent.mkdir(parents=True, exist_ok=True)
    types: Counter[str] = Counter()
    dyads: Counter[str] = Counter()
    n_docs = n_events = 0
    with out.open("w", encoding="utf-8") as f, EventWriter(f, "jsonl") as writer:
        for result in results:
            n_docs += 1
            if result.failure:
                failures.append(result.failure)
                continue
            writer.write(result.events)
            for e in result.events:
                n_events += 1
                types[e.event_type] += 1
                if e.source and e.target and e.source.country and e.target.country:
                    dyads[f"{e.source.country}->{e.target.country}"] += 1
    typer.echo(f"documents coded: {n_docs}  failed: {len(failures)}  events: {n_events}")
    typer.echo("by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    typer.echo("top dyads: " + ", ".join(f"{d} {n}" for d, n in dyads.most_common(10)))
    typer.echo(f"records written to {out}")


def main() -> None:
    """Console-script entry point."""
    app()


