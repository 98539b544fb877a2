"""Memory: peak RSS of each Dask worker (and of the writing client) as the corpus grows.

    python benchmarks/memory.py [--sizes 1000,10000,100000] [--workers 2] [--records] [--quick]
For each size a fresh process writes a generated JSONL corpus, starts a LocalCluster and runs
what `detente ingest --cluster local:N` runs (the runner with the Dask executor; workers write
Parquet parts that the client loads; `--records`: records sent back through the scheduler
instead) into a new store; the workers report their peak resident set (getrusage), the client
its own. Flat means the peak does not grow
with the corpus: documents stream in batches and only a few batches are in flight. While a
corpus streams, a line per fiftieth of it shows the peaks so far (a worker's peak after N
documents is what a corpus of N gives it). The headline (last line) is the largest worker peak
of the largest corpus over that of the smallest.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import articles


def peak_mb() -> float:
    """This process's peak resident set in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """This process's resident set now, in MB (Linux; 0 elsewhere): what it holds, not its peak."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def measure(n: int, workers: int, folder: Path, records: bool) -> dict[str, object]:
    """Ingest `n` generated documents on `workers` Dask workers; peaks and counts."""
    from detente.runner import run
    from detente.scale import DaskExecutor, cluster_client, parts_directory

    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for d in articles(n, seed=17):
            f.write(json.dumps(d) + "\n")
    spec = f"local:{workers}"
    with cluster_client(spec) as client, parts_directory(spec, folder / "store.duckdb") as parts:
        executor = DaskExecutor(client)
        started = sum(client.run(peak_mb).values()) / workers
        t0 = time.perf_counter()
        every = max(n // 50, 100)
        last = [0]

        def sample(read: int) -> None:
            """A line per `every` documents read, so a run stopped early still tells its curve."""
            if read - last[0] >= every:
                last[0] = read
                peaks = sorted(client.run(peak_mb).values())
                print(json.dumps({"sample": read, "worker_peak_mb": peaks, "client_peak_mb": peak_mb(),
                                  "client_rss_mb": rss_mb(), "seconds": time.perf_counter() - t0}),
                      flush=True)

        summary = run([str(corpus)], folder / "store.duckdb", executor=executor, progress=sample,
                      parts=None if records else parts)
        seconds = time.perf_counter() - t0
        peaks = sorted(client.run(peak_mb).values())
    return {"documents": n, "stored": summary.stored, "events": summary.events, "seconds": seconds,
            "worker_start_mb": started, "worker_peak_mb": peaks, "client_peak_mb": peak_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--records", action="store_true",
                    help="records back through the scheduler instead of Parquet parts")
    ap.add_argument("--quick", action="store_true", help="100, 300 and 1000 documents, for CI")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # measure one size (a child process)
    args = ap.parse_args()
    if args.one is not None:
        with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
            print(json.dumps(measure(args.one, args.workers, Path(tmp), args.records)))
        return
    sizes = [100, 300, 1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(f"workers: {args.workers}  cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}  "
          f"records {'through the scheduler' if args.records else 'in Parquet parts'}")
    found = []
    for n in sizes:
        child = subprocess.Popen([sys.executable, __file__, "--one", str(n), "--workers", str(args.workers)]
                                 + (["--records"] if args.records else []),
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        r: dict[str, Any] = {}
        for line in child.stdout:
            r = json.loads(line)
            if "sample" in r:
                print(f"  ... {r['sample']:>7} documents read: worker peak RSS "
                      f"{' / '.join(f'{m:.0f}' for m in r['worker_peak_mb'])} MB; "
                      f"client peak {r['client_peak_mb']:.0f} MB (now {r['client_rss_mb']:.0f}); "
                      f"{r['seconds']:.0f} s", flush=True)
        if child.wait() != 0 or "sample" in r:
            sys.exit(f"the run of {n} documents failed")
        found.append(r)
        print(f"{n:>8} documents: worker peak RSS {' / '.join(f'{m:.0f}' for m in r['worker_peak_mb'])} MB "
              f"(after loading {r['worker_start_mb']:.0f} MB); client {r['client_peak_mb']:.0f} MB; "
              f"{r['seconds']:.0f} s, {r['documents'] / r['seconds']:.1f} docs/s, {r['events']} events",
              flush=True)
    first, last = max(found[0]["worker_peak_mb"]), max(found[-1]["worker_peak_mb"])
    print(f"worker peak RSS {first:.0f} MB at {sizes[0]:,} documents, {last:.0f} MB at {sizes[-1]:,}: "
          f"ratio {last / first:.2f}")


if __name__ == "__main__":
    main()
