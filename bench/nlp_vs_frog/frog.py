"""Frog (LaMachine/CLST Dutch suite, GPL-3) as a peer for the bench: install, run, read its TSV.

Frog is run in batch mode on pre-tokenized input, one sentence per line (``-n --skip=t``), so its
entities line up with the gold tokens and the same scorer applies.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from signaal.nlp.evaluation import Entity, TaggedDoc, iob_to_spans
from signaal.nlp.frog import available, label, read_tsv

PACKAGES = ("frog", "frogdata", "ucto")


def ensure_installed() -> str | None:
    """Install Frog with apt-get if missing; its path, or None when that is impossible."""
    if available():
        return available()
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "install", "-y", *PACKAGES], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        return None
    return available()


def version() -> str:
    """Frog's version line."""
    out = subprocess.run(["frog", "-V"], capture_output=True, text=True)
    lines = [ln for ln in (out.stdout + out.stderr).splitlines() if ln.lower().startswith("frog")]
    return lines[0].strip() if lines else "?"


def _write_input(docs: list[TaggedDoc], path: Path) -> None:
    lines = []
    for d in docs:
        bounds = d.sent_starts + [len(d.words)]
        for a, b in zip(bounds, bounds[1:]):
            lines.append(" ".join(w.replace(" ", "_") for w in d.words[a:b]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_output(path: Path, docs: list[TaggedDoc]) -> list[list[Entity]]:
    """Frog TSV (read by ``signaal.nlp.frog.read_tsv``) -> entities per doc."""
    tags = [label(t.ner) for sentence in read_tsv(path.read_text(encoding="utf-8")) for t in sentence]
    out, i = [], 0
    for d in docs:
        n = len(d.words)
        out.append(iob_to_spans(tags[i:i + n]))
        i += n
    if i != len(tags):
        raise RuntimeError(f"frog returned {len(tags)} tokens for {i} input tokens")
    return out


def run(docs: list[TaggedDoc], skip: str) -> tuple[list[list[Entity]], dict]:
    """Frog over the gold words; entities and a timing/memory record. ``skip``: Frog modules to skip."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.txt", Path(tmp) / "out.tsv"
        _write_input(docs, src)
        argv = ["frog", "-n", f"--skip=t{skip}", "-t", str(src), "-o", str(dst)]
        start = time.perf_counter()
        res = subprocess.run(argv, capture_output=True, text=True)
        secs = time.perf_counter() - start
        if res.returncode:
            raise RuntimeError(f"frog failed ({res.returncode}): {res.stderr[-500:]}")
        # the largest finished child so far: Frog dwarfs anything else this script starts
        rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        words = sum(len(d.words) for d in docs)
        return _read_output(dst, docs), {"words": words, "seconds": round(secs, 1),
                                         "words_per_s": round(words / secs), "peak_rss_mb": round(rss_kb / 1024)}
