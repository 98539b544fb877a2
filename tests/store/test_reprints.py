"""Reprint lookup in the store: a candidate must share two LSH bands with the new article."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from detente.ingest import duplicates
from detente.records import Article
from detente.store.writer import Batch, StoreWriter

TEXTS = ("The foreign ministers of both countries met in the capital on Tuesday and agreed to "
         "reopen the consulates that were closed during the dispute over the fishing grounds.",
         "The foreign ministers of both countries met in the capital on Tuesday and agreed to "
         "reopen the consulates that were closed during the long dispute over fishing rights.")


@pytest.mark.parametrize("one_batch", [False, True])
@pytest.mark.parametrize(("shared", "linked"), [(1, False), (2, True), (32, True)])
def test_a_reprint_candidate_shares_two_bands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              shared: int, linked: bool, one_batch: bool) -> None:
    """Near-identical texts whose bands (made up here) meet in one band only are not compared
    (one shared band is what unrelated articles have 8 % of the time); two bands make a
    candidate, whether the earlier article is in the store or in the same batch."""
    first, second = (duplicates.signature(t).tobytes() for t in TEXTS)
    assert duplicates.similarity(*(duplicates.signature(t) for t in TEXTS)) >= duplicates.THRESHOLD
    made_up = {first: [(b, 1_000 + b) for b in range(duplicates.BANDS)],
               second: [(b, 1_000 + b if b < shared else 2_000 + b) for b in range(duplicates.BANDS)]}
    monkeypatch.setattr(duplicates, "bands", lambda sig: made_up[sig.tobytes()])
    articles = [Article(id=f"a{i}", text=t, published="2018-01-04") for i, t in enumerate(TEXTS)]
    writer = StoreWriter(tmp_path / "s.duckdb")
    batches = [Batch(coded=[(a, []) for a in articles])] if one_batch else \
        [Batch(coded=[(a, [])]) for a in articles]
    for batch in batches:
        writer.commit("run", batch)
    writer.close()
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        story = con.execute("SELECT story_id FROM articles WHERE article_id = 'a1'").fetchone()
    assert story == (("a0",) if linked else ("a1",))
