"""`signaal eval-ner`: the language layer's NER scored on CoNLL-2002-format gold."""

import json

import pytest
from click.testing import CliRunner

from signaal.cli import cli

# Hand-written sentences in CoNLL-2002 layout (WORD POS IOB); the names are ones the committed
# pipeline must know: Stoltenberg and NAVO come from the actor ruler, Rusland from either.
GOLD = """-DOCSTART- -DOCSTART- O
Jens N B-PER
Stoltenberg N I-PER
sprak V O
in Prep O
Brussel N B-LOC
met Prep O
de Art O
NAVO N B-ORG
. Punc O

Rusland N B-LOC
zweeg V O
. Punc O
"""


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "conll2002-dutch"
    d.mkdir()
    (d / "ned.testb").write_text(GOLD, encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_eval_ner_scores_handwritten_gold(data):
    result = CliRunner().invoke(cli, ["eval-ner", "--set", "conll2002-testb", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    exact = json.loads(result.stdout)["conll2002-testb"]["exact"]
    assert exact["all"]["n_gold"] == 4
    assert exact["PER"]["f"] == 1.0 and exact["ORG"]["f"] == 1.0


@pytest.mark.slow
def test_eval_ner_punishes_a_missed_entity(data):
    # The same gold with an extra entity on a word no model tags ("zweeg" as PER) must lose recall.
    (data / "conll2002-dutch" / "ned.testb").write_text(GOLD.replace("zweeg V O", "zweeg V B-PER"),
                                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-ner", "--set", "conll2002-testb", "--data", str(data), "--json"])
    exact = json.loads(result.stdout)["conll2002-testb"]["exact"]
    assert exact["all"]["n_gold"] == 5 and exact["all"]["r"] < 1.0


def test_eval_ner_missing_data_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval-ner", "--set", "meantime", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "meantime-dutch-clin26" in result.output
