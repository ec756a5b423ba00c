"""Alert rules: a small YAML format, read and checked once.

```yaml
outputs:                       # optional; the CLI's --webhook/--command override these
  webhook: http://127.0.0.1:9000/alerts
  command: "cat >> alerts.jsonl"
rules:
  - name: rusgov-denial         # unique; part of every alert id
    kind: claim                 # claim | event | quantity | changepoint
    where: {source_code: RUSGOV, polarity: denied}
  - name: assault-expected
    kind: event
    where: {type: ASSAULT, mode: expected}
    min_sources: 2              # independent reporters within window_days
    window_days: 7
  - name: troop-figure-moved
    kind: quantity
    where: {unit: troops}
    change: 0.2                 # a side's figure moved by more than 20%
  - name: rus-ukr-escalation
    kind: changepoint
    dyad: [RUS, UKR]
    bucket: day
    direction: up               # up | down | any
```
(The key is ``kind``, not ``on``: YAML reads a bare ``on`` as the boolean true.)
``where`` maps a row field to a value or a list of values (any of them matches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

import yaml

from ..errors import ConfigError
from .rows import ClaimRow, EventRow, QuantityRow

KINDS = {"claim": ClaimRow, "event": EventRow, "quantity": QuantityRow, "changepoint": EventRow}
PARAMS = {
    "claim": {},
    "event": {"min_sources": 1, "window_days": 7},
    "quantity": {"change": 0.2, "include_narrator": False},
    "changepoint": {"dyad": None, "bucket": "day", "direction": "up", "penalty": 3.0,
                    "part": "value", "tolerance_days": 3},
}
DEFAULT_RULES = "default_alerts.yaml"


@dataclass(frozen=True)
class Rule:
    """One alert rule: its name, what it watches, the row filter and its parameters."""

    name: str
    on: str
    where: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    message: Optional[str] = None

    def matches(self, row: Any) -> bool:
        """Whether a row passes the ``where`` filter."""
        for key, want in self.where.items():
            have = getattr(row, key)
            if isinstance(want, list) and have not in want:
                return False
            if not isinstance(want, list) and have != want:
                return False
        return True


@dataclass(frozen=True)
class RuleSet:
    """The rules of one file plus its output settings."""

    rules: tuple[Rule, ...]
    webhook: Optional[str] = None
    command: Optional[str] = None
    source: str = ""


def _rule(raw: Any, where_from: str, n: int) -> Rule:
    here = f"{where_from}, rule {n}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{here}: a rule is a mapping with name, kind, where, ...")
    name, on = raw.get("name"), raw.get("kind")
    if not name or not isinstance(name, str):
        raise ConfigError(f"{here}: every rule needs a name")
    if on not in KINDS:
        raise ConfigError(f"{here} ({name}): 'kind' must be one of {', '.join(KINDS)}, not {on!r}")
    where = raw.get("where") or {}
    fields = KINDS[on].__dataclass_fields__
    bad = [k for k in where if k not in fields]
    if bad:
        raise ConfigError(f"{here} ({name}): unknown field(s) {bad} in where; "
                          f"{on} rows have {', '.join(fields)}")
    params = dict(PARAMS[on])
    extra = set(raw) - {"name", "kind", "where", "message"} - set(params)
    if extra:
        raise ConfigError(f"{here} ({name}): unknown key(s) {sorted(extra)}; "
                          f"{on} rules take {', '.join(sorted(params)) or 'only where'}")
    params.update({k: raw[k] for k in params if k in raw})
    if on == "changepoint":
        dyad = params["dyad"]
        if not (isinstance(dyad, list) and len(dyad) == 2 and all(isinstance(x, str) for x in dyad)):
            raise ConfigError(f"{here} ({name}): changepoint rules need dyad: [SOURCE, TARGET]")
        if params["direction"] not in ("up", "down", "any"):
            raise ConfigError(f"{here} ({name}): direction is up, down or any")
    return Rule(name, on, dict(where), params, raw.get("message"))


def parse_rules(text: str, where_from: str = "<rules>") -> RuleSet:
    """A RuleSet from YAML text; ConfigError naming the file and rule on any problem."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise ConfigError(f"{where_from}: not valid YAML: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"{where_from}: expected a mapping with a 'rules' list")
    rules = tuple(_rule(r, where_from, n) for n, r in enumerate(data["rules"], 1))
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"{where_from}: rule names must be unique; repeated: {', '.join(dupes)}")
    outputs = data.get("outputs") or {}
    return RuleSet(rules, outputs.get("webhook"), outputs.get("command"), where_from)


def load_rules(path: Union[str, Path, None] = None) -> RuleSet:
    """The rules in ``path``, or the packaged default rules."""
    if path is None:
        text = resources.files("signaal.analyze").joinpath(DEFAULT_RULES).read_text("utf-8")
        return parse_rules(text, DEFAULT_RULES)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read alert rules {path}: {e}") from e
    return parse_rules(text, str(path))
