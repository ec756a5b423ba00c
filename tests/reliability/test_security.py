"""Attack suite against a real ``signaal serve`` (child process on 127.0.0.1).

Auth for writes, read-only mode, body and record limits, SQL injection in every query
parameter, path traversal in file ingestion, and XSS on the dashboard (static HTML checks here;
the browser checks are in ``test_xss_browser.py``).
"""

import functools
import json
from html.parser import HTMLParser
import re
from urllib.parse import quote

import httpx
import pytest

import signaal
from hostile_corpus import JS_URL, RAW_MARKERS, add_script_url_article, build
from live_server import serve

# Generous timeouts: analysis pages are slow on a busy 2-core CI machine.
get, post, request = (functools.partial(f, timeout=120) for f in (httpx.get, httpx.post, httpx.request))
TOKEN = "s3cret-token-for-tests"
LIMITS = {"SIGNAAL_MAX_REQUEST_BYTES": "20000", "SIGNAAL_MAX_REQUEST_RECORDS": "5"}
DOC = {"text": "De gemeenteraad van Zwolle stemde dinsdag in met het nieuwe fietsplan.",
       "lang": "nl", "date": "2022-02-14"}
SQLI = ("' OR '1'='1", "1; DROP TABLE articles; --", "\" OR 1=1 --", "%' --", "x' UNION SELECT "
        "id, text FROM articles --", "') OR ('a'='a", "\\", "*", "NEAR(a b)", "a\" OR \"b",
        "articles_fts", "' AND 1=CAST((SELECT text FROM articles LIMIT 1) AS INT) --", "%_%",
        "-1", "9" * 40, "\x00", "😀" * 10)
LEAKS = ("traceback", "sqlite", "operationalerror", "syntax error", "select ", "no such column")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def js_url_article(corpus):
    return add_script_url_article(corpus[0])


@pytest.fixture(scope="module")
def server(corpus):
    db, _ = corpus
    with serve(db, "--token", TOKEN, env=LIMITS) as url:
        yield url


@pytest.fixture(scope="module")
def readonly(tmp_path_factory, corpus):
    db, _ = corpus
    with serve(db, "--token", TOKEN, "--read-only", env=LIMITS) as url:
        yield url


def assert_error_shape(resp, status):
    assert resp.status_code == status, resp.text[:300]
    body = resp.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and all(isinstance(e, str) for e in body["errors"])


def count(url):
    return get(url + "/api/health").json()["articles"]


# --- auth and read-only ---------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": "Bearer"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": TOKEN},
    {"X-Api-Token": TOKEN},
])
@pytest.mark.parametrize("path", ["/api/ingest", "/api/ingest/files"])
def test_security_writes_without_the_right_token_are_refused(server, headers, path):
    before = count(server)
    if path.endswith("files"):
        resp = post(server + path, headers=headers, files={"files": ("a.jsonl", json.dumps(DOC))})
    else:
        resp = post(server + path, headers=headers, json=[DOC])
    assert resp.status_code in (401, 403)
    assert_error_shape(resp, resp.status_code)
    assert count(server) == before


def test_security_right_token_writes(server):
    doc = {**DOC, "text": DOC["text"] + " Met het juiste token."}
    resp = post(server + "/api/ingest", json=[doc], params={"extract": "false"},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["new"] == 1


@pytest.mark.parametrize("path", ["/api/ingest", "/api/ingest/files"])
def test_security_read_only_refuses_even_the_right_token(readonly, path):
    before = count(readonly)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    if path.endswith("files"):
        resp = post(readonly + path, headers=auth, files={"files": ("a.jsonl", json.dumps(DOC))})
    else:
        resp = post(readonly + path, headers=auth, json=[DOC])
    assert_error_shape(resp, 403)
    assert count(readonly) == before


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/articles", "/api/ingest", "/api/stats"])
def test_security_other_methods_are_refused_cleanly(server, method, path):
    resp = request(method, server + path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code in (401, 403, 404, 405)
    assert_error_shape(resp, resp.status_code)


# --- size and record limits -------------------------------------------------------------------

def test_security_oversize_body_with_length_is_413(server):
    big = [{**DOC, "text": "x" * 30_000}]
    resp = post(server + "/api/ingest", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error_shape(resp, 413)


def test_security_oversize_streamed_body_is_413(server):
    def chunks():
        yield b"["
        for _ in range(200):
            yield json.dumps(DOC).encode() + b","
        yield json.dumps(DOC).encode() + b"]"

    before = count(server)
    resp = post(server + "/api/ingest", content=chunks(),
                      headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert_error_shape(resp, 413)
    assert count(server) == before


def test_security_oversize_unauthenticated_is_refused(server):
    resp = post(server + "/api/ingest", content=b"[" + b" " * 50_000 + b"]",
                      headers={"Content-Type": "application/json"})
    assert resp.status_code in (401, 413)
    assert_error_shape(resp, resp.status_code)


@pytest.mark.parametrize("how", ["json", "file", "files"])
def test_security_too_many_records_is_refused_and_nothing_stored(server, how):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    docs = [{**DOC, "text": f"{DOC['text']} Record {i} van een te grote aanvraag."} for i in range(6)]
    before = count(server)
    if how == "json":
        resp = post(server + "/api/ingest", json=docs, headers=auth)
    elif how == "file":
        lines = "\n".join(json.dumps(d) for d in docs)
        resp = post(server + "/api/ingest/files", headers=auth, files={"files": ("d.jsonl", lines)})
    else:
        resp = post(server + "/api/ingest/files", headers=auth,
                          files=[("files", (f"d{i}.txt", d["text"])) for i, d in enumerate(docs)])
    assert resp.status_code in (413, 422)
    assert_error_shape(resp, resp.status_code)
    assert count(server) == before


# --- SQL injection ----------------------------------------------------------------------------

def _get_routes(url):
    """(path, [query parameter names]) of every GET endpoint in the OpenAPI document."""
    spec = get(url + "/openapi.json").json()
    out = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if op:
            params = op.get("parameters", [])
            out.append((path, [p["name"] for p in params if p["in"] == "query"],
                        [p["name"] for p in params if p["in"] == "path"]))
    return out


def _check_clean(resp, payload=""):
    assert resp.status_code in (200, 400, 404, 422), (resp.status_code, resp.request.url, resp.text[:300])
    text = resp.text.lower()
    for leak in LEAKS:
        if leak not in payload.lower():  # an error may quote the payload back; that is no leak
            assert leak not in text, (leak, resp.request.url, resp.text[:300])


def _fill(path, values):
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "RUS"), path)


def test_security_sql_injection_in_every_query_parameter(server, corpus):
    routes = _get_routes(server)
    assert len(routes) >= 8, routes
    real = {"article_id": corpus[1][0], "source": "RUS", "target": "UKR"}
    tried = 0
    before = count(server)
    with httpx.Client(base_url=server, timeout=120) as client:
        for path, query, path_params in routes:
            for name in query:  # real path values, so the query parameters are reached
                for payload in SQLI:
                    _check_clean(client.get(_fill(path, real), params={name: payload}), payload)
                    tried += 1
            for name in path_params:
                for payload in SQLI:
                    if payload not in ("\x00", "\\"):
                        _check_clean(client.get(_fill(path, {**real, name: quote(payload, safe="")})),
                                     payload)
                        tried += 1
    assert tried > 100
    assert count(server) == before  # nothing dropped, nothing added
    with signaal.Store(corpus[0]) as store:
        assert store.check() == []


@pytest.mark.parametrize("param", ["source", "lang"])
@pytest.mark.parametrize("payload", ["' OR '1'='1", "x' OR 1=1 --", "%", "%' OR '%'='"])
def test_security_sql_tautology_does_not_widen_a_filter(server, param, payload):
    resp = get(server + "/api/articles", params={param: payload})
    _check_clean(resp)
    if resp.status_code == 200:
        assert resp.json()["rows"] == [], "an injected filter matched articles"


# --- path traversal in file ingestion ---------------------------------------------------------

@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini",
                                  "....//....//etc/passwd", "%2e%2e%2fetc%2fpasswd", "./.hidden.txt",
                                  "a/../../../../etc/hostname", "\x00passwd.txt", ""])
def test_security_upload_names_cannot_traverse(server, tmp_path, name):
    body = f"Geüploade tekst over de gemeenteraad van Zwolle, bestand {name!r} uit de test."
    resp = post(server + "/api/ingest/files", params={"extract": "false", "lang": "nl"},
                      headers={"Authorization": f"Bearer {TOKEN}"},
                      files={"files": (name, body.encode(), "text/plain")})
    assert resp.status_code in (200, 422), resp.text
    if resp.status_code == 200:
        (article_id,) = resp.json()["ids"]
        detail = get(f"{server}/api/articles/{article_id}").json()
        assert detail["text"] == body  # the uploaded bytes, never a file from the server's disk
        assert "root:" not in detail["text"]
        assert ".." not in (detail["source_file"] or "") and "/" not in (detail["source_file"] or "")


def test_security_symlink_upload_sends_only_its_content(server, tmp_path):
    # The client may hold a symlink; what travels is bytes. The server must not resolve names.
    link = tmp_path / "passwd-link.txt"
    link.symlink_to("/etc/passwd")
    body = "Een tekst over de symbolische link en de gemeenteraad van Zwolle, uit de test."
    resp = post(server + "/api/ingest/files", params={"extract": "false", "lang": "nl"},
                      headers={"Authorization": f"Bearer {TOKEN}"},
                      files={"files": (str(link), body.encode(), "text/plain")})
    assert resp.status_code == 200, resp.text
    (article_id,) = resp.json()["ids"]
    assert get(f"{server}/api/articles/{article_id}").json()["text"] == body


@pytest.mark.parametrize("field", ["url", "text"])
def test_security_json_document_paths_are_never_opened(server, field):
    doc = {**DOC, "text": DOC["text"] + " Pad: /etc/passwd.", "url": "file:///etc/passwd"}
    if field == "text":
        doc["text"] = "/etc/passwd " + "../" * 10 + "etc/shadow is geen pad maar tekst hier."
    resp = post(server + "/api/ingest", json=[doc], params={"extract": "false"},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200, resp.text
    (article_id,) = resp.json()["ids"]
    assert get(f"{server}/api/articles/{article_id}").json()["text"] == doc["text"]


@pytest.mark.parametrize("path", ["/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd",
                                  "/articles/..%2f..%2fetc%2fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd"])
def test_security_no_file_served_outside_static(server, path):
    resp = get(server + path)
    assert resp.status_code in (400, 404, 422)
    assert "root:" not in resp.text


# --- XSS: the served HTML is escaped -----------------------------------------------------------

def dashboard_pages(ids):
    pages = ["/", "/search?q=kabinet", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
             "/claims", "/events", "/stories", "/dyads/RUS/UKR",
             "/articles/%3Cscript%3Ealert('xss-404')%3C%2Fscript%3E",
             "/search?q=%22%3E%3Csvg%20onload%3Dalert(1)%3E&source=%22%3E%3Cimg%20src%3Dx%3E"]
    return pages + [f"/articles/{i}" for i in ids]


def test_security_xss_payloads_are_escaped_in_every_page(server, corpus):
    _, ids = corpus
    for page in dashboard_pages(ids):
        resp = get(server + page, headers={"Accept": "text/html"})
        assert resp.status_code in (200, 404), (page, resp.status_code)
        html = resp.text
        for marker in RAW_MARKERS:
            assert marker not in html, f"{page}: raw {marker!r} in the HTML"
        assert "<script>alert" not in html.replace(" ", "")


class LiveMarkup(HTMLParser):
    """What the browser would treat as markup: script URLs, inline handlers, inline scripts."""

    URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            v = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in self.URL_ATTRS and v.startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        self._script = tag == "script" and not dict(attrs).get("src")

    def handle_data(self, data):
        if self._script and data.strip():
            self.found.append(f"inline <script>{data[:40]}")

    def handle_endtag(self, tag):
        self._script = False


def test_security_no_live_markup_from_data(server, corpus):
    _, ids = corpus
    for page in dashboard_pages(ids):
        parser = LiveMarkup()
        parser.feed(get(server + page, headers={"Accept": "text/html"}).text)
        assert parser.found == [], f"{page}: {parser.found}"


def test_security_stored_script_url_is_not_a_link(server, js_url_article):
    parser = LiveMarkup()
    parser.feed(get(f"{server}/articles/{js_url_article}", headers={"Accept": "text/html"}).text)
    assert parser.found == []


def test_security_xss_in_json_is_data(server, js_url_article):
    resp = get(f"{server}/api/articles/{js_url_article}")
    assert resp.headers["content-type"].startswith("application/json")
    assert resp.json()["url"] == JS_URL  # stored as data; only rendering must neutralise it
    assert resp.headers.get("x-content-type-options") == "nosniff"


@pytest.mark.parametrize("url, kept", [
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("\x01 java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("vbscript:msgbox", False),
    ("file:///etc/passwd", False), ("https://example.invalid/a", True), ("http://x.invalid", True),
    ("/nieuws/123", True), ("nieuws/123?a=b:c", True),
])
def test_issue11_reader_drops_non_web_urls(tmp_path, url, kept):
    src = tmp_path / "u.jsonl"
    src.write_text(json.dumps({**DOC, "url": url}) + "\n", encoding="utf-8")
    (article,) = signaal.read(src)
    assert (article.url is not None) == kept
