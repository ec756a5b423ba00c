"""Change points on dyad series (ruptures PELT)."""

import numpy as np
import pytest

from analyze_data import crisis_store
from signaal.analyze.changepoint import change_points, series_change_points
from signaal.analyze.index import dyad_index
from signaal.analyze.rows import load_events


@pytest.mark.parametrize("values,expected", [
    ([0, 1, 0, 2, 0, 1, 0, 0, 1, 8, 9, 10, 8, 12, 9, 11, 10], [9]),
    ([5, 5, 5, 5, 5, 5, 5, 5], []),
    ([0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 10, 0, 12, 0, 9, 0, 0], []),  # scattered spikes: no regime
])
def test_changepoint_indices(values, expected):
    assert change_points(np.array(values, dtype=float)) == expected


def test_changepoint_invasion_day_on_crisis_series(tmp_path):
    with crisis_store(tmp_path / "s.db") as store:
        series = dyad_index(load_events(store), "RUS", "UKR", "day")
    [cp] = series_change_points(series)
    assert (cp.bucket, cp.direction) == ("2022-02-24", "up")
    assert cp.after > 30 > cp.before
