"""put_signals / signals: every record field round-trips; re-running replaces, never duplicates."""

import dataclasses

import pytest

import signaal
from signaal.errors import StoreError
from signaal.records import Signals
from signaal.store import columns
from signaal.store.rows import RECORD_CLASSES, record_from_row, record_to_row
from store_texts import NL_TROOPS, seed_file, troop_signals


@pytest.fixture
def troops(fresh_store, tmp_path):
    fresh_store.ingest(signaal.read(seed_file(tmp_path / "t.txt", NL_TROOPS)))
    return next(fresh_store.articles())


def _non_default(record):
    """Every field of the test record is set to something other than its default."""
    for f in dataclasses.fields(record):
        if f.default is not dataclasses.MISSING and f.name not in ("value_max", "claim_id", "resolved"):
            assert getattr(record, f.name) != f.default, f"{type(record).__name__}.{f.name}"


@pytest.mark.parametrize("table", list(RECORD_CLASSES))
def test_records_row_round_trip_every_field(troops, table):
    (record,) = getattr(troop_signals(troops), table)
    _non_default(record)
    row = record_to_row(record)
    assert set(row) == set(columns.names(table))
    assert record_from_row(RECORD_CLASSES[table], row) == record


def test_records_put_and_read_back(fresh_store, troops):
    signals = troop_signals(troops)
    fresh_store.put_signals(signals)
    assert fresh_store.signals(troops.id) == signals
    assert fresh_store.stats()["records"] == {t: 1 for t in RECORD_CLASSES}


def test_records_rerun_replaces_not_duplicates(fresh_store, troops):
    fresh_store.put_signals(troop_signals(troops))
    fresh_store.put_signals(troop_signals(troops))
    assert fresh_store.stats()["records"] == {t: 1 for t in RECORD_CLASSES}
    fewer = dataclasses.replace(troop_signals(troops, "test.v2"), events=(), mentions=())
    fresh_store.put_signals(fewer)
    assert fresh_store.signals(troops.id) == fewer
    assert fresh_store.stats()["records"]["events"] == 0


def test_records_empty_signals_for_unextracted_article(fresh_store, troops):
    assert fresh_store.signals(troops.id) == Signals(troops.id)


def test_records_for_unknown_article_refused(fresh_store, troops):
    signals = dataclasses.replace(troop_signals(troops), article_id="nope")
    with pytest.raises(StoreError, match="nope"):
        fresh_store.put_signals(signals)
