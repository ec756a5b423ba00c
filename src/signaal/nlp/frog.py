"""Frog (the CLST Dutch suite, Debian ``frog``, GPL-3) as an optional backend: text in, Doc out.

Signaal never needs Frog; this is the peer the Dutch pipeline is measured against
(``bench/nlp_vs_frog``) and a second opinion for users who have it installed. Frog runs as its own
program in batch mode: ``pipe(texts)`` writes the texts to one file (a blank line apart), runs
``frog -t IN -o OUT`` once for all of them (its ~15 s start-up is paid once per batch) and reads
the TSV it writes: one token per line, a blank line after each sentence. Which columns hold what
depends on the modules run, so the PoS confidence (a float) anchors them: the tag before it, the
NER label and the chunk after it.

Each Doc is built over the exact input text (``spacy.util.get_words_and_spaces`` aligns Frog's
tokens to it and adds whitespace tokens), so character offsets stay evidence spans. Frog's
sentences become ``is_sent_start``, its lemmas ``lemma_``, its CGN tags ``tag_``, and its NER
(PER/ORG/LOC/MISC, PRO/EVE -> MISC) ``doc.ents``.

>>> doc = parse("De NAVO reageerde boos.")  # doctest: +SKIP
>>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP
[('NAVO', 'ORG')]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from ..errors import ConfigError, InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Frog's entity types mapped to CoNLL-2002's (product and event -> MISC).
TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "PRO": "MISC", "EVE": "MISC"}
SKIP = "m"  # modules Frog skips by default: the multi-word unit detector (slow, unused here)
_CONF = re.compile(r"\d\.\d+")
_SEPARATOR = "\n\n"  # between texts in one batch: Frog starts a new paragraph there


@dataclass(frozen=True)
class Token:
    """One row of Frog's TSV."""

    word: str
    lemma: str
    tag: str
    ner: str  # IOB, "O" outside entities


def available() -> Optional[str]:
    """The path of the ``frog`` program, or None when it is not installed."""
    return shutil.which("frog")


def read_tsv(tsv: str) -> list[list[Token]]:
    """Frog's TSV output as sentences of tokens."""
    sentences: list[list[Token]] = [[]]
    for line in tsv.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip().isdigit():
            if sentences[-1]:
                sentences.append([])
            continue
        conf = next((k for k, c in enumerate(cols[2:], 2) if _CONF.fullmatch(c)), None)
        tag = cols[conf - 1] if conf else ""
        ner = cols[conf + 1] if conf is not None and conf + 1 < len(cols) and cols[conf + 1] else "O"
        lemma = cols[2] if conf == 5 else ""  # lemma and morphology precede the tag when run
        sentences[-1].append(Token(cols[1], lemma, tag, ner))
    return [s for s in sentences if s]


def label(iob: str) -> str:
    """Frog's IOB label with the type mapped to CoNLL-2002's."""
    prefix, _, typ = iob.partition("-")
    return f"{prefix}-{TYPES.get(typ, 'MISC')}" if typ else "O"


def to_doc(vocab, text: str, sentences: list[list[Token]]) -> "Doc":
    """A Doc over ``text`` with Frog's sentences, lemmas, tags and entities."""
    from spacy.tokens import Doc
    from spacy.util import get_words_and_spaces

    tokens = [t for s in sentences for t in s]
    starts = {id(s[0]) for s in sentences}
    try:
        words, spaces = get_words_and_spaces([t.word for t in tokens], text)
    except ValueError as e:  # Frog changed a character of the text (it should not)
        raise InputError(f"cannot align Frog's tokens to the text: {e}") from None
    lemmas, tags, ents, sent_starts = [], [], [], []
    k = 0
    for w in words:
        if k < len(tokens) and w == tokens[k].word:
            t = tokens[k]
            lemmas.append(t.lemma or t.word)
            tags.append(t.tag or "_")
            ents.append(label(t.ner))
            sent_starts.append(id(t) in starts)
            k += 1
        else:  # a whitespace token spaCy needs between Frog's tokens
            lemmas.append(w)
            tags.append("_SP")
            ents.append("O")
            sent_starts.append(False)
    sent_starts[0] = True
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, tags=tags,
               ents=_iob2(ents), sent_starts=sent_starts)


def _iob2(tags: list[str]) -> list[str]:
    """Frog writes IOB1-like runs ("I-PRO" after "B-PRO" of another entity); spaCy wants IOB2."""
    out, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def pipe(texts: Iterable[str], skip: str = SKIP, vocab=None) -> list["Doc"]:
    """Docs for ``texts`` from one Frog run (raises ConfigError when Frog is not installed)."""
    if available() is None:
        raise ConfigError("Frog is not installed; `apt-get install frog frogdata ucto` "
                          "(Debian) or use the Dutch pipeline of signaal.nlp")
    texts = list(texts)
    if vocab is None:
        import spacy

        vocab = spacy.blank("nl").vocab
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.txt", Path(tmp) / "out.tsv"
        # one text per paragraph: Frog keeps paragraph breaks as sentence breaks
        src.write_text(_SEPARATOR.join(" ".join(t.split()) for t in texts) + "\n", encoding="utf-8")
        res = subprocess.run(["frog", f"--skip={skip}", "-t", str(src), "-o", str(dst)],
                             capture_output=True, text=True)
        if res.returncode:
            raise InputError(f"frog failed (exit {res.returncode}): {res.stderr[-300:]}")
        sentences = read_tsv(dst.read_text(encoding="utf-8"))
    return [to_doc(vocab, text, group) for text, group in zip(texts, _split(sentences, texts), strict=True)]


def _split(sentences: list[list[Token]], texts: list[str]) -> list[list[list[Token]]]:
    """Sentences grouped per input text, by the number of non-space characters each text has."""
    out, i = [], 0
    for text in texts:
        need, group = len("".join(text.split())), []
        while need > 0 and i < len(sentences):
            group.append(sentences[i])
            need -= sum(len(t.word) for t in sentences[i])
            i += 1
        out.append(group)
    return out


def parse(text: str, skip: str = SKIP) -> "Doc":
    """One text as a Doc from Frog."""
    return pipe([text], skip)[0]
