"""Dashboard pages. Each page's data comes from the function behind an API endpoint, and the
page links that endpoint's JSON (``<link rel="alternate">`` and a visible link).
"""

from __future__ import annotations

from datetime import date as _date, timedelta
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..api import data, signals
from ..api.errors import ApiError
from ..records import MODES, PLOVER_TYPES, POLARITIES
from . import charts
from .highlight import article_html, mark_text, quantity_tag, sentence_html, snippet_html

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50
DYAD_EVENTS = 20


def templates(user_dir: Optional[str | Path] = None) -> Jinja2Templates:
    """The page templates: ``user_dir`` (if given) is searched before the packaged ones."""
    dirs = ([str(user_dir)] if user_dir else []) + [str(HERE / "templates")]
    # Lenient undefined: analysis rows are open dicts and a missing key must read as empty.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), autoescape=True)
    env.globals.update(sentence_html=sentence_html, mark_text=mark_text, snippet_html=snippet_html,
                       quantity_tag=quantity_tag,
                       fmt=charts.fmt_value, POLARITIES=POLARITIES, MODES=MODES,
                       PLOVER_TYPES=PLOVER_TYPES, query=query_string)
    return Jinja2Templates(env=env)


def query_string(**params: Any) -> str:
    """``?a=1&b=2`` of the non-empty params (for links that keep the current filters)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


def page(request: Request, name: str, title: str, json_url: str, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, name, {"title": title, "json_url": json_url, **context})


def render_error(request: Request, body: dict[str, Any]) -> Response:
    """The error page for the one error shape (``api.errors``)."""
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"title": f"Error {body['status']}", "json_url": None,
                                "err": body}, status_code=body["status"])


def _store(request: Request):
    return request.app.state.backend.store()


def _month_end(label: str) -> str:
    return label  # a YYYY-MM filter already covers the whole month


def _week_end(label: str) -> str:
    return (_date.fromisoformat(label) + timedelta(days=6)).isoformat()


@router.get("/")
def overview(request: Request) -> Response:
    store = _store(request)
    stats = store.stats()
    volume = charts.bar_chart(data.volume(store),
                              lambda m: "/search" + query_string(date_from=m, date_to=m))
    return page(request, "overview.html", "Overview", "/api/stats", stats=stats, volume=volume,
                dyads=data.dyads(store, 12), actors=data.actors(store)[:12],
                alerts=signals.alerts(store), recent=data.articles_page(store, limit=10)["rows"])


@router.get("/dyads/{source}/{target}")
def dyad(request: Request, source: str, target: str, bucket: str = "day",
         date: Optional[str] = None) -> Response:
    store = _store(request)
    if bucket not in signals.BUCKETS:
        raise ApiError(400, f"unknown bucket {bucket!r}; use day, week or month")
    series = signals.dyad_series(store, source, target, bucket)

    def href(p: dict) -> Optional[str]:
        if not p["events"]:
            return None
        return f"/dyads/{source}/{target}" + query_string(bucket=bucket, date=p["date"]) + "#evidence"

    def title(p: dict) -> str:
        return (f"{p['date']}: index {p['value']:g} (band {p['low']:g} to {p['high']:g}; "
                f"verbal {p['verbal']:g}, material {p['material']:g}); "
                f"{p['events']} events, {p['sources']} sources")

    chart = charts.line_chart(series["points"], href, title)
    evidence = signals.dyad_evidence(store, source, target, bucket, date) if date else None
    events = data.records_page(store, "events", {"source_actor": source, "target_actor": target},
                               limit=DYAD_EVENTS)
    json_url = f"/api/dyads/{source}/{target}/series?bucket={bucket}"
    return page(request, "dyad.html", f"{source} → {target}", json_url, source=source,
                target=target, bucket=bucket, series=series, chart=chart, date=date,
                evidence=evidence, events=events,
                evidence_json=series["points"] and date and signals.evidence_path(
                    source, target, bucket, date))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> Response:
    detail = data.article_detail(_store(request), article_id)
    return page(request, "article.html", detail["title"] or detail["lead"] or article_id,
                f"/api/articles/{article_id}", a=detail, body=article_html(detail))


@router.get("/claims")
def claims(request: Request, actor: Optional[str] = None, source: Optional[str] = None,
           polarity: Optional[str] = None, contains: Optional[str] = None,
           date_from: Optional[str] = None, date_to: Optional[str] = None,
           offset: int = 0) -> Response:
    store = _store(request)
    if polarity and polarity not in POLARITIES:
        raise ApiError(400, f"unknown polarity {polarity!r}; use one of {', '.join(POLARITIES)}")
    filters = {"actor": actor or None, "source": source or None, "polarity": polarity or None}
    found = data.records_page(store, "claims", filters, date_from=date_from or None,
                              date_to=date_to or None, contains=contains or None,
                              limit=PAGE, offset=max(offset, 0))
    args = dict(actor=actor, source=source, polarity=polarity, contains=contains,
                date_from=date_from, date_to=date_to)
    return page(request, "claims.html", "Claims", "/api/claims" + query_string(**args),
                found=found, args=args, stances=data.stance_table(store),
                contested=signals.contested(store))


@router.get("/events")
def events(request: Request, actor: Optional[str] = None, source_actor: Optional[str] = None,
           target_actor: Optional[str] = None, type: Optional[str] = None,
           mode: Optional[str] = None, contains: Optional[str] = None,
           date_from: Optional[str] = None, date_to: Optional[str] = None,
           offset: int = 0) -> Response:
    if type and type not in PLOVER_TYPES or mode and mode not in MODES:
        raise ApiError(400, "unknown event type or mode; pick one from the lists")
    filters = {"actor": actor or None, "source_actor": source_actor or None,
               "target_actor": target_actor or None, "type": type or None, "mode": mode or None}
    found = data.records_page(_store(request), "events", filters, date_from=date_from or None,
                              date_to=date_to or None, contains=contains or None,
                              limit=PAGE, offset=max(offset, 0))
    args = dict(actor=actor, source_actor=source_actor, target_actor=target_actor, type=type,
                mode=mode, contains=contains, date_from=date_from, date_to=date_to)
    return page(request, "events.html", "Events", "/api/events" + query_string(**args),
                found=found, args=args)


@router.get("/stories")
def stories(request: Request, bucket: str = "week") -> Response:
    store = _store(request)
    if bucket not in ("week", "month"):
        raise ApiError(400, f"unknown bucket {bucket!r}; use week or month")
    found = signals.stories(store)
    tl = signals.timeline(store, bucket)
    chart = _timeline_lanes(tl, bucket) if tl["available"] else {"empty": True}
    dates = {a: _article_day(store, a) for s in found["rows"] for a in s["articles"]}
    return page(request, "stories.html", "Stories and timeline", "/api/stories",
                stories=found, timeline=tl, chart=chart, bucket=bucket, dates=dates,
                story_chart=_story_lanes(found["rows"][:STORY_LANES], dates))


STORY_LANES = 15


def _article_day(store: Any, article_id: str) -> Optional[str]:
    a = store.article(article_id)
    return a.published.start.date().isoformat() if a and a.published else None


def _story_lanes(stories: list[dict], dates: dict[str, Optional[str]]) -> dict[str, Any]:
    """One lane per story; a dot per day with articles, linking to the story's article list."""
    lanes, days = [], set()
    for s in stories:
        per_day: dict[str, int] = {}
        for a in s["articles"]:
            if dates.get(a):
                per_day[dates[a]] = per_day.get(dates[a], 0) + 1
        days |= set(per_day)
        label = s["label"] if len(s["label"]) <= 28 else s["label"][:27] + "…"
        lanes.append({"label": f"{s['id']}. {label}", "href": f"#story-{s['id']}", "items": [
            {"date": d, "n": n, "href": f"#story-{s['id']}",
             "title": f"{s['label']}: {n} article(s) on {d}"} for d, n in sorted(per_day.items())]})
    return charts.lanes_chart(lanes, sorted(days))


def _timeline_lanes(tl: dict[str, Any], bucket: str) -> dict[str, Any]:
    """One lane per event type; a dot per bucket sized by records, linking to those events."""
    end = _week_end if bucket == "week" else _month_end
    per_type: dict[str, dict[str, int]] = {}
    for c in tl["events"]:
        per_type.setdefault(c["type"], {}).setdefault(c["bucket"], 0)
        per_type[c["type"]][c["bucket"]] += c["records"]
    dates = sorted({c["bucket"] for c in tl["events"]})
    lanes = []
    for typ in sorted(per_type, key=lambda t: -sum(per_type[t].values())):
        items = [{"date": b, "n": n, "title": f"{typ}, {bucket} of {b}: {n} events",
                  "href": "/events" + query_string(type=typ, date_from=b, date_to=end(b))}
                 for b, n in sorted(per_type[typ].items())]
        lanes.append({"label": typ, "href": "/events" + query_string(type=typ), "items": items})
    return charts.lanes_chart(lanes, dates)


@router.get("/search")
def search(request: Request, q: Optional[str] = None, date_from: Optional[str] = None,
           date_to: Optional[str] = None, source: Optional[str] = None,
           lang: Optional[str] = None, offset: int = 0) -> Response:
    found = data.articles_page(_store(request), q, date_from=date_from or None,
                               date_to=date_to or None, source=source or None,
                               lang=lang or None, limit=PAGE, offset=max(offset, 0))
    args = dict(q=q, date_from=date_from, date_to=date_to, source=source, lang=lang)
    return page(request, "search.html", f"Search: {q}" if q else "Articles",
                "/api/articles" + query_string(**args), found=found, args=args)
