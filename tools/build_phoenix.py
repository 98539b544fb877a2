#!/usr/bin/env python3
"""Build actor data files from the Phoenix dictionaries of PETRARCH2 (facts, MIT licence).

    python tools/build_phoenix.py ../shared/reference/petrarch2

Reads Phoenix.agents.txt (agent nouns -> sector) and writes
src/detente/actors/data/agents.tsv: the agent nouns the project's own tables lack, singular
and plural, lower-cased, with Phoenix's sector codes mapped onto the project's (SECTORS).
Words that would code ordinary English as actors are left out (EXCLUDED, with reasons).
The project's own phrases win: a phrase sectors.tsv (or another project table) already has
is not written, and the loader skips any that slip through.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src/detente/actors/data"
REPOSITORY = "openeventdata/petrarch2"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
MIT = ("MIT licence: Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted, free "
       "of charge, to any person obtaining a copy of this software and associated documentation files "
       "(the \"Software\"), to deal in the Software without restriction, including without limitation the "
       "rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the "
       "Software, and to permit persons to whom the Software is furnished to do so, subject to the "
       "following conditions: The above copyright notice and this permission notice shall be included "
       "in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", "
       "WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF "
       "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE "
       "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN "
       "ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR "
       "THE USE OR OTHER DEALINGS IN THE SOFTWARE.")


# -- reading Phoenix's formats ------------------------------------------------------------

def phrase_of(raw: str) -> str:
    """A Phoenix phrase in reading form: underscores to spaces, stop marks and spacing dropped."""
    text = raw.replace("_", " ").replace("\t", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*-\s*", "-", text) if " - " not in text else text


def provenance(filename: str) -> str:
    """The comment lines naming the source file, repository and commit, and the MIT notice."""
    return wrap_comment(f"Source: {filename} of the PETRARCH2 dictionaries, {REPOSITORY} commit {COMMIT}"
                        " (folder petrarch2/data/dictionaries/); converted by tools/build_phoenix.py.") \
        + wrap_comment(MIT)


def wrap_comment(text: str, width: int = 96) -> str:
    out, line = [], "#"
    for word in text.split():
        if len(line) + 1 + len(word) > width:
            out.append(line)
            line = "#"
        line += " " + word
    out.append(line)
    return "\n".join(out) + "\n"


# -- agents -------------------------------------------------------------------------------

# Phoenix sector codes -> the project's sectors (actors/README.md). A compound code names a
# primary and a secondary role (GOVMED: government media); the project keeps one sector and,
# as its own tables do ("central bank" BUS, "state media" MED), the specific one beats GOV,
# except that an office ("information ministry", "trade official") stays GOV unless it is a
# military, intelligence, police or health office ("defence ministry" MIL and "health
# ministry" HLH are the project's own). CAMEO role codes the project lacks are kept where
# news uses them and no project sector fits: CRM criminals, AGR farmers and fishermen, ENV
# environmentalists, HRI human-rights groups, RAD radicals. UAF (unaligned armed forces:
# gunmen, militias) is REB, as the project codes "gunmen", "militants" and "militia"; PPL
# (people in general) would be CVL but its words are left out (EXCLUDED); DEV (development)
# is no sector of its own; the religions (MUS CHR BUD HIN JEW, CTH PRO MAR) are REL, the
# project's one religion sector, for clergy and believers' bodies. IGO~ and IMG mark
# organisations, not sectors: skipped.
PRIMARY = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY",
    "OPP": "OPP", "REB": "REB", "SPY": "SPY", "BUS": "BUS", "MED": "MED", "CVL": "CVL",
    "REF": "REF", "EDU": "EDU", "REL": "REL", "LAB": "LAB", "HLH": "HLH", "ELI": "ELI",
    "NGO": "NGO", "UAF": "REB", "CRM": "CRM", "AGR": "AGR", "ENV": "ENV", "HRI": "HRI",
    "RAD": "RAD", "PPL": "CVL", "DEV": "GOV",
    "MUS": "REL", "CHR": "REL", "BUD": "REL", "HIN": "REL", "JEW": "REL", "CTH": "REL",
    "PRO": "REL", "MAR": "REL",
}
RELIGIONS = {"MUS", "CHR", "BUD", "HIN", "JEW", "CTH", "PRO", "MAR"}
# Secondary roles that do not beat their primary: a labour or education ministry is government,
# not workers or teachers; military police and army medics are military; a dissident student
# or a striking nurse is opposition first; a sharia court is a court.
KEEP_PRIMARY = {("GOV", "LAB"), ("GOV", "EDU"), ("GOV", "REL"), ("GOV", "AGR"), ("GOV", "ENV"),
                ("GOV", "HRI"), ("GOV", "REF"), ("GOV", "PTY"), ("GOV", "DEV"), ("MIL", "COP"),
                ("MIL", "GOV"), ("MIL", "HLH"), ("OPP", "EDU"), ("OPP", "LAB"), ("OPP", "HLH"),
                ("OPP", "CVL"), ("OPP", "MED"), ("OPP", "DEV"), ("NGO", "DEV"), ("REB", "EDU"),
                ("JUD", "REL"), ("BUS", "AGR"), ("BUS", "MIL")}
OFFICE_WORDS = {"minister", "ministers", "ministry", "ministries", "department", "departments",
                "dept", "depts", "secretary", "secretaries", "official", "officials", "commission",
                "commissions", "committee", "committees", "council", "councils", "bureau", "bureaus",
                "board", "boards", "office", "offices", "authority", "authorities", "officer",
                "officers", "delegation", "delegations"}
OFFICE_SPECIFIC = {"MIL", "SPY", "COP", "HLH"}


def sector_of(code: str, phrase: str) -> str | None:
    """The project's sector for a Phoenix agent code ("~GOVMIL" -> MIL), None if it has none."""
    if not code.startswith("~"):
        return None  # IGO~: an organisation prefix
    parts = [code[i : i + 3] for i in range(1, len(code), 3)]
    if not parts or parts[0] not in PRIMARY or any(p not in PRIMARY for p in parts):
        return None  # IMG (an organisation), or a malformed code
    office = parts[0] == "GOV" and bool(OFFICE_WORDS & set(phrase.split(" ")))
    for p in parts[1:]:
        second = PRIMARY[p]
        if (parts[0], p) in KEEP_PRIMARY or p in RELIGIONS or second == PRIMARY[parts[0]]:
            continue  # "Buddhist rebel": the rebel, not the faith
        if office and second not in OFFICE_SPECIFIC:
            continue
        return second
    return PRIMARY[parts[0]]


# Phoenix substitution sets (Phoenix.agents.txt, "SUBSTITUTION SETS").
SETS_LINE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
AGENT_LINE = re.compile(r"^(?P<noun>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")
# Stems left in the file (a prefix, not a word): their full forms.
STEMS = {"minist": ("minister", "ministers", "ministry", "ministries"),
         "industr": ("industry", "industries"), "compan": ("company", "companies"),
         "authorit": ("authority", "authorities")}
PREPOSITIONS = {"of", "for", "in", "to", "at", "with", "without", "on", "from", "de"}
# Words that follow the noun they belong to: "attorneys general", "envoys extraordinary"
# ("general" only after an office: "brigadier generals" are generals).
POSTPOSITIVE = {"general", "plenipotentiary", "extraordinary", "emeritus", "elect", "designate"}
GENERAL_OFFICES = {"attorney", "secretary", "director", "consul", "governor", "inspector", "advocate",
                   "auditor", "solicitor", "prosecutor", "surgeon", "postmaster"}
# Nouns with no plural of their own (Phoenix marks some with "{}", not all).
UNCOUNTABLE = {"police", "media", "personnel", "clergy", "intelligence", "infantry", "artillery",
               "military", "soldiery", "gendarmerie", "judiciary", "electorate", "leadership",
               "bureaucracy", "press", "security", "enforcement", "society", "crime", "gangdom",
               "gangland", "tv", "television", "aerospace", "business", "commerce", "industry",
               "justice", "defense", "defence", "staff", "government", "administration", "congress",
               "parliament", "army", "presidium", "praesidium", "politburo",
               "cabinet", "chancery", "chancellery", "secretariat", "secretariate", "opposition",
               "labor", "labour", "rabble", "diaspora", "aircraft", "offspring", "livestock",
               "civil service", "it", "youth", "liberation", "mafia", "maffia", "junta",
               "information", "telecom"}
IRREGULAR = {"child": "children", "person": "people", "woman": "women", "man": "men", "wife": "wives",
             "thief": "thieves", "midwife": "midwives", "mafioso": "mafiosi", "hasid": "hasidim",
             "diocese": "dioceses", "archdiocese": "archdioceses"}


def plural(phrase: str) -> str | None:
    """The regular plural of an agent phrase: its head noun (the word before a preposition or
    a postpositive word, else the last word) made plural; None when it has none or is plural."""
    words = phrase.split(" ")
    head = next((i - 1 for i, w in enumerate(words) if i > 0 and (w in PREPOSITIONS or (
        w in POSTPOSITIVE and i == len(words) - 1
        and (w != "general" or words[i - 1] in GENERAL_OFFICES)))), len(words) - 1)
    word = words[head]
    if word in UNCOUNTABLE or " ".join(words[: head + 1]) in UNCOUNTABLE or word.endswith("."):
        return None
    new = next((word[: len(word) - len(k)] + v for k, v in IRREGULAR.items() if word.endswith(k)), None)
    if new is None:
        if word.endswith(("men", "people", "children", "police", "ies", "hasidim")) or (
                word.endswith("s") and not word.endswith(("ss", "us"))):
            return None  # plural already: "marines", "armed forces", "gunmen", "hasidim"
        if word.endswith(("ss", "sh", "ch", "x", "z", "us")):
            new = word + "es"
        elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
            new = word[:-1] + "ies"
        else:
            new = word + "s"
    return " ".join([*words[:head], new, *words[head + 1 :]])


def agent_entries(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """(phrase, Phoenix code, explicit plural or "" for none or None for regular) of every
    agent line, substitution sets and stems expanded, lower-cased."""
    sets: dict[str, list[str]] = {}
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = SETS_LINE.match(line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = AGENT_LINE.match(line)
        if not m:
            continue  # a noun without a code ("ISLAMIC_EXTREMIST")
        noun, code = m.group("noun").strip(), m.group("code").strip()
        given = m.group("plural")
        noun = re.sub(r"(?<=[A-Z])!MINIST!(?=[A-Z])", "MINIST", noun)  # "AD!MINIST!RATIVE"
        forms = [noun]
        while any(name in f for f in forms for name in sets):
            forms = [f.replace(name, w, 1) if name else f for f in forms
                     for name in [next((n for n in sets if n in f), "")]
                     for w in (sets[name] if name else [""])]
        for form in forms:
            phrase = phrase_of(form).lower()
            last = phrase.rsplit(" ", 1)[-1]
            if last in STEMS:  # "broadcast minist": every full form, plurals among them
                for full in STEMS[last]:
                    yield phrase[: len(phrase) - len(last)] + full, code, ""
                continue
            explicit = None if given is None else phrase_of(given).lower()
            yield phrase, code, explicit


def agent_rows(path: Path, project: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(phrase, sector, office, Phoenix code) of the agent nouns to write, singular and plural,
    sorted by sector and phrase. `project` holds the project's own sector words (and their
    plurals) with their sectors: those are not written, and a phrase whose other number the
    project has takes the project's sector ("protester" is CVL, as "protesters" is)."""
    taken = project_phrases()
    override = {f: v for k, v in OVERRIDES.items() for f in forms(k)}
    out: dict[str, tuple[str, str, str]] = {}
    for phrase, code, given in agent_entries(path):
        phrase = phrase.removeprefix("the ")
        sector = sector_of(code, phrase)
        if sector is None or excluded(phrase):
            continue
        written = [phrase, (plural(phrase) or "") if given is None else given.removeprefix("the ")]
        other = [project[f] for f in written if f in project]
        sector = override.get(phrase) or (other[0] if other else sector)
        for n, form in enumerate(written):
            if form and form not in taken and not excluded(form) and form not in out:
                out[form] = (sector, OFFICES.get(form, "") if n == 0 else "", code.lstrip("~"))
    return sorted(((p, s, o, c) for p, (s, o, c) in out.items()), key=lambda r: (r[1], r[0]))


def excluded(phrase: str) -> str | None:
    """The reason a phrase is left out, or None."""
    for reason, phrases in EXCLUDED.items():
        if phrase in phrases:
            return reason
    for reason, pattern in EXCLUDED_PATTERNS:
        if re.search(pattern, phrase):
            return reason
    return None


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of one of the project's data files (comment lines skipped, first line the header)."""
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def project_sectors() -> dict[str, str]:
    """The project's sector words (and their regular plurals) -> their sectors."""
    out: dict[str, str] = {}
    for row in read_table(DATA / "sectors.tsv"):
        for form in (row["phrase"], plural(row["phrase"].lower())):
            if form:
                out.setdefault(form.lower(), row["sector"])
    return out


def project_phrases() -> set[str]:
    """Every phrase the project's own tables define, lower-cased (those win over Phoenix's)."""
    out: set[str] = set()
    columns = {"countries.tsv": ("name", "names", "capitals"),
               "countries_extra.tsv": ("name", "names", "adjectives", "seats"),
               "sectors.tsv": ("phrase",), "organisations.tsv": ("name", "aliases"),
               "people.tsv": ("name", "aliases", "surname"), "ambiguous.tsv": ("phrase",),
               "references.tsv": ("phrase",)}
    for filename, cols in columns.items():
        for row in read_table(DATA / filename):
            for c in cols:
                out.update(v.lower() for v in split(row.get(c)))
    return out

def forms(*phrases: str) -> set[str]:
    """Phrases with their regular plurals."""
    return {f for p in phrases for f in (p, plural(p)) if f}


# Agent words left out, by reason (singular and plural both, as converted).
EXCLUDED: dict[str, set[str]] = {
    "people in general: any person in a story would become an actor (Phoenix itself marks WOMAN"
    " provisional); the project codes groups of people by what they do": {
        *forms("man", "woman", "person", "child", "girl", "mother", "infant", "native", "non-native",
               "non-resident", "native people", "religious person"),
        "men", "women", "persons", "children", "childs", "poor", "religious people", "the poor"},
    "a faith or an identity, not a religious authority: CAMEO's religion codes have no place in"
    " the project's ISO3+sector codes, as REL they would make believers clergy, and several are"
    " adjectives ('Islamic', 'Jewish', 'Sunni')": {
        *forms("buddhist", "christian", "hindu", "muslim", "moslem", "islamic", "islamist",
               "islamist group", "islamic fundamentalist", "hardline islamic", "jew", "jewish",
               "hebrew", "hasid", "orthodox jew", "sunni", "anglican", "maronite", "unitarian",
               "believer", "muslim migrant", "moslem settler", "catholic saint", "religion"),
        "hasidims", "jewishes", "islamics"},
    "adjectives or participles, not nouns": {
        *forms("naval", "military led", "state-owned", "semi-official", "retired", "sovereign",
               "naturalized", "reformist", "reformer"), "navals", "naturalizeds", "retireds"},
    "common words that are usually not actors in news ('the authority to', 'state actors', 'oil"
    " producers' and 'exporters' are states, 'representatives of both sides', 'in exile', 'a flag"
    " carrier', 'the Manchester bomber', 'top echelons')": {
        *forms("authority", "actor", "producer", "exporter", "writer", "publication", "representative",
               "advocate", "counsel", "counsellor", "counselor", "counsellor-at-law", "detainee", "exile",
               "echelon", "phalanx", "governance", "polity", "kingdom", "public sector", "carrier",
               "bomber", "constituent", "doc", "raider", "crusader", "oiler", "pm", "boss", "monger"),
        "representatives", "counsellors-at-law"},
    "a rank or title that sits beside an office and would take its sector ('deputy foreign"
    " minister', 'lieutenant governor', 'corporal punishment'), a ship's or a team's captain,"
    " merchant seamen, a company's chief executive": {
        *forms("deputy", "lieutenant", "captain", "corporal", "seaman", "chief executive")},
    "events or activities, not actors": {
        *forms("revolt", "rebellion", "uprising", "insurgency", "insurgence", "armed insurgency",
               "ethnic insurgency", "low level insurgency", "a cabinet meeting", "security check",
               "intelligence activity", "intelligence operation", "intelligence information",
               "military presence", "military rule", "border security"),
        "insurgencies", "intelligence activities", "armed insurgencies", "ethnic insurgencies",
        "low level insurgencies"},
    "websites and blogs: where media publish, not who acts ('Iranian government websites' are"
    " the government's)": {*forms("website", "web site", "internet site", "blog")},
    "places: where.py reads places, and the project codes no place as an actor but seats of"
    " power": {
        *forms("village", "settlement", "neighborhood", "neighbourhood", "small town", "military base",
               "naval base", "rebel base", "mortar position", "fighting position",
               "weapons storage facility", "police post", "police district", "diplomatic building",
               "foreign diplomatic building", "medical building", "schoolhouse", "parliament house",
               "barracks"), "weapons storage facilities"},
    "names: sector words match lower-cased, so these would take a person's name ('Howard Dean',"
    " 'Eric Cantor', 'Hunter Biden')": {*forms("dean", "hunter", "cantor")},
    "typos, fragments and words that are not English (Phoenix keeps misspellings found in"
    " news; these are no word at all, or half of one)": {
        *forms("branokker", "tinginist", "kanidurgu", "court supreme", "c in cof", "cs in cof",
               "c in c of", "ent affairs minister", "ent affairs ministry", "office of the unrepresentative",
               "chief's office", "leading news", "communications org", "control forces",
               "general for law and order", "top left leader", "top right leader",
               "deparment of environment", "constitutional monarcy", "manafacture", "midwive",
               "soldiers, alongs with their families", "military operations control command"),
        "cs in c of", "ent affairs ministries", "ent affairs ministers", "generals for law and order",
        "offices of the unrepresentative", "deparments of environment", "constitutional monarcies"},
    "two agents in one phrase (the coder reads 'X and Y' as two actors), agents with their"
    " families, and phrases the project's own words compose ('ruling party' + 'lawmakers')": {
        *forms("students and professor", "students and teacher", "ministers and mps",
               "government troops and police", "soldiers and their families", "soldiers with their families",
               "soldiers, along with their families", "mps of the ruling party", "ruling party mp",
               "ruling party senator", "government lawmaker")},
    "Japan's Self-Defense Forces are its military (JPNREB would be wrong); militias of that name"
    " are named groups": {
        *forms("self defence force", "self defense force", "self-defence force", "self-defense force",
               "self-dfense force")},
}
EXCLUDED_PATTERNS: list[tuple[str, str]] = [
    ("a prefix Phoenix completes with a name ('ambassador to', 'embassy in'), not a noun",
     r" (of|for|in|to|at|with)$"),
    ("not ASCII: mojibake in Phoenix's file", r"[^\x00-\x7f]"),
    ("half of a longer title ('minister for foreign', 'ministry of civil')",
     r"^(ministers?|ministr(y|ies)|secretar(y|ies)) (for|of) (civil|foreign|home|progress)$"),
]
# Phrases whose Phoenix sector the project reads otherwise (plural forms follow).
OVERRIDES: dict[str, str] = {
    "green party": "PTY",  # a party (Phoenix: "should sort out the PTY thing, but not yet")
    "governing party": "PTY", "sole political party": "PTY",  # as the project's "ruling party"
    "environmental protection agency": "GOV",  # a government agency (Phoenix: "there are state ones")
    "minister of environment": "GOV", "minister of the environment": "GOV",  # offices, as GOVENV
    "ministry of environment": "GOV", "ministry of the environment": "GOV",
    "inspector general": "GOV",  # an oversight office, not the police
    "executive department": "GOV",
    "telecom": "BUS", "telecom consultant": "BUS", "telecom firm": "BUS",  # companies, not media
    "illegal immigrant": "REF", "illegal migrant": "REF",  # the project codes migrants REF
    "looter": "CRM",  # criminals, not rebels
    "expatriate": "CVL",  # expatriates are not refugees
    "delegate": "GOV",  # as the project's "delegation"
    "opposition forces": "REB",  # as Phoenix's own "opposition force": armed rebels
    "security personnel": "COP", "security patrol": "COP",  # as the project's "security forces"
    "spy plane": "MIL",  # flown by air forces and navies
    # a head of government's aides and council, not the military
    "national security adviser": "GOV", "national security advisor": "GOV",
    "national security chief": "GOV", "national security council": "GOV",
    "national security office": "GOV",
    # civil defence is emergency services
    "civil defense department": "GOV", "civil defense minister": "GOV", "civil defense ministry": "GOV",
    "civil defense secretary": "GOV", "department of civil defense": "GOV",
}
# Offices of singular title phrases, as sectors.tsv's: who held them is found by date.
OFFICES: dict[str, str] = {
    "minister for defence": "defence_minister", "minister for defense": "defence_minister",
    "minister of national defence": "defence_minister", "minister for national defence": "defence_minister",
    "external affairs minister": "foreign_minister", "external relations minister": "foreign_minister",
    "minister of external relations": "foreign_minister",
    "minister for external relations": "foreign_minister",
    "foreign relations minister": "foreign_minister",
    "prime minster": "head_of_government", "chief of state": "head_of_state",
    "paramount ruler": "head_of_state", "emperor": "head_of_state", "empress": "head_of_state",
}


# -- organisations ------------------------------------------------------------------------

def actor_blocks(path: Path) -> list[list[str]]:
    """Each entry of a Phoenix actor file as its names in reading form (the first, then the
    "+" aliases); codes, dates and comments dropped."""
    blocks: list[list[str]] = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip() and raw.strip().startswith("#") and not raw.startswith("#"):
            blocks.append([""])  # an entry with no name (" #  kkl ..."): its aliases are nobody's
            continue
        if not line.strip() or line.lstrip().startswith("["):
            continue
        name = line.split("[", 1)[0].strip()
        if not name:
            continue
        if name.startswith("+"):
            if blocks:
                blocks[-1].append(phrase_of(name[1:]))
        else:
            blocks.append([phrase_of(name)])
    return blocks


# Lower-cased in names: "Liberation Tigers of Tamil Eelam", "Lashkar-e-Taiba", "al-Qaeda".
PARTICLES = {"of", "the", "and", "for", "in", "on", "at", "to", "by", "de", "del", "la", "le", "du",
             "des", "y", "e", "i", "ul", "al", "el", "ad", "ash", "as", "an", "wa", "fi", "li", "bin",
             "ibn", "u", "no"}
ARTICLE_PARTICLES = {"al", "el", "ad", "ash", "as", "an"}  # lower even first: "al-Qaeda"


def recase(name: str, acronyms: frozenset[str] = frozenset()) -> str:
    """A Phoenix name (upper-cased) as written in news: words capitalised, particles lower,
    acronyms (no vowel, a digit, or listed) upper."""
    out = []
    for n, word in enumerate(name.split(" ")):
        up = word.upper()
        letters = up.replace("/", "")
        if re.fullmatch(r"\d+[A-Z]+", up):  # "20th", "1920s"
            out.append(word.lower())
            continue
        if up in acronyms or any(c.isdigit() for c in up) or re.fullmatch(r"([A-Z]\.)+", up) or (
                letters.isalpha() and not set(letters) & set("AEIOUY")):
            out.append(up)
            continue
        parts = re.split(r"([-/])", word.lower())
        for i, part in enumerate(parts):
            first = n == 0 and i == 0
            if part in PARTICLES and (not first or part in ARTICLE_PARTICLES):
                continue
            if i >= 2 and parts[i - 2].lower() == "co":  # "Co-operation"
                continue
            parts[i] = part[:1].upper() + part[1:]
        out.append("".join(parts))
    return " ".join(out)


def name_forms(raw: str, acronyms: frozenset[str]) -> list[str]:
    """The names one Phoenix name gives: itself without its parentheses (a country qualifier,
    an acronym), the acronym in parentheses, the halves of "A/B" names, "al-X" also as "Al-X"."""
    inner = re.findall(r"\(([^()]*)\)", raw)
    base = re.sub(r"\s*\([^()]*\)?\s*", " ", raw).strip(" -")
    base = re.sub(r"\s*\($", "", base).strip()
    out = [recase(p.strip(), acronyms) for p in (base.split(" / ") if " / " in base else base.split("/")
                                                  if len(base.split("/")) == 2
                                                  and all(" " in p for p in base.split("/")) else [base])]
    for group in inner:
        if group.upper() in acronyms:
            out.append(group.upper())
    out += [n[0].upper() + n[1:] for n in out if n[:3] in ("al-", "el-", "al ", "el ")]
    return [n for n in out if n]


# Phoenix's armed non-state groups and international organisations the project takes, in the
# project's code scheme (actors/README.md): code, name (blank: Phoenix's first), country,
# sector, the Phoenix entries (first names) whose names and aliases it takes, the acronyms
# among them, and the names it leaves out (persons, translations that are ordinary words,
# acronyms with a better-known meaning). Groups and bodies active in 2000-2026 news; an
# existing project code gains the aliases the project lacks.
@dataclass(frozen=True)
class Org:
    code: str
    name: str
    country: str
    sector: str
    phoenix: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # spellings of a Phoenix name: "G 8" -> "G8", "G-8"


PEOPLE = "persons: people belong in people.tsv with dated roles, which Phoenix does not give"
ARMED_GROUPS = (
    Org("PHLREBASG", "Abu Sayyaf", "PHL", "REB", ("ABU SAYYAF GROUP", "ABU SAYYAF"),
        drop=("Al-Harakat al-Islamiyah", "al-Harakat al-Islamiyah")),
    Org("PHLREBMIF", "Moro Islamic Liberation Front", "PHL", "REB", ("MORO ISLAMIC LIBERATION FRONT",),
        ("MILF",)),
    Org("PHLREBMNF", "Moro National Liberation Front", "PHL", "REB", ("MORO NATIONAL LIBERATION FRONT",),
        ("MNLF",), drop=("MLF",)),
    Org("PHLREBNPA", "New People's Army", "PHL", "REB", ("NEW PEOPLE'S ARMY",)),
    Org("IDNREBJMI", "Jemaah Islamiyah", "IDN", "REB",
        ("JEMAAH ISLAMIYA", "JEMAAH ISLAMI", "JEMAAH ISLAMIAH", "JEMAAH ISLAMIYAH", "JAMAAH ISLAMI",
         "JAMAAH ISLAMIYA"), drop=("Islamic Community", "Islamic Group")),
    Org("PAKREBLET", "Lashkar-e-Taiba", "PAK", "REB",
        ("LASHKAR-E-TAIBA", "LASHKAR E TAYYABA", "LASHKAR E TAYYIBA", "LASHKAR E TOIBA", "LASHKAR I TAIBA",
         "LASHKAR I TAYYABA", "LASKAR E TAIBA", "LASKAR E TAYYABA", "LASKAR E TAYYIBA", "LASKAR E TOIBA",
         "LASKAR I TAIBA", "LASKAR I TAYYABA", "LASKAR I TOIBA")),
    Org("PAKREBJEM", "Jaish-e-Mohammed", "PAK", "REB", ("JAISH-E-MOHAMMAD",)),
    Org("PAKREBLEJ", "Lashkar-e-Jhangvi", "PAK", "REB", ("LASHKAR-E-JHANGVI",)),
    Org("PAKREBHUM", "Harkat-ul-Mujahideen", "PAK", "REB", ("HARAKAT UL-MUJAHIDIN", "HARKAT UL MUJAHIDEEN")),
    Org("INDREBHZM", "Hizbul Mujahideen", "IND", "REB", ("HIZBUL MUJAHIDEEN",),
        drop=("HM of the Jamaat-e-Islami",)),
    Org("LKAREBLTT", "Liberation Tigers of Tamil Eelam", "LKA", "REB",
        ("LIBERATION TIGERS OF TAMIL EELAM",), ("LTTE",)),
    Org("INDREBCPM", "Communist Party of India (Maoist)", "IND", "REB", ("COMMUNIST PARTY OF INDIA-MAOIST",)),
    Org("INDREBULF", "United Liberation Front of Assam", "IND", "REB", ("UNITED LIBERATION FRONT OF ASSAM",)),
    Org("INDREBNSC", "National Socialist Council of Nagaland", "IND", "REB",
        ("NATIONAL SOCIALIST COUNCIL OF NAGALAND-ISAK-MUIVAH",
            "NATIONAL SOCIALIST COUNCIL OF NAGALAND-KHAPLANG")),
    Org("INDREBNDF", "National Democratic Front of Bodoland", "IND", "REB",
        ("NATIONAL DEMOCRATIC FRONT OF BODOLAND",)),
    Org("INDREBSIM", "Students Islamic Movement of India", "IND", "REB",
        ("STUDENTS ISLAMIC MOVEMENT OF INDIA",)),
    Org("INDREBBKI", "Babbar Khalsa International", "IND", "REB", ("BABBAR KHALSA INTERNATIONAL",)),
    Org("PAKREBBLA", "Baloch Liberation Army", "PAK", "REB", ("BALOCH LIBERATION ARMY",)),
    Org("BGDREBJMB", "Jamatul Mujahedin Bangladesh", "BGD", "REB", ("JAMATUL MUJAHEDIN BANGLADESH",)),
    Org("TURREBTAK", "Kurdistan Freedom Hawks", "TUR", "REB", ("KURDISTAN FREEDOM HAWKS",)),
    Org("TURREBHEZ", "Turkish Hezbollah", "TUR", "REB", ("TURKISH HEZBOLLAH",)),
    Org("TURREBDHK", "DHKP/C", "TUR", "REB", ("DHKP/C",), ("DHKP/C", "RPLP/F"),
        drop=("Revolutionary Left",)),
    Org("TURREBPKK", "PKK", "TUR", "REB", ("KURDISTAN WORKERS' PARTY", "PKK", "HPG"),
        ("KADEK", "KHK", "KGK", "HPG")),
    Org("IRQREBANI", "Ansar al-Islam", "IRQ", "REB", ("ANSAR AL-ISLAM",), drop=("Supporters of Islam",)),
    Org("IRQREBMAH", "Mahdi Army", "IRQ", "REB", ("MAHDI ARMY",)),
    Org("IRQREBIAI", "Islamic Army in Iraq", "IRQ", "REB", ("ISLAMIC ARMY IN IRAQ",)),
    Org("IRQREBTRB", "1920 Revolution Brigades", "IRQ", "REB", ("1920 REVOLUTION BRIGADES",)),
    Org("IRQREBASN", "Ansar al-Sunna", "IRQ", "REB", ("JAMAAT ANSAR AL-SUNNA", "ANSAR AL-SUNNAH ARMY")),
    Org("IRQPTYPUK", "Patriotic Union of Kurdistan", "IRQ", "PTY", ("PATRIOTIC UNION OF KURDISTAN",),
        ("PUK",)),
    Org("PSEREBAMB", "al-Aqsa Martyrs' Brigades", "PSE", "REB", ("AL-AQSA MARTYRS BRIGADES",),
        drop=("al-Aqsa", "Al-Aqsa", "Al Aksa")),  # al-Aqsa: the mosque
    Org("PSEREBPFL", "Popular Front for the Liberation of Palestine", "PSE", "REB",
        ("POPULAR FRONT FOR THE LIBERATION OF PALESTINE",)),
    Org("PSEREBPGC", "PFLP-General Command", "PSE", "REB",
        ("POPULAR FRONT FOR THE LIBERATION OF PALESTINE--GENERAL COMMAND",), ("PFLP-GC",)),
    Org("PSEREBDFL", "Democratic Front for the Liberation of Palestine", "PSE", "REB",
        ("DEMOCRATIC FRONT FOR THE LIBERATION OF PALESTINE",), ("DFLP", "PDFLP")),
    Org("PSEREBPRC", "Popular Resistance Committees", "PSE", "REB", ("POPULAR RESISTANCE COMMITTEES",)),
    # the PLO speaks for the Palestinians abroad (the Palestinian Authority's parent): GOV, not REB
    Org("PSEGOV", "Palestine Liberation Organization", "PSE", "GOV", ("PALESTINE LIBERATION ORGANIZATION",),
        ("PLO",)),
    Org("PSEREBHAM", "Hamas", "PSE", "REB", ("HAMAS", "IZZ AD-DIN AL QASSAM"),
        drop=("al-Aqsa Foundation", "Al-Aqsa Foundation", "Khaled Meshaal", "Mohammed Deif", "Marwan Issa",
              # the armed wing of Palestinian Islamic Jihad, not of Hamas
              "al-Quds Brigades", "Al-Quds Brigades", "al-Quds Battalions", "Al-Quds Battalions",
              "Jerusalem Battalions", "Jerusalem Brigades", "Sayf al-Islam Brigades")),
    Org("PSEPTYFTH", "Fatah", "PSE", "PTY", ("AL-FATAH",), drop=("al-Asifa", "Al-Asifa")),
    Org("LBNREBHEZ", "Hezbollah", "LBN", "REB", ("HEZBOLLAH",),
        drop=("Islamic Jihad",  # Palestinian Islamic Jihad in the project's table
              "The Islamic Resistance",  # Hamas's name too, and Iraq's "Islamic Resistance"
              "Hasan Nasrallah", "Hassan Nasrallah", "Sayyid Hassan Nasrallah", "Sheik Nasrallah",
                  "Nasrallah",
              "Sheikh Hassan Nasrallah", "Sheik Hassan Nasrallah", "Sayyed Hassan Nasrallah",
                  "Sheikh Nasrallah",
              "Seyyed Hassan Nasrallah", "Sayyed Nasrallah", "Imad Mughniyeh", "Imad Fayez Mughniyeh",
              "Imad Mughniyah", "Imad Moughniyah")),
    Org("LBNREBASA", "Asbat al-Ansar", "LBN", "REB", ("ASBAT AL-ANSAR",),
        drop=("Band of Partisans", "League of the Followers", "Partisans League")),
    Org("LBNPTYAML", "Amal Movement", "LBN", "PTY", ("AMAL",), drop=("Amal",)),  # Amal: a given name
    Org("AFGREBHIG", "Hezb-e-Islami", "AFG", "REB", ("HIZB-I-ISLAMI", "HIZB-I ISLAMI GULBUDDIN"),
        drop=("Islamic Party",)),
    Org("UZBREBIMU", "Islamic Movement of Uzbekistan", "UZB", "REB", ("ISLAMIC MOVEMENT OF UZBEKISTAN",),
        drop=("Islamic Party of Turkistan",)),  # the name the Uyghur ETIM also takes
    Org("UZBREBIJU", "Islamic Jihad Union", "UZB", "REB", ("ISLAMIC JIHAD GROUP",), ("IJU",),
        drop=("Islamic Jihad Group",)),
    Org("CHNREBETI", "East Turkestan Islamic Movement", "CHN", "REB",
        ("EASTERN TURKISTAN ISLAMIC MOVEMENT",)),
    Org("IMGREBAQD", "al-Qaeda", "", "REB",
        ("AL QA'IDA", "AL-QAEDA ORGANIZATION IN THE ISLAMIC MAGHREB", "EL QAIDA", "AL QAI'DAH"),
        drop=("Al Qaeda Linked Abu Sayyaf", "Al-Qaeda Linked Abu Sayyaf", "al-Qaeda Linked Abu Sayyaf",
              "Al Qaida-Affiliated", "Al Qaida Offshoot", "Al Qaeda Operatives", "Qaeda Group")),
    Org("IMGREBASR", "Ansar al-Sharia", "", "REB", ("ANSAR AL-SHARIA",)),
    Org("MLIREBADN", "Ansar Dine", "MLI", "REB", ("ANSAR DINE",)),
    Org("NGAREBANS", "Ansaru", "NGA", "REB", ("ANSARU",)),
    Org("NGAREBMND", "Movement for the Emancipation of the Niger Delta", "NGA", "REB",
        ("MOVEMENT FOR THE EMANCIPATION OF THE NIGER DELTA",)),
    Org("SOMREBSHB", "al-Shabaab", "SOM", "REB", ("AL-SHABAAB",),
        drop=("HSM", "Ahmad Umar", "Moktar Ali Zubeyr", "Ahmed Abdi Godane")),
    Org("UGAREBLRA", "Lord's Resistance Army", "UGA", "REB", ("LORD'S RESISTANCE ARMY",),
        drop=("Dominic Ongwen", "Joseph Kony", "Vincent Otti", "Caesar Achellam", "Raska Lukwiya",
              "Okot Odhiambo", "Odong Latek", "Alphonse Lamola", "Nixman Oryanga")),
    Org("RWAREBFDL", "FDLR", "RWA", "REB", ("ARMY FOR THE LIBERATION OF RWANDA",), ("FDLR",)),
    Org("CODREBMAI", "Mai-Mai", "COD", "REB", ("POPULAR SELF-DEFENSE FORCES",)),
    Org("SLEREBRUF", "Revolutionary United Front", "SLE", "REB", ("REVOLUTIONARY UNITED FRONT",), ("RUF",)),
    Org("ETHREBOLF", "Oromo Liberation Front", "ETH", "REB", ("OROMO LIBERATION FRONT",)),
    Org("ETHREBONL", "Ogaden National Liberation Front", "ETH", "REB", ("OGADEN NATIONAL LIBERATION FRONT",)),
    # the Tigray war of 2020-22 (before 2018 the TPLF led Ethiopia's ruling coalition)
    Org("ETHREBTPL", "Tigray People's Liberation Front", "ETH", "REB", ("TIGRAY PEOPLES LIBERATION FRONT",)),
    Org("ESHREBPOL", "Polisario Front", "ESH", "REB", ("POLISARIO FRONT",)),
    Org("MEXREBEZL", "Zapatista Army of National Liberation", "MEX", "REB", ("EZLN",), ("EZLN",)),
    Org("MEXREBEPR", "Popular Revolutionary Army", "MEX", "REB", ("POPULAR REVOLUTIONARY ARMY",)),
    Org("PERREBSPT", "Shining Path", "PER", "REB", ("SHINING PATH",)),
    Org("COLREBAUC", "United Self-Defense Forces of Colombia", "COL", "REB",
        ("UNITED SELF-DEFENSE FORCES OF COLOMBIA",), ("AUC",)),
    Org("COLREBFRC", "FARC", "COL", "REB", ("REVOLUTIONARY ARMED FORCES OF COLOMBIA",), ("FARC-EP",)),
    Org("ESPREBETA", "ETA", "ESP", "REB", ("BASQUE FATHERLAND AND FREEDOM",), ("ETA",)),
    Org("GBRREBIRA", "Irish Republican Army", "GBR", "REB", ("IRISH REPUBLICAN ARMY",), ("PIRA",),
        drop=("IRA",)),  # also the US Inflation Reduction Act and retirement accounts
    Org("GBRREBRIR", "Real IRA", "GBR", "REB", ("REAL IRISH REPUBLICAN ARMY",), ("IRA", "RIRA")),
    Org("GBRREBCIR", "Continuity IRA", "GBR", "REB", ("CONTINUITY IRISH REPUBLICAN ARMY",), ("IRA", "CIRA"),
        drop=("ICAC",)),  # Hong Kong's and Australia's anti-corruption commissions
    Org("GBRREBINL", "Irish National Liberation Army", "GBR", "REB", ("IRISH NATIONAL LIBERATION ARMY",),
        ("INLA",), drop=("Peoples Liberation Army", "Peoples Republican Army", "Catholic Reaction Force")),
    Org("GBRREBUVF", "Ulster Volunteer Force", "GBR", "REB", ("ULSTER VOLUNTEER FORCE",)),
    Org("GBRREBUDA", "Ulster Defence Association", "GBR", "REB",
        ("ULSTER DEFENCE ASSOCIATION/ULSTER FREEDOM FIGHTERS",), ("UDA",)),
    Org("GBRREBLVF", "Loyalist Volunteer Force", "GBR", "REB", ("LOYALIST VOLUNTEER FORCE",), ("LVF",)),
    # armed until 2003, since an exiled opposition
    Org("IRNOPPMEK", "People's Mujahedin of Iran", "IRN", "OPP", ("MUJAHEDIN-E-KHALQ",), ("MEK",)),
    Org("GRCREBN17", "Revolutionary Organization 17 November", "GRC", "REB",
        ("REVOLUTIONARY ORGANIZATION 17 NOVEMBER",), ("RO-N17",), drop=("17 November",)),  # a date
    Org("THAREBBRN", "Barisan Revolusi Nasional", "THA", "REB", ("BARISAN REVOLUSI NASIONAL MELAYU PATTANI",),
        drop=("National Revolutionary Front",)),
    Org("THAREBPUL", "Pattani United Liberation Organization", "THA", "REB",
        ("PATTANI UNITED LIBERATION ORGANIZATION",)),
    Org("MMRREBKNU", "Karen National Union", "MMR", "REB", ("KAYIN NATIONAL UNION",), ("KNU",)),
    Org("MMRREBDKB", "Democratic Karen Buddhist Army", "MMR", "REB", ("DEMOCRATIC KAREN BUDDHIST ARMY",),
        ("DKBA",)),
    Org("MMRREBKNP", "Karenni National Progressive Party", "MMR", "REB",
        ("KARENNI NATIONAL PROGRESSIVE PARTY",)),
    Org("MMRREBABS", "All Burma Students' Democratic Front", "MMR", "REB",
        ("ALL BURMA STUDENTS' DEMOCRATIC FRONT",)),
    Org("IDNREBGAM", "Free Aceh Movement", "IDN", "REB", ("FREE ACEH MOVEMENT",), ("GAM",)),
    Org("IDNREBOPM", "Free Papua Movement", "IDN", "REB", ("FREE PAPUA MOVEMENT",)),
    Org("IDNREBLKJ", "Laskar Jihad", "IDN", "REB", ("LASKAR JIHAD",), drop=("Army of Jihad",
        "Holy War Warriors")),
    Org("LBYREBLIF", "Libyan Islamic Fighting Group", "LBY", "REB", ("LIBYAN ISLAMIC FIGHTING GROUP",)),
    Org("EGYREBGAI", "al-Gama'a al-Islamiyya", "EGY", "REB", ("AL-GAMA'A AL-ISLAMIYYA",),
        drop=("Islamic Group",)),
    Org("IMGCRMMST", "MS-13", "", "CRM", ("MARA SALVATRUCHAS",)),  # a gang: criminals (CRM)
    Org("JPNREBAUM", "Aum Shinrikyo", "JPN", "REB", ("AUM SHINRIKYO / ALEPH", "AUM SHINRIKYO",
                                                    "AUM SHINSEN NO KAI", "AUM SUPREME TRUTH"),
        drop=("Aleph",)),  # a Hebrew letter, a company name
    Org("USARADKKK", "Ku Klux Klan", "USA", "RAD", ("KU KLUX KLAN",), ("KKK",)),  # radicals, not rebels
    Org("KHMREBKRR", "Khmer Rouge", "KHM", "REB", ("KHMER ROUGE",)),
    # liberation movements that became ruling or main parties: PTY
    Org("NICPTYFSL", "Sandinista National Liberation Front", "NIC", "PTY", ("SANDINISTAS",)),
    Org("SLVPTYFML", "Farabundo Marti National Liberation Front", "SLV", "PTY",
        ("FARABUNDO MARTI NATIONAL LIBERATION FRONT",), ("FMLN-FDR",)),
    Org("ZAFPTYANC", "African National Congress", "ZAF", "PTY", ("AFRICAN NATIONAL CONGRESS",)),
    Org("ZWEPTYZAN", "ZANU-PF", "ZWE", "PTY", ("ZIMBABWE AFRICAN NATIONALIST UNION",), ("ZANU",)),
    Org("NAMPTYSWP", "SWAPO", "NAM", "PTY", ("SOUTH-WEST AFRICA PEOPLE'S ORGANIZATION",)),
    Org("AGOPTYMPL", "MPLA", "AGO", "PTY", ("POPULAR MOVEMENT FOR THE LIBERATION OF ANGOLA",)),
    Org("MOZREBREN", "Mozambique National Resistance Movement", "MOZ", "REB",
        ("MOZAMBIQUE NATIONAL RESISTANCE MOVEMENT",)),
    Org("PAKPTYMQM", "Muttahida Qaumi Movement", "PAK", "PTY", ("MUTTAHIDA QAMI MOVEMENT",), ("MQM",),
        drop=("United National Front",)),
)
INTERNATIONAL = (
    Org("IGOAMU", "Arab Maghreb Union", "", "IGO", ("ARAB MAGHREB UNION",)),
    Org("IGOAFUPSC", "African Union Peace and Security Council", "", "IGO", ("AUPSC", "PSCAU"),
        ("AUPSC", "PSCAU")),
    Org("IGOCSS", "Community of Sahel-Saharan States", "", "IGO",
        ("CEN SAD", "CENSAD", "COMMUNITY OF SAHEL SAHARAN STATES", "COMMUNITY OF SAHEL STATES",
         "COMMUNITY OF SAHARAN STATES"), ("CEN", "SAD", "CENSAD"), variants=("CEN-SAD",)),
    Org("IGOBIS", "Bank for International Settlements", "", "IGO", ("BANK FOR INTERNATIONAL SETTLEMENTS",)),
    Org("IGOECA", "Economic Community of Central African States", "", "IGO",
        ("ECONOMIC COMMUNITY OF CENTRAL AFRICAN STATES",)),
    Org("IGOEBR", "European Bank for Reconstruction and Development", "", "IGO",
        ("EUROPEAN BANK FOR RECONSTRUCTION AND DEVELOPMENT",)),
    Org("IGOEFT", "European Free Trade Association", "", "IGO", ("EUROPEAN FREE TRADE ASSOCIATION",)),
    Org("IGOG08", "G8", "", "IGO", ("GROUP OF EIGHT",), variants=("G8", "G-8")),
    Org("IGOG77", "Group of 77", "", "IGO", ("GROUP OF SEVENTY SEVEN",), variants=("Group of 77", "G77",
        "G-77")),
    Org("IGOCOI", "Indian Ocean Commission", "", "IGO", ("INDIAN OCEAN COMMISSION",)),
    Org("IGOIPU", "Inter-Parliamentary Union", "", "IGO", ("INTER PARLIAMENTARY UNION", "IPU"), ("IPU",),
        variants=("Inter-Parliamentary Union",)),
    Org("IGOISD", "Islamic Development Bank", "", "IGO", ("ISLAMIC DEVELOPMENT BANK",)),
    Org("IGOMKG", "Mekong River Commission", "", "IGO", ("MEKONG RIVER COMMISSION",)),
    Org("IGONSG", "Nuclear Suppliers Group", "", "IGO", ("NUCLEAR SUPPLIERS GROUP",)),
    Org("IGOAPE", "OAPEC", "", "IGO", ("OAPEC", "ORGANIZATION OF ARAB PETROLEUM EXPORTING COUNTRIES"),
        ("OAPEC",)),
    Org("IGOOIC", "Organisation of Islamic Cooperation", "", "IGO",
        ("ORGANIZATION OF ISLAMIC CONFERENCES", "ORGANIZATION OF THE ISLAMIC CONFERENCE"),
        variants=("Organisation of the Islamic Conference",)),
    Org("IGOSAA", "SAARC", "", "IGO", ("SAARC", "SOUTH ASIAN ASSOCIATION"), ("SAARC",)),
    Org("IGOSLM", "Sri Lanka Monitoring Mission", "", "IGO", ("SLMM", "SRI LANKA MONITORING MISSION"),
        ("SLMM",)),
    Org("IGOBOA", "West African Development Bank", "", "IGO",
        ("WEST AFRICAN DEVELOPMENT BANK", "WEST AFRICA DEVELOPMENT BANK")),
    Org("IGOAFB", "African Development Bank", "", "IGO", ("AFRICAN DEVELOPMENT BANK",)),
    Org("IGOAND", "Andean Community", "", "IGO", ("ANDEAN COMMUNITY",)),
    Org("IGOBEA", "Bank of Central African States", "", "IGO", ("BANK OF CENTRAL AFRICAN STATES", "BEAC"),
        ("BEAC",)),
    Org("IGOCRB", "Caribbean Community", "", "IGO", ("CARIBBEAN COMMUNITY",)),
    Org("IGOCEM", "CEMAC", "", "IGO", ("CEMAC", "MONETARY AND ECONOMIC COMMUNITY OF CENTRAL AFRICA"),
        ("CEMAC",)),
    Org("IGOPCN", "Central American Parliament", "", "IGO", ("CENTRAL AMERICAN PARLIAMENT", "PARLACEN"),
        ("PARLACEN",)),
    Org("IGOEAC", "East African Community", "", "IGO", ("EAST AFRICAN COMMUNITY",)),
    Org("IGOECO", "Economic Cooperation Organization", "", "IGO", ("ECONOMIC COOPERATION ORGANIZATION",)),
    Org("IGOIAB", "Inter-American Development Bank", "", "IGO", ("INTER AMERICAN DEVELOPMENT BANK",),
        variants=("Inter-American Development Bank",)),
    Org("IGOIEA", "International Energy Agency", "", "IGO", ("INTERNATIONAL ENERGY AGENCY",)),
    Org("IGOWEU", "Western European Union", "", "IGO", ("WESTERN EUROPEAN UNION",)),
    Org("IGOECS", "Organisation of Eastern Caribbean States", "", "IGO",
        ("ORGANISATION OF EASTERN CARIBBEAN STATES", "ORGANIZATION OF EASTERN CARIBBEAN STATES")),
    Org("IGOUNS", "Union of South American Nations", "", "IGO", ("UNION OF SOUTH AMERICAN NATIONS",)),
    Org("IGONRC", "Nordic Council", "", "IGO", ("NORDIC COUNCIL",)),
    Org("IGOSPC", "Pacific Community", "", "IGO", ("PACIFIC COMMUNITY",)),
    Org("IGOFRN", "La Francophonie", "", "IGO", ("LA FRANCOPHONIE",)),
    Org("IGOADB", "Asian Development Bank", "", "IGO", ("ASIAN DEVELOPMENT BANK",)),
    Org("IGOBIM", "BIMSTEC", "", "IGO", ("BIMSTEC",), ("BIMSTEC",)),
    Org("IGOCMS", "Common Market for Eastern and Southern Africa", "", "IGO",
        ("COMMON MARKET FOR EASTERN AND SOUTHERN AFRICA",)),
    Org("IGOUNOIMO", "International Maritime Organization", "", "IGO",
        ("INTERNATIONAL MARITIME ORGANIZATION",)),
    Org("IGOUNOUPU", "Universal Postal Union", "", "IGO", ("UNIVERSAL POSTAL UNION",)),
    Org("IGOUNOITU", "International Telecommunication Union", "", "IGO",
        ("INTERNATIONAL TELECOMMUNICATIONS UNION",)),
    Org("IGOUNOICA", "International Civil Aviation Organization", "", "IGO",
        ("INTERNATIONAL CIVIL AVIATION ORGANIZATION",)),
    Org("IGOUNOTOU", "World Tourism Organization", "", "IGO", ("WORLD TOURISM ORGANIZATION",)),
    Org("IGOUNOWOM", "UN Development Fund for Women", "", "IGO",
        ("UNIFEM", "UNITED NATIONS DEVELOPMENT FUND FOR WOMEN"), ("UNIFEM",)),
    Org("IGOUNOESC", "UN Economic and Social Commission for Asia and the Pacific", "", "IGO",
        ("UNESCAP", "ECONOMIC AND SOCIAL COMMISSION FOR ASIA AND THE PACIFIC"), ("UNESCAP",)),
    # new names of the project's own bodies
    Org("IGOUNOWHO", "World Health Organization", "", "IGO", ("WORLD HEALTH ASSEMBLY",)),
    Org("IGOUNOSGN", "UN Secretariat", "", "IGO",
        ("UN SECRETARY GENERAL", "SECRETARIAT OF THE UN", "SECRETARIAT OF THE UNITED NATIONS",
         "UNITED NATIONS SECRETARIAT"), ("UN", "U.N.", "UNSG"), drop=("UN Secy Gen", "UN Sec. Gen")),
    Org("IGOUNOPKO", "UN peacekeepers", "", "IGO",
        ("MONUC", "UNMIN", "UN MISSION IN SUDAN", "DPKO", "UN DEPARTMENT OF PEACEKEEPING OPERATIONS"),
        ("UN", "MONUC", "UNMIN", "DPKO")),
    Org("IGOUNOHRO", "UN human rights office", "", "IGO", ("UN HIGH COMMISSION FOR HUMAN RIGHTS",), ("UN",)),
    Org("IGOUNOHCR", "UN refugee agency", "", "IGO", ("UN HIGH COMMISSION FOR REFUGEES",), ("UN",)),
    Org("IGOWBK", "World Bank", "", "IGO", ("WORLD BANK",),
        drop=("The WB", "World Bank President", "President of the World Bank")),
    Org("IGOIPO", "Interpol", "", "IGO", ("INTERNATIONAL CRIMINAL POLICE ORGANIZATION",)),
    Org("IGOOPW", "OPCW", "", "IGO", ("ORGANIZATION FOR THE PROHIBITION OF CHEMICAL WEAPONS",), ("OPCW",),
        drop=("Hague-Based Organization for the Prohibition of Chemical Weapons",
              "Hague-Based Organisation for the Prohibition of Chemical Weapons")),
    Org("IGOOSC", "OSCE", "", "IGO",
        ("ORGANISATION FOR SECURITY AND COOPERATION IN EUROPE",
            "ORGANISATION FOR SECURITY AND CO-OPERATION IN EUROPE",
         "ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE")),
    Org("IGOOEC", "OECD", "", "IGO",
        ("ORGANISATION FOR ECONOMIC COOPERATION AND DEVELOPMENT",
            "ORGANIZATION FOR ECONOMIC COOPERATION AND DEVELOPMENT")),
    # international NGOs
    Org("NGOIRW", "Islamic Relief", "", "NGO", ("ISLAMIC RELIEF",)),
    Org("NGOMDM", "Medecins du Monde", "", "NGO", ("MEDECINS DU MONDE",)),
    Org("NGOPLN", "Plan International", "", "NGO", ("PLAN INTERNATIONAL",)),
    Org("NGOCAR", "CARE International", "", "NGO", ("CARE INTERNATIONAL",), ("CARE",)),
    Org("NGOCRT", "Caritas", "", "NGO", ("CARITAS", "CARITAS INTERNATIONALIS")),
    Org("NGOCTC", "Carter Center", "", "NGO", ("CARTER CENTER",)),
    Org("NGOFRH", "Freedom House", "", "NGO", ("FREEDOM HOUSE",)),
    Org("NGOFOE", "Friends of the Earth", "", "NGO", ("FRIENDS OF THE EARTH",)),
    Org("NGOHRF", "Human Rights First", "", "NGO", ("HUMAN RIGHTS FIRST",)),
    Org("NGOIAL", "International Alert", "", "NGO", ("INTERNATIONAL ALERT",)),
    Org("NGONRC", "Norwegian Refugee Council", "", "NGO", ("NORWEGIAN REFUGEE COUNCIL",)),
    Org("NGOROT", "Rotary International", "", "NGO", ("ROTARY INTERNATIONAL", "ROTARY CLUB")),
    Org("NGOWVI", "World Vision", "", "NGO", ("WORLD VISION",)),
    Org("NGOWWF", "WWF", "", "NGO", ("WORLD WILDLIFE FUND", "WWF")),
    Org("NGOGTF", "Bill and Melinda Gates Foundation", "", "NGO",
        ("BILL AND MELINDA GATES FOUNDATION", "GATES FOUNDATION")),
    Org("NGOIRC", "International Rescue Committee", "", "NGO", ("INTERNATIONAL RESCUE COMMITTEE",)),
    Org("NGOACT", "ActionAid", "", "NGO", ("ACTIONAID",), drop=("Actionaid",)),
    Org("NGOSTC", "Save the Children", "", "NGO", ("SAVE THE CHILDREN INTERNATIONAL",
        "SAVE THE CHILDREN FUND")),
    Org("NGOICR", "International Committee of the Red Cross", "", "NGO",
        ("INTERNATIONAL FEDERATION OF RED CROSS AND RED CRESCENT",)),
    Org("ISRMED", "Haaretz", "ISR", "MED", ("HAARETZ",)),
)


def org_rows(path: Path, orgs: tuple[Org, ...], taken: set[str]) -> Iterator[list[str]]:
    """(code, name, aliases, country, sector, phoenix) of each organisation: the names of its
    Phoenix entries, recased, less those it drops and those the project's tables have."""
    by_first: dict[str, list[list[str]]] = {}
    for b in actor_blocks(path):  # by the first name, without its parentheses
        by_first.setdefault(re.sub(r"\s*\(.*", "", b[0].upper()).strip(" _"), []).append(b)
    for org in orgs:
        acronyms = frozenset(org.acronyms)
        names: list[str] = [org.name] if org.name else []
        for key in org.phoenix:
            found = by_first.get(key, [])
            if not found:
                raise SystemExit(f"{path.name}: no entry {key!r} (for {org.code})")
            for block in found:
                for raw in block:
                    names += name_forms(raw, acronyms)
        names += list(org.variants)
        dropped = {d.lower() for d in org.drop}
        aliases = []
        for n in names:
            if (n.lower() in dropped and n != org.name) or n.lower() in taken or n in aliases or len(n) < 2:
                continue
            aliases.append(n)
        if not aliases:
            raise SystemExit(f"{org.code}: every Phoenix name is the project's already")
        name = org.name or aliases[0]
        yield [org.code, name, ";".join(aliases), org.country, org.sector, ";".join(org.phoenix)]


# -- countries: names and leaders ---------------------------------------------------------

Entries = dict[str, list[tuple[list[str], list[str]]]]


def dated_entries(path: Path) -> Entries:
    """Each entry of Phoenix's country file as (names, codes with dates), by its first name."""
    out: Entries = {}
    current: tuple[list[str], list[str]] | None = None
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        name = line.split("[", 1)[0].strip()
        if name.startswith("+") and current is not None:
            current[0].append(phrase_of(name[1:]))
        elif name:
            current = ([phrase_of(name)], [])
            out.setdefault(current[0][0].upper(), []).append(current)
        if current is not None:
            current[1].extend(c.strip() for c in codes)
    return out


# Name forms Phoenix gives a country that the project's tables lack and that are clearly right:
# English demonym nouns, former English names, headline abbreviations (not its misspellings,
# foreign-language names, provinces or cities: where.py reads places).
COUNTRY_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # iso3: (names, adjectives)
    "GBR": ((), ("Englishman", "Englishwoman", "Scotsman", "Scotswoman", "Welshman", "Welshwoman")),
    "IRL": ((), ("Irishman", "Irishwoman")),
    "NLD": ((), ("Dutchman", "Dutchwoman", "Hollander")),
    "LUX": ((), ("Luxemburger",)),
    "SUR": ((), ("Surinamer",)),
    "STP": ((), ("Santomean",)),
    "BLR": (("Belorussia", "Byelorussia"), ()),
    "CYM": (("Caymans",), ()),
    "KOR": (("S. Korea", "S.Korea"), ("S. Korean", "S.Korean", "S.Koreans")),
    "PRK": (("N. Korea",), ()),
    "ZAF": (("S. Africa",), ()),
    "SAU": (("S. Arabia",), ()),
    "NZL": (("N.Z.",), ()),
}
COUNTRY_HEADS = {"GBR": "UNITED KINGDOM", "IRL": "IRELAND", "NLD": "NETHERLANDS", "LUX": "LUXEMBOURG",
                 "SUR": "SURINAME", "STP": "SAO TOME AND PRINCIPE", "BLR": "BELARUS", "CYM": "CAYMAN ISLANDS",
                 "KOR": "SOUTH KOREA", "PRK": "NORTH KOREA", "ZAF": "REPUBLIC OF SOUTH AFRICA",
                     "SAU": "SAUDI ARABIA",
                 "NZL": "NEW ZEALAND"}


def country_rows(entries: Entries, taken: set[str]) -> Iterator[list[str]]:
    """(iso3, names, adjectives) of the forms above, each checked against Phoenix's entry."""
    for iso, (names, adjectives) in COUNTRY_FORMS.items():
        block = entries.get(COUNTRY_HEADS[iso])
        if not block:
            raise SystemExit(f"Phoenix.Countries.actors.txt: no entry {COUNTRY_HEADS[iso]!r}")
        given = {re.sub(r"\s+", " ", n.upper()) for b in block for n in b[0]}
        for form in (*names, *adjectives):
            if form.upper() not in given:
                raise SystemExit(f"{iso}: Phoenix does not give {form!r}")
            if form.lower() in taken:
                raise SystemExit(f"{iso}: the project has {form!r} already")
        yield [iso, ";".join(names), ";".join(adjectives)]


# Heads of state and government of 1967-2003 that people.tsv lacks, for countries it covers: the
# person's Phoenix entry, name (as the project writes it; Phoenix's spelling an alias), surname,
# office and title (the project's, which Phoenix does not give), and the starts (yymmdd) of the
# Phoenix terms taken; the dates are Phoenix's. Phoenix ends open terms in 2014 (its date), so
# none is taken; nor deputies, acting holders of a few days, or US officials whom Phoenix codes
# to Iraq. John Major and Vo Chi Cong are left out: their surnames are a rank and a common
# word, and the "Cong" of "Viet Cong".
@dataclass(frozen=True)
class Leader:
    phoenix: str
    iso: str
    name: str
    surname: str
    office: str
    title: str
    starts: tuple[str, ...]


HOS, HOG = "head_of_state", "head_of_government"
PM, PRES = "prime minister;premier", "president"
LEADERS = (
    Leader("CARLOS SAUL MENEM", "ARG", "Carlos Menem", "Menem", HOS, PRES, ("890708",)),
    Leader("BOB HAWKE", "AUS", "Bob Hawke", "Hawke", HOG, PM, ("830311",)),
    Leader("PAUL KEATING", "AUS", "Paul Keating", "Keating", HOG, PM, ("911220",)),
    Leader("STANISLAU SHUSHKEVICH", "BLR", "Stanislau Shushkevich", "Shushkevich", HOS, "chairman",
        ("910918",)),
    Leader("VYACHASLAU KEBICH", "BLR", "Vyachaslau Kebich", "Kebich", HOG, PM, ("900407",)),
    Leader("MIKHAIL CHYHIR", "BLR", "Mikhail Chyhir", "Chyhir", HOG, PM, ("940721",)),
    Leader("JOSE SARNEY", "BRA", "Jose Sarney", "Sarney", HOS, PRES, ("850315",)),
    Leader("FERNANDO COLLOR DE MELLO", "BRA", "Fernando Collor de Mello", "Collor", HOS, PRES, ("900315",)),
    Leader("ITAMAR FRANCO", "BRA", "Itamar Franco", "Franco", HOS, PRES, ("921002",)),
    Leader("BRIAN MULRONEY", "CAN", "Brian Mulroney", "Mulroney", HOG, PM, ("840917",)),
    Leader("KIM CAMPBELL", "CAN", "Kim Campbell", "Campbell", HOG, PM, ("930625",)),
    Leader("YANG SHANGKUN", "CHN", "Yang Shangkun", "Yang", HOS, PRES, ("880408",)),
    Leader("LI PENG", "CHN", "Li Peng", "Li", HOG, "premier;prime minister", ("871124",)),
    Leader("VIRGILIO BARCO VARGAS", "COL", "Virgilio Barco", "Barco", HOS, PRES, ("860807",)),
    Leader("CESAR GAVIRIA TRUJILLO", "COL", "Cesar Gaviria", "Gaviria", HOS, PRES, ("900807",)),
    Leader("ERNESTO SAMPER PIZANO", "COL", "Ernesto Samper", "Samper", HOS, PRES, ("940807",)),
    Leader("ATEF SEDKI", "EGY", "Atef Sedki", "Sedki", HOG, PM, ("861110",)),
    Leader("MENGISTU HAILE MARIAM", "ETH", "Mengistu Haile Mariam", "Mengistu", HOS, PRES, ("870910",)),
    Leader("TAMRAT LAYNE", "ETH", "Tamrat Layne", "Tamrat", HOG, "prime minister", ("910606",)),
    Leader("FRANCOIS MITTERRAND", "FRA", "Francois Mitterrand", "Mitterrand", HOS, PRES, ("810521",)),
    Leader("MICHEL ROCARD", "FRA", "Michel Rocard", "Rocard", HOG, PM, ("880510",)),
    Leader("EDITH CRESSON", "FRA", "Edith Cresson", "Cresson", HOG, PM, ("910515",)),
    Leader("PIERRE BEREGOVOY", "FRA", "Pierre Beregovoy", "Beregovoy", HOG, PM, ("920402",)),
    Leader("EDOUARD BALLADUR", "FRA", "Edouard Balladur", "Balladur", HOG, PM, ("930329",)),
    Leader("ZVIAD GAMSAKHURDIA", "GEO", "Zviad Gamsakhurdia", "Gamsakhurdia", HOS, PRES, ("901114",)),
    Leader("TENGIZ SIGUA", "GEO", "Tengiz Sigua", "Sigua", HOG, PM, ("901115", "920106")),
    Leader("OTAR PATSATSIA", "GEO", "Otar Patsatsia", "Patsatsia", HOG, PM, ("930820",)),
    Leader("NIKO LEKISHVILI", "GEO", "Niko Lekishvili", "Lekishvili", HOG, "state minister", ("951208",)),
    Leader("VAZHA LORTKIPANIDZE", "GEO", "Vazha Lortkipanidze", "Lortkipanidze", HOG, "state minister",
           ("980807",)),
    Leader("GIORGI ARSENISHVILI", "GEO", "Giorgi Arsenishvili", "Arsenishvili", HOG, "state minister",
           ("000511",)),
    Leader("AVTANDIL JORBENADZE", "GEO", "Avtandil Jorbenadze", "Jorbenadze", HOG, "state minister",
           ("011221",)),
    Leader("RICHARD VON WEIZSACKER", "DEU", "Richard von Weizsacker", "Weizsacker", HOS, PRES, ("840701",)),
    Leader("ROMAN HERZOG", "DEU", "Roman Herzog", "Herzog", HOS, PRES, ("940701",)),
    Leader("HELMUT KOHL", "DEU", "Helmut Kohl", "Kohl", HOG, "chancellor", ("821001",)),
    Leader("MARGARET THATCHER", "GBR", "Margaret Thatcher", "Thatcher", HOG, PM, ("790504",)),
    Leader("RAMASWAMY VENKATARAMAN", "IND", "Ramaswamy Venkataraman", "Venkataraman", HOS, PRES, ("870725",)),
    Leader("SHANKAR DAYAL SHARMA", "IND", "Shankar Dayal Sharma", "Sharma", HOS, PRES, ("920725",)),
    Leader("VISHWANATH PRATAP SINGH", "IND", "Vishwanath Pratap Singh", "Singh", HOG, PM, ("891202",)),
    Leader("CHANDRA SHEKHAR", "IND", "Chandra Shekhar", "Shekhar", HOG, PM, ("901110",)),
    Leader("P.V. NARASIMHA RAO", "IND", "P.V. Narasimha Rao", "Rao", HOG, PM, ("910621",)),
    Leader("H.D. DEVE GOWDA", "IND", "H.D. Deve Gowda", "Gowda", HOG, PM, ("960601",)),
    Leader("INDER KUMAR GUJRAL", "IND", "Inder Kumar Gujral", "Gujral", HOG, PM, ("970421",)),
    Leader("SUHARTO", "IDN", "Suharto", "Suharto", HOS, PRES, ("670312",)),
    Leader("B.J. HABIBIE", "IDN", "B.J. Habibie", "Habibie", HOS, PRES, ("980521",)),
    Leader("SAADUN HAMMADI", "IRQ", "Saadun Hammadi", "Hammadi", HOG, PM, ("910323",)),
    Leader("CHAIM HERZOG", "ISR", "Chaim Herzog", "Herzog", HOS, PRES, ("830505",)),
    Leader("YITZHAK SHAMIR", "ISR", "Yitzhak Shamir", "Shamir", HOG, PM, ("861020",)),
    Leader("YITZHAK RABIN", "ISR", "Yitzhak Rabin", "Rabin", HOG, PM, ("920713",)),
    Leader("FRANCESCO COSSIGA", "ITA", "Francesco Cossiga", "Cossiga", HOS, PRES, ("850629",)),
    Leader("OSCAR LUIGI SCALFARO", "ITA", "Oscar Luigi Scalfaro", "Scalfaro", HOS, PRES, ("920528",)),
    Leader("GIULIO ANDREOTTI", "ITA", "Giulio Andreotti", "Andreotti", HOG, PM, ("890723",)),
    Leader("TOSHIKI KAIFU", "JPN", "Toshiki Kaifu", "Kaifu", HOG, PM, ("890809",)),
    Leader("KIICHI MIYAZAWA", "JPN", "Kiichi Miyazawa", "Miyazawa", HOG, PM, ("911106",)),
    Leader("MORIHIRO HOSOKAWA", "JPN", "Morihiro Hosokawa", "Hosokawa", HOG, PM, ("930809",)),
    Leader("TSUTOMU HATA", "JPN", "Tsutomu Hata", "Hata", HOG, PM, ("940425",)),
    Leader("TOMIICHI MURAYAMA", "JPN", "Tomiichi Murayama", "Murayama", HOG, PM, ("940629",)),
    Leader("RYUTARO HASHIMOTO", "JPN", "Ryutaro Hashimoto", "Hashimoto", HOG, PM, ("960111",)),
    Leader("ELIAS HRAWI", "LBN", "Elias Hrawi", "Hrawi", HOS, PRES, ("891124",)),
    Leader("CARLOS SALINAS DE GORTARI", "MEX", "Carlos Salinas de Gortari", "Salinas", HOS, PRES,
        ("881201",)),
    Leader("RUUD LUBBERS", "NLD", "Ruud Lubbers", "Lubbers", HOG, PM, ("821104",)),
    Leader("IBRAHIM BABANGIDA", "NGA", "Ibrahim Babangida", "Babangida", HOS, PRES, ("850827",)),
    Leader("ERNEST SHONEKAN", "NGA", "Ernest Shonekan", "Shonekan", HOS, "interim president;president",
           ("930826",)),
    Leader("SANI ABACHA", "NGA", "Sani Abacha", "Abacha", HOS, "head of state;president", ("931117",)),
    Leader("ABDULSALAMI ABUBAKAR", "NGA", "Abdulsalami Abubakar", "Abubakar", HOS, "head of state;president",
           ("980609",)),
    Leader("KIM IL SUNG", "PRK", "Kim Il Sung", "Kim", HOS, PRES, ("721228",)),
    Leader("YON HYONG MUK", "PRK", "Yon Hyong Muk", "Yon", HOG, "premier;prime minister", ("881212",)),
    Leader("KANG SONG SAN", "PRK", "Kang Song San", "Kang", HOG, "premier;prime minister", ("921211",)),
    Leader("GHULAM ISHAQ KHAN", "PAK", "Ghulam Ishaq Khan", "Ishaq Khan", HOS, PRES, ("880817",)),
    Leader("FAROOQ AHMED LEGHARI", "PAK", "Farooq Leghari", "Leghari", HOS, PRES, ("931114",)),
    Leader("BENAZIR BHUTTO", "PAK", "Benazir Bhutto", "Bhutto", HOG, PM, ("881202", "931019")),
    Leader("CORAZON AQUINO", "PHL", "Corazon Aquino", "Aquino", HOS, PRES, ("860225",)),
    Leader("FIDEL V. RAMOS", "PHL", "Fidel Ramos", "Ramos", HOS, PRES, ("920630",)),
    Leader("LECH WALESA", "POL", "Lech Walesa", "Walesa", HOS, PRES, ("901222",)),
    Leader("TADEUSZ MAZOWIECKI", "POL", "Tadeusz Mazowiecki", "Mazowiecki", HOG, PM, ("890824",)),
    Leader("JAN KRZYSZTOF BIELECKI", "POL", "Jan Krzysztof Bielecki", "Bielecki", HOG, PM, ("910104",)),
    Leader("JAN OLSZEWSKI", "POL", "Jan Olszewski", "Olszewski", HOG, PM, ("911206",)),
    Leader("WALDEMAR PAWLAK", "POL", "Waldemar Pawlak", "Pawlak", HOG, PM, ("920605", "931026")),
    Leader("HANNA SUCHOCKA", "POL", "Hanna Suchocka", "Suchocka", HOG, PM, ("920708",)),
    Leader("JOZEF OLEKSY", "POL", "Jozef Oleksy", "Oleksy", HOG, PM, ("950306",)),
    Leader("SHEIKH KHALIFAH IBN HAMAD AL THANI", "QAT", "Khalifa bin Hamad Al Thani",
        "Khalifa bin Hamad", HOS,
           "emir", ("720222",)),
    Leader("FREDERICK WILLEM DE KLERK", "ZAF", "F.W. de Klerk", "de Klerk", HOS, PRES, ("890815",)),
    Leader("NELSON MANDELA", "ZAF", "Nelson Mandela", "Mandela", HOS, PRES, ("940510",)),
    Leader("RUSSIAN PRESIDENT YELTSIN", "RUS", "Boris Yeltsin", "Yeltsin", HOS, PRES, ("910710",)),
    Leader("VIKTOR CHERNOMYRDIN", "RUS", "Viktor Chernomyrdin", "Chernomyrdin", HOG, PM, ("921214",)),
    Leader("SERGEY KIRIYENKO", "RUS", "Sergey Kiriyenko", "Kiriyenko", HOG, PM, ("980323",)),
    Leader("YEVGENY PRIMAKOV", "RUS", "Yevgeny Primakov", "Primakov", HOG, PM, ("980911",)),
    Leader("SERGEY STEPASHIN", "RUS", "Sergey Stepashin", "Stepashin", HOG, PM, ("990512",)),
    Leader("ROH TAE WOO", "KOR", "Roh Tae-woo", "Roh", HOS, PRES, ("880225",)),
    Leader("KIM YOUNG SAM", "KOR", "Kim Young-sam", "Kim", HOS, PRES, ("930225",)),
    Leader("KANG YOUNG HOON", "KOR", "Kang Young-hoon", "Kang", HOG, PM, ("881205",)),
    Leader("RO JAI BONG", "KOR", "Ro Jai-bong", "Ro", HOG, PM, ("901227",)),
    Leader("CHUNG WON SHIK", "KOR", "Chung Won-shik", "Chung", HOG, PM, ("910524",)),
    Leader("HYUN SOONG JONG", "KOR", "Hyun Soong-jong", "Hyun", HOG, PM, ("921008",)),
    Leader("HWANG IN SUNG", "KOR", "Hwang In-sung", "Hwang", HOG, PM, ("930225",)),
    Leader("LEE HOI CHANG", "KOR", "Lee Hoi-chang", "Lee", HOG, PM, ("931217",)),
    Leader("LEE YUNG DUK", "KOR", "Lee Yung-duk", "Lee", HOG, PM, ("940429",)),
    Leader("LEE HONG KOO", "KOR", "Lee Hong-koo", "Lee", HOG, PM, ("941217",)),
    Leader("LEE SOO SUNG", "KOR", "Lee Soo-sung", "Lee", HOG, PM, ("951218",)),
    Leader("FELIPE GONZALEZ MARQUEZ", "ESP", "Felipe Gonzalez", "Gonzalez", HOG, PM, ("821202",)),
    Leader("LEE HUAN", "TWN", "Lee Huan", "Lee", HOG, "premier;prime minister", ("890521",)),
    Leader("HAU PEI TSUN", "TWN", "Hau Pei-tsun", "Hau", HOG, "premier;prime minister", ("900530",)),
    Leader("LIEN CHAN", "TWN", "Lien Chan", "Lien", HOG, "premier;prime minister", ("930210",)),
    Leader("TURGUT OZAL", "TUR", "Turgut Ozal", "Ozal", HOS, PRES, ("891109",)),
    Leader("YILDIRIM AKBULUT", "TUR", "Yildirim Akbulut", "Akbulut", HOG, PM, ("891109",)),
    Leader("MESUT YILMAZ", "TUR", "Mesut Yilmaz", "Yilmaz", HOG, PM, ("910623", "960306", "970630")),
    Leader("TANSU CILLER", "TUR", "Tansu Ciller", "Ciller", HOG, PM, ("930625",)),
    Leader("NECMETTIN ERBAKAN", "TUR", "Necmettin Erbakan", "Erbakan", HOG, PM, ("960628",)),
    Leader("LEONID KRAVCHUK", "UKR", "Leonid Kravchuk", "Kravchuk", HOS, PRES, ("911205",)),
    Leader("VITOLD FOKIN", "UKR", "Vitold Fokin", "Fokin", HOG, PM, ("901023",)),
    Leader("VITALIY MASOL", "UKR", "Vitaliy Masol", "Masol", HOG, PM, ("940616",)),
    Leader("PAVLO LAZARENKO", "UKR", "Pavlo Lazarenko", "Lazarenko", HOG, PM, ("960528",)),
    Leader("VALERIY PUSTOVOITENKO", "UKR", "Valeriy Pustovoitenko", "Pustovoitenko", HOG, PM, ("970716",)),
    Leader("WARREN CHRISTOPHER", "USA", "Warren Christopher", "Christopher", "foreign_minister",
           "secretary of state", ("930120",)),
    Leader("JAMES BAKER", "USA", "James Baker", "Baker", "foreign_minister", "secretary of state",
        ("890125",)),
    Leader("CARLOS ANDRES PEREZ", "VEN", "Carlos Andres Perez", "Perez", HOS, PRES, ("890202",)),
    Leader("RAMON JOSE VELASQUEZ", "VEN", "Ramon Jose Velasquez", "Velasquez", HOS, PRES, ("930605",)),
    Leader("RAFAEL CALDERA", "VEN", "Rafael Caldera", "Caldera", HOS, PRES, ("940202",)),
    Leader("LE DUC ANH", "VNM", "Le Duc Anh", "Anh", HOS, PRES, ("920923",)),
    Leader("VO VAN KIET", "VNM", "Vo Van Kiet", "Kiet", HOG, PM, ("910808", "920924")),
    Leader("DO MUOI", "VNM", "Do Muoi", "Muoi", HOG, PM, ("880622",)),
)


def phoenix_date(value: str) -> str:
    """yymmdd (or yyyymmdd) as ISO; two-digit years from 1921 to 2020."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year > 20 else 2000 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


TITLE_WORDS = {"PRESIDENT", "MINISTER", "PREMIER", "SECRETARY", "GENERAL", "CHAIRMAN", "AMBASSADOR",
               "DEPUTY", "UNDER", "UNDERSECRETARY", "FORMER", "RUSSIAN", "CHIEF", "VICE", "MR.", "SHEIKH",
               "KING", "EMIR", "PRINCE", "SIR", "CHANCELLOR", "KANZLER", "BUNDESKANZLER"}
NAME_PARTICLES = {"de", "von", "der", "bin", "ibn", "al"}


def recase_person(name: str) -> str:
    """A person's name from Phoenix's capitals: words capitalised ("Warren M. Christopher"),
    particles lower ("de Klerk", "von"), Roman numerals upper ("James A. Baker III")."""
    out = []
    for n, word in enumerate(name.split(" ")):
        low = word.lower()
        if re.fullmatch(r"[IVX]+|([A-Z]\.)+", word):  # "III", "P.V."
            out.append(word)
        elif low in NAME_PARTICLES and n > 0:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def leader_rows(entries: Entries, people: set[str]) -> Iterator[list[str]]:
    """people.tsv rows of LEADERS: each term's dates from Phoenix's entry, found by its start."""
    for lead in LEADERS:
        block = entries.get(lead.phoenix)
        if not block:
            raise SystemExit(f"Phoenix.Countries.actors.txt: no entry {lead.phoenix!r}")
        names, codes = block[0]
        if lead.name.lower() in people:
            raise SystemExit(f"people.tsv has {lead.name} already")
        spans = {}
        for code in codes:
            m = re.fullmatch(rf"{lead.iso}GOV\w*\s+(\d{{6,8}})-(\d{{6,8}})", code)
            if m:
                spans[m.group(1)[-6:]] = (m.group(1), m.group(2))
        aliases = [recase_person(n) for n in names
                   if not TITLE_WORDS & set(n.split()) and not re.search(r"\d", n)]
        aliases = [a for a in dict.fromkeys(aliases) if a != lead.name]
        for start in lead.starts:
            if start not in spans:
                raise SystemExit(f"{lead.phoenix}: no {lead.iso}GOV term from {start} in Phoenix")
            first, last = spans[start]
            yield [lead.name, lead.surname, ";".join(aliases), lead.iso, "GOV", lead.office, lead.title,
                   phoenix_date(first), phoenix_date(last)]


# -- writing ------------------------------------------------------------------------------

def write_table(dest: Path, header: str, columns: list[str], rows: Iterable[list[str]]) -> int:
    """Write one data file: its comment header, the column names, the rows; the row count."""
    n = 0
    with open(dest, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(columns)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def build_agents(ref: Path, dest: Path) -> int:
    rows = agent_rows(ref / "Phoenix.agents.txt", project_sectors())
    header = (
        "# Agent nouns (who acts: 'riot police', 'rights group', 'coup plotter') and the sector each\n"
        "# gives an actor, as sectors.tsv's words do: the nouns of Phoenix's agent dictionary that the\n"
        "# project's own tables lack, singular and plural, lower-cased. Phoenix's sector codes are\n"
        "# mapped onto the project's (column phoenix: the original); tools/build_phoenix.py lists the\n"
        "# mapping and the words left out, with reasons. The project's own tables win where both\n"
        "# define a phrase. Facts. version: 1\n"
        + provenance("Phoenix.agents.txt")
    )
    return write_table(dest, header, ["phrase", "sector", "office", "phoenix"], ([*r] for r in rows))


def build_organisations(ref: Path, dest: Path) -> int:
    taken = project_phrases()
    rows = [*org_rows(ref / "Phoenix.MilNonState.actors.txt", ARMED_GROUPS, taken),
            *org_rows(ref / "Phoenix.International.actors.txt", INTERNATIONAL, taken)]
    header = (
        "# Organisations and armed groups from Phoenix's actor dictionaries, in the project's code\n"
        "# scheme (organisations.tsv's header, actors/README.md): armed non-state groups\n"
        "# (Phoenix.MilNonState.actors.txt) and international organisations, NGOs and one outlet\n"
        "# (Phoenix.International.actors.txt) active in 2000-2026 news, with the names and aliases\n"
        "# Phoenix gives them (recased; column phoenix: the Phoenix entries). A code the project\n"
        "# already has gains the aliases it lacks. Chosen, coded and checked for collisions by\n"
        "# tools/build_phoenix.py; the project's own tables win where both define a phrase.\n"
        "# Facts. version: 1\n"
        + provenance("Phoenix.MilNonState.actors.txt and Phoenix.International.actors.txt")
    )
    return write_table(dest, header, ["code", "name", "aliases", "country", "sector", "phoenix"], rows)


def build_countries(ref: Path, dest: Path) -> int:
    rows = country_rows(dated_entries(ref / "Phoenix.Countries.actors.txt"), project_phrases())
    header = (
        "# Country name forms from Phoenix's country dictionary that the project's tables lack:\n"
        "# English demonym nouns (plurals derived when loading), former English names, headline\n"
        "# abbreviations; merged like countries_extra.tsv. Chosen and checked against Phoenix's\n"
        "# entries by tools/build_phoenix.py. Facts. version: 1\n"
        + provenance("Phoenix.Countries.actors.txt")
    )
    return write_table(dest, header, ["iso3", "names", "adjectives"], rows)


def build_people(ref: Path, dest: Path) -> int:
    people = {n.lower() for row in read_table(DATA / "people.tsv")
              for n in (row["name"], *split(row["aliases"]))}
    rows = leader_rows(dated_entries(ref / "Phoenix.Countries.actors.txt"), people)
    header = (
        "# Heads of state and government (and two US secretaries of state) of 1967-2003 whom\n"
        "# people.tsv lacks, for countries it covers, with the dates of Phoenix's country dictionary\n"
        "# (CountryInfo, 2014) and the office and title the project gives them (Phoenix codes only\n"
        "# GOV); people.tsv's format. Chosen by tools/build_phoenix.py; people.tsv wins where both\n"
        "# name a person. Facts. version: 1\n"
        + provenance("Phoenix.Countries.actors.txt")
    )
    return write_table(dest, header, ["name", "surname", "aliases", "country", "sector", "office", "title",
                                      "start", "end"], rows)


def main(ref: Path) -> None:
    if not (ref / "Phoenix.agents.txt").is_file():
        sys.exit(f"{ref} holds no Phoenix dictionaries (Phoenix.agents.txt)")
    n = build_agents(ref, DATA / "agents.tsv")
    print(f"agents.tsv: {n} phrases")
    n = build_organisations(ref, DATA / "organisations_phoenix.tsv")
    print(f"organisations_phoenix.tsv: {n} organisations")
    n = build_countries(ref, DATA / "countries_phoenix.tsv")
    print(f"countries_phoenix.tsv: {n} countries")
    n = build_people(ref, DATA / "people_phoenix.tsv")
    print(f"people_phoenix.tsv: {n} terms")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/petrarch2"))
