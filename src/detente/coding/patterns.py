"""Predicate patterns: the data file `data/patterns.jsonl`, loaded and indexed by lemma."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from detente.coding.ontology import cameo
from detente.errors import DetenteError, Errors


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
    light: bool = False  # a light verb whose object carries the event ("made the offer")

    @property
    def specificity(self) -> int:
        return 2 * bool(self.object) + bool(self.particle) + bool(self.prep)


@cache
def load_patterns() -> dict[tuple[str, str], list[Pattern]]:
    """Patterns by (lemma, pos), most specific first."""
    text = resources.files("detente.coding").joinpath("data/patterns.jsonl").read_text("utf-8")
    out: dict[tuple[str, str], list[Pattern]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            d = json.loads(line)
            p = Pattern(
                id=d["id"], lemma=d["lemma"], pos=d["pos"], cameo=d["cameo"],
                object=tuple(d.get("object") or ()), prep=d.get("prep"),
                object_prep=d.get("object_prep"), particle=d.get("particle"),
                target_dep=tuple(d.get("target_dep", ["dobj"])),
                target_prep=tuple(d.get("target_prep") or ()), light=bool(d.get("light")),
            )
            cameo(p.cameo)
        except (KeyError, ValueError, DetenteError) as e:
            raise DetenteError(Errors.E102.format(file="patterns.jsonl", line=n, reason=e)) from e
        out.setdefault((p.lemma, p.pos), []).append(p)
    for plist in out.values():
        plist.sort(key=lambda p: -p.specificity)
    return out


def patterns_version() -> str:
    """Count and hash-free version of the pattern file, kept with every run."""
    return f"patterns:{sum(len(v) for v in load_patterns().values())}"
