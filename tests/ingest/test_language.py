"""Language check: English is coded, other languages are named and skipped, short text is kept."""

from __future__ import annotations

import pytest

from detente.ingest.language import detect_language, is_english


@pytest.mark.parametrize(("text", "lang"), [
    ("South Korea offered talks to the North on Tuesday, and officials in Seoul said they hoped "
     "for an answer by the end of the week.", "en"),
    ("Le gouvernement a annoncé mardi qu'il ouvrirait des pourparlers avec ses voisins, selon "
     "un communiqué publié dans la soirée.", "fr"),
    ("Die Regierung kündigte am Dienstag an, dass sie mit den Nachbarn verhandeln werde, wie aus "
     "einer Mitteilung hervorgeht.", "de"),
    ("El gobierno anunció el martes que abriría conversaciones con sus vecinos, según un "
     "comunicado publicado por la noche.", "es"),
    ("Правительство объявило во вторник, что начнет переговоры с соседями.", "cyrillic"),
    ("政府は火曜日、近隣諸国との協議を始めると発表した。", "cjk"),
])
def test_detects_languages_and_scripts(text: str, lang: str) -> None:
    guess = detect_language(text)
    assert guess is not None and guess.language == lang


def test_too_little_text_is_undecided_and_kept() -> None:
    assert detect_language("Kim Jong-un, Moon Jae-in") is None
    assert is_english("Kim Jong-un, Moon Jae-in") == (True, None)


def test_declared_language_decides_only_when_text_cannot() -> None:
    assert is_english("Kim Jong-un, Moon Jae-in", declared="fr-FR") == (False, "fr")
    english = "The talks will be held at the border village on Tuesday, the ministry said."
    assert is_english(english, declared="fr") == (True, "en")
