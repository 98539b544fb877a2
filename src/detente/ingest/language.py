"""Which language a document is in: scripts and function words, no model, nothing downloaded.

Latin-script text is scored by the share of its words that are common function words of
each language in `data/function_words.tsv`; other scripts are named by their Unicode
script. Too little text to tell gives None, and such a document is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 8          # fewer words than this: undecided
MIN_SHARE = 0.12       # a language must cover this share of words to be named
SCRIPT_SHARE = 0.5     # share of letters in one non-Latin script that names the script
SAMPLE_CHARS = 5000    # the first characters are enough to tell


@dataclass(frozen=True)
class Guess:
    """A language code (ISO 639-1, or a script name such as 'cyrillic'), with its evidence."""

    language: str
    share: float


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Function words per language code, from the data file."""
    text = resources.files("detente.ingest").joinpath("data", "function_words.tsv").read_text("utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, words = line.split("\t", 1)
        out[code] = frozenset(words.split())
    return out


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].lower() if name else "unknown"


def detect_language(text: str) -> Guess | None:
    """The language of `text`, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    scripts = Counter(_script(ch) for ch in letters)
    script, n = scripts.most_common(1)[0]
    if script != "latin" and n / len(letters) >= SCRIPT_SHARE:
        return Guess(script, n / len(letters))
    words = [w.lower() for w in WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    shares = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in function_words().items()}
    lang, share = max(shares.items(), key=lambda kv: kv[1])
    if share < MIN_SHARE:  # names, numbers, a list: keep rather than guess
        return None
    return Guess(lang, share)


def is_english(text: str, declared: str | None = None) -> tuple[bool, str | None]:
    """Whether to code `text` as English, and the language code to record.

    The text decides; the declared language (metadata, `<html lang>`) only when the
    text is too short to tell.
    """
    guess = detect_language(text)
    if guess is None:
        lang = declared.split("-")[0].lower() if declared else None
        return (lang in (None, "en")), lang
    return guess.language == "en", guess.language
