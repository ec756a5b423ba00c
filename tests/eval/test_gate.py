"""The gate (eval/gate.py): floors pinned with a gold digest; drops and gold changes fail, floors only rise."""

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GATE = REPO / "eval" / "gate.py"
_spec = importlib.util.spec_from_file_location("eval_gate", GATE)
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)
ARTICLE = (" date 2022-03 Minister Bakker zegt dat de top in april plaatsvindt.\n\n"
           "Rusland ontkent dat het troepen heeft gestuurd. Gisteren sprak de Kamer erover.\n")
GOLD = {
    "id": "t1", "date": "2022-03", "file": "t1.txt",
    "claims": [
        {"source": "Jan Bakker", "source_country": "NLD", "cue": "zegt", "polarity": "expected",
         "anchor": "Minister Bakker zegt dat de top"},
        {"source": "Russia", "source_country": "RUS", "cue": "ontkent", "polarity": "denied",
         "anchor": "Rusland ontkent dat het troepen heeft"},
    ],
    "quantities": [], "events": [],
    "time_expressions": [{"text": "in april", "resolved": "2022-04"}, {"text": "Gisteren", "resolved": None}],
}


def _system(polarity: str) -> dict:
    def ev(sentence):
        s = ARTICLE.index(sentence)
        return {"start": s, "end": s + len(sentence), "text": sentence, "sentence": sentence}

    return {"id": "x", "source_file": "t1.txt", "quantities": [], "events": [],
            "claims": [
                {"source": "Jan Bakker", "source_actor": "NLD", "polarity": "expected",
                 "evidence": ev("Minister Bakker zegt dat de top in april plaatsvindt.")},
                {"source": "Russia", "source_actor": "RUS", "polarity": polarity,
                 "evidence": ev("Rusland ontkent dat het troepen heeft gestuurd.")}],
            "time_expressions": [{"text": "in april", "resolved": "2022-04"},
                                 {"text": "gisteren", "resolved": None}]}


@pytest.fixture
def case(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "t1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "t1.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


@dataclass
class Run:
    returncode: int
    stdout: str


@pytest.fixture
def _gate(capsys):
    """Run eval/gate.py's main on the case with the given system polarity and flags."""

    def run(case: Path, polarity: str = "denied", *flags: str) -> Run:
        (case / "sys.jsonl").write_text(json.dumps(_system(polarity)) + "\n", encoding="utf-8")
        code = gate.main(["--gold", str(case / "gold"), "--system", str(case / "sys.jsonl"),
                          "--articles", str(case), "--baseline", str(case / "baseline.json"), *flags])
        return Run(code, capsys.readouterr().out)

    return run


def test_gate_without_baseline_fails(case, _gate):
    r = _gate(case)
    assert r.returncode == 1 and "no baseline" in r.stdout


def test_gate_update_pins_then_check_passes(case, _gate):
    assert _gate(case, "denied", "--update").returncode == 0
    pinned = json.loads((case / "baseline.json").read_text())
    assert pinned["floors"]["claims.source_country+polarity"] == 1.0
    assert pinned["floors"]["time_expressions.resolution"] == 1.0
    assert len(pinned["digest"]) == 64
    r = _gate(case)
    assert r.returncode == 0 and "gate: ok" in r.stdout


def test_gate_drop_fails_and_names_the_figure(case, _gate):
    _gate(case, "denied", "--update")
    r = _gate(case, "asserted")
    assert r.returncode == 1
    assert "REGRESSION claims.source_country+polarity: 0.5 < floor 1.0" in r.stdout


def test_gate_floors_only_rise_unless_allowed(case, _gate):
    _gate(case, "denied", "--update")
    r = _gate(case, "asserted", "--update")
    assert r.returncode == 1 and "refusing to lower floors" in r.stdout
    assert json.loads((case / "baseline.json").read_text())["floors"]["claims.source_country+polarity"] == 1.0
    assert _gate(case, "asserted", "--update", "--allow-regression").returncode == 0
    assert json.loads((case / "baseline.json").read_text())["floors"]["claims.source_country+polarity"] == 0.5


def test_gate_changed_gold_fails_until_repinned(case, _gate):
    _gate(case, "denied", "--update")
    changed = {**GOLD, "time_expressions": GOLD["time_expressions"][:1]}
    (case / "gold" / "t1.gold.json").write_text(json.dumps(changed), encoding="utf-8")
    r = _gate(case)
    assert r.returncode == 1 and "gold set (or an article it names) changed" in r.stdout


@pytest.mark.slow
def test_gate_repo_baseline_holds(capsys):
    """CI's gate: the pipeline on eval/gold stays at or above eval/baseline.json (re-pin after gold edits)."""
    assert (REPO / "eval" / "baseline.json").is_file(), "pin one with `python eval/gate.py --update`"
    code = gate.main([])
    out = capsys.readouterr().out
    assert code == 0, out
