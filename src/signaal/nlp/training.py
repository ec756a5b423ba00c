"""Retrain the committed Dutch pipeline by running the ``train/`` recipe (a source checkout only).

Steps (each a subprocess, so a crash names its step): convert the shared corpora, train the NER
pipeline (stage 1, selected on ned.testa), fine-tune it on ned.train + ned.testa (stage 2), train
the syntax pipeline, merge both into ``nlp/models/nl_signaal``, score it.
Seeds are fixed in the configs and BLAS runs single-threaded, so reruns give the same model.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from ..errors import ConfigError, LanguageNotSupported

log = logging.getLogger(__name__)
RECIPE = Path(__file__).resolve().parents[3] / "train"
TRAINABLE = ("nl",)


def steps(data: Path, recipe: Path = RECIPE, evaluate: bool = True) -> list[tuple[str, list[str]]]:
    """The commands of the recipe, in order, as (name, argv) pairs."""
    py = sys.executable
    corpus, output = recipe / "corpus", recipe / "output"
    train = [py, "-m", "spacy", "train"]
    out = [
        ("convert", [py, str(recipe / "convert.py"), "--data", str(data), "--out", str(corpus)]),
        ("train-ner", train + [str(recipe / "configs" / "ner.cfg"), "--output", str(output / "ner"),
                               "--paths.train", str(corpus / "ner-train.spacy"),
                               "--paths.dev", str(corpus / "ner-dev.spacy")]),
        ("finetune-ner", train + [str(recipe / "configs" / "ner_finetune.cfg"),
                                  "--output", str(output / "ner_finetune"),
                                  "--paths.train", str(corpus / "ner-train-dev.spacy"),
                                  "--paths.dev", str(corpus / "ner-dev.spacy"),
                                  "--paths.stage1", str(output / "ner" / "model-best")]),
        ("train-syntax", train + [str(recipe / "configs" / "syntax.cfg"), "--output", str(output / "syntax"),
                                  "--paths.train", str(corpus / "syntax-train.spacy"),
                                  "--paths.dev", str(corpus / "syntax-dev.spacy")]),
        ("assemble", [py, str(recipe / "assemble.py"), "--output", str(output)]),
    ]
    if evaluate:
        out.append(("evaluate", [py, str(recipe / "evaluate.py"), "--data", str(data), "--corpus", str(corpus)]))
    return out


def retrain(lang: str, data: Path, evaluate: bool = True, recipe: Path = RECIPE) -> None:
    """Run the recipe for ``lang`` on the corpora in ``data`` (see train/README.md)."""
    if lang not in TRAINABLE:
        raise LanguageNotSupported(lang)
    if not (recipe / "convert.py").is_file():
        raise ConfigError(f"no training recipe at {recipe}: `signaal train` needs a source checkout")
    if not (data / "conll2002-dutch" / "ned.train").is_file():
        raise ConfigError(f"training data not found under {data} (want conll2002-dutch/, ud-dutch-*/); "
                          "pass --data")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    for name, argv in steps(data, recipe, evaluate):
        log.info("train %s: %s", name, " ".join(argv))
        result = subprocess.run(argv, cwd=recipe.parent, env=env)
        if result.returncode:
            raise ConfigError(f"training step {name!r} failed (exit {result.returncode}): {' '.join(argv)}")
