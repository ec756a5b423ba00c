"""Convert the shared corpora to spaCy DocBin files under ``train/corpus/`` (git-ignored).

Usage: ``python train/convert.py [--data ../shared/data] [--out train/corpus]``

Split (documented in train/README.md, deterministic, no randomness):

* NER: CoNLL-2002 ``ned.train`` -> ner-train, ``ned.testa`` -> ner-dev, ``ned.testb`` -> ner-test;
  ``ner-train-dev`` = train + testa for the fine-tuning stage.
* Syntax: all of UD Alpino test and LassySmall test -> syntax-train. The documents of the two dev
  files, numbered in file order: index % 2 == 1 -> syntax-test (held out, reported),
  index % 4 == 0 -> syntax-dev (model selection), index % 4 == 2 -> syntax-train.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conll_ner_to_docs

UD_FILES = {
    "alpino": "ud-dutch-alpino/nl_alpino-ud-{}.conllu",
    "lassysmall": "ud-dutch-lassysmall/nl_lassysmall-ud-{}.conllu",
}


def read_conllu(path: Path) -> list[dict]:
    """Sentences of a CoNLL-U file as dicts (sent_id, text, rows); multiword ranges skipped."""
    sents, cur = [], {"rows": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur["rows"]:
                sents.append(cur)
            cur = {"rows": []}
        elif line.startswith("# sent_id ="):
            cur["sent_id"] = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            cur["text"] = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if re.fullmatch(r"\d+", cols[0]):
                cur["rows"].append(cols)
    if cur["rows"]:
        sents.append(cur)
    return sents


def doc_key(sent_id: str) -> str:
    """Document id of a UD sentence id (``X.p.3.s.2`` -> ``X``)."""
    return re.sub(r"\.p\.\d+\.s\.\d+$", "", sent_id)


def para_key(sent_id: str) -> str:
    """Paragraph id of a UD sentence id (``X.p.3.s.2`` -> ``X.p.3``)."""
    return re.sub(r"\.s\.\d+$", "", sent_id)


def group_docs(sents: list[dict]) -> list[list[dict]]:
    """Consecutive sentences with the same document id."""
    docs: list[list[dict]] = []
    for s in sents:
        if docs and doc_key(docs[-1][-1]["sent_id"]) == doc_key(s["sent_id"]):
            docs[-1].append(s)
        else:
            docs.append([s])
    return docs


def _lemma(form: str, lemma: str) -> str:
    # Alpino marks compound parts with "_" (gemeente_raad); users want the plain word.
    return lemma.replace("_", "") if "_" not in form else lemma


def ud_doc(vocab, sents: list[dict]) -> Doc:
    """One Doc for a UD document: sentences of a paragraph joined by a space, paragraphs by a newline."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for i, s in enumerate(sents):
        offset = len(words)
        if i and para_key(s["sent_id"]) != para_key(sents[i - 1]["sent_id"]):
            spaces[-1] = False  # the newline token below carries the paragraph break
            words.append("\n")
            spaces.append(False)
            tags.append("_SP")
            pos.append("SPACE")
            morphs.append("")
            lemmas.append("\n")
            heads.append(offset - 1)
            deps.append("dep")
            starts.append(False)
            offset += 1
        for j, c in enumerate(s["rows"]):
            words.append(c[1])
            spaces.append("SpaceAfter=No" not in c[9])
            tags.append(c[4])
            pos.append(c[3])
            morphs.append("" if c[5] == "_" else c[5])
            lemmas.append(_lemma(c[1], c[2]))
            head = int(c[6])
            heads.append(offset + head - 1 if head else offset + j)
            deps.append(c[7].split(":")[0] if head else "ROOT")
            starts.append(j == 0)
        spaces[-1] = True
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def split_ud(data: Path) -> dict[str, list[list[dict]]]:
    """The documented train/dev/test split of the UD documents."""
    out: dict[str, list[list[dict]]] = {"train": [], "dev": [], "test": []}
    for pattern in UD_FILES.values():
        out["train"] += group_docs(read_conllu(data / pattern.format("test")))
        for i, d in enumerate(group_docs(read_conllu(data / pattern.format("dev")))):
            out["test" if i % 2 else "dev" if i % 4 == 0 else "train"].append(d)
    return out


def convert_ner(src: Path, n_sents: int = 10) -> list[Doc]:
    """CoNLL-2002 ``WORD POS IOB`` file as Docs of ``n_sents`` sentences."""
    # The converter keeps "-DOCSTART-" lines as tokens: drop them (they are separators, not text).
    lines = [ln for ln in src.read_text(encoding="utf-8").splitlines() if not ln.startswith("-DOCSTART-")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return list(conll_ner_to_docs(text, n_sents=n_sents, no_print=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent
    ap.add_argument("--data", type=Path, default=here.parent.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=here / "corpus")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    ner = {}
    for name, part in (("train", "train"), ("dev", "testa"), ("test", "testb")):
        ner[name] = convert_ner(args.data / "conll2002-dutch" / f"ned.{part}")
        DocBin(docs=ner[name]).to_disk(args.out / f"ner-{name}.spacy")
        print(f"ner-{name}: {len(ner[name])} docs, {sum(len(d) for d in ner[name])} tokens")
    # the second NER stage fine-tunes on train + dev (testb stays unseen)
    DocBin(docs=ner["train"] + ner["dev"]).to_disk(args.out / "ner-train-dev.spacy")
    for name, docs in split_ud(args.data).items():
        docs_ = [ud_doc(nlp.vocab, d) for d in docs]
        DocBin(docs=docs_, store_user_data=False).to_disk(args.out / f"syntax-{name}.spacy")
        print(f"syntax-{name}: {len(docs_)} docs, {sum(len(d) for d in docs)} sentences, "
              f"{sum(len(x) for x in docs_)} tokens")


if __name__ == "__main__":
    main()
