"""Every named actor of the reference article resolves as a careful reader would.

The article is read from ../shared (skipped without it); only the phrases and their codes
are written here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import find_mentions
from detente.nlp import parse_one
from detente.records import Mention

PUBLISHED = date(2018, 1, 6)

# (phrase, which occurrence, code, canonical name or "" to skip)
EXPECTED: list[tuple[str, int, str, str]] = [
    ("North Korea", 0, "PRK", "North Korea"),
    ("South Korean", 0, "KOR", "South Korea"),
    ("Both sides", 0, "PRK", ""),  # members checked below
    ("Kim Jong-un", 0, "PRKGOV", "Kim Jong-un"),
    ("Kim declared", 0, "PRKGOV", "Kim Jong-un"),
    ("Moon Jae-in", 0, "KORGOV", "Moon Jae-in"),
    ("counterpart", 0, "USAGOV", "Donald Trump"),
    ("Donald Trump", 0, "USAGOV", "Donald Trump"),
    ("Trump declared", 0, "USAGOV", "Donald Trump"),
    ("Pyongyang", 0, "PRKGOV", "North Korea"),
    ("unification ministry", 0, "KORGOV", ""),
    ("Ri Songwon", 0, "PRKGOV", "Ri Songwon"),
    ("Committee for Peaceful Reunification of Korea", 0, "PRKGOV", ""),
    ("Pyongyang would", 0, "PRKGOV", ""),
    ("Trump administration", 0, "USAGOV", ""),
    ("UN Security Council", 0, "IGOUNOSEC", ""),
    ("Pyongyang regime", 0, "PRKGOV", ""),
    ("North Korean leader Kim", 1, "PRKGOV", "Kim Jong-un"),
    ("Washington", 0, "USAGOV", ""),
    ("his country", 0, "PRK", ""),
    ("the United States", 0, "USA", ""),
    ("CNN", 0, "USAMED", "CNN"),
    ("Rex Tillerson", 0, "USAGOV", "Rex Tillerson"),
    ("North Koreans", 0, "PRK", ""),
    ("Tillerson reiterated", 0, "USAGOV", "Rex Tillerson"),
    ("James Mattis", 0, "USAMIL", "Jim Mattis"),
    ("Seoul", 1, "KORGOV", ""),
    ("China", 0, "CHN", "China"),
    ("Shinzo Abe", 0, "JPNGOV", "Shinzo Abe"),
    ("Abe exploited", 0, "JPNGOV", "Shinzo Abe"),
    ("Japan", 1, "JPNMIL", ""),  # Japan's military
    ("UN sanctions", 0, "IGOUNO", ""),
    ("President Moon", 0, "KORGOV", "Moon Jae-in"),
    ("Korean Senior Citizens Association", 0, "KORCVL", ""),
    ("US military personnel", 0, "USAMIL", ""),
    ("Vincent Brooks", 0, "USAMIL", "Vincent Brooks"),
    ("US Forces Korea", 0, "USAMIL", ""),
    ("American troops", 0, "USAMIL", ""),
]


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[str, list[Mention]]:
    text = (shared / "dev" / "seed_article.txt").read_text("utf-8")
    return text, find_mentions(parse_one(text), PUBLISHED).mentions


def mention_at(text: str, mentions: list[Mention], phrase: str, nth: int) -> Mention | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    covering = [m for m in mentions if m.start <= start < m.end]
    return min(covering, key=lambda m: m.end - m.start) if covering else None


@pytest.mark.parametrize(("phrase", "nth", "code", "name"), EXPECTED,
                         ids=[f"{e[0]}#{e[1]}" for e in EXPECTED])
def test_seed_actor(seed: tuple[str, list[Mention]], phrase: str, nth: int, code: str, name: str) -> None:
    text, mentions = seed
    mention = mention_at(text, mentions, phrase, nth)
    assert mention is not None, f"{phrase!r} was not resolved"
    assert mention.actor.code == code
    if name:
        assert mention.actor.name == name


def test_seed_both_sides_are_the_two_koreas(seed: tuple[str, list[Mention]]) -> None:
    text, mentions = seed
    for phrase in ("two Koreas", "Both sides"):
        mention = mention_at(text, mentions, phrase, 0)
        assert mention is not None
        assert sorted(m.code or "" for m in mention.members) == ["KOR", "PRK"]


def test_seed_nothing_is_a_person_that_is_not(seed: tuple[str, list[Mention]]) -> None:
    names = {m.actor.name for m in seed[1]}
    assert "Foal Eagle" not in names and "Key Resolve" not in names and "Button" not in names
