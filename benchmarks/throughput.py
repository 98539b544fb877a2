"""Throughput: the full pipeline against the bare spaCy `nlp.pipe` over the same texts.

    python benchmarks/throughput.py [--docs N] [--rounds R] [--quick]
Both runs use the same loaded pipeline, batch size and texts, in the same process. They
alternate for R rounds and each keeps its fastest round, so a burst of other load on the
machine does not land on one side only. The CPU seconds of each side are printed too. The
headline (last line) is the ratio full/bare of documents per second (1.0 = no overhead).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from corpus import articles

from detente import nlp
from detente.ingest import article_from_text
from detente.pipeline import Pipeline


def best(fn: Callable[[], int], rounds: list[tuple[float, float]]) -> int:
    """Run `fn`, appending its (wall, CPU) seconds to `rounds`; what it counted."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    rounds.append((time.perf_counter() - w0, time.process_time() - c0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--quick", action="store_true", help="a small corpus, for CI")
    args = ap.parse_args()
    n = 100 if args.quick else args.docs
    rounds = 1 if args.quick else args.rounds
    docs = [article_from_text(d["text"], id=d["id"], published=d["published"]) for d in articles(n)]
    texts = [a.text for a in docs]
    pipeline = Pipeline(batch_size=args.batch_size)
    # warm up both paths (model load, dictionaries, caches) outside the timings
    list(nlp.parse(texts[:20], batch_size=args.batch_size))
    list(pipeline.run(docs[:20]))

    bare: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []
    sentences = events = 0
    for _ in range(rounds):
        sentences = best(lambda: sum(len(list(d.sents)) for d in nlp.parse(texts, args.batch_size)), bare)
        events = best(lambda: sum(len(r.events) for r in pipeline.run(docs)), full)
    b_wall, f_wall = min(w for w, _ in bare), min(w for w, _ in full)
    b_cpu, f_cpu = min(c for _, c in bare), min(c for _, c in full)
    print(f"documents: {n}  sentences: {sentences}  events: {events}  rounds: {rounds}  "
          f"load average: {os.getloadavg()[0]:.1f}")
    print(f"bare spaCy nlp.pipe: {n / b_wall:.1f} docs/s  {sentences / b_wall:.1f} sentences/s  "
          f"({b_cpu:.1f} CPU s)")
    print(f"full pipeline:       {n / f_wall:.1f} docs/s  {sentences / f_wall:.1f} sentences/s  "
          f"({f_cpu:.1f} CPU s)")
    print(f"CPU time ratio bare/full: {b_cpu / f_cpu:.2f}")
    print(f"throughput ratio full/bare: {b_wall / f_wall:.2f}")


if __name__ == "__main__":
    main()
