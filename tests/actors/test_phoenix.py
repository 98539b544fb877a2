"""What the project takes from the Phoenix dictionaries of PETRARCH2 (agent nouns, armed groups,
international organisations, country name forms, earlier leaders): the entries resolve in
sentences written for detente, the words left out stay out, the project's own tables win, and
tools/build_phoenix.py rebuilds the committed files from the reference folder."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from tests.actors.conftest import mention_of

from detente.actors.dictionary import _rows, load_entries

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "detente" / "actors" / "data"
PHOENIX_FILES = ("agents.tsv", "organisations_phoenix.tsv", "countries_phoenix.tsv", "people_phoenix.tsv")
D18 = "2018-03-01"

# (published, sentence, phrase, expected code)
CASES: list[tuple[str, str, str, str]] = [
    # agent nouns, with a country adjective
    (D18, "Armenian riot police dispersed the crowd outside the ministry.", "Armenian riot police", "ARMCOP"),
    (D18, "Nigerian farmers blocked the highway for a second day.", "Nigerian farmers", "NGAAGR"),
    (D18, "Mexican drug traffickers ambushed a convoy near the border.", "Mexican drug traffickers",
     "MEXCRM"),
    (D18, "Syrian government troops shelled the town overnight.", "Syrian government troops", "SYRMIL"),
    (D18, "A Kenyan rights group condemned the arrests.", "Kenyan rights group", "KENHRI"),
    (D18, "Israeli settlers marched through the old city.", "Israeli settlers", "ISRCVL"),
    (D18, "An Italian tribunal ordered the release of the ship.", "Italian tribunal", "ITAJUD"),
    (D18, "Turkish paramilitary forces crossed into the valley.", "Turkish paramilitary forces", "TURMIL"),
    (D18, "Two Filipino soldiers and a Filipino militiaman were wounded.", "Filipino militiaman", "PHLREB"),
    # the project's own reading wins: protesters are civilians, a spokesman speaks for the state
    (D18, "An Iranian protester was detained on Monday.", "Iranian protester", "IRNCVL"),
    (D18, "Greek government spokesmen denied the report.", "Greek government spokesmen", "GRCGOV"),
    # offices: specific where the project is (defence MIL), GOV otherwise
    (D18, "The Peruvian minister for defence resigned.", "Peruvian minister for defence", "PERMIL"),
    (D18, "The Chilean transport minister opened the bridge.", "Chilean transport minister", "CHLGOV"),
    # armed groups and parties
    (D18, "The Moro Islamic Liberation Front signed a ceasefire with Manila.",
     "Moro Islamic Liberation Front", "PHLREBMIF"),
    (D18, "Lashkar-e-Taiba claimed the attack on the checkpoint.", "Lashkar-e-Taiba", "PAKREBLET"),
    (D18, "The Kurdistan Freedom Hawks claimed the bombing in Ankara.", "Kurdistan Freedom Hawks",
     "TURREBTAK"),
    (D18, "FARC-EP commanders met the negotiators in Havana.", "FARC-EP", "COLREBFRC"),
    (D18, "The Polisario Front rejected the proposal.", "Polisario Front", "ESHREBPOL"),
    (D18, "The Islamic Resistance Movement fired rockets at the south.", "Islamic Resistance Movement",
     "PSEREBHAM"),
    (D18, "The Patriotic Union of Kurdistan won the most seats in Sulaimaniya.",
     "Patriotic Union of Kurdistan", "IRQPTYPUK"),
    # international organisations and NGOs
    (D18, "The Islamic Development Bank approved a loan to Senegal.", "Islamic Development Bank", "IGOISD"),
    (D18, "The Inter-Parliamentary Union condemned the arrest of the deputies.", "Inter-Parliamentary Union",
     "IGOIPU"),
    (D18, "The East African Community admitted a new member.", "East African Community", "IGOEAC"),
    (D18, "The Norwegian Refugee Council warned of a famine.", "Norwegian Refugee Council", "NGONRC"),
    # country name forms
    (D18, "Two Dutchmen were detained at the airport.", "Dutchmen", "NLD"),
    (D18, "S.Korea and Japan agreed to resume talks.", "S.Korea", "KOR"),
    # earlier leaders, in office and after it
    ("1995-03-01", "Prime Minister Tomiichi Murayama apologised for the war.", "Tomiichi Murayama", "JPNGOV"),
    (D18, "Former Japanese leader Tomiichi Murayama visited Seoul.", "Tomiichi Murayama", "JPNELI"),
    ("1992-05-01", "Chancellor Helmut Kohl met the French president.", "Helmut Kohl", "DEUGOV"),
]


@pytest.mark.parametrize(("published", "text", "phrase", "code"), CASES, ids=[c[2] for c in CASES])
def test_phoenix_entries_resolve(published: str, text: str, phrase: str, code: str) -> None:
    mention = mention_of(text, phrase, date.fromisoformat(published))
    assert mention is not None, f"no actor found for {phrase!r}"
    assert mention.actor.code == code


@pytest.mark.parametrize(("text", "phrase"), [
    ("The authority to sign the treaty lies with parliament.", "authority"),
    ("A village near the river was flooded overnight.", "village"),
    ("Each person in the room was searched.", "person"),
    ("Muslims around the world marked the holiday.", "Muslims"),
    ("Oil producers agreed to keep output steady.", "producers"),
    ("He has lived in exile since the coup.", "exile"),
])
def test_words_left_out_do_not_become_actors(text: str, phrase: str) -> None:
    mention = mention_of(text, phrase, date(2018, 3, 1))
    assert mention is None or (mention.actor.code is None and text[mention.start : mention.end] != phrase)


def test_words_left_out_do_not_change_an_actor() -> None:
    """A rank beside an office, a faith beside a role, Japan's forces: the phrase keeps the
    actor the project's words give it."""
    day = date(2018, 3, 1)
    deputy = mention_of("The deputy foreign minister of Japan arrived in Seoul.", "deputy foreign minister",
                        day)
    assert deputy is not None and deputy.actor.code == "JPNGOV"
    islamist = mention_of("Somali Islamist militants attacked the base.", "Somali Islamist militants", day)
    assert islamist is not None and islamist.actor.code == "SOMREB"
    sdf = mention_of("Japan's Self-Defense Forces joined the drills.", "Self-Defense Forces", day)
    assert sdf is not None and sdf.actor.code == "JPNMIL"


def test_the_project_tables_win_where_both_define_a_phrase() -> None:
    own = {row["phrase"].lower() for row in _rows("sectors.tsv")}
    agents = [row["phrase"] for row in _rows("agents.tsv")]
    assert len(agents) > 4000 and not own & set(agents)
    entries = {(e.phrase, e.kind): e for e in load_entries()}
    assert entries[("Islamic Jihad", "organisation")].code == "PSEREBPIJ"  # not Hezbollah, as Phoenix has it
    assert entries[("police", "sector")].sector == "COP"


def test_phoenix_codes_fit_the_project_scheme() -> None:
    sectors = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SPY", "BUS", "MED", "CVL", "REF",
               "EDU", "REL", "LAB", "HLH", "ELI", "IGO", "NGO", "CRM", "AGR", "ENV", "HRI", "RAD"}
    assert {row["sector"] for row in _rows("agents.tsv")} <= sectors
    scheme = re.compile(r"IGO[A-Z0-9]{3}([A-Z]{3})?|NGO[A-Z]{3}|IMG[A-Z]{6}|[A-Z]{3}[A-Z]{3}([A-Z0-9]{3})?")
    for row in _rows("organisations_phoenix.tsv"):
        assert scheme.fullmatch(row["code"]), row["code"]
        assert row["sector"] in sectors


def test_each_phoenix_file_names_its_source_and_licence() -> None:
    for filename in PHOENIX_FILES:
        head = (DATA / filename).read_text("utf-8").split("\n", 40)[:40]
        comments = " ".join(line.lstrip("# ") for line in head if line.startswith("#"))
        assert "version:" in comments
        assert "openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf" in comments
        assert "MIT licence" in comments and "Open Event Data Alliance" in comments


def _reference() -> Path:
    """../shared/reference/petrarch2 beside the project (or beside one of its parents, for a
    worktree); skip without it."""
    for parent in ROOT.parents:
        ref = parent / "shared" / "reference" / "petrarch2"
        if (ref / "Phoenix.agents.txt").is_file():
            return ref
    pytest.skip("../shared/reference/petrarch2 is not present")


@cache
def _tool() -> ModuleType:
    """tools/build_phoenix.py, imported from its path (tools/ is no package)."""
    spec = importlib.util.spec_from_file_location("build_phoenix", ROOT / "tools" / "build_phoenix.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_build_tool_reproduces_the_committed_files(tmp_path: Path) -> None:
    ref = _reference()
    tool = _tool()
    tool.build_agents(ref, tmp_path / "agents.tsv")
    tool.build_organisations(ref, tmp_path / "organisations_phoenix.tsv")
    tool.build_countries(ref, tmp_path / "countries_phoenix.tsv")
    tool.build_people(ref, tmp_path / "people_phoenix.tsv")
    for filename in PHOENIX_FILES:
        assert (tmp_path / filename).read_text("utf-8") == (DATA / filename).read_text("utf-8"), (
            f"{filename} differs from what tools/build_phoenix.py builds: rerun it")


def test_the_build_tool_leaves_out_the_words_it_lists() -> None:
    tool = _tool()
    agents = {row["phrase"] for row in _rows("agents.tsv")}
    excluded = set().union(*tool.EXCLUDED.values())
    assert not agents & excluded
    assert tool.excluded("ambassador to") and tool.excluded("kingdom") and not tool.excluded("riot police")
    assert tool.plural("attorney general") == "attorneys general"
    assert tool.plural("brigadier general") == "brigadier generals"
    assert tool.plural("police") is None
    assert tool.recase("LASHKAR-E-TAIBA") == "Lashkar-e-Taiba"
    assert tool.recase("AL-QAEDA IN IRAQ") == "al-Qaeda in Iraq"
