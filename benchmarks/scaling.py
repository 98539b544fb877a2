"""Scaling: the same corpus coded on a Dask LocalCluster of 1 and of 2 worker processes.

    python benchmarks/scaling.py [--docs N] [--workers 1,2] [--parts] [--quick]
Each cluster is started and its workers load the pipeline (the worker plugin) before the
clock starts; the timed part is the runner's executor coding every batch and returning its
records to the client (the store writer is timed by stages.py), or with --parts, writing
them as Parquet parts (store/parts.py) and returning each part's summary. Efficiency for w workers is
(documents/s with w) / (w x documents/s with 1). The headline (last line) is the efficiency
of the largest cluster.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterator
from functools import partial

from corpus import articles

from detente.records import Article
from detente.runner import BATCH_SIZE, code_batch
from detente.scale import DaskExecutor, cluster_client
from detente.store.parts import Part, code_part


def batches(docs: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(docs), size):
        yield docs[i : i + size]


def rate(docs: list[Article], workers: int, batch_size: int, parts: bool) -> tuple[float, int, float]:
    """Documents per second, events and the CPU seconds the workers spent, on `workers` workers."""
    with cluster_client(f"local:{workers}") as client, tempfile.TemporaryDirectory() as tmp:
        executor = DaskExecutor(client)  # registers the plugin: workers load the pipeline now
        list(executor.map(code_batch, batches(docs[: workers * 4], 1)))  # every worker warm
        cpu0 = sum(client.run(time.process_time).values())
        t0 = time.perf_counter()
        if parts:
            events = sum(n for out in executor.map(partial(code_part, code_batch, tmp, "bench"),
                                                   batches(docs, batch_size))
                         for p in out if isinstance(p, Part) for _, n in p.coded)
        else:
            events = sum(len(r.events) for rs in executor.map(code_batch, batches(docs, batch_size))
                         for r in rs)
        seconds = time.perf_counter() - t0
        cpu = sum(client.run(time.process_time).values()) - cpu0
    return len(docs) / seconds, events, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", default="1,2", help="cluster sizes, comma-separated")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE // 2)
    ap.add_argument("--parts", action="store_true", help="workers write Parquet parts, return summaries")
    ap.add_argument("--quick", action="store_true", help="a small corpus, for CI")
    args = ap.parse_args()
    n = 200 if args.quick else args.docs
    docs = [Article(id=d["id"], text=d["text"], published=d["published"]) for d in articles(n, seed=13)]
    sizes = [int(w) for w in args.workers.split(",")]
    print(f"documents: {n}  batch size: {args.batch_size}  cores: {os.cpu_count()}  "
          f"load average: {os.getloadavg()[0]:.1f}  records: {'Parquet parts' if args.parts else 'returned'}")
    rates: dict[int, float] = {}
    for w in sizes:
        rates[w], events, cpu = rate(docs, w, args.batch_size, args.parts)
        print(f"{w} worker(s): {rates[w]:7.1f} docs/s  events {events}  "
              f"worker CPU {cpu:.1f} s ({n / cpu:.1f} docs per CPU second)")
    base = rates[sizes[0]] / sizes[0]
    for w in sizes[1:]:
        print(f"speed-up {w} vs {sizes[0]}: {rates[w] / rates[sizes[0]]:.2f}x")
    print(f"scaling efficiency with {sizes[-1]} workers: {rates[sizes[-1]] / (sizes[-1] * base):.2f}")


if __name__ == "__main__":
    main()
