"""Table-driven actor phrases written for detente: each sentence, the phrase in it, and the
actor code (and name) a careful reader would give it on the article's date. "-" means the
phrase must keep its text and get no code."""

from __future__ import annotations

from datetime import date

import pytest
from tests.actors.conftest import mention_of

D18 = "2018-01-06"
D22 = "2022-06-15"
D19 = "2019-09-10"

# (published, sentence, phrase, expected code, expected canonical name or "" to skip)
CASES: list[tuple[str, str, str, str, str]] = [
    # -- countries, official and short names, abbreviations ------------------------------
    (D18, "The United States warned of new measures.", "The United States", "USA", "United States"),
    (D18, "The US warned of new measures.", "US", "USA", "United States"),
    (D18, "The U.S. warned of new measures.", "U.S.", "USA", "United States"),
    (D18, "America warned of new measures.", "America", "USA", ""),
    (D18, "Britain recalled its ambassador.", "Britain", "GBR", "United Kingdom"),
    (D18, "The UK recalled its ambassador.", "UK", "GBR", ""),
    (D18, "The United Kingdom recalled its ambassador.", "United Kingdom", "GBR", ""),
    (D18, "The DPRK rejected the proposal.", "DPRK", "PRK", "North Korea"),
    (D18, "The ROK accepted the proposal.", "ROK", "KOR", "South Korea"),
    (D18, "North Korea fired a missile.", "North Korea", "PRK", ""),
    (D18, "The Democratic People's Republic of Korea fired a missile.",
     "Democratic People's Republic of Korea", "PRK", ""),
    (D18, "The Republic of Korea condemned the launch.", "Republic of Korea", "KOR", ""),
    (D18, "Russia denied the report.", "Russia", "RUS", "Russia"),
    (D18, "The Russian Federation denied the report.", "Russian Federation", "RUS", "Russia"),
    (D18, "Iran seized a tanker.", "Iran", "IRN", ""),
    (D18, "The Islamic Republic of Iran seized a tanker.", "Islamic Republic of Iran", "IRN", ""),
    (D18, "Syria accused Israel of air strikes.", "Syria", "SYR", ""),
    (D18, "Syria accused Israel of air strikes.", "Israel", "ISR", ""),
    (D18, "Palestine asked for recognition.", "Palestine", "PSE", "Palestine"),
    (D18, "The State of Palestine asked for recognition.", "State of Palestine", "PSE", "Palestine"),
    (D18, "Vietnam protested to China.", "Vietnam", "VNM", ""),
    (D18, "Viet Nam protested to China.", "Viet Nam", "VNM", ""),
    (D18, "Myanmar expelled the envoy.", "Myanmar", "MMR", ""),
    (D18, "Burma expelled the envoy.", "Burma", "MMR", ""),
    (D18, "Ivory Coast closed its border.", "Ivory Coast", "CIV", ""),
    (D18, "Turkey shelled the border town.", "Turkey", "TUR", "Turkey"),
    (D18, "The Czech Republic expelled two diplomats.", "Czech Republic", "CZE", ""),
    (D18, "The UAE hosted the talks.", "UAE", "ARE", ""),
    (D18, "Saudi Arabia cut oil output.", "Saudi Arabia", "SAU", ""),
    (D18, "The Philippines protested to Beijing.", "Philippines", "PHL", ""),
    (D18, "Taiwan condemned the drills.", "Taiwan", "TWN", ""),
    (D18, "Ukraine asked for weapons.", "Ukraine", "UKR", ""),
    (D18, "New Zealand sent aid to Tonga.", "New Zealand", "NZL", ""),
    (D18, "New Zealand sent aid to Tonga.", "Tonga", "TON", ""),
    (D18, "Papua New Guinea declared an emergency.", "Papua New Guinea", "PNG", ""),
    (D18, "Equatorial Guinea closed its border.", "Equatorial Guinea", "GNQ", ""),
    (D18, "Guinea-Bissau held elections.", "Guinea-Bissau", "GNB", ""),
    (D18, "Guinea held elections.", "Guinea", "GIN", ""),
    (D18, "The Democratic Republic of the Congo accused Rwanda.", "Democratic Republic of the Congo",
     "COD", ""),
    (D18, "DR Congo accused Rwanda.", "DR Congo", "COD", ""),
    (D18, "Sri Lanka asked the IMF for a loan.", "Sri Lanka", "LKA", ""),
    # -- demonyms and adjectives with sectors --------------------------------------------
    (D18, "South Korean President Moon Jae-in met the envoy.", "South Korean President Moon Jae-in",
     "KORGOV", "Moon Jae-in"),
    (D18, "North Korean troops crossed the line.", "North Korean troops", "PRKMIL", ""),
    (D18, "Japanese officials protested.", "Japanese officials", "JPNGOV", ""),
    (D18, "American soldiers patrolled the area.", "American soldiers", "USAMIL", ""),
    (D18, "British police arrested two men.", "British police", "GBRCOP", ""),
    (D18, "Russian warplanes bombed the town.", "Russian warplanes", "RUSMIL", ""),
    (D18, "Chinese state media reported the visit.", "Chinese state media", "CHNMED", ""),
    (D18, "Iranian lawmakers approved the bill.", "Iranian lawmakers", "IRNLEG", ""),
    (D18, "Syrian rebels shelled the city.", "Syrian rebels", "SYRREB", ""),
    (D18, "Afghan insurgents attacked the base.", "Afghan insurgents", "AFGREB", ""),
    (D18, "Turkish prosecutors charged the editor.", "Turkish prosecutors", "TURJUD", ""),
    (D18, "An Egyptian court jailed the activist.", "Egyptian court", "EGYJUD", ""),
    (D18, "Venezuelan opposition leaders called a strike.", "Venezuelan opposition leaders", "VENOPP", ""),
    (D18, "Pakistani intelligence officials denied it.", "Pakistani intelligence officials", "PAKSPY", ""),
    (D18, "Israeli intelligence warned of an attack.", "Israeli intelligence", "ISRSPY", ""),
    (D18, "Indian companies signed the deal.", "Indian companies", "INDBUS", ""),
    (D18, "German banks froze the accounts.", "German banks", "DEUBUS", ""),
    (D18, "A French newspaper published the letter.", "French newspaper", "FRAMED", ""),
    (D18, "Lebanese civilians fled the south.", "Lebanese civilians", "LBNCVL", ""),
    (D18, "Rohingya refugees reached Bangladesh.", "Bangladesh", "BGD", ""),
    (D18, "Syrian refugees crossed into Turkey.", "Syrian refugees", "SYRREF", ""),
    (D18, "Kenyan students marched on parliament.", "Kenyan students", "KENEDU", ""),
    (D18, "Polish bishops criticised the law.", "Polish bishops", "POLREL", ""),
    (D18, "Nigerian trade unions called a strike.", "Nigerian trade unions", "NGALAB", ""),
    (D18, "Brazilian protesters blocked roads.", "Brazilian protesters", "BRACVL", ""),
    (D18, "Mexican security forces raided the ranch.", "Mexican security forces", "MEXCOP", ""),
    (D18, "The Iraqi government condemned the strike.", "Iraqi government", "IRQGOV", ""),
    (D18, "The Afghan army retook the district.", "Afghan army", "AFGMIL", ""),
    (D18, "The Ukrainian navy seized a vessel.", "Ukrainian navy", "UKRMIL", ""),
    (D18, "The Israeli military said it struck targets.", "Israeli military", "ISRMIL", ""),
    (D18, "Thai generals took power.", "Thai", "THA", ""),
    (D18, "The Americans rejected the offer.", "Americans", "USA", ""),
    (D18, "The Israelis and the Palestinians resumed talks.", "Palestinians", "PSE", ""),
    (D18, "28,500 US military personnel remain in the country.", "US military personnel", "USAMIL", ""),
    (D18, "Seoul's unification ministry announced the talks.", "Seoul's unification ministry", "KORGOV", ""),
    (D18, "North Korea's foreign ministry issued a statement.", "North Korea's foreign ministry",
     "PRKGOV", ""),
    (D18, "South Korea's defence ministry said the drills would go on.",
     "South Korea's defence ministry", "KORMIL", ""),
    (D18, "Japan's military raised its alert level.", "Japan's military", "JPNMIL", ""),
    (D18, "A Chinese foreign ministry spokesman urged restraint.", "Chinese foreign ministry spokesman",
     "CHNGOV", ""),
    (D18, "The Japanese defence minister visited the base.", "Japanese defence minister", "JPNMIL", ""),
    (D18, "Russian diplomats were expelled.", "Russian diplomats", "RUSGOV", ""),
    (D18, "Canadian journalists were detained.", "Canadian journalists", "CANMED", ""),
    (D18, "Sudanese migrants drowned off Libya.", "Sudanese migrants", "SDNREF", ""),
    (D18, "Filipino fishermen were rescued by the Philippine coast guard.", "Philippine coast guard",
     "PHLMIL", ""),
    # -- capitals and seats of power as metonyms ------------------------------------------
    (D18, "Pyongyang rejected the offer.", "Pyongyang", "PRKGOV", "North Korea"),
    (D18, "Seoul welcomed the move.", "Seoul", "KORGOV", ""),
    (D18, "Washington imposed new sanctions.", "Washington", "USAGOV", ""),
    (D18, "Beijing urged calm.", "Beijing", "CHNGOV", ""),
    (D18, "Moscow denied involvement.", "Moscow", "RUSGOV", ""),
    (D18, "The Kremlin denied involvement.", "Kremlin", "RUSGOV", ""),
    (D18, "The White House declined to comment.", "White House", "USAGOV", ""),
    (D18, "Downing Street said the talks were useful.", "Downing Street", "GBRGOV", ""),
    (D18, "Whitehall officials drafted the plan.", "Whitehall officials", "GBRGOV", ""),
    (D18, "Tehran threatened to close the strait.", "Tehran", "IRNGOV", ""),
    (D18, "Tokyo lodged a protest.", "Tokyo", "JPNGOV", ""),
    (D18, "Kyiv asked for air defences.", "Kyiv", "UKRGOV", ""),
    (D18, "Ankara summoned the envoy.", "Ankara", "TURGOV", ""),
    (D18, "New Delhi rejected the claim.", "New Delhi", "INDGOV", ""),
    (D18, "The Pentagon announced the deployment.", "Pentagon", "USAMIL", ""),
    (D18, "The Pyongyang regime fired a missile.", "Pyongyang regime", "PRKGOV", ""),
    (D18, "The Elysee said the president would attend.", "Elysee", "FRAGOV", ""),
    # -- organisations ------------------------------------------------------------------
    (D18, "The UN Security Council imposed sanctions.", "UN Security Council", "IGOUNOSEC", ""),
    (D18, "The Security Council imposed sanctions.", "Security Council", "IGOUNOSEC", ""),
    (D18, "The United Nations condemned the attack.", "United Nations", "IGOUNO", ""),
    (D18, "The UN General Assembly adopted the resolution.", "UN General Assembly", "IGOUNOGEN", ""),
    (D18, "The IAEA inspected the site.", "IAEA", "IGOUNOIAE", ""),
    (D18, "The World Health Organization declared an emergency.", "World Health Organization",
     "IGOUNOWHO", ""),
    (D18, "The UNHCR registered the refugees.", "UNHCR", "IGOUNOHCR", ""),
    (D18, "The World Food Programme delivered food.", "World Food Programme", "IGOUNOWFP", ""),
    (D18, "UNICEF vaccinated children.", "UNICEF", "IGOUNOKID", ""),
    (D18, "NATO deployed jets to the Baltic.", "NATO", "IGONAT", ""),
    (D18, "The European Union imposed tariffs.", "European Union", "IGOEUR", ""),
    (D18, "The EU imposed tariffs.", "EU", "IGOEUR", ""),
    (D18, "The African Union suspended Mali.", "African Union", "IGOAFU", ""),
    (D18, "ASEAN called for restraint.", "ASEAN", "IGOSEA", ""),
    (D18, "The Arab League condemned the move.", "Arab League", "IGOARL", ""),
    (D18, "OPEC agreed to cut output.", "OPEC", "IGOOPC", ""),
    (D18, "The G7 warned Russia.", "G7", "IGOG07", ""),
    (D18, "The G20 met in Buenos Aires.", "G20", "IGOG20", ""),
    (D18, "The IOC allowed the athletes to compete.", "IOC", "NGOIOC", ""),
    (D18, "The International Committee of the Red Cross visited the prison.",
     "International Committee of the Red Cross", "NGOICR", ""),
    (D18, "Amnesty International accused the army of torture.", "Amnesty International", "NGOAMN", ""),
    (D18, "Human Rights Watch documented the abuses.", "Human Rights Watch", "NGOHRW", ""),
    (D18, "Doctors Without Borders evacuated its staff.", "Doctors Without Borders", "NGOMSF", ""),
    (D18, "MSF evacuated its staff.", "MSF", "NGOMSF", ""),
    (D18, "The IMF approved a loan.", "IMF", "IGOIMF", ""),
    (D18, "The World Bank suspended funding.", "World Bank", "IGOWBK", ""),
    (D18, "The WTO ruled against the tariffs.", "WTO", "IGOWTO", ""),
    (D18, "The International Criminal Court issued a warrant.", "International Criminal Court", "IGOICC", ""),
    (D18, "CNN reported the meeting.", "CNN", "USAMED", "CNN"),
    (D18, "Xinhua reported the meeting.", "Xinhua", "CHNMED", ""),
    (D18, "KCNA said the test succeeded.", "KCNA", "PRKMED", ""),
    (D18, "Yonhap reported the test.", "Yonhap", "KORMED", ""),
    (D18, "The CIA briefed lawmakers.", "CIA", "USASPY", ""),
    (D18, "The Knesset passed the law.", "Knesset", "ISRLEG", ""),
    (D18, "The People's Liberation Army held drills.", "People's Liberation Army", "CHNMIL", ""),
    # -- armed groups -------------------------------------------------------------------
    (D18, "The Taliban attacked a checkpoint.", "Taliban", "AFGREBTAL", ""),
    (D18, "Hamas fired rockets.", "Hamas", "PSEREBHAM", ""),
    (D18, "Hezbollah denied the claim.", "Hezbollah", "LBNREBHEZ", ""),
    (D18, "ISIS claimed the attack.", "ISIS", "IMGREBISI", ""),
    (D18, "The Islamic State claimed the attack.", "Islamic State", "IMGREBISI", ""),
    (D18, "The Houthis fired a drone at the port.", "Houthis", "YEMREBHOU", ""),
    (D18, "Houthi rebels fired a drone.", "Houthi rebels", "YEMREBHOU", ""),
    (D18, "Boko Haram abducted the girls.", "Boko Haram", "NGAREBBOK", ""),
    (D18, "Al-Shabaab attacked the hotel.", "Al-Shabaab", "SOMREBSHB", ""),
    (D18, "The PKK ambushed a convoy.", "PKK", "TURREBPKK", ""),
    # -- people with dated roles --------------------------------------------------------
    (D18, "Donald Trump signed the order.", "Donald Trump", "USAGOV", "Donald Trump"),
    (D18, "The US president signed the order.", "US president", "USAGOV", "Donald Trump"),
    (D22, "The US president signed the order.", "US president", "USAGOV", "Joe Biden"),
    (D18, "The American president met the pope.", "American president", "USAGOV", "Donald Trump"),
    (D18, "President Moon urged calm.", "President Moon", "KORGOV", "Moon Jae-in"),
    (D22, "President Yoon urged calm.", "President Yoon", "KORGOV", "Yoon Suk Yeol"),
    (D18, "The South Korean president urged calm.", "South Korean president", "KORGOV", "Moon Jae-in"),
    (D22, "The South Korean president urged calm.", "South Korean president", "KORGOV", "Yoon Suk Yeol"),
    (D18, "Secretary of State Rex Tillerson flew to Seoul.", "Rex Tillerson", "USAGOV", "Rex Tillerson"),
    (D18, "The US secretary of state flew to Seoul.", "US secretary of state", "USAGOV", "Rex Tillerson"),
    (D22, "The US secretary of state flew to Seoul.", "US secretary of state", "USAGOV", "Antony Blinken"),
    (D18, "US Defense Secretary James Mattis visited troops.", "James Mattis", "USAMIL", "Jim Mattis"),
    (D18, "Japanese Prime Minister Shinzo Abe met Trump.", "Shinzo Abe", "JPNGOV", "Shinzo Abe"),
    (D22, "The Japanese prime minister met Biden.", "Japanese prime minister", "JPNGOV", "Fumio Kishida"),
    (D18, "Kim Jong-un inspected the missile.", "Kim Jong-un", "PRKGOV", "Kim Jong-un"),
    (D18, "Vladimir Putin met Xi Jinping.", "Xi Jinping", "CHNGOV", "Xi Jinping"),
    (D18, "The Russian foreign minister met his Chinese counterpart.", "Russian foreign minister",
     "RUSGOV", "Sergei Lavrov"),
    (D18, "German Chancellor Angela Merkel called Macron.", "Angela Merkel", "DEUGOV", "Angela Merkel"),
    (D22, "Barack Obama criticised the decision.", "Barack Obama", "USAELI", "Barack Obama"),
    (D18, "UN Secretary-General Antonio Guterres urged calm.", "Antonio Guterres", "IGOUNO",
     "António Guterres"),
    (D18, "Jordan's King Abdullah met the envoy.", "Jordan's King Abdullah", "JORGOV", ""),
    (D19, "Hamas leader Ismail Haniyeh met Egyptian officials.", "Ismail Haniyeh", "PSEREBHAM", ""),
    (D19, "Iranian foreign minister Mohammad Javad Zarif left.", "Mohammad Javad Zarif", "IRNGOV", ""),
    (D19, "The Iranian foreign minister rejected the claims.", "Iranian foreign minister", "IRNGOV",
     "Mohammad Javad Zarif"),
    (D19, "Pompeo called his Russian counterpart.", "his Russian counterpart", "RUSGOV", "Sergei Lavrov"),
    (D18, "The UN secretary-general urged calm.", "UN secretary-general", "IGOUNOSGN", "António Guterres"),
    (D19, "The NATO secretary general visited Kyiv.", "NATO secretary general", "IGONAT", "Jens Stoltenberg"),
    (D22, "The EU foreign policy chief met Blinken.", "EU foreign policy chief", "IGOEUR", "Josep Borrell"),
    # -- people the tables lack ---------------------------------------------------------
    (D18, "Vincent Brooks, commander of US Forces Korea, stressed readiness.", "Vincent Brooks",
     "USAMIL", "Vincent Brooks"),
    (D18, "The commander of US Forces Korea Vincent Brooks stressed readiness.", "Vincent Brooks",
     "USAMIL", ""),
    (D18, "French Foreign Minister Jean Dupuis arrived.", "Jean Dupuis", "FRAGOV", "Jean Dupuis"),
    (D18, "Thai army chief Somchai Wongsawat spoke.", "Somchai Wongsawat", "THAMIL", ""),
    (D18, "Colombian rebel commander Pedro Almanza surrendered.", "Pedro Almanza", "COLREB", ""),
    (D18, "Local farmer Peter Hollis said the river flooded.", "Peter Hollis", "-", ""),
]


@pytest.mark.parametrize(("published", "text", "phrase", "code", "name"), CASES,
                         ids=[f"{c[2]}@{c[0][:4]}" for c in CASES])
def test_phrase(published: str, text: str, phrase: str, code: str, name: str) -> None:
    mention = mention_of(text, phrase, date.fromisoformat(published))
    if code == "-":
        assert mention is None or mention.actor.code is None
        return
    assert mention is not None, f"no actor found for {phrase!r}"
    assert mention.actor.code == code
    if name:
        assert mention.actor.name == name


def test_there_are_at_least_150_phrases() -> None:
    assert len(CASES) >= 150


def test_a_sector_word_used_as_a_verb_is_not_a_role() -> None:
    mention = mention_of("Israeli troops head to the West Bank.", "Israeli troops", date(2019, 1, 1))
    assert mention is not None and mention.actor.code == "ISRMIL"
    west_bank = mention_of("Israeli troops head to the West Bank.", "West Bank", date(2019, 1, 1))
    assert west_bank is not None and west_bank.actor.code == "PSE"
