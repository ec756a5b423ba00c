"""Timelines: events by type × mode, claims by source × polarity, cut by actor/dyad/articles."""

import pytest

from analyze_data import crisis_store
from signaal.analyze.buckets import bucket, fits, span
from signaal.analyze.rows import load_claims, load_events
from signaal.analyze.timeline import Cut, timeline


@pytest.fixture
def rows(tmp_path):
    with crisis_store(tmp_path / "s.db") as store:
        yield load_events(store), load_claims(store)


@pytest.mark.parametrize("day,unit,label", [
    ("2022-02-16", "day", "2022-02-16"),
    ("2022-02-16", "week", "2022-02-14"),  # the Monday of its ISO week
    ("2022-02-13", "week", "2022-02-07"),
    ("2022-02-16", "month", "2022-02"),
])
def test_timeline_bucket_labels(day, unit, label):
    assert bucket(day, unit) == label


@pytest.mark.parametrize("precision,unit,ok", [
    ("month", "day", False), ("month", "week", False), ("month", "month", True),
    ("day", "week", True), ("time", "day", True),
])
def test_timeline_month_dates_only_fit_month_buckets(precision, unit, ok):
    assert fits(precision, unit) is ok


def test_timeline_span_is_gap_free():
    assert list(span("2021-12", "2022-02", "month")) == ["2021-12", "2022-01", "2022-02"]


def test_timeline_events_by_type_and_mode_per_week(rows):
    events, claims = rows
    tl = timeline(events, claims, "week", Cut(dyad=("RUS", "UKR")))
    cells = {(c["bucket"], c["type"], c["mode"]): (c["sources"], c["records"]) for c in tl.events}
    assert cells[("2022-02-07", "MOBILIZE", "asserted")] == (3, 5)
    assert cells[("2022-02-14", "ASSAULT", "expected")] == (2, 2)
    assert cells[("2022-02-14", "RETREAT", "denied")] == (1, 1)
    assert cells[("2022-02-21", "ASSAULT", "asserted")] == (4, 10)
    assert tl.imprecise == 1


def test_timeline_claims_by_source_and_polarity_for_an_actor(rows):
    events, claims = rows
    tl = timeline(events, claims, "day", Cut(actor="RUS"))
    assert [(c["bucket"], c["source"], c["polarity"]) for c in tl.claims] == [
        ("2022-02-15", "Russian Defence Ministry", "asserted"),
        ("2022-02-16", "Kremlin", "denied")]
    assert not any(c["type"] == "MOBILIZE" and c["bucket"] == "2022-02-09" for c in tl.events)


def test_timeline_cut_to_articles(rows):
    events, claims = rows
    one = {e.article_id for e in events if e.date == "2022-02-24"}
    tl = timeline(events, claims, "month", Cut(articles=frozenset(one)))
    assert tl.events == [{"bucket": "2022-02", "type": "ASSAULT", "mode": "asserted",
                          "records": 4, "sources": 4}]
    assert tl.claims == []
