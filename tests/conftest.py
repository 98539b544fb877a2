"""Shared fixtures: the parsed pipeline, and the path to ../shared when it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the project; tests that need it skip cleanly without it."""
    if not (SHARED / "dev" / "seed_article.txt").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente import Pipeline

    return Pipeline()
