"""Dyad escalation index: independent-source counting, parts, band and drill-down.

Expected values are worked out by hand from analyze_data.py: MOBILIZE asserted weighs 7.2,
ASSAULT asserted 10, ASSAULT expected 10 × 0.4 = 4, ASSAULT denied 1, RETREAT asserted −5,
RETREAT denied −0.5 (escalation = −Goldstein weight × mode factor).
"""

import pytest

from analyze_data import Builder, crisis_store, mobilize
from signaal import Store
from signaal.analyze.index import drilldown, dyad_index, escalation_weights
from signaal.analyze.rows import load_events


@pytest.fixture
def events(tmp_path):
    with crisis_store(tmp_path / "s.db") as store:
        yield load_events(store)


def test_index_weights_follow_type_and_mode():
    w = escalation_weights()
    assert w[("ASSAULT", "asserted")] == (10.0, "material")
    assert w[("ASSAULT", "expected")] == pytest.approx((4.0, "material"))
    assert w[("THREATEN", "asserted")] == (6.0, "verbal")
    assert w[("RETREAT", "asserted")] == (-5.0, "material")


def test_index_build_up_rises_week_by_week(events):
    series = dyad_index(events, "RUS", "UKR", "week")
    values = {p.bucket: p.value for p in series.points}
    assert values == pytest.approx({"2022-01-10": 7.2, "2022-01-17": 7.2, "2022-01-24": 0.0,
                                    "2022-01-31": 14.4, "2022-02-07": 21.6, "2022-02-14": 25.1,
                                    "2022-02-21": 40.0})
    rising = [values[w] for w in ("2022-01-17", "2022-01-31", "2022-02-07", "2022-02-14", "2022-02-21")]
    assert rising == sorted(rising)
    assert series.imprecise == 1  # the month-dated article is not piled onto one week


def test_index_syndicated_copy_and_same_outlet_count_once(events):
    # Week of 7 Feb: ANP + its Regionaal copy (one group), NOS twice, Trouw: 3 reporters.
    point = {p.bucket: p for p in dyad_index(events, "RUS", "UKR", "week").points}["2022-02-07"]
    assert (point.sources, point.events, point.value) == (3, 5, pytest.approx(21.6))


def test_index_verbal_and_material_parts(tmp_path):
    b = Builder()
    b.article("t", "2022-03-01", "NOS", ["Rusland dreigt en mobiliseert."],
              [("event", 0, {"type": "THREATEN", "mode": "asserted"}), mobilize()])
    with Store(tmp_path / "s.db") as store:
        b.write(store)
        point = dyad_index(load_events(store), "RUS", "UKR", "day").points[0]
    assert (point.verbal, point.material, point.value) == pytest.approx((6.0, 7.2, 13.2))


def test_index_band_contains_value_and_is_wide_for_one_source(events):
    series = dyad_index(events, "RUS", "UKR", "week")
    for p in series.points:
        assert p.low <= p.value <= p.high
    first = series.points[0]  # one reporter: Poisson(1) weights give 0 .. 3 × the value
    assert (first.low, first.high) == pytest.approx((0.0, 21.6))


def test_index_is_deterministic_and_filters_the_dyad(events):
    assert dyad_index(events, "RUS", "UKR") == dyad_index(events, "RUS", "UKR")
    taiwan = dyad_index(events, "CHN", "TWN", "day")
    assert [(p.bucket, p.value) for p in taiwan.points] == [("2022-02-09", 7.2)]


def test_index_drilldown_lists_events_with_sentences(events):
    rows = drilldown(events, "RUS", "UKR", "2022-02-08", "day")
    assert len(rows) == 5
    assert sum(r["counted"] for r in rows) == 3
    for r in rows:
        assert r["sentence"].startswith("Rusland trekt volgens de Amerikanen")
        assert r["type"] == "MOBILIZE" and r["weight"] == 7.2
