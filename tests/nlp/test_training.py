"""``signaal train``: the recipe steps and their failure messages (no training is run here)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from signaal.cli import cli
from signaal.errors import ConfigError, LanguageNotSupported
from signaal.nlp.training import RECIPE, retrain, steps


def test_training_steps_run_the_recipe_in_order(tmp_path):
    names = [name for name, _ in steps(tmp_path)]
    assert names == ["convert", "train-ner", "finetune-ner", "train-syntax", "assemble", "evaluate"]
    for _, argv in steps(tmp_path):
        scripts = [a for a in argv if a.endswith((".py", ".cfg"))]
        assert all(Path(s).is_file() for s in scripts), scripts


def test_training_unsupported_language(tmp_path):
    with pytest.raises(LanguageNotSupported):
        retrain("en", tmp_path)


def test_training_missing_data_names_the_folder(tmp_path):
    with pytest.raises(ConfigError, match=str(tmp_path)):
        retrain("nl", tmp_path)


def test_training_cli_reports_missing_data(tmp_path):
    result = CliRunner().invoke(cli, ["train", "nl", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "training data not found" in result.output


def test_training_recipe_is_in_the_checkout():
    assert (RECIPE / "README.md").is_file() and (RECIPE / "configs" / "ner.cfg").is_file()
