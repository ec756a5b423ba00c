"""CI-sized fuzzing of every reader and the extract pipeline (the full run: ``bench/fuzz.py``).

``SIGNAAL_FUZZ_EXAMPLES`` sets the examples per reader (default 200; the extractors get a
quarter of it, they parse with spaCy). Properties: see ``fuzz_cases``.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings

import fuzz_cases
from fuzz_cases import READERS, extractor_text, run_extractor_case, run_reader_case

EXAMPLES = int(os.environ.get("SIGNAAL_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                suppress_health_check=list(HealthCheck))
STORED = ("jsonl", "csv", "warc")  # mixed files: also check the good records reach the store


def _reader_test(name):
    @FUZZ
    @given(case=READERS[name])
    def run(case):
        run_reader_case(case, store=name in STORED)

    return run


@pytest.mark.parametrize("reader", list(READERS))
def test_fuzz_reader_keeps_properties(reader):
    _reader_test(reader)()


@pytest.mark.slow
@settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
@given(sample=extractor_text())
def test_fuzz_pipeline_evidence_exact(sample):
    lang, text = sample
    run_extractor_case(lang, text)


# 1400 levels: past json's recursion limit (1000), within max_line_chars of fuzz_cases.LIMITS.
@pytest.mark.parametrize("name, data, reason", [
    ("deep.jsonl", b'{"text": "' + b"a" * 30 + b'"}\n' + b"[" * 1400 + b"\n", "line 2"),
    ("deep.json", b"[" * 1400, "line 1"),
])
def test_issue11_deeply_nested_json_is_quarantined(tmp_path, name, data, reason):
    # json.loads raises RecursionError (not ValueError) past ~1000 levels; it used to escape read().
    case = fuzz_cases.Case(name, data)
    items = run_reader_case(case)
    bad = [x for x in items if not hasattr(x, "text")]
    assert len(bad) == 1 and reason in bad[0].reason and "recursion" in bad[0].reason


def test_issue11_oversized_json_names_max_line_chars():
    case = fuzz_cases.Case("big.json", b'["' + b"x" * (fuzz_cases.LIMITS["max_line_chars"] * 5) + b'"]')
    (item,) = run_reader_case(case)
    assert item.reason == f"document larger than max_line_chars={fuzz_cases.LIMITS['max_line_chars']}"


def _warc_two_pages(gz):
    pages = [("response", "text/html; charset=utf-8",
              f"<html><body><p>{fuzz_cases.good_text(n)}</p></body></html>".encode()) for n in (1, 2)]
    return fuzz_cases._warc_bytes(pages, gz)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("where", ["header-start", "mid-header", "after-uri-name"])
def test_issue11_warc_cut_in_second_header_is_quarantined(gz, where):
    # warcio yielded a typeless record, raised AttributeError, or stopped silently here.
    data, ends = _warc_two_pages(gz)
    second = data[ends[0]:] if not gz else __import__("gzip").decompress(data[ends[0]:])
    offset = {"header-start": 8, "mid-header": 100, "after-uri-name": second.index(b"WARC-Target-URI") + 5}[where]
    cut = ends[0] + (offset if not gz else min(offset, ends[1] - ends[0] - 20))
    items = run_reader_case(fuzz_cases.Case("c.warc.gz" if gz else "c.warc", data[:cut]))
    kinds = [type(x).__name__ for x in items]
    assert kinds == ["Article", "Quarantined"], kinds
    assert items[1].record == 2 and "WARC" in items[1].reason


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_issue11_lone_combining_mark_does_not_crash_actors(lang):
    # fold("\u0308") == "": spaCy's Doc refused the empty word in the actor phrase finder.
    text = "Het Kremlin ontkent dat er plannen zijn voor een aanval. is \u0308 a NAVO zegt niets."
    assert run_extractor_case(lang, text) is not None
