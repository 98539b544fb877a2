"""Generated news-like articles for benchmarks: templated sentences written by the project.

Deterministic for a seed, so every run and every benchmark codes the same texts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

ACTORS = [
    "North Korea", "South Korea", "the United States", "China", "Russia", "Japan", "Iran",
    "Israel", "Ukraine", "Turkey", "India", "Pakistan", "France", "Germany", "the European Union",
    "the United Nations", "NATO", "Syrian government forces", "Taliban fighters", "Venezuela",
    "South Korean President Moon Jae-in", "Russian Foreign Minister Sergei Lavrov",
    "Chinese officials", "Iranian troops", "Pyongyang", "Washington", "Beijing", "Moscow",
]
CLAUSES = [
    "{a} accused {b} of violating the agreement {t}",
    "{a} agreed to hold talks with {b} {t}",
    "{a} imposed new sanctions on {b} {t}",
    "{a} threatened {b} with retaliation {t}",
    "{a} met {b} in Geneva {t}",
    "{a} rejected a proposal from {b} {t}",
    "{a} promised humanitarian aid to {b} {t}",
    "{a} condemned {b} for the missile launch {t}",
    "{a} expelled diplomats from {b} {t}",
    "{a} attacked positions held by {b} {t}",
    "{a} called on {b} to release the prisoners {t}",
    "{a} signed a trade agreement with {b} {t}",
]
FILLER = [
    "Officials gave no further details.",
    "The statement was carried by state media.",
    "Analysts said the move could raise tensions in the region.",
    "The talks are expected to continue next month.",
]
TIMES = ["on Monday", "on Tuesday", "yesterday", "last week", "on Thursday", "earlier this month", ""]


def articles(n: int, seed: int = 7, sentences: int = 6) -> Iterator[dict[str, str]]:
    """`n` JSONL-ready documents (id, text, published)."""
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    for i in range(n):
        parts = []
        for _ in range(sentences):
            if rng.random() < 0.3:
                parts.append(rng.choice(FILLER))
                continue
            a, b = rng.sample(ACTORS, 2)
            s = rng.choice(CLAUSES).format(a=a, b=b, t=rng.choice(TIMES)).strip()
            parts.append(s[0].upper() + s[1:] + ".")
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "text": " ".join(parts),
            "published": (start + timedelta(days=rng.randrange(700))).isoformat(),
        }
