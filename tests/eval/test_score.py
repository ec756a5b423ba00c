"""The scorer: the seed's gold scored against itself is perfect; each kind of error costs the right score."""

import copy
import json

import pytest

from signaal.errors import InputError
from signaal.eval import counts, evaluate, load_gold
from signaal.eval.run import read_article

from eval_helpers import SEED_DIR, SEED_GOLD, SEED_TEXT, gold_to_export

@pytest.fixture(scope="module")
def seed():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return gold, read_article(SEED_TEXT).text


def _score(tmp_path, export: dict) -> dict:
    sys_file = tmp_path / "system.jsonl"
    sys_file.write_text(json.dumps(export, ensure_ascii=False) + "\n", encoding="utf-8")
    return evaluate([SEED_GOLD], system=sys_file)


def _f1s(report: dict) -> dict:
    return {f"{k}.{lvl}": s["f1"] for k, lv in report["scores"].items() for lvl, s in lv.items() if "f1" in s}


@pytest.mark.parametrize("offsets", [True, False])
def test_score_seed_gold_against_itself_is_perfect(tmp_path, seed, offsets):
    gold, text = seed
    report = _score(tmp_path, gold_to_export(gold, text, offsets))
    assert set(_f1s(report).values()) == {1.0}
    assert len(_f1s(report)) == 10
    for table in report["by_class"].values():
        assert {s["f1"] for s in table.values()} == {1.0}
    assert report["scores"]["claims"]["detection"]["tp"] == 17
    assert report["scores"]["time_expressions"]["resolution"]["unresolved_accuracy"] == 1.0
    assert report["errors"] == [] and report["notes"] == []
    assert all(c["gold"] == c["system"] for c in report["confusion"]["event_types"])


def _changed(seed, change) -> dict:
    gold, text = seed
    export = gold_to_export(gold, text)
    change(export)
    return export


def test_score_wrong_polarity_costs_only_polarity(tmp_path, seed):
    def flip(e):
        e["claims"][4]["polarity"] = "asserted"  # the Kremlin's denial

    f = _f1s(_score(tmp_path, _changed(seed, flip)))
    assert f["claims.detection"] == f["claims.source_country"] == 1.0
    assert f["claims.source_country+polarity"] == pytest.approx(16 / 17, abs=1e-4)


def test_score_wrong_claim_country_costs_country(tmp_path, seed):
    def swap(e):
        e["claims"][2]["source_actor"] = "RUS"

    f = _f1s(_score(tmp_path, _changed(seed, swap)))
    assert f["claims.detection"] == 1.0 and f["claims.source_country"] < 1.0


def test_score_wrong_actor_costs_only_actors(tmp_path, seed):
    def swap(e):
        e["events"][2]["target_actor"] = "BLR"

    report = _score(tmp_path, _changed(seed, swap))
    f = _f1s(report)
    assert f["events.type"] == f["events.type+mode"] == 1.0
    assert f["events.type+mode+actors"] == pytest.approx(6 / 7, abs=1e-4)
    assert {e["error"] for e in report["errors"]} == {"miss", "false_hit"}
    assert all(e["category"] == "events" for e in report["errors"])


def test_score_wrong_mode_shows_in_mode_confusion(tmp_path, seed):
    def mode(e):
        e["events"][4]["mode"] = "asserted"  # the denied assault, now asserted

    report = _score(tmp_path, _changed(seed, mode))
    assert _f1s(report)["events.type"] == 1.0 and _f1s(report)["events.type+mode"] < 1.0
    cells = {(c["gold"], c["system"]): c["n"] for c in report["confusion"]["event_modes"]}
    assert cells[("denied", "asserted")] == 1


def test_score_missing_record_costs_recall_not_precision(tmp_path, seed):
    def drop(e):
        del e["claims"][0]

    s = _score(tmp_path, _changed(seed, drop))["scores"]["claims"]["detection"]
    assert (s["precision"], s["recall"]) == (1.0, pytest.approx(16 / 17, abs=1e-4))


def test_score_extra_record_costs_precision_not_recall(tmp_path, seed):
    gold, text = seed

    def add(e):
        extra = copy.deepcopy(e["quantities"][0])
        extra["evidence"] = gold_to_export(
            {**gold, "quantities": [{**gold["quantities"][0], "anchor": "Om hoeveel militairen het gaat,"}]},
            text)["quantities"][0]["evidence"]
        e["quantities"].append(extra)

    s = _score(tmp_path, _changed(seed, add))["scores"]["quantities"]["value+claimant"]
    assert (s["precision"], s["recall"], s["system"]) == (0.5, 1.0, 2)


def test_score_record_in_another_sentence_is_a_miss_and_a_false_hit(tmp_path, seed):
    def move(e):
        e["events"][0]["evidence"] = e["claims"][2]["evidence"]  # a sentence with other events

    report = _score(tmp_path, _changed(seed, move))
    assert report["scores"]["events"]["type"]["tp"] == 6


def test_score_claimant_compared_by_normalised_name(tmp_path, seed):
    def rename(e):
        e["quantities"][0]["claimed_by"] = "the united  states"

    assert _f1s(_score(tmp_path, _changed(seed, rename)))["quantities.value+claimant"] == 1.0

    def narrator(e):
        e["quantities"][0]["claimed_by"] = "narrator"

    f = _f1s(_score(tmp_path, _changed(seed, narrator)))
    assert f["quantities.value"] == 1.0 and f["quantities.value+claimant"] == 0.0


def test_score_timex_detection_is_case_insensitive_and_resolution_checked(tmp_path, seed):
    def case(e):
        e["time_expressions"][1]["text"] = "maandag"
        e["time_expressions"][0]["resolved"] = "2022-02-14/2022-02-20"

    report = _score(tmp_path, _changed(seed, case))
    assert report["scores"]["time_expressions"]["detection"]["f1"] == 1.0
    res = report["scores"]["time_expressions"]["resolution"]
    assert (res["unresolved_agree"], res["unresolved_total"]) == (2, 3)


def test_score_timex_overlap_forgives_boundaries(tmp_path, seed):
    def shorter(e):
        e["time_expressions"][2]["text"] = "afgelopen weken en dagen"

    s = _score(tmp_path, _changed(seed, shorter))["scores"]["time_expressions"]
    assert s["detection"]["tp"] == 2 and s["overlap"]["tp"] == 3


def test_score_missing_system_object_counts_all_as_misses(tmp_path):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    report = evaluate([SEED_GOLD], system=tmp_path / "empty.jsonl")
    assert report["scores"]["claims"]["detection"]["recall"] == 0.0
    assert any("no object in the system export" in n for n in report["notes"])


def test_score_per_file_and_jsonl_gold(tmp_path, seed):
    gold, text = seed
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    (tmp_path / "sys.jsonl").write_text(json.dumps(gold_to_export(gold, text)) + "\n", encoding="utf-8")
    report = evaluate([tmp_path / "gold.jsonl"], system=tmp_path / "sys.jsonl", articles=[SEED_DIR],
                      per_file=True)
    assert report["per_file"][gold["file"]]["claims"]["detection"]["f1"] == 1.0


def test_score_lost_anchor_is_reported(tmp_path, seed):
    gold, text = seed
    bad = {**gold, "claims": [{**gold["claims"][0], "anchor": "Deze zin staat er niet"}]}
    (tmp_path / "bad.gold.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "sys.jsonl").write_text(json.dumps(gold_to_export(gold, text)) + "\n", encoding="utf-8")
    report = evaluate([tmp_path / "bad.gold.json"], system=tmp_path / "sys.jsonl", articles=[SEED_DIR])
    assert any("anchor not found" in n for n in report["notes"])


def test_score_bad_gold_path_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_gold([tmp_path / "nope.gold.json"])


def test_score_counts_per_field():
    c = counts([SEED_GOLD])
    assert c["articles"] == 1 and c["claims"] == 17 and c["events"] == 7
    assert c["claims polarity: denied"] == 1 and c["events type: RETREAT"] == 3
    assert c["time_expressions unresolved"] == 3 and c["quantities approx"] == 1
