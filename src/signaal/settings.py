"""One settings table: packaged defaults, then a settings file, then SIGNAAL_* env, then --setting.

Like Datasette's ``SETTINGS``: every knob is declared once here, with its default and help.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting("db", "signaal.db", "Store location: a SQLite path or a postgresql:// URL"),
    Setting("batch_size", 2000, "Commit every N articles"),
    Setting("max_document_chars", 2_000_000, "Quarantine documents with a longer body"),
    Setting("max_line_chars", 5_000_000, "Quarantine JSONL/CSV records with a longer line"),
    Setting("min_text_chars", 20, "Quarantine documents with a shorter body"),
    Setting("near_duplicate_threshold", 0.3, "MinHash Jaccard threshold for syndicated copies (lightly edited agency copies score 0.35-0.7, distinct articles on one story < 0.1)"),
    Setting("minhash_perm", 64, "MinHash permutations"),
    Setting("max_request_records", 1000, "Most documents accepted in one API ingest request"),
    Setting("max_request_bytes", 10_000_000, "Largest API request body in bytes"),
    Setting("api_token", None, "Token required for API writes (SIGNAAL_API_TOKEN)"),
    Setting("read_only", False, "Refuse all writes through the API"),
    Setting("lexicon_path", None, "Extra lexicon folders (os.pathsep-separated), searched first"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    if value is None or setting.default is None or not isinstance(value, str):
        return value
    kind = type(setting.default)
    try:
        if kind is bool:
            return value.strip().lower() in ("1", "true", "yes", "on")
        return kind(value)
    except ValueError as e:
        raise ConfigError(f"setting {setting.name}: cannot read {value!r} as {kind.__name__}") from e


def load_settings(file: str | Path | None = None, env: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Resolve every setting: defaults < JSON file < SIGNAAL_<NAME> env < explicit overrides."""
    out = {s.name: s.default for s in SETTINGS}
    if file:
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ConfigError(f"settings file {file}: {e}") from e
        for k, v in data.items():
            if k not in _BY_NAME:
                raise ConfigError(f"settings file {file}: unknown setting {k!r}")
            out[k] = _coerce(_BY_NAME[k], v)
    env = os.environ if env is None else env
    for s in SETTINGS:
        v = env.get("SIGNAAL_" + s.name.upper())
        if v is not None:
            out[s.name] = _coerce(s, v)
    for k, v in (overrides or {}).items():
        if k not in _BY_NAME:
            raise ConfigError(f"unknown setting {k!r}; known: {', '.join(_BY_NAME)}")
        out[k] = _coerce(_BY_NAME[k], v)
    return out
