"""Per-stage profile: where the time goes (parse, actors, coding, dates, places, speech, store).

    python benchmarks/stages.py [--docs N] [--quick]
Each stage runs over the same parsed documents; shares are of the summed stage time. The
store stage commits the coded documents to a new DuckDB store in the runner's batches (one
transaction each, with near-duplicate linking) and rebuilds the merged events once. Times
are CPU seconds of this process (all its threads), so other load on the machine does not
distort the shares.
The headline (last line) is the share of time outside spaCy's parse.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from typing import Any

from corpus import articles

from detente import nlp
from detente.actors import find_mentions
from detente.coding import code_doc
from detente.pipeline import events_of
from detente.records import Article
from detente.runner import BATCH_SIZE
from detente.speakers import speaker_of
from detente.store.writer import Batch, StoreWriter, rebuild_merged
from detente.when import event_date, parse_iso
from detente.where import event_location


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.process_time()
    out = fn()
    return out, time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n = 100 if args.quick else args.docs
    docs_in = list(articles(n, seed=11))
    warm = list(articles(10, seed=99))  # warm up every stage (model, dictionaries, gazetteer, tables)
    for a, doc in zip(warm, nlp.parse(d["text"] for d in warm), strict=True):
        events_of(Article(id=a["id"], text=a["text"], published=a["published"]), doc)

    docs, t_parse = timed(lambda: list(nlp.parse(d["text"] for d in docs_in)))
    dates = [parse_iso(d["published"]) for d in docs_in]
    index, t_actors = timed(lambda: [find_mentions(doc, p) for doc, p in zip(docs, dates, strict=True)])
    coded, t_coding = timed(lambda: [code_doc(doc, ix) for doc, ix in zip(docs, index, strict=True)])
    found = [
        (doc[c.trigger_i], c, p, ix)
        for doc, cs, p, ix in zip(docs, coded, dates, index, strict=True)
        for c in cs
    ]
    _, t_dates = timed(lambda: [event_date(tok, p, c.status) for tok, c, p, _ in found])
    _, t_places = timed(lambda: [event_location(tok) for tok, _, _, _ in found])
    _, t_speech = timed(lambda: [speaker_of(tok, ix) for tok, _, _, ix in found])
    arts = [Article(id=d["id"], text=d["text"], published=d["published"]) for d in docs_in]
    coded_batches = [Batch(coded=[(a, events_of(a, doc)) for a, doc in
                                  zip(arts[i : i + BATCH_SIZE], docs[i : i + BATCH_SIZE], strict=True)])
                     for i in range(0, n, BATCH_SIZE)]
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        writer = StoreWriter(f"{tmp}/store.duckdb")
        run_id = writer.begin_run(["generated"], {})
        _, t_store = timed(lambda: [writer.commit(run_id, b) for b in coded_batches])
        _, t_merge = timed(lambda: rebuild_merged(f"{tmp}/store.duckdb"))
    stages = {"parse": t_parse, "actors": t_actors, "coding": t_coding, "dates": t_dates,
              "places": t_places, "speech": t_speech, "store": t_store, "merge": t_merge}
    total = sum(stages.values())
    print(f"documents: {n}  predicates: {len(found)}")
    for name, t in stages.items():
        print(f"{name:8} {t:8.3f} CPU s  {100 * t / total:5.1f} %")
    print(f"time outside the spaCy parse: {100 * (total - t_parse) / total:.1f} % of the total")


if __name__ == "__main__":
    main()
