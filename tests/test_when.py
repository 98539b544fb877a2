"""Time: publication dates from bylines and datelines, and each event's own date.

Every sentence here is written for these tests. The fixed publication date is Wednesday
13 March 2019 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente import nlp
from detente.when import (
    EventDate,
    byline_date,
    event_date,
    find_expressions,
    reference_date,
    resolve,
)

WED = date(2019, 3, 13)


def date_of(text: str, trigger: str, published: date | None = WED, status: str = "occurred") -> EventDate:
    doc = nlp.parse_one(text)
    token = next(t for t in doc if t.text == trigger)
    return event_date(token, published, status)


def iso(ed: EventDate) -> str | None:
    return ed.date.isoformat() if ed.date else None


# --- each kind of time expression, past and future --------------------------------------

@pytest.mark.parametrize(("text", "trigger", "status", "expected", "precision"), [
    ("Rebels attacked the convoy on Monday.", "attacked", "occurred", "2019-03-11", "day"),
    ("The ministers will meet on Monday.", "meet", "planned", "2019-03-18", "day"),
    ("The foreign ministers met on Wednesday in Oslo.", "met", "occurred", "2019-03-13", "day"),
    ("The ministers will meet again next Wednesday.", "meet", "planned", "2019-03-20", "day"),
    ("The envoy left last Tuesday.", "left", "occurred", "2019-03-12", "day"),
    ("Police arrested the protest leaders yesterday.", "arrested", "occurred", "2019-03-12", "day"),
    ("The envoy will arrive in Kabul tomorrow.", "arrive", "planned", "2019-03-14", "day"),
    ("Artillery shelled the town last night.", "shelled", "occurred", "2019-03-12", "day"),
    ("The cabinet resigned today.", "resigned", "occurred", "2019-03-13", "day"),
    ("Parliament voted against the plan earlier this week.", "voted", "occurred", "2019-03-11", "week"),
    ("The finance ministers will gather next week.", "gather", "planned", "2019-03-18", "week"),
    ("The border was closed last week.", "closed", "occurred", "2019-03-04", "week"),
    ("The two leaders spoke by telephone last month.", "spoke", "occurred", "2019-02-01", "month"),
    ("The army withdrew from the valley last year.", "withdrew", "occurred", "2018-01-01", "year"),
    ("Rebels seized the airport in February.", "seized", "occurred", "2019-02-01", "month"),
    ("The referendum will take place in February.", "take", "planned", "2020-02-01", "month"),
    ("The delegation arrived in Cairo on Jan. 9.", "arrived", "occurred", "2019-01-09", "day"),
    ("The treaty was signed on 5 March 2017.", "signed", "occurred", "2017-03-05", "day"),
    ("The treaty was signed on March 5th, 2017.", "signed", "occurred", "2017-03-05", "day"),
    ("The ceasefire was broken on 2018-11-02.", "broken", "occurred", "2018-11-02", "day"),
    ("Troops crossed the river in May 2016.", "crossed", "occurred", "2016-05-01", "month"),
    ("The junta seized power in 2014.", "seized", "occurred", "2014-01-01", "year"),
    ("The president addressed the nation on New Year's Day.", "addressed", "occurred", "2019-01-01", "day"),
    ("Militants attacked a church on Christmas Eve.", "attacked", "occurred", "2018-12-24", "day"),
    ("Fighting resumed late on Tuesday.", "resumed", "occurred", "2019-03-12", "day"),
    ("Early yesterday, the navy seized a tanker.", "seized", "occurred", "2019-03-12", "day"),
    ("The inspectors will visit the site on April 2–5.", "visit", "planned", "2019-04-02", "day"),
    ("The drills will resume after the April 2–5 festival.", "resume", "planned", "2019-04-05", "week"),
    ("The minister resigned three days ago.", "resigned", "occurred", "2019-03-10", "day"),
    ("Crowds marched over the weekend.", "marched", "occurred", "2019-03-04", "week"),
    ("Crowds will march at the weekend.", "march", "planned", "2019-03-11", "week"),
    ("Crowds marched last weekend.", "marched", "occurred", "2019-03-04", "week"),
])
def test_time_expressions(text: str, trigger: str, status: str, expected: str, precision: str) -> None:
    ed = date_of(text, trigger, status=status)
    assert (iso(ed), ed.precision, ed.basis) == (expected, precision, "text")


def test_participle_describing_a_noun_keeps_its_own_time() -> None:
    text = "The envoy on Monday mourned the soldiers killed in the ambush."
    ed = date_of(text, "killed")
    assert ed.basis == "published"
    assert iso(date_of(text, "mourned")) == "2019-03-11"


def test_bare_participle_is_past() -> None:
    text = "The accord, signed on Saturday by both sides, is holding."
    assert iso(date_of(text, "signed")) == "2019-03-09"


def test_weekday_without_tense_takes_the_nearest_day() -> None:
    ed = date_of("Hopes for Monday's talks are low.", "talks")
    assert iso(ed) == "2019-03-11"  # two days back is nearer than five days ahead
    ed = date_of("Hopes for Saturday's talks are low.", "talks")
    assert iso(ed) == "2019-03-16"


def test_expression_belongs_to_the_predicates_own_clause() -> None:
    text = ("The summit is scheduled for Friday after the rebels formally accepted the "
            "proposal yesterday.")
    assert iso(date_of(text, "summit")) == "2019-03-15"
    assert iso(date_of(text, "accepted")) == "2019-03-12"


def test_conjoined_and_participle_clauses_share_the_time() -> None:
    text = "Speaking to reporters yesterday, the minister defended the raid and warned the rebels."
    assert iso(date_of(text, "warned")) == "2019-03-12"
    text = "On Monday the general agreed to withdraw the troops."
    assert iso(date_of(text, "withdraw")) == "2019-03-11"


def test_relative_day_in_reported_speech_counts_from_the_saying() -> None:
    text = "“We will resume the talks tomorrow,” the envoy said on Monday."
    assert iso(date_of(text, "resume", status="planned")) == "2019-03-12"
    text = "The envoy said on Monday that the talks would resume tomorrow."
    assert iso(date_of(text, "resume", status="planned")) == "2019-03-12"
    text = "The envoy said that the talks would resume tomorrow."
    assert iso(date_of(text, "resume", status="planned")) == "2019-03-14"


def test_fallback_to_publication_date_is_marked() -> None:
    ed = date_of("The army denied the report.", "denied")
    assert (iso(ed), ed.precision, ed.basis) == ("2019-03-13", "day", "published")


def test_no_publication_date_means_no_relative_date() -> None:
    assert date_of("Police arrested the protest leaders yesterday.", "arrested", published=None).date is None
    assert date_of("The army denied the report.", "denied", published=None).date is None
    ed = date_of("The treaty was signed on 5 March 2017.", "signed", published=None)
    assert iso(ed) == "2017-03-05"


def test_planned_and_historical_events_without_a_date_get_none() -> None:
    assert date_of("The ministers will meet in Oslo.", "meet", status="planned").date is None
    assert date_of("The army has long denied it.", "denied", status="historical").date is None


# --- bad input: impossible and contradictory dates --------------------------------------

def test_impossible_date_is_null_not_a_guess() -> None:
    ed = date_of("The accord was signed on 31 February 2019.", "signed")
    assert ed == EventDate(None, None, None)
    assert byline_date("31 February 2018\n\nThe talks went ahead.") is None


def test_past_event_after_publication_is_null() -> None:
    ed = date_of("The rebels attacked the base on 4 May 2019.", "attacked")
    assert ed.date is None


def test_dateline_contradicting_publication_date_gives_no_relative_dates() -> None:
    text = "SEOUL, March 14, 2016 (Reuters) - North Korea fired two missiles yesterday."
    ed = date_of(text, "fired")
    assert ed.date is None
    assert reference_date(text, WED).conflict


# --- time zones: the dateline's local date is the reference -----------------------------

def test_dateline_local_date_resolves_weekdays() -> None:
    # stamped Wednesday (UTC) but filed in Seoul on Thursday 14 March
    text = "SEOUL, March 14 (Reuters) - North Korea fired two missiles on Thursday, the military said."
    assert iso(date_of(text, "fired")) == "2019-03-14"
    text = "SEOUL, March 14 (Reuters) - North Korea fired two missiles yesterday."
    assert iso(date_of(text, "fired")) == "2019-03-13"


def test_past_weekday_one_day_ahead_without_dateline() -> None:
    assert iso(date_of("North Korea fired two missiles on Thursday.", "fired")) == "2019-03-14"
    assert iso(date_of("North Korea fired two missiles on Friday.", "fired")) == "2019-03-08"


# --- publication dates from bylines and datelines ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("# Ceasefire holds\n\nJane Roe\n6 January 2018\n\nThe guns fell silent.", "2018-01-06"),
    ("By Jane Roe | Jan. 6, 2018\nThe guns fell silent.", "2018-01-06"),
    ("Updated: 8 January 2018\nPublished: 6 January 2018\n\nThe guns fell silent.", "2018-01-06"),
    ("SEOUL, Jan. 5, 2018 (AP) — The guns fell silent.", "2018-01-05"),
    ("Posted 2018-01-06T09:30:00Z\nThe guns fell silent.", "2018-01-06"),
    ("6-Jan-2018\nThe guns fell silent.", "2018-01-06"),  # parsed by dateparser
    ("06.01.2018\nThe guns fell silent.", None),  # day-first or month-first: not guessed
    ("SEOUL, Jan 5 (Reuters) - The guns fell silent.", None),  # no year: unknown
    ("Troops entered the northern city on 5 March 2015 after a long siege that lasted "
     "through the winter and left thousands without food.", None),  # a sentence, not a byline
    ("The talks went ahead today.", None),  # never today's date
    ("On 5 March 2015 troops entered.\nThe siege ended.", None),  # a short lead, not a byline
    ("Rebels attacked on Monday, 5 March 2018.", None),
])
def test_byline_date(text: str, expected: str | None) -> None:
    d = byline_date(text)
    assert (d.isoformat() if d else None) == expected


def test_byline_date_is_no_events_date() -> None:
    text = "# Truce talks to resume\nJane Roe\n6 January 2018\n\nThe envoys met in Oslo."
    assert iso(date_of(text, "resume", published=date(2018, 1, 6), status="planned")) is None
    assert iso(date_of(text, "met", published=date(2018, 1, 6))) == "2018-01-06"
    assert date_of(text, "met", published=date(2018, 1, 6)).basis == "published"


def test_find_expressions_skips_verbs_that_look_like_months() -> None:
    kinds = [x.text for x in find_expressions("Talks may resume; they march on. In May the army left.")]
    assert kinds == ["May"]


def test_ambiguous_numeric_date_is_not_guessed() -> None:
    assert find_expressions("It happened on 05/01/2018.") == []
    (x,) = find_expressions("It happened on 25/01/2018.")
    assert resolve(x, None) == (date(2018, 1, 25), "day")


@pytest.mark.parametrize("text", [
    "Rebels attacked on 0 March 2019.",
    "Rebels attacked on 32 March.",
    "Rebels attacked on Feb. 29.",
    "The vote on 99/99/2019 was annulled.",
    "Talks ran March 30–2 April.",
    "It happened 2019-13-45.",
])
def test_odd_dates_never_crash_and_never_guess(text: str) -> None:
    doc = nlp.parse_one(text)
    for token in doc:
        ed = event_date(token, WED, "occurred")
        assert ed.date is None or ed.basis in ("text", "published")
        if ed.basis == "text":
            assert ed.date is not None and ed.date <= WED


def test_any_text_is_safe_for_the_date_finders() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("0123456789 -–/.,:'’\"()\nMayMarchJanuary Monday yesterday"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    def check(text: str) -> None:
        find_expressions(text)
        byline_date(text)
        reference_date(text, WED)

    check()


@pytest.mark.slow
def test_seed_article_date_accuracy(shared) -> None:  # type: ignore[no-untyped-def]
    """Quality gate: dates of the seed article's events that the coder finds (>= 0.88: 16 of
    18 since 'US military personnel ... remain on a high state of alert' is a record, undated in
    its clause and paired by the scorer with the optional exercises resuming after March 18; the
    living floor is tests/dev_baseline.json's seed.date_accuracy)."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cmd = f"env PYTHONPATH={root / 'src'} {sys.executable} -m detente code"
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "docs", str(shared / "dev" / "seed_gold.jsonl"),
         "--text", str(shared / "dev" / "seed_article.txt"), "--cmd", cmd, "-q"],
        capture_output=True, text=True, check=True,
    )
    m = re.search(r"date accuracy of found ([0-9.]+)", out.stdout)
    assert m is not None, out.stdout
    assert float(m.group(1)) >= 0.88


_EVERY_KIND = [
    "The summit was set for 2018-01-09, then 2018/01/10, then 12.01.2018.",
    "Talks ran from March 9-18 and again 20 to 22 April, 2019.",
    "He arrived on January 9, 2018 and left on the 12th of January.",
    "In March of 2017, and again in early May, then by the end of 2019.",
    "Troops left in 2015; the truce held through mid-June.",
    "She spoke on Tuesday and will return next Friday, not this coming Monday.",
    "On Christmas Day 2017 and on New Year's Eve the guns fell silent.",
    "Yesterday, tonight and the day after tomorrow: three dates.",
    "Earlier this week and last month, and over the weekend.",
    "Three weeks ago, and 12 days ago, the border closed.",
    "No time words at all in this one.",
]



@pytest.mark.parametrize("text", _EVERY_KIND)
def test_patterns_skipped_for_missing_words_lose_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern runs only over a text holding the words its matches need; running every
    pattern over the whole text finds the same expressions."""
    from detente import when

    gated = find_expressions(text)
    every = when._Patterns([(kind, rx, frozenset()) for kind, rx, _ in when._patterns().items])
    monkeypatch.setattr(when, "_patterns", lambda: every)
    assert gated == find_expressions(text)
    assert gated or text.startswith("No time")


def test_a_passive_agent_s_by_is_no_time_limit(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"hit by an attack on Saturday": the attack's Saturday dates the hit; "by" is its agent."""
    events = pipeline.code("The Bolivian depot was hit by a Chile-led missile attack on Saturday.",
                           published="2018-04-16")
    assert [(e.event_type, e.date, e.date_basis) for e in events] == [("ASSAULT", "2018-04-14", "text")]
