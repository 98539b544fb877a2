"""Actor dictionaries: the versioned data files under actors/data, loaded into entries.

countries.tsv (built from pycountry and GeoNames) and countries_extra.tsv (hand-kept short
forms, demonyms and seats of power) give the states; organisations.tsv the bodies with their
own codes; people.tsv the office holders with dated terms; sectors.tsv the role words;
ambiguous.tsv the names with more than one reading; references.tsv the words that point back
to an actor named earlier in the article. The *_phoenix.tsv files and agents.tsv add what the
Phoenix dictionaries of PETRARCH2 know and those tables lack (agent nouns, armed groups and
international organisations, country name forms, earlier leaders; built by
tools/build_phoenix.py); the project's own tables win where both define a phrase or a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from detente.errors import DetenteError, Errors

DATA_FILES = ("countries.tsv", "countries_extra.tsv", "sectors.tsv", "organisations.tsv",
              "people.tsv", "ambiguous.tsv", "references.tsv", "agents.tsv", "organisations_phoenix.tsv",
              "countries_phoenix.tsv", "people_phoenix.tsv")

# Entry kinds matched as written (the rest are matched lower-cased).
PROPER_KINDS = frozenset(
    {"country", "adjective", "seat", "organisation", "person", "surname", "ambiguous"}
)


@dataclass(frozen=True)
class Entry:
    """One dictionary phrase and what it stands for."""

    phrase: str
    kind: str  # country | adjective | seat | organisation | person | surname | sector | ambiguous
    #            | description | group | counterpart | honorific
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    start: date | None = None  # for people: the term this entry belongs to
    end: date | None = None
    office: str | None = None  # for people and title words: head_of_state, foreign_minister...
    title: str | None = None  # for people: the title of the office ("President")
    value: str | None = None  # for references: what they point to; for ambiguity: the cues


@dataclass(frozen=True)
class Term:
    """A person's term in one office, from people.tsv."""

    name: str
    surname: str
    country: str | None
    sector: str | None
    office: str | None
    titles: tuple[str, ...]  # lower-cased: "president", "secretary of state", "un chief"
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        """True when the term includes `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


# Columns each data file must have (others are optional).
REQUIRED = {
    "countries.tsv": ("iso3", "name", "names", "capitals"),
    "countries_extra.tsv": ("iso3", "names", "adjectives", "seats"),
    "sectors.tsv": ("phrase", "sector"),
    "agents.tsv": ("phrase", "sector"),
    "organisations.tsv": ("code", "name", "aliases", "country", "sector"),
    "organisations_phoenix.tsv": ("code", "name", "aliases", "country", "sector"),
    "people.tsv": ("name", "country", "sector", "office", "start", "end"),
    "people_phoenix.tsv": ("name", "country", "sector", "office", "start", "end"),
    "countries_phoenix.tsv": ("iso3", "names", "adjectives"),
    "ambiguous.tsv": ("phrase", "reading", "cues"),
    "references.tsv": ("phrase", "kind", "value", "sector"),
}
# Columns that may not be empty.
NOT_EMPTY = {"iso3", "name", "phrase", "code", "reading", "kind"}


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of a data file of the package (none if the file is absent)."""
    path = resources.files("detente.actors").joinpath("data", filename)
    if path.is_file():
        yield from parse_table(path.read_text("utf-8"), filename)


def parse_table(text: str, filename: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file; a malformed one is named with its line and reason."""
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), 1)
                if ln.strip() and not ln.startswith("#")]
    if not numbered:
        return
    header = numbered[0][1].split("\t")
    missing = [c for c in REQUIRED.get(filename, ()) if c not in header]
    if missing:
        raise DetenteError(Errors.E103.format(file=filename, line=numbered[0][0],
                                              reason=f"missing columns {', '.join(missing)}"))
    for n, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise DetenteError(Errors.E103.format(file=filename, line=n, reason="too many cells"))
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        empty = [c for c in header if c in NOT_EMPTY and c in REQUIRED.get(filename, ()) and not row.get(c)]
        if empty:
            raise DetenteError(Errors.E103.format(file=filename, line=n, reason=f"empty {empty[0]}"))
        yield {c: row.get(c, "") for c in header}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def plural_demonyms(adjective: str) -> list[str]:
    """Plural nouns of a demonym ("American" -> "Americans", "Dutchman" -> "Dutchmen", but
    "Germans"); none for abbreviations or -ish."""
    if "." in adjective or adjective.isupper() or adjective.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return []
    if re.search(r"(sh|ch|s|y|wo)man$", adjective):
        return [adjective[:-3] + "men"]
    return [adjective + "s"]


@cache
def ambiguous_phrases() -> frozenset[str]:
    """Phrases listed in ambiguous.tsv: never coded from the country tables alone."""
    return frozenset(row["phrase"] for row in _rows("ambiguous.tsv"))


@cache
def country_names() -> dict[str, str]:
    """Canonical short name of every ISO alpha-3 code (the overlay's name wins)."""
    names = {row["iso3"]: row["name"] for row in _rows("countries.tsv")}
    for row in _rows("countries_extra.tsv"):
        if row.get("name"):
            names[row["iso3"]] = row["name"]
    return names


def _people_rows() -> Iterator[dict[str, str]]:
    """The terms of people.tsv, then those of people_phoenix.tsv for people it does not name."""
    own = list(_rows("people.tsv"))
    yield from own
    named = {n.lower() for row in own for n in (row["name"], *_split(row.get("aliases", "")))}
    for row in _rows("people_phoenix.tsv"):
        if row["name"].lower() not in named:
            yield row


@cache
def load_terms() -> tuple[Term, ...]:
    """Every term of office in people.tsv (and people_phoenix.tsv)."""
    out = []
    for row in _people_rows():
        name = row["name"]
        surname = row.get("surname") or name.split()[-1]
        titles = tuple(t.lower() for t in _split(row.get("title", "")))
        out.append(Term(name, surname, row.get("country") or None, row.get("sector") or None,
                        row.get("office") or None, titles,
                        _date(row.get("start", "")), _date(row.get("end", ""))))
    return tuple(out)


def _country_entries() -> Iterator[Entry]:
    skip = ambiguous_phrases()
    names = country_names()
    claimed: set[str] = set()  # overlay seats win over GeoNames capitals
    extra = list(_rows("countries_extra.tsv"))
    own = {n for row in extra for c in ("names", "adjectives", "seats") for n in _split(row[c])}
    extra += [{**row, "seats": "", "names": ";".join(n for n in _split(row["names"]) if n not in own),
               "adjectives": ";".join(a for a in _split(row["adjectives"]) if a not in own)}
              for row in _rows("countries_phoenix.tsv")]  # Phoenix's forms the overlay lacks
    for row in extra:
        claimed.update(_split(row["seats"]))
    for row in _rows("countries.tsv"):
        iso = row["iso3"]
        for n in {row["name"], *_split(row["names"])}:
            if n not in skip:
                yield Entry(n, "country", iso, iso, None, names[iso])
        for cap in _split(row["capitals"]):
            if cap not in claimed and cap not in skip:
                yield Entry(cap, "seat", iso, iso, "GOV", names[iso])
    for row in extra:
        iso = row["iso3"]
        for n in _split(row["names"]):
            if n not in skip:
                yield Entry(n, "country", iso, iso, None, names[iso])
        for adj in _split(row["adjectives"]):
            for n in (adj, *plural_demonyms(adj)):
                if n not in skip:
                    yield Entry(n, "adjective", iso, iso, None, names[iso])
        for n in _split(row["seats"]):
            yield Entry(n, "seat", iso, iso, "GOV", names[iso])


def _people_entries() -> Iterator[Entry]:
    for row in _people_rows():
        country = row.get("country") or None
        sector = row.get("sector") or None
        name = row["name"]
        start, end = _date(row.get("start", "")), _date(row.get("end", ""))
        office, title = row.get("office") or None, row.get("title") or None
        surname = row.get("surname") or name.split()[-1]
        for n in {name, *_split(row.get("aliases", ""))}:
            kind = "surname" if n == surname else "person"
            yield Entry(n, kind, None, country, sector, name, start, end, office, title)
        yield Entry(surname, "surname", None, country, sector, name, start, end, office, title)


@cache
def load_entries() -> tuple[Entry, ...]:
    """Every phrase of every actor data file, as entries."""
    out: list[Entry] = list(_country_entries())
    for row in _sector_rows():
        out.append(Entry(row["phrase"], "sector", None, None, row["sector"] or None,
                         office=row.get("office") or None))
    for row in _rows("organisations.tsv"):
        for n in {row["name"], *_split(row["aliases"])}:
            out.append(Entry(n, "organisation", row["code"], row["country"] or None,
                             row["sector"] or None, row["name"]))
    out.extend(_people_entries())
    own = {e.phrase.lower() for e in out}
    for row in _rows("organisations_phoenix.tsv"):  # the project's own phrases win
        for n in sorted({row["name"], *_split(row["aliases"])} - own):
            if n.lower() not in own:
                out.append(Entry(n, "organisation", row["code"], row["country"] or None,
                                 row["sector"] or None, row["name"]))
    for row in _rows("ambiguous.tsv"):
        reading = None if row["reading"] == "-" else row["reading"]
        out.append(Entry(row["phrase"], "ambiguous", reading, reading, None,
                         country_names().get(reading or ""), value=row["cues"]))
    for row in _rows("references.tsv"):
        if row["kind"] == "pronoun":
            continue  # pronouns are read from the parse (references.pronouns)
        out.append(Entry(row["phrase"], row["kind"], None, None, row["sector"] or None,
                         value=row["value"] or None))
    return tuple(out)


def _sector_rows() -> Iterator[dict[str, str]]:
    """The role words of sectors.tsv, then those of agents.tsv that sectors.tsv lacks."""
    own = list(_rows("sectors.tsv"))
    yield from own
    seen = {row["phrase"].lower() for row in own}
    for row in _rows("agents.tsv"):
        if row["phrase"].lower() not in seen:
            yield row


@cache
def office_sectors() -> dict[str, str]:
    """The sector of each office, from the role words: a defence minister is MIL wherever named."""
    out: dict[str, str] = {}
    for row in _sector_rows():
        if row.get("office") and row["sector"]:
            out.setdefault(row["office"], row["sector"])
    return out


@cache
def pronouns() -> dict[str, str]:
    """Pronoun (lower-cased) -> what it refers to: person, thing or plural."""
    return {row["phrase"]: row["value"] for row in _rows("references.tsv") if row["kind"] == "pronoun"}


def data_version() -> str:
    """A version string over all actor data files (their version lines), kept with each run."""
    parts = []
    for filename in DATA_FILES:
        path = resources.files("detente.actors").joinpath("data", filename)
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines()[:12]:
            if "version:" in line:
                parts.append(f"{filename.split('.')[0]}:{line.split('version:', 1)[1].strip()}")
                break
    return ",".join(parts)
