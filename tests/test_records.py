from detente.records import (
    EVENT_FIELDS,
    Actor,
    Event,
    Evidence,
    Location,
    contract_errors,
    event_id,
)


def make_event(**over):  # type: ignore[no-untyped-def]
    base = dict(
        event_id="x", article_id="a", sentence_index=0, sentence="S.",
        source=Actor("North Korea", "PRK", "PRK"), target=None, event_type="ACCUSE",
        mode="disapprove", context=[], cameo="111", goldstein=-2.0, quad_class=3,
        date="2018-01-04", date_precision="day", status="occurred",
        location=Location("Seoul", "KOR", None, 37.5, 127.0), speaker=None,
        evidence=Evidence("accused", (0, 7), (8, 19), None, "pattern:x"), confidence=0.5,
    )
    base.update(over)
    return Event(**base)


def test_round_trip_keeps_every_field():
    e = make_event()
    d = e.as_dict()
    assert set(EVENT_FIELDS) <= set(d)
    assert Event.from_dict(d) == e
    assert d["evidence"]["trigger_span"] == [0, 7]


def test_contract_accepts_a_good_record():
    assert contract_errors(make_event().as_dict()) == []


def test_contract_rejects_bad_records():
    assert contract_errors(make_event(event_type="HUG").as_dict())
    assert contract_errors(make_event(cameo="1a").as_dict())
    assert contract_errors(make_event(date="yesterday").as_dict())
    assert contract_errors(make_event(source=Actor("x", country="KP")).as_dict())
    d = make_event().as_dict()
    del d["speaker"]
    assert contract_errors(d) == ["missing field speaker"]


def test_contract_checks_spans_against_text():
    d = make_event(evidence=Evidence("accused", (0, 7), None, None, "r")).as_dict()
    assert contract_errors(d, "accused Japan") == []
    assert contract_errors(d, "blamed Japan") == ["trigger text does not match its span"]
    assert "trigger_span [0, 7] lies outside the document" in contract_errors(d, "acc")


def test_event_id_is_stable_and_distinguishes_roles():
    a = event_id("doc", 1, (3, 9), (0, 2), None)
    assert a == event_id("doc", 1, (3, 9), (0, 2), None)
    assert a != event_id("doc", 1, (3, 9), (0, 2), (10, 12))
    assert a != event_id("doc2", 1, (3, 9), (0, 2), None)


def test_written_as_is_replace_of_the_text() -> None:
    from dataclasses import fields, replace

    a = Actor("Seoul", "KORGOV", "KOR", "GOV", "South Korea", "Q884")
    assert a.written_as("the South Korean government") == replace(a, text="the South Korean government")
    # a new field must be carried by written_as too: this list changes with it
    assert [f.name for f in fields(Actor)] == ["text", "code", "country", "sector", "name", "wikidata"]
