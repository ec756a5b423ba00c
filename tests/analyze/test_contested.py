"""Contested claims: opposite stances from different sides; figures that disagree."""

import pytest

from analyze_data import crisis_store
from signaal.analyze.contested import contested, disagree, periods
from signaal.analyze.rows import QuantityRow, load_events, load_quantities


@pytest.fixture
def groups(tmp_path):
    with crisis_store(tmp_path / "s.db") as store:
        yield contested(load_events(store), load_quantities(store))


def test_contested_withdrawal_claims_grouped(groups):
    [g] = [g for g in groups if g.kind == "stance" and g.about["type"] == "RETREAT"]
    assert g.about == {"type": "RETREAT", "source_actor": "RUS", "target_actor": "UKR"}
    assert g.sides == {"asserted": ["RUS"], "denied": ["NATO"]}
    assert (g.first, g.last) == ("2022-02-15", "2022-02-16")
    assert {i["claim_source"] for i in g.items} == {"Russian Defence Ministry", "Jens Stoltenberg"}


def test_contested_expected_attack_vs_kremlin_denial(groups):
    [g] = [g for g in groups if g.kind == "stance" and g.about["type"] == "ASSAULT"]
    assert g.sides == {"denied": ["RUS"], "expected": ["GBR", "USA"]}
    assert all(i["sentence"] for i in g.items)


def test_contested_troop_numbers_grouped(groups):
    [g] = [g for g in groups if g.kind == "number"]
    assert g.about["unit"] == "troops"
    assert g.sides["values"] == {"Ukraine": [100000.0],
                                 "United States": [130000.0, 150000.0, 190000.0]}
    # 30,000 in Belarus (NATO) is another magnitude: not part of the dispute.
    assert "NATO" not in g.sides["values"]
    assert [i["date"] for i in g.items] == sorted(i["date"] for i in g.items)


def q(value, value_max=None):
    return QuantityRow("q", "a", "2022-02-01", "day", value, "troops", value_max=value_max)


@pytest.mark.parametrize("a,b,expected", [
    (q(130000), q(127000), False),  # within 5%
    (q(130000), q(100000), True),
    (q(169000, 190000), q(180000), False),  # inside the range
    (q(169000, 190000), q(130000), True),
])
def test_contested_disagree(a, b, expected):
    assert disagree(a, b) is expected


def test_contested_periods_span_at_most_the_window():
    rows = [QuantityRow("q", "a", d, "day", 1, "x") for d in
            ("2022-01-01", "2022-01-10", "2022-01-15", "2022-01-16", "2022-02-20")]
    # 15 Jan is 14 days after 1 Jan (inside the window), 16 Jan is 15 days after (a new period).
    assert [[r.date for r in run] for run in periods(rows, 14)] == [
        ["2022-01-01", "2022-01-10", "2022-01-15"], ["2022-01-16"], ["2022-02-20"]]


def test_contested_same_side_asserting_and_denying_is_not_a_dispute(tmp_path):
    from analyze_data import Builder
    from signaal import Store

    b = Builder()
    b.article("x", "2022-02-01", "NOS", ["Rusland zegt ja.", "Rusland zegt nee."], [
        ("event", 0, {"type": "CONSULT", "mode": "asserted", "per": "Russia"}),
        ("event", 1, {"type": "CONSULT", "mode": "denied", "per": "Russia"})])
    with Store(tmp_path / "s.db") as store:
        b.write(store)
        assert contested(load_events(store), []) == []
