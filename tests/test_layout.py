"""Article layout: headline, bylines, stamps, datelines, captions and furniture kept apart
from the story; every line break left ends a sentence. Texts written for these tests."""

from __future__ import annotations

import pytest

from detente import nlp
from detente.layout import dateline_end, layout, parse_text

PAGE = """Skip to content
Accessibility links
• Home
• World
World News

Kenya reopens border crossing with Ethiopia after talks

By Jane Roe and Omar Said
Posted at 9:14 AM, Mar 4, 2021

NAIROBI, March 4 (Reuters) -- Kenya on Thursday reopened its main border crossing with Ethiopia
after two days of talks between the two governments.
Trucks waited at the crossing in Moyale on Thursday. (Photo: Jane Roe/AFP)

Kenyan officials said the agreement would be signed next week.
Share this article
"""


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in layout(text).blocks]


def test_page_furniture_bylines_stamps_captions() -> None:
    kinds = _kinds(PAGE)
    assert ("furniture", "Skip to content") in kinds
    assert ("furniture", "Accessibility links") in kinds
    assert ("furniture", "Home") in kinds
    assert ("headline", "Kenya reopens border crossing with Ethiopia after talks") in kinds
    assert ("byline", "By Jane Roe and Omar Said") in kinds
    assert ("stamp", "Posted at 9:14 AM, Mar 4, 2021") in kinds
    assert ("dateline", "NAIROBI, March 4 (Reuters) -- ") in kinds
    assert ("caption", "Trucks waited at the crossing in Moyale on Thursday. (Photo: Jane Roe/AFP)") in kinds
    assert ("furniture", "Share this article") in kinds
    assert layout(PAGE).headline == "Kenya reopens border crossing with Ethiopia after talks"
    assert layout(PAGE).dateline == "NAIROBI, March 4 (Reuters) --"


def test_parse_text_keeps_offsets_and_blanks_what_is_not_story() -> None:
    prepared = parse_text(PAGE)
    assert len(prepared) == len(PAGE)
    assert "Skip to content" not in prepared and "Reuters" not in prepared and "AFP" not in prepared
    assert "By Jane Roe" not in prepared and "9:14" not in prepared
    assert prepared.count("\n") < PAGE.count("\n")  # the wrapped lead is one line again
    for i, ch in enumerate(prepared):
        assert ch == PAGE[i] or ch == " ", i


def test_headline_is_never_glued_to_the_next_line() -> None:
    text = ("date 2021-03-04 Ghana recalls its ambassador to Togo\n"
            "The ambassador was recalled after a dispute over fishing rights.\n")
    blocks = layout(text).blocks
    assert [b.kind for b in blocks] == ["stamp", "headline", "body"]
    sents = [nlp.span_text(s).strip() for s in nlp.sentences(nlp.parse_one(text))]
    assert "Ghana recalls its ambassador to Togo" in sents
    assert "The ambassador was recalled after a dispute over fishing rights." in sents
    assert not any("date" in s for s in sents)


def test_a_repeated_headline_is_coded_once() -> None:
    text = ("Chile and Peru sign a fisheries accord\n\nChile and Peru sign a fisheries accord\n\n"
            "Chile and Peru signed a fisheries accord in Lima on Friday.")
    kinds = [b.kind for b in layout(text).blocks]
    assert kinds == ["headline", "furniture", "body"]


@pytest.mark.parametrize("line, dateline", [
    ("GENEVA — The talks resumed on Monday.", "GENEVA — "),
    ("Nairobi (AFP) Kenyan police arrested two men.", "Nairobi (AFP) "),
    ("(CNN) -- The minister resigned.", "(CNN) -- "),
    ("Kabul, Xinhua – Afghan forces retook the town.", "Kabul, Xinhua – "),
    ("Tbilisi, Oct. 3, (dpa) – Thousands marched.", "Tbilisi, Oct. 3, (dpa) – "),
    ("SAN SALVADOR/TEGUCIGALPA — Both governments agreed.", "SAN SALVADOR/TEGUCIGALPA — "),
])
def test_datelines(line: str, dateline: str) -> None:
    assert line[:dateline_end(line)] == dateline


@pytest.mark.parametrize("line", [
    "Iran — which denies the charge — said it would respond.",
    "North Korea said on Monday it would send athletes.",
    "Trump - the president said - would go.",
    "Turkey launched an offensive on Wednesday.",
])
def test_sentences_are_not_datelines(line: str) -> None:
    assert dateline_end(line) == 0


def test_a_dateline_is_never_an_actor() -> None:
    import detente

    events = detente.code("WASHINGTON (AP) -- Iran accused Israel of attacking a ship on Tuesday.",
                          published="2021-03-04")
    assert all(e.sentence.startswith("WASHINGTON (AP) -- Iran accused") for e in events)  # shown as printed
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    assert accusations and all(e.source and e.source.country == "IRN" for e in accusations)
    assert all("USA" not in (e.source and e.source.country, e.target and e.target.country) for e in events)


def test_wrapped_lines_are_joined() -> None:
    text = ("Kenya's president said on Monday that the government\n"
            "would reopen the border with Somalia next week.")
    assert layout(text).joins == (text.index("\n"),)
    sents = nlp.sentences(nlp.parse_one(text))
    assert len(sents) == 1


def test_hard_wrapped_wire_copy_is_joined_within_paragraphs() -> None:
    text = (
        "The foreign ministers of Chile and Argentina met in Santiago on\n"
        "Tuesday and agreed to reopen the Cristo Redentor pass, which was\n"
        "closed after heavy snow. Officials of both countries said the road\n"
        "would be cleared within a week.\n"
        "\n"
        "Argentina's foreign minister said the two governments would also\n"
        "discuss a new customs agreement in Buenos Aires later this month.\n"
    )
    joins = layout(text).joins
    assert len(joins) == 4
    assert text.index("\n\n") not in joins


def test_embedded_post_keeps_its_words_not_its_signature() -> None:
    text = ("Police fired tear gas at the crowd in the square. "
            "pic.twitter.com/AbC123 — Jo Bloggs (@jobloggs) March 4, 2021")
    prepared = parse_text(text)
    assert "Police fired tear gas at the crowd in the square." in prepared
    assert "jobloggs" not in prepared and "pic.twitter" not in prepared


def test_a_plain_paragraph_is_left_alone() -> None:
    text = "Japan accused North Korea of provocations on Thursday. Seoul agreed."
    assert parse_text(text) == text
    assert [b.kind for b in layout(text).blocks] == ["body"]


def test_a_lead_given_twice_reworded_is_coded_once() -> None:
    text = ("Chile and Peru signed a fisheries accord in Lima on Friday after three years of talks "
            "between the two governments.\n\n"
            "Chile and Peru have signed a fisheries accord in Lima on Friday after three years of talks "
            "between both governments.\n\nThe accord takes effect in June.")
    kinds = [b.kind for b in layout(text).blocks]
    assert kinds == ["body", "furniture", "body"]


def test_a_short_fragment_at_the_cut_is_left_out() -> None:
    text = ("Kenya reopened its border with Somalia on Monday.\n\n"
            "Officials said the crossing at Mandera would reopen first. "
            "Later, the minister said his talks with Som")
    prepared = parse_text(text)
    assert "crossing at Mandera would reopen first." in prepared and "talks with Som" not in prepared


def test_a_long_cut_sentence_keeps_its_clause() -> None:
    text = ("Kenya reopened its border with Somalia on Monday.\n\n"
            "It comes a day after Ethiopia moved its embassy in Somalia from the coast "
            "to the inland city of Baid")
    assert "Ethiopia moved its embassy" in parse_text(text)


def test_a_lead_is_shown_with_the_stamp_and_dateline_of_its_line() -> None:
    import detente

    events = detente.code("date 2021-03-04 Cairo (AFP) Egypt accused Ethiopia of stalling the talks.\n\n"
                          "Egypt also recalled its ambassador.", published="2021-03-04")
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    lead = "date 2021-03-04 Cairo (AFP) Egypt accused"
    assert accusations and all(e.sentence.startswith(lead) for e in accusations)
    assert all(not e.sentence.startswith("date") for e in events if e.event_type != "ACCUSE")
    assert all(e.source and e.source.country == "EGY" for e in events)
