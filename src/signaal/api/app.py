"""The application factory: the JSON API under ``/api/``, the dashboard, its static files.

>>> app = create_app("signaal.db", {"api_token": "s3cret"})  # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, AsyncIterator, Mapping, Optional, Union

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store
from . import errors, ingest, routes
from .backend import Backend
from .guard import Guard

DESCRIPTION = """Evidence-linked political signals from Dutch and English news.

Reads are open; writes (`POST /api/ingest`, `POST /api/ingest/files`) need
`Authorization: Bearer <token>` (`signaal serve --token` or `SIGNAAL_API_TOKEN`) and are refused
on a `--read-only` server. Every error is `{"ok": false, "error", "errors", "status"}`.
"""


def create_app(store_or_path: Union[Store, str, Path],
               settings: Optional[Mapping[str, Any]] = None,
               template_dir: Optional[Union[str, Path]] = None) -> FastAPI:
    """The ASGI app over a store (a path/URL, or a file-backed ``Store`` whose path it reuses).

    ``settings`` override the settings table (``api_token``, ``read_only``,
    ``max_request_bytes``, ``max_request_records``, ...); ``template_dir`` holds templates
    that replace the packaged ones of the same name.
    """
    from ..web import views

    backend = Backend(store_or_path, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()

    app = FastAPI(title="Signaal", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.backend = backend
    app.state.templates = views.templates(template_dir)
    errors.install(app, views.render_error)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=views.HERE / "static"), name="static")
    app.add_middleware(Guard, max_bytes_of=lambda: backend.settings["max_request_bytes"])
    return app
