"""Store.ingest: idempotent re-ingest, exact and near duplicates, quarantine, extraction failures."""

import dataclasses
import logging

import pytest

import signaal
from signaal.errors import StoreError
from signaal.ingest.dedup import Deduper
from signaal.records import Article, Quarantined
from signaal.settings import load_settings
from signaal.store.base import Batch
from store_texts import EN_SUMMIT, NL_FARMERS, NL_TROOPS, near_copy, seed_file, troop_signals


def _table_counts(store):
    return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("articles", "articles_fts", "copies", "quarantine", "minhashes", "claims")}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "troops.txt", NL_TROOPS)
    seed_file(folder / "farmers.txt", NL_FARMERS, "2022-06-28")
    seed_file(folder / "summit.txt", EN_SUMMIT, "2022-05")
    return folder


def test_ingest_stores_new_articles_with_provenance(fresh_store, corpus):
    report = fresh_store.ingest(signaal.read(corpus))
    assert (report.new, report.duplicates, report.quarantined, report.failed) == (3, 0, 0, 0)
    assert report.exit_code() == 0
    stored = list(fresh_store.articles())
    assert [a.provenance.file.rsplit("/", 1)[1] for a in stored] == ["farmers.txt", "summit.txt", "troops.txt"]
    assert all(a.provenance.reader == "seed" and a.provenance.record == 1 for a in stored)
    assert all(a.group == a.id and a.duplicate_of is None for a in stored)


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_ingest_reingest_changes_nothing(open_store, corpus, batch_size):
    store = open_store(batch_size=batch_size)
    (corpus / "broken.txt").write_bytes(b" date 2022-02 \nKapotte tekst \xff\xfe hier")
    first = store.ingest(signaal.read(corpus))
    before = _table_counts(store)
    articles_before = list(store.articles())
    again = store.ingest(signaal.read(corpus))
    assert (again.new, again.exact, again.near, again.unchanged) == (0, 0, 0, 3)
    assert again.quarantined == first.quarantined == 1
    assert _table_counts(store) == before
    assert list(store.articles()) == articles_before


@pytest.mark.parametrize("batch_size", [1, 500])
def test_ingest_exact_duplicate_is_stored_once(open_store, tmp_path, batch_size):
    store = open_store(batch_size=batch_size)
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "a_original.txt", NL_FARMERS)
    # Same words, other whitespace and quote style: the normalised hash is the same.
    seed_file(folder / "b_copy.txt", NL_FARMERS.replace(". ", ".  "))
    report = store.ingest(signaal.read(folder))
    assert (report.new, report.exact, report.near) == (1, 1, 0)
    assert store.count() == 1
    original = next(store.articles())
    copies = store.db.execute("SELECT duplicate_of, prov_file FROM copies").fetchall()
    assert [(c[0], c[1].rsplit("/", 1)[1]) for c in copies] == [(original.id, "b_copy.txt")]
    again = store.ingest(signaal.read(folder))
    assert (again.new, again.exact, again.unchanged) == (0, 0, 2)
    assert store.db.execute("SELECT COUNT(*) FROM copies").fetchone()[0] == 1


def test_ingest_near_duplicate_joins_the_group(fresh_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "1.txt", NL_TROOPS)
    seed_file(folder / "2.txt", near_copy(NL_TROOPS))
    seed_file(folder / "3.txt", NL_FARMERS)
    report = fresh_store.ingest(signaal.read(folder))
    assert (report.new, report.near, report.exact) == (2, 1, 0)
    first, copy, other = fresh_store.articles()
    assert copy.duplicate_of == first.id and copy.group == first.id == first.group
    assert other.duplicate_of is None and other.group == other.id
    assert fresh_store.stats()["duplicates"] == {"exact": 0, "near": 1, "groups": 1}


def test_ingest_near_duplicate_found_in_a_later_run(open_store, tmp_path):
    """The Deduper is seeded from the store: a copy arriving in a new process is still grouped."""
    seed_file(tmp_path / "1.txt", NL_TROOPS)
    seed_file(tmp_path / "2.txt", near_copy(NL_TROOPS))
    with open_store() as store:
        store.ingest(signaal.read(tmp_path / "1.txt"))
    with open_store() as store:
        report = store.ingest(signaal.read(tmp_path / "2.txt"))
        first, copy = store.articles()
    assert report.near == 1
    assert copy.duplicate_of == first.id and copy.group == first.id


def test_ingest_quarantine_recorded_nothing_lost(fresh_store, corpus):
    (corpus / "undecodable.txt").write_bytes(b" date 2022-02 \nDe minister \xe9\xe9n zegt iets.")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    report = fresh_store.ingest(signaal.read(corpus))
    assert (report.new, report.quarantined) == (3, 2)
    assert report.exit_code() == 1
    records = sorted(fresh_store.quarantine(), key=lambda q: q.file)
    assert [q.file.rsplit("/", 1)[1] for q in records] == ["empty.txt", "undecodable.txt"]
    assert all(q.reason and q.time for q in records)
    assert "decode" in records[1].reason
    assert fresh_store.stats()["quarantined"] == 2


def test_ingest_only_bad_input_exits_3(fresh_store, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    report = fresh_store.ingest(signaal.read(tmp_path / "empty.txt"))
    assert (report.new, report.quarantined, report.exit_code()) == (0, 1, 3)


def test_ingest_extract_records_stored_in_the_batch(fresh_store, tmp_path):
    report = fresh_store.ingest(signaal.read(seed_file(tmp_path / "t.txt", NL_TROOPS)),
                                extract=troop_signals)
    article = next(fresh_store.articles())
    assert report.failed == 0
    assert fresh_store.signals(article.id) == troop_signals(article)


def test_ingest_extract_failure_is_logged_and_counted(fresh_store, corpus, caplog):
    def extract(article):
        if "Malieveld" in article.text:
            raise RuntimeError("extractor broke")
        return troop_signals(article) if "Kremlin" in article.text else signaal.records.Signals(article.id)

    with caplog.at_level(logging.ERROR):
        report = fresh_store.ingest(signaal.read(corpus), extract=extract)
    farmers = next(a for a in fresh_store.articles() if "Malieveld" in a.text)
    troops = next(a for a in fresh_store.articles() if "Kremlin" in a.text)
    assert (report.new, report.failed, report.failed_ids) == (3, 1, [farmers.id])
    assert report.exit_code() == 1
    assert farmers.id in caplog.text and "extractor broke" in caplog.text
    assert fresh_store.signals(farmers.id).claims == ()
    assert len(fresh_store.signals(troops.id).claims) == 1


@pytest.mark.parametrize("field", ["evidence", "content", "speaker"])
def test_ingest_extract_with_wrong_evidence_counts_as_failed(fresh_store, tmp_path, field):
    def extract(article):
        signals = troop_signals(article)
        claim = signals.claims[0]
        span = getattr(claim, field)
        moved = dataclasses.replace(span, start_char=span.start_char + 1)
        return dataclasses.replace(signals, claims=(dataclasses.replace(claim, **{field: moved}),))

    report = fresh_store.ingest(signaal.read(seed_file(tmp_path / "t.txt", NL_TROOPS)), extract=extract)
    assert (report.new, report.failed, report.ok) == (1, 1, 0)
    assert fresh_store.stats()["records"]["claims"] == 0


def test_ingest_article_that_cannot_be_stored_is_skipped(fresh_store, tmp_path):
    good = next(iter(signaal.read(seed_file(tmp_path / "t.txt", NL_FARMERS))))
    bad = Article(id="bad", text="Een tekst met een losse surrogaat \udcff erin, niet te coderen.")
    report = fresh_store.ingest([bad, good])
    assert (report.new, report.failed, report.failed_ids) == (1, 1, ["bad"])
    assert [a.id for a in fresh_store.articles()] == [good.id]


def test_ingest_later_bad_input_loses_nothing(fresh_store, corpus, tmp_path):
    fresh_store.ingest(signaal.read(corpus))
    before = list(fresh_store.articles())
    later = tmp_path / "later"
    later.mkdir()
    (later / "bad.jsonl").write_text('{"text": "Een geldig bericht over de Tweede Kamer en de begroting."}\n'
                                     '{"text": kapot\n', encoding="utf-8")
    report = fresh_store.ingest(signaal.read(later))
    assert (report.new, report.quarantined) == (1, 1)
    assert list(fresh_store.articles())[:3] == before


def test_ingest_failed_batch_write_is_rolled_back_whole(fresh_store, corpus):
    fresh_store.ingest(signaal.read(corpus))
    before = _table_counts(fresh_store)
    one = Article(id="x1", text="Eerste artikel van een batch die niet geschreven kan worden.",
                  content_hash="h-x1")
    clash = dataclasses.replace(one, id="x2")  # same content hash twice: the write must fail
    batch = Batch(articles=[one, clash], signatures=[("x1", b"\0" * 512)],
                  quarantined=[Quarantined("q.txt", 1, "test reason")])
    with pytest.raises(StoreError, match="rolled back"):
        fresh_store.write_batch(batch)
    assert _table_counts(fresh_store) == before
    assert fresh_store.article("x1") is None


def _variants():
    """Three stories, each with two syndicated copies, interleaved."""
    stories = [NL_TROOPS, NL_FARMERS, EN_SUMMIT]
    out = []
    for n in range(3):
        for i, story in enumerate(stories):
            out.append(story if n == 0 else story + f"\n\n(Overgenomen door krant {n}{i}.)")
    return out


@pytest.mark.parametrize("batch_size", [1, 4, 500])
def test_ingest_near_duplicates_match_one_global_deduper(open_store, tmp_path, batch_size):
    """Band candidates from the store give the answers of a Deduper that saw everything."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(_variants()):
        seed_file(folder / f"{i:02d}.txt", text)
    articles = [a for a in signaal.read(folder)]
    reference = Deduper()
    expected = {a.id: reference.check(a) for a in articles}
    with open_store(batch_size=batch_size) as store:
        report = store.ingest(articles)
        got = {a.id: (a.duplicate_of, a.group) for a in store.articles()}
    assert (report.new, report.near) == (3, 6)
    assert got == expected


def test_ingest_band_layout_change_rebuilds_bands(open_store, tmp_path):
    seed_file(tmp_path / "1.txt", NL_TROOPS)
    seed_file(tmp_path / "2.txt", near_copy(NL_TROOPS))
    with open_store() as store:
        store.ingest(signaal.read(tmp_path / "1.txt"))
        before = store.db.execute("SELECT value FROM store_meta").fetchone()[0]
    settings = load_settings(overrides={"near_duplicate_threshold": 0.6})
    with open_store(settings=settings) as store:
        report = store.ingest(signaal.read(tmp_path / "2.txt"))
        after = store.db.execute("SELECT value FROM store_meta").fetchone()[0]
        bands = store.db.execute("SELECT COUNT(DISTINCT article_id) FROM minhash_bands").fetchone()[0]
    assert before != after and bands == 2
    assert report.near == 1
