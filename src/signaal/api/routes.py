"""The read endpoints under ``/api/``. Each is a thin call into ``data`` or ``signals``.

Endpoints are plain ``def``: FastAPI runs them in worker threads, and each thread uses its own
store connection (``Backend.store``), fetched inside the endpoint so it stays in that thread.
"""

from __future__ import annotations

import inspect
import platform
from typing import Any, Literal, Optional

from fastapi import APIRouter, Path, Query, Request

from .. import __version__
from ..records import MODES, PLOVER_TYPES, POLARITIES
from ..store import Store
from . import data, signals
from .errors import ERROR_RESPONSES
from .models import (
    ActorSummary, AnalysisRows, ArticleDetail, ArticleSummary, ClaimOut, DyadSeries, DyadSummary,
    EventOut, Health, Page, QuantityOut, StanceRow, Version,
)

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

Polarity = Literal[POLARITIES]  # type: ignore[valid-type]
Mode = Literal[MODES]  # type: ignore[valid-type]
PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Bucket = Literal["day", "week", "month"]
# Years 1000-2999, months 01-12, days 01-31 (a day past the month's end means its last day).
DATE = r"^[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
CODE = r"^[A-Za-z0-9_.-]{1,32}$"



# Factories, not shared objects: FastAPI keeps per-parameter state on each Query instance.
def Limit():  # noqa: N802  (reads like the Query it returns)
    return Query(20, ge=1, le=500, description="Rows per page")


def Offset():  # noqa: N802
    return Query(0, ge=0, le=1_000_000)


def DateFrom():  # noqa: N802
    return Query(None, pattern=DATE, description="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD)")


def DateTo():  # noqa: N802
    return Query(None, pattern=DATE, description="Published on or before (YYYY, YYYY-MM, YYYY-MM-DD)")


def ActorCode():  # noqa: N802
    return Query(None, pattern=CODE, description="Country (ISO 3166 alpha-3) or IGO code")


def dates(date_from: Optional[str], date_to: Optional[str]) -> dict[str, Optional[str]]:
    """The date filters, a day past its month's end read as the month's last day."""
    return {"date_from": data.clamp_day(date_from), "date_to": data.clamp_day(date_to)}


def store_of(request: Request) -> Store:
    """This worker thread's store."""
    return request.app.state.backend.store()


@router.get("/health", response_model=Health, summary="Is the server up, and what does it hold")
def health(request: Request) -> dict[str, Any]:
    backend = request.app.state.backend
    return {"ok": True, "articles": store_of(request).count(), "read_only": backend.read_only,
            "writes_enabled": not backend.read_only and backend.token is not None}


@router.get("/version", response_model=Version, summary="Package and extractor versions")
def version() -> dict[str, Any]:
    from ..commands import load_extractor

    extract = load_extractor()
    extractor = getattr(inspect.getmodule(extract), "EXTRACTOR", None) if extract else None
    return {"signaal": __version__, "extractor": extractor, "python": platform.python_version()}


@router.get("/stats", response_model=dict[str, Any], summary="Counts by language, source, month")
def stats(request: Request) -> dict[str, Any]:
    return store_of(request).stats()


@router.get("/articles", response_model=Page[ArticleSummary],
            summary="Search articles (q, stemmed full text) or list them newest first")
def articles(request: Request, q: Optional[str] = Query(None, max_length=200),
             date_from: Optional[str] = DateFrom(), date_to: Optional[str] = DateTo(),
             source: Optional[str] = Query(None, max_length=200, description="Outlet"),
             lang: Optional[str] = Query(None, pattern=r"^[a-z]{2}$"),
             limit: int = Limit(), offset: int = Offset()) -> dict[str, Any]:
    return data.articles_page(store_of(request), q, **dates(date_from, date_to), source=source,
                              lang=lang, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail,
            summary="One article with every record and its character spans")
def article(request: Request, article_id: str = Path(max_length=64)) -> dict[str, Any]:
    return data.article_detail(store_of(request), article_id)


@router.get("/claims", response_model=Page[ClaimOut], summary="Claims across articles")
def claims(request: Request, actor: Optional[str] = ActorCode(),
           source: Optional[str] = Query(None, max_length=200, description="Source name"),
           polarity: Optional[Polarity] = None, direct: Optional[bool] = None,
           article_id: Optional[str] = Query(None, max_length=64),
           contains: Optional[str] = Query(None, max_length=200, description="Text in the sentence"),
           date_from: Optional[str] = DateFrom(), date_to: Optional[str] = DateTo(),
           limit: int = Limit(), offset: int = Offset()) -> dict[str, Any]:
    filters = {"actor": actor, "source": source, "polarity": polarity,
               "direct": None if direct is None else int(direct), "article_id": article_id}
    return data.records_page(store_of(request), "claims", filters, **dates(date_from, date_to),
                             contains=contains, limit=limit, offset=offset)


@router.get("/claims/stances", response_model=list[StanceRow],
            summary="Claims per source and polarity (who asserts, denies, demands most)")
def claim_stances(request: Request, top: int = Query(30, ge=1, le=500)) -> list[dict[str, Any]]:
    return data.stance_table(store_of(request), top)


@router.get("/events", response_model=Page[EventOut], summary="Events (PLOVER) across articles")
def events(request: Request, actor: Optional[str] = ActorCode(),
           source_actor: Optional[str] = ActorCode(), target_actor: Optional[str] = ActorCode(),
           type: Optional[PloverType] = None, mode: Optional[Mode] = None,
           article_id: Optional[str] = Query(None, max_length=64),
           contains: Optional[str] = Query(None, max_length=200, description="Text in the sentence"),
           date_from: Optional[str] = DateFrom(), date_to: Optional[str] = DateTo(),
           limit: int = Limit(), offset: int = Offset()) -> dict[str, Any]:
    filters = {"actor": actor, "source_actor": source_actor, "target_actor": target_actor,
               "type": type, "mode": mode, "article_id": article_id}
    return data.records_page(store_of(request), "events", filters, **dates(date_from, date_to),
                             contains=contains, limit=limit, offset=offset)


@router.get("/quantities", response_model=Page[QuantityOut],
            summary="Claimed numbers across articles (actor and polarity are the claim's)")
def quantities(request: Request, actor: Optional[str] = ActorCode(),
               claimed_by: Optional[str] = Query(None, max_length=200),
               unit: Optional[str] = Query(None, max_length=64), polarity: Optional[Polarity] = None,
               article_id: Optional[str] = Query(None, max_length=64),
               contains: Optional[str] = Query(None, max_length=200),
               date_from: Optional[str] = DateFrom(), date_to: Optional[str] = DateTo(),
               limit: int = Limit(), offset: int = Offset()) -> dict[str, Any]:
    filters = {"actor": actor, "claimed_by": claimed_by, "unit": unit, "polarity": polarity,
               "article_id": article_id}
    return data.records_page(store_of(request), "quantities", filters, **dates(date_from, date_to),
                             contains=contains, limit=limit, offset=offset)


@router.get("/actors", response_model=list[ActorSummary], summary="Actors by number of records")
def actors(request: Request) -> list[dict[str, Any]]:
    return data.actors(store_of(request))


@router.get("/dyads", response_model=list[DyadSummary], summary="Actor pairs with events")
def dyads(request: Request, limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
    return data.dyads(store_of(request), limit)


@router.get("/dyads/{source}/{target}/series", response_model=DyadSeries,
            summary="Escalation index of source → target per bucket, with its band",
            responses={501: {"description": "signaal.analyze lacks the index"}})
def dyad_series(request: Request, source: str = Path(pattern=CODE),
                target: str = Path(pattern=CODE), bucket: Bucket = "day") -> dict[str, Any]:
    return signals.dyad_series(store_of(request), source, target, bucket)


@router.get("/dyads/{source}/{target}/events", response_model=list[dict[str, Any]],
            summary="Drill-down: the events behind one point of the series, with sentences",
            responses={501: {"description": "signaal.analyze lacks the drill-down"}})
def dyad_events(request: Request, source: str = Path(pattern=CODE),
                target: str = Path(pattern=CODE), bucket: Bucket = "day",
                date: str = Query(pattern=DATE, description="The point's bucket label")
                ) -> list[dict[str, Any]]:
    return signals.dyad_evidence(store_of(request), source, target, bucket, data.clamp_day(date))


@router.get("/contested", response_model=AnalysisRows,
            summary="Contested claims: opposite stances and disagreeing numbers, grouped")
def contested(request: Request) -> dict[str, Any]:
    return signals.contested(store_of(request))


@router.get("/timeline", response_model=AnalysisRows,
            summary="Events by type × mode and claims by source × polarity per bucket")
def timeline(request: Request, bucket: Bucket = "week",
             actor: Optional[str] = ActorCode()) -> dict[str, Any]:
    return signals.timeline(store_of(request), bucket, actor)


@router.get("/stories", response_model=AnalysisRows, summary="Stories: article clusters over time")
def stories(request: Request) -> dict[str, Any]:
    return signals.stories(store_of(request))


@router.get("/alerts", response_model=AnalysisRows, summary="Alerts fired by the alert rules")
def alerts(request: Request) -> dict[str, Any]:
    return signals.alerts(store_of(request))
