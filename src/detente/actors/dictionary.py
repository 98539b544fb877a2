"""Actor dictionaries: the versioned data files under actors/data, loaded into entries."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

DATA_FILES = ("countries.tsv", "countries_extra.tsv", "sectors.tsv", "organisations.tsv",
              "people.tsv")


@dataclass(frozen=True)
class Entry:
    """One dictionary phrase and what it stands for."""

    phrase: str
    kind: str  # country | adjective | seat | organisation | person | sector
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    start: date | None = None  # for people: the term this entry belongs to
    end: date | None = None
    office: str | None = None


def _rows(filename: str) -> Iterator[dict[str, str]]:
    path = resources.files("detente.actors").joinpath("data", filename)
    if not path.is_file():
        return
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@cache
def load_entries() -> tuple[Entry, ...]:
    """Every phrase of every actor data file, as entries."""
    out: list[Entry] = []
    for row in _rows("countries.tsv"):
        iso = row["iso3"]
        for n in {row["name"], *_split(row["names"])}:
            out.append(Entry(n, "country", iso, iso, None, row["name"]))
        for cap in _split(row["capitals"]):
            out.append(Entry(cap, "seat", iso, iso, "GOV", row["name"]))
    for row in _rows("countries_extra.tsv"):
        iso = row["iso3"]
        for n in _split(row["names"]):
            out.append(Entry(n, "country", iso, iso))
        for n in _split(row["adjectives"]):
            out.append(Entry(n, "adjective", iso, iso))
        for n in _split(row["seats"]):
            out.append(Entry(n, "seat", iso, iso, "GOV"))
    for row in _rows("sectors.tsv"):
        out.append(Entry(row["phrase"], "sector", None, None, row["sector"]))
    for row in _rows("organisations.tsv"):
        for n in {row["name"], *_split(row["aliases"])}:
            out.append(Entry(n, "organisation", row["code"], row["country"] or None,
                             row["sector"] or None, row["name"]))
    for row in _rows("people.tsv"):
        country = row.get("country") or None
        sector = row.get("sector") or None
        for n in {row["name"], *_split(row.get("aliases", ""))}:
            out.append(Entry(n, "person", None, country, sector, row["name"],
                             _date(row.get("start", "")), _date(row.get("end", "")),
                             row.get("office") or None))
    return tuple(out)


def data_version() -> str:
    """A version string over all actor data files (their version lines), kept with each run."""
    parts = []
    for filename in DATA_FILES:
        path = resources.files("detente.actors").joinpath("data", filename)
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines()[:5]:
            if "version:" in line:
                parts.append(f"{filename.split('.')[0]}:{line.split('version:', 1)[1].strip()}")
                break
    return ",".join(parts)
