"""The coder on sentences written for these tests: types, codes, roles, status and evidence."""

from __future__ import annotations

import pytest

from detente.records import Event


@pytest.fixture(scope="module")
def code(pipeline):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[Event]:
        return pipeline.code(text, published="2019-05-10")

    return run


def one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type} among {[(e.event_type, e.cameo) for e in events]}"
    return found[0]


def src(e: Event) -> str | None:
    return e.source.country if e.source else None


def tgt(e: Event) -> str | None:
    return e.target.country if e.target else None


def test_active_verb_with_object(code):  # type: ignore[no-untyped-def]
    e = one(code("Venezuela accused Colombia of plotting a coup."), "ACCUSE")
    assert (src(e), tgt(e), e.cameo) == ("VEN", "COL", "112")


def test_passive_with_agent_swaps_roles(code):  # type: ignore[no-untyped-def]
    e = one(code("Colombia was accused by Venezuela of plotting a coup."), "ACCUSE")
    assert (src(e), tgt(e)) == ("VEN", "COL")


def test_ditransitive_warning_targets_the_addressee(code):  # type: ignore[no-untyped-def]
    e = one(code("Egypt warned Ethiopia that it would respond to any reduction of its water."), "THREATEN")
    assert (src(e), tgt(e)) == ("EGY", "ETH")


def test_event_noun_with_possessor_and_preposition(code):  # type: ignore[no-untyped-def]
    e = one(code("Hungary's attack on Romania drew criticism in Brussels."), "ASSAULT")
    assert (src(e), tgt(e)) == ("HUN", "ROU")


def test_event_noun_by_and_on(code):  # type: ignore[no-untyped-def]
    e = one(code("The sanctions by Canada on Iran took effect on Monday."), "SANCTION")
    assert (src(e), tgt(e)) == ("CAN", "IRN")


def test_light_verb_takes_its_noun_event(code):  # type: ignore[no-untyped-def]
    e = one(code("Peru launched an attack on Ecuador."), "ASSAULT")
    assert (src(e), tgt(e), e.evidence.trigger) == ("PER", "ECU", "attack")
    assert len(code("Peru launched an attack on Ecuador.")) == 1


def test_complement_folds_into_one_intent_code(code):  # type: ignore[no-untyped-def]
    events = code("Chile agreed to release the Bolivian prisoners.")
    assert [e.cameo for e in events] == ["0353"]
    assert events[0].event_type == "AGREE"


def test_refusal_frame(code):  # type: ignore[no-untyped-def]
    e = one(code("Sudan refused to withdraw its troops from Chad."), "REJECT")
    assert (src(e), tgt(e), e.cameo) == ("SDN", "TCD", "1246")


def test_future_negation_of_concession_is_a_rejection(code):  # type: ignore[no-untyped-def]
    events = code("Iran will not give up its missile programme.")
    assert [(e.event_type, e.status) for e in events] == [("REJECT", "occurred")]


def test_past_negation_is_negated(code):  # type: ignore[no-untyped-def]
    e = one(code("Turkey did not attack Syria."), "ASSAULT")
    assert e.status == "negated"


def test_future_is_planned(code):  # type: ignore[no-untyped-def]
    e = one(code("Spain will meet Morocco next week."), "CONSULT")
    assert e.status == "planned"


def test_scheduled_noun_is_planned(code):  # type: ignore[no-untyped-def]
    e = one(code("The meeting between Spain and Morocco is scheduled for Tuesday."), "CONSULT")
    assert e.status == "planned"


def test_condition_is_hypothetical(code):  # type: ignore[no-untyped-def]
    events = code("If Serbia attacked Kosovo, the region would suffer.")
    assert one(events, "ASSAULT").status == "hypothetical"


def test_an_act_under_consideration_is_hypothetical(code):  # type: ignore[no-untyped-def]
    """"Japan is considering sending aid": weighed, not done."""
    e = one(code("Japan is considering sending aid to Laos after the floods."), "AID")
    assert e.status == "hypothetical"
    e = one(code("The EU discussed imposing sanctions on Belarus on Monday."), "SANCTION")
    assert e.status == "hypothetical"
    assert one(code("Canada sent aid to Haiti after the storm."), "AID").status == "occurred"
    from detente import nlp
    from detente.actors import find_mentions
    from detente.coding import code_doc

    doc = nlp.parse_one("China must send more aid to Laos.")  # an obligation, not an act
    obliged = code_doc(doc, find_mentions(doc), min_confidence=0.0)
    assert obliged and all(c.status == "hypothetical" for c in obliged)


def test_an_act_announced_for_later_is_an_expressed_intent(code):  # type: ignore[no-untyped-def]
    """"X said it will release Y": the announcement happened (03x); the release has not."""
    events = code("Colombia said on Monday that it will release two Venezuelan soldiers.")
    assert [(e.cameo, e.status) for e in events] == [("0353", "occurred")]
    events = code("Chile announced it would return the seized weapons to Peru.")
    assert [(e.cameo, e.status) for e in events] == [("035", "occurred")]
    funding = code("The United States said it would no longer fund the Palestinian agency.")
    assert not any(e.cameo.startswith("03") for e in funding)  # a cut, not a promise


def test_what_was_given_or_rejected_is_no_target(code):  # type: ignore[no-untyped-def]
    """The thing an act handles is not its counterpart: "rejected the aid", "vetoed a resolution";
    a place or a vehicle attacked still is."""
    assert tgt(one(code("Venezuela rejected the aid on Sunday."), "REJECT")) is None
    vetoed = one(code("Russia vetoed a draft resolution on Tuesday."), "REJECT")
    assert vetoed.target is None
    bombed = one(code("Rebels attacked a military vehicle near Gao."), "ASSAULT")
    assert bombed.target is not None and bombed.target.text == "a military vehicle"


def test_what_a_speaker_says_another_must_do_is_a_demand(code):  # type: ignore[no-untyped-def]
    """"Germany said Greece must release the fishermen": Germany demands (1053) of Greece."""
    (e,) = code("Germany said Greece must release the fishermen.")
    assert (e.cameo, e.status, src(e), tgt(e)) == ("1053", "occurred", "DEU", "GRC")
    (own,) = code("Germany said it must release the fishermen.")
    assert not own.cameo.startswith("10")  # its own obligation is no demand on another


def test_a_place_that_locates_the_source_is_not_its_counterpart(code):  # type: ignore[no-untyped-def]
    """ "American soldiers in Iraq went on strike": Iraq is where they are, not whom they struck."""
    e = one(code("American soldiers in Iraq went on strike over pay."), "PROTEST")
    assert (src(e), e.target) == ("USA", None)


def test_repeated_declaration_is_historical(code):  # type: ignore[no-untyped-def]
    e = one(code("Japan has repeatedly declared that it will not abandon its claim."), "REJECT")
    assert e.status == "historical"
    assert src(e) == "JPN"


def test_reported_speech_codes_the_reported_actor(code):  # type: ignore[no-untyped-def]
    e = one(code("The Kenyan ministry said Somalia had agreed to release the prisoners."), "AGREE")
    assert src(e) == "SOM"


def test_coordinated_subjects_expand_to_pairs(code):  # type: ignore[no-untyped-def]
    """A deal both sign is one mutual record, parties in the text's order, not two mirrored ones."""
    text = "Chile and Peru signed a fishing agreement."
    events = [e for e in code(text) if e.event_type == "AGREE"]  # 057 (cameo.tsv v4)
    assert [(src(e), tgt(e), e.mutual) for e in events] == [("CHL", "PER", True)]
    span = events[0].evidence.source_span
    assert span == events[0].evidence.target_span and span is not None
    assert text[span[0]:span[1]] == "Chile and Peru"  # the phrase that names the parties together


def test_relative_clause_subject(code):  # type: ignore[no-untyped-def]
    e = one(code("Officials met Hungary, which had condemned Austria for the decision."), "ACCUSE")
    assert (src(e), tgt(e)) == ("HUN", "AUT")


def test_statements_are_not_events_and_appeals_are_requests(code):  # type: ignore[no-untyped-def]
    assert code("The Chilean minister said the economy would grow next year.") == []
    events = code("France urged Mali to hold elections.")
    assert [(e.event_type, e.cameo[:2]) for e in events] == [("REQUEST", "02")]


def test_uncoded_actors_keep_text_and_span(code):  # type: ignore[no-untyped-def]
    text = "Lopez Obrador criticised the ruling on Monday."
    e = one(code(text), "ACCUSE")
    assert e.source is not None and e.source.code is None  # a name the dictionaries lack
    assert e.evidence.source_span is not None
    start, end = e.evidence.source_span
    assert text[start:end] == "Lopez Obrador"


@pytest.mark.parametrize("text", [
    "A car bomb killed three soldiers in the capital.",
    "Two policemen were killed in a roadside bombing.",
])
def test_an_attack_by_unnamed_hands_has_no_source(code, text):  # type: ignore[no-untyped-def]
    """The weapon is not the actor, and no doer is guessed: the attack is kept, its source null."""
    e = one(code(text), "ASSAULT")
    assert e.source is None and e.evidence.source_span is None
    assert e.target is not None and e.target.sector in ("MIL", "COP")


@pytest.mark.parametrize("text, source", [
    ("The commander was killed in an American airstrike in Baghdad.", "USA"),
    ("A car bombing by the Islamic State group killed at least 75 people.", "IMGREBISI"),
    ("Israeli fire killed two protesters near the fence.", "ISR"),
])
def test_a_weapon_names_its_user(code, text, source):  # type: ignore[no-untyped-def]
    doer = one(code(text), "ASSAULT").source
    assert doer is not None and source in (doer.country, doer.code)


@pytest.mark.parametrize("text", [
    "Someone accused somebody of plotting a coup.",
    "The measures will protect the economy.",
    "Any casualties were assessed by the teams.",
])
def test_a_thing_is_no_actor(code, text):  # type: ignore[no-untyped-def]
    """A role filled by a thing or a vague pronoun leaves the record without that actor; a
    record with no doer at all (but an attack's) is not coded."""
    assert all(e.source is not None for e in code(text))


def test_evidence_spans_point_into_the_text(code):  # type: ignore[no-untyped-def]
    text = "On Monday, Venezuela accused Colombia of plotting a coup."
    e = one(code(text), "ACCUSE")
    for span, expected in ((e.evidence.trigger_span, "accused"), (e.evidence.source_span, "Venezuela"),
                           (e.evidence.target_span, "Colombia")):
        assert span is not None and text[span[0]:span[1]] == expected
    assert e.evidence.rule and e.evidence.rule.startswith("pattern:")
    assert 0.0 < e.confidence <= 1.0


def test_coded_actors_raise_confidence(code):  # type: ignore[no-untyped-def]
    named = one(code("Venezuela accused Colombia of plotting a coup."), "ACCUSE")
    vague = one(code("Lopez Obrador accused Ricardo Anaya of plotting a coup."), "ACCUSE")
    assert named.confidence > vague.confidence


def test_goldstein_and_quad_follow_the_code(code):  # type: ignore[no-untyped-def]
    e = one(code("Russian jets bombed Aleppo on Sunday."), "ASSAULT")
    assert e.cameo == "195" and e.quad_class == 4 and e.goldstein == -10.0


def test_readiness_adjective_is_an_intent_frame(code):  # type: ignore[no-untyped-def]
    e = one(code("Canada is ready to send aid to Haiti."), "AGREE")
    assert (src(e), tgt(e), e.cameo) == ("CAN", "HTI", "033")


def test_subject_of_a_gerund_after_of(code):  # type: ignore[no-untyped-def]
    e = one(code("Albania was guilty of violating its airspace, Greece said."), "REJECT")
    assert src(e) == "ALB"  # (what an actor is accused of is alleged: no record, see below)


def test_clause_of_a_rumour_is_hypothetical(code):  # type: ignore[no-untyped-def]
    events = code("Officials denied the rumour that Chile had attacked Peru.")
    assert [e.status for e in events if e.event_type == "ASSAULT"] == ["hypothetical"]


def test_declining_to_comment_is_not_an_event(code):  # type: ignore[no-untyped-def]
    assert code("Germany declined to comment on the report.") == []


def test_rejecting_an_accusation_is_a_denial_coded_as_reject(code):  # type: ignore[no-untyped-def]
    # CAMEO 016 (deny responsibility) is REJECT, its own code kept (cameo.tsv v3)
    e = one(code("Israel rejected the accusation."), "REJECT")
    assert (e.cameo, src(e), e.target) == ("016", "ISR", None)


def test_released_prisoners_are_the_target(code):  # type: ignore[no-untyped-def]
    text = "Colombia released 14 prisoners on Friday."
    e = one(code(text), "RETREAT")
    assert e.evidence.target_span is not None
    assert text[e.evidence.target_span[0]:e.evidence.target_span[1]] == "14 prisoners"


def test_coordinated_complements_fold_into_the_frame(code):  # type: ignore[no-untyped-def]
    events = code("Japan refused to lift the embargo or release the fishermen.")
    assert [(e.event_type, e.cameo) for e in events] == [("REJECT", "1244")]


def test_target_of_the_same_country_is_not_a_counterpart(code):  # type: ignore[no-untyped-def]
    e = one(code("The Iranian president praised Iran for its courage."), "SUPPORT")
    assert e.target is None


def test_target_from_the_previous_sentence(code):  # type: ignore[no-untyped-def]
    events = code("Talks with Iran stalled in March. Germany later imposed sanctions.")
    e = one(events, "SANCTION")
    assert (src(e), tgt(e)) == ("DEU", "IRN")
    assert e.evidence.rule and "context-target" in e.evidence.rule


def test_low_confidence_records_are_held_back(pipeline):  # type: ignore[no-untyped-def]
    from detente import nlp
    from detente.actors import find_mentions
    from detente.coding import code_doc

    doc = nlp.parse_one("The attack on the village was reported by locals.")
    every = code_doc(doc, find_mentions(doc), min_confidence=0.0)
    kept = code_doc(doc, find_mentions(doc))
    assert len(kept) <= len(every)
    assert all(c.confidence >= 0.5 for c in kept)


def test_meeting_with_codes_both_directions(code):  # type: ignore[no-untyped-def]
    events = [e for e in code("Norway held talks with Iran in Oslo.") if e.event_type == "CONSULT"]
    assert [(src(e), tgt(e), e.mutual) for e in events] == [("NOR", "IRN", True)]


def test_reporter_is_named_where_the_pronoun_stands_for_it(code):  # type: ignore[no-untyped-def]
    text = "Greece said it would release the fishermen."
    e = one(code(text), "AGREE")  # an announced release: an intent (0353)
    assert src(e) == "GRC" and e.evidence.source_span is not None
    assert text[e.evidence.source_span[0]:e.evidence.source_span[1]] == "Greece"


def test_a_pronoun_chain_is_named_by_its_antecedent_in_the_sentence(code):  # type: ignore[no-untyped-def]
    text = "Chile said it would free the sailors it had detained."
    for e in code(text):
        assert e.source is not None and e.evidence.source_span is not None
        start, end = e.evidence.source_span
        assert (text[start:end], e.source.text, src(e)) == ("Chile", "Chile", "CHL")


def test_group_actors_expand_into_one_record_per_member(code):  # type: ignore[no-untyped-def]
    text = "Japan met China in May. Both sides agreed to resume trade talks."
    pairs = [(src(e), tgt(e), e.mutual) for e in code(text) if e.event_type == "AGREE"]
    assert pairs == [("JPN", "CHN", True)]


def test_a_group_named_by_its_countries_expands(code):  # type: ignore[no-untyped-def]
    events = code("North and South Korea agreed to reopen the border.")
    pairs = [(src(e), tgt(e), e.mutual) for e in events if e.event_type == "AGREE"]
    assert pairs == [("PRK", "KOR", True)]


@pytest.mark.parametrize("text", [
    "Chile's foreign ministry said it had received a letter from Lima saying Peru would attend the summit.",
    "Greece complained on Monday. On Tuesday it expelled the Albanian ambassador, and it recalled its envoy.",
])
def test_every_role_span_holds_its_actor_text_inside_the_sentence(code, text):  # type: ignore[no-untyped-def]
    events = code(text)
    assert events
    for e in events:
        sentence_start = text.index(e.sentence)
        for actor, span in ((e.source, e.evidence.source_span), (e.target, e.evidence.target_span)):
            if actor is None or span is None:
                continue
            assert text[span[0]:span[1]] == actor.text
            assert sentence_start <= span[0] and span[1] <= sentence_start + len(e.sentence)


def test_a_context_target_is_named_where_its_pronoun_stands_for_it(code):  # type: ignore[no-untyped-def]
    text = "Chile's foreign ministry said it had a letter from Lima saying Peru would attend the summit."
    e = one(code(text), "CONSULT")
    assert e.target is not None and e.target.text == "Chile's foreign ministry"


def test_a_purpose_infinitive_restating_an_event_noun_is_not_coded_apart(code):  # type: ignore[no-untyped-def]
    events = code("Peru called for talks to discuss the border.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_a_purpose_infinitive_of_another_kind_is_still_coded(code):  # type: ignore[no-untyped-def]
    events = code("Peru imposed sanctions to punish Chile.")
    assert "SANCTION" in {e.event_type for e in events}


def test_rebels_attacking_their_own_country_keep_it_as_target(code):  # type: ignore[no-untyped-def]
    e = one(code("The Taliban attacked an Afghan army base in Helmand overnight."), "ASSAULT")
    assert e.source is not None and e.source.code == "AFGREBTAL" and tgt(e) == "AFG"


def test_a_government_and_its_own_country_are_one_party(code):  # type: ignore[no-untyped-def]
    events = code("The Kenyan government wants to discuss Kenya's role in the games.")
    assert all(tgt(e) != "KEN" for e in events)


@pytest.mark.parametrize(("text", "phrase"), [
    ("Peru met the Irish premier on Monday.", "the Irish premier"),
    ("The United States met President Ilham Aliyev of Azerbaijan.", "President Ilham Aliyev of Azerbaijan"),
    ("Ghana accused the Togolese army of killings near the border.", "the Togolese army"),
])
def test_a_named_role_spans_its_noun_phrase(code, text, phrase):  # type: ignore[no-untyped-def]
    e = code(text)[0]
    assert e.target is not None and e.evidence.target_span is not None
    assert text[e.evidence.target_span[0]:e.evidence.target_span[1]] == phrase == e.target.text


def test_an_uncoded_party_is_never_its_own_target(code):  # type: ignore[no-untyped-def]
    events = code("Chile and the Pacific Fisheries Forum signed a trade agreement.")
    assert len(events) == 1 and events[0].mutual
    e = events[0]
    assert e.source is not None and e.target is not None and src(e) == "CHL"
    assert e.target.code is None and e.target.name == "the Pacific Fisheries Forum"


def test_an_actor_modifying_the_role_phrase_is_spanned_by_the_phrase(code):  # type: ignore[no-untyped-def]
    text = "The rebels attacked a Nigerian army base in Borno."
    e = one(code(text), "ASSAULT")
    assert tgt(e) == "NGA" and e.evidence.target_span is not None
    assert text[e.evidence.target_span[0]:e.evidence.target_span[1]] == "a Nigerian army base"


def test_coordinated_owners_of_a_role_phrase_each_get_a_record(code):  # type: ignore[no-untyped-def]
    text = "The Ecuadorian and Chilean navies met on Monday."
    events = [e for e in code(text) if e.event_type == "CONSULT"]
    assert [(src(e), tgt(e), e.mutual) for e in events] == [("ECU", "CHL", True)]
    for e in events:
        assert e.evidence.source_span is not None
        start, end = e.evidence.source_span
        assert text[start:end] == "The Ecuadorian and Chilean navies"


def test_first_person_is_not_resolved_to_the_reporter(code):  # type: ignore[no-untyped-def]
    events = code("Greece said we would release the fishermen.")
    assert all(src(e) != "GRC" for e in events)


def test_participial_adjunct_yields_to_the_main_verb(code):  # type: ignore[no-untyped-def]
    events = code("Thousands of students marched through Lima, demanding new elections.")
    top = max(events, key=lambda e: e.confidence)
    assert top.event_type == "PROTEST"


def test_a_later_mention_of_the_same_sanctions_is_not_a_new_record(code):  # type: ignore[no-untyped-def]
    text = ("Canada imposed sanctions on Iran in March. "
            "Iran's oil exports have since been hurt by Canadian sanctions on Iran.")
    events = [e for e in code(text) if e.event_type == "SANCTION"]
    assert [(src(e), tgt(e), e.sentence_index) for e in events] == [("CAN", "IRN", 0)]


def test_pronoun_takes_the_last_actor_subject_of_the_text(code):  # type: ignore[no-untyped-def]
    text = "Greece complained on Monday. On Tuesday it expelled the Albanian ambassador."
    e = one(code(text), "SANCTION")
    assert src(e) == "GRC"
    assert e.evidence.source_span is not None
    assert text[e.evidence.source_span[0]:e.evidence.source_span[1]] == "it"


def test_owner_of_a_constrained_object_is_the_target_even_uncoded(code):  # type: ignore[no-untyped-def]
    text = "Japan backed Smith's approach to Iran."
    e = one(code(text), "SUPPORT")
    assert e.evidence.target_span is not None
    assert text[e.evidence.target_span[0]:e.evidence.target_span[1]] == "Smith"


def test_object_control_codes_the_coercion_not_the_coerced_act(code):  # type: ignore[no-untyped-def]
    events = code("Kenya pressured Somalia to release the prisoners.")
    assert [(e.event_type, src(e), tgt(e)) for e in events] == [("COERCE", "KEN", "SOM")]


@pytest.mark.parametrize(("text", "event_type", "cameo", "pair"), [
    ("Norway removed sanctions on Belarus on Tuesday.", "RETREAT", "085", ("NOR", "BLR")),
    ("Chile dropped its tariffs on Peru last week.", "RETREAT", "085", ("CHL", None)),
    ("Austria lifted travel curbs on Hungary.", "CONCEDE", "081", ("AUT", "HUN")),
    ("Niger closed its border with Mali on Friday.", "COERCE", "191", ("NER", "MLI")),
    ("Laos declared a state of emergency after the floods.", "COERCE", "1724", ("LAO", None)),
    ("Fiji imposed martial law on Tuesday.", "COERCE", "1724", ("FJI", None)),
    ("Mali declared a cessation of hostilities on Monday.", "RETREAT", "0871", ("MLI", None)),
    ("Japan gave 12 million euros to Kenya last week.", "AID", "071", ("JPN", "KEN")),
    ("Canada has provided more than €5 million in emergency funding to Haiti this year.", "AID", "071",
     ("CAN", "HTI")),
    ("Norway provided an extra $40 million in humanitarian assistance to Sudan.", "AID", "070",
     ("NOR", "SDN")),
    ("Russia launched cyber warfare against Estonia last year.", "ASSAULT", "190", ("RUS", "EST")),
    ("The Syrian army intensified its bombardment of the town on Thursday.", "ASSAULT", "190", ("SYR", None)),
    ("Britain gave Russia a midnight deadline to explain the attack.", "THREATEN", "139", ("GBR", "RUS")),
    ("The Turkish president gave Greece a stern warning on Monday.", "THREATEN", "130", ("TUR", "GRC")),
    ("The European Commission launched legal action against Hungary over its asylum law.", "ACCUSE", "115",
     (None, "HUN")),
])
def test_common_collocations(code, text, event_type, cameo, pair):  # type: ignore[no-untyped-def]
    """Verb and object together name the act: "removed sanctions", "closed its border",
    "declared a state of emergency" (the object's "of" noun and adjective count), "gave 12
    million euros", "provided $40 million in assistance" (a sum's currency and "in" noun count)."""
    e = one(code(text), event_type)
    assert (e.cameo, src(e)) == (cameo, pair[0])
    if pair[1] is not None:
        assert tgt(e) == pair[1]


def test_a_past_tense_misread_as_a_modifier_still_has_its_subject(code):  # type: ignore[no-untyped-def]
    """"The Turkish air force carried out strikes": parsed as a noun phrase with a reduced
    relative; with no main verb, the noun is the verb's subject."""
    events = code("The Turkish air force carried out at least five air strikes in northern Iraq.")
    e = one(events, "ASSAULT")
    assert src(e) == "TUR"


@pytest.mark.parametrize(("text", "event_type", "status"), [
    ("Chile denied that it had armed the rebels in Peru.", "AID", "negated"),
    ("Peru denied attacking two camps in Ecuador.", "ASSAULT", "negated"),
    ("Peru refused to attack the camps in Ecuador.", "ASSAULT", "negated"),
    ("Chile rejected accusations that it had armed the rebels in Peru.", "AID", "hypothetical"),
    ("Peru said it attacked two camps in Ecuador.", "ASSAULT", "occurred"),
])
def test_denied_refused_and_alleged_acts_did_not_happen(code, text, event_type, status):  # type: ignore[no-untyped-def]
    """An act under "deny", "refuse" or "fail", or inside "accusations that ...", is no
    occurred event; a reported one is."""
    assert one(code(text), event_type).status == status


@pytest.mark.parametrize(("text", "cameo"), [
    ("Dockworkers in Uruguay went on strike on Monday.", "143"),
    ("Detainees in Bahrain went on hunger strike.", "142"),
    ("Unions in Uruguay called a general strike.", "143"),
    ("Egypt imposed a blockade on Gaza in June.", "191"),
    ("Norway announced a suspension of aid to Mali last week.", "162"),
])
def test_strikes_blockades_and_suspensions(code, text, cameo):  # type: ignore[no-untyped-def]
    assert cameo in [e.cameo for e in code(text)]


def test_a_conjoined_event_noun_shares_the_first_ones_roles(code):  # type: ignore[no-untyped-def]
    """"launched air and artillery strikes on X": parsed with "strikes" as a conjunct of
    "air"; the conjunct takes the roles of the noun it is joined to."""
    e = one(code("Chad launched air and artillery strikes on Boko Haram camps in Niger."), "ASSAULT")
    assert src(e) == "TCD"
    assert e.target is not None and "camps" in e.target.text


def test_the_act_agreed_on_is_no_target(code):  # type: ignore[no-untyped-def]
    """"X and Y agreed to a ceasefire": each side agreed with the other, not with the ceasefire."""
    events = [e for e in code("Benin and Togo have agreed to a ceasefire along their border.")
              if e.event_type == "AGREE"]
    assert [(src(e), tgt(e), e.mutual) for e in events] == [("BEN", "TGO", True)]
    condemned = one(code("Benin condemned the attack on the embassy."), "ACCUSE")
    assert condemned.target is None  # the attack is a thing, and the embassy nobody's counterpart


@pytest.mark.parametrize("text", [
    "The senator has battled brain cancer for a year.",
    "The president struck a somber tone in his address.",
    "The minister fought back tears as she spoke.",
    "Oil prices hit a record high on Monday.",
    "Lawmakers killed the bill in committee.",
    "Tehran called the air strike a warning to its neighbours.",
    "The visit was meant to demonstrate that the alliance still works.",
])
def test_another_sense_of_the_word_is_no_event(code, text):  # type: ignore[no-untyped-def]
    """Words of violence and protest in their other senses: figurative objects, naming, showing."""
    assert [e.cameo for e in code(text) if e.cameo[:2] in ("14", "18", "19", "20")] == []


@pytest.mark.parametrize("text, cameo", [
    ("Kurdish fighters battled Islamic State militants near Raqqa.", "190"),
    ("Dockers called a general strike at the port.", "143"),
    ("Thousands of students demonstrated outside parliament.", "141"),
])
def test_the_political_sense_is_kept(code, text, cameo):  # type: ignore[no-untyped-def]
    assert cameo in [e.cameo for e in code(text)]


@pytest.mark.parametrize("text", [
    "Russia and China warned the council against a vote.",
    "Chile and Peru condemned the attack.",
])
def test_parties_named_together_do_not_make_a_mutual_act_of_every_verb(code, text):  # type: ignore[no-untyped-def]
    """Only acts done together (agreeing, meeting, signing, cooperating, fighting) are mutual;
    two countries that each condemn something are two records."""
    events = code(text)
    assert events and not any(e.mutual for e in events)
    assert len({e.source.country for e in events if e.source}) == 2


@pytest.mark.parametrize("text, event_type, status", [
    ("Chilean and Peruvian ministers are to meet on Friday.", "CONSULT", "planned"),
    ("The foreign ministers of Bolivia and Paraguay will meet next week.", "CONSULT", "planned"),
    ("Chile and Peru could not agree on a date for the talks.", "AGREE", "negated"),
    ("Russia has long supported the Syrian government.", "SUPPORT", "historical"),
])
def test_scheduled_failed_and_long_standing_acts(code, text, event_type, status):  # type: ignore[no-untyped-def]
    assert one(code(text), event_type).status == status


def test_could_not_is_a_failure_not_a_refusal(code):  # type: ignore[no-untyped-def]
    events = code("Chile and Peru could not agree on a date for the talks.")
    assert not any(e.event_type == "REJECT" for e in events)


@pytest.mark.parametrize("text, cameo", [
    ("Kenya suggested holding talks with Somalia.", "036"),
    ("Kenya proposed talks with Somalia on the border dispute.", "036"),
    ("The rebels proposed a ceasefire to the government.", "0356"),
])
def test_a_proposal_is_the_event_not_the_act_proposed(code, text, cameo):  # type: ignore[no-untyped-def]
    """ "X suggested holding talks": X offered to talk (an intent, AGREE); no talks were held."""
    events = code(text)
    assert cameo in [e.cameo for e in events]
    assert not any(e.event_type == "CONSULT" and e.status == "occurred" for e in events)


def test_the_parties_of_a_passive_deal_are_mutual(code):  # type: ignore[no-untyped-def]
    e = one(code("The accord, signed by Kenya and Ethiopia, ended the dispute."), "AGREE")
    assert e.mutual and {src(e), tgt(e)} == {"KEN", "ETH"}


@pytest.mark.parametrize("text", [
    "Washington is not ready to accept the proposal.",
    "Seoul said it was not appropriate to accept Pyongyang's demands.",
])
def test_not_ready_to_accept_is_a_rejection(code, text):  # type: ignore[no-untyped-def]
    events = code(text)
    assert one(events, "REJECT").status == "occurred" and not any(e.event_type == "AGREE" for e in events)


@pytest.mark.parametrize("text", [
    "Police foiled an attack by two gunmen on the embassy.",
    "The army thwarted a bombing by the rebels in the capital.",
])
def test_a_foiled_attack_did_not_occur(code, text):  # type: ignore[no-untyped-def]
    assert not any(e.event_type == "ASSAULT" and e.status == "occurred" for e in code(text))


def test_a_place_before_an_attack_is_where_it_was_done(code):  # type: ignore[no-untyped-def]
    events = code("Rebels claimed the Aleppo bombing on Monday.")
    assert not any(e.source and e.source.text == "Aleppo" for e in events)
    e = one(code("The planned US attack was called off."), "ASSAULT")
    assert src(e) == "USA"  # a state named so is the attacker


@pytest.mark.parametrize("text, target", [
    ("The convoy was attacked by militants near the border.", "The convoy"),
    ("Rebels seized a Turkish tanker off the coast.", "Turkish tanker"),
    ("The Kenyan government accused a local charity of funding the rebels.", "a local charity"),
])
def test_vehicles_and_charities_are_targets(code, text, target):  # type: ignore[no-untyped-def]
    """A vehicle stands for its owner (coded when the text names it), a charity is an NGO."""
    events = code(text)
    spans = [e.evidence.target_span for e in events if e.evidence.target_span]
    assert any(text[s:t] == target for s, t in spans), [(e.event_type, e.target) for e in events]


@pytest.mark.parametrize("text, status", [
    ("Officials expect Iran to retaliate.", "planned"),
    ("The envoy said the Iranians continue to reject diplomatic overtures.", "occurred"),
])
def test_expectations_and_continuations(code, text, status):  # type: ignore[no-untyped-def]
    events = code(text)
    assert events and all(e.status == status for e in events)


def test_an_owner_of_a_relational_noun_is_not_its_actor(code):  # type: ignore[no-untyped-def]
    """ "its allies", "Kenya's neighbours": other actors than their owner."""
    events = code("Russia criticised the United States. It also criticised its allies for the strike.")
    assert {(e.target.code if e.target else None) for e in events} == {"USA", None}
    assert any(e.target and e.target.text == "its allies" for e in events)


@pytest.mark.parametrize("text, parties", [
    ("A Palestinian threw stones during clashes with Israeli soldiers.", {"PSE", "ISR"}),
    ("Macron said at a summit with Merkel that Europe must act.", {"FRA", "DEU"}),
])
def test_an_event_noun_of_the_clause_takes_its_subject(code, text, parties):  # type: ignore[no-untyped-def]
    """ "X did Y during clashes with Z", "X said at a summit with Z": X and Z are the parties."""
    events = [e for e in code(text) if e.mutual]
    assert events and {src(events[0]), tgt(events[0])} == parties


def test_a_light_verb_with_an_event_noun_is_not_coded_by_the_noun_s_modifier(code):  # type: ignore[no-untyped-def]
    e = one(code("Iran launched a ballistic missile attack on Iraqi bases."), "ASSAULT")
    assert e.evidence.trigger == "attack" and not any(x.event_type == "MOBILIZE" for x in code(
        "Iran launched a ballistic missile attack on Iraqi bases."))


@pytest.mark.parametrize("text, target", [
    ("Iran tested a new missile. Germany condemned the test.", "IRN"),  # the doer reacted to
    ("Kenya's border with Ethiopia is long. Somalia condemned the decision.", None),  # which of two?
])
def test_a_reaction_s_target_from_the_sentence_before(code, text, target):  # type: ignore[no-untyped-def]
    e = one(code(text), "ACCUSE")
    assert tgt(e) == target


def test_wanting_another_to_act_is_a_demand_on_it(code):  # type: ignore[no-untyped-def]
    e = one(code("The opposition wants the prime minister to resign."), "REQUEST")
    assert e.cameo.startswith("10") and e.target is not None
    assert one(code("Iran wants to hold talks with the United States."), "AGREE").cameo == "036"


@pytest.mark.parametrize(("text", "found"), [
    ("Khamenei insisted that vengeance is in store for the criminals.", []),
    ("The two agencies agree that Russia interfered in the election.", []),
    ("An official would not discuss the plans with Iran.", []),
    ("Trump called on Russia and Iran to stop supporting Assad.", ["REQUEST"]),
])
def test_opinions_insistence_and_what_is_asked_are_no_acts(code, text, found):  # type: ignore[no-untyped-def]
    """A view insisted on or agreed with, a refusal to comment, and the act an appeal asks for
    are not events; no record says anyone supported anyone here (the appeal itself is one)."""
    acts = ("REQUEST", "AGREE", "REJECT", "SUPPORT")
    assert [e.event_type for e in code(text) if e.event_type in acts] == found


def test_an_agreement_on_what_will_be_done_is_one(code):  # type: ignore[no-untyped-def]
    assert one(code("Chile and Peru agreed that talks would resume in May."), "AGREE").mutual


@pytest.mark.parametrize("text", [
    "Iran vowed revenge after Soleimani's killing.",
    "Turkey demanded answers over the Khashoggi murder.",
])
def test_whose_name_goes_with_a_killing_suffered_it(code, text):  # type: ignore[no-untyped-def]
    assert not any(e.event_type == "ASSAULT" and e.source and e.source.text in ("Soleimani", "Khashoggi")
                   for e in code(text))


def test_an_arrest_by_someone(code):  # type: ignore[no-untyped-def]
    e = one(code("Police announced the arrest of two journalists by Turkish security forces."), "COERCE")
    assert src(e) == "TUR" and e.target is not None and e.target.text.endswith("journalists")


@pytest.mark.parametrize("text, target", [
    ("Russia condemned the massacre of civilians by Syrian troops.", "SYR"),
    ("Iran denounced the American attack on the embassy.", "USA"),
    ("China criticised Japan's decision to send warships.", "JPN"),
])
def test_the_one_reproached_is_who_did_the_act(code, text, target):  # type: ignore[no-untyped-def]
    assert tgt(one(code(text), "ACCUSE")) == target


def test_the_reporter_is_not_the_counterpart(code):  # type: ignore[no-untyped-def]
    events = code('"Turkey\'s offensive is endangering civilians," the French president said.')
    assert not any(e.target and e.target.country == "FRA" for e in events)


@pytest.mark.parametrize("text", [
    "Any enemy violating these borders will be destroyed.",
    "That represents Pyongyang's best offer so far.",
])
def test_rules_and_comments_are_no_acts(code, text):  # type: ignore[no-untyped-def]
    assert code(text) == []


@pytest.mark.parametrize("text, cameo", [
    ("Thousands of protesters gathered outside parliament on Wednesday.", "141"),
    ("Crowds stormed government buildings in the capital.", "145"),
])
def test_a_crowd_gathering_is_a_demonstration_its_violence_a_riot(code, text, cameo):  # type: ignore[no-untyped-def]
    assert one(code(text), "PROTEST").cameo == cameo
    assert one(code("European leaders gathered in Brussels for talks."), "CONSULT").cameo == "040"


@pytest.mark.parametrize("text, absent", [
    ("Turkey will negotiate with the Kurds to end the violence.", "RETREAT"),
    ("Washington will take all necessary measures to protect American troops in Iraq.", "SUPPORT"),
])
def test_what_an_act_is_for_is_not_an_act(code, text, absent):  # type: ignore[no-untyped-def]
    assert all(e.event_type != absent for e in code(text))


@pytest.mark.parametrize("text, kept", [
    ("Moon used his New Year address to call for talks with North Korea.", "REQUEST"),
    ("Colombia and the FARC signed a deal to end the conflict.", "RETREAT"),
])
def test_an_infinitive_after_means_or_a_deal_is_what_was_done(code, text, kept):  # type: ignore[no-untyped-def]
    assert any(e.event_type == kept for e in code(text))


def test_a_means_verb_keeps_what_it_was_sent_to_do(code):  # type: ignore[no-untyped-def]
    events = code("France sent experts to investigate the attacks in Mali.")
    assert any(e.cameo and e.cameo.startswith("09") for e in events)


@pytest.mark.parametrize("text, source", [
    ("The group al-Nusra Front will not release the soldiers.", "SYR"),
    ("The militant group, Hamas, fired rockets at Israel.", "PSE"),
])
def test_a_name_in_apposition_says_who_the_description_is(code, text, source):  # type: ignore[no-untyped-def]
    assert code(text) and all(e.source is not None and e.source.country == source for e in code(text))


def test_force_on_unnamed_victims_takes_no_counterpart_from_elsewhere(code):  # type: ignore[no-untyped-def]
    events = code("The US opened its embassy in Jerusalem. Most of the dead were killed by Israeli fire.")
    assert all(e.target is None or e.target.country != "USA" for e in events if e.event_type == "ASSAULT")


@pytest.mark.parametrize("text, status", [
    ("Armenian forces must withdraw from the Lachin district by Dec. 1.", "planned"),
    ("Armenian forces must withdraw from the Lachin district.", "hypothetical"),
])
def test_an_obligation_with_a_deadline_is_planned(code, text, status):  # type: ignore[no-untyped-def]
    assert one(code(text), "RETREAT").status == status


def test_a_reporter_named_by_a_pronoun_is_not_the_counterpart(code):  # type: ignore[no-untyped-def]
    events = code('Trump spoke to Erdogan on Sunday. '
                  '"Turkey\'s offensive is endangering civilians," he said.')
    assert not any(e.target and e.target.country == "USA" for e in events if e.sentence_index == 1)


def test_a_demand_on_another_whatever_it_asks(code):  # type: ignore[no-untyped-def]
    """ "wanted X to stop ... and to begin to negotiate": a demand on X; the talks asked for
    are not talks held, even where the parser hangs the infinitive on the frame verb."""
    events = code("Sisi said Washington wanted Egypt to halt the shipments, reopen the crossing "
                  "and to begin to negotiate with the rebels.")
    assert tgt(one(events, "REQUEST")) == "EGY"
    assert all(e.event_type != "CONSULT" for e in events)


@pytest.mark.parametrize("text", [
    "The unions want Macron to resign and then to restore the lost pensions in a new agreement.",
    "Beijing urged Tokyo to settle the dispute over the islands in a new agreement.",
])
def test_what_a_demand_asks_for_is_not_done(code, text):  # type: ignore[no-untyped-def]
    assert all(e.event_type not in ("SUPPORT", "AGREE", "CONSULT") for e in code(text))


@pytest.mark.parametrize("text, event_type", [
    ("Macron said Putin demanded the lifting of all sanctions.", "REQUEST"),
    ("A Japanese envoy said the North Koreans continue to reject diplomatic overtures.", "REJECT"),
])
def test_who_reports_a_move_of_an_exchange_is_its_other_party(code, text, event_type):  # type: ignore[no-untyped-def]
    """A demand or refusal reported by one side of the exchange is made to that side."""
    e = one(code(text), event_type)
    assert e.target is not None and e.target.country in ("FRA", "JPN")


@pytest.mark.parametrize("text", [
    "Hezbollah vows revenge on Israel after Mughniyeh’s killing",
    "Hezbollah vowed revenge on Israel after the killing of Imad Mughniyeh.",
])
def test_force_on_a_named_person_takes_no_counterpart_from_elsewhere(code, text):  # type: ignore[no-untyped-def]
    """The one killed is the act's target even when no dictionary knows him: the other actor
    of the sentence is not made the victim."""
    assert not any(e.event_type == "ASSAULT" and e.target and e.target.country == "ISR" for e in code(text))


@pytest.mark.parametrize("text", [
    "\"Russia's bombing campaign is killing civilians and threatening the ceasefire,\" the minister said.",
    "\"Israel's air strikes are endangering civilians and threatening regional stability,\" the envoy said.",
])
def test_a_comment_on_what_an_act_does_is_no_new_act(code, text):  # type: ignore[no-untyped-def]
    """An act as the subject of a present-tense comment is referred to, not reported; and an
    act threatens no one: only an actor does."""
    assert all(e.event_type != "THREATEN" for e in code(text))
    assert all(e.evidence.trigger not in ("campaign", "strikes") for e in code(text))


@pytest.mark.parametrize("text, trigger", [
    ("Talks between Serbia and Kosovo begin in Brussels on Monday.", "Talks"),
    ("A phone call between Macron and Putin on Sunday ended the standoff.", "call"),
])
def test_an_event_noun_whose_clause_reports_it_is_coded(code, text, trigger):  # type: ignore[no-untyped-def]
    assert any(e.evidence.trigger == trigger for e in code(text))


@pytest.mark.parametrize("text", [
    "Iran condemned the United States and its allies for the strikes.",
    "Kyiv accused Russia and its proxies of shelling the town.",
])
def test_a_relational_member_beside_a_coded_one_names_no_one_more(code, text):  # type: ignore[no-untyped-def]
    events = [e for e in code(text) if e.event_type == "ACCUSE"]
    assert events and all(e.target is not None and e.target.code for e in events)


def test_an_agreement_by_two_parties_is_mutual(code):  # type: ignore[no-untyped-def]
    events = code("A call on Sunday ended an agreement by Paris and Rome to patrol the coast of Libya.")
    deals = [e for e in events if e.cameo == "057"]
    assert len(deals) == 1 and deals[0].mutual and {src(deals[0]), tgt(deals[0])} == {"FRA", "ITA"}


@pytest.mark.parametrize("text", [
    "The YPG is viewed by Ankara as a security threat.",
    "Beijing sees the drills as a provocation and a threat to peace.",
])
def test_what_something_is_taken_for_is_no_act(code, text):  # type: ignore[no-untyped-def]
    assert all(e.event_type != "THREATEN" for e in code(text))


def test_unnamed_agents_are_of_the_country_where_their_clause_happens(code):  # type: ignore[no-untyped-def]
    e = one(code("In Belarus, the vote triggered unrest from crowds who stormed government buildings."),
            "PROTEST")
    assert (src(e), tgt(e)) == ("BLR", "BLR")


def test_a_crowd_s_own_government_is_its_counterpart(code):  # type: ignore[no-untyped-def]
    e = one(code("Thousands of Belarusian protesters gathered in the capital on Monday, demanding the "
                 "resignation of President Alexander Lukashenko after a deal with Russia."), "PROTEST")
    assert (src(e), tgt(e)) == ("BLR", "BLR")


@pytest.mark.parametrize("text", [
    "Kenya accused Somalia of stalling the talks on the border.",
    "Seoul blamed Pyongyang for freezing the aid shipments.",
])
def test_what_an_actor_is_accused_of_is_alleged_not_reported(code, text):  # type: ignore[no-untyped-def]
    assert {e.event_type for e in code(text)} == {"ACCUSE"}


# --- appeals (CAMEO 02x, PLOVER REQUEST) ------------------------------------------------


@pytest.mark.parametrize(("text", "cameo", "source", "target"), [
    ("The UN urged Iran to release the sailors.", "0253", "IGO", "IRN"),
    ("Pakistan asked India for talks.", "026", "PAK", "IND"),
    ("Lebanon asked France for aid.", "023", "LBN", "FRA"),
    ("Chile called on Bolivia to resume negotiations.", "026", "CHL", "BOL"),
])
def test_an_appeal_is_a_request_with_its_cameo_code(code, text, cameo, source, target):  # type: ignore[no-untyped-def]
    """Asking another actor to act is REQUEST; the CAMEO code says it was an appeal (02x)."""
    e = one(code(text), "REQUEST")
    assert (e.cameo, e.status) == (cameo, "occurred")
    assert e.source is not None and (e.source.code or "").startswith(source) and tgt(e) == target


def test_whom_an_appeal_is_made_of_is_its_target_named_or_not(code):  # type: ignore[no-untyped-def]
    """"called on the international community": the one asked is named, though no coded
    actor; the sentence's other actor is not who was asked."""
    events = code("Israel raided the camp in Gaza. Egypt called on the international community to act.")
    appeal = one(events, "REQUEST")
    assert (src(appeal), appeal.target) == ("EGY", None)
    events = code("Sudan shelled the border town. Egypt called on the Sudanese army to stop.")
    assert tgt(one(events, "REQUEST")) == "SDN"


@pytest.mark.parametrize("text", [
    '"What kind of a nation wants that?" he asked.',
    "A reporter asked whether Peru would retaliate.",
    "When asked by reporters how he would respond, the Bolivian president smiled.",
])
def test_asking_a_question_is_no_request(code, text):  # type: ignore[no-untyped-def]
    assert not any(e.cameo.startswith("02") for e in code(text))


@pytest.mark.parametrize("text", [
    "The Chilean president called his Peruvian counterpart on Tuesday.",
    "The Colombian president called an emergency meeting of his cabinet on 4 May.",
])
def test_a_time_is_not_whom_a_call_is_made_on(code, text):  # type: ignore[no-untyped-def]
    """"called X on Tuesday" is a call made on a day, not a call on anyone to act."""
    assert not any(e.cameo.startswith("02") for e in code(text))


def test_appealing_a_ruling_is_no_appeal_to_anyone(code):  # type: ignore[no-untyped-def]
    events = code("The former Peruvian minister appealed the conviction.")
    assert not any(e.cameo.startswith("02") for e in events)


def test_what_a_phone_call_was_for_is_what_was_done(code):  # type: ignore[no-untyped-def]
    """"called X to congratulate him": the call is how he congratulated, not a purpose to come."""
    events = code("The Chilean president called the Peruvian president on Wednesday to congratulate him.")
    e = one(events, "SUPPORT")
    assert (e.cameo, src(e), tgt(e)) == ("051", "CHL", "PER")


@pytest.mark.parametrize("text", [
    "Britain called in the Russian ambassador over the poisoning.",
    "The Iranians called the Swiss ambassador into the foreign ministry for talks.",
])
def test_calling_in_an_envoy_is_a_summons(code, text):  # type: ignore[no-untyped-def]
    """Summoning a diplomat is an official complaint (114), by whatever verb."""
    e = one(code(text), "ACCUSE")
    assert e.cameo == "114" and tgt(e) in ("RUS", "CHE")


def test_calling_an_envoy_somewhere_is_no_summons(code):  # type: ignore[no-untyped-def]
    assert not any(e.cameo == "114" for e in code("The Chilean minister called the ambassador in Lima."))


def test_an_appeal_for_something_unknown_is_less_sure(code):  # type: ignore[no-untyped-def]
    """An appeal whose content the coder cannot code is a vaguer record than one it can."""
    vague = one(code("Germany urged Ethiopia to open up its politics."), "REQUEST")
    specific = one(code("Germany urged Ethiopia to release the journalists."), "REQUEST")
    assert vague.cameo == "020" and specific.cameo == "0253"
    assert vague.confidence < specific.confidence


# --- phrasal verbs, headline passives and vehicles ----------------------------------------


@pytest.mark.parametrize(("text", "event_type", "cameo", "source", "target"), [
    ("Chile pulled its troops out of Bolivia.", "RETREAT", "0874", "CHL", "BOL"),
    ("Chilean forces pulled out of southern Bolivia.", "RETREAT", "0874", "CHL", "BOL"),
    ("Peru shot down a Chilean jet.", "ASSAULT", "190", "PER", "CHL"),
    ("The Peruvian president called off a planned strike against Bolivia.", "RETREAT", "087", "PER", "BOL"),
    ("The Peruvian president cancelled the air strikes on Bolivia.", "RETREAT", "087", "PER", "BOL"),
])
def test_phrasal_verbs_the_parser_splits(code, text, event_type, cameo, source, target):  # type: ignore[no-untyped-def]
    """A particle the parser reads as a preposition with no object ("out" heading "of Bolivia")
    is still the verb's; calling off or cancelling an attack is de-escalation (087)."""
    e = one(code(text), event_type)
    assert (e.cameo, src(e), tgt(e)) == (cameo, source, target)


def test_a_particle_is_not_a_preposition_with_an_object() -> None:
    """"out" heading "of Bolivia" is a particle; "out" with an object of its own is not."""
    from detente import nlp
    from detente.coding.coder import _particles

    pulled = nlp.parse_one("Chile pulled out of Bolivia.")
    assert [p.text for p in _particles(pulled[1])] == ["out"]
    looked = nlp.parse_one("The boy looked out the window.")
    assert _particles(looked[2]) == []


@pytest.mark.parametrize(("text", "source", "target"), [
    ('Chilean Drone Shot Down By Peru in "Unprovoked Attack" Ministry Says', "PER", "CHL"),
    ("Bolivian soldiers attacked by Chile near the border", "CHL", "BOL"),
])
def test_a_headline_passive_without_its_auxiliary(code, text, source, target):  # type: ignore[no-untyped-def]
    """"X Shot Down By Y": the "by" phrase is the doer, though the parser reads X as subject."""
    e = one(code(text), "ASSAULT")
    assert (src(e), tgt(e)) == (source, target)


def test_a_by_that_belongs_to_its_verb_is_no_passive(code):  # type: ignore[no-untyped-def]
    e = one(code("The United States stood by Turkey."), "SUPPORT")
    assert (src(e), tgt(e)) == ("USA", "TUR")


def test_a_vehicle_of_no_named_owner_is_the_other_actor_s(code):  # type: ignore[no-untyped-def]
    """"shot down the drone" with the US named in the sentence: the drone's owner is the US."""
    events = code("The planned US strike came after Peruvian forces shot down the drone.")
    shot = [e for e in events if e.evidence.trigger == "shot"]
    assert shot and (src(shot[0]), tgt(shot[0])) == ("PER", "USA")
    owned = one(code("Peru seized a Chilean tanker."), "COERCE")
    assert tgt(owned) == "CHL"


@pytest.mark.parametrize(("text", "cameo", "target"), [
    ("Bolivia wants the Chilean sanctions lifted.", "1054", "CHL"),
    ("Peru wants the Chilean fishermen released.", "1053", "CHL"),
])
def test_a_wanted_outcome_in_a_small_clause_is_a_request(code, text, cameo, target):  # type: ignore[no-untyped-def]
    """"wants X lifted": the participle with its own subject is the content of the demand."""
    e = one(code(text), "REQUEST")
    assert (e.cameo, tgt(e)) == (cameo, target)


def test_small_clause_needs_a_subject_and_no_auxiliary() -> None:
    from detente import nlp
    from detente.coding.coder import _small_clause

    doc = nlp.parse_one("Bolivia wants the sanctions lifted.")
    lifted = next(t for t in doc if t.lower_ == "lifted")
    assert _small_clause(lifted)
    doc = nlp.parse_one("Bolivia said the sanctions were lifted.")
    lifted = next(t for t in doc if t.lower_ == "lifted")
    assert not _small_clause(lifted)


@pytest.mark.parametrize(("text", "target"), [
    ("Peruvian aircraft bombed Arica.", "CHL"),
    ("Russia sent troops to Nagorno-Karabakh.", "AZE"),
])
def test_a_target_town_or_region_stands_for_its_country(code, text, target):  # type: ignore[no-untyped-def]
    events = [e for e in code(text) if e.event_type in ("ASSAULT", "MOBILIZE")]
    assert events and tgt(events[0]) == target


def test_the_act_named_in_a_demand_is_no_record_of_its_own(code):  # type: ignore[no-untyped-def]
    """"called for the lifting of sanctions": a request, not a sanction by the speaker."""
    events = code("Bolivia called for the lifting of Chilean sanctions on La Paz.")
    assert [e.event_type for e in events] == ["REQUEST"]


@pytest.mark.parametrize("noun", ["expulsion", "extradition", "lifting"])
def test_calling_for_an_act_is_a_demand(code, noun):  # type: ignore[no-untyped-def]
    e = one(code(f"Peru called for the {noun} of the Chilean diplomats."), "REQUEST")
    assert src(e) == "PER"


def test_seeking_relief_from_sanctions_is_a_demand_to_ease_them(code):  # type: ignore[no-untyped-def]
    e = one(code("Bolivia sought relief from Chilean sanctions."), "REQUEST")
    assert (e.cameo, src(e), tgt(e)) == ("1054", "BOL", "CHL")
    assert [x.event_type for x in code("Bolivia sought relief from Chilean sanctions.")] == ["REQUEST"]
    assert code("Chile sought relief from the heat.") == []


@pytest.mark.parametrize("text", [
    "Chile made a call for talks with Peru.",
    "Chile renewed its call for talks with Peru.",
])
def test_a_call_for_talks_is_a_request_and_the_talks_are_not_held(code, text):  # type: ignore[no-untyped-def]
    events = code(text)
    assert [(e.event_type, e.cameo, src(e), tgt(e)) for e in events] == [("REQUEST", "106", "CHL", "PER")]


def test_what_an_offer_offers_is_not_done(code):  # type: ignore[no-untyped-def]
    events = code("Chile renewed its offer of talks with Peru.")
    assert [e.event_type for e in events] == ["AGREE"]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Bolivia walked away from the talks with Chile.", "REJECT"),
    ("Chile walked out of the talks with Peru.", "SANCTION"),
])
def test_leaving_talks_is_coded_once_and_the_talks_are_not(code, text, event_type):  # type: ignore[no-untyped-def]
    events = code(text)
    assert [e.event_type for e in events] == [event_type]
    assert tgt(events[0]) in ("CHL", "PER")


@pytest.mark.parametrize("text", [
    "Peru said Chile was violating international law.",
    "Chile violated the border treaty, the Peruvian foreign ministry said.",
])
def test_a_breach_another_is_said_to_commit_is_the_speaker_s_accusation(code, text):  # type: ignore[no-untyped-def]
    e = one(code(text), "ACCUSE")
    assert (e.cameo, src(e), tgt(e)) == ("112", "PER", "CHL")
    assert e.evidence.rule is not None and e.evidence.rule.endswith("+alleged")


def test_a_breach_told_without_a_speaker_stays_a_breach(code):  # type: ignore[no-untyped-def]
    e = one(code("Chile violated the border treaty."), "REJECT")
    assert (e.cameo, src(e)) == ("128", "CHL")


@pytest.mark.parametrize(("text", "target"), [
    ("Peru called the Chilean decision a mistake.", "CHL"),
    ("Bolivia branded the Chilean president a liar.", "CHL"),
    ("The Peruvian senator called the Chilean minister's visit to Lima a disgrace.", "CHL"),
    ("Peru described the Chilean incursion as a provocation.", "CHL"),
])
def test_calling_someone_s_act_a_wrong_is_a_denunciation(code, text, target):  # type: ignore[no-untyped-def]
    e = one(code(text), "ACCUSE")
    assert (e.cameo, tgt(e)) == ("111", target)


@pytest.mark.parametrize("text", [
    "Peru called the Chilean minister on Monday.",
    "Peru called the meeting a success.",
])
def test_calling_without_a_wrong_named_is_no_denunciation(code, text):  # type: ignore[no-untyped-def]
    assert all(e.event_type != "ACCUSE" for e in code(text))


@pytest.mark.parametrize("text", [
    "Bolivia cut tariffs on Chilean copper.",
    "Peru rolled back duties on Chilean wine.",
    "The EU suspended sanctions on Bolivia.",
])
def test_easing_tariffs_or_sanctions_is_a_concession(code, text):  # type: ignore[no-untyped-def]
    events = code(text)
    assert [e.cameo for e in events] == ["085"]


def test_cutting_what_is_no_sanction_is_no_event(code):  # type: ignore[no-untyped-def]
    assert code("Chile cut its budget.") == []


@pytest.mark.parametrize("text", [
    "Chile announced a cease-fire with the rebels.",
    "Chile announced a ceasefire with the rebels.",
])
def test_a_hyphenated_cease_fire_is_a_ceasefire(code, text):  # type: ignore[no-untyped-def]
    e = one(code(text), "RETREAT")
    assert (e.cameo, src(e)) == ("0871", "CHL")


def test_remaining_on_something_else_is_no_alert(code):  # type: ignore[no-untyped-def]
    assert code("Chile remained on the sidelines.") == []


@pytest.mark.parametrize(("text", "target"), [
    ("The rebels held Peruvian villagers as human shields.", "PER"),
    ("Bolivian militants used Chilean civilians as human shields.", "CHL"),
])
def test_using_people_as_shields_targets_the_people(code, text, target):  # type: ignore[no-untyped-def]
    e = one(code(text), "ASSAULT")
    assert (e.cameo, tgt(e)) == ("181", target)


@pytest.mark.parametrize(("text", "event_type", "cameo"), [
    ("Chile decided to pull its troops out of Bolivia.", "RETREAT", "0874"),
    ("Peru decided on Thursday to ease sanctions on Bolivia.", "RETREAT", "085"),
])
def test_a_decision_is_the_act_decided_planned(code, text, event_type, cameo):  # type: ignore[no-untyped-def]
    events = code(text)
    assert [(e.event_type, e.cameo, e.status) for e in events] == [(event_type, cameo, "planned")]


def test_a_decision_with_no_act_is_no_record(code):  # type: ignore[no-untyped-def]
    assert code("Peru decided that the talks were over.") == []


@pytest.mark.parametrize(("text", "parties"), [
    ("Chile and Peru failed to reach agreement on the border.", {"CHL", "PER"}),
    ("Bolivian and Chilean negotiators have failed to reach a deal after hours of talks.", {"BOL", "CHL"}),
])
def test_failing_to_reach_agreement_is_a_mutual_rejection(code, text, parties):  # type: ignore[no-untyped-def]
    events = code(text)
    got = [(e.event_type, e.cameo, e.status, e.mutual) for e in events]
    assert got == [("REJECT", "120", "occurred", True)]
    assert {src(events[0]), tgt(events[0])} == parties


def test_not_failing_to_agree_is_no_rejection(code):  # type: ignore[no-untyped-def]
    assert all(e.event_type != "REJECT" for e in code("Peru did not fail to reach a deal."))


@pytest.mark.parametrize(("text", "cameo"), [
    ("Chile withdrew its peacekeepers from Bolivia.", "1661"),
    ("Peru withdrew its observers from Bolivia.", "1662"),
    ("Bolivia expelled the Chilean peacekeepers.", "1661"),
])
def test_withdrawing_peacekeepers_or_observers_reduces_relations(code, text, cameo):  # type: ignore[no-untyped-def]
    e = one(code(text), "SANCTION")
    assert e.cameo == cameo


def test_what_someone_is_arrested_for_is_not_reported_done(code):  # type: ignore[no-untyped-def]
    events = code("Peruvian police arrested the activist for attacking a Chilean diplomat.")
    assert [e.event_type for e in events] == ["COERCE"]


@pytest.mark.parametrize(("text", "sources"), [
    ("Peru, Ecuador and Colombia announced support for the Chilean strikes.", {"PER", "ECU", "COL"}),
    ("Peru, Ecuador, Colombia, and Brazil also announced support for the Chilean strikes.",
     {"PER", "ECU", "COL", "BRA"}),
])
def test_a_coordinated_subject_the_parser_split_is_one_subject(code, text, sources):  # type: ignore[no-untyped-def]
    events = [e for e in code(text) if e.event_type == "SUPPORT"]
    assert {src(e) for e in events} == sources
    assert {tgt(e) for e in events} == {"CHL"}


@pytest.mark.parametrize(("text", "source"), [
    ("Chilean troops in the area will be pulled out.", "CHL"),
    ("Peruvian forces will be withdrawn from the border.", "PER"),
])
def test_forces_withdrawn_by_no_named_hand_are_withdrawn_by_their_state(code, text, source):  # type: ignore[no-untyped-def]
    e = one(code(text), "RETREAT")
    assert (e.cameo, src(e), e.status) == ("0874", source, "planned")


@pytest.mark.parametrize(("text", "event_type", "cameo"), [
    # CAMEO 016 (deny responsibility) is REJECT: PLOVER lists no type of its own for it
    ("Chile denied any role in the border incident.", "REJECT", "016"),
    ("The Peruvian government denied responsibility for the attack.", "REJECT", "016"),
    ("The Chilean government reiterated its denial of any role in the attack.", "REJECT", "016"),
    ("Peru repeated its denial that Lima had interfered.", "REJECT", "016"),
    # a signed agreement is AGREE (cameo.tsv v4)
    ("Chile and Bolivia signed a border treaty on Monday.", "AGREE", "057"),
    ("Peru signed a peace agreement with Ecuador.", "AGREE", "057"),
    # troops kept on alert are a raised alert status
    ("Peruvian troops remained on alert on Wednesday.", "MOBILIZE", "152"),
    ("Chilean soldiers stayed on high alert along the border.", "MOBILIZE", "152"),
    ("Bolivia has violated a ban on missile tests.", "REJECT", "128"),
])
def test_a_class_of_sentence_codes_to_its_cameo_code(code, text, event_type, cameo):  # type: ignore[no-untyped-def]
    assert one(code(text), event_type).cameo == cameo


@pytest.mark.parametrize(("text", "source"), [
    ("The overnight Chilean-led strikes on Bolivia killed dozens.", "CHL"),
    ("The Bolivian depot was hit by a Chile-led missile attack.", "CHL"),
])
def test_who_led_an_attack_did_it(code, text, source):  # type: ignore[no-untyped-def]
    e = one(code(text), "ASSAULT")
    assert (src(e), tgt(e)) == (source, "BOL")


@pytest.mark.parametrize(("text", "event_type", "cameo", "source"), [
    ("Peruvian troops were placed on high alert.", "MOBILIZE", "152", "PER"),
    ("About 1,000 Chilean troops were deployed to the border.", "MOBILIZE", "154", "CHL"),
    ("Some 2,000 Peruvian soldiers were deployed as peacekeeping forces.", "AID", "074", "PER"),
])
def test_forces_moved_by_no_named_hand_are_moved_by_their_state(  # type: ignore[no-untyped-def]
        code, text, event_type, cameo, source):
    e = one(code(text), event_type)
    assert (e.cameo, src(e)) == (cameo, source)


def test_sending_peacekeepers_is_peacekeeping_not_a_mobilization(code):  # type: ignore[no-untyped-def]
    e = one(code("Chile sent 300 peacekeepers to Haiti."), "AID")
    assert (e.cameo, src(e), tgt(e)) == ("074", "CHL", "HTI")


def test_protesters_moved_are_no_forces(code):  # type: ignore[no-untyped-def]
    assert code("The protesters were deployed.") == []
