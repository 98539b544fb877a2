"""The one corpus runner: read -> code -> write, with checkpoints, failure records and a summary.

Documents stream from the readers in batches; each batch is checked against the store
(articles already stored are the checkpoint, so a killed run resumes where it stopped),
coded by an executor, and committed in one transaction with its failures. Memory stays
bounded by a few batches however large the corpus.

The executor seam: an executor maps `code_batch` (a plain, picklable function from a list
of Articles to a list of pipeline Results) over batches and yields each batch's results in
the order the batches came. `InProcessExecutor` runs it here; a Dask executor submits the
same function to workers, keeping a bounded number of batches in flight. Given a `parts`
directory, the runner maps `store.parts.code_part` instead: workers write each batch's records
as a Parquet part and return a small summary, and the writer loads the part in the batch's
transaction (then deletes it, unless the parts are kept).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from detente.errors import Errors
from detente.ingest import read_documents
from detente.ingest.language import is_english
from detente.pipeline import Pipeline, Result
from detente.records import Article, Failure
from detente.store.parts import Part, code_part, part_path
from detente.store.writer import ALREADY_STORED, Batch, Committed, Skipped, StoreWriter, rebuild_merged

if TYPE_CHECKING:
    from detente.ingest.fetch import Fetcher

log = logging.getLogger(__name__)

BATCH_SIZE = 64
SLOW_BATCH = 0.2  # seconds: coding a batch slower than this lets go of the store meanwhile
CodeBatch = Callable[[list[Article]], list[Result]]
T = TypeVar("T")


class Executor(Protocol):
    """Maps `fn` over batches of articles; yields each batch's outputs in batch order (and, for
    a document that could not be coded where `fn` runs, a Result holding its failure)."""

    def map(self, fn: Callable[[list[Article]], list[T]],
            batches: Iterable[list[Article]]) -> Iterator[Sequence[T | Result]]: ...


class InProcessExecutor:
    """Codes each batch in this process, one after another."""

    def map(self, fn: Callable[[list[Article]], list[T]],
            batches: Iterable[list[Article]]) -> Iterator[Sequence[T | Result]]:
        for batch in batches:
            yield fn(batch)


@cache
def _pipeline(batch_size: int) -> Pipeline:
    return Pipeline(batch_size=batch_size)


def code_batch(articles: list[Article]) -> list[Result]:
    """Code one batch of articles (one Result each, in order); what executors run on workers."""
    return list(_pipeline(BATCH_SIZE).run(articles))


def versions() -> dict[str, str]:
    """Versions of code, model and data that produced a run's rows."""
    from detente import __version__, nlp
    from detente.actors.dictionary import data_version
    from detente.coding.ontology import ontology_version
    from detente.coding.patterns import patterns_version

    return {"code": __version__, "model": nlp.model_version(), "ontology": ontology_version(),
            "dictionary": data_version(), "patterns": patterns_version()}


@dataclass
class Summary:
    """The end of a run: documents read, stored (coded), skipped, failed; events; time."""

    run_id: str
    read: int = 0
    stored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    events: int = 0
    merged_events: int = 0
    seconds: float = 0.0
    reconciled: bool = False
    failures: list[Failure] = field(default_factory=list)  # the first few, for the report
    kept_parts: str | None = None  # the directory of the run's Parquet parts, when kept

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        """The summary as printed by the CLI."""
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items()))
        return [
            f"documents read {self.read}: coded {self.stored}, skipped {self.n_skipped}"
            + (f" ({reasons})" if reasons else "") + f", failed {self.failed}",
            f"events {self.events} new records; {self.merged_events} merged events in the store",
            f"time {self.seconds:.1f} s ({self.rate:.1f} documents/s); "
            + ("reconciled: read = coded + skipped + failed" if self.reconciled else "NOT RECONCILED"),
        ] + ([f"Parquet parts kept in {self.kept_parts}"] if self.kept_parts else [])


@dataclass
class _Pending:
    """A batch on its way through the executor, with what was decided before coding."""

    batch: Batch
    to_code: list[Article]


def _batches(items: Iterable[Article | Failure], writer: StoreWriter, batch_size: int,
             counter: list[int]) -> Iterator[_Pending]:
    """Group read items into batches: failures, skips (language, stored) and articles to code."""
    pending = _Pending(Batch(), [])
    for item in items:
        counter[0] += 1
        if isinstance(item, Failure):
            pending.batch.failures.append((item, item.document))
        else:
            english, lang = is_english(item.text, item.language)
            item.language = lang or item.language
            if english:
                pending.to_code.append(item)
            else:
                pending.batch.skipped.append(Skipped(item, Errors.E202.format(language=lang)))
        if len(pending.to_code) + len(pending.batch) >= batch_size:
            yield _checked(pending, writer)
            pending = _Pending(Batch(), [])
    if len(pending.to_code) + len(pending.batch):
        yield _checked(pending, writer)


def _checked(pending: _Pending, writer: StoreWriter) -> _Pending:
    """Drop articles the store already holds (or this batch repeats) before coding them."""
    known = writer.known(a.id for a in pending.to_code)
    keep: list[Article] = []
    for a in pending.to_code:
        if a.id in known:
            pending.batch.skipped.append(Skipped(a, ALREADY_STORED))
        else:
            known.add(a.id)
            keep.append(a)
    pending.to_code = keep
    return pending


def run(
    sources: list[str],
    db: str | Path,
    *,
    published: str | None = None,
    batch_size: int = BATCH_SIZE,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,  # told the documents read after each commit
    items: Iterable[Article | Failure] | None = None,
    fn: CodeBatch = code_batch,
    parts: str | Path | None = None,
    keep_parts: bool = False,
) -> Summary:
    """Ingest `sources` (or ready-read `items`) into the store at `db`; the run's summary.

    With `parts`, batches are coded by `store.parts.code_part` into Parquet parts under
    `parts`/<run id>/, which are deleted once loaded unless `keep_parts`.
    """
    started = time.monotonic()
    writer = StoreWriter(db)
    run_id = writer.begin_run(sources, versions())
    read = [0]
    stream = items if items is not None else read_documents(sources, published)
    queue: deque[_Pending] = deque()

    handed_over = [0.0]

    def to_code() -> Iterator[list[Article]]:
        for pending in _batches(stream, writer, batch_size, read):
            queue.append(pending)
            if slow[0]:  # let readers in while the batch is coded
                writer.close()
            handed_over[0] = time.monotonic()
            yield pending.to_code

    done = Committed()
    summary = Summary(run_id)
    slow = [True]
    run_parts = Path(parts) / run_id if parts is not None else None
    coder = executor or InProcessExecutor()
    if run_parts is None:
        results = coder.map(fn, to_code())
        outputs: Iterator[Sequence[Result | Part]] = results
    else:
        summaries = coder.map(partial(code_part, fn, str(run_parts), run_id), to_code())
        outputs = summaries
    for output in outputs:
        slow[0] = time.monotonic() - handed_over[0] > SLOW_BATCH
        pending = queue.popleft()
        for item in output:
            if isinstance(item, Part):
                _add_part(pending, item)
                continue
            for note in item.notes:
                log.warning("%s: %s", item.article.id, note)
            if item.failure is not None:
                pending.batch.failures.append((item.failure, item.article.origin))
            else:
                pending.batch.coded.append((item.article, item.events))
        done.add(_commit(writer, run_id, pending.batch))
        if run_parts is not None:
            _tidy_parts(pending, run_parts, keep_parts)
        summary.failures.extend(f for f, _ in pending.batch.failures[: max(0, 20 - len(summary.failures))])
        if progress is not None:
            progress(read[0])
    summary.read, summary.stored, summary.skipped = read[0], done.stored, done.skipped
    summary.failed, summary.events = done.failed, done.events
    writer.close()
    if run_parts is not None and not keep_parts:
        shutil.rmtree(run_parts, ignore_errors=True)  # and what killed attempts left there
    elif run_parts is not None and run_parts.is_dir():
        summary.kept_parts = str(run_parts)
    summary.merged_events = rebuild_merged(db)
    summary.reconciled = writer.finish_run(run_id, read[0], done)
    writer.close()
    summary.seconds = time.monotonic() - started
    if not summary.reconciled:
        log.error(Errors.E305.format(read=summary.read, stored=summary.stored,
                                     skipped=summary.n_skipped, failed=summary.failed))
    return summary


def _add_part(pending: _Pending, part: Part) -> None:
    """Put what a worker coded into a Parquet part into the batch to commit."""
    articles = {a.id: a for a in pending.to_code}
    for article_id, note in part.notes:
        log.warning("%s: %s", article_id, note)
    for failure in part.failures:
        origin = articles[failure.document].origin if failure.document in articles else None
        pending.batch.failures.append((failure, origin))
    pending.batch.in_parts.extend((articles[article_id], n) for article_id, n in part.coded)
    if part.path is not None:
        pending.batch.parts.append(part.path)


def _tidy_parts(pending: _Pending, directory: Path, keep: bool) -> None:
    """After a batch's commit: delete its parts, or if kept, a part of the whole batch that an
    attempt left when the batch was then coded one document per task (its rows are in those)."""
    if not keep:
        for path in pending.batch.parts:
            Path(path).unlink(missing_ok=True)
    elif pending.to_code and str(whole := part_path(directory, pending.to_code)) not in pending.batch.parts:
        whole.unlink(missing_ok=True)


def _commit(writer: StoreWriter, run_id: str, batch: Batch) -> Committed:
    """Commit a batch; documents skipped as already stored before coding are counted here too."""
    pre = [s for s in batch.skipped if s.reason == ALREADY_STORED]
    batch.skipped = [s for s in batch.skipped if s.reason != ALREADY_STORED]
    done = writer.commit(run_id, batch)
    if pre:
        done.skipped[ALREADY_STORED] = done.skipped.get(ALREADY_STORED, 0) + len(pre)
    return done


def parse_interval(text: str) -> float:
    """Seconds in an interval such as '15m', '1h', '30s' or '90'."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not an interval: use e.g. 30s, 15m, 1h") from None


def watch(feeds: list[str], db: str | Path, every: float, *, polls: int | None = None,
          follow_links: bool = False, on_poll: Callable[[Summary], None] | None = None,
          sleep: Callable[[float], None] = time.sleep, fetcher: Fetcher | None = None) -> list[Summary]:
    """Poll feeds (URLs or files) every `every` seconds and ingest what is new; one run per poll."""
    from detente.ingest.fetch import Fetcher, articles_from_url
    from detente.ingest.reader import read_path

    client = fetcher or Fetcher()
    summaries: list[Summary] = []
    n = 0
    try:
        while polls is None or n < polls:
            if n:
                sleep(every)
            n += 1

            def entries() -> Iterator[Article | Failure]:
                for feed in feeds:
                    if feed.startswith(("http://", "https://")):
                        yield from articles_from_url(feed, client, follow_links=follow_links)
                    else:
                        yield from read_path(feed)

            summary = run(feeds, db, items=entries())
            summaries.append(summary)
            if on_poll is not None:
                on_poll(summary)
    finally:
        client.close()
    return summaries
