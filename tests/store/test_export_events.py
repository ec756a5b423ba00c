"""Event exports: PLOVER JSON lines and the GDELT-like TSV (``signaal export --format plover|gdelt``)."""

import csv
import io
import json

import pytest

import signaal
from signaal.extract import events
from signaal.records import Signals
from store_texts import NL_TROOPS, seed_file, troop_signals


@pytest.fixture
def store(fresh_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "troops.txt", NL_TROOPS, "2022-02")
    fresh_store.ingest(signaal.read(folder), extract=lambda a: troop_signals(a))
    return fresh_store


def _stored_events(store):
    out = io.StringIO()
    store.export("jsonl", out)
    return [e for line in out.getvalue().splitlines() for e in json.loads(line)["events"]]


def test_export_events_plover_field_names(store):
    out = io.StringIO()
    assert store.export("plover", out) == 1
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    stored = _stored_events(store)
    assert rows and len(rows) == len(stored)
    for row, ev in zip(rows, stored):
        assert {"id", "date", "event_type", "mode", "context", "actor", "actor_country", "recipient",
                "recipient_country", "event_text", "story_id", "url", "signaal_mode"} <= set(row)
        assert row["event_type"] == ev["type"] and row["signaal_mode"] == ev["mode"]
        assert row["actor"] == ev["source_actor"] and row["event_text"] == ev["evidence"]["sentence"]
        assert row["date"] == "2022-02-01"


def test_export_events_gdelt_tsv(store):
    out = io.StringIO()
    store.export("gdelt", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    stored = _stored_events(store)
    assert len(rows) == len(stored)
    for row, ev in zip(rows, stored):
        assert row["EventRootCode"] == events.cameo()[ev["type"]]
        assert float(row["GoldsteinScale"]) == pytest.approx(events.weights()[(ev["type"], ev["mode"])], abs=0.01)
        assert row["Mode"] == ev["mode"] and row["SQLDATE"] == "20220201"
        assert row["Actor1Code"] == (ev["source_actor"] or "")


@pytest.mark.parametrize("code,country", [("RUS", "RUS"), ("NATO", ""), (None, "")])
def test_export_events_gdelt_country_codes(code, country):
    from signaal.store.export_events import _country
    assert (_country(code) or "") == country


def test_export_events_no_events_gives_header_only(fresh_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "x.txt", NL_TROOPS, "2022-02")
    fresh_store.ingest(signaal.read(folder), extract=lambda a: Signals(a.id))
    out = io.StringIO()
    fresh_store.export("gdelt", out)
    assert out.getvalue().splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert len(out.getvalue().splitlines()) == 1
