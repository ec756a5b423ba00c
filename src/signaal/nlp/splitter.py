"""A rule-based sentence splitter for news text (``signaal_sentences``, version ``signaal.sentences.v1``).

Runs right after the tokenizer and sets ``is_sent_start`` on every token, so the parser keeps
these boundaries instead of guessing its own. Rules:

* a newline ends a sentence (paragraphs, headlines, list items);
* ``. ! ? …`` (possibly followed by attached closing quotes/brackets) ends a sentence when
  whitespace follows and the next word starts with a capital or digit, after any opening quotes
  (``' ‘ “ „ ,, ''``, balanced or not) — or is a Dutch elided article (``'s``, ``'t``);
* a free-standing closing quote after the punctuation (``aan. '' En``) stays with the sentence;
* never after an abbreviation from ``lexicon/<lang>/abbreviations.txt`` or an initial (``J.``),
  and never where no whitespace follows (so ``130.000``, ``4,3`` and URLs stay whole).
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon

VERSION = "signaal.sentences.v1"
_FINAL = re.compile(r"^[.!?…]+$")
# Quotes and brackets that may close a sentence when attached to its final punctuation.
_CLOSERS = {"'", "''", "’", "”", '"', "»", ")", "]", "’’", "”,"}
# Characters skipped before looking at the first letter of the next sentence.
_OPENERS = "\"'‘’“”„«»([{-–—,. \t"
_ELIDED = re.compile(r"^['’‘](s|t|n)\b")
# Quotes that only ever close (Dutch ,,...'' and „...” styles, «...»), and ones that close when
# an odd number of them opened earlier in the paragraph.
_ALWAYS_CLOSING = {"''", "”", "»", "’’"}
_SYMMETRIC = {'"', "'"}
# Curly marks that also close a straight quote opened before (mixed styles are common in copy).
_CLOSES = {"'": ("’",), '"': ("”",)}


def abbreviation_set(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations of ``lang`` (the period included)."""
    return frozenset(a.lower() for a in lexicon.load(lang, "abbreviations.txt"))


def _is_abbreviation(doc: Doc, i: int, abbrevs: frozenset[str]) -> bool:
    """Whether the period token ``doc[i]`` belongs to an abbreviation or an initial."""
    tok = doc[i]
    if tok.text.lower() in abbrevs:
        return True
    if tok.text == "." and i > 0 and not doc[i - 1].whitespace_:
        prev = doc[i - 1].text
        # "J." (an initial) or "o.a" + "." split by the tokenizer
        return (len(prev) == 1 and prev.isalpha() and prev.isupper()) or (prev + ".").lower() in abbrevs
    return False


def _starts_sentence(text: str) -> bool:
    """Whether ``text`` (the rest of the doc) begins like a new sentence."""
    if _ELIDED.match(text):
        return True
    rest = text.lstrip(_OPENERS)
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit())


def _open_quotes(doc: Doc) -> list[dict[str, bool]]:
    """Per token: which straight quotes (" and ') are open before it, within its paragraph."""
    state = dict.fromkeys(_SYMMETRIC, False)
    out = []
    for t in doc:
        out.append(dict(state))
        if t.is_space and "\n" in t.text:
            state = dict.fromkeys(_SYMMETRIC, False)
        elif t.text in state:
            state[t.text] = not state[t.text]
        else:
            for quote, closers in _CLOSES.items():
                if t.text in closers:
                    state[quote] = False  # 'voorzichtig positief’: a straight quote closed by a curly one
    return out


def _closes_quote(text: str, open_before: dict[str, bool]) -> bool:
    """Whether the free-standing quote ``text`` closes a quotation (``aan. '' En``)."""
    return text in _ALWAYS_CLOSING or open_before.get(text, False)


def boundaries(doc: Doc, abbrevs: frozenset[str]) -> list[bool]:
    """One flag per token: does a sentence start here?"""
    n = len(doc)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    text = doc.text  # built once: Doc.text joins all tokens on every access
    quotes = _open_quotes(doc)  # one pass, so long paragraphs stay linear
    for i, tok in enumerate(doc):
        if tok.is_space:
            if "\n" in tok.text and i + 1 < n and not doc[i + 1].is_space:
                starts[i + 1] = True
            continue
        if not _FINAL.match(tok.text) or _is_abbreviation(doc, i, abbrevs):
            continue
        j = i + 1
        while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
            j += 1
        if j >= n or not doc[j - 1].whitespace_ or doc[j].is_space:
            continue  # no whitespace: inside a number, URL or word; newlines are handled above
        if _closes_quote(doc[j].text, quotes[j]):  # a spaced closing quote stays with its sentence
            j += 1
            if j >= n or not doc[j - 1].whitespace_ or doc[j].is_space:
                continue
        if _starts_sentence(text[doc[j].idx:doc[j].idx + 40]):
            starts[j] = True
    return starts


class SentenceSplitter:
    """Sets sentence starts on every token from the rules in the module docstring."""

    def __init__(self, abbrevs: frozenset[str]):
        self.abbrevs = abbrevs

    def __call__(self, doc: Doc) -> Doc:
        # One array write: the per-token setter checks the whole doc each time (quadratic).
        flags = numpy.array([[1 if start else -1] for start in boundaries(doc, self.abbrevs)], dtype="int64")
        if len(doc):
            doc.from_array([SENT_START], flags.astype("uint64"))
        return doc


@Language.factory("signaal_sentences", assigns=["token.is_sent_start"], default_config={"lang": None})
def make_sentence_splitter(nlp: Language, name: str, lang: str | None) -> SentenceSplitter:
    """The news sentence splitter; abbreviations come from the lexicon of ``lang`` (default: ``nlp.lang``)."""
    return SentenceSplitter(abbreviation_set(lang or nlp.lang))
