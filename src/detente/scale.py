# mypy: disallow-untyped-calls=False
# (distributed's Client, LocalCluster and Future methods carry no type hints)
"""The Dask executor: the runner's batches coded on a Dask cluster, with the same records.

`DaskExecutor` plugs into the runner's executor seam (runner.Executor): each batch of
articles becomes one task running the same `code_batch` function on a worker, a bounded
number of batches are in flight, and results come back in batch order to the runner, which
stays the single writer of the store. A worker loads the spaCy pipeline and the
dictionaries once, when it starts (`PipelineLoader`), and keeps them in its process caches;
the plugin also stops the worker's statistical profiler (`stop_profiler`).

A failed batch is retried (`retries` times; a batch whose worker died is rescheduled by
Dask); if it still fails, its articles are coded one per task, so a poisoned document (one
that crashes or kills a worker) becomes a failure record and the rest of its batch is stored.
The task may also be `store.parts.code_part`, which writes the batch's records as a Parquet
part on the worker and returns only a summary (the runner does so when given `parts`);
`parts_directory` picks the directory for a cluster.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import dask
from distributed import Client, Future, LocalCluster, profile
from distributed.diagnostics.plugin import WorkerPlugin

from detente.errors import ConfigError, Errors
from detente.pipeline import Result
from detente.records import Article, Failure

log = logging.getLogger(__name__)

RETRIES = 2
LOG_LENGTH = 20  # Dask's low-level logs: at most this many entries (see `cluster_client`)
CONNECT_TIMEOUT = "20s"
WARM_UP_TEXT = "The two governments agreed on Monday to hold talks."
T = TypeVar("T")


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline and the dictionaries when a worker starts, once per process,
    and stops the worker's profiler."""

    name = "detente-pipeline"

    def setup(self, worker: Any) -> None:
        from detente.runner import code_batch

        stop_profiler(worker)
        code_batch([Article(id="warm-up", text=WARM_UP_TEXT, published="2018-01-01")])


def stop_profiler(worker: Any) -> None:
    """Stop a worker's statistical profiler and drop what it kept. Every 10 ms it samples the
    running task's stack into a call tree, and it keeps one tree per second for the last 1,000
    seconds: over a long ingest that grew each worker by a quarter of a gigabyte (the deep,
    varied stacks of parsing) and took CPU from the coding. Only Dask's dashboard reads it."""
    for name in ("profile", "profile-cycle"):
        callback = worker.periodic_callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
    worker.profile_history.clear()
    worker.profile_keys_history.clear()
    worker.profile_keys.clear()
    worker.profile_recent = profile.create()


class DaskExecutor:
    """Codes batches as Dask tasks; yields each batch's results in batch order."""

    def __init__(self, client: Client, *, in_flight: int | None = None, retries: int = RETRIES) -> None:
        self.client = client
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.in_flight = in_flight or 2 * workers
        self.retries = retries
        client.register_plugin(PipelineLoader())
        if any(n > 1 for n in client.nthreads().values()):
            log.warning("Dask workers with more than one thread share one spaCy pipeline; "
                        "start them with --nthreads 1 for one process per core")

    def map(self, fn: Callable[[list[Article]], list[T]],
            batches: Iterable[list[Article]]) -> Iterator[Sequence[T | Result]]:
        """Submit batches as they come, keeping `in_flight` of them on the cluster."""
        pending: deque[tuple[list[Article], Future[list[T]] | None]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(fn, batch)))
            if len(pending) >= self.in_flight:  # (named first: mypy then infers T from fn alone)
                done = self._gather(fn, *pending.popleft())
                yield done
        while pending:
            last = self._gather(fn, *pending.popleft())
            yield last

    def _submit(self, fn: Callable[[list[Article]], list[T]],
                batch: list[Article]) -> Future[list[T]] | None:
        if not batch:
            return None
        return self.client.submit(fn, batch, retries=self.retries, pure=False)

    def _gather(self, fn: Callable[[list[Article]], list[T]], batch: list[Article],
                future: Future[list[T]] | None) -> Sequence[T | Result]:
        if future is None:
            return []
        try:
            results: list[T] = future.result()
            return results
        except Exception as e:
            log.warning("a batch of %d documents failed on the cluster (%s); coding them one by one",
                        len(batch), _reason(e))
        finally:
            future.release()
        return self._one_by_one(fn, batch)

    def _one_by_one(self, fn: Callable[[list[Article]], list[T]],
                    batch: list[Article]) -> list[T | Result]:
        """Each article of a failed batch as its own task, one at a time: only the poisoned ones
        fail (a worker that dies takes down the tasks it holds, so none may wait beside one)."""
        out: list[T | Result] = []
        for article in batch:
            future = self.client.submit(fn, [article], retries=self.retries, pure=False)
            try:
                out.extend(future.result())
            except Exception as e:
                out.append(Result(article, failure=Failure(article.id, "code",
                                                           Errors.E205.format(reason=_reason(e)))))
            finally:
                future.release()
        return out


def _reason(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}".strip().rstrip(":")


@contextmanager
def cluster_client(spec: str) -> Iterator[Client]:
    """A client for `local:N` (a LocalCluster of N one-thread worker processes; `local`: one per
    core) or the address of a running scheduler (`tcp://host:8786`); closed on exit.

    Dask's low-level logs are cut to `LOG_LENGTH` entries for the client and a local cluster:
    each comm keeps its last 1,000 messages for debugging, and a message that sends a batch
    holds the batch's articles, so the client (and the scheduler of a local cluster, which
    lives in its process) kept up to a thousand batches of text: hundreds of MB on a long run."""
    length = min(dask.config.get("distributed.admin.low-level-log-length") or LOG_LENGTH, LOG_LENGTH)
    with dask.config.set({"distributed.admin.low-level-log-length": length}), _cluster_client(spec) as client:
        yield client


@contextmanager
def _cluster_client(spec: str) -> Iterator[Client]:
    if is_local(spec):
        n = spec.partition(":")[2]
        if n and not (n.isdigit() and int(n) > 0):
            raise ConfigError(Errors.E601.format(spec=spec))
        workers = int(n) if n else (os.cpu_count() or 1)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    elif "://" in spec:
        try:
            client = Client(spec, timeout=CONNECT_TIMEOUT)
        except OSError as e:
            raise ConfigError(Errors.E602.format(spec=spec, reason=e)) from e
        with client:
            yield client
    else:
        raise ConfigError(Errors.E601.format(spec=spec))


def is_local(spec: str) -> bool:
    """Whether `spec` names a cluster started here (`local`, `local:N`)."""
    return spec == "local" or spec.startswith("local:")


@contextmanager
def parts_directory(spec: str, db: str | Path, parts: str | Path | None = None,
                    keep: bool = False) -> Iterator[Path]:
    """The directory for the Parquet parts of an ingest on the cluster `spec`: `parts` if given;
    for a local cluster, else a temporary directory beside the store (`<store>.parts` when the
    parts are kept). A remote cluster's workers must see it too, so there it must be given."""
    store = Path(db).absolute()  # absolute paths: the workers are given them
    if parts is not None:
        yield Path(parts).absolute()
    elif not is_local(spec):
        raise ConfigError(Errors.E603.format(spec=spec))
    elif keep:
        yield store.with_suffix(".parts")
    else:
        store.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{store.name}.parts-", dir=store.parent) as tmp:
            yield Path(tmp)


@contextmanager
def dask_executor(spec: str, **options: Any) -> Iterator[DaskExecutor]:
    """A DaskExecutor on the cluster named by `spec` (see `cluster_client`)."""
    with cluster_client(spec) as client:
        yield DaskExecutor(client, **options)
