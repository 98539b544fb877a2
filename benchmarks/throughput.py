"""Throughput: the full pipeline against the bare spaCy `nlp.pipe` over the same texts.

    python benchmarks/throughput.py [--docs N] [--quick]
Both runs use the same loaded pipeline, batch size and texts, in the same process; the
headline (last line) is the ratio full/bare of documents per second (1.0 = no overhead).
"""

from __future__ import annotations

import argparse
import time

from corpus import articles

from detente import nlp
from detente.ingest import article_from_text
from detente.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--quick", action="store_true", help="a small corpus, for CI")
    args = ap.parse_args()
    n = 100 if args.quick else args.docs
    docs = [article_from_text(d["text"], id=d["id"], published=d["published"]) for d in articles(n)]
    texts = [a.text for a in docs]
    pipeline = Pipeline(batch_size=args.batch_size)
    # warm up both paths (model load, dictionaries, caches) outside the timings
    list(nlp.parse(texts[:20], batch_size=args.batch_size))
    list(pipeline.run(docs[:20]))

    t0 = time.perf_counter()
    sentences = sum(len(list(d.sents)) for d in nlp.parse(texts, batch_size=args.batch_size))
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.run(docs))
    full = time.perf_counter() - t0

    print(f"documents: {n}  sentences: {sentences}  events: {events}")
    print(f"bare spaCy nlp.pipe: {n / bare:.1f} docs/s  {sentences / bare:.1f} sentences/s")
    print(f"full pipeline:       {n / full:.1f} docs/s  {sentences / full:.1f} sentences/s")
    print(f"throughput ratio full/bare: {bare / full:.2f}")


if __name__ == "__main__":
    main()
