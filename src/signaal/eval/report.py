"""Plain-text rendering of an evaluation report (``signaal eval`` without ``--json``)."""

from __future__ import annotations

from typing import Optional


def _f(x: Optional[float]) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                               for i, (c, w) in enumerate(zip(r, widths)))
    return [line(header), line(["-" * w for w in widths]), *map(line, rows)]


def _prf_row(name: str, s: dict) -> list[str]:
    return [name, str(s["tp"]), str(s["gold"]), str(s["system"]),
            _f(s["precision"]), _f(s["recall"]), _f(s["f1"])]


def scores_table(scores: dict) -> list[str]:
    """One row per kind and level: TP, gold, system, P, R, F1."""
    rows = []
    for kind, levels in scores.items():
        for level, s in levels.items():
            if "f1" in s:
                rows.append(_prf_row(f"{kind} {level}", s))
    out = _table(["score", "tp", "gold", "sys", "P", "R", "F1"], rows)
    r = scores.get("time_expressions", {}).get("resolution")
    if r:
        out.append(f"time_expressions resolution: {r['correct']}/{r['total']} = {_f(r['accuracy'])} "
                   f"where gold resolves; unresolved kept: {r['unresolved_agree']}/"
                   f"{r['unresolved_total']} = {_f(r['unresolved_accuracy'])}")
    return out


def confusion_table(cells: list[dict]) -> list[str]:
    """A gold x system matrix; "-" marks no partner (a miss or a false hit)."""
    label = lambda v: "-" if v is None else str(v)  # noqa: E731
    gold = sorted({label(c["gold"]) for c in cells})
    system = sorted({label(c["system"]) for c in cells})
    n = {(label(c["gold"]), label(c["system"])): c["n"] for c in cells}
    rows = [[g, *[str(n.get((g, s), "")) or "." for s in system]] for g in gold]
    return _table(["gold \\ system", *system], rows)


def _record(r: dict) -> str:
    keys = ("source", "source_country", "source_actor", "polarity", "type", "mode", "target_actor",
            "value", "value_max", "claimed_by", "text", "resolved")
    return ", ".join(f"{k}={r[k]}" for k in keys if k in r and r[k] is not None)


def render(report: dict, max_errors: int = 50) -> str:
    """The report as text: scores, per-class tables, confusion matrices, errors, notes."""
    out = [f"signaal eval: {report['gold_files']} gold file(s), system: {report['system']}", ""]
    out += scores_table(report["scores"])
    for kind, classes in report["by_class"].items():
        name = "events by PLOVER type" if kind == "events" else "claims by polarity"
        out += ["", name, *_table([kind[:-1], "tp", "gold", "sys", "P", "R", "F1"],
                                  [_prf_row(c, s) for c, s in classes.items()])]
    for name, cells in report["confusion"].items():
        if cells:
            out += ["", f"confusion: {name.replace('_', ' ')} (sentence-matched pairs)",
                    *confusion_table(cells)]
    for name, scores in report.get("per_file", {}).items():
        out += ["", f"== {name}", *scores_table(scores)]
    errors = report["errors"]
    if errors and max_errors:
        out += ["", f"misses and false hits ({len(errors)}; strictest level)"]
        for e in errors[:max_errors]:
            want = f" (gold: {e['want']})" if e.get("want") else ""
            out.append(f"- {e['file']} {e['category']} {e['error']}: {_record(e['record'])}{want}")
            out.append(f"    | {(e.get('sentence') or '')[:160]}")
        if len(errors) > max_errors:
            out.append(f"... {len(errors) - max_errors} more (--max-errors, or --json)")
    if report.get("notes"):
        out += ["", "notes:", *[f"- {n}" for n in report["notes"]]]
    return "\n".join(out)


def counts_table(counts: dict) -> str:
    """Annotation counts as a Markdown table (pasted into eval/README.md)."""
    rows = ["| field | count |", "| --- | ---: |"]
    rows += [f"| {k} | {v} |" for k, v in counts.items()]
    return "\n".join(rows)
