"""read_ahead: the same items as read, from a second process; failures there surface here."""

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import signaal
from signaal.cli import cli
from signaal.errors import ConfigError, InputError
from signaal.ingest.ahead import read_ahead
from signaal.records import Article, Quarantined
from signaal.store.ingest import Prepared, prepare

NL = ("Het Litouwse leger houdt volgende week een oefening bij de grens met Wit-Rusland, "
      "meldt het ministerie van Defensie in Vilnius.")
EN = "The Estonian government said on Tuesday that it would send more border guards to Narva."


@pytest.fixture
def mixed(tmp_path):
    """Seed files, a JSONL file with a bad line, a gzip file, an empty file and a near copy."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(f" date 2022-03 \n{NL}", encoding="utf-8")
    (d / "sub" / "b.txt").write_text(f" date 2022-03-02 \n{EN}", encoding="utf-8")
    (d / "c.txt").write_text(f" date 2022-03 \n{NL} Meer volgt.", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    texts = ["Finland opened talks with Sweden about joint air patrols over the Baltic Sea.",
             "Norway's parliament voted to raise the defence budget by two billion kroner.",
             "Poland asked its allies for more air defence systems along the eastern border.",
             "Latvia closed two border crossings after a surge of migrants from Belarus.",
             "Denmark will hold a referendum on joining the common defence policy in June."]
    lines = [json.dumps({"text": t, "date": "2022-04-01"}) for t in texts]
    (d / "feed.jsonl").write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]), encoding="utf-8")
    (d / "d.txt.gz").write_bytes(gzip.compress(
        " date 2022-05 \nDe Nederlandse marine stuurt een fregat naar de Oostzee voor een oefening "
        "met Duitse en Poolse schepen bij de grens van het NAVO-gebied.".encode()))
    return d


def _key(item):
    if isinstance(item, Prepared):
        item = item.article
    if isinstance(item, Quarantined):
        return ("q", os.path.basename(item.file), item.record, item.reason)
    return ("a", item.id, item.lang, item.published.label() if item.published else None,
            item.content_hash, os.path.basename(item.provenance.file), item.provenance.record)


def test_read_ahead_yields_what_read_yields_in_order(mixed):
    expected = [_key(x) for x in signaal.read(mixed)]
    got = [_key(x) for x in read_ahead(mixed, chunk=2, ahead=4)]
    assert got == expected
    assert sum(k[0] == "q" for k in got) == 2 and sum(k[0] == "a" for k in got) == 9


def test_read_ahead_prepare_gives_the_signature_ingest_would_compute(mixed):
    items = list(read_ahead(mixed, prepare=signaal.Store(":memory:").preparer()))
    prepared = [x for x in items if isinstance(x, Prepared)]
    assert len(prepared) == 9 and not any(isinstance(x, Article) for x in items)
    for p in prepared:
        assert p.signature == signaal.ingest.signature(p.article.text, 64)
        assert p.article.content_hash


def _store_state(store):
    rows = store.db.execute("SELECT id, duplicate_of, group_id, prov_file, prov_record FROM articles "
                            "ORDER BY seq").fetchall()
    quarantine = store.db.execute("SELECT file, record, reason FROM quarantine ORDER BY id").fetchall()
    bands = store.db.execute("SELECT key, article_id FROM minhash_bands ORDER BY key, article_id").fetchall()
    return [tuple(r) for r in rows], [tuple(r) for r in quarantine], [tuple(r) for r in bands]


def test_ingest_read_ahead_stores_the_same_as_read(mixed, tmp_path):
    with signaal.Store(tmp_path / "one.db", batch_size=3) as one:
        r1 = one.ingest(signaal.read(mixed))
        state1 = _store_state(one)
    with signaal.Store(tmp_path / "two.db", batch_size=3) as two:
        r2 = two.ingest(read_ahead(mixed, prepare=two.preparer(), chunk=2, ahead=4))
        state2 = _store_state(two)
        hits = [h.article.provenance.file for h in two.search("grens")]
    assert (r2.new, r2.near, r2.exact, r2.quarantined) == (r1.new, r1.near, r1.exact, r1.quarantined)
    assert r2.near == 1 and r2.quarantined == 2
    assert state2 == state1
    assert len(hits) == 3  # a.txt, its near copy c.txt and d.txt.gz


def test_ingest_prepared_for_other_permutations_is_signed_again(mixed, tmp_path):
    items = [prepare(x, 32) if isinstance(x, Article) else x for x in signaal.read(mixed)]
    with signaal.Store(tmp_path / "s.db") as store:
        report = store.ingest(items)
        sizes = {len(r[0]) for r in store.db.execute("SELECT signature FROM minhashes")}
    assert report.new + report.near == 9 and report.near == 1
    assert sizes == {64 * 4}


def test_read_ahead_bad_option_raises_before_reading(mixed):
    with pytest.raises(ConfigError, match="not a date"):
        read_ahead(mixed, date="2022-13-45").__next__()


def explode_on_english(article):
    if article.lang == "en":
        raise ValueError("cannot prepare this article")
    return article


def exit_on_english(article):
    if article.lang == "en":
        os._exit(3)
    return article


def test_read_ahead_error_in_the_reader_is_raised_with_its_traceback(mixed):
    with pytest.raises(InputError, match="(?s)reading failed.*ValueError: cannot prepare"):
        list(read_ahead(mixed, prepare=explode_on_english))


def test_read_ahead_reader_that_dies_is_reported_not_waited_for(mixed, tmp_path):
    with signaal.Store(tmp_path / "s.db", batch_size=1) as store:
        with pytest.raises(InputError, match="ended unexpectedly \\(exit code 3\\)"):
            store.ingest(read_ahead(mixed, prepare=exit_on_english, chunk=1, ahead=1))
        stored = store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored >= 1  # the Dutch article read before it was stored in its own batch


def test_cli_ingest_no_extract_workers_2_reads_ahead_same_store(mixed, tmp_path):
    outs = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(cli, ["ingest", str(mixed), "--db", str(db), "--no-extract",
                                          "--quiet", "--workers", workers])
        assert result.exit_code == 1, result.output  # 1: some input was quarantined
        assert "8 new / 1 duplicates / 2 quarantined / 0 failed" in result.stderr
        with signaal.Store(db) as store:
            outs.append(_store_state(store))
    assert outs[0] == outs[1]


def _children(pid):
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text and b"spawn_main" in cmdline:
            out.append(int(status.parent.name))
    return out


PARENT = """
import sys, time
from signaal.ingest.ahead import read_ahead
if __name__ == "__main__":
    it = read_ahead(sys.argv[1], ahead=20, chunk=20)
    next(it)
    print("reading", flush=True)
    time.sleep(120)
"""


def test_read_ahead_reader_ends_when_its_parent_is_killed(tmp_path):
    # Messages of 20 articles of ~6 kB are more than a pipe holds: the reader's queue thread is
    # blocked writing when the parent dies, and must not keep the reader alive.
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(100):
        body = " ".join(f"Zin {i}-{j} over de oefening van het leger bij de grens." for j in range(100))
        (folder / f"{i:03d}.txt").write_text(f" date 2022-03 \n{body}", encoding="utf-8")
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(folder)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert parent.stdout.readline().strip() == "reading"
        children = _children(parent.pid)
        assert len(children) == 1
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while Path(f"/proc/{children[0]}").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not Path(f"/proc/{children[0]}").exists()
