# mypy: disallow-untyped-calls=False
# (distributed's Client, LocalCluster and Future methods carry no type hints)
"""The Dask executor: the runner's batches coded on a Dask cluster, with the same records.

`DaskExecutor` plugs into the runner's executor seam (runner.Executor): each batch of
articles becomes one task running the same `code_batch` function on a worker, a bounded
number of batches are in flight, and results come back in batch order to the runner, which
stays the single writer of the store. A worker loads the spaCy pipeline and the
dictionaries once, when it starts (`PipelineLoader`), and keeps them in its process caches.

A failed batch is retried (`retries` times; a batch whose worker died is rescheduled by
Dask); if it still fails, its articles are coded one per task, so a poisoned document (one
that crashes or kills a worker) becomes a failure record and the rest of its batch is stored.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from detente.errors import ConfigError, Errors
from detente.pipeline import Result
from detente.records import Article, Failure
from detente.runner import CodeBatch

log = logging.getLogger(__name__)

RETRIES = 2
CONNECT_TIMEOUT = "20s"
WARM_UP_TEXT = "The two governments agreed on Monday to hold talks."


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline and the dictionaries when a worker starts, once per process."""

    name = "detente-pipeline"

    def setup(self, worker: Any) -> None:
        from detente.runner import code_batch

        code_batch([Article(id="warm-up", text=WARM_UP_TEXT, published="2018-01-01")])


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

    def map(self, fn: CodeBatch, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Submit batches as they come, keeping `in_flight` of them on the cluster."""
        pending: deque[tuple[list[Article], Future[list[Result]] | None]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(fn, batch)))
            if len(pending) >= self.in_flight:
                yield self._gather(fn, *pending.popleft())
        while pending:
            yield self._gather(fn, *pending.popleft())

    def _submit(self, fn: CodeBatch, batch: list[Article]) -> Future[list[Result]] | None:
        if not batch:
            return None
        return self.client.submit(fn, batch, retries=self.retries, pure=False)

    def _gather(self, fn: CodeBatch, batch: list[Article],
                future: Future[list[Result]] | None) -> list[Result]:
        if future is None:
            return []
        try:
            results: list[Result] = future.result()
            return results
        except Exception as e:
            log.warning("a batch of %d documents failed on the cluster (%s); coding them one by one",
                        len(batch), _reason(e))
        finally:
            future.release()
        return self._one_by_one(fn, batch)

    def _one_by_one(self, fn: CodeBatch, batch: list[Article]) -> list[Result]:
        """Each article of a failed batch as its own task, one at a time: only the poisoned ones
        fail (a worker that dies takes down the tasks it holds, so none may wait beside one)."""
        out: list[Result] = []
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
    core) or the address of a running scheduler (`tcp://host:8786`); closed on exit."""
    if spec == "local" or spec.startswith("local:"):
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


@contextmanager
def dask_executor(spec: str, **options: Any) -> Iterator[DaskExecutor]:
    """A DaskExecutor on the cluster named by `spec` (see `cluster_client`)."""
    with cluster_client(spec) as client:
        yield DaskExecutor(client, **options)
