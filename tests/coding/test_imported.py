"""What the project takes from PETRARCH2's CAMEO verb dictionary: the imported phrase patterns
code sentences written for detente, the project's own patterns win where both fit, a verb
group expands to its verbs (phrasal ones too), and tools/build_cameo_verbs.py rebuilds the
committed file from the reference folder."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from detente.coding.patterns import load_patterns

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "detente" / "coding" / "data" / "patterns_petrarch.jsonl"
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2"


def _tool() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))
    path = ROOT / "tools" / "build_cameo_verbs.py"
    spec = importlib.util.spec_from_file_location("build_cameo_verbs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def code(pipeline):  # type: ignore[no-untyped-def]
    return lambda text: pipeline.code(text, published="2019-05-10")


@pytest.mark.parametrize("text, cameo", [
    ("The European Union froze aid to Mali after the coup.", "162"),
])
def test_an_imported_phrase_codes_a_sentence(code, text, cameo):  # type: ignore[no-untyped-def]
    events = [e for e in code(text) if e.evidence.rule.startswith("pattern:p2-")]
    assert [e.cameo for e in events] == [cameo]


def test_the_project_s_own_pattern_is_tried_first() -> None:
    for plist in load_patterns().values():
        origins = [p.origin for p in plist]
        assert origins == sorted(origins, key=lambda o: o != "detente"), plist[0].lemma


def test_an_imported_group_expands_to_its_verbs() -> None:
    rows = [json.loads(ln) for ln in DATA.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    assert rows and all(r["origin"] == "petrarch2" and r["verbs"] for r in rows)
    phrasal = next(r for r in rows if any(" " in v for v in r["verbs"]))
    lemma, particle = next(v for v in phrasal["verbs"] if " " in v).split(" ", 1)
    assert any(p.id == phrasal["id"] and p.particle == particle for p in load_patterns()[(lemma, "VERB")])


def test_the_phrase_reader_keeps_one_constraint() -> None:
    tool = _tool()
    sets = {"FOOD": ["food", "foodstuff"]}
    assert tool.constraint("AID", sets) == (None, ["aid"])
    assert tool.constraint("(INTO NETWORK)", sets) == ("into", ["network"])
    assert tool.constraint("&FOOD", sets) == (None, ["food", "foodstuff"])
    assert tool.constraint("{ARMS SHIPMENT}", sets) == (None, ["shipment"])
    assert tool.constraint("POLICE (TO BORDER)", sets) is None  # two constraints: left out
    assert tool._verb("+STIR_UP") == ("stir", "up") and tool._verb("FREEZE") == ("freeze", None)


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared is not here")
def test_the_tool_rebuilds_the_committed_file() -> None:
    tool = _tool()
    patterns, _ = tool.build(REFERENCE)
    lines = DATA.read_text("utf-8").splitlines()
    assert patterns == [json.loads(ln) for ln in lines if ln and not ln.startswith("#")]


def test_an_imported_phrase_of_another_sense_is_left_out(code):  # type: ignore[no-untyped-def]
    assert code("Officials gave no details.") == []
