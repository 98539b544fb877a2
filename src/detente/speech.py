"""Speech words, read once for the coder and for quotes: the verbs that report speech, the
speech verbs that are acts themselves, verbs of opinion, and nouns of persons speaking
(data/speech_words.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class SpeechWords:
    """The tables of data/speech_words.tsv."""

    verbs: frozenset[str]  # "said", "tweeted": report speech
    acts: frozenset[str]  # "warned", "accused": report speech and are coded acts
    opinions: frozenset[str]  # "believes", "hopes": a view, whose complement holds the event
    person_nouns: frozenset[str]

    @property
    def quoting(self) -> frozenset[str]:
        """The verbs a quote is attributed by."""
        return self.verbs | self.acts

    @property
    def reporting(self) -> frozenset[str]:
        """The verbs whose complement holds a reported event, whose speaker is not its actor."""
        return self.verbs | self.opinions


@cache
def speech_words() -> SpeechWords:
    """Load the speech-word tables once."""
    text = resources.files("detente").joinpath("data", "speech_words.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]

    def kind(name: str) -> frozenset[str]:
        return frozenset(w.strip() for k, w in rows if k == name)

    return SpeechWords(verbs=kind("verb"), acts=kind("act"), opinions=kind("opinion"),
                       person_nouns=kind("person_noun"))
