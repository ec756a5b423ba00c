"""Helpers for the eval tests: the seed's paths and its gold in the export contract's shape."""

from pathlib import Path

from signaal.eval.gold import guide_sentences, locate

SEED_DIR = Path(__file__).resolve().parents[3] / "shared/seed"
SEED_GOLD = SEED_DIR / "000_5dbc0360713f8d14.gold.json"
SEED_TEXT = SEED_DIR / "000_5dbc0360713f8d14.txt"


def gold_to_export(gold: dict, text: str, offsets: bool = True) -> dict:
    """The gold records in the export contract's shape, evidence = the anchored sentence."""

    def ev(anchor):
        s, e = locate(anchor, text, guide_sentences(text))
        out = {"sentence": text[s:e]}
        return {"start": s, "end": e, "text": text[s:e], **out} if offsets else out

    def tev(t):
        i = text.index(t)
        return {"start": i, "end": i + len(t), "text": t, "sentence": ""} if offsets else {}

    return {
        "id": "sys", "source_file": gold["file"],
        "claims": [{"source": c["source"], "source_actor": c["source_country"], "cue": c["cue"],
                    "polarity": c["polarity"], "evidence": ev(c["anchor"])} for c in gold["claims"]],
        "quantities": [{"value": q["value"], "value_max": q.get("value_max"), "unit": q["unit"],
                        "claimed_by": q["claimed_by"], "evidence": ev(q["anchor"])}
                       for q in gold["quantities"]],
        "events": [{k: e[k] for k in ("type", "mode", "source_actor", "target_actor")}
                   | {"evidence": ev(e["anchor"])} for e in gold["events"]],
        "time_expressions": [{"text": t["text"], "resolved": t["resolved"], "evidence": tev(t["text"])}
                             for t in gold["time_expressions"]],
    }
