"""SIGKILL an ingest at random points, resume it, and compare with an uninterrupted run.

Shared by ``test_crash.py`` (about 20 kills) and ``bench/crash.py`` (100 or more). Two ways to
run the ingest in a child process:

- ``cli``: ``signaal ingest CORPUS --db DB --no-extract --lang nl --batch-size N -q``;
- ``api``: ``Store.ingest(signaal.read(CORPUS), extract=numbers)`` (``crash_child.py``), where
  ``numbers`` stores a Quantity per digit run, so records are written in the same transactions.

After the last (unkilled) run the store must hold exactly what the reference store holds
(same articles, duplicates, copies, quarantine, records), and ``Store.check()`` must be empty.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "crash_child.py"
VOCAB = ("gemeenteraad", "wethouder", "begroting", "stikstof", "woningbouw", "klimaat", "zorg",
         "onderwijs", "defensie", "asiel", "provincie", "kabinet", "minister", "oppositie", "motie",
         "stemming", "fractie", "burgemeester", "subsidie", "belasting", "tekort", "overschot",
         "rapport", "onderzoek", "rechter", "uitspraak", "beroep", "vergunning", "boeren", "vissers",
         "studenten", "huurders", "ondernemers", "ziekenhuis", "school", "brug", "tunnel", "spoor",
         "haven", "dijk", "windpark", "zonnepark", "gasveld", "netbeheer", "inflatie", "lonen",
         "pensioen", "toeslag", "Zwolle", "Utrecht", "Groningen", "Maastricht", "Leiden", "Arnhem",
         "Delft", "Tilburg", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zegt",
         "meldt", "vindt", "wil", "eist", "belooft", "ontkent", "bevestigt", "verwacht")


def article_text(rng: random.Random, n: int) -> str:
    """A distinct Dutch-looking body of random words (not near-duplicates of each other)."""
    sentences = []
    for _ in range(rng.randint(3, 8)):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(6, 14))]
        sentences.append(" ".join(words).capitalize() + f" {rng.randint(1, 99999)}.")
    return f"Bericht {n}. " + " ".join(sentences)


def make_corpus(root: Path, files: int = 8, per_file: int = 50, seed: int = 11) -> Path:
    """JSONL files of distinct articles, plus exact and near duplicates and malformed lines."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    n = 0
    texts: list[str] = []
    for f in range(files):
        with open(root / f"batch_{f:03d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(per_file):
                n += 1
                if texts and i % 17 == 16:  # exact duplicate of an earlier article (copies table)
                    text = rng.choice(texts)
                elif texts and i % 23 == 22:  # near duplicate: one word changed (syndication)
                    text = rng.choice(texts).replace("dinsdag", "woensdag", 1)
                else:
                    text = article_text(rng, n)
                    texts.append(text)
                out.write(json.dumps({"text": text, "date": f"2022-02-{1 + n % 28:02d}",
                                      "source": f"Krant {f % 3}"}) + "\n")
                if i % 29 == 28:
                    out.write('{"text": "afgebroken regel\n')  # malformed JSON: quarantined
    return root


def command(mode: str, db: Path, corpus: Path, batch_size: int) -> list[str]:
    if mode == "cli":
        exe = Path(sys.executable).with_name("signaal")
        return [str(exe), "ingest", str(corpus), "--db", str(db), "--no-extract", "--lang", "nl",
                "--batch-size", str(batch_size), "-q"]
    return [sys.executable, str(CHILD), str(db), str(corpus), str(batch_size)]


def run_to_end(cmd: list[str], timeout: float = 600) -> tuple[int, float]:
    """(exit status, seconds) of one uninterrupted run."""
    t = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    if done.returncode not in (0, 1):  # 1: the corpus has quarantined lines on purpose
        raise RuntimeError(f"{cmd[:3]} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.returncode, time.perf_counter() - t


@dataclass
class Outcome:
    kills: int = 0
    mid_ingest: int = 0  # kills after the run had stored something and before it had all
    finished_early: int = 0  # runs that completed before their kill time
    seconds: float = 0.0
    lost: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    duplicated: int = 0
    mismatched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    articles: int = 0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.extra or self.duplicated or self.mismatched or self.problems)


def kill_and_resume(cmd: list[str], kills: int, total: int, rng: random.Random,
                    outcome: Outcome) -> None:
    """Start ``cmd`` and SIGKILL it mid-ingest, ``kills`` times; then finish it.

    Each kill waits until the run has committed a random number of the rows still missing (of
    ``total``, the reference run's articles + quarantine rows), then a random few milliseconds more,
    so that it lands inside a batch's work, not before the run has started storing."""
    start = time.perf_counter()
    db = Path(cmd[cmd.index("--db") + 1] if "--db" in cmd else cmd[2])
    done = 0
    while done < kills:
        before = stored(db)
        # spread the kills: each one lets the run commit up to a share of what is left
        goal = before + rng.randint(0, max(0, (total - before) // (kills - done + 1)))
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and stored(db) < goal:
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.05))
        if proc.poll() is not None:
            outcome.finished_early += 1  # it finished first: the store is complete; go on killing
            continue
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done += 1
        outcome.mid_ingest += stored(db) > before
    outcome.kills += done
    run_to_end(cmd)
    outcome.seconds += time.perf_counter() - start


def stored(db: Path) -> int:
    """Articles plus quarantine rows committed so far (0 before the store exists)."""
    if not db.exists():
        return 0
    con = sqlite3.connect(db, timeout=30)
    try:
        return sum(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "quarantine"))
    except sqlite3.OperationalError:  # killed before the first migration committed
        return 0
    finally:
        con.close()


def snapshot(db_path: Path) -> dict:
    """What must be equal between the killed and the reference store."""
    import signaal

    with signaal.Store(db_path) as store:
        db = store.db
        rows = db.execute("SELECT id, content_hash, duplicate_of, group_id, prov_file, prov_record "
                          "FROM articles").fetchall()
        return {
            "articles": {r[0]: tuple(r[1:]) for r in rows},
            "rows": len(rows),
            "copies": {r[0] for r in db.execute("SELECT id FROM copies")},
            "quarantine": {r[0] for r in db.execute("SELECT id FROM quarantine")},
            "quantities": {r[0] for r in db.execute("SELECT id FROM quantities")},
            "extractions": {r[0] for r in db.execute("SELECT article_id FROM extractions")},
            "problems": store.check(),
        }


def compare(got: dict, ref: dict, outcome: Outcome) -> None:
    outcome.articles = len(got["articles"])
    outcome.lost = sorted(set(ref["articles"]) - set(got["articles"]))
    outcome.extra = sorted(set(got["articles"]) - set(ref["articles"]))
    hashes = [v[0] for v in got["articles"].values()]
    outcome.duplicated = got["rows"] - len(set(hashes))
    for key in ("copies", "quarantine", "quantities", "extractions"):
        if got[key] != ref[key]:
            outcome.mismatched.append(f"{key}: {len(got[key] - ref[key])} extra, "
                                      f"{len(ref[key] - got[key])} missing")
    differing = [a for a in ref["articles"] if a in got["articles"] and got["articles"][a] != ref["articles"][a]]
    if differing:
        outcome.mismatched.append(f"{len(differing)} articles differ (duplicate_of/group/provenance), "
                                  f"e.g. {differing[0]}: {got['articles'][differing[0]]} vs {ref['articles'][differing[0]]}")
    outcome.problems = got["problems"]


def crash_run(workdir: Path, mode: str, kills: int, seed: int = 1, files: int = 8,
              per_file: int = 50, batch_size: int = 10) -> Outcome:
    """One round: corpus, reference run, then ``kills`` SIGKILLs and resumes; compared."""
    rng = random.Random(seed)
    corpus = make_corpus(workdir / "corpus", files, per_file, seed)
    ref_db, db = workdir / f"reference-{mode}.db", workdir / f"killed-{mode}.db"
    run_to_end(command(mode, ref_db, corpus, batch_size))
    outcome = Outcome()
    kill_and_resume(command(mode, db, corpus, batch_size), kills, stored(ref_db), rng, outcome)
    compare(snapshot(db), snapshot(ref_db), outcome)
    return outcome
