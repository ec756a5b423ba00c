"""The write endpoints: ``POST /api/ingest`` (a JSON list of documents) and
``POST /api/ingest/files`` (uploaded files in any format ``signaal.read`` knows).

Both run the CLI's path: the readers (``read_input``), then ``Store.ingest`` with the
extractor ``signaal ingest`` uses. Uploaded bytes are read from memory, never written to a
path: a client's file name only labels the provenance (reduced to a safe base name), so
``../../etc/passwd`` cannot point anywhere.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional

from fastapi import APIRouter, Body, Depends, File, Query, Request, UploadFile

from ..commands import load_extractor
from ..ingest.core import read_input, resolve_options
from ..ingest.sources import Input
from ..records import Article, Quarantined
from .errors import WRITE_RESPONSES, ApiError
from .guard import require_write
from .data import clamp_day
from .models import Document, IngestOut
from .routes import DATE

router = APIRouter(prefix="/api", responses=WRITE_RESPONSES, dependencies=[Depends(require_write)])
JSON_NAME = "api/request.jsonl"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")



# Factories, not shared objects: FastAPI keeps per-parameter state on each Query instance.
def Extract():  # noqa: N802
    return Query(True, description="Extract records (as `signaal ingest`); false stores text only")


def Lang():  # noqa: N802
    return Query(None, pattern=r"^[a-z]{2}$", description="Language of every document (skip detection)")


def Date():  # noqa: N802
    return Query(None, pattern=DATE, description="Date for documents without one")


def Source():  # noqa: N802
    return Query(None, max_length=200, description="Outlet for documents that name none")


def safe_name(name: Optional[str]) -> str:
    """A client file name reduced to a harmless base name under ``api/`` (provenance only)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).lstrip(".")[:120]
    return "api/" + (base or "upload")


def read_all(inputs: Iterable[Input], settings: Any, lang: Optional[str], date: Optional[str],
             source: Optional[str], max_records: int) -> list:
    """Every item the inputs hold; 413 past ``max_records`` (before anything is stored)."""
    opts = resolve_options(date, lang, None, source, None, settings, None)
    items: list = []
    for inp in inputs:
        for item in read_input(inp, opts):
            items.append(item)
            if len(items) > max_records:
                raise ApiError(413, f"more than {max_records} documents in one request "
                                    "(setting max_request_records); split the upload")
    return items


def run(request: Request, items: list, extract: bool) -> dict[str, Any]:
    """Store the items as ``signaal ingest`` does; the report as JSON."""
    store = request.app.state.backend.store()
    extractor = load_extractor() if extract else None
    report = store.ingest(items, extract=extractor)
    return {"ok": report.failed == 0, "summary": report.summary(), "articles": report.articles,
            "new": report.new, "exact": report.exact, "near": report.near,
            "unchanged": report.unchanged, "quarantined": report.quarantined,
            "failed": report.failed, "failed_ids": report.failed_ids,
            "ids": [i.id for i in items if isinstance(i, Article)],
            "quarantine": [f"{q.file}:{q.record or '-'}: {q.reason}" for q in items
                           if isinstance(q, Quarantined)],
            "extracted": extractor is not None}


def _limit(request: Request) -> int:
    return int(request.app.state.backend.settings["max_request_records"])


@router.post("/ingest", response_model=IngestOut,
             summary="Ingest a JSON list of documents (needs 'Authorization: Bearer <token>')")
def ingest_documents(request: Request, documents: list[Document] = Body(min_length=1),
                     extract: bool = Extract(), lang: Optional[str] = Lang(),
                     date: Optional[str] = Date(), source: Optional[str] = Source()) -> dict[str, Any]:
    limit = _limit(request)
    if len(documents) > limit:
        raise ApiError(413, f"{len(documents)} documents is more than {limit} in one request "
                            "(setting max_request_records); split the list")
    lines = "\n".join(json.dumps(d.model_dump(exclude_none=True), ensure_ascii=False)
                      for d in documents)
    items = read_all([Input(name=JSON_NAME, data=lines.encode("utf-8"))],
                     request.app.state.backend.settings, lang, clamp_day(date), source, limit)
    return run(request, items, extract)


@router.post("/ingest/files", response_model=IngestOut,
             summary="Ingest uploaded files: seed/.txt, JSONL, CSV, HTML, RSS/Atom, WARC (.gz too)")
def ingest_files(request: Request,
                 files: list[UploadFile] = File(min_length=1, description="One or more files"),
                 extract: bool = Extract(), lang: Optional[str] = Lang(),
                 date: Optional[str] = Date(), source: Optional[str] = Source()) -> dict[str, Any]:
    limit = _limit(request)
    if len(files) > limit:
        raise ApiError(413, f"{len(files)} files is more than {limit} in one request "
                            "(setting max_request_records)")
    inputs = [Input(name=safe_name(f.filename), data=f.file.read()) for f in files]
    items = read_all(inputs, request.app.state.backend.settings, lang, clamp_day(date), source, limit)
    return run(request, items, extract)
