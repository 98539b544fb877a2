"""The actor data files: complete, in reading order, versioned, and free of ambiguous names."""

from __future__ import annotations

import pytest

from detente.actors.dictionary import (
    DATA_FILES,
    _rows,
    ambiguous_phrases,
    country_names,
    data_version,
    load_entries,
    load_terms,
    office_sectors,
    parse_table,
    plural_demonyms,
)
from detente.errors import DetenteError


def test_every_iso_country_has_demonyms_in_the_overlay() -> None:
    iso = {row["iso3"] for row in _rows("countries.tsv")}
    overlay = {row["iso3"]: row for row in _rows("countries_extra.tsv")}
    assert len(iso) >= 249
    assert iso == set(overlay)
    ambiguous = {row["reading"] for row in _rows("ambiguous.tsv")}  # "Congolese", "Dominican"
    assert all(row["adjectives"] or iso3 in ambiguous for iso3, row in overlay.items())


def test_names_are_in_reading_order() -> None:
    for name in country_names().values():
        assert not name.endswith((" of", " of the")) and ", State of" not in name
    assert country_names()["PSE"] == "Palestine"
    assert country_names()["RUS"] == "Russia"
    assert country_names()["COD"] == "Democratic Republic of the Congo"


def test_ambiguous_names_are_not_country_entries() -> None:
    ambiguous = ambiguous_phrases()
    assert {"Congo", "Georgia"} <= ambiguous
    for e in load_entries():
        if e.phrase in ambiguous:
            assert e.kind == "ambiguous"


def test_small_territory_capitals_that_are_common_names_are_not_seats() -> None:
    seats = {e.phrase for e in load_entries() if e.kind == "seat"}
    assert {"Pyongyang", "Seoul", "Washington", "the Kremlin", "Downing Street"} <= seats
    assert not {"Hamilton", "Stanley", "Georgetown"} & seats  # Georgetown is in ambiguous.tsv


def test_plural_demonyms() -> None:
    assert plural_demonyms("American") == ["Americans"]
    assert plural_demonyms("Israeli") == ["Israelis"]
    assert plural_demonyms("British") == []
    assert plural_demonyms("Japanese") == []
    assert plural_demonyms("U.S.") == []


def test_people_terms_are_dated_and_offices_have_sectors() -> None:
    terms = load_terms()
    assert terms and all(t.start is not None for t in terms)
    assert all(t.start <= t.end for t in terms if t.start and t.end)
    assert office_sectors()["defence_minister"] == "MIL"
    assert office_sectors()["head_of_state"] == "GOV"


def test_every_data_file_is_versioned() -> None:
    version = data_version()
    for filename in DATA_FILES:
        assert filename.split(".")[0] + ":" in version


def test_a_malformed_data_file_is_named_with_its_line() -> None:
    good = "# version: 1\nphrase\tsector\tofficial\ncourt\tJUD\n"
    assert list(parse_table(good, "sectors.tsv")) == [{"phrase": "court", "sector": "JUD", "official": ""}]
    missing = r"\[E103\] actor data file sectors.tsv, line 2: missing columns sector"
    with pytest.raises(DetenteError, match=missing):
        list(parse_table("# v\nphrase\tjunk\n", "sectors.tsv"))
    with pytest.raises(DetenteError, match=r"sectors.tsv, line 3: too many cells"):
        list(parse_table("# v\nphrase\tsector\ncourt\tJUD\textra\n", "sectors.tsv"))
    with pytest.raises(DetenteError, match=r"organisations.tsv, line 2: empty code"):
        list(parse_table("code\tname\taliases\tcountry\tsector\n\tNATO\tNATO\t\tIGO\n", "organisations.tsv"))
