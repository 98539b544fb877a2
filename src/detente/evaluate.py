"""Score event records against gold files: whole articles, 5-way classes, and role spans.

The gold formats (those of the project's development data):

- article gold, JSONL: one gold event a line with `id`, `types` (acceptable PLOVER types),
  `sources` and `targets` (country or organisation codes), `date` with
  `date_tolerance_days`, `status`, `core` (every good coder should find it), and optionally
  `article_id`; the dev news set's key events (`gold.jsonl`) are article gold over many
  articles, each naming its `article_id`, and its exhaustive gold (`exhaustive.jsonl`) adds a
  `sentence_cue` (the first words of the sentence that states the event);
- class gold, TSV: a sentence, a tab, and its 5-way class (0 statements and appeals,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict);
- role gold, CoNLL: one token a line with a BIO tag of S (source), T (target) or R (both),
  sentences separated by blank lines; tokens are joined by single spaces into the text.

The same functions serve `detente eval`, the in-house quality gate and the dev gate
(`evaluate_dev`, floors in a baseline file with their history).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.records import Actor, Article, Event

if TYPE_CHECKING:
    from detente.pipeline import Pipeline

# CAMEO root -> 5-way class, as the class gold defines it.
_ROOT_CLASS = {
    **dict.fromkeys(("01", "02"), 0), **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2), **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}
CONFIDENCE_BANDS = (0.0, 0.5, 0.65, 0.8, 1.01)
_UN_KEYS = {"IGO", "UNO", "UNSC"}
# Old CAMEO country codes that other coders still print; gold is coded in ISO 3166 alpha-3.
_LEGACY_CODES = {"JAP": "JPN", "UK": "GBR", "UKG": "GBR", "GMY": "DEU", "USR": "RUS"}
CUE_WORDS = 6  # a sentence cue is matched by its first six words


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True)
class GoldEvent:
    """One hand-coded event of an article."""

    id: str
    types: tuple[str, ...]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date: dt.date | None = None
    tolerance: int = 0
    status: str | None = None
    core: bool = True
    article_id: str | None = None
    sentence_cue: str | None = None  # exhaustive gold: only a record of this sentence stands for it


@dataclass(frozen=True)
class ClassItem:
    """A sentence with its 5-way class."""

    id: str
    text: str
    label: int


@dataclass(frozen=True)
class RoleItem:
    """A sentence with its gold source and target character spans."""

    id: str
    text: str
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _read_gold(path: Path, required: tuple[str, ...] = ()) -> list[GoldEvent]:
    """Gold events of a JSONL file; `required` names the fields every line of this kind must have."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            for name in required:
                if not d.get(name):
                    raise KeyError(name)
            out.append(GoldEvent(
                id=str(d.get("id", n)), types=tuple(d["types"]), sources=tuple(d["sources"]),
                targets=tuple(d.get("targets") or ()), date=_iso(d.get("date")),
                tolerance=int(d.get("date_tolerance_days") or 0), status=d.get("status"),
                core=bool(d.get("core", True)), article_id=d.get("article_id"),
                sentence_cue=d.get("sentence_cue"),
            ))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ValueError(f"{path.name}, line {n}: not a gold event ({e})") from e
    return out


def read_article_gold(path: Path) -> list[GoldEvent]:
    """Gold events of whole articles (JSONL)."""
    return _read_gold(path)


def read_key_events(path: Path) -> list[GoldEvent]:
    """The dev news set's key events (gold.jsonl): article gold in which every event names its article."""
    return _read_gold(path, ("article_id",))


def read_exhaustive_gold(path: Path) -> list[GoldEvent]:
    """Every event of some dev news articles (exhaustive.jsonl): each names its article and sentence cue."""
    return _read_gold(path, ("article_id", "sentence_cue"))


def read_class_gold(path: Path) -> list[ClassItem]:
    """Sentences with a 5-way class (TSV: text, tab, label)."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, label = line.rstrip("\n").rpartition("\t")
        if not text or not label.strip().isdigit():
            raise ValueError(f"{path.name}, line {n + 1}: expected 'sentence<TAB>class'")
        out.append(ClassItem(f"c{n}", text, int(label)))
    return out


def read_role_gold(path: Path) -> list[RoleItem]:
    """Sentences with BIO role tags (CoNLL); spans are offsets into the space-joined tokens."""
    blocks: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            if blocks[-1]:
                blocks.append([])
            continue
        if line.startswith("#"):
            continue
        blocks[-1].append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    out = []
    for n, block in enumerate(b for b in blocks if b):
        text = ""
        spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
        previous: str | None = None
        for token, tag in block:
            start = len(text) + (1 if text else 0)
            text = f"{text} {token}" if text else token
            role = tag[2:] if tag[:2] in ("B-", "I-") else None
            for r in (("S", "T") if role == "R" else (role,) if role in ("S", "T") else ()):
                if tag.startswith("I-") and previous == role and spans[r]:
                    spans[r][-1] = (spans[r][-1][0], len(text))
                else:
                    spans[r].append((start, len(text)))
            previous = role
        out.append(RoleItem(f"r{n}", text, tuple(spans["S"]), tuple(spans["T"])))
    return out


# ---------------------------------------------------------------- scores


@dataclass
class ArticleScore:
    """Recall of gold events (core and all), precision of records, per-type recall."""

    core_recall: float
    all_recall: float
    precision: float
    date_accuracy: float
    n_events: int
    per_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # type -> (found, gold)
    found: dict[str, bool] = field(default_factory=dict)

    def figures(self) -> dict[str, float]:
        return {"core_recall": self.core_recall, "all_recall": self.all_recall,
                "precision": self.precision, "date_accuracy": self.date_accuracy}


@dataclass
class ClassScore:
    """Accuracy and macro-F1 of each sentence's most confident event, with calibration bands."""

    accuracy: float
    macro_f1: float
    per_class_f1: dict[int, float]
    bands: list[tuple[str, int, float]]  # (band, sentences, accuracy)

    def figures(self) -> dict[str, float]:
        return {"accuracy": self.accuracy, "macro_f1": self.macro_f1}


@dataclass
class RoleScore:
    """Span-overlap precision, recall and F1 for sources and targets, and source F1 per type."""

    source: tuple[float, float, float]
    target: tuple[float, float, float]
    per_type_precision: dict[str, float] = field(default_factory=dict)
    bands: list[tuple[str, int, float]] = field(default_factory=list)  # (band, records, source precision)

    def figures(self) -> dict[str, float]:
        return {"source_f1": self.source[2], "target_f1": self.target[2]}


def actor_keys(actor: Actor | None) -> set[str]:
    """The codes an actor answers to: its country, its code and the code's country prefix.

    Legacy CAMEO country codes answer as their ISO code; any IGO or UN code as IGO, UNO and UNSC.
    """
    if actor is None:
        return set()
    keys: set[str] = set()
    for value in (actor.country, actor.code):
        if value:
            keys.update(_LEGACY_CODES.get(k, k) for k in (value.upper(), value.upper()[:3]))
    if any(k.startswith("IGO") or "UNO" in k for k in keys):
        keys |= _UN_KEYS
    return keys


def _matches(event: Event, gold: GoldEvent) -> bool:
    if event.event_type not in gold.types:
        return False
    if event.status in ("negated", "hypothetical") and gold.status not in ("negated", "hypothetical"):
        return False
    if not actor_keys(event.source) & set(gold.sources):
        return False
    return not gold.targets or bool(actor_keys(event.target) & set(gold.targets))


def _date_ok(event: Event, gold: GoldEvent) -> bool:
    if gold.date is None:
        return True
    date = _iso(event.date)
    return date is not None and abs((date - gold.date).days) <= gold.tolerance


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def in_sentence(cue: str, sentence: str) -> bool:
    """Does a gold sentence cue belong to this sentence? Its first six words, lower-cased and
    space-joined, occur in the sentence's words joined the same way (so 'vow' also finds 'vowed')."""
    head = " ".join(_words(cue)[:CUE_WORDS])
    return bool(head) and head in " ".join(_words(sentence))


def match_events(gold: Sequence[GoldEvent], events: Sequence[Event]) -> dict[int, int]:
    """Largest one-to-one assignment gold index -> event index (augmenting paths).

    A gold event with an article takes only that article's records, one with a sentence cue
    only records of that sentence. Core events are placed first; among candidates, those with
    the right date come first.
    """
    candidates = []
    for g in gold:
        pool = [i for i, e in enumerate(events)
                if (g.article_id is None or e.article_id == g.article_id)
                and (g.sentence_cue is None or in_sentence(g.sentence_cue, e.sentence)) and _matches(e, g)]
        dated = [i for i in pool if _date_ok(events[i], g)]
        candidates.append(dated + [i for i in pool if i not in dated])
    owner: dict[int, int] = {}

    def place(gi: int, visited: set[int]) -> bool:
        for ei in candidates[gi]:
            if ei in visited:
                continue
            visited.add(ei)
            if ei not in owner or place(owner[ei], visited):
                owner[ei] = gi
                return True
        return False

    for gi in sorted(range(len(gold)), key=lambda i: not gold[i].core):
        place(gi, set())
    return {gi: ei for ei, gi in owner.items()}


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def score_articles(gold: Sequence[GoldEvent], events: Sequence[Event]) -> ArticleScore:
    """How many gold events the records find, and how many records stand for one."""
    assigned = match_events(gold, events)
    core = [i for i, g in enumerate(gold) if g.core]
    per_type: dict[str, tuple[int, int]] = {}
    for i, g in enumerate(gold):
        key = g.types[0]
        found, total = per_type.get(key, (0, 0))
        per_type[key] = (found + (i in assigned), total + 1)
    dated = sum(_date_ok(events[ei], gold[gi]) for gi, ei in assigned.items())
    return ArticleScore(
        core_recall=_ratio(sum(i in assigned for i in core), len(core)),
        all_recall=_ratio(len(assigned), len(gold)),
        precision=_ratio(len(assigned), len(events)),
        date_accuracy=_ratio(dated, len(assigned)),
        n_events=len(events),
        per_type=per_type,
        found={g.id: i in assigned for i, g in enumerate(gold)},
    )


Count = tuple[int, int]  # (hits, out of)


@dataclass
class KeyEventScore:
    """Key events of the dev news set: recall of the core ones, and the date accuracy of those
    found over all articles, the articles without a publication date and those with one."""

    core: Count
    dates: Count
    dates_undated: Count
    dates_dated: Count

    def counts(self) -> dict[str, Count]:
        return {"core_recall": self.core, "date_accuracy": self.dates,
                "date_accuracy_undated": self.dates_undated, "date_accuracy_dated": self.dates_dated}

    def figures(self) -> dict[str, float]:
        return {name: _ratio(*count) for name, count in self.counts().items()}


@dataclass
class ExhaustiveScore:
    """Every event of some articles: records standing for a gold event of their own sentence
    (precision), and gold events a record stands for (recall)."""

    right: int
    records: int
    gold: int

    def counts(self) -> dict[str, Count]:
        return {"precision": (self.right, self.records), "recall": (self.right, self.gold)}

    def figures(self) -> dict[str, float]:
        return {name: _ratio(*count) for name, count in self.counts().items()}


def score_key_events(gold: Sequence[GoldEvent], events: Sequence[Event],
                     dated: Container[str | None]) -> KeyEventScore:
    """Key events found one to one; `dated` holds the ids of articles with a publication date."""
    assigned = match_events(gold, events)
    core = [i for i, g in enumerate(gold) if g.core]

    def dates(found: list[int]) -> Count:
        return sum(_date_ok(events[assigned[gi]], gold[gi]) for gi in found), len(found)

    return KeyEventScore(
        core=(sum(i in assigned for i in core), len(core)),
        dates=dates(list(assigned)),
        dates_undated=dates([gi for gi in assigned if gold[gi].article_id not in dated]),
        dates_dated=dates([gi for gi in assigned if gold[gi].article_id in dated]),
    )


def score_exhaustive(gold: Sequence[GoldEvent], events: Sequence[Event]) -> ExhaustiveScore:
    """The records of the gold's articles against every gold event of their sentences, one to one."""
    articles = {g.article_id for g in gold}
    records = [e for e in events if e.article_id in articles]
    return ExhaustiveScore(right=len(match_events(gold, records)), records=len(records), gold=len(gold))


def class_of(event: Event | None) -> int:
    """The 5-way class of a record (no record: 0, statements and appeals)."""
    if event is None:
        return 0
    return _ROOT_CLASS.get(event.cameo[:2], 0)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return p, r, _ratio(2 * p * r, p + r)


def score_classes(items: Sequence[ClassItem], events: Sequence[Event]) -> ClassScore:
    """Each sentence's most confident record against its class; accuracy per confidence band."""
    best: dict[str, Event] = {}
    for e in events:
        if e.article_id not in best or e.confidence > best[e.article_id].confidence:
            best[e.article_id] = e
    pairs = [(item.label, class_of(best.get(item.id))) for item in items]
    f1s = {}
    for c in range(5):
        tp = sum(1 for g, p in pairs if g == p == c)
        fp = sum(1 for g, p in pairs if p == c != g)
        fn = sum(1 for g, p in pairs if g == c != p)
        f1s[c] = _f1(tp, fp, fn)[2]
    bands: list[tuple[str, int, float]] = []
    no_event = [(g, p) for item, (g, p) in zip(items, pairs, strict=True) if item.id not in best]
    bands.append(("no event", len(no_event), _ratio(sum(g == p for g, p in no_event), len(no_event))))
    for lo, hi in itertools.pairwise(CONFIDENCE_BANDS):
        inside = [(g, p) for item, (g, p) in zip(items, pairs, strict=True)
                  if item.id in best and lo <= best[item.id].confidence < hi]
        bands.append((f"{lo:.2f}-{min(hi, 1.0):.2f}", len(inside),
                      _ratio(sum(g == p for g, p in inside), len(inside))))
    return ClassScore(
        accuracy=_ratio(sum(g == p for g, p in pairs), len(pairs)),
        macro_f1=sum(f1s.values()) / 5,
        per_class_f1=f1s,
        bands=bands,
    )


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def score_roles(items: Sequence[RoleItem], events: Sequence[Event]) -> RoleScore:
    """Do the records' source and target spans overlap the gold spans?"""
    by_item: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_item[e.article_id].append(e)
    result = {}
    type_hits: Counter[str] = Counter()
    type_all: Counter[str] = Counter()
    for role in ("source", "target"):
        tp = fp = fn = 0
        for item in items:
            gold = item.sources if role == "source" else item.targets
            spans = {s for e in by_item[item.id]
                     if (s := (e.evidence.source_span if role == "source" else e.evidence.target_span))}
            hit = sum(1 for g in gold if _overlaps(g, spans))
            tp, fn = tp + hit, fn + len(gold) - hit
            fp += sum(1 for s in spans if not _overlaps(s, gold))
            if role == "source":
                for e in by_item[item.id]:
                    if e.evidence.source_span:
                        type_all[e.event_type] += 1
                        type_hits[e.event_type] += _overlaps(e.evidence.source_span, gold)
        result[role] = _f1(tp, fp, fn)
    gold_sources = {item.id: item.sources for item in items}
    bands = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BANDS):
        inside = [e for e in events if e.evidence.source_span and lo <= e.confidence < hi]
        right = sum(_overlaps(e.evidence.source_span, gold_sources.get(e.article_id, ()))  # type: ignore[arg-type]
                    for e in inside)
        bands.append((f"{lo:.2f}-{min(hi, 1.0):.2f}", len(inside), _ratio(right, len(inside))))
    return RoleScore(result["source"], result["target"],
                     {t: _ratio(type_hits[t], n) for t, n in type_all.most_common()}, bands)


# ---------------------------------------------------------------- running the coder


Coder = Callable[[list[tuple[str, str, str | None]]], list[Event]]


def code_articles(articles: Iterable[Article], pipeline: Pipeline | None = None) -> list[Event]:
    """Every record of the articles, coded in batches by one pipeline; a document that fails gives none."""
    if pipeline is None:
        from detente.pipeline import Pipeline

        pipeline = Pipeline()
    return [event for result in pipeline.run(articles) for event in result.events]


def pipeline_coder(items: list[tuple[str, str, str | None]], pipeline: Pipeline | None = None) -> list[Event]:
    """Code (id, text, published) triples with the project's pipeline (a new one unless given)."""
    from detente.ingest import article_from_text

    return code_articles((article_from_text(text, id=id_, published=published)
                          for id_, text, published in items), pipeline)


def evaluate_articles(gold_path: Path, text_path: Path, published: str | None = None,
                      article_id: str = "doc", coder: Coder = pipeline_coder) -> ArticleScore:
    """Code one article and score it against its gold events."""
    gold = read_article_gold(gold_path)
    events = coder([(article_id, text_path.read_text("utf-8"), published)])
    return score_articles(gold, events)


def evaluate_classes(gold_path: Path, coder: Coder = pipeline_coder) -> ClassScore:
    """Code each sentence of a class gold file and score the 5-way classes."""
    items = read_class_gold(gold_path)
    return score_classes(items, coder([(i.id, i.text, None) for i in items]))


def evaluate_roles(gold_path: Path, coder: Coder = pipeline_coder) -> RoleScore:
    """Code each sentence of a role gold file and score the spans."""
    items = read_role_gold(gold_path)
    return score_roles(items, coder([(i.id, i.text, None) for i in items]))


# ---------------------------------------------------------------- the dev sets


SEED_PUBLISHED = "2018-01-06"  # the seed article's publication date (DESIGN.md)
DEV_FILES = ("seed_gold.jsonl", "seed_article.txt", "pentaclass_dev.tsv", "actor_roles_dev.conll")
NEWS_FILES = ("news/gold.jsonl", "news/exhaustive.jsonl", "news/text_sha256.tsv")
_NEWS_FIELDS = ("id", "text", "url", "title", "published")  # what a dev news document carries


@dataclass(frozen=True)
class TextCheck:
    """How the gathered dev news texts compare with the gold's checksums (ids of the others)."""

    identical: int
    differing: tuple[str, ...]
    missing: tuple[str, ...]

    def line(self) -> str:
        return (f"dev news texts: {self.identical} identical to the gold's checksums, "
                f"{len(self.differing)} differing, {len(self.missing)} missing"
                + "".join(f"; {label}: {' '.join(ids)}" for label, ids in
                          (("differing", self.differing), ("missing", self.missing)) if ids))


def read_news_corpus(corpus: Path, news: Path) -> tuple[list[Article], TextCheck]:
    """The dev news articles of a gathered corpus (JSONL), those the gold's checksum file names,
    sorted by id and read as `detente code` reads a JSONL document; with their checksum check."""
    from detente.ingest.reader import article_from_json

    lines = (news / "text_sha256.tsv").read_text("utf-8").splitlines()[1:]
    wanted = dict(line.split("\t")[:2] for line in lines if line.strip())
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for n, line in enumerate(corpus.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{corpus.name}, line {n}: not JSON ({e})") from e
        if isinstance(doc, dict) and doc.get("id") in wanted:
            found[doc["id"]] = (f"{corpus}:{n}", {name: doc.get(name) for name in _NEWS_FIELDS})
    articles = [article_from_json(doc, where, None) for _, (where, doc) in sorted(found.items())]
    differing = tuple(a.id for a in articles
                      if hashlib.sha256(a.text.encode("utf-8")).hexdigest() != wanted[a.id])
    missing = tuple(sorted(set(wanted) - set(found)))
    return articles, TextCheck(len(articles) - len(differing), differing, missing)


Score = ArticleScore | ClassScore | RoleScore | KeyEventScore | ExhaustiveScore


@dataclass
class DevScores:
    """Every figure of the dev sets: the seed article, 5-way classes, role spans and, when a
    gathered corpus was given, the dev news key events and exhaustive events."""

    seed: ArticleScore
    penta: ClassScore
    roles: RoleScore
    news_keys: KeyEventScore | None = None
    news_exhaustive: ExhaustiveScore | None = None
    texts: TextCheck | None = None

    def _sets(self) -> dict[str, Score]:
        sets: dict[str, Score | None] = {
            "seed": self.seed, "penta": self.penta, "roles": self.roles,
            "news_keys": self.news_keys, "news_exhaustive": self.news_exhaustive}
        return {name: score for name, score in sets.items() if score is not None}

    def figures(self) -> dict[str, dict[str, float]]:
        """Set -> figure -> value."""
        return {name: score.figures() for name, score in self._sets().items()}

    def counts(self) -> dict[str, dict[str, Count]]:
        """Set -> figure -> (hits, out of), for the sets that keep their counts."""
        return {name: score.counts() for name, score in self._sets().items()
                if isinstance(score, KeyEventScore | ExhaustiveScore)}


def evaluate_dev(dev: Path, corpus: Path | None = None, pipeline: Pipeline | None = None) -> DevScores:
    """Every dev figure of a dev folder (../shared/dev), the news sets only with a gathered corpus.

    Each text set is coded once, all by one pipeline, in batches.
    """
    missing = [name for name in DEV_FILES + (NEWS_FILES if corpus else ()) if not (dev / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{dev}: no {', '.join(missing)}")
    if pipeline is None:
        from detente.pipeline import Pipeline

        pipeline = Pipeline(batch_size=64)
    coder = functools.partial(pipeline_coder, pipeline=pipeline)
    scores = DevScores(
        seed=evaluate_articles(dev / "seed_gold.jsonl", dev / "seed_article.txt", SEED_PUBLISHED,
                               coder=coder),
        penta=evaluate_classes(dev / "pentaclass_dev.tsv", coder),
        roles=evaluate_roles(dev / "actor_roles_dev.conll", coder),
    )
    if corpus is not None:
        articles, scores.texts = read_news_corpus(corpus, dev / "news")
        events = code_articles(articles, pipeline)
        ids = {a.id for a in articles}
        dated = {a.id for a in articles if a.published_basis == "metadata"}
        keys = [g for g in read_key_events(dev / "news" / "gold.jsonl") if g.article_id in ids]
        scores.news_keys = score_key_events(keys, events, dated)
        every = [g for g in read_exhaustive_gold(dev / "news" / "exhaustive.jsonl") if g.article_id in ids]
        scores.news_exhaustive = score_exhaustive(every, events)
    return scores


# ---------------------------------------------------------------- floors of the dev figures


def floor_of(value: float) -> float:
    """The floor a figure sets: its value rounded down to three decimals."""
    return math.floor(value * 1000 + 1e-9) / 1000


@dataclass(frozen=True)
class FloorStep:
    """One floor a figure has had: its value, the day it was set, and why, if it lowered an earlier one."""

    floor: float
    since: str
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"floor": self.floor, "since": self.since, **({"reason": self.reason} if self.reason else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FloorStep:
        return cls(float(d["floor"]), str(d["since"]), d.get("reason"))


@dataclass
class FigureFloor:
    """A figure's floor now, and the floors it had before, oldest first."""

    now: FloorStep
    history: list[FloorStep] = field(default_factory=list)


@dataclass
class Baseline:
    """The floors of the dev figures (set -> figure -> floor), each with its history.

    Floors are raised when figures rise (`raise_to`); a floor below an earlier floor of its
    figure must carry a reason, else `errors` names it.
    """

    about: list[str]
    floors: dict[str, dict[str, FigureFloor]]

    @classmethod
    def read(cls, path: Path) -> Baseline:
        """A baseline file (JSON: `about` lines, then `floors`)."""
        data = json.loads(path.read_text("utf-8"))
        try:
            return cls(list(data.get("about", [])), {
                kind: {name: FigureFloor(FloorStep.from_dict(entry),
                                         [FloorStep.from_dict(h) for h in entry.get("history", [])])
                       for name, entry in figures.items()}
                for kind, figures in data["floors"].items()})
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ValueError(f"{path.name}: not a baseline of floors ({e})") from e

    def write(self, path: Path) -> None:
        """Write the baseline back as JSON."""
        floors = {kind: {name: {**entry.now.as_dict(), "history": [h.as_dict() for h in entry.history]}
                         for name, entry in figures.items()}
                  for kind, figures in self.floors.items()}
        text = json.dumps({"about": self.about, "floors": floors}, indent=2, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")

    def floor(self, kind: str, name: str) -> float | None:
        """A figure's floor, or None if the baseline has none for it."""
        entry = self.floors.get(kind, {}).get(name)
        return None if entry is None else entry.now.floor

    def errors(self) -> list[str]:
        """Floors out of [0, 1], and floors below an earlier floor of their figure that give no reason.

        A floor lowered with a reason is the bar for the floors after it.
        """
        found = []
        for kind, figures in self.floors.items():
            for name, entry in figures.items():
                bar: FloorStep | None = None
                for step in [*entry.history, entry.now]:
                    if not 0.0 <= step.floor <= 1.0:
                        found.append(f"{kind}.{name}: floor {step.floor} is not between 0 and 1")
                    if bar is not None and step.floor < bar.floor and not step.reason:
                        found.append(f"{kind}.{name}: floor {step.floor} (since {step.since}) is below "
                                     f"the earlier {bar.floor} (since {bar.since}) and gives no reason")
                    elif bar is None or step.reason or step.floor > bar.floor:
                        bar = step
        return found

    def raise_to(self, figures: dict[str, dict[str, float]], since: str) -> list[str]:
        """Raise every floor its figure now exceeds to the figure rounded down (the old floor goes to
        the history), and give figures without a floor their first; the names of those changed."""
        changed = []
        for kind, values in figures.items():
            for name, value in values.items():
                entry = self.floors.setdefault(kind, {}).get(name)
                new = FloorStep(floor_of(value), since)
                if entry is None:
                    self.floors[kind][name] = FigureFloor(new)
                elif new.floor > entry.now.floor:
                    entry.history.append(entry.now)
                    entry.now = new
                else:
                    continue
                changed.append(f"{kind}.{name}")
        return changed


@dataclass(frozen=True)
class GateRow:
    """One figure of the dev gate: its value and counts, its floor, and whether it holds."""

    kind: str
    name: str
    value: float
    count: Count | None
    floor: float | None

    @property
    def passed(self) -> bool:
        return self.floor is None or self.value + 1e-9 >= self.floor


def gate(scores: DevScores, baseline: Baseline | None) -> list[GateRow]:
    """Every dev figure against its floor (no floor when the baseline has none or there is no baseline)."""
    counts = scores.counts()
    return [GateRow(kind, name, value, counts.get(kind, {}).get(name),
                    baseline.floor(kind, name) if baseline else None)
            for kind, values in scores.figures().items() for name, value in values.items()]


def report_lines(score: ArticleScore | ClassScore | RoleScore) -> list[str]:
    """A human-readable report of a score, headline last."""
    lines: list[str] = []
    if isinstance(score, ArticleScore):
        for t, (found, total) in sorted(score.per_type.items()):
            lines.append(f"  {t:10} found {found}/{total}")
        lines.append(f"records: {score.n_events}")
        lines.append(f"core recall {score.core_recall:.2f}  all recall {score.all_recall:.2f}  "
                     f"date accuracy {score.date_accuracy:.2f}  precision {score.precision:.2f}")
    elif isinstance(score, ClassScore):
        lines.append("per-class F1: " + " ".join(f"{c}:{f:.2f}" for c, f in score.per_class_f1.items()))
        lines.append("accuracy by confidence of the sentence's top record:")
        lines.extend(f"  {band:10} n={n:5d}  accuracy {acc:.3f}" for band, n, acc in score.bands)
        lines.append(f"accuracy {score.accuracy:.3f}  macro-F1 {score.macro_f1:.3f}")
    else:
        lines.append("source precision by type: " + " ".join(
            f"{t}:{p:.2f}" for t, p in score.per_type_precision.items()))
        lines.append("source-span precision by record confidence:")
        lines.extend(f"  {band:10} n={n:5d}  precision {p:.3f}" for band, n, p in score.bands)
        for name, (p, r, f) in (("source", score.source), ("target", score.target)):
            lines.append(f"{name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
        lines.append(f"span F1 source {score.source[2]:.3f} target {score.target[2]:.3f}")
    return lines
