"""Every benchmark runs in quick mode and prints its headline last (timings are not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
HEADLINES = {
    "actors_bench.py": r"^actors: [\d,]+ mentions/s; actor time / spaCy parse time = \d+\.\d{3}$",
    "throughput.py": r"^throughput ratio full/bare: \d+\.\d\d$",
    "stages.py": r"^time outside the spaCy parse: \d+\.\d % of the total$",
    "scaling.py": r"^scaling efficiency with 2 workers: \d+\.\d\d$",
    "memory.py": r"^worker peak RSS \d+ MB at 100 documents, \d+ MB at 1,000: ratio \d+\.\d\d$",
    "ingest_bench.py": (r"^ingest \(full pipeline\): 300 documents in [\d.]+ s = [\d.]+ documents/s, "
                        r"peak memory \d+ MB$"),
    "queries.py": (r"^dyad series on 100,000 events: p50 \d+ ms, p95 \d+ ms "
                   r"\(shared reader: p50 \d+ ms, p95 \d+ ms\)$"),
}


def test_every_benchmark_has_a_headline() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py")} - {"corpus.py"}
    assert scripts == set(HEADLINES)


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(HEADLINES))
def test_benchmark_runs_in_quick_mode(script: str) -> None:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), "--quick"], capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines and re.match(HEADLINES[script], lines[-1]), done.stdout
