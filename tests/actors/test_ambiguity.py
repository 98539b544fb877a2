"""Ambiguous names are decided by their article's context, or kept with their text and no code."""

from __future__ import annotations

from datetime import date

from tests.actors.conftest import mention_of

DAY = date(2019, 5, 2)


def code_of(text: str, phrase: str, nth: int = 0) -> str | None:
    mention = mention_of(text, phrase, DAY, nth)
    return mention.actor.code if mention is not None else None


def test_georgia_the_country_by_its_context() -> None:
    text = "Georgia accused Russia of moving the border. Officials in Tbilisi protested."
    assert code_of(text, "Georgia") == "GEO"


def test_georgia_the_us_state_is_not_the_country() -> None:
    text = "Georgia certified its election results. The governor spoke in Atlanta."
    mention = mention_of(text, "Georgia", DAY)
    assert mention is None or mention.actor.code is None
    assert mention is None or mention.actor.text == "Georgia"


def test_georgia_without_context_keeps_its_text_uncoded() -> None:
    mention = mention_of("Georgia announced new measures.", "Georgia", DAY)
    assert mention is not None and mention.actor.text == "Georgia" and mention.actor.code is None


def test_congo_kinshasa_by_context() -> None:
    text = "Congo accused rebels of attacking Goma. Officials in Kinshasa said talks were over."
    assert code_of(text, "Congo") == "COD"


def test_congo_brazzaville_by_context() -> None:
    text = "Congo held a vote. President Sassou Nguesso won again, officials in Brazzaville said."
    assert code_of(text, "Congo") == "COG"


def test_congo_without_context_is_left_uncoded() -> None:
    assert code_of("Congo signed the trade agreement.", "Congo") is None


def test_congolese_soldiers_by_context() -> None:
    text = "Congolese soldiers clashed with M23 fighters near Goma."
    assert code_of(text, "Congolese soldiers") == "CODMIL"


def test_guinea_and_its_longer_namesakes() -> None:
    text = "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea signed the pact."
    assert code_of(text, "Guinea") == "GIN"
    assert code_of(text, "Guinea-Bissau") == "GNB"
    assert code_of(text, "Equatorial Guinea") == "GNQ"
    assert code_of(text, "Papua New Guinea") == "PNG"


def test_jordan_the_person_is_not_the_country() -> None:
    assert code_of("Michael Jordan said he would buy the team.", "Jordan") is None
    assert code_of("Jordan Peterson said the lecture was cancelled.", "Jordan") is None


def test_jordan_the_country() -> None:
    assert code_of("Jordan closed its border with Syria.", "Jordan") == "JOR"
    assert code_of("Jordanian troops closed the border.", "Jordanian troops") == "JORMIL"


def test_name_inside_a_longer_place_name() -> None:
    assert code_of("New Jersey passed the bill.", "Jersey") is None


def test_dominican_needs_context() -> None:
    assert code_of("Dominican officials met in Santo Domingo.", "Dominican officials") == "DOMGOV"
    assert code_of("Dominican officials met.", "Dominican officials") is None


def test_unknown_actor_keeps_its_text_and_no_code() -> None:
    mention = mention_of("Gregor Blanck, a local shop owner, said the road was closed.", "Gregor Blanck", DAY)
    assert mention is None or (mention.actor.code is None and mention.actor.text == "Gregor Blanck")


def test_korean_peninsula_is_not_an_actor() -> None:
    assert mention_of("Tensions rose on the Korean Peninsula.", "Korean Peninsula", DAY) is None


def test_country_name_as_a_first_name_before_a_listed_surname() -> None:
    mention = mention_of("Chad Smith scored twice for the club.", "Chad", DAY)
    assert mention is None or mention.actor.code is None


def test_honorific_makes_a_person() -> None:
    assert code_of("Mr Jordan said the shop would close.", "Jordan") is None
