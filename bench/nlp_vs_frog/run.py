"""Signaal's Dutch pipeline next to Frog: same inputs, same scorer. A log, never a gate.

Usage: ``.venv/bin/python bench/nlp_vs_frog/run.py [--data ../shared/data] [--no-frog]``

Measures NER P/R/F1 (exact and overlap, per type) on CoNLL-2002 ned.testb and MEANTIME-nl
(PRO/FIN/MIX -> MISC; also PER/ORG/LOC only), words/s in one process (full pipeline, without the
parser, NER only) and peak RSS, for Signaal and (installed here with apt-get when missing) Frog.
Both systems get the gold tokens for scoring; Signaal's speed is measured on raw text.
Writes ``bench/nlp_vs_frog/results.json`` and prints a table.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import frog  # noqa: E402  (the sibling module)

from signaal.nlp import evaluation as ev  # noqa: E402
from signaal.nlp import load  # noqa: E402


FULL_RUN_DOCS = 25  # articles of ned.testb (~14,000 words)


def corpora(data: Path) -> dict[str, tuple[list[ev.TaggedDoc], tuple[str, ...] | None]]:
    """Named test sets with the entity types they are scored on."""
    testb = ev.read_conll2002(data / "conll2002-dutch" / "ned.testb")
    meantime = ev.read_meantime(data / "meantime-dutch-clin26")
    return {"conll2002_testb": (testb, None), "meantime_nl": (meantime, None),
            "meantime_nl_per_org_loc": (meantime, ("PER", "ORG", "LOC"))}


def bench_signaal(sets: dict) -> dict:
    """Scores, speed and memory of ``signaal.nlp.load('nl')``."""
    start = time.perf_counter()
    nlp = load("nl")
    out: dict = {"load_seconds": round(time.perf_counter() - start, 1), "model": nlp.meta.get("name"),
                 "model_version": nlp.meta.get("version")}
    for name, (docs, types) in sets.items():
        out[name] = ev.ner_settings_scores(nlp, docs, types)
    out["speed"] = ev.speed_report(nlp, [" ".join(d.words) for d in sets["conll2002_testb"][0]])
    out["peak_rss_mb"] = ev.peak_rss_mb()
    return out


def bench_frog(sets: dict) -> dict:
    """Scores, speed and memory of Frog (NER-only runs for scores, a full run for speed)."""
    if not frog.ensure_installed():
        return {"skipped": "frog could not be installed (apt-get install frog frogdata ucto failed)"}
    out: dict = {"version": frog.version()}
    runs: dict[int, list] = {}  # one Frog run per distinct document list
    for name, (docs, types) in sets.items():
        if id(docs) not in runs:
            runs[id(docs)], out[f"speed_ner_only_{name}"] = frog.run(docs, skip="mcpla")
        out[name] = {"ner": ev.score_exact_and_overlap([d.ents for d in docs], runs[id(docs)], types)}
    # full pipeline minus multi-word units (they merge tokens and break the alignment), on the
    # first FULL_RUN_DOCS articles of ned.testb: at a few hundred words/s the whole set takes long
    _, out["speed_full_no_mwu_conll2002_testb_head"] = frog.run(sets["conll2002_testb"][0][:FULL_RUN_DOCS], skip="m")
    return out


def table(res: dict) -> str:
    """A plain-text summary of the headline figures."""
    rows = ["system    set                        F1 exact  F1 overlap  PER    ORG    LOC    MISC"]
    for system, key in (("signaal", "ner+consistency+ruler"), ("signaal-ner", "ner"), ("frog", "ner")):
        r = res["signaal" if system.startswith("signaal") else "frog"]
        for name in ("conll2002_testb", "meantime_nl", "meantime_nl_per_org_loc"):
            if name not in r:
                continue
            ex, ov = r[name][key]["exact"], r[name][key]["overlap"]
            per_type = "  ".join(f"{ex.get(t, {}).get('f', 0):.3f}" for t in ("PER", "ORG", "LOC", "MISC"))
            rows.append(f"{system:<9} {name:<26} {ex['all']['f']:.3f}     {ov['all']['f']:.3f}       {per_type}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    ap.add_argument("--no-frog", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    sets = corpora(args.data)
    res = {"machine": {"python": platform.python_version(), "spacy": spacy.__version__,
                       "cpu": platform.processor() or platform.machine()},
           "signaal": bench_signaal(sets)}
    args.out.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    res["frog"] = {"skipped": "--no-frog"} if args.no_frog else bench_frog(sets)
    args.out.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=1, ensure_ascii=False))
    print(table(res))


if __name__ == "__main__":
    main()
