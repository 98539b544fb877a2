"""Generated corpora for store and runner tests (sentences written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

SENTENCES = (
    "Japan accused North Korea of provocations on Thursday.",
    "China criticized the United States over tariffs on Monday.",
    "France condemned Syria on Monday.",
    "Russia threatened Ukraine with sanctions on Friday.",
)
FILLER = ("Officials gave no further details.", "The statement was read on state television.",
          "Analysts expect further talks in the spring.", "Markets in the region were calm.")


def article(i: int) -> dict[str, str]:
    """A short, distinct article: one coded sentence and some filler that varies with i."""
    lead = SENTENCES[i % len(SENTENCES)]
    body = " ".join(FILLER[(i + k) % len(FILLER)] for k in range(3))
    return {"id": f"doc-{i:05d}", "text": f"{lead} {body} Reference number {i} of the series.",
            "published": f"2018-{1 + i % 12:02d}-{1 + i % 27:02d}", "outlet": f"Outlet {i % 7}"}


def write_corpus(path: Path, n: int, bad_lines: tuple[int, ...] = ()) -> Path:
    """A JSONL corpus of n generated articles; line numbers in bad_lines are broken JSON."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write("{broken\n" if i in bad_lines else json.dumps(article(i)) + "\n")
    return path
