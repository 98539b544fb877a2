"""The CAMEO table agrees with the reference facts in ../shared/reference."""

import csv

from detente.coding.ontology import cameo, cameo_table
from detente.records import PLOVER_TYPES


def test_every_code_has_consistent_quad_and_root():
    for code, c in cameo_table().items():
        assert c.root == code[:2]
        root = int(c.root)
        assert c.quad_class == (1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4)
        assert c.plover is None or c.plover in PLOVER_TYPES
        assert -10 <= c.goldstein <= 10


def test_statements_have_no_plover_type_and_appeals_are_requests():
    """PLOVER has no statements; an appeal (02x) is REQUEST with the mode and context of the
    demand it parallels (10x); its CAMEO code and Goldstein score keep it apart from one."""
    assert cameo("010").plover is None
    assert cameo("190").plover == "ASSAULT"
    pairs = (("020", "100"), ("0253", "1053"), ("026", "106"), ("0241", "1041"), ("0234", "1034"))
    for appeal, demand in pairs:
        a, d = cameo(appeal), cameo(demand)
        assert (a.plover, a.mode, a.context) == (d.plover, d.mode, d.context) and a.plover == "REQUEST"
        assert a.goldstein > d.goldstein  # asking is milder than demanding


def test_a_denial_of_responsibility_is_reject_with_its_own_code_and_score():
    """CAMEO 016 has no line in the PLOVER table; a denial refuses an accusation, so REJECT,
    its statement root, quad class and Goldstein score kept."""
    c = cameo("016")
    assert (c.plover, c.root, c.quad_class, c.goldstein) == ("REJECT", "01", 1, -5.0)


def test_a_signed_agreement_is_agree():
    """CAMEO 057 keeps its code and score; its PLOVER type is AGREE, not SUPPORT."""
    c = cameo("057")
    assert (c.plover, c.root, c.goldstein) == ("AGREE", "05", 8.0)


def test_table_matches_reference(shared):  # type: ignore[no-untyped-def]
    with open(shared / "reference" / "cameo_codes.csv", encoding="utf-8") as f:
        ref = {r["code"]: r for r in csv.DictReader(f)}
    table = cameo_table()
    assert set(ref) == set(table)
    for code, r in ref.items():
        assert table[code].goldstein == float(r["goldstein"]), code
        assert table[code].name == r["name"]
    plover = {}
    for line in (shared / "reference" / "cameo2plover.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            code, rest = line.split(":", 1)
            plover[code.strip()] = rest.split(",")[0].strip()
    moved = {"057": "AGREE"}  # tools/build_ontology.py AS_CODE: a signed agreement is AGREE
    for code, ptype in plover.items():
        if code in table:
            assert table[code].plover == moved.get(code, ptype), code
