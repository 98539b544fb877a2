"""Event pages bounded by a plain date column give the same rows as sorting every match."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from detente.analysis import Limits
from detente.api import data
from detente.store import initialise, queries, writing
from detente.store.queries import EventFilter, query_events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Events with many ties on a few days, undated events, and some with no day at all."""
    db = tmp_path_factory.mktemp("paging") / "s.duckdb"
    initialise(db)
    rng = random.Random(3)
    days = [dt.date(2018, 1, 1) + dt.timedelta(days=k) for k in range(6)]
    with writing(db) as con:
        for i in range(400):
            date = rng.choice(days) if rng.random() > 0.25 else None
            seen = rng.choice(days) if rng.random() > 0.05 else None
            last = rng.choice(days) if rng.random() > 0.1 else None
            source, target = rng.choice(["PRK", "KOR", "USA"]), rng.choice(["KOR", "JPN"])
            con.execute("""INSERT INTO events (merged_id, source_code, source_country, target_code,
                               target_country, date, first_seen, last_seen, event_type)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [f"m{rng.randrange(10**6):06d}-{i}", source, source, target, target, date, seen,
                         last, rng.choice(["ACCUSE", "AID"])])
    return db


def _unbounded(monkeypatch: pytest.MonkeyPatch, module: Any) -> None:
    monkeypatch.setattr(module, "top_bound", lambda *args: ("TRUE", []))


@pytest.mark.parametrize("limit", [1, 7, 60, 250, 1000])
@pytest.mark.parametrize("f", [EventFilter(), EventFilter(dyad=("PRK", "KOR")),
                               EventFilter(actor="USA", event_type="AID", date_from=dt.date(2018, 1, 3))])
def test_cli_lists_are_the_same_as_sorting_every_match(
        store: Path, monkeypatch: pytest.MonkeyPatch, f: EventFilter, limit: int) -> None:
    f = dataclasses.replace(f, limit=limit)
    bounded = query_events(store, f)
    with monkeypatch.context() as m:
        _unbounded(m, queries)
        assert bounded == query_events(store, f)


@pytest.mark.parametrize("order", ["date", "reported"])
@pytest.mark.parametrize(("offset", "limit"), [(0, 1), (0, 50), (37, 20), (150, 100), (390, 50), (500, 5)])
def test_api_pages_are_the_same_as_sorting_every_match(
        store: Path, monkeypatch: pytest.MonkeyPatch, order: str, offset: int, limit: int) -> None:
    q = data.EventQuery(offset=offset, limit=limit, order=order)
    bounded = data.list_events(store, q, Limits())
    with monkeypatch.context() as m:
        _unbounded(m, data)
        assert dataclasses.asdict(bounded) == dataclasses.asdict(data.list_events(store, q, Limits()))
    assert bounded.total == 400 and len(bounded.items) == max(0, min(limit, 400 - offset))
