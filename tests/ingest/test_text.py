"""Plain text files: body as given, no date unless date= is given."""

from datetime import datetime

import pytest

import signaal
from signaal.errors import ConfigError

BODY = ("De Tweede Kamer debatteert woensdag over de begroting van Defensie. "
        "Meerdere partijen willen meer geld voor munitie.\n")


def test_text_no_date_without_date_option(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text(BODY, encoding="utf-8")
    (art,) = signaal.read(p)
    assert art.text == BODY and art.published is None
    assert art.provenance.reader == "text" and art.lang == "nl"


def test_text_date_option_gives_interval(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text(BODY, encoding="utf-8")
    (art,) = signaal.read(p, date="2023-05-04")
    assert art.published.start == datetime(2023, 5, 4) and art.published.precision == "day"


def test_text_lang_option_overrides_detection(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text(BODY, encoding="utf-8")
    (art,) = signaal.read(p, lang="en")
    assert art.lang == "en"


def test_text_bad_date_option_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not a date"):
        list(signaal.read(tmp_path, date="gisteren-ish"))
