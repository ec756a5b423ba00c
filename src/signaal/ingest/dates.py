"""Dates as intervals with a precision: ``2022-02`` is the whole of February 2022, not the 1st.

ISO forms (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, date-times) are parsed exactly by
``parse_iso``; free-form dates from HTML and feeds ("14 februari 2022", "Mon, 14 Feb 2022
10:00:00 GMT") go through dateparser in ``parse_free``. Aware date-times are converted to UTC
and stored naive, so every stored interval compares with every other.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Optional

from ..records import Interval

ISO_RE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


def _naive_utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        return dt
    return dt.astimezone(timezone.utc).replace(tzinfo=None)


def year(y: int) -> Interval:
    """The whole year ``y``."""
    return Interval(datetime(y, 1, 1), datetime(y, 12, 31, 23, 59, 59), "year")


def month(y: int, m: int) -> Interval:
    """The whole month ``m`` of year ``y``."""
    last = calendar.monthrange(y, m)[1]
    return Interval(datetime(y, m, 1), datetime(y, m, last, 23, 59, 59), "month")


def day(d: date) -> Interval:
    """The whole day ``d``."""
    start = datetime(d.year, d.month, d.day)
    return Interval(start, start + timedelta(hours=23, minutes=59, seconds=59), "day")


def instant(dt: datetime) -> Interval:
    """A point in time (precision ``time``); aware values become naive UTC."""
    dt = _naive_utc(dt)
    return Interval(dt, dt, "time")


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_iso(text: str) -> Optional[Interval]:
    """An ISO date or date-time as an interval at the precision given; None if not ISO.

    >>> parse_iso("2022-02").precision
    'month'
    """
    m = ISO_RE.fullmatch(text.strip())
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["m"] is None:
            return year(int(g["y"]))
        if g["d"] is None:
            return month(int(g["y"]), int(g["m"]))
        if g["H"] is None:
            return day(date(int(g["y"]), int(g["m"]), int(g["d"])))
        micro = int((g["f"] or "0")[:6].ljust(6, "0"))
        dt = datetime(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"]), int(g["M"]),
                      int(g["S"] or 0), micro, tzinfo=_tz(g["tz"]))
    except ValueError:  # 2022-13, 2022-02-30, 25:00
        return None
    return instant(dt)


@lru_cache(maxsize=1)
def _dateparser():
    # dateparser is slow to import (regex tables); only free-form dates need it.
    import dateparser

    return dateparser


def parse_free(text: str, languages: tuple[str, ...] = ("nl", "en")) -> Optional[Interval]:
    """A free-form date ("14 februari 2022", RFC 822) as an interval; None if unreadable.

    Precision is ``time`` when the text names a clock time, else ``day`` (or coarser when
    dateparser reports it).
    """
    text = (text or "").strip()
    if not text:
        return None
    iso = parse_iso(text)
    if iso is not None:
        return iso
    dp = _dateparser()
    try:
        data = dp.date.DateDataParser(languages=list(languages)).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on junk; junk simply has no date
        return None
    if data is None or data.date_obj is None:
        return None
    dt = data.date_obj
    period = data.period or "day"
    if period == "year":
        return year(dt.year)
    if period == "month":
        return month(dt.year, dt.month)
    if period in ("time", "hour", "minute", "second") or re.search(r"\d:\d\d", text):
        return instant(dt)
    return day(dt.date())


def from_struct(st: time.struct_time | None) -> Optional[Interval]:
    """A feedparser ``*_parsed`` struct_time (UTC) as a time-precision interval."""
    if st is None:
        return None
    try:
        return instant(datetime(*st[:6]))
    except (TypeError, ValueError):
        return None


def coerce(value: object) -> Optional[Interval]:
    """An Interval from what a caller may pass as ``date=``: Interval, date, datetime or string."""
    if value is None or isinstance(value, Interval):
        return value
    if isinstance(value, datetime):
        return instant(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, str):
        return parse_iso(value) or parse_free(value)
    return None
