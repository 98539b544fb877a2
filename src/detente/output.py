"""Writers for event records: JSONL, a JSON array, or TSV with flattened columns."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from detente.records import Event

TSV_COLUMNS = (
    "event_id", "article_id", "sentence_index", "date", "date_precision", "status",
    "source.code", "source.text", "target.code", "target.text", "event_type", "mode", "cameo",
    "goldstein", "quad_class", "location.name", "location.country", "speaker.text",
    "evidence.trigger", "evidence.rule", "confidence", "sentence",
)


def dotted_get(d: dict[str, Any], dotted: str) -> Any:
    """A nested value by a dotted name ("source.code"), None where a level is missing."""
    value: Any = d
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def tsv_cell(value: Any) -> str:
    """A value as one TSV cell: no tabs or newlines inside."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


class EventWriter:
    """Streams events to a text stream in one of the formats jsonl, json or tsv."""

    FORMATS = ("jsonl", "json", "tsv")

    def __init__(self, out: TextIO, fmt: str = "jsonl") -> None:
        if fmt not in self.FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(self.FORMATS)}")
        self.out, self.fmt, self.count = out, fmt, 0

    def __enter__(self) -> EventWriter:
        if self.fmt == "json":
            self.out.write("[")
        elif self.fmt == "tsv":
            self.out.write("\t".join(TSV_COLUMNS) + "\n")
        return self

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            d = e.as_dict()
            if self.fmt == "jsonl":
                self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
            elif self.fmt == "json":
                self.out.write(("," if self.count else "") + "\n" + json.dumps(d, ensure_ascii=False))
            else:
                self.out.write("\t".join(tsv_cell(dotted_get(d, c)) for c in TSV_COLUMNS) + "\n")
            self.count += 1
        self.out.flush()

    def __exit__(self, *exc: object) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n")
        self.out.flush()
