"""The read endpoints against a real server on loopback, over the hand-written corpus
(tests/api/api_corpus.py; the expected values below are read off that file)."""

from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def test_routes_health_and_version(client):
    health = client.get("/api/health").json()
    assert health == {"ok": True, "articles": 5, "read_only": False, "writes_enabled": True}
    version = client.get("/api/version").json()
    assert version["signaal"] == "0.1.0" and version["python"].startswith("3.11")


def test_routes_articles_list_newest_first_with_paging(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == 5 and first["next_offset"] == 2
    assert [a["id"] for a in first["rows"]] == ["a5-hostile", "a4-artillery"]
    last = client.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert [a["id"] for a in last["rows"]] == ["a1-retreat"] and last["next_offset"] is None


@pytest.mark.parametrize("params, ids", [
    ({"q": "militairen"}, {"a1-retreat", "a2-kremlin"}),
    ({"q": "militairen", "date_from": "2022-02-15"}, {"a2-kremlin"}),
    ({"lang": "en"}, {"a3-shelling"}),
    ({"source": "ANP"}, {"a2-kremlin"}),
    ({"date_from": "2022-02-16", "date_to": "2022-02-17"}, {"a3-shelling", "a4-artillery"}),
    ({"q": "shelled", "lang": "en"}, {"a3-shelling"}),
])
def test_routes_articles_search_and_filters(client, params, ids):
    rows = client.get("/api/articles", params=params).json()["rows"]
    assert {r["id"] for r in rows} == ids


def test_routes_search_snippet_marks_the_match(client):
    row = client.get("/api/articles", params={"q": "kazernes"}).json()["rows"][0]
    assert row["id"] == "a1-retreat" and "[kazernes]" in row["snippet"]


def test_routes_article_detail_spans_point_into_the_text(client):
    a = client.get("/api/articles/a1-retreat").json()
    assert (len(a["claims"]), len(a["events"]), len(a["quantities"]), len(a["mentions"])) == (3, 3, 1, 3)
    for kind in ("claims", "events", "quantities", "mentions"):
        for r in a[kind]:
            ev = r["evidence"]
            assert a["text"][ev["start"]:ev["end"]] == ev["text"]
            assert a["text"][ev["sentence_start"]:ev["sentence_end"]] == ev["sentence"]
    nato = next(c for c in a["claims"] if c["source"] == "NATO")
    assert nato["polarity"] == "denied"
    assert a["text"][nato["content"]["start"]:nato["content"]["end"]] == "is van een terugtrekking niets te zien"
    assert a["quantities"][0]["value"] == 130000 and a["quantities"][0]["claimed_by"] == "United States"
    assert a["related"][0]["title"] == "Finland als model voor Oekraïne?"
    assert [r["kind"] for r in a["regions"]] == ["teasers"]


@pytest.mark.parametrize("path, params, total", [
    ("/api/claims", {}, 10),
    ("/api/claims", {"polarity": "denied"}, 3),
    ("/api/claims", {"actor": "USA"}, 2),
    ("/api/claims", {"actor": "USA", "polarity": "expected"}, 1),
    ("/api/claims", {"source": "Kremlin"}, 1),
    ("/api/claims", {"contains": "NAVO"}, 1),
    ("/api/claims", {"date_from": "2022-02-18"}, 2),
    ("/api/events", {}, 8),
    ("/api/events", {"type": "ASSAULT"}, 4),
    ("/api/events", {"type": "ASSAULT", "mode": "denied"}, 1),
    ("/api/events", {"actor": "UKR"}, 8),
    ("/api/events", {"source_actor": "UKR"}, 0),
    ("/api/events", {"article_id": "a1-retreat"}, 3),
    ("/api/quantities", {}, 2),
    ("/api/quantities", {"actor": "UKR"}, 1),
    ("/api/quantities", {"claimed_by": "United States"}, 1),
    ("/api/quantities", {"unit": "troops", "date_to": "2022-02-14"}, 1),
])
def test_routes_record_listings_filter(client, path, params, total):
    page = client.get(path, params=params).json()
    assert page["total"] == total and len(page["rows"]) == total
    assert all(r["article"]["id"] for r in page["rows"])


def test_routes_actors_and_dyads(client):
    actors = {a["code"]: a for a in client.get("/api/actors").json()}
    assert actors["RUS"]["events_as_source"] == 8 and actors["UKR"]["events_as_target"] == 8
    assert actors["USA"]["claims"] == 2 and actors["NATO"]["name"] == "NATO"
    (dyad,) = client.get("/api/dyads").json()
    assert (dyad["source_actor"], dyad["target_actor"], dyad["events"], dyad["articles"]) == ("RUS", "UKR", 8, 5)
    assert dyad["types"] == {"ASSAULT": 4, "MOBILIZE": 2, "RETREAT": 2}
    assert (dyad["first"], dyad["last"]) == ("2022-02-14", "2022-02-18")


def test_routes_dyad_series_points_link_their_evidence(client):
    series = client.get("/api/dyads/RUS/UKR/series", params={"bucket": "day"}).json()
    dates = [p["date"] for p in series["points"]]
    assert dates == ["2022-02-14", "2022-02-15", "2022-02-16", "2022-02-17", "2022-02-18"]
    feb16 = series["points"][2]
    assert feb16["events"] == 2 and feb16["low"] <= feb16["value"] <= feb16["high"]
    # An asserted ASSAULT outweighs an asserted RETREAT day: the series rises on the 16th.
    assert feb16["value"] > series["points"][0]["value"]
    evidence = client.get(feb16["evidence"]).json()
    assert sorted((e["type"], e["mode"]) for e in evidence) == [("ASSAULT", "asserted"), ("ASSAULT", "expected")]
    for e in evidence:
        s0 = e["sentence_start"]
        assert e["sentence"][e["start"] - s0:e["end"] - s0] == e["text"]


def test_routes_contested_groups_both_kinds(client):
    body = client.get("/api/contested").json()
    assert body["available"] is True
    kinds = {(g["kind"], g["title"]) for g in body["rows"]}
    assert ("stance", "RETREAT RUS→UKR") in kinds
    number = next(g for g in body["rows"] if g["kind"] == "number")
    assert number["sides"]["values"] == {"USA": [130000.0], "UKR": [100000.0]}


def test_routes_claim_stances(client):
    rows = {r["source"]: r for r in client.get("/api/claims/stances").json()}
    assert rows["RUS"]["polarities"] == {"asserted": 1, "denied": 2}
    assert rows["USA"]["polarities"] == {"asserted": 1, "expected": 1}


def test_routes_timeline_and_stories(client):
    tl = client.get("/api/timeline", params={"bucket": "week"}).json()
    assert tl["available"] and sum(c["records"] for c in tl["events"]) == 8
    stories = client.get("/api/stories").json()
    if stories["available"]:
        assert sorted(a for s in stories["rows"] for a in s["articles"]) == [
            "a1-retreat", "a2-kremlin", "a3-shelling", "a4-artillery", "a5-hostile"]


def test_routes_alerts_answer_even_without_the_engine(client):
    body = client.get("/api/alerts").json()
    assert set(body) >= {"available", "method", "rows"}
    if not body["available"]:
        assert body["rows"] == [] and "not available" in body["note"]


def test_routes_alerts_list_what_the_rules_fired(corpus_db, serve, tmp_path):
    import shutil

    from signaal import Store
    from signaal.analyze.alerts import evaluate
    from signaal.analyze.rules import parse_rules

    db = tmp_path / "alerts.db"
    shutil.copy(corpus_db, db)
    rules = parse_rules("rules:\n  - name: rus-denial\n    kind: claim\n"
                        "    where: {source_actor: RUS, polarity: denied}\n")
    with Store(db) as store:
        evaluate(store, rules)
    server = serve(db)
    body = httpx.get(server.url + "/api/alerts").json()
    assert body["available"] is True
    # RUS denials: the Kremlin (a2, 15 Feb) and Russia in the hostile article (a5, 18 Feb).
    assert [(a["rule"], a["date"], a["article_ids"]) for a in body["rows"]] == [
        ("rus-denial", "2022-02-18", ["a5-hostile"]), ("rus-denial", "2022-02-15", ["a2-kremlin"])]
    page = httpx.get(server.url + "/", headers={"accept": "text/html"}).text
    assert page.count('<span class="chip">rus-denial</span>') == 2
