"""One error shape for every 4xx/5xx: ``{"ok": false, "error", "errors", "status"}``.

Like Datasette's ``handle_exception``: API paths (and clients that do not ask for HTML) get
JSON; dashboard pages get the same message rendered in ``error.html``.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, InputError, LanguageNotSupported, SignaalError
from .models import ErrorBody

log = logging.getLogger(__name__)

# SignaalError subclass -> HTTP status; anything else of ours is a server-side failure.
STATUS_OF = ((ConfigError, 400), (InputError, 400), (LanguageNotSupported, 400))
# Standard error responses documented on every endpoint (schemathesis checks against them).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text} for code, text in (
        (400, "Bad request"), (404, "Not found"), (422, "Invalid parameters"),
        (500, "Server error"))
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    **{code: {"model": ErrorBody, "description": text} for code, text in (
        (401, "Missing or wrong bearer token"), (403, "Writes are disabled (read-only server)"),
        (413, "Request too large (max_request_bytes / max_request_records)"))},
}


class ApiError(Exception):
    """An error with an HTTP status, raised by endpoints and guards."""

    def __init__(self, status: int, error: str, errors: Optional[list[str]] = None,
                 headers: Optional[dict[str, str]] = None):
        super().__init__(error)
        self.status, self.error = status, error
        self.errors = errors if errors is not None else [error]
        self.headers = headers


def error_body(status: int, error: str, errors: Optional[list[str]] = None) -> dict[str, Any]:
    """The error shape."""
    return {"ok": False, "error": error, "errors": errors if errors is not None else [error],
            "status": status}


def wants_html(request: Request) -> bool:
    """Dashboard pages asked for by a browser get HTML errors; everything else JSON."""
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json" or path.startswith("/static/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _field(loc: tuple) -> str:
    return ".".join(str(x) for x in loc if x != "body") or "body"


def validation_messages(exc: RequestValidationError) -> list[str]:
    """'query.limit: Input should be less than or equal to 500' per problem."""
    return [f"{_field(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}" for e in exc.errors()]


def install(app: FastAPI, render_html: Callable[[Request, dict[str, Any]], Response]) -> None:
    """Register the handlers; ``render_html`` turns an error body into a dashboard page."""

    def respond(request: Request, status: int, error: str, errors: Optional[list[str]] = None,
                headers: Optional[dict[str, str]] = None) -> Response:
        body = error_body(status, error, errors)
        if wants_html(request):
            response = render_html(request, body)
        else:
            response = JSONResponse(body, status_code=status)
        response.status_code = status
        response.headers.update(headers or {})
        return response

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.error, exc.errors, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no page or endpoint at {request.url.path}; the API is listed at /openapi.json"
        return respond(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        messages = validation_messages(exc)
        return respond(request, 422, "invalid request: " + "; ".join(messages), messages)

    @app.exception_handler(SignaalError)
    async def _ours(request: Request, exc: SignaalError) -> Response:
        status = next((s for cls, s in STATUS_OF if isinstance(exc, cls)), 500)
        if status == 500:
            log.error("request %s failed: %s", request.url.path, exc)
        return respond(request, status, str(exc))

