"""Every 4xx/5xx answer has one shape: {"ok": false, "error": str, "errors": [str], "status": int}."""

from __future__ import annotations

import httpx
import pytest


def assert_error_shape(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all(isinstance(e, str) for e in body["errors"])
    return body


@pytest.mark.parametrize("method, path, params, status, says", [
    ("GET", "/api/nope", {}, 404, "no page or endpoint at /api/nope"),
    ("GET", "/api/articles/no-such-id", {}, 404, "no article 'no-such-id'"),
    ("GET", "/api/articles", {"limit": 0}, 422, "query.limit"),
    ("GET", "/api/articles", {"limit": "many"}, 422, "query.limit"),
    ("GET", "/api/articles", {"date_from": "2022-13"}, 422, "query.date_from"),
    ("GET", "/search", {"date_from": "2022-13"}, 400, "is not a date"),
    ("GET", "/api/articles", {"date_from": "yesterday"}, 422, "query.date_from"),
    ("GET", "/api/claims", {"polarity": "maybe"}, 422, "query.polarity"),
    ("GET", "/api/events", {"type": "PARTY"}, 422, "query.type"),
    ("GET", "/api/dyads/RUS/UKR/series", {"bucket": "year"}, 422, "query.bucket"),
    ("GET", "/api/dyads/RUS/UKR/events", {}, 422, "query.date"),
    ("DELETE", "/api/articles", {}, 405, "Method Not Allowed"),
])
def test_errors_have_one_shape(server, method, path, params, status, says):
    r = httpx.request(method, server.url + path, params=params)
    body = assert_error_shape(r, status)
    assert says in body["error"]


def test_errors_validation_lists_every_problem(server):
    r = httpx.get(server.url + "/api/claims", params={"limit": -1, "polarity": "x"})
    body = assert_error_shape(r, 422)
    assert len(body["errors"]) == 2
    assert any(e.startswith("query.limit") for e in body["errors"])


def test_errors_dashboard_pages_render_html(server):
    r = httpx.get(server.url + "/articles/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article &#39;nope&#39;" in r.text
    # The same page asked for without text/html answers in the JSON shape.
    assert_error_shape(httpx.get(server.url + "/articles/nope"), 404)
