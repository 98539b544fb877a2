"""End to end: text in, contract-honouring event records out."""

from __future__ import annotations

import pytest

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


def test_new_words_do_not_stay_in_the_vocabulary(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Each batch runs in a spaCy memory zone: a long run does not grow with its words."""
    from detente import nlp

    pipeline.code("Norway accused Sweden of spying on Monday.", published="2019-05-10")  # warm
    strings = nlp.load_pipeline().vocab.strings
    before = len(strings)
    events = pipeline.code("Zorblaxia accused Quintrellia of spying on Monday. Qx-77193 left.",
                           published="2019-05-10")
    assert events and events[0].event_type == "ACCUSE"
    assert len(strings) == before


def test_a_resolver_built_inside_a_memory_zone_outlives_it() -> None:
    """The resolver's matcher keys are kept for good, whichever zone builds it (a fresh
    process: in this one the pipeline fixture has built the process's resolver already)."""
    import subprocess
    import sys

    script = (
        "from datetime import date\n"
        "from detente import nlp\n"
        "from detente.actors import find_mentions\n"
        "with nlp.load_pipeline().memory_zone():\n"
        "    find_mentions(nlp.parse_one('Chile met Peru.'), date(2019, 5, 10))\n"
        "with nlp.load_pipeline().memory_zone():\n"
        "    index = find_mentions(nlp.parse_one('Chile and Peru met in Lima.'), date(2019, 5, 10))\n"
        "    print(sorted({m.actor.country for m in index.mentions if m.actor.country}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "'CHL'" in out.stdout and "'PER'" in out.stdout


@pytest.mark.parametrize("text", [
    "In 2014, Russia annexed Crimea from Ukraine.",
    "Kenya and Ethiopia held talks in 2010 on the border.",
])
def test_an_act_its_clause_dates_long_before_the_article_is_historical(text: str) -> None:
    events = detente.code(text, published="2020-03-04")
    assert events and all(e.status == "historical" for e in events)


def test_a_recent_act_stays_occurred() -> None:
    events = detente.code("Kenya and Ethiopia held talks on Monday.", published="2020-03-04")
    assert events and all(e.status == "occurred" for e in events)


@pytest.mark.parametrize("text", [
    "Japan praised and welcomed the Chinese proposal.",
    "Armenian Prime Minister Nikol Pashinyan defended signing the agreement with Russia.",
])
def test_one_record_per_sentence_type_and_pair(text: str) -> None:
    events = [e for e in detente.code(text, published="2020-11-11") if e.source and e.target]
    keys = [(e.event_type, e.source.code, e.target.code) for e in events]
    assert events and len(keys) == len(set(keys))


@pytest.mark.parametrize(("text", "country"), [
    ("Angry protesters stormed the town hall in Arequipa.", "PER"),
    ("Students marched against the government in Santiago on Monday.", "CHL"),
])
def test_a_local_actor_with_no_country_is_of_the_place_it_acts_in(pipeline, text, country):  # type: ignore[no-untyped-def]
    events = pipeline.code(text, published="2020-01-05")
    assert events and events[0].source is not None
    assert events[0].source.country == country


def test_refugees_take_no_country_from_where_they_are() -> None:
    from detente.pipeline import localized
    from detente.records import Actor, Location

    refugees = Actor("refugees", code="REF", sector="REF")
    assert localized(refugees, Location("Athens", country="GRC")) == refugees
    police = Actor("police", code="COP", sector="COP")
    assert localized(police, Location("Athens", country="GRC")) == Actor(
        "police", code="GRCCOP", country="GRC", sector="COP")
    assert localized(police, None) == police


def test_a_speaker_s_undated_next_words_were_said_on_the_dated_occasion(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Speaking to reporters on Monday, Chilean President Gabriel Boric condemned the Peruvian "
            "blockade. Boric reiterated that Chile would accept nothing less than a full withdrawal.")
    events = pipeline.code(text, published="2022-03-10")
    reject = [e for e in events if e.event_type == "REJECT"]
    assert reject and (reject[0].date, reject[0].date_basis) == ("2022-03-07", "text")


def test_a_later_statement_of_another_speaker_keeps_the_publication_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Speaking to reporters on Monday, Chilean President Gabriel Boric condemned the Peruvian "
            "blockade. Peru said it would accept nothing less than a full apology.")
    events = pipeline.code(text, published="2022-03-10")
    reject = [e for e in events if e.event_type == "REJECT"]
    assert reject and reject[0].date_basis == "published"
