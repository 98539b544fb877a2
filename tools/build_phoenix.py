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


def main(ref: Path) -> None:
    if not (ref / "Phoenix.agents.txt").is_file():
        sys.exit(f"{ref} holds no Phoenix dictionaries (Phoenix.agents.txt)")
    n = build_agents(ref, DATA / "agents.tsv")
    print(f"agents.tsv: {n} phrases")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/petrarch2"))
