"""Within an article: surnames, titles, pronouns, descriptions, groups and counterparts."""

from __future__ import annotations

from datetime import date

from tests.actors.conftest import mention_of

from detente.actors import find_mentions
from detente.nlp import parse_one

D18 = date(2018, 1, 6)
D22 = date(2022, 6, 15)


def actor(text: str, phrase: str, day: date = D18, nth: int = 0) -> tuple[str | None, str | None]:
    mention = mention_of(text, phrase, day, nth)
    assert mention is not None, f"no actor for {phrase!r}"
    return mention.actor.code, mention.actor.name


def test_surname_after_a_full_mention() -> None:
    text = "Japanese Prime Minister Shinzo Abe visited Seoul. Abe said the talks went well."
    assert actor(text, "Abe", nth=1) == ("JPNGOV", "Shinzo Abe")


def test_surname_kim_follows_the_kim_named_before() -> None:
    text = "North Korean leader Kim Jong-un gave a speech. Later Kim inspected a factory."
    assert actor(text, "Kim", nth=1) == ("PRKGOV", "Kim Jong-un")


def test_surname_of_an_unlisted_person_after_a_full_mention() -> None:
    text = "Vincent Brooks, commander of US Forces Korea, spoke. Brooks said troops were ready."
    assert actor(text, "Brooks", nth=1) == ("USAMIL", "Vincent Brooks")


def test_title_and_surname() -> None:
    assert actor("President Moon urged calm.", "President Moon") == ("KORGOV", "Moon Jae-in")


def test_pronoun_he_refers_to_the_last_person() -> None:
    text = "US Defence Secretary James Mattis visited Seoul. He said the drills would resume."
    assert actor(text, "He") == ("USAMIL", "Jim Mattis")


def test_pronoun_it_refers_to_the_last_country() -> None:
    text = "North Korea said it would send athletes."
    assert actor(text, "it") == ("PRK", "North Korea")


def test_they_refers_to_a_plural_actor() -> None:
    text = "If the North Koreans continue their tests, they will face sanctions."
    assert actor(text, "they")[0] == "PRK"


def test_they_does_not_refer_to_a_single_country() -> None:
    text = "The drills angered Pyongyang. They amount to a rehearsal for war."
    mention = mention_of(text, "They", D18)
    assert mention is None


def test_his_country() -> None:
    text = "North Korean leader Kim Jong-un warned that his country had nuclear missiles."
    assert actor(text, "his country") == ("PRK", "North Korea")


def test_the_north_and_the_south() -> None:
    text = "North Korea and South Korea met. The North proposed talks and the South accepted."
    assert actor(text, "The North")[0] == "PRK"
    assert actor(text, "the South")[0] == "KOR"


def test_the_north_without_a_north_country_is_uncoded() -> None:
    m = mention_of("The North proposed talks.", "The North", D18)
    assert m is None or m.actor.code is None  # an actor, but which one the text does not say


def test_the_regime_is_the_government_of_the_country_named_before() -> None:
    text = "Sanctions on Iran were tightened. The regime denounced them."
    assert actor(text, "The regime")[0] == "IRNGOV"


def test_the_island_nation() -> None:
    text = "China sent warships near Taiwan. The island nation put its forces on alert."
    assert actor(text, "The island nation")[0] == "TWN"


def test_the_two_koreas_stand_for_both() -> None:
    mention = mention_of("The two Koreas agreed to talk.", "The two Koreas", D18)
    assert mention is not None
    assert [m.code for m in mention.members] == ["PRK", "KOR"]


def test_both_sides_are_the_two_countries_named_before() -> None:
    text = "Russia and Ukraine met in Istanbul. Both sides agreed to continue."
    mention = mention_of(text, "Both sides", D22)
    assert mention is not None
    assert sorted(m.code or "" for m in mention.members) == ["RUS", "UKR"]


def test_american_and_south_korean_troops() -> None:
    mention = mention_of("American and South Korean troops held drills.", "troops", D18)
    assert mention is not None
    assert [m.code for m in mention.members] == ["USAMIL", "KORMIL"]


def test_his_us_counterpart_named() -> None:
    text = "South Korean President Moon Jae-in and his US counterpart Donald Trump agreed."
    assert actor(text, "his US counterpart") == ("USAGOV", "Donald Trump")


def test_his_us_counterpart_unnamed_is_the_holder_of_the_same_office() -> None:
    text = "South Korean President Moon Jae-in called his US counterpart."
    assert actor(text, "his US counterpart") == ("USAGOV", "Donald Trump")
    text = "President Yoon Suk Yeol called his US counterpart."
    assert actor(text, "his US counterpart", D22) == ("USAGOV", "Joe Biden")


def test_the_trump_administration_is_the_us_government() -> None:
    assert actor("The Trump administration imposed tariffs.", "Trump administration")[0] == "USAGOV"


def test_for_token_finds_pronoun_subjects() -> None:
    doc = parse_one("US Defence Secretary James Mattis landed. He met troops.")
    index = find_mentions(doc, D18)
    he = next(t for t in doc if t.text == "He")
    mention = index.for_token(he)
    assert mention is not None and mention.actor.code == "USAMIL" and mention.rule == "pronoun"


def test_mentions_are_in_text_order() -> None:
    doc = parse_one("Moon Jae-in met Trump. He said China and Japan agreed.")
    starts = [m.start for m in find_mentions(doc, D18).mentions]
    assert starts == sorted(starts)


def test_expletive_it_stands_for_nothing() -> None:
    text = "Japan met Korea. It would be a good thing if the meeting went ahead."
    assert mention_of(text, "It", D18) is None


def test_it_inside_a_quotation_is_not_resolved() -> None:
    text = 'Japan met Korea. The minister said: "We will not read too much into it."'
    assert mention_of(text, "it.", D18) is None


def test_actors_for_expands_coordinated_actors() -> None:
    doc = parse_one("Moon Jae-in and Donald Trump agreed to delay the drills.")
    index = find_mentions(doc, D18)
    moon = doc.char_span(0, len("Moon Jae-in")).root
    assert [m.actor.code for m in index.actors_for(moon)] == ["KORGOV", "USAGOV"]


def test_the_group_is_the_organisation_named_before() -> None:
    text = "Hezbollah fired rockets at the border. The group said it was responding to strikes."
    assert actor(text, "The group")[0] == "LBNREBHEZ"


def test_the_alliance_without_an_organisation_before_is_uncoded() -> None:
    assert mention_of("Japan met Korea. The alliance held.", "The alliance", D18) is None


def test_north_and_south_korea_name_two_countries() -> None:
    text = "North and South Korea reopened their hotline."
    mention = mention_of(text, "North and South Korea", D18)
    assert mention is not None and [m.code for m in mention.members] == ["PRK", "KOR"]
    their = mention_of(text, "their", D18)
    assert their is not None and [m.code for m in their.members] == ["PRK", "KOR"]


def test_two_people_joined_by_a_misparse_stay_two() -> None:
    text = ("He missed meetings that Rouhani and Supreme Leader Ayatollah Ali Khamenei held "
            "with the Syrian president.")
    assert actor(text, "Rouhani", date(2019, 2, 27))[1] == "Hassan Rouhani"
    assert actor(text, "Khamenei", date(2019, 2, 27))[1] == "Ali Khamenei"


def test_a_misparse_does_not_give_one_person_anothers_country() -> None:
    text = "US President Donald Trump and North Korean leader Kim Jong Un signed a statement."
    assert actor(text, "Kim Jong Un") == ("PRKGOV", "Kim Jong-un")
    assert actor(text, "Donald Trump") == ("USAGOV", "Donald Trump")


def test_hyphenated_korean_names_are_whole() -> None:
    mention = mention_of("Kim Dong-chul was freed on Wednesday.", "Kim Dong-chul", D18)
    assert mention is not None and mention.actor.name == "Kim Dong-chul"


def test_without_a_date_titles_keep_their_country_and_no_holder() -> None:
    mention = mention_of("The US president signed the order.", "US president", None)
    assert mention is not None and mention.actor.code == "USAGOV" and mention.actor.name == "United States"
    mention = mention_of("Shinzo Abe signed the order.", "Shinzo Abe", None)
    assert mention is not None and mention.actor.code == "JPNGOV"


def test_the_country_after_a_person_is_their_country() -> None:
    text = "Shinzo Abe spoke on Monday. The country will raise defence spending."
    assert actor(text, "The country")[0] == "JPN"


def test_pronoun_records_the_mention_that_names_its_actor() -> None:
    text = "Chile said it would free the sailors it had detained."
    first = mention_of(text, "it", D18)
    second = mention_of(text, "it", D18, nth=1)
    chile = (0, len("Chile"))
    assert first is not None and first.rule == "pronoun" and first.antecedent == chile
    assert second is not None and second.antecedent == chile  # through "it", back to the name


def test_named_mentions_have_no_antecedent() -> None:
    mention = mention_of("Chile freed the sailors.", "Chile", D18)
    assert mention is not None and mention.antecedent is None


def test_unlisted_words_inside_a_title_keep_the_phrase_whole() -> None:
    text = "Kenyan Trade Minister Dr Peter Munya met the Ugandan army chief Gen. David Muhoozi."
    for phrase, code in (("Kenyan Trade Minister Dr Peter Munya", "KENGOV"),
                         ("Ugandan army chief Gen. David Muhoozi", "UGAMIL")):
        mention = mention_of(text, phrase, D18)
        assert mention is not None and mention.actor.code == code
        assert text[mention.start:mention.end] == phrase


def test_pronoun_prefers_the_subject_of_its_governing_clause() -> None:
    text = "A Kenyan court freed a worker of the French embassy after it had convicted him."
    assert actor(text, "it") == ("KENJUD", "Kenya")


def test_possessive_prefers_the_subject_over_a_nearer_possessor() -> None:
    text = "The Taliban spurned the Afghan government's offer and began its spring campaign."
    mention = mention_of(text, "its", D18)
    assert mention is not None and mention.actor.code == "AFGREBTAL"


def test_pronoun_in_a_relative_clause_means_the_noun_it_describes() -> None:
    text = "Moon Jae-in met Shinzo Abe, who told him his country wanted calm."
    assert actor(text, "his country")[0] == "JPN"  # not the sentence's subject, Moon


def test_agents_of_the_place_a_story_is_filed_from() -> None:
    """A dateline gives the country of the police and crowds a story names without one."""
    import detente

    text = ("TBILISI, March 4 (Reuters) - Thousands of protesters marched on Thursday. "
            "Police detained dozens of opposition supporters.")
    events = detente.code(text, published="2021-03-05")
    assert events and {e.source.country for e in events if e.source} == {"GEO"}
    assert not any(e.source and e.source.text.startswith("TBILISI") for e in events)


def test_a_description_as_object_is_not_its_clause_subject() -> None:
    """ "Britain lifted its sanctions on the former Soviet republic": not Britain itself."""
    text = "Britain lifted its sanctions on the former Soviet republic."
    m = mention_of(text, "the former Soviet republic", D18)
    assert m is not None and m.actor.country != "GBR"
