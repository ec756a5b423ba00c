"""Gold files (ANNOTATION.md): loading, finding each gold's article, locating gold sentences by anchor."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from ..extract.timex_text import header_end, sentence_spans

log = logging.getLogger(__name__)
KINDS = ("claims", "quantities", "events", "time_expressions")


@dataclass(frozen=True)
class Gold:
    """One annotated article: the gold object, where it was read, the article file it names."""

    data: dict
    path: Path
    line: Optional[int] = None

    @property
    def name(self) -> str:
        """The article file name the gold describes (``file``, else the gold file's stem)."""
        if self.data.get("file"):
            return Path(self.data["file"]).name
        stem = self.path.name.removesuffix(".gold.json").removesuffix(".json")
        return f"{stem}.txt" if self.line is None else f"{self.data.get('id', self.line)}"


def _gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.name.endswith((".gold.json", ".jsonl")))
    if not path.exists():
        raise InputError(f"gold path {path} does not exist; give a *.gold.json file, a JSONL file or a folder")
    return [path]


def load_gold(paths: Iterable[str | Path]) -> list[Gold]:
    """Every gold object in the given files/folders (``*.gold.json`` or JSONL), in name order."""
    out: list[Gold] = []
    for root in paths:
        for p in _gold_files(Path(root)):
            text = p.read_text(encoding="utf-8")
            try:
                if p.suffix == ".jsonl":
                    out += [Gold(json.loads(ln), p, i) for i, ln in enumerate(text.splitlines(), 1)
                            if ln.strip()]
                else:
                    out.append(Gold(json.loads(text), p))
            except json.JSONDecodeError as e:
                raise InputError(f"gold file {p} line {e.lineno}: not JSON ({e.msg})") from e
    return out


def find_article(gold: Gold, article_dirs: Iterable[Path]) -> Optional[Path]:
    """The article file a gold names: in ``--articles`` folders, next to the gold file, or examples/."""
    for d in [*article_dirs, gold.path.parent, Path("examples")]:
        p = Path(d) / gold.name
        if p.is_file():
            return p
    return None


def norm_space(s: str) -> str:
    """Whitespace collapsed, ends trimmed: how anchors and sentences are compared."""
    return " ".join(s.split())


def locate(anchor: str, text: str, sentences: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The span of the gold sentence: the one starting with ``anchor``, else the one holding it."""
    a = norm_space(anchor)
    for s, e in sentences:
        if norm_space(text[s:e]).startswith(a):
            return s, e
    m = re.search(r"\s+".join(map(re.escape, a.split())), text)
    if m:
        for s, e in sentences:
            if s <= m.start() < e:
                return s, e
    return None


def guide_sentences(text: str) -> list[tuple[int, int]]:
    """The guide's sentences of an article text (header skipped) as (start, end) spans."""
    return [(s.start_char, s.end_char) for s in sentence_spans(text)]


def raw_body(path: Path) -> str:
    """An article file's text without the seed ``date`` header (when ingest cannot read it)."""
    text = path.read_text(encoding="utf-8")
    return text[header_end(text):]
