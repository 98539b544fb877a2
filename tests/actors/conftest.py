"""Helpers for actor tests: parse a text, resolve its actors, find the mention of a phrase."""

from __future__ import annotations

from datetime import date

from detente.actors import find_mentions
from detente.nlp import parse_one
from detente.records import Mention


def mention_of(text: str, phrase: str, published: date | None, nth: int = 0) -> Mention | None:
    """The mention covering the `nth` occurrence of `phrase` (the narrowest), else one inside it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    mentions = find_mentions(parse_one(text), published).mentions
    covering = [m for m in mentions if m.start <= start and end <= m.end]
    if covering:
        return min(covering, key=lambda m: m.end - m.start)
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return max(inside, key=lambda m: m.end - m.start) if inside else None
