"""Ingest benchmark: N generated articles through the corpus runner into a fresh store.

    python benchmarks/ingest_bench.py            # 10,000 articles
    python benchmarks/ingest_bench.py --quick    # 300 articles, for CI
    python benchmarks/ingest_bench.py --store-only   # null coder: reading, checks and store alone

Prints documents per second and peak memory (resident set, must stay under 1.5 GB); the
headline is the last line. Articles are generated from templates written for this
benchmark; one in ten is a reprint of an earlier one with an edited first line.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from detente.pipeline import Result
from detente.records import Article
from detente.runner import run
from detente.store.queries import summarise

LIMIT_MB = 1536
COUNTRIES = ("Japan", "North Korea", "South Korea", "China", "the United States", "Russia", "Ukraine",
             "France", "Germany", "Iran", "Israel", "India", "Pakistan", "Turkey", "Syria", "Canada")
ACTS = ("accused {t} of provocations", "criticized {t} over its tariffs", "condemned {t}",
        "threatened {t} with sanctions", "praised {t} for its restraint", "met officials from {t}",
        "agreed to hold talks with {t}", "expelled diplomats from {t}", "imposed sanctions on {t}")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday", "today")
WHO = ("A spokesman", "The minister", "An adviser", "A senior diplomat", "The ambassador",
       "A government source", "The envoy", "A parliamentary aide", "The deputy minister", "An official")
SAID = ("said", "told reporters", "wrote", "added", "noted", "stressed", "insisted", "repeated")
WHAT = ("that the matter was closed", "that more meetings were planned", "that the text was final",
        "that markets stayed calm", "that the dispute would take months", "that a reply was drafted",
        "that the border stayed open", "that aid deliveries went on", "that the vote was delayed",
        "that the figures were disputed", "that trade had slowed", "that troops stayed in barracks")
WHERE = ("in the capital", "at a briefing", "after the cabinet meeting", "on state radio",
         "in a letter", "late in the evening", "at the airport", "in a short statement", "before the vote",
         "in an interview")


def filler(rng: random.Random) -> str:
    """One sentence from about ten thousand combinations, so that different articles differ."""
    return f"{rng.choice(WHO)} {rng.choice(SAID)} {rng.choice(WHAT)} {rng.choice(WHERE)}."


def generate(n: int, path: Path, seed: int = 1) -> Path:
    """n articles as JSONL: two or three event sentences and filler each; every tenth a reprint."""
    rng = random.Random(seed)
    written: list[dict[str, str]] = []
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i % 10 == 9 and written:
                src = rng.choice(written[-200:])
                doc = {**src, "id": f"{src['id']}-r{i}", "outlet": f"Outlet {rng.randrange(40)}",
                       "text": "From our wire service. " + src["text"]}
            else:
                sents = []
                for _ in range(rng.randint(2, 3)):
                    s, t = rng.sample(COUNTRIES, 2)
                    act = rng.choice(ACTS).format(t=t)
                    sents.append(f"{s[0].upper()}{s[1:]} {act} {rng.choice(DAYS)}.")
                sents += [filler(rng) for _ in range(4)] + [f"Dispatch {i} closes here."]
                day = f"2018-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                doc = {"id": f"bench-{i:06d}", "text": " ".join(sents), "published": day,
                       "outlet": f"Outlet {rng.randrange(40)}"}
                written.append(doc)
            f.write(json.dumps(doc) + "\n")
    return path


def no_events(batch: list[Article]) -> list[Result]:
    return [Result(a) for a in batch]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate")
    parser.add_argument("--quick", action="store_true", help="300 articles")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--store-only", action="store_true", help="skip NLP: measure reading and storing")
    args = parser.parse_args()
    n = 300 if args.quick else args.n
    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate(n, Path(tmp) / "bench.jsonl")
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        kwargs = {"fn": no_events} if args.store_only else {}
        summary = run([str(corpus)], db, batch_size=args.batch_size, **kwargs)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        store = summarise(db)
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("bench.duckdb*")) / 2**20
    rate = n / seconds
    mem = peak_mb()
    mode = "store only" if args.store_only else "full pipeline"
    print(f"documents {summary.read}: coded {summary.stored}, skipped {summary.n_skipped}, "
          f"failed {summary.failed}; reconciled {summary.reconciled}")
    print(f"event records {store.mentions}, merged events {store.events}, stories {store.stories}; "
          f"store {size_mb:.1f} MB")
    print(f"peak memory {mem:.0f} MB (limit {LIMIT_MB} MB): {'ok' if mem < LIMIT_MB else 'OVER'}")
    print(f"ingest ({mode}): {n} documents in {seconds:.1f} s = {rate:.1f} documents/s, "
          f"peak memory {mem:.0f} MB")
    return 0 if summary.reconciled and mem < LIMIT_MB and summary.stored == n else 1


if __name__ == "__main__":
    sys.exit(main())
