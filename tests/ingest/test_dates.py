"""Dates as intervals with precision."""

from datetime import date, datetime

import pytest

from signaal.ingest import dates


@pytest.mark.parametrize("text,start,end,precision", [
    ("2022-02", datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59), "month"),
    ("2024-02", datetime(2024, 2, 1), datetime(2024, 2, 29, 23, 59, 59), "month"),
    ("2022-12", datetime(2022, 12, 1), datetime(2022, 12, 31, 23, 59, 59), "month"),
    ("2022", datetime(2022, 1, 1), datetime(2022, 12, 31, 23, 59, 59), "year"),
    ("2022-02-14", datetime(2022, 2, 14), datetime(2022, 2, 14, 23, 59, 59), "day"),
    ("2022-02-14T10:30", datetime(2022, 2, 14, 10, 30), datetime(2022, 2, 14, 10, 30), "time"),
    ("2022-02-14T23:30:00-02:00", datetime(2022, 2, 15, 1, 30), datetime(2022, 2, 15, 1, 30), "time"),
    ("2022-02-14 10:30:15Z", datetime(2022, 2, 14, 10, 30, 15), datetime(2022, 2, 14, 10, 30, 15), "time"),
])
def test_dates_parse_iso(text, start, end, precision):
    iv = dates.parse_iso(text)
    assert (iv.start, iv.end, iv.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["2022-13", "2022-02-30", "22-02", "februari 2022", "", "2022-02-14T25:00"])
def test_dates_parse_iso_rejects(text):
    assert dates.parse_iso(text) is None


@pytest.mark.parametrize("text,label,precision", [
    ("14 februari 2022", "2022-02-14", "day"),
    ("Mon, 14 Feb 2022 10:00:00 GMT", "2022-02-14T10:00:00", "time"),
    ("14 February 2022", "2022-02-14", "day"),
    ("maart 2021", "2021-03", "month"),
])
def test_dates_parse_free(text, label, precision):
    iv = dates.parse_free(text)
    assert (iv.label(), iv.precision) == (label, precision)


def test_dates_parse_free_junk_is_none():
    assert dates.parse_free("geen datum hier") is None


def test_dates_coerce_accepts_date_objects():
    assert dates.coerce(date(2022, 2, 14)).precision == "day"
    assert dates.coerce(datetime(2022, 2, 14, 9)).precision == "time"
    assert dates.coerce("2022-02").label() == "2022-02"
