"""Parquet parts: the records of a coded batch, written by the worker that coded it.

On a cluster, a worker writes the mention rows of each batch it codes as one Parquet file
(the store's own columns and types, `writer.MENTION_SCHEMA`, with no story yet) and sends
back only a `Part`: the file's path, the coded article ids with their numbers of events,
failures and notes. The runner's writer loads the file inside the batch's transaction
(DuckDB's read_parquet), adding each article's story, so the records never travel through
the scheduler. A part is named after its articles' ids: a retried task overwrites the file
an earlier attempt left, and a file appears whole or not at all (written aside, then renamed).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from detente.records import Article, Failure, content_id
from detente.store.writer import MENTION_SCHEMA, mention_row

if TYPE_CHECKING:
    from detente.pipeline import Result


@dataclass
class Part:
    """A worker's summary of a batch coded into a Parquet part (small, whatever the batch)."""

    path: str | None  # the Parquet file of the batch's mention rows; None when it has none
    coded: list[tuple[str, int]] = field(default_factory=list)  # article ids, events of each
    failures: list[Failure] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (article id, note)


def part_path(directory: str | Path, articles: Iterable[Article]) -> Path:
    """Where the part of a batch of these articles goes: the same path for every attempt."""
    return Path(directory) / f"part-{content_id('part', *(a.id for a in articles))}.parquet"


def write_part(results: list[Result], path: Path, run_id: str) -> Part:
    """Write the mention rows of coded results to `path` (none if they have no events)."""
    rows = [mention_row(e, None, run_id) for r in results if r.failure is None for e in r.events]
    part = Part(None,
                coded=[(r.article.id, len(r.events)) for r in results if r.failure is None],
                failures=[r.failure for r in results if r.failure is not None],
                notes=[(r.article.id, n) for r in results for n in r.notes])
    if rows:
        path.parent.mkdir(parents=True, exist_ok=True)
        aside = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
        try:
            pq.write_table(pa.Table.from_pylist(rows, schema=MENTION_SCHEMA), aside)
            os.replace(aside, path)
        finally:
            aside.unlink(missing_ok=True)
        part.path = str(path)
    return part


def code_part(fn: Callable[[list[Article]], list[Result]], directory: str, run_id: str,
              articles: list[Article]) -> list[Part]:
    """What a worker runs for a batch: code it with `fn` and write its part; its summary."""
    if not articles:
        return []
    return [write_part(fn(articles), part_path(directory, articles), run_id)]
