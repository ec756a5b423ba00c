"""Crash safety, CI size: about 20 SIGKILLs of a running ingest, resumed each time.

The full run (100+ kills) is ``bench/crash.py``; the harness is ``crash_harness.py``.
"""

import pytest

import signaal
from crash_harness import crash_run, make_corpus
from crash_child import numbers


@pytest.mark.parametrize("mode, kills", [("api", 15), ("cli", 5)])
def test_crash_sigkill_loses_and_duplicates_nothing(tmp_path, mode, kills):
    outcome = crash_run(tmp_path, mode, kills, seed=kills, files=6, per_file=40, batch_size=8)
    assert outcome.kills == kills
    assert outcome.lost == [] and outcome.extra == []
    assert outcome.duplicated == 0
    assert outcome.mismatched == []
    assert outcome.problems == []
    assert outcome.articles > 200


def test_crash_store_check_passes_on_a_clean_store(tmp_path):
    with signaal.Store(tmp_path / "s.db") as store:
        store.ingest(signaal.read(make_corpus(tmp_path / "c", files=2, per_file=30), lang="nl"),
                     extract=numbers)
        assert store.count() > 40
        assert store.check() == []


@pytest.mark.parametrize("damage, expected", [
    ("DELETE FROM articles WHERE seq = 1", "claims rows whose article is missing"),
    ("DELETE FROM articles WHERE seq = 1", "full-text rows without an article"),
    ("DELETE FROM minhashes WHERE rowid = 1", "articles without a MinHash signature"),
    ("INSERT INTO articles_fts (rowid, title, body) VALUES (99999, 'x', 'y')",
     "full-text rows without an article"),
    ("UPDATE articles SET duplicate_of = 'nope' WHERE seq = 2", "near duplicates whose original is missing"),
])
def test_crash_store_check_finds_damage(tmp_path, damage, expected):
    with signaal.Store(tmp_path / "s.db") as store:
        store.ingest(signaal.read(make_corpus(tmp_path / "c", files=1, per_file=10), lang="nl"),
                     extract=_with_claim)
        store.db.execute(damage)
        assert any(expected in p for p in store.check()), store.check()


def _with_claim(article):
    """Numbers plus one claim, so deleting an article orphans a claim row."""
    from signaal.records import Claim, Evidence, Signals

    ev = Evidence(article.id, 0, 7, article.text[:7], 0, len(article.text), article.text)
    claim = Claim(id=f"{article.id}-c", source="Raad", source_actor=None, cue=None,
                  polarity="asserted", direct=False, content=None, evidence=ev, extractor="x")
    return Signals(article.id, claims=(claim,), quantities=numbers(article).quantities,
                   extractor="x")
