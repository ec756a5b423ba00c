"""POST /api/ingest and /api/ingest/files on a real server: the CLI's read+store path, the token,
read-only mode, size and record limits, and client file names that try to escape."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from signaal import Store
from signaal.api.ingest import safe_name

TOKEN = "ingest-token-abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOC_NL = {"text": "De regering in Den Haag heeft vandaag extra geld vrijgemaakt voor de opvang "
                  "van vluchtelingen uit het oosten.", "title": "Extra geld voor opvang",
          "date": "2022-03-01", "source": "Testkrant", "lang": "nl"}
DOC_EN = {"text": "The city council in Leeds voted on Tuesday to expand the tram network to the "
                  "northern suburbs.", "title": "Leeds tram vote", "date": "2022-03-02",
          "source": "Test Post", "lang": "en"}


@pytest.fixture
def fresh(tmp_path, serve):
    """A server with writes enabled over an empty store of its own."""
    db = tmp_path / "w.db"
    Store(db).close()
    return db, serve(db, api_token=TOKEN)


def stored(db) -> int:
    with Store(db) as store:
        return store.count()


def test_ingest_documents_are_stored_and_searchable(fresh):
    db, server = fresh
    r = httpx.post(server.url + "/api/ingest", params={"extract": "false"}, json=[DOC_NL, DOC_EN],
                   headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["new"], body["quarantined"], body["extracted"]) == (2, 0, False)
    hits = httpx.get(server.url + "/api/articles", params={"q": "vluchtelingen"}).json()["rows"]
    assert [h["title"] for h in hits] == ["Extra geld voor opvang"]
    assert hits[0]["date"] == "2022-03-01" and hits[0]["source"] == "Testkrant"
    again = httpx.post(server.url + "/api/ingest", params={"extract": "false"},
                       json=[DOC_NL, DOC_EN], headers=AUTH).json()
    assert (again["new"], again["unchanged"]) == (0, 2) and stored(db) == 2


def test_ingest_short_document_is_quarantined_with_reason(fresh):
    db, server = fresh
    body = httpx.post(server.url + "/api/ingest", params={"extract": "false"},
                      json=[{"text": "Te kort."}, DOC_NL], headers=AUTH).json()
    assert (body["new"], body["quarantined"]) == (1, 1)
    assert "document too short" in body["quarantine"][0] and body["quarantine"][0].startswith("api/request.jsonl:1")


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token"}, 401),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": "Bearer"}, 401),
])
def test_ingest_needs_the_token(fresh, headers, status):
    db, server = fresh
    r = httpx.post(server.url + "/api/ingest", json=[DOC_NL], headers=headers)
    assert r.status_code == status and r.json()["status"] == status
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert stored(db) == 0


@pytest.mark.parametrize("settings, says", [
    ({}, "writes are disabled"),
    ({"api_token": TOKEN, "read_only": True}, "read-only"),
])
def test_ingest_refused_without_token_setting_or_when_read_only(tmp_path, serve, settings, says):
    db = tmp_path / "ro.db"
    Store(db).close()
    server = serve(db, **settings)
    for path, kwargs in (("/api/ingest", {"json": [DOC_NL]}),
                         ("/api/ingest/files", {"files": {"files": ("a.txt", b"x" * 50)}})):
        r = httpx.post(server.url + path, headers=AUTH, **kwargs)
        assert r.status_code == 403 and says in r.json()["error"]
    assert stored(db) == 0
    assert httpx.get(server.url + "/api/health").json()["writes_enabled"] is False


def test_ingest_body_over_the_byte_limit_is_refused(tmp_path, serve):
    db = tmp_path / "small.db"
    Store(db).close()
    server = serve(db, api_token=TOKEN, max_request_bytes=2000)
    big = [{**DOC_NL, "text": DOC_NL["text"] * 30}]
    r = httpx.post(server.url + "/api/ingest", json=big, headers=AUTH)
    assert r.status_code == 413 and "max_request_bytes" in r.json()["error"]

    def chunks():  # no Content-Length: the limit must hold while streaming too
        data = json.dumps(big).encode()
        for i in range(0, len(data), 500):
            yield data[i:i + 500]

    r = httpx.post(server.url + "/api/ingest", content=chunks(), headers={
        **AUTH, "content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413
    assert stored(db) == 0
    ok = httpx.post(server.url + "/api/ingest", params={"extract": "false"}, json=[DOC_NL], headers=AUTH)
    assert ok.status_code == 200


def test_ingest_more_records_than_allowed_is_refused(tmp_path, serve):
    db = tmp_path / "few.db"
    Store(db).close()
    server = serve(db, api_token=TOKEN, max_request_records=2)
    docs = [{**DOC_NL, "text": DOC_NL["text"] + f" Bericht {i}."} for i in range(3)]
    r = httpx.post(server.url + "/api/ingest", json=docs, headers=AUTH)
    assert r.status_code == 413 and "max_request_records" in r.json()["error"]
    jsonl = "\n".join(json.dumps(d) for d in docs).encode()
    r = httpx.post(server.url + "/api/ingest/files", files={"files": ("three.jsonl", jsonl)},
                   headers=AUTH)
    assert r.status_code == 413
    assert stored(db) == 0


def test_ingest_files_in_several_formats(fresh):
    db, server = fresh
    seed = (" date 2022-02-14 " + DOC_NL["text"]).encode()
    jsonl = (json.dumps(DOC_EN) + "\n").encode()
    csv = ("title,text,date\nBrug dicht,De brug over de Maas bij Venlo gaat een maand dicht "
           "voor groot onderhoud.,2022-04-01\n").encode()
    files = [("files", ("seed.txt", seed)), ("files", ("docs.jsonl.gz", gzip.compress(jsonl))),
             ("files", ("rows.csv", csv))]
    r = httpx.post(server.url + "/api/ingest/files", params={"extract": "false"}, files=files,
                   headers=AUTH, timeout=120)  # the first language detection loads lingua
    assert r.status_code == 200, r.text
    assert (r.json()["new"], r.json()["quarantined"]) == (3, 0)
    with Store(db) as store:
        got = {a.provenance.file: a for a in store.articles()}
    assert set(got) == {"api/seed.txt", "api/docs.jsonl.gz", "api/rows.csv"}
    assert got["api/seed.txt"].published.label() == "2022-02-14"
    assert got["api/rows.csv"].title == "Brug dicht"


@pytest.mark.parametrize("name, expected", [
    ("../../../etc/passwd.txt", "api/passwd.txt"),
    ("..\\..\\windows\\win.ini", "api/win.ini"),
    ("/abs/path/feed.xml", "api/feed.xml"),
    ("..", "api/upload"),
    ("", "api/upload"),
    (None, "api/upload"),
    (".hidden.jsonl", "api/hidden.jsonl"),
    ("a b;rm -rf $(x).txt", "api/a_b_rm_-rf_x_.txt"),
])
def test_ingest_safe_name(name, expected):
    assert safe_name(name) == expected


def test_ingest_upload_name_cannot_escape(fresh, tmp_path):
    db, server = fresh
    payload = (" date 2022-02-14 " + DOC_NL["text"]).encode()
    r = httpx.post(server.url + "/api/ingest/files", params={"extract": "false"},
                   files={"files": ("../../../../tmp/evil.txt", payload)}, headers=AUTH,
                   timeout=120)
    assert r.status_code == 200 and r.json()["new"] == 1
    with Store(db) as store:
        (article,) = list(store.articles())
    assert article.provenance.file == "api/evil.txt"
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.slow
def test_ingest_runs_the_extractor_like_the_cli(fresh):
    db, server = fresh
    doc = {"text": "De Verenigde Staten zeggen dat Rusland zo'n 130.000 militairen bij de grens "
                   "met Oekraïne heeft verzameld. Het Kremlin ontkent dat Rusland een aanval plant.",
           "title": "Troepen bij de grens", "date": "2022-02-14", "lang": "nl"}
    r = httpx.post(server.url + "/api/ingest", json=[doc], headers=AUTH, timeout=300)
    assert r.status_code == 200 and r.json()["extracted"] is True and r.json()["failed"] == 0
    detail = httpx.get(server.url + f"/api/articles/{r.json()['ids'][0]}").json()
    assert detail["extractor"] and detail["claims"]
    assert any(q["value"] == 130000 for q in detail["quantities"])
