"""Merge the syntax pipeline (best on syntax-dev) and the NER pipeline (stage 2, last) into the model.

Writes ``src/signaal/nlp/models/nl_signaal``.

Usage: ``python train/assemble.py [--output train/output] [--model src/signaal/nlp/models/nl_signaal]``

The NER component gets its own copy of its tok2vec (``replace_listeners``) so it can live in the
syntax pipeline, whose tagger/morphologizer/lemmatizer/parser share the syntax tok2vec.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent


def assemble(output: Path, model: Path) -> None:
    """Build the merged pipeline from ``output/{syntax,ner}/model-best`` and write it to ``model``."""
    nlp = spacy.load(output / "syntax" / "model-best")
    ner_nlp = spacy.load(output / "ner_finetune" / "model-last")
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, after="parser")
    syn_meta = json.loads((output / "syntax" / "model-best" / "meta.json").read_text())
    ner_meta = json.loads((output / "ner" / "model-best" / "meta.json").read_text())  # stage 1: dev scores
    nlp.meta.update({
        "name": "signaal", "version": "1.0.0", "license": "CC BY-SA 4.0 (UD data); CoNLL-2002 research use",
        "description": "Signaal Dutch news pipeline: tagger, morphologizer, edit-tree lemmatizer, parser "
                       "(UD Alpino + LassySmall) and NER (CoNLL-2002). Recipe: train/README.md",
        "author": "Signaal", "email": "", "url": "",
        "sources": [
            {"name": "UD_Dutch-Alpino r2.16 (dev+test)", "license": "CC BY-SA 4.0"},
            {"name": "UD_Dutch-LassySmall r2.16 (dev+test)", "license": "CC BY-SA 4.0"},
            {"name": "CoNLL-2002 Dutch NER (ned.train; ned.testa for selection, then fine-tuning)",
             "license": "research use, unknown"},
        ],
        "performance": {**syn_meta.get("performance", {}), **ner_meta.get("performance", {})},
    })
    if model.exists():
        shutil.rmtree(model)
    model.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(model)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", type=Path, default=HERE / "output")
    ap.add_argument("--model", type=Path, default=HERE.parent / "src" / "signaal" / "nlp" / "models" / "nl_signaal")
    args = ap.parse_args()
    assemble(args.output, args.model)
    size = sum(f.stat().st_size for f in args.model.rglob("*") if f.is_file())
    print(f"wrote {args.model} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
