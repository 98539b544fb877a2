"""Place: the gazetteer, disambiguation by the article's countries, and landmarks.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from detente import nlp
from detente.records import Location
from detente.where import event_location, gazetteer, matches


def place_of(text: str, trigger: str, context: tuple[str, ...] = ()) -> Location | None:
    doc = nlp.parse_one(text)
    token = next(t for t in doc if t.text == trigger)
    return event_location(token, context)


def test_paris_france_by_default_and_paris_texas_when_qualified() -> None:
    loc = place_of("The ministers met in Paris on Monday.", "met")
    assert loc is not None and (loc.country, loc.admin1) == ("FRA", "FR.11")
    loc = place_of("The candidate spoke in Paris, Texas, on Monday.", "spoke")
    assert loc is not None and (loc.country, loc.admin1) == ("USA", "US.TX")


def test_paris_texas_from_the_articles_other_places() -> None:
    text = "Farmers rallied in Paris on Monday. Officials in Dallas and Houston said the rally was calm."
    loc = place_of(text, "rallied")
    assert loc is not None and loc.admin1 == "US.TX"


def test_georgia_country_or_us_state_by_context() -> None:
    text = "Russian troops massed in Georgia. Moscow and Tbilisi traded accusations."
    loc = place_of(text, "massed")
    assert loc is not None and (loc.country, loc.admin1) == ("GEO", None)
    text = "Voters protested in Georgia. Police in Atlanta said the crowd was peaceful."
    loc = place_of(text, "protested")
    assert loc is not None and (loc.country, loc.admin1) == ("USA", "US.GA")


def test_georgia_by_actor_countries() -> None:
    loc = place_of("Thousands protested in Georgia.", "protested", context=("USA", "USA"))
    assert loc is not None and loc.admin1 == "US.GA"
    loc = place_of("Thousands protested in Georgia.", "protested", context=("RUS",))
    assert loc is not None and loc.country == "GEO"


@pytest.mark.parametrize(("name", "country"), [
    ("Panmunjom", "PRK"), ("DMZ", None), ("Kerch Strait", None), ("Balakot", "PAK"),
    ("Line of Control", None), ("Golan Heights", "SYR"), ("Gaza Strip", "PSE"), ("West Bank", "PSE"),
    ("Strait of Hormuz", None), ("Donbas", "UKR"), ("Crimea", "UKR"), ("South China Sea", None),
])
def test_landmarks_are_in_the_gazetteer(name: str, country: str | None) -> None:
    (place,) = gazetteer().lookup(name)
    loc = place.location
    assert loc.country == country
    assert loc.lat is not None and -90 <= loc.lat <= 90 and loc.lon is not None and -180 <= loc.lon <= 180


def test_landmark_attached_to_the_predicate() -> None:
    loc = place_of("Both delegations will gather at the border village of Panmunjom on Friday.", "gather")
    assert loc is not None and loc.name == "Panmunjom"
    loc = place_of("The coast guard rammed three ships in the Kerch Strait.", "rammed")
    assert loc is not None and loc.name == "Kerch Strait"
    loc = place_of("Jets bombed a camp near Balakot at dawn.", "bombed")
    assert loc is not None and loc.name == "Balakot"


def test_cities_and_countries_carry_coordinates_and_ids() -> None:
    loc = place_of("The envoys talked in Seoul.", "talked")
    assert loc is not None and loc.country == "KOR" and loc.geonames_id == 1835848
    loc = place_of("Troops were deployed in South Korea.", "deployed")
    assert loc is not None and loc.country == "KOR" and loc.admin1 is None and loc.lat is not None


def test_event_noun_placed_through_its_verb() -> None:
    loc = place_of("The talks were held in Geneva.", "talks")
    assert loc is not None and loc.country == "CHE"


def test_no_place_gives_none() -> None:
    assert place_of("The army denied the report on Monday.", "denied") is None
    # a place that is not a locative of the predicate does not locate the event
    assert place_of("Seoul's envoy criticised the plan.", "criticised") is None


def test_lower_case_words_are_not_city_names() -> None:
    assert place_of("The talks ended in police custody.", "ended") is None


def test_country_aliases() -> None:
    loc = place_of("Thousands of troops are stationed in the US.", "stationed")
    assert loc is not None and loc.country == "USA" and loc.admin1 is None
    loc = place_of("The summit was held in Britain.", "held")
    assert loc is not None and loc.country == "GBR"


def test_a_place_name_modifying_the_object_is_not_the_place() -> None:
    text = "The council imposed new sanctions on the Pyongyang regime."
    assert place_of(text, "imposed") is None and place_of(text, "sanctions") is None
    loc = place_of("Jets struck a camp near the town of Balakot.", "struck")
    assert loc is not None and loc.name == "Balakot"
    loc = place_of("Police detained protesters at a square in Minsk.", "detained")
    assert loc is not None and loc.country == "BLR"


def test_participle_clause_places_the_main_event() -> None:
    loc = place_of("Speaking in Kabul, the envoy condemned the attack.", "condemned")
    assert loc is not None and loc.country == "AFG"


def test_dates_are_not_places() -> None:
    # March is also a town in England; on 5 March it is a month
    assert place_of("Japan condemned the launch on 5 March.", "condemned") is None
    assert place_of("Japan condemned the launch in May.", "condemned") is None


def test_a_country_after_on_is_a_target() -> None:
    assert place_of("Japan lifted sanctions on Iran.", "lifted") is None
    assert place_of("Japan lifted sanctions on Iran.", "sanctions") is None
    loc = place_of("Gunmen launched an attack on Kabul.", "attack")
    assert loc is not None and loc.name == "Kabul"


def test_washington_is_the_capital_and_alternate_names_are_single_words() -> None:
    loc = place_of("The two leaders will meet in Washington.", "meet")
    assert loc is not None and loc.admin1 == "US.DC"
    assert place_of("The two leaders met at the White House.", "met") is None
    loc = place_of("Protesters marched in Bombay.", "marched")
    assert loc is not None and loc.country == "IND"


@pytest.mark.parametrize(("text", "name"), [
    ("Envoys gathered in St. Louis last week.", "St. Louis"),
    ("Envoys gathered in Guinea-Bissau last week.", "Guinea-Bissau"),
    ("Envoys gathered in The Hague last week.", "The Hague"),
    ("Envoys gathered in New  York last week.", "New  York"),  # two spaces: a whitespace token
    ("Envoys gathered in Rio de Janeiro last week.", "Rio de Janeiro"),
])
def test_names_of_several_tokens_are_read_whole(text: str, name: str) -> None:
    """The reading goes on token by token while what it has read begins a name."""
    doc = nlp.parse_one(text)
    found = matches(doc)
    start = text.index(name)
    assert [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in found] == [
        (start, start + len(name))]

