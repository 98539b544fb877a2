"""End to end: text in, contract-honouring event records out."""

from __future__ import annotations

import detente
from detente.records import contract_errors

STORY = (
    "SEOUL, 10 March 2019 - North Korea fired two short-range missiles into the sea on "
    "Saturday, South Korea's military said. Japan condemned North Korea yesterday. "
    "The foreign ministers of both countries will meet in Tokyo on Tuesday."
)


def test_code_returns_records_with_evidence() -> None:
    events = detente.code(STORY)
    assert events
    for e in events:
        assert contract_errors(e.as_dict(), STORY) == []
        s, t = e.evidence.trigger_span or (0, 0)
        assert STORY[s:t] == e.evidence.trigger
    condemn = [e for e in events if e.evidence.trigger == "condemned"]
    assert condemn and condemn[0].source and condemn[0].source.country == "JPN"
    assert condemn[0].target and condemn[0].target.country == "PRK"
    assert condemn[0].date == "2019-03-09"


def test_pipeline_streams_many_documents(pipeline) -> None:  # type: ignore[no-untyped-def]
    from detente.ingest import article_from_text

    arts = [article_from_text(STORY, id=f"d{i}") for i in range(5)]
    results = list(pipeline.run(arts))
    assert [r.article.id for r in results] == [f"d{i}" for i in range(5)]
    assert all(r.failure is None and r.events for r in results)
    assert len({e.event_id for r in results for e in r.events}) == sum(len(r.events) for r in results)
