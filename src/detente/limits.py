"""Limits on what one document may cost: overlong sentences are skipped, coding is timed.

A run of text far longer than any real sentence (a table flattened into one line, a
crawler's junk) costs the parser and the coder time out of all proportion; it is blanked
before parsing, keeping every character offset, and the document gets a note (W001).
`time_limit` stops a document that takes too long, so one document cannot stall a batch.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from detente.errors import Errors, Warnings

# Where a rough sentence ends: ., ! or ? (with closing quotes or brackets) before
# whitespace, or a line break. Rough splits only ever make a run shorter than the
# parser's sentence, so a skipped run is at least as long as the limit says.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n")
_TOKEN = re.compile(r"\w+|[^\w\s]")


class DocumentTimeout(Exception):
    """A document took longer than the per-document time limit."""


def _too_long(segment: str, limit: int) -> bool:
    if len(segment) <= limit:  # a token is at least one character
        return False
    return any(n >= limit for n, _ in enumerate(_TOKEN.finditer(segment)))


def skip_long_sentences(text: str, max_tokens: int) -> tuple[str, list[str]]:
    """`text` with every sentence of over `max_tokens` tokens blanked (same length), and a note each."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _too_long(text[start:m.start()], max_tokens):
            spans.append((start, m.start()))
        start = m.end()
    if _too_long(text[start:], max_tokens):
        spans.append((start, len(text)))
    if not spans:
        return text, []
    pieces: list[str] = []
    done = 0
    for a, b in spans:
        pieces += [text[done:a], " " * (b - a)]
        done = b
    pieces.append(text[done:])
    return "".join(pieces), [Warnings.W001.format(start=a, end=b, limit=max_tokens) for a, b in spans]


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the block after `seconds` (0: no limit).

    Uses a real-time timer signal, so it is only enforced on the main thread of a process
    (the CLI and in-process runs); elsewhere (a Dask worker thread) the block runs unlimited.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(Errors.E204.format(seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
