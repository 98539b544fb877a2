#!/usr/bin/env python3
"""Build src/detente/coding/data/cameo.tsv from the shared reference facts.

Run from the repository root when the reference tables change:
    python tools/build_ontology.py ../shared/reference
The output is one row per CAMEO code: code, name, Goldstein score, root, quad class,
PLOVER type, mode and contexts (contexts joined by ';'). Codes the conversion table does
not list inherit the PLOVER mapping of their nearest listed parent. CAMEO's appeals (02x),
which the table leaves out, take the mapping of the demand they parallel (10x, REQUEST): PLOVER's
REQUEST is asking another actor to act, appealed for or demanded; the CAMEO code and the
Goldstein score keep the two apart. A denial of responsibility (016), a statement in CAMEO, is
mapped as a rejection (120, REJECT): what it rejects is an accusation. Signing a formal agreement
(057), which the table puts under SUPPORT beside praise and apology, is mapped as agreeing (030,
AGREE): a signed peace deal or treaty is the agreement PLOVER's AGREE records, and coders of news
code it so.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# CAMEO quad classes (verbal coop 1, material coop 2, verbal conflict 3, material conflict 4)
# as used by GDELT: 01-04 -> 1, 05-08 -> 2, 09-13 -> 3, 14-20 -> 4.
# Codes mapped as another code the table lists: one it leaves out (016) and one it files
# apart from its kind (057; see the docstring).
AS_CODE = {"016": "120", "057": "030"}
QUAD = {f"{i:02d}": (1 if i <= 4 else 2 if i <= 8 else 3 if i <= 13 else 4) for i in range(1, 21)}


def parse_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        ptype = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        context = ";".join(c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";") if c.strip())
        out[code.strip()] = (ptype, mode, context)
    return out


def main(ref: Path, dest: Path) -> None:
    plover = parse_plover(ref / "cameo2plover.txt")
    rows = []
    with open(ref / "cameo_codes.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["code"]
            ptype, mode, context = "", "", ""
            # an appeal as its demand
            mapped = "10" + code[2:] if code.startswith("02") else AS_CODE.get(code, code)
            for k in range(len(mapped), 1, -1):
                if mapped[:k] in plover:
                    ptype, mode, context = plover[mapped[:k]]
                    break
            rows.append([code, r["name"], r["goldstein"], r["root_code"], str(QUAD[r["root_code"]]),
                         ptype, mode, context])
    with open(dest, "w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO codes with Goldstein scores (facts from the icews R package's table, MIT)\n")
        f.write("# and their PLOVER type/mode/context (facts from the OEDA CAMEO-to-PLOVER table,\n")
        f.write("# PLOVER manual draft 0.8; appeals, 02x, as the demands they parallel, 10x: REQUEST;"
                " a denial\n")
        f.write("# of responsibility, 016, as a rejection, 120; signing a formal agreement, 057, as agreeing,"
                " 030).\n")
        f.write("# Built by tools/build_ontology.py. version: 4\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "root", "quad_class", "plover", "mode", "context"])
        w.writerows(rows)


if __name__ == "__main__":
    ref = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
    main(ref, Path(__file__).resolve().parents[1] / "src/detente/coding/data/cameo.tsv")
