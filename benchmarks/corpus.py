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
TIMES = ["on Monday", "on Tuesday", "yesterday", "last week", "on Thursday", "earlier this month", ""]
CITIES = [
    "Geneva", "Vienna", "Brussels", "Doha", "Cairo", "Istanbul", "New Delhi", "Tokyo", "Seoul",
    "Nairobi", "Bogota", "Warsaw", "Oslo", "Jakarta", "Hanoi", "Riyadh", "Lagos", "Lima",
]
SPEAKERS = [
    "Officials", "Diplomats", "A government spokesman", "Analysts", "Witnesses", "Local media",
    "A senior aide", "Opposition leaders", "Aid workers", "The foreign ministry",
]
NOUNS = ["people", "soldiers", "civilians", "protesters", "refugees", "workers", "students",
         "police officers"]
DETAILS = [
    "{s} in {c} said {n} {p} had gathered near the border {t}.",
    "{s} said the talks in {c} would resume after a pause of {k} days.",
    "{s} put the number of {p} affected at about {n}.",
    "The statement, issued in {c}, ran to {k} pages and was carried by state media.",
    "{s} said a delegation of {k} members had left {c} {t}.",
    "Prices in {c} rose by {k} percent, {sl} said.",
]


def _detail(rng: random.Random) -> str:
    """A sentence of varied detail (numbers, places, sources), as real reports carry."""
    speaker = rng.choice(SPEAKERS)
    return rng.choice(DETAILS).format(
        s=speaker, sl=speaker[0].lower() + speaker[1:], c=rng.choice(CITIES), t=rng.choice(TIMES),
        n=f"{rng.randrange(20, 90000):,}", k=rng.randrange(2, 60), p=rng.choice(NOUNS)).replace(" .", ".")


def articles(n: int, seed: int = 7, sentences: int = 6) -> Iterator[dict[str, str]]:
    """`n` JSONL-ready documents (id, text, published): `sentences` event sentences or details each.

    Details vary (numbers, places, sources) so that two articles are no more alike than two
    different news reports are; a corpus of near-copies would measure the reprint check instead.
    """
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    for i in range(n):
        parts = []
        for _ in range(sentences):
            if rng.random() < 0.3:
                parts.append(_detail(rng))
                continue
            a, b = rng.sample(ACTORS, 2)
            s = rng.choice(CLAUSES).format(a=a, b=b, t=rng.choice(TIMES)).strip()
            parts.append(s[0].upper() + s[1:] + ".")
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "text": " ".join(parts),
            "published": (start + timedelta(days=rng.randrange(700))).isoformat(),
        }
