"""Throughput: the full pipeline against the bare spaCy `nlp.pipe` over the same texts.

    python benchmarks/throughput.py [--docs N] [--rounds R] [--corpus FILE ...] [--quick]
Both runs use the same loaded pipeline, batch size and texts, in the same process. Each of
R rounds draws new texts (so no cache carries over from an earlier round) and times bare
spaCy then the full pipeline on them, so a burst of other load on the machine lands on both
sides alike; the CPU seconds of each side are printed too. The headline (last line) is the
median over rounds of the ratio full/bare of documents per second (1.0 = no overhead).
The generated texts (corpus.py) carry an event in most sentences, a hard case for the
stages after the parse; `--corpus` measures real documents instead (e.g. the demo corpus,
examples/corpus/*.jsonl), each round taking its own share of them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial

from corpus import articles

from detente import nlp
from detente.ingest import article_from_text, read_documents
from detente.pipeline import Pipeline
from detente.records import Article


def timed(fn: Callable[[], int]) -> tuple[int, float, float]:
    """Run `fn`: what it counted, and its wall and CPU seconds."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def bare_run(texts: list[str], batch_size: int) -> int:
    """Parse with spaCy alone; sentences."""
    return sum(len(list(d.sents)) for d in nlp.parse(texts, batch_size))


def full_run(pipeline: Pipeline, docs: list[Article]) -> int:
    """The whole pipeline (parse, actors, coding, dates, places, speakers); events."""
    return sum(len(r.events) for r in pipeline.run(docs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", nargs="+", help="documents to read (any format detente reads)")
    ap.add_argument("--quick", action="store_true", help="a small corpus, for CI")
    args = ap.parse_args()
    rounds = 1 if args.quick else args.rounds
    given = _read(args.corpus) if args.corpus else None
    n = (len(given) // rounds if given else 100 if args.quick else args.docs)
    pipeline = Pipeline(batch_size=args.batch_size)
    # warm up both paths (model load, dictionaries) on texts no round uses
    warm = _docs(20, seed=99)
    list(nlp.parse([a.text for a in warm], batch_size=args.batch_size))
    list(pipeline.run(warm))

    print(f"documents: {n} per round  rounds: {rounds}  load average: {os.getloadavg()[0]:.1f}")
    wall: list[float] = []
    cpu: list[float] = []
    for r in range(rounds):
        docs = given[r * n : (r + 1) * n] if given else _docs(n, seed=100 + r)
        texts = [a.text for a in docs]
        sentences, b_wall, b_cpu = timed(partial(bare_run, texts, args.batch_size))
        events, f_wall, f_cpu = timed(partial(full_run, pipeline, docs))
        wall.append(b_wall / f_wall)
        cpu.append(b_cpu / f_cpu)
        print(f"round {r + 1}: {sentences} sentences, {events} events; bare spaCy {n / b_wall:.1f} docs/s "
              f"({sentences / b_wall:.0f} sentences/s, {b_cpu:.1f} CPU s); full pipeline "
              f"{n / f_wall:.1f} docs/s ({sentences / f_wall:.0f} sentences/s, {f_cpu:.1f} CPU s)",
              flush=True)
    print(f"CPU time ratio bare/full: {statistics.median(cpu):.2f}")
    print(f"throughput ratio full/bare: {statistics.median(wall):.2f}")


def _read(paths: list[str]) -> list[Article]:
    return [item for item in read_documents(paths) if isinstance(item, Article)]


def _docs(n: int, seed: int) -> list[Article]:
    return [article_from_text(d["text"], id=d["id"], published=d["published"]) for d in articles(n, seed)]


if __name__ == "__main__":
    main()
