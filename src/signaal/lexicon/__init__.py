"""Language data, not code: ``lexicon/<lang>/<name>`` files, loaded only through ``load``.

Files are UTF-8, one entry per line, ``#`` lines are comments (the header gives source, licence,
date). ``.tsv`` files are tab-separated; the first non-comment line is the column header.
``.txt`` files are one item per line. Users extend a lexicon by putting a file of the same name
in a folder named by the ``lexicon_path`` setting (``SIGNAAL_LEXICON_PATH``); its rows are
read before the packaged ones.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError, LanguageNotSupported

PACKAGED = Path(__file__).parent
LANGS = ("nl", "en")


def _roots() -> list[Path]:
    extra = os.environ.get("SIGNAAL_LEXICON_PATH", "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [PACKAGED]


def path(lang: str, name: str) -> Path:
    """The packaged file for ``name`` in ``lang`` (raises when the language is unknown)."""
    if lang not in LANGS and not (PACKAGED / lang).is_dir():
        raise LanguageNotSupported(lang)
    return PACKAGED / lang / name


def _read_lines(p: Path) -> list[str]:
    return [ln.rstrip("\n\r") for ln in p.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=256)
def _load(lang: str, name: str, roots: tuple[Path, ...]) -> tuple:
    files = [r / lang / name for r in roots if (r / lang / name).is_file()]
    if lang not in LANGS and not any((r / lang).is_dir() for r in roots):
        raise LanguageNotSupported(lang)
    if not files:
        raise ConfigError(f"lexicon file {lang}/{name} not found in {', '.join(map(str, roots))}")
    if name.endswith(".tsv"):
        header: list[str] | None = None
        rows: list[dict] = []
        for f in files:
            lines = _read_lines(f)
            if not lines:
                continue
            cols = lines[0].split("\t")
            if header is None:
                header = cols
            elif cols != header:
                raise ConfigError(f"lexicon {f}: columns {cols} differ from {header}")
            for i, ln in enumerate(lines[1:], 2):
                cells = ln.split("\t")
                if len(cells) > len(cols):
                    raise ConfigError(f"lexicon {f}: row {i} has {len(cells)} cells, want {len(cols)}")
                cells += [""] * (len(cols) - len(cells))
                rows.append(dict(zip(cols, cells)))
        return tuple(rows)
    items: list[str] = []
    for f in files:
        items.extend(ln.strip() for ln in _read_lines(f))
    return tuple(items)


def load(lang: str, name: str) -> tuple:
    """Rows of ``lexicon/<lang>/<name>``: dicts for ``.tsv``, strings otherwise. Cached.

    >>> load("nl", "abbreviations.txt")[:1]  # doctest: +SKIP
    ('o.a.',)
    """
    return _load(lang, name, tuple(_roots()))


def names(lang: str) -> list[str]:
    """The lexicon files a language has."""
    d = path(lang, "")
    return sorted(p.name for p in d.iterdir() if p.is_file() and not p.name.startswith("."))
