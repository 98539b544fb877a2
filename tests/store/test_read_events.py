"""Event records read back from the store equal the records the pipeline coded."""

from __future__ import annotations

import json
from pathlib import Path

import detente
from detente.runner import run

STORIES = [
    {"id": "s1", "published": "2019-03-02", "text": "Japan condemned North Korea on Friday. "
     "The two Koreas will meet in Panmunjom next week."},
    {"id": "s2", "published": "2019-03-05", "text": "China accused the United States of bullying "
     "yesterday, a foreign ministry spokesman said in Beijing."},
]


def test_read_events_round_trips_the_coded_records(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STORIES))
    db = tmp_path / "s.duckdb"
    run([str(corpus)], db)
    coded = [e for s in STORIES for e in detente.Pipeline().code(s["text"], s["published"], s["id"])]
    stored = detente.read_events(db)
    assert coded and sorted(stored, key=lambda e: e.event_id) == sorted(coded, key=lambda e: e.event_id)
    assert {e.article_id for e in detente.read_events(db, article_id="s2")} == {"s2"}


def test_public_names_are_the_documented_ones() -> None:
    assert set(detente.__all__) == {
        "Actor", "Article", "ConfigError", "DetenteError", "Event", "Evidence", "Failure",
        "InputError", "Location", "Pipeline", "Result", "StoreError", "__version__", "code",
        "read_documents", "read_events",
    }
    assert all(hasattr(detente, name) for name in detente.__all__)
