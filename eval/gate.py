"""The quality gate: fail (exit 1) when a pinned figure in eval/baseline.json drops.

    python eval/gate.py                    # score eval/gold with the pipeline, compare with floors
    python eval/gate.py --update           # pin the current figures (floors only rise)
    python eval/gate.py --update --allow-regression   # lower floors, on purpose, with a reason in the commit

Logic lives in ``signaal.eval.baseline``; this file is the command CI runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from signaal.eval import baseline, evaluate

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", action="append", help="gold file or folder (default: eval/gold)")
    ap.add_argument("--system", help="score this export JSONL instead of running the pipeline")
    ap.add_argument("--articles", action="append", default=[], help="folder with the articles")
    ap.add_argument("--baseline", default=str(HERE / "baseline.json"), help="the floors file")
    ap.add_argument("--update", action="store_true", help="pin the current figures as floors")
    ap.add_argument("--allow-regression", action="store_true", help="with --update: allow lower floors")
    args = ap.parse_args(argv)
    gold = args.gold or [str(HERE / "gold")]
    articles = args.articles or [str(HERE.parent / "examples")]
    current = baseline.figures(evaluate(gold, system=args.system, articles=articles))
    gold_digest = baseline.digest(gold, articles)
    path = Path(args.baseline)
    old = baseline.load(path)
    if args.update:
        verdict, new = baseline.update(current, gold_digest, old, args.allow_regression)
        if verdict.ok:
            path.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    else:
        verdict = baseline.check(current, gold_digest, old)
    print("\n".join(verdict.lines))
    print("gate: ok" if verdict.ok else "gate: FAILED")
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
