"""Security headers on every answer, and request text that tries to become SQL."""

from __future__ import annotations

import httpx
import pytest

from signaal.api.guard import CSP


@pytest.mark.parametrize("path", ["/api/health", "/", "/articles/a1-retreat", "/static/style.css",
                                  "/api/nope", "/openapi.json"])
def test_guard_security_headers_everywhere(server, path):
    r = httpx.get(server.url + path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_guard_csp_allows_no_inline_script_or_style():
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["default-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


INJECTIONS = ["'; DROP TABLE articles; --", "\" OR 1=1 --", "a') OR ('1'='1", "%' OR '%'='",
              "RUS' UNION SELECT * FROM quarantine --", "\\", "_", "%"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_guard_sql_text_stays_data(server, text):
    base = server.url + "/api"
    for path, params in (("/articles", {"q": text}), ("/articles", {"source": text}),
                         ("/claims", {"source": text}), ("/claims", {"contains": text}),
                         ("/quantities", {"claimed_by": text, "unit": text}),
                         ("/events", {"contains": text})):
        r = httpx.get(base + path, params=params)
        assert r.status_code in (200, 400), (path, params, r.text)
        if r.status_code == 200:
            assert r.json()["rows"] == [], (path, params)
    assert httpx.get(base + "/health").json()["articles"] == 5


def test_guard_like_wildcards_match_literally(server):
    # '%' and '_' in `contains` are the characters, not LIKE wildcards.
    r = httpx.get(server.url + "/api/claims", params={"contains": "NAVO"}).json()
    assert r["total"] == 1
    r = httpx.get(server.url + "/api/claims", params={"contains": "N_VO"}).json()
    assert r["total"] == 0
