"""Article layout: which lines of a news text are its story, and which are page furniture.

A page's text holds more than its story: navigation and share lines, section labels, bylines,
date stamps, photo captions with their credits, embedded posts, and a dateline before the
first sentence ("HANOI, March 1 (Yonhap) --"). `layout` sorts every line into a `Block` of one
kind; `parse_text` gives the same-length text the parser reads, in which only the headline,
subheads and body remain (the rest is blanked, every character offset kept) and every line
break left is a sentence break: a headline is never glued to the next line, and a line
wrapped inside a sentence is joined again. A dateline gives a place and a date, never an
actor. Patterns are data (`data/layout.tsv`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Kind = Literal["headline", "subhead", "body", "dateline", "byline", "stamp", "caption", "furniture"]
CODED_KINDS = frozenset({"headline", "subhead", "body"})

_TERMINAL = ".!?:;\"”’')]…"
# A long line that shares this share of its words with one kept before repeats it.
_REPEAT_MIN_WORDS = 12
_REPEAT_SHARE = 0.8
# A text's last sentence cut off with fewer words than this is left out.
_FRAGMENT_WORDS = 12
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
# The words of a date stamp ("Posted at 2:13 AM, Feb 28, 2019", "Tuesday 17 July 2018 13:24 BST").
_STAMP_WORD = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?|"
    r"\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|\d{1,2}/\d{1,2}/\d{2,4}|a\.?m\.?|p\.?m\.?|gmt|utc|bst|cet|cest|"
    r"est|edt|pst|pdt|ist|jst|kst|msk|et|pt|[+-]\d{2}:?\d{2}|hrs|date|dated|posted|updated|published|"
    r"last|first|modified|on|at|of|the|am|pm)$",
    re.IGNORECASE,
)
_STAMP_PREFIX = re.compile(
    r"^(?:date|dated|published|updated|posted|last updated)\s*:?\s*"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?|\d+(?:[:./-]\d+)*(?:st|nd|rd|th)?|[+-]\d{2}:?\d{2}")
_LEAD_MARKS = re.compile(r"^(?:#{1,6}|[•|▪►»·*]+|\d+\.(?=\s+[A-Z][a-z]+\s+[A-Z]))\s*")
_BYLINE = re.compile(r"^(?:By|BY)(?:\s+(?:a|an|the|our)\b)?\s+[A-Za-z]")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?:[ /-][A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:,\s*(?P<rest>[A-Z][A-Za-z.]*(?:\s[A-Za-z.]+)?(?:\s\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s\d{4},?)?))?"
    r"(?:\s*\((?P<agency>[^()]{1,30})\))?,?"
    r"(?P<dash>\s+(?:--|-|—|–|:)|\s*(?:—|–|--))?\s*"
)
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()]{1,30})\)\s*(?:--|—|–|-)?\s*")


@dataclass(frozen=True)
class Block:
    """A piece of a text's line: what it is, and its [start, end) character span."""

    kind: Kind
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """The blocks of a text in order, its headline, its dateline, and the line breaks that
    fall inside a sentence (wrapped lines; offsets of the '\\n' characters)."""

    blocks: tuple[Block, ...]
    headline: str | None = None
    dateline: str | None = None
    joins: tuple[int, ...] = ()

    def coded(self) -> list[Block]:
        """The blocks whose sentences are coded: headline, subheads and body."""
        return [b for b in self.blocks if b.kind in CODED_KINDS]


@cache
def _tables() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    path = resources.files("detente").joinpath("data", "layout.tsv")
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, value = line.partition("\t")
        out.setdefault(kind, []).append(value.strip())
    return out


@dataclass(frozen=True)
class _Patterns:
    furniture: re.Pattern[str]  # a whole furniture line
    credit: re.Pattern[str]  # the credit that ends a photo caption
    social: re.Pattern[str]  # where an embedded post's signature begins
    lead: re.Pattern[str]  # a widget's word glued before a line ("CLOSE")
    agencies: frozenset[str]
    section: frozenset[str]


@cache
def _patterns() -> _Patterns:
    t = _tables()
    agencies = frozenset(t["agency"])
    named = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    credits = [*t["credit"], rf"\((?:{named})\)"]
    return _Patterns(
        furniture=re.compile("|".join(f"(?:{p})" for p in t["furniture"]), re.IGNORECASE),
        credit=re.compile("(?:" + "|".join(f"(?:{p})" for p in credits) + r")\s*$", re.IGNORECASE),
        social=re.compile("|".join(f"(?:{p})" for p in t["social"]), re.IGNORECASE),
        lead=re.compile("^(?:" + "|".join(re.escape(w) for w in t["lead"]) + r")\s+(?=[A-Z])"),
        agencies=agencies,
        section=frozenset(w for line in t["section"] for w in line.split()),
    )


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_stamp(line: str) -> bool:
    """A line that only dates the page: its words are dates, times and stamp words."""
    words = _words(line)
    if not words or len(line) > 80:
        return False
    dated = [w for w in words if _STAMP_WORD.match(w)]
    if not any(ch.isdigit() for w in dated for ch in w):
        return False
    others = [w for w in words if not _STAMP_WORD.match(w)]
    return len(others) <= 2 and len(dated) >= 2


def _is_agency(name: str) -> bool:
    agencies = _patterns().agencies
    parts = [p.strip() for p in re.split(r"[/,]", name) if p.strip()]
    return name.strip() in agencies or (bool(parts) and all(p in agencies for p in parts))


def dateline_end(line: str) -> int:
    """Length of the dateline that opens a body line ("JERUSALEM --", "Damascus, SANA –",
    "Gaza (CNN)", "Yerevan, Nov. 12, (dpa/GNA) –"), or 0 if it has none."""
    m = _AGENCY_ONLY.match(line)
    if m and _is_agency(m.group("agency")):
        return m.end()
    m = _DATELINE.match(line)
    if not m:
        return 0
    place, rest, agency, dash = m.group("place"), m.group("rest"), m.group("agency"), m.group("dash")
    letters = [c for c in place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    known = agency is not None and _is_agency(agency)
    dated = rest is not None and re.search(_MONTH + r"\s*\d", rest, re.IGNORECASE) is not None
    rest_agency = rest is not None and _is_agency(rest.rstrip(","))
    after = line[m.end():m.end() + 1]
    if not after:  # the whole line is a dateline: "HANOI, Vietnam (AP) --"
        return m.end() if known or (capitals and dash) else 0
    if not (after.isupper() or after in "\"“‘'("):
        return 0  # the line goes on in lower case: a sentence, not a dateline
    if known or (dash and (capitals or dated or rest_agency)):
        return m.end()  # "Gaza (CNN) Israeli forces ...", "JERUSALEM -- At least ..."
    return 0


def _classify(line: str, top: bool) -> Kind | None:
    """The kind of a whole line, when it is not story text (None: headline, subhead or body)."""
    p = _patterns()
    if p.furniture.fullmatch(line):
        return "furniture"
    if (line[0] in "([" and line[-1] in ")]") or _is_agency(line):
        return "furniture"  # "(Releads with ...)", "[Getty]", "AP", a lone credit
    if _is_stamp(line):
        return "stamp"
    words = _words(line)
    ends = line.endswith(tuple(_TERMINAL))
    if _BYLINE.match(line) and len(words) <= 20 and not line.endswith((".", "!", "?")):
        return "byline"
    if p.credit.search(line) and len(words) > 1:
        return "caption"
    if len(words) <= 3 and not ends:
        return "furniture"  # a label, a name, a menu item
    if top and not ends and _names_only(words) and (
        len(words) <= 4 or "and" in words or _is_agency(" ".join(words[-3:])) or _is_agency(words[-1])
    ):
        return "byline"  # "President Donald Trump", "Lolita C. Baldor and Deb Riechmann The Associated Press"
    if top and not ends and len(words) <= 8 and sum(w.lower() in p.section for w in words) * 2 >= len(words) \
            and not any(w.islower() and w.lower() not in p.section for w in words):
        return "furniture"  # "Latest Politics Top Stories Turkey USA"
    return None


def _names_only(words: list[str]) -> bool:
    """Capitalised words only, but for "and": names, as in a byline."""
    return all(w == "and" or w[0].isupper() or not w[0].isalpha() for w in words)


def _story_like(line: str) -> bool:
    """A line that reads as a sentence of the story rather than a headline."""
    n = len(_words(line))
    return n > 25 or (n >= 8 and line.rstrip(" \"”’'").endswith((".", "!", "?")))


def layout(text: str, title: str | None = None) -> Layout:
    """Sort the lines of `text` into blocks (headline, subhead, body, dateline, byline, stamp,
    caption, furniture); `title`, when the document has one, marks a line that repeats it as
    the headline."""
    patterns = _patterns()
    blocks: list[Block] = []
    seen: set[str] = set()
    said: list[frozenset[str]] = []  # the words of the long lines kept so far
    headline: str | None = None
    dateline: str | None = None
    body_seen = 0
    in_byline = False
    norm_title = " ".join(title.lower().split()) if title else None
    lines = [(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.group(0).strip(), m.end())
             for m in re.finditer(r"[^\n]+", text)]
    wrapped = _hard_wrapped([line for _, line, _ in lines])
    for n, (start, line, line_end) in enumerate(lines):
        if not line:
            continue
        following = lines[n + 1] if n + 1 < len(lines) else None
        # the line goes on, in lower case, on the next one: a wrapped sentence, not a headline
        goes_on = following is not None and following[0] == line_end + 1 and not line.endswith(
            tuple(_TERMINAL)) and (following[1][:1].islower() or (wrapped and len(line) >= 40))
        lead = _LEAD_MARKS.match(line)
        if lead and lead.end() < len(line):
            blocks.append(Block("furniture", start, start + lead.end()))
            start += lead.end()
            line = line[lead.end():]
        lead = patterns.lead.match(line)
        if lead and lead.end() < len(line):
            blocks.append(Block("furniture", start, start + lead.end()))
            start += lead.end()
            line = line[lead.end():]
        post = patterns.social.search(line)
        if post:  # an embedded post: its words stay, its signature goes
            blocks.append(Block("furniture", start + post.start(), start + len(line)))
            line = line[:post.start()].rstrip()
            if not line:
                continue
        stamp = _STAMP_PREFIX.match(line)
        if stamp and stamp.end() < len(line):
            blocks.append(Block("stamp", start, start + stamp.end()))
            start += stamp.end()
            line = line[stamp.end():]
        end = start + len(line)
        top = body_seen == 0
        key = " ".join(line.lower().split())
        if in_byline and len(_words(line)) <= 4 and not line.endswith((".", "!", "?")):
            blocks.append(Block("byline", start, end))
            continue
        in_byline = line in ("By", "BY")
        if in_byline:
            blocks.append(Block("byline", start, end))
            continue
        cut = dateline_end(line) if body_seen < 3 else 0
        if cut == len(line):
            dateline = dateline or line
            blocks.append(Block("dateline", start, end))  # "HANOI, Vietnam (AP) --" on its own
            continue
        kind = _classify(line, top)
        words = frozenset(_words(key))
        if kind is None and (key in seen or _repeats(words, said)):
            kind = "furniture"  # a line the page repeats: a headline or a lead again, maybe reworded
        if kind is not None:
            blocks.append(Block(kind, start, end))
            continue
        seen.add(key)
        if len(words) >= _REPEAT_MIN_WORDS:
            said.append(words)
        if cut:
            dateline = dateline or line[:cut].strip()
            blocks.append(Block("dateline", start, start + cut))
            start += cut
            line = line[cut:]
            if not line.strip():
                continue
        if (top and not goes_on and not _story_like(line)) or key == norm_title:
            kind = "headline" if headline is None else "subhead"
            headline = headline or line
        else:
            kind = "body"
            body_seen += 1
        blocks.append(Block(kind, start, end))
    _cut_off(text, blocks)
    return Layout(tuple(blocks), headline, dateline, tuple(_joins(text, blocks, wrapped)))


def _repeats(words: frozenset[str], said: list[frozenset[str]]) -> bool:
    """A long line whose words are nearly all those of a line already kept (a page that gives
    its lead twice, once as a summary: "killed by Israeli forces" / "by Israeli snipers")."""
    if len(words) < _REPEAT_MIN_WORDS:
        return False
    return any(len(words & s) >= _REPEAT_SHARE * len(words | s) for s in said)


def _cut_off(text: str, blocks: list[Block]) -> None:
    """A text cut short (an excerpt, a feed's summary) ends inside a sentence: a short last
    fragment ("Trump said his talks with Put") is left out, as it would be misread; a longer one
    keeps enough of its clause to be read."""
    body = [n for n, b in enumerate(blocks) if b.kind == "body"]
    if len(body) < 2 or any(b.kind in CODED_KINDS for b in blocks[body[-1] + 1:]):
        return
    last = blocks[body[-1]]
    line = text[last.start:last.end].rstrip()
    if line.endswith(tuple(_TERMINAL)):
        return
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’')\]]*\s", line)]
    start = last.start + (ends[-1] if ends else 0)
    if len(_words(text[start:last.end])) < _FRAGMENT_WORDS:
        blocks[body[-1]:body[-1] + 1] = [b for b in (Block("body", last.start, start),
                                                     Block("furniture", start, last.end)) if b.end > b.start]


def _hard_wrapped(lines: list[str]) -> bool:
    """Most lines of one width, many ending inside a sentence: wire copy wrapped by hand."""
    long = [line for line in lines if len(line) >= 30]
    return len(long) >= 4 and sum(40 <= len(line) <= 100 for line in long) >= 0.8 * len(long) and sum(
        not line.endswith(tuple(_TERMINAL)) for line in long) >= 0.4 * len(long)


def _joins(text: str, blocks: list[Block], wrapped: bool) -> list[int]:
    """Line breaks inside a sentence: between body lines, where the first does not end a
    sentence and the next goes on in lower case, or the first is long (a page break before a
    blank line); in a hard-wrapped text, every single line break of a paragraph."""
    body = [b for b in blocks if b.kind == "body"]
    out: list[int] = []
    for a, b in itertools.pairwise(body):
        gap = text[a.end:b.start]
        if gap.strip() or gap.count("\n") > 2:
            continue
        single = gap.count("\n") == 1
        if wrapped and single:
            out.append(a.end + gap.index("\n"))
            continue
        if text[a.end - 1] in _TERMINAL:
            continue
        if text[b.start].islower() or (not single and a.end - a.start >= 80):
            out.extend(a.end + i for i, ch in enumerate(gap) if ch == "\n")
    return out


def parse_text(text: str, lay: Layout | None = None) -> str:
    """The same-length text the parser reads: only headline, subheads and body kept (the rest
    blanked, line breaks kept), and line breaks inside a sentence turned into spaces. Every
    line break left ends a sentence."""
    lay = lay if lay is not None else layout(text)
    chars = list(text)
    for b in lay.blocks:
        if b.kind not in CODED_KINDS:
            chars[b.start:b.end] = " " * (b.end - b.start)
    for i in lay.joins:
        chars[i] = " "
    return "".join(chars)
