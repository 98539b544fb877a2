"""Shared fixtures: the parsed pipeline, and the paths to ../shared and the dev news texts when they exist.

DETENTE_SHARED and DETENTE_DEVNEWS point a checkout that is not beside ../shared (a git
worktree, say) at the shared folder and at a gathered .cache/devnews/articles.jsonl.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DETENTE_SHARED") or ROOT.parent / "shared")
DEVNEWS = Path(os.environ.get("DETENTE_DEVNEWS") or ROOT / ".cache" / "devnews" / "articles.jsonl")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the project; tests that need it skip cleanly without it."""
    needed = ("dev/seed_article.txt", "dev/seed_gold.jsonl", "reference/cameo_codes.csv",
              "reference/cameo2plover.txt")
    missing = [n for n in needed if not (SHARED / n).is_file()]
    if missing:
        pytest.skip(f"../shared is not present (missing {', '.join(missing)})")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente import Pipeline

    return Pipeline()


RELATIONS = ROOT / "tests" / "api" / "fixtures"


@pytest.fixture(scope="session")
def relations_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real ingest of the project's small relations corpus (tests/api/fixtures):
    four months of two Koreas' relations with a week of clashes, and one hostile article."""
    from detente.runner import run

    db = tmp_path_factory.mktemp("relations") / "relations.duckdb"
    summary = run(sorted(str(p) for p in RELATIONS.glob("*.jsonl")), db)
    assert summary.failed == 0 and summary.events > 0
    return db
