"""Chart geometry: round ticks, points inside the plot, links kept per point."""

from __future__ import annotations

import pytest

from signaal.web.charts import HEIGHT, PAD, bar_chart, lanes_chart, line_chart, nice_ticks


@pytest.mark.parametrize("lo, hi, expected", [
    (0, 10, [0, 2, 4, 6, 8, 10]),
    (-3, 14, [-5, 0, 5, 10, 15]),
    (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
])
def test_charts_nice_ticks(lo, hi, expected):
    assert nice_ticks(lo, hi) == pytest.approx(expected)


def test_charts_line_points_inside_the_plot_and_linked():
    points = [{"date": "2022-02-14", "value": 1.7, "low": 0.0, "high": 5.1, "events": 3},
              {"date": "2022-02-15", "value": 0.0, "events": 0},
              {"date": "2022-02-16", "value": -2.0, "low": -4.0, "high": 0.0, "events": 1}]
    c = line_chart(points, lambda p: f"/x?d={p['date']}" if p["events"] else None,
                   lambda p: p["date"])
    assert [d["href"] for d in c["dots"]] == ["/x?d=2022-02-14", None, "/x?d=2022-02-16"]
    for d in c["dots"]:
        assert PAD["top"] <= d["y"] <= HEIGHT - PAD["bottom"]
    # Higher values sit higher (smaller y); zero is between the two.
    assert c["dots"][0]["y"] < c["zero"] < c["dots"][2]["y"]
    assert c["dots"][1]["y"] == c["zero"]


def test_charts_empty_inputs():
    assert line_chart([], str, str)["empty"] and bar_chart([], str)["empty"]
    assert lanes_chart([], [])["empty"]


def test_charts_bars_scale_to_the_top_tick():
    c = bar_chart([("2022-01", 9), ("2022-02", 19)], lambda m: f"/search?m={m}")
    tall, short = c["bars"][1], c["bars"][0]
    assert tall["h"] > short["h"] and short["href"] == "/search?m=2022-01"
    assert tall["y"] + tall["h"] == pytest.approx(c["base"], abs=0.11)
