"""``signaal eval-ner``: the language layer's NER against public Dutch gold (CoNLL-2002, MEANTIME).

Scoring and readers live in ``signaal.nlp.evaluation`` (shared with ``train/evaluate.py``); this
module only picks the data sets and runs the committed pipeline's NER over them, in one of the
settings of ``evaluation.NER_SETTINGS`` (by default the whole: NER, consistency, actor ruler).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import InputError

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SETS = ("conll2002-testb", "conll2002-testa", "meantime")


def _docs(name: str, data: Path):
    from ..nlp import evaluation as ev

    if name.startswith("conll2002-"):
        path = data / "conll2002-dutch" / f"ned.{name.split('-')[1]}"
        if not path.is_file():
            raise InputError(f"{path} not found; pass --data pointing at the folder with conll2002-dutch/")
        return ev.read_conll2002(path)
    root = data / "meantime-dutch-clin26"
    if not root.is_dir():
        raise InputError(f"{root} not found; pass --data pointing at the folder with meantime-dutch-clin26/")
    return ev.read_meantime(root)


def evaluate_ner(sets: tuple[str, ...] = ("conll2002-testb", "meantime"), data: Optional[Path] = None,
                 limit: Optional[int] = None, setting: str = "ner+consistency+ruler") -> dict:
    """Exact and overlap P/R/F1 per type for each data set: ``{set: {"exact": ..., "overlap": ...}}``."""
    from .. import nlp
    from ..nlp import evaluation as ev

    model = nlp.load("nl")
    out = {}
    for name in sets:
        docs = _docs(name, data or DEFAULT_DATA)[:limit]
        out[name] = ev.ner_settings_scores(model, docs, settings=(setting,))[setting]
        out[name]["documents"] = len(docs)
    return out


def render_ner(report: dict) -> str:
    """The report as a table: one row per set × matching × type."""
    lines = [f"{'set':<16} {'match':<8} {'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for name, res in report.items():
        for match in ("exact", "overlap"):
            for label, s in res[match].items():
                lines.append(f"{name:<16} {match:<8} {label:<5} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} "
                             f"{s['n_gold']:>6} {s['n_pred']:>6}")
    return "\n".join(lines)
