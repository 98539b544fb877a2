"""CAMEO codes, their Goldstein scores and quad classes, and the CAMEO -> PLOVER mapping.

The facts live in `data/cameo.tsv` (built by tools/build_ontology.py from the reference
tables); this module only loads and looks them up.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from detente.errors import DetenteError, Errors


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with everything an event record derives from it."""

    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...]


@cache
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes by code (leading zeros kept)."""
    text = resources.files("detente.coding").joinpath("data/cameo.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            root=row["root"],
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            mode=row["mode"] or None,
            context=tuple(c for c in row["context"].split(";") if c),
        )
    return table


def cameo(code: str) -> CameoCode:
    """Look up a CAMEO code; an unknown code is a programming or data error."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise DetenteError(Errors.E101.format(code=code)) from None


def ontology_version() -> str:
    """The version line of the CAMEO table, recorded with every run."""
    text = resources.files("detente.coding").joinpath("data/cameo.tsv").read_text("utf-8")
    for line in text.splitlines():
        if "version:" in line:
            return line.split("version:", 1)[1].strip()
    return "unknown"
