"""Where: the place attached to an event's predicate ("at Panmunjom", "in Seoul").

Foundation version: places come from the landmark and city table in data/places.tsv;
the location is the place in a locative prepositional phrase of the predicate's clause.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from spacy.tokens import Token

from detente.records import Location

_LOCATIVE = {"in", "at", "near", "on", "outside", "inside"}


@cache
def places() -> dict[str, Location]:
    """Place names (lower case) to locations."""
    path = resources.files("detente").joinpath("data", "places.tsv")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    out: dict[str, Location] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        loc = Location(row["name"], row["country"] or None, row["admin1"] or None,
                       float(row["lat"]), float(row["lon"]),
                       int(row["geonames_id"]) if row["geonames_id"] else None)
        for alias in [row["name"], *row["aliases"].split(";")]:
            if alias.strip():
                out[alias.strip().lower()] = loc
    return out


def event_location(token: Token) -> Location | None:
    """The location of the event whose predicate is `token`, or None."""
    table = places()
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            candidates = [pobj, *[c for c in pobj.subtree if c.dep_ == "pobj"]]
            for c in candidates:
                span = token.doc[c.left_edge.i : c.i + 1]
                for text in (span.text, c.text):
                    loc = table.get(text.lower().removeprefix("the "))
                    if loc is not None:
                        return loc
    return None
