"""Predicate patterns and coding cues, loaded from the data files and indexed for lookup.

- `data/patterns.jsonl`: verbs and event nouns with the constraints under which they code
  to a CAMEO code;
- `data/frames.tsv`: how a frame verb ("agree to", "refuse to", "threaten to") and the
  predicate of its complement code together;
- `data/cues.tsv`: light verbs, speech verbs and the words that mark a status.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from detente.coding.ontology import cameo
from detente.errors import DetenteError, Errors
from detente.records import STATUSES
from detente.speech import speech_words

FRAMES = ("intent", "refuse", "threat", "demand", "appeal")


@dataclass(frozen=True)
class Pattern:
    """A predicate (verb or event noun) and the constraints under which it codes to `cameo`."""

    id: str
    lemma: str
    pos: str
    cameo: str
    object: tuple[str, ...] = ()  # required object lemmas (dobj, or pobj of `prep`)
    prep: str | None = None  # object introduced by this preposition ("call for talks")
    object_prep: str | None = None  # nouns: "offer of talks"
    particle: str | None = None  # phrasal verbs ("give up")
    target_dep: tuple[str, ...] = ("dobj",)
    target_prep: tuple[str, ...] = ()
    frame: str | None = None  # takes a complement predicate: see data/frames.tsv
    object_is_target: bool = False  # "released the prisoners": the constrained object is the target
    # the word's other senses: objects that make it figurative ("battled cancer", "struck a
    # somber tone") and complements that make it another verb ("demonstrated that it works")
    not_object: tuple[str, ...] = ()
    not_deps: tuple[str, ...] = ()
    # prepositions one of which the verb must also have, beside its object ("called the
    # ambassador into the ministry": summoned, not phoned)
    with_prep: tuple[str, ...] = ()
    # what that phrase must name, when it is not any noun ("sought relief from sanctions")
    with_prep_object: tuple[str, ...] = ()
    crowd: str | None = None  # the code when crowds do it ("protesters gathered": a demonstration)
    origin: str = "detente"  # who wrote it: the project, or "petrarch2" (imported, see tools/)

    @property
    def specificity(self) -> int:
        """How constrained the pattern is: object lemmas count most, then particle, preposition."""
        return 2 * bool(self.object) + bool(self.particle) + bool(self.prep) + bool(self.with_prep)


def _data_lines(name: str) -> list[tuple[int, str]]:
    text = resources.files("detente.coding").joinpath(f"data/{name}").read_text("utf-8")
    return [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]


def _pattern(d: dict[str, Any], lemma: str, pos: str, particle: str | None) -> Pattern:
    p = Pattern(
        id=d["id"], lemma=lemma, pos=pos, cameo=d["cameo"],
        object=tuple(d.get("object") or ()), prep=d.get("prep"),
        object_prep=d.get("object_prep"), particle=particle,
        target_dep=tuple(d.get("target_dep", ["dobj"])),
        target_prep=tuple(d.get("target_prep") or ()), frame=d.get("frame"),
        object_is_target=bool(d.get("object_is_target")),
        not_object=tuple(d.get("not_object") or ()), not_deps=tuple(d.get("not_deps") or ()),
        with_prep=tuple(d.get("with_prep") or ()), with_prep_object=tuple(d.get("with_prep_object") or ()),
        crowd=d.get("crowd"), origin=d.get("origin", "detente"),
    )
    if p.crowd is not None:
        cameo(p.crowd)
    if p.frame is not None and p.frame not in FRAMES:
        raise ValueError(f"unknown frame {p.frame!r}")
    cameo(p.cameo)
    return p


def _read_patterns(name: str) -> Iterator[Pattern]:
    """The patterns of one file; an imported pattern over a group of verbs ("verbs": ["freeze",
    "stir up"]) gives one pattern per verb."""
    for n, line in _data_lines(name):
        try:
            d = json.loads(line)
            if "verbs" in d:
                for verb in d["verbs"]:
                    lemma, _, particle = verb.partition(" ")
                    yield _pattern(d, lemma, "VERB", particle or None)
            else:
                yield _pattern(d, d["lemma"], d["pos"], d.get("particle"))
        except (KeyError, ValueError, TypeError, DetenteError) as e:
            raise DetenteError(Errors.E102.format(file=name, line=n, reason=e)) from e


@cache
def load_patterns() -> dict[tuple[str, str], list[Pattern]]:
    """Patterns by (lemma, pos): the project's own first, then the imported ones, each most
    specific first (where both fit a predicate, the project's pattern wins)."""
    own: dict[tuple[str, str], list[Pattern]] = {}
    for p in _read_patterns("patterns.jsonl"):
        own.setdefault((p.lemma, p.pos), []).append(p)
    imported: dict[tuple[str, str], list[Pattern]] = {}
    kept_out = load_cues()["speech"]  # "said": its complement is the event, never its object
    for p in _read_patterns("patterns_petrarch.jsonl"):
        if p.lemma not in kept_out:
            imported.setdefault((p.lemma, p.pos), []).append(p)
    out: dict[tuple[str, str], list[Pattern]] = {}
    for key in {**own, **imported}:
        first = sorted(own.get(key, []), key=lambda p: -p.specificity)
        out[key] = first + sorted(imported.get(key, []), key=lambda p: -p.specificity)
    return out


@cache
def load_frames() -> dict[str, dict[str, str]]:
    """frame -> complement code prefix -> combined code."""
    out: dict[str, dict[str, str]] = {}
    for n, line in _data_lines("frames.tsv")[1:]:
        try:
            frame, prefix, code = line.split("\t")
            if frame not in FRAMES:
                raise ValueError(f"unknown frame {frame!r}")
            cameo(code)
        except (ValueError, DetenteError) as e:
            raise DetenteError(Errors.E102.format(file="frames.tsv", line=n, reason=e)) from e
        out.setdefault(frame, {})[prefix] = code
    return out


def frame_code(frame: str, complement: str) -> str | None:
    """The code of a frame over a complement coded `complement` (longest prefix wins)."""
    table = load_frames().get(frame, {})
    for k in range(len(complement), 1, -1):
        if complement[:k] in table:
            return table[complement[:k]]
    return None


@cache
def load_rewrites() -> tuple[tuple[str, str], ...]:
    """The rewrite rules of a coded predicate as (rule, status after), in the order they run."""
    out = []
    for n, line in _data_lines("rewrites.tsv")[1:]:
        rule, status, what = [*line.split("\t"), "", ""][:3]
        if status not in STATUSES or not what:
            raise DetenteError(Errors.E102.format(file="rewrites.tsv", line=n, reason=(
                f"want rule, status (one of {', '.join(STATUSES)}) and what, got {line!r}")))
        out.append((rule, status))
    return tuple(out)


@cache
def load_cues() -> dict[str, frozenset[str]]:
    """Cue word sets by kind (light, speech, future, planned_head, ...)."""
    out: dict[str, frozenset[str]] = {}
    for _, line in _data_lines("cues.tsv")[1:]:
        kind, words = line.split("\t", 1)
        out[kind] = frozenset(words.split())
    out["speech"] = speech_words().reporting  # one list with quotes: data/speech_words.tsv
    return out


def patterns_version() -> str:
    """Count of patterns and frames, kept with every run."""
    n_frames = sum(len(v) for v in load_frames().values())
    return f"patterns:{sum(len(v) for v in load_patterns().values())};frames:{n_frames}"
