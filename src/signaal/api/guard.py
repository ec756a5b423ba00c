"""What keeps the server safe: write authorisation, a request body limit, security headers.

- Writes need ``Authorization: Bearer <api_token>``; with no token configured, or with
  ``read_only`` set, every write is refused (a server is read-only unless told otherwise).
- Bodies larger than ``max_request_bytes`` are refused with 413 before the app parses them,
  whether the client announced the length or streams it.
- Every response carries a strict Content-Security-Policy: scripts and styles only from this
  server, nothing inline, no framing.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Awaitable, Callable

from fastapi import Request

from .errors import ApiError, error_body

log = logging.getLogger(__name__)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def require_write(request: Request) -> None:
    """FastAPI dependency for write endpoints: read-only refuses, else the bearer token must match."""
    backend = request.app.state.backend
    if backend.read_only:
        raise ApiError(403, "this server is read-only (--read-only / setting read_only): "
                            "writes are refused")
    if backend.token is None:
        raise ApiError(403, "writes are disabled: start the server with --token or "
                            "SIGNAAL_API_TOKEN to allow ingest")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "missing token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), backend.token.encode()):
        raise ApiError(401, "wrong token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


class _TooLarge(Exception):
    pass


Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class Guard:
    """ASGI middleware: the body size limit and the security headers."""

    def __init__(self, app: Any, max_bytes_of: Callable[[], int]):
        self.app, self.max_bytes_of = app, max_bytes_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = int(self.max_bytes_of())

        async def send_secure(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in SECURITY_HEADERS}
                headers = [h for h in message.get("headers", []) if h[0] not in names]
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send_secure, declared, limit)
            return
        state = {"received": 0, "over": False, "started": False}

        async def limited_receive() -> dict[str, Any]:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    state["over"] = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            if state["over"]:
                return  # the app's answer to a truncated body is replaced by the 413 below
            if message["type"] == "http.response.start":
                state["started"] = True
            await send_secure(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if state["over"]:
                pass  # answered with 413 below
            elif state["started"]:
                raise
            else:
                # Answer here rather than let Starlette re-raise to uvicorn, which drops the
                # keep-alive connection; the error is logged with its path.
                log.exception("unexpected error on %s", scope.get("path"))
                await _send_error(send_secure, 500, "internal error; see the server log")
                return
        if state["over"] and not state["started"]:
            await _refuse(send_secure, state["received"], limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, size: int, limit: int) -> None:
    await _send_error(send, 413, f"request body of {size} bytes or more is over the limit of "
                                 f"{limit} bytes (setting max_request_bytes)")


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
