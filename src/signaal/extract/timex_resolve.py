"""Resolution rules for time expressions (ANNOTATION.md "Time expressions").

Each rule takes the expression's parts (already turned into numbers/offsets by the lexicon), the
article's date interval and the sentence's tense, and returns a ``Resolution``: the guide's value
string (``2022-02``, ``2021-06-14``, ``2022-03-03/2022-03-09``, a week as ``2022-02-14/2022-02-20``, ``2022``), the
interval's first and last day, or no value and the reason. Honest about precision: a month-level
article date never fixes a weekday, "gisteren" or "deze week" to a day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

from ..records import Interval

MONTH_LEVEL = "the article date is month-level, so {what} cannot be fixed to a day"
NO_DATE = "the article has no date"
VAGUE = "a vague span: no interval can be given"


@dataclass(frozen=True)
class Resolution:
    """A resolved value with its interval (ISO dates), or None and why (``start``/``end`` may bound it)."""

    value: Optional[str] = None
    start: Optional[date] = None
    end: Optional[date] = None
    reason: Optional[str] = None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> Resolution:
    return Resolution(f"{y:04d}-{m:02d}", date(y, m, 1), _month_end(y, m))


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _day(d: date) -> Resolution:
    return Resolution(d.isoformat(), d, d)


def _span(a: Resolution, b: Resolution) -> Resolution:
    if a.value is None or b.value is None:
        return a if a.value is None else b
    return Resolution(f"{a.value}/{b.value}", a.start, b.end)


def _unresolved(reason: str, start: Optional[date] = None, end: Optional[date] = None) -> Resolution:
    return Resolution(None, start, end, reason)


def _is_dayish(anchor: Optional[Interval]) -> bool:
    return anchor is not None and anchor.precision in ("day", "time")


def _pick(candidates: list, ref, tense: Optional[str], near: int = 0):
    """The candidate nearest to ``ref`` that agrees with the tense (past: not after; future: not before).

    A candidate within ``near`` units of ``ref`` wins regardless of tense ("werd 16 februari
    genoemd" two days before the 16th names the coming 16th).
    """
    closest = min(candidates, key=lambda c: abs(_distance(c, ref)))
    if abs(_distance(closest, ref)) <= near:
        return closest
    if tense == "past":
        ok = [c for c in candidates if c <= ref]
    elif tense == "future":
        ok = [c for c in candidates if c >= ref]
    else:
        ok = []
    pool = ok or candidates
    # ties (six months either way) go to the past: news mostly reports what happened
    return min(pool, key=lambda c: (abs(_distance(c, ref)), _distance(c, ref) > 0))


def _distance(a, b) -> int:
    if isinstance(a, tuple):
        return (a[0] * 12 + a[1]) - (b[0] * 12 + b[1])
    return (a - b).days


def year_for_month(m: int, anchor: Interval, tense: Optional[str]) -> int:
    """The year that puts month ``m`` nearest the article date, consistent with tense."""
    if anchor.precision == "year":
        return anchor.start.year
    a = (anchor.start.year, anchor.start.month)
    # next month or last month is meant whatever the tense ("hoopt op een deal in september")
    return _pick([(a[0] + k, m) for k in (-1, 0, 1)], a, tense, near=1)[0]


def year_for_day(d: int, m: int, anchor: Interval, tense: Optional[str]) -> int:
    """The year for day ``d`` of month ``m``: by date with a day anchor, else by month."""
    if not _is_dayish(anchor):
        return year_for_month(m, anchor, tense)
    ref = anchor.start.date()
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:  # 29 February outside a leap year
            continue
    return _pick(cands, ref, tense, near=31).year if cands else ref.year


def _date(y: int, m: int, d: int) -> Resolution:
    try:
        return _day(date(y, m, d))
    except ValueError:
        return _unresolved(f"no such date: {y:04d}-{m:02d}-{d:02d}")


# -- rules (name -> function(parts, anchor, tense)) ------------------------------------------


def deictic(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """vandaag/gisteren/morgen...: the article day + offset; same-day ones take a coarser anchor."""
    off = int(p["deictic"])
    if anchor is None:
        return _unresolved(NO_DATE)
    if _is_dayish(anchor):
        return _day(anchor.start.date() + timedelta(days=off))
    if off == 0:
        return Resolution(anchor.label(), anchor.start.date(), anchor.end.date())
    return _unresolved(MONTH_LEVEL.format(what=f"a day {off:+d} from it"),
                       anchor.start.date() + timedelta(days=off), anchor.end.date() + timedelta(days=off))


def weekday(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """A weekday name: the nearest such day before (past, default) or after (future) the article day."""
    if anchor is None:
        return _unresolved(NO_DATE)
    wd, rel = int(p["weekday"]), p.get("rel")
    if not _is_dayish(anchor):
        return _unresolved(MONTH_LEVEL.format(what="a weekday"),
                           anchor.start.date() - timedelta(days=7), anchor.end.date() + timedelta(days=7))
    ref = anchor.start.date()
    if rel == 0:  # "deze maandag": the day in the article's ISO week
        return _day(ref + timedelta(days=wd - ref.weekday()))
    back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
    if rel is not None:  # "afgelopen maandag" on a Monday is a week ago
        return _day(ref - timedelta(days=back or 7) if rel < 0 else ref + timedelta(days=ahead or 7))
    if back == 0:  # the article's own weekday is the article's day
        return _day(ref)
    if tense is None:  # nearest: "woensdag" in a Monday article is in two days, not five ago
        tense = "past" if back < ahead else "future"
    return _day(ref - timedelta(days=back) if tense == "past" else ref + timedelta(days=ahead))


def weekday_range(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"van donderdag tot en met zondag": the first weekday resolved, the second on or after it."""
    first = weekday({"weekday": p["weekday"]}, anchor, tense)
    if first.value is None:
        return first
    last = first.start + timedelta(days=(int(p["weekday2"]) - int(p["weekday"])) % 7)
    return _span(first, _day(last))


def _week(ref: date, k: int) -> Resolution:
    """The ISO week (Monday to Sunday) ``k`` weeks from the one holding ``ref``, as an interval."""
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=k)
    return _span(_day(monday), _day(monday + timedelta(days=6)))


def relative(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """deze/vorige/volgende week, maand, jaar, weekend: the anchor's unit shifted by the offset."""
    if anchor is None:
        return _unresolved(NO_DATE)
    if p.get("the") is not None:  # "het weekend": the nearest one, or as the tense says
        return _the_weekend(anchor, tense)
    k, unit = int(p["rel"]), p["unit"]
    a = anchor.start.date()
    if unit == "year":
        y = a.year + k
        return Resolution(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))
    if unit == "month":
        if anchor.precision == "year":
            return _unresolved("the article date is year-level, so a month cannot be fixed")
        return _month(*_shift_month(a.year, a.month, k))
    if not _is_dayish(anchor):
        lo, hi = _week(a, k), _week(anchor.end.date(), k)
        return _unresolved(MONTH_LEVEL.format(what=f"a {unit}"), lo.start, hi.end)
    week = _week(a, k)
    if k == 0 and unit == "week" and p.get("part") in ("before", "after"):
        # "eerder deze week": Monday up to the day before the article; "later": the day after to Sunday
        day = timedelta(days=1)
        lo, hi = (week.start, max(week.start, a - day)) if p["part"] == "before" else (min(a + day, week.end), week.end)
        return _span(_day(lo), _day(hi))
    if unit == "weekend":
        return _span(_day(week.start + timedelta(days=5)), _day(week.end))
    return week


def _the_weekend(anchor: Interval, tense: Optional[str]) -> Resolution:
    if not _is_dayish(anchor):
        return _unresolved(MONTH_LEVEL.format(what="a weekend"))
    a = anchor.start.date()
    if tense is None:
        tense = "past" if a.weekday() <= 2 else "future"  # Monday-Wednesday: the one just gone
    week = _week(a, -1 if tense == "past" and a.weekday() < 5 else 0)
    return _span(_day(week.start + timedelta(days=5)), _day(week.end))


def vague(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"de afgelopen weken", "de komende dagen", "binnenkort": listed, never resolved."""
    return _unresolved(VAGUE)


def offset(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"twee jaar geleden", "over drie maanden": the anchor moved by N units, at that unit's precision."""
    if anchor is None:
        return _unresolved(NO_DATE)
    if p.get("num") in (None, ""):
        return _unresolved(VAGUE)
    n = int(p["num"]) * (-1 if p.get("ago") is not None else 1)
    unit, a = p["unit"], anchor.start.date()
    if unit == "year":
        return relative({"rel": n, "unit": "year"}, anchor, tense)
    if unit == "month":
        return relative({"rel": n, "unit": "month"}, anchor, tense)
    if unit in ("day", "week") and _is_dayish(anchor):
        return _day(a + timedelta(days=n * (7 if unit == "week" else 1)))
    if unit in ("day", "week"):
        return _unresolved(MONTH_LEVEL.format(what=f"{abs(n)} {unit}(s) from it"))
    return _unresolved(f"an offset in {unit}s is not resolved")


def month(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """A month name, optionally with a year, part (begin/eind) or offset word (afgelopen maart)."""
    m, y = int(p["month"]), p.get("year")
    if y is None and p.get("yrel") is not None:  # "juli volgend jaar"
        if anchor is None:
            return _unresolved(NO_DATE)
        y = anchor.start.year + int(p["yrel"])
    if y is None:
        if anchor is None:
            return _unresolved(NO_DATE)
        rel = p.get("rel")
        if rel is not None and int(rel) != 0:
            tense = "past" if int(rel) < 0 else "future"
        y = year_for_month(m, anchor, tense)
    return _month(int(y), m)


def day_month(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """Day + month ("op 14 juni", "June 14, 2021") as an ISO date."""
    d, m, y = int(p["day"]), int(p["month"]), p.get("year")
    if y is None:
        if anchor is None:
            return _unresolved(NO_DATE)
        y = year_for_day(d, m, anchor, tense)
    return _date(int(y), m, d)


def day_range(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"van 3 tot 9 maart": an ISO interval within one month."""
    first = day_month({"day": p["day"], "month": p["month"], "year": p.get("year")}, anchor, tense)
    if first.value is None:
        return first
    return _span(first, _date(first.start.year, first.start.month, int(p["day2"])))


def date_range(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"van 28 februari tot 3 maart": an ISO interval across months."""
    y2 = p.get("year2") or p.get("year")
    m1, m2 = int(p["month"]), int(p["month2"])
    y1 = p.get("year") if p.get("year2") else None
    if y2 is not None and y1 is None:
        y1 = int(y2) - (1 if m1 > m2 else 0)
    first = day_month({"day": p["day"], "month": m1, "year": y1}, anchor, tense)
    if first.value is None:
        return first
    y2 = y2 if y2 is not None else first.start.year + (1 if m2 < m1 else 0)
    return _span(first, _date(int(y2), m2, int(p["day2"])))


def month_range(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"van maart tot mei": an interval of months."""
    first = month({"month": p["month"], "year": p.get("year") or p.get("year2")}, anchor, tense)
    if first.value is None:
        return first
    m2, y2 = int(p["month2"]), p.get("year2")
    y2 = int(y2) if y2 is not None else first.start.year + (1 if m2 < first.start.month else 0)
    return _span(first, _month(y2, m2))


def numeric_date(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """24-02-2022 or 2022-02-24."""
    return _date(int(p["year"]), int(p["monthnum"]), int(p["day"]))


def year(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"in 2014"."""
    y = int(p["year"])
    return Resolution(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def year_range(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """"van 2014 tot 2016"."""
    return _span(year({"year": p["year"]}, anchor, tense), year({"year": p["year2"]}, anchor, tense))


def clock(p: dict, anchor: Optional[Interval], tense: Optional[str]) -> Resolution:
    """A clock time: a date-time on a day-precise article date, else unresolved."""
    if not _is_dayish(anchor):
        return _unresolved("a clock time without a day-precise date")
    h, mi = int(p["hour"]), int(p.get("minute") or 0)
    ampm = (p.get("ampm") or p.get("clockpart") or "").lower()
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    d = anchor.start.date()
    return Resolution(f"{d.isoformat()}T{h:02d}:{mi:02d}", d, d)


RULES: dict[str, Callable[[dict, Optional[Interval], Optional[str]], Resolution]] = {
    "deictic": deictic, "weekday": weekday, "relative": relative, "vague": vague, "soon": vague,
    "ago": offset, "ahead": offset, "month": month, "day_month": day_month,
    "day_range": day_range, "date_range": date_range, "month_range": month_range,
    "numeric_date": numeric_date, "year": year, "year_range": year_range, "clock": clock,
    "weekday_range": weekday_range,
}
