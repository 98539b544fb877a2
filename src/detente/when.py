"""When: an article's publication date and each event's own date.

Time expressions are found with patterns built from data/time_words.tsv (dateparser
parses what the tables do not cover) and attached to the word they modify in the parse.
An event takes the expression attached to its own clause, resolved against the article's
reference date with the clause's tense: past tense looks back, "will"/"scheduled for"
looks forward, and a clause without tense takes the nearest day. With no expression the
date falls back to the publication date and says so (`basis="published"`); planned,
hypothetical and historical events without one get no date. Never today's date.

A weekday naming the reference day itself is that day in either tense (wire usage: "said
on Saturday" in a Saturday story); "last"/"next" Saturday step a week away from it.

Reference date and time zones: relative words ("yesterday", "on Thursday") are resolved
against the *local* date of writing. When the text opens with a dateline or byline date
("SEOUL, Jan 5 (Reuters) -") within a day of the publication date, that local date is the
reference, so a story filed in Seoul on Friday and stamped Thursday in UTC resolves "on
Friday" to that Friday, not a week earlier. Without a dateline, a past-tense weekday
falling on the day after the publication date is taken as that day (a time zone ahead of
the publication stamp), not six days earlier. A dateline more than a day away from the
publication date contradicts it: relative expressions then resolve to null.

Inside reported speech, "yesterday" and "tomorrow" count from the day the words were said
when the reporting verb is dated ("'We meet tomorrow,' he said on Monday"). A range
("March 9-18") dates the event by its first day; after a range or date ("after the March
9-18 Games") the event takes its last day, a precision coarser. Week precision dates are
the week's Monday, month precision the 1st, year precision 1 January.

Impossible dates ("31 February") and dates contradicting the tense (a past event after
the publication date, a planned one before it) resolve to null, never to a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from detente.nlp import doc_text, original_text, sentence_of

Direction = str  # "past", "future" or "nearest"


@dataclass(frozen=True)
class EventDate:
    """An event's date with its precision and where it came from."""

    date: date | None
    precision: str | None  # "day", "week", "month", "year" or None
    basis: str | None  # "text", "published" or None


@dataclass(frozen=True)
class TimeWords:
    """The tables of data/time_words.tsv."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    numbers: dict[str, int]
    named_days: dict[str, tuple[int, int]]
    future_verbs: frozenset[str]
    support_verbs: frozenset[str]


@cache
def time_words() -> TimeWords:
    """Load the time-word tables once."""
    path = resources.files("detente").joinpath("data", "time_words.tsv")
    tables: dict[str, dict[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, value = [*line.split("\t"), "", ""][:3]
        tables.setdefault(kind, {})[phrase] = value
    named = {}
    for k, v in tables["named_day"].items():
        m, d = v.split("-")
        named[k] = (int(m), int(d))
    return TimeWords(
        months={k: int(v) for k, v in tables["month"].items()},
        weekdays={k: int(v) for k, v in tables["weekday"].items()},
        relative_days={k: int(v) for k, v in tables["relative_day"].items()},
        numbers={k: int(v) for k, v in tables["number"].items()},
        named_days=named,
        future_verbs=frozenset(tables["future_verb"]),
        support_verbs=frozenset(tables["support_verb"]),
    )


# --- time expressions -------------------------------------------------------------------


@dataclass(frozen=True)
class TimeExpr:
    """One time expression found in a text: its character span and what it says."""

    start: int
    end: int
    text: str
    kind: str  # day, day_no_year, month, year, weekday, offset_day, week, month_rel, year_rel, ago
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # ranges: "March 9-18"
    end_month: int | None = None
    weekday: int | None = None
    modifier: str | None = None  # last / next / this / earlier / later
    offset: int = 0  # days, weeks, months or years, by kind
    valid: bool = True  # False for impossible dates such as 31 February


def _alt(words: list[str]) -> str:
    """A regex alternation of words, longest first; an apostrophe also matches ’."""
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))


@dataclass
class _Patterns:
    # kind, regex, and the kinds of word every match of it holds ("month", "digit", ...)
    items: list[tuple[str, re.Pattern[str], frozenset[str]]] = field(default_factory=list)
    # finds those words: a pattern whose words a text lacks is not run over it
    words: re.Pattern[str] = re.compile(r"(?P<ago>ago\b)")  # digits are sought apart


def _initials(words: list[str]) -> str:
    """A look-ahead for the first letters of `words`: the regex engine passes over every
    other position at once (a pattern that begins with alternatives tries each one)."""
    return rf"(?=[{re.escape(''.join(sorted({w[0].lower() for w in words})))}])"


@cache
def _patterns() -> _Patterns:
    tw = time_words()
    mon = rf"(?:{_alt(list(tw.months))})\.?"
    wd = rf"(?:{_alt(list(tw.weekdays))})"
    d = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    y = r"(?:1[89]\d\d|20\d\d)"
    dash = r"\s*(?:-|–|—|to|through|until|and)\s*"
    num = rf"(?:\d+|{_alt(list(tw.numbers))})"
    named = _alt(list(tw.named_days))
    rel = _alt(list(tw.relative_days))
    p = _Patterns()

    digits = list("0123456789")
    months, weekdays = list(tw.months), list(tw.weekdays)
    parts = ["early", "mid", "late", "the"]

    def add(kind: str, rx: str, starts: list[str], needs: str = "digit") -> None:
        """`starts`: the words a match can begin with (see `_initials`).
        `needs`: the kinds of word (see `words` below) every match holds, space-separated."""
        rx = rf"\b{_initials(starts)}{rx}"
        p.items.append((kind, re.compile(rx, re.IGNORECASE), frozenset(needs.split())))

    add("iso", rf"(?P<y>{y})-(?P<mo>\d{{1,2}})-(?P<d>\d{{1,2}})\b", digits)
    add("ymd_slash", rf"(?P<y>{y})/(?P<mo>\d{{1,2}})/(?P<d>\d{{1,2}})\b", digits)
    add("numeric", rf"(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{y})\b", digits)
    add("range_md", rf"(?P<mon>{mon})\s+(?P<d1>{d}){dash}(?:(?P<mon2>{mon})\s+)?(?P<d2>{d})\b"
        rf"(?:,?\s+(?P<y>{y})\b)?", months, "month digit")
    add("range_dm", rf"(?P<d1>{d})(?:\s+(?P<mon1>{mon}))?{dash}(?P<d2>{d})\s+(?:of\s+)?(?P<mon>{mon})"
        rf"(?:,?\s+(?P<y>{y})\b)?", digits, "month digit")
    add("md", rf"(?P<mon>{mon})\s+(?:the\s+)?(?P<d>{d})\b(?:,?\s+(?P<y>{y})\b)?", months, "month digit")
    add("dm", rf"(?:the\s+)?(?P<d>{d})\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<y>{y})\b)?", [*digits, "the"],
        "month digit")
    add("my", rf"(?P<mon>{mon})\s+(?:of\s+)?(?P<y>{y})\b", months, "month digit")
    add("part_month", rf"(?P<part>early|mid|late|the end of|the beginning of|the start of"
        rf"|the middle of)[-\s]+(?P<mon>{mon})(?:,?\s+(?P<y>{y})\b)?", parts, "month")
    add("part_year", rf"(?P<part>early|mid|late|the end of|the beginning of|the start of)"
        rf"[-\s]+(?P<y>{y})\b", parts)
    add("month", rf"(?P<mon>{mon})\b", months, "month")
    year_preps = ["in", "during", "throughout", "since", "by", "until", "before", "after", "from"]
    add("year", rf"(?:{'|'.join(year_preps)})\s+(?P<y>{y})\b(?!\s*[-–])", year_preps)
    mods = ["last", "next", "this", "this coming", "coming", "past"]
    add("weekday", rf"(?:(?P<mod>{'|'.join(mods)})\s+)?(?P<wd>{wd})\b(?!s\b)", [*mods, *weekdays], "weekday")
    add("named", rf"(?P<name>{named})(?:\s+(?P<y>{y})\b)?", list(tw.named_days), "named")
    add("relative_day", rf"(?P<rel>{rel})\b", list(tw.relative_days), "relative")
    add("period", r"(?:(?P<pre>earlier|later)\s+)?(?P<mod>this|last|next|the past|the coming)\s+"
        r"(?P<unit>week|weekend|month|year)\b", ["earlier", "later", "this", "last", "next", "the"], "unit")
    add("weekend", r"(?:over|at|during|on|this past)\s+(?:the\s+)?weekend\b",
        ["over", "at", "during", "on", "this"], "unit")
    add("ago", rf"(?P<n>{num})\s+(?P<unit>day|week|month|year)s?\s+ago\b", [*digits, *tw.numbers], "ago")
    anchors = [*months, *weekdays, *tw.named_days, *tw.relative_days, "week", "month", "year", "ago"]
    p.words = re.compile(
        rf"\b{_initials(anchors)}(?:(?P<month>{_alt(months)})|(?P<weekday>{_alt(weekdays)})"
        rf"|(?P<named>{named})|(?P<relative>{rel})|(?P<unit>week|month|year)|(?P<ago>ago\b))", re.IGNORECASE)
    return p


_DIGIT = re.compile(r"\d")


def _capitalised(s: str) -> bool:
    return s[:1].isupper()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_number(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _expr(kind: str, m: re.Match[str], text: str) -> TimeExpr | None:
    """Turn one pattern match into a TimeExpr, or None when the match is not a date."""
    tw = time_words()
    g = m.groupdict()
    s, e = m.span()

    def month_of(key: str) -> int | None:
        v = g.get(key)
        return tw.months.get(v.lower().rstrip(".")) if v else None

    def year_of() -> int | None:
        return int(g["y"]) if g.get("y") else None

    def check_month_word(key: str) -> bool:
        v = g.get(key) or ""
        # "may" and "march" are also verbs: month words must be capitalised
        return _capitalised(v)

    if kind in ("iso", "ymd_slash"):
        y0, mo, d0 = int(g["y"]), int(g["mo"]), int(g["d"])
        ok = _safe_date(y0, mo, d0) is not None
        return TimeExpr(s, e, text[s:e], "day", y0, mo, d0, valid=ok)
    if kind == "numeric":
        a, b, y0 = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 >= b:
            mo, d0 = b, a
        elif b > 12 >= a or a == b:
            mo, d0 = a, b
        else:  # 05/01/2018: day-first or month-first cannot be told apart
            return None
        return TimeExpr(s, e, text[s:e], "day", y0, mo, d0, valid=_safe_date(y0, mo, d0) is not None)
    if kind in ("range_md", "range_dm"):
        if not check_month_word("mon"):
            return None
        r_mon = month_of("mon")
        first_mon = month_of("mon1") if kind == "range_dm" and g.get("mon1") else r_mon
        end_mon = month_of("mon2") if kind == "range_md" and g.get("mon2") else r_mon
        d1, d2 = _day_number(g["d1"]), _day_number(g["d2"])
        if not 1 <= d1 <= 31 or not 1 <= d2 <= 31:
            return None
        return TimeExpr(s, e, text[s:e], "day" if year_of() else "day_no_year", year_of(), first_mon, d1,
                        end_day=d2, end_month=end_mon)
    if kind in ("md", "dm"):
        if not check_month_word("mon"):
            return None
        d0 = _day_number(g["d"])
        if not 1 <= d0 <= 31:
            return None
        d_mon = month_of("mon")
        d_year = year_of()
        valid = _safe_date(d_year or 2000, d_mon or 1, d0) is not None  # 2000 is a leap year
        return TimeExpr(s, e, text[s:e], "day" if d_year else "day_no_year", d_year, d_mon, d0, valid=valid)
    if kind == "my":
        if not check_month_word("mon"):
            return None
        return TimeExpr(s, e, text[s:e], "month", year_of(), month_of("mon"))
    if kind == "part_month":
        if not check_month_word("mon"):
            return None
        return TimeExpr(s, e, text[s:e], "month", year_of(), month_of("mon"))
    if kind == "part_year":
        return TimeExpr(s, e, text[s:e], "year", year_of())
    if kind == "month":
        word = g["mon"]
        short = len(word.rstrip(".")) < 5 and word.lower() != "may"  # "Jan" alone is no date
        if not _capitalised(word) or word.endswith(".") or short:
            return None
        if word.lower() in ("may", "march"):
            before = text[max(0, s - 12) : s].lower()
            if not re.search(r"\b(in|since|by|until|from|during|early|late|mid|of|this|next|last)[\s-]+$",
                             before):
                return None
        return TimeExpr(s, e, text[s:e], "month", None, month_of("mon"))
    if kind == "year":
        ys, ye = m.span("y")
        return TimeExpr(ys, ye, text[ys:ye], "year", int(g["y"]))
    if kind == "weekday":
        if not _capitalised(g["wd"]):
            return None
        mod = (g.get("mod") or "").lower() or None
        if mod in ("coming", "this coming"):
            mod = "next"
        if mod == "past":
            mod = "last"
        return TimeExpr(s, e, text[s:e], "weekday", weekday=tw.weekdays[g["wd"].lower()], modifier=mod)
    if kind == "named":
        name = g["name"]
        if not _capitalised(name):
            return None
        before = text[max(0, s - 8) : s].lower()
        if re.search(r"(lunar|chinese|persian|jewish)\s+$", before):
            return None
        n_mon, n_day = tw.named_days[name.lower().replace("’", "'")]
        n_year = year_of()
        return TimeExpr(s, e, text[s:e], "day" if n_year else "day_no_year", n_year, n_mon, n_day)
    if kind == "relative_day":
        return TimeExpr(s, e, text[s:e], "offset_day", offset=tw.relative_days[g["rel"].lower()])
    if kind == "period":
        unit = g["unit"].lower()
        mod = g["mod"].lower()
        step = {"this": 0, "last": -1, "the past": -1, "next": 1, "the coming": 1}[mod]
        if mod in ("the past", "the coming") and unit != "weekend":
            return None  # "the past week" is a stretch of time, not a date
        pre = (g.get("pre") or "").lower() or None
        k = {"week": "week", "weekend": "weekend", "month": "month_rel", "year": "year_rel"}[unit]
        return TimeExpr(s, e, text[s:e], k, offset=step, modifier=pre)
    if kind == "weekend":
        step = -1 if m.group(0).lower().startswith("this past") else 0
        return TimeExpr(s, e, text[s:e], "weekend", offset=step)
    if kind == "ago":
        n_text = g["n"].lower()
        n = int(n_text) if n_text.isdigit() else tw.numbers[n_text]
        return TimeExpr(s, e, text[s:e], "ago", offset=n, modifier=g["unit"].lower())
    return None


def find_expressions(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """All time expressions in text[start:end], longest first where they overlap."""
    end = len(text) if end is None else end
    found: list[tuple[int, TimeExpr]] = []
    patterns = _patterns()
    present = {m.lastgroup for m in patterns.words.finditer(text, start, end)}
    if _DIGIT.search(text, start, end):
        present.add("digit")
    for order, (kind, rx, needs) in enumerate(patterns.items):
        if not needs <= present:
            continue
        for m in rx.finditer(text, start, end):
            ex = _expr(kind, m, text)
            if ex is not None:
                found.append((order, ex))
    found.sort(key=lambda t: (-(t[1].end - t[1].start), t[0], t[1].start))
    kept: list[TimeExpr] = []
    for _, ex in found:
        if any(ex.start < k.end and k.start < ex.end for k in kept):
            continue
        kept.append(ex)
    return sorted(kept, key=lambda x: x.start)


@lru_cache(maxsize=4096)
def parse_with_dateparser(expr: str) -> date | None:
    """A full date (day, month and year all given) by dateparser, for forms the tables miss."""
    import dateparser  # slow to import: only when a form needs it

    try:
        result = dateparser.parse(
            expr, languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                      "RELATIVE_BASE": datetime(1900, 1, 1)},
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return result.date() if result else None


# --- resolution -------------------------------------------------------------------------


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def _weekday_date(wd: int, ref: date, direction: Direction, modifier: str | None,
                  tz_tolerance: bool) -> date:
    back = ref - timedelta(days=(ref.weekday() - wd) % 7)
    ahead = ref + timedelta(days=(wd - ref.weekday()) % 7)
    if modifier == "last":
        return back if back != ref else ref - timedelta(days=7)
    if modifier == "next":
        return ahead if ahead != ref else ref + timedelta(days=7)
    if direction == "past":
        if tz_tolerance and (wd - ref.weekday()) % 7 == 1:
            return ref + timedelta(days=1)
        return back
    if direction == "future":
        return ahead
    return back if (ref - back) <= (ahead - ref) else ahead


def _year_for(month: int, day: int, ref: date, direction: Direction) -> date | None:
    """The date of a day without a year, in the year that the tense points to."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if not options:
        return None
    if direction == "past":
        past = [d for d in options if d <= ref + timedelta(days=1)]
        return max(past) if past else None
    if direction == "future":
        fut = [d for d in options if d >= ref - timedelta(days=1)]
        return min(fut) if fut else None
    return min(options, key=lambda d: abs((d - ref).days))


def _month_for(month: int, ref: date, direction: Direction) -> date:
    this = date(ref.year, month, 1)
    if direction == "past" and month > ref.month:
        return date(ref.year - 1, month, 1)
    if direction == "future" and month < ref.month:
        return date(ref.year + 1, month, 1)
    if direction == "nearest" and abs(month - ref.month) > 6:
        return date(ref.year + (1 if month < ref.month else -1), month, 1)
    return this


def resolve(ex: TimeExpr, ref: date | None, direction: Direction = "nearest",
            tz_tolerance: bool = False, bound: str | None = None) -> tuple[date, str] | None:
    """The date and precision an expression names, seen from the reference date `ref`.

    `bound` is the preposition that makes the expression a limit ("after"): the event is
    then after the expression's end, so the date is the end and the precision coarser.
    """
    if not ex.valid:
        return None
    result: tuple[date, str] | None = None
    if ex.kind == "day" and ex.year and ex.month and ex.day:
        d0 = _safe_date(ex.year, ex.month, ex.day)
        result = (d0, "day") if d0 else None
    elif ex.kind == "month" and ex.year and ex.month:
        result = (date(ex.year, ex.month, 1), "month")
    elif ex.kind == "year" and ex.year:
        result = (date(ex.year, 1, 1), "year")
    elif ref is None:
        return None
    elif ex.kind == "day_no_year" and ex.month and ex.day:
        d0 = _year_for(ex.month, ex.day, ref, direction)
        result = (d0, "day") if d0 else None
    elif ex.kind == "month" and ex.month:
        result = (_month_for(ex.month, ref, direction), "month")
    elif ex.kind == "weekday" and ex.weekday is not None:
        result = (_weekday_date(ex.weekday, ref, direction, ex.modifier, tz_tolerance), "day")
    elif ex.kind == "offset_day":
        result = (ref + timedelta(days=ex.offset), "day")
    elif ex.kind == "week":
        result = (_monday(ref) + timedelta(weeks=ex.offset), "week")
    elif ex.kind == "weekend":
        sat = ref - timedelta(days=(ref.weekday() - 5) % 7)  # the latest Saturday
        if ex.offset > 0 or (ex.offset == 0 and direction == "future" and sat < ref - timedelta(days=1)):
            sat += timedelta(days=7)
        result = (_monday(sat), "week")
    elif ex.kind == "month_rel":
        result = (_add_months(ref, ex.offset), "month")
    elif ex.kind == "year_rel":
        result = (date(ref.year + ex.offset, 1, 1), "year")
    elif ex.kind == "ago":
        unit = ex.modifier or "day"
        if unit == "day":
            result = (ref - timedelta(days=ex.offset), "day")
        elif unit == "week":
            result = (ref - timedelta(weeks=ex.offset), "week")
        elif unit == "month":
            result = (_add_months(ref, -ex.offset), "month")
        else:
            result = (date(ref.year - ex.offset, 1, 1), "year")
    if result is None:
        return None
    if bound == "after":
        d0, prec = result
        if ex.end_day and ex.month and ex.day:
            end = _safe_date(d0.year + (1 if (ex.end_month or ex.month) < ex.month else 0),
                             ex.end_month or ex.month, ex.end_day)
            d0 = end or d0
        return (d0, {"day": "week", "week": "month", "month": "month", "year": "year"}[prec])
    return result


# --- publication date: bylines and datelines --------------------------------------------

_BYLINE_CHARS = 1200
_BYLINE_LINES = 15
_BYLINE_MAX_WORDS = 12
_UPDATED = re.compile(r"\b(updated|modified|last edited|revised)\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(published|posted|first published|released|date)\b", re.IGNORECASE)
_EVENT_PREP = re.compile(r"\b(on|in|since|until|from|before|after|by|of|during)\s+(the\s+)?$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}),?\s+(?P<date>[^()\-–—:]{3,30}?)\s*"
    r"(?:\([^)\n]{1,40}\)\s*)?[-–—:]"
)


@dataclass(frozen=True)
class Dateline:
    """A date at the top of an article: full (year known) or month and day only."""

    month: int
    day: int
    year: int | None
    kind: str  # "byline" (a date line) or "dateline" (PLACE, date - text)
    start: int = 0  # characters of the byline line or dateline prefix: not an event's time
    end: int = 0

    def full(self) -> date | None:
        return _safe_date(self.year, self.month, self.day) if self.year else None


def _full_or_partial(fragment: str) -> Dateline | None:
    for ex in find_expressions(fragment):
        if ex.kind in ("day", "day_no_year") and ex.valid and ex.month and ex.day and not ex.end_day:
            return Dateline(ex.month, ex.day, ex.year, "byline")
    return None


def top_dates(text: str) -> tuple[Dateline, ...]:
    """Dates in the byline lines and the dateline at the top of an article, best first."""
    return _top_dates(text[:_BYLINE_CHARS])


def _story_line(line: str, words: int) -> bool:
    """A sentence of the story, not a byline: `words` words besides its dates. (A date takes
    at most four words, "the 5th of March", and one run of digits; so a line's word count less
    four per run of digits is a floor that can rule a line out before its dates are sought.)"""
    return words > _BYLINE_MAX_WORDS or (words >= 3 and line.rstrip().endswith((".", "!", "?")))


@lru_cache(maxsize=256)
def _top_dates(head: str) -> tuple[Dateline, ...]:
    found: list[tuple[int, Dateline]] = []
    located = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]*\S[^\n]*", head)][:_BYLINE_LINES]
    for n, (at, line) in enumerate(located):
        m = _DATELINE.match(line)
        if m:
            dl = _full_or_partial(m.group(0))
            if dl is not None:
                found.append((n, Dateline(dl.month, dl.day, dl.year, "dateline", at, at + m.end())))
                continue
        if _story_line(line, len(re.findall(r"[A-Za-z]+", line)) - 4 * len(re.findall(r"\d+", line))):
            continue  # too many words left even without its dates: skips the search below
        exprs = [x for x in find_expressions(line) if x.kind == "day" and not x.end_day]
        if not exprs:
            ts = re.search(r"\b(\d{4}-\d{2}-\d{2})T\d", line)
            if not ts:
                continue
            exprs = find_expressions(ts.group(1))
        rest = line
        for x in exprs:
            rest = rest.replace(x.text, " ")
        if _story_line(line, len(re.findall(r"[A-Za-z]+", rest))):
            continue
        x = exprs[0]
        if _EVENT_PREP.search(line[: line.find(x.text)] if x.text in line else ""):
            continue  # "On 5 March 2015 troops entered": an event's date, not the paper's
        if not x.valid or not (x.year and x.month and x.day):
            continue
        rank = 100 + n if _UPDATED.search(line) and not _PUBLISHED.search(line) else n
        found.append((rank, Dateline(x.month, x.day, x.year, "byline", at, at + len(line))))
    if not found:
        # forms the patterns miss ("6-Jan-2018") on a short line that names a month; all-number
        # forms are left alone, since day-first and month-first cannot be told apart
        months = re.compile(rf"\b({_alt(list(time_words().months))})\b", re.IGNORECASE)
        at, first = next(((a, ln) for a, ln in located if re.search(r"\d", ln)), (0, ""))
        if len(first.split()) <= 8 and months.search(first) and (d0 := parse_with_dateparser(first.strip())):
            found.append((50, Dateline(d0.month, d0.day, d0.year, "byline", at, at + len(first))))
    return tuple(dl for _, dl in sorted(found, key=lambda t: t[0]))


def byline_date(text: str) -> date | None:
    """The publication date from a byline or dateline near the top of an article, else None.

    A dateline without a year ("SEOUL, Jan 5 -") gives no publication date on its own.
    """
    for dl in top_dates(text):
        if (d0 := dl.full()) is not None:
            return d0
    return None


def parse_iso(value: str | None) -> date | None:
    """A date from an ISO string (a datetime's date part is kept), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Reference:
    """What relative expressions of one document are resolved against."""

    date: date | None
    conflict: bool = False  # the dateline contradicts the publication date
    tz_tolerance: bool = False  # no local date known: allow a one-day time-zone shift


def reference_date(text: str, published: date | None) -> Reference:
    """The local date of writing: the dateline's date when it agrees with `published`."""
    tops = top_dates(text)
    if published is None:
        for dl in tops:
            if (d0 := dl.full()) is not None:
                return Reference(d0)
        return Reference(None)
    if not tops:
        return Reference(published, tz_tolerance=True)
    dl = tops[0]
    local = dl.full() or _year_for(dl.month, dl.day, published, "nearest")
    if local is None or abs((local - published).days) > 1:
        return Reference(published, conflict=True)
    return Reference(local)


# --- attaching expressions to predicates -------------------------------------------------

_CLAUSE_POS = ("VERB", "AUX")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}


@dataclass(frozen=True)
class Attached:
    """A time expression with the words it hangs from in the parse."""

    expr: TimeExpr
    span: Span
    noun: Token | None  # the noun it modifies ("Tuesday's meeting"), if any
    verb: Token  # the clause head it belongs to
    bound: str | None  # "after", "before", "since", "until", "by" or None


@dataclass
class _DocTimes:
    ref: Reference
    attached: list[Attached]


_BOUNDS = {"after": "after", "following": "after", "before": "before", "since": "since",
           "until": "until", "till": "until", "by": "by", "ahead": "before", "prior": "before"}


def _attach(span: Span, ex: TimeExpr) -> Attached:
    t = span.root
    noun: Token | None = None
    bound: str | None = None
    while t.head.i != t.i:
        t = t.head
        if span.start <= t.i < span.end:
            continue
        if t.pos_ in ("ADP", "SCONJ") or t.dep_ in ("prep", "agent"):
            if bound is None and t.dep_ != "agent" and (
                    noun is None or (noun.dep_ == "pobj" and noun.head.i == t.i)):
                bound = _BOUNDS.get(t.lower_)  # "after the March 9-18 Games" ("hit by an attack
                # on Saturday": a passive's agent, no limit)
            continue
        if t.pos_ in _CLAUSE_POS:
            break
        if noun is None and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            noun = t
    if bound is None and span.start > 0:
        bound = _BOUNDS.get(span.doc[span.start - 1].lower_) if noun is None else None
    if noun is None and t.dep_ == "ccomp" and t.head.i < span.start:
        # "Japan said on Friday it would protest": between the reporting verb and the
        # reported clause's subject, the time is the saying's, whatever the parser attached
        subjects = [c.left_edge.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and span.end <= min(subjects):
            t = t.head
    return Attached(ex, span, noun, t, bound)


def _doc_times(doc: Doc, published: date | None) -> _DocTimes:
    key = f"detente_times:{published}"
    cached = doc.user_data.get(key)
    if isinstance(cached, _DocTimes):
        return cached
    attached = []
    tops = top_dates(original_text(doc))  # the date lines are blanked in the parsed text
    for ex in find_expressions(doc_text(doc)):
        if any(t.start <= ex.start < t.end for t in tops):
            continue  # the article's own date line is no event's time
        span = doc.char_span(ex.start, ex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        attached.append(_attach(span, ex))
    times = _DocTimes(reference_date(original_text(doc), published), attached)
    doc.user_data[key] = times
    return times


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def direction_of(verb: Token) -> Direction:
    """The tense of a clause, as a direction in time: past, future or nearest (unknown)."""
    t = verb
    for _ in range(4):
        kids = list(t.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in kids):
            return "future"
        if t.lemma_ in time_words().future_verbs and t.tag_ == "VBN":
            return "future"
        if t.lower_ == "going" and any(c.dep_ == "xcomp" for c in kids):
            return "future"
        if any(c.dep_ in ("aux",) and c.lower_ == "would" for c in kids):
            return "future"
        if t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in kids):
            return "past"
        if t.tag_ == "VBN" and any(c.lemma_ == "have" for c in kids):
            return "past"
        if t.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in kids):
            return "past"  # a bare participle: "the accord, signed on Monday", or a mis-tagged past
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return "nearest"


def _clause_of(token: Token) -> Token | None:
    """The clause head whose time an event takes: the predicate itself when it is a verb,
    or the verb that realises an event noun ("talks were held", "made the offer")."""
    if token.pos_ in _CLAUSE_POS:
        return token
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in _CLAUSE_POS \
            and head.lemma_ in time_words().support_verbs:
        return head
    return None


def _shares_time(t: Token) -> bool:
    """Whether a clause takes its time from the word it hangs from: an infinitive or
    participle without a subject of its own, or a verb conjoined under the same subject."""
    if _has_subject(t):
        return False
    if t.dep_ in ("xcomp", "conj"):
        return True
    if t.dep_ == "acl":  # "his address to call for talks", not "those killed in the crash"
        return t.tag_ == "VB"
    return t.dep_ == "advcl" and t.tag_ in ("VB", "VBG", "VBN")


def _clause_chain(verb: Token, past: bool) -> Iterator[Token]:
    """The clause and the words it shares its time with, nearest first: governing verbs of
    infinitives and conjuncts, nouns an infinitive modifies ("his address to call for"),
    subject-less participle clauses ("Speaking to reporters yesterday, X said"), and, for
    a past event, the verb that reports it ("Moon said yesterday that he had pledged")."""
    seen: set[int] = set()
    t = verb
    while True:
        seen.add(t.i)
        yield t
        for c in t.children:
            if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and not _has_subject(c) and c.i not in seen:
                seen.add(c.i)
                yield c
        if t.head.i == t.i:
            return
        verb_up = t.pos_ in _CLAUSE_POS and (_shares_time(t) or (past and t.dep_ == "ccomp"))
        noun_up = t.pos_ not in _CLAUSE_POS and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and (
            t.head.pos_ in _CLAUSE_POS)
        if not (verb_up or noun_up):
            return
        t = t.head
        if t.i in seen:
            return


def candidates(token: Token, times: list[Attached]) -> list[tuple[int, Attached]]:
    """Time expressions that may date the event of `token`, with a rank (lower is better)."""
    out: list[tuple[int, Attached]] = []
    sent = sentence_of(token)
    local = [a for a in times if sent.start <= a.span.start < sent.end]
    for a in local:
        if a.noun is not None and a.noun.i == token.i:
            out.append((0, a))  # the event noun's own modifier: "Tuesday's meeting"
    clause = _clause_of(token)
    if clause is not None:
        past = direction_of(clause) == "past"
        for depth, word in enumerate(_clause_chain(clause, past)):
            for a in local:
                if word.pos_ not in _CLAUSE_POS:
                    if a.noun is not None and a.noun.i == word.i:
                        out.append((1 + 2 * depth, a))
                    continue
                if a.verb.i != word.i:
                    continue
                if a.noun is None:
                    out.append((1 + 2 * depth, a))
                elif a.noun.i != token.i and a.noun.dep_ in ("dobj", "pobj") and a.noun.head.i in (
                        word.i, *[c.i for c in word.children if c.dep_ in ("prep", "agent")]):
                    out.append((2 + 2 * depth, a))  # "used his New Year's address", "was hit by
                    # an attack on Saturday"
    out.sort(key=lambda t: (t[0], t[1].bound is not None, abs(t[1].span.start - token.i)))
    return out


def event_date(token: Token, published: date | None, status: str) -> EventDate:
    """The date of the event whose predicate is `token`."""
    times = _doc_times(token.doc, published)
    ref = times.ref
    for _, a in candidates(token, times.attached):
        if a.bound in ("before", "since", "until", "by"):
            continue  # a limit, not the event's date
        verb = a.noun.head if a.noun is not None and a.noun.i == token.i else a.verb
        direction = "future" if status == "planned" else direction_of(verb)
        relative = a.expr.kind not in ("day", "year") and not (a.expr.kind == "month" and a.expr.year)
        if relative and ref.conflict:
            return EventDate(None, None, None)
        base = _saying_date(a, times) if a.expr.kind == "offset_day" else None
        resolved = resolve(a.expr, base or ref.date, direction, ref.tz_tolerance, a.bound)
        if resolved is None:
            if not a.expr.valid:
                return EventDate(None, None, None)  # "31 February": no guess
            continue
        d0, precision = resolved
        if ref.date is not None and _contradicts(d0, precision, ref.date, direction, status):
            return EventDate(None, None, None)
        return EventDate(d0, precision, "text")
    if status in ("historical", "planned", "hypothetical"):
        return EventDate(None, None, None)
    if published is not None:
        return EventDate(published, "day", "published")
    return EventDate(None, None, None)


def _saying_date(a: Attached, times: _DocTimes) -> date | None:
    """For "tomorrow" or "yesterday" inside reported speech, the day it was said, when the
    reporting verb is dated ("We will meet tomorrow," he said on Monday): the speaker's
    "tomorrow" is counted from then, not from the publication date."""
    t = a.verb
    while t.dep_ in ("ccomp", "conj", "xcomp") and t.head.i != t.i:
        t = t.head
        for b in times.attached:
            if b.verb.i != t.i or b.noun is not None or b.expr.kind == "offset_day" or b.bound:
                continue
            said = resolve(b.expr, times.ref.date, "past", times.ref.tz_tolerance)
            if said is not None and said[1] == "day":
                return said[0]
    return None


def _contradicts(d0: date, precision: str, ref: date, direction: Direction, status: str) -> bool:
    """A date the tense rules out: a past event after the reference, a planned one before it."""
    span = {"day": 1, "week": 7, "month": 31, "year": 366}[precision]
    if direction == "past" and status != "planned":
        return d0 > ref + timedelta(days=1)
    if direction == "future" or status == "planned":
        return d0 + timedelta(days=span) < ref - timedelta(days=1)
    return False
