"""The merge rule: the same event from different articles merges; near-misses stay apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from detente.merge import MergeItem, best_mention, counts, group_key, merge, merged_id

D = dt.date(2018, 1, 9)


def item(event_id: str, article_id: str, **kw: object) -> MergeItem:
    base = MergeItem(event_id=event_id, article_id=article_id, source_code="PRK", target_code="KOR",
                     event_type="CONSULT", cameo="043", status="occurred", date=D, date_precision="day",
                     story_id=article_id, outlet=f"outlet-{article_id}", published=D, confidence=0.8)
    return replace(base, **kw)  # type: ignore[arg-type]


def sizes(items: list[MergeItem]) -> list[int]:
    return sorted(len(c) for c in merge(items))


def test_reports_from_different_articles_merge() -> None:
    events = merge([item("e1", "a"), item("e2", "b"), item("e3", "c", published=D + dt.timedelta(days=2))])
    assert len(events) == 1
    c = counts(events[0])
    assert (c.num_mentions, c.num_articles, c.num_sources, c.num_stories) == (3, 3, 3, 3)
    assert c.first_seen == D and c.last_seen == D + dt.timedelta(days=2)


def test_reprints_count_once_per_story() -> None:
    wire = [item("e1", "a", story_id="a", outlet="Wire"), item("e2", "b", story_id="a", outlet="Daily"),
            item("e3", "c", story_id="a", outlet="Herald")]
    (event,) = merge(wire)
    c = counts(event)
    assert c.num_articles == 3 and c.num_sources == 3 and c.num_stories == 1


def test_same_day_events_of_different_kinds_do_not_merge() -> None:
    # same actors, same day, same PLOVER type: a meeting and a phone call are two events
    assert sizes([item("e1", "a", cameo="043"), item("e2", "b", cameo="040")]) == [1, 1]
    # an agreement and a threat, a planned meeting and a held one, a denial and the act
    assert sizes([item("e1", "a"), item("e2", "b", event_type="THREATEN", cameo="138")]) == [1, 1]
    assert sizes([item("e1", "a"), item("e2", "b", status="planned")]) == [1, 1]
    assert sizes([item("e1", "a"), item("e2", "b", status="negated")]) == [1, 1]


def test_direction_and_actors_matter() -> None:
    assert sizes([item("e1", "a"), item("e2", "b", source_code="KOR", target_code="PRK")]) == [1, 1]
    assert sizes([item("e1", "a"), item("e2", "b", target_code="USA")]) == [1, 1]


def test_different_places_on_the_same_day_do_not_merge() -> None:
    items = [item("e1", "a", location_name="Panmunjom"), item("e2", "b", location_name="Beijing"),
             item("e3", "c", location_name="panmunjom"), item("e4", "d")]
    events = merge(items)
    assert sorted(sorted(m.event_id for m in e) for e in events) == [["e1", "e3", "e4"], ["e2"]]


def test_two_records_in_one_article_stay_two_events() -> None:
    # an article reporting two same-day meetings; a reprint of it pairs up with each
    items = [item("e1", "a", sentence_index=0), item("e2", "a", sentence_index=5),
             item("e3", "b", story_id="a", sentence_index=0), item("e4", "b", story_id="a", sentence_index=5)]
    events = merge(items)
    assert sorted(sorted(m.event_id for m in e) for e in events) == [["e1", "e3"], ["e2", "e4"]]


def test_records_without_actors_merge_only_within_their_story() -> None:
    bare = {"source_code": None, "target_code": None, "event_type": "AGREE", "cameo": "030"}
    assert sizes([item("e1", "a", **bare), item("e2", "b", **bare)]) == [1, 1]
    assert sizes([item("e1", "a", **bare), item("e2", "b", story_id="a", **bare)]) == [2]
    # one named actor is enough
    assert sizes([item("e1", "a", target_code=None), item("e2", "b", target_code=None)]) == [2]


def test_date_window() -> None:
    near = [item("e1", "a"), item("e2", "b", date=D + dt.timedelta(days=1))]
    far = [item("e1", "a"), item("e2", "b", date=D + dt.timedelta(days=2))]
    assert sizes(near) == [2]
    assert sizes(far) == [1, 1]
    assert sizes([item("e1", "a"), item("e2", "b", date=D + dt.timedelta(days=3))]) == [1, 1]
    assert len(merge(far, window_days=2)) == 1


def test_window_is_anchored_not_chained() -> None:
    # 9th, 10th, 11th: the 11th is two days after the event's first date
    chain = [item("e1", "a"), item("e2", "b", date=D + dt.timedelta(days=1)),
             item("e3", "c", date=D + dt.timedelta(days=2))]
    assert sizes(chain) == [1, 2]


def test_coarse_dates_merge_only_with_the_same_period() -> None:
    month = {"date": dt.date(2018, 1, 1), "date_precision": "month"}
    assert sizes([item("e1", "a", **month), item("e2", "b", **month)]) == [2]
    assert sizes([item("e1", "a", **month), item("e2", "b", date=dt.date(2018, 1, 1))]) == [1, 1]


def test_undated_uses_publication_date_and_else_only_its_story() -> None:
    assert sizes([item("e1", "a", date=None), item("e2", "b", date=None)]) == [2]
    nothing = {"date": None, "published": None}
    assert sizes([item("e1", "a", **nothing), item("e2", "b", **nothing)]) == [1, 1]
    assert sizes([item("e1", "a", **nothing), item("e2", "b", story_id="a", **nothing)]) == [2]


def test_result_does_not_depend_on_input_order() -> None:
    items = [item(f"e{i}", f"a{i % 4}", date=D + dt.timedelta(days=i % 3), sentence_index=i)
             for i in range(12)]
    forward = sorted(merged_id(e) for e in merge(items))
    backward = sorted(merged_id(e) for e in merge(list(reversed(items))))
    assert forward == backward


def test_best_mention_is_the_most_confident() -> None:
    members = [item("e1", "a", confidence=0.6), item("e2", "b", confidence=0.9),
               item("e3", "c", confidence=0.9, published=D - dt.timedelta(1))]
    assert best_mention(members).event_id == "e3"


def test_group_key_ignores_trigger_wording() -> None:
    # outlets word the same act differently; the key is codes, not text
    assert group_key(item("e1", "a")) == group_key(item("e2", "b", sentence_index=3, confidence=0.5))
