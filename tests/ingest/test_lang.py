"""Language detection with lingua, ISO 639-1 codes, content only."""

import pytest

from ingest_texts import EN, NL
from signaal.ingest import lang
from signaal.ingest.build import Draft, Options, finish
from signaal.settings import load_settings

DE = ("Die Bundesregierung hat am Dienstag einen neuen Plan für den Wohnungsbau vorgestellt. "
      "Der Minister sagte, es müssten jedes Jahr hunderttausend Wohnungen gebaut werden.")
FR = ("Le gouvernement a présenté mardi un nouveau plan pour le logement. Le ministre a déclaré "
      "qu'il fallait construire cent mille logements chaque année.")


@pytest.mark.parametrize("text,code", [(NL, "nl"), (EN, "en"), (DE, "de"), (FR, "fr")])
def test_lang_detect_text(text, code):
    assert lang.detect_text(text) == code


def test_lang_empty_text_is_none():
    assert lang.detect_text("   ") is None


def test_lang_ignores_english_teasers_in_dutch_article():
    text = f"{NL}\n\nRead more:\n\n{EN[:60]}\n\n{EN}\n\n{EN}"
    art = finish(Draft(text=text), "x.txt", "text", Options(settings=load_settings()))
    assert art.lang == "nl"


def test_lang_option_overrides():
    art = finish(Draft(text=NL), "x.txt", "text", Options(settings=load_settings(), lang="en"))
    assert art.lang == "en"


def test_lang_detector_built_once():
    assert lang.detector() is lang.detector()
