"""Input sources: walking paths, opening files (``.gz`` transparently) and decoding bytes.

Decoding is strict UTF-8 unless a BOM says UTF-8-sig/UTF-16 or the caller names an
``encoding``; a byte that does not decode becomes a ``Problem`` naming its offset, never a
silently replaced character (offsets into the text are the evidence contract).
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Optional, Union

# gzip's magic and its only compression method (deflate): 1F 8B alone is not gzip (found by fuzzing)
GZIP_MAGIC = b"\x1f\x8b\x08"
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes read to choose an encoding: the BOM, and enough after it to tell UTF-32 from UTF-16.
SNIFF_BYTES = 64
# Errors a damaged gzip stream raises part-way through a file.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)
SKIP_NAMES = (".gold.json",)  # hand annotations kept beside examples are not articles


@dataclass(frozen=True)
class Problem:
    """Why some bytes could not become text (used to quarantine one record or file)."""

    reason: str
    snippet: str = ""


@dataclass(frozen=True)
class Input:
    """One file or URL to read. ``name`` is what provenance records; ``inner`` the name that
    decides the format (without ``.gz``)."""

    name: str
    path: Optional[Path] = None
    url: Optional[str] = None
    data: Optional[bytes] = None  # fetched URL body
    # A small uncompressed file read whole by head(): readers reuse it instead of reopening.
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def inner(self) -> str:
        base = self.name.lower()
        return base[:-3] if base.endswith(".gz") else base

    def raw(self) -> IO[bytes]:
        """The bytes as stored (still compressed)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return open(self.path, "rb")

    def open(self) -> IO[bytes]:
        """The bytes, gunzipped when the content is gzip (whatever the name says)."""
        f = self.raw()
        if f.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
            f.seek(0)
            return gzip.GzipFile(fileobj=f, mode="rb")
        f.seek(0)
        return f

    def head(self, n: int = 4096) -> bytes:
        """The first ``n`` bytes (decompressed when gzip); b"" when the gzip is damaged.

        Raises OSError when the file cannot be opened at all.
        """
        with self.raw() as f:
            start = f.read(n)
            if not start.startswith(GZIP_MAGIC):
                if len(start) < n:
                    self.cache["whole"] = start
                return start
            f.seek(0)
            try:
                with gzip.GzipFile(fileobj=f, mode="rb") as g:
                    return g.read(n)
            except GZIP_ERRORS:
                return b""


def is_url(p: object) -> bool:
    return isinstance(p, str) and p.split(":", 1)[0].lower() in ("http", "https")


def walk(paths: Union[str, os.PathLike, list, tuple]) -> Iterator[Union[Input, str]]:
    """Inputs in a deterministic order: each path as given, folders recursively and sorted.

    Hidden files and ``*.gold.json`` annotations are skipped inside folders. URLs are yielded
    as strings (the caller fetches them).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        if is_url(p):
            yield str(p)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk_dir(path)
        else:
            yield Input(name=str(p), path=path)


def _walk_dir(root: Path) -> Iterator[Input]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or fn.lower().endswith(SKIP_NAMES):
                continue
            full = os.path.join(dirpath, fn)
            yield Input(name=full, path=Path(full))


def sniff_encoding(head: bytes, encoding: Optional[str]) -> tuple[str, int]:
    """(codec, BOM length): the caller's encoding, else what the BOM says, else strict UTF-8."""
    if encoding:
        return encoding, 0
    for bom, codec in BOMS:
        if head.startswith(bom) and not (codec == "utf-32" and not _utf32_plausible(head)):
            return codec, len(bom) if codec == "utf-8-sig" else 0
    return "utf-8", 0


def _utf32_plausible(head: bytes) -> bool:
    """FF FE 00 00 is also UTF-16 with a NUL first: UTF-32 only if the next units decode as it."""
    try:
        head[:len(head) // 4 * 4].decode("utf-32")
        return True
    except UnicodeDecodeError:
        return False


def line_safe(codec: str) -> bool:
    """True when the codec encodes newline as the single byte 0x0A (bytes may be split on it)."""
    try:
        if codecs.lookup(codec).name == "utf-8-sig":
            return True  # the BOM is skipped before splitting; the rest is plain UTF-8
        return "\n".encode(codec) == b"\n" and not codec.lower().replace("-", "").startswith(("utf16", "utf32"))
    except LookupError:
        return False


def decode(data: bytes, codec: str, base_offset: int = 0, hint: str = "") -> Union[str, Problem]:
    """``data`` as text, or a Problem naming the first bad byte offset and what to try."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        where = base_offset + e.start
        bad = data[e.start:e.start + 4].hex(" ")
        return Problem(
            f"cannot decode byte(s) {bad} at byte offset {where} as {codec}{hint}; "
            f"if the file uses another encoding, pass --encoding (e.g. --encoding cp1252)",
            snippet=data[max(0, e.start - 40):e.start + 40].decode(codec, "replace"))
    except LookupError:
        return Problem(f"unknown encoding {codec!r}; pass a Python codec name to --encoding")


def read_document(inp: Input, encoding: Optional[str], max_chars: int,
                  setting: str = "max_document_chars") -> Union[str, Problem]:
    """A whole small document as text (HTML, seed, txt), bounded by ``max_chars`` (the value
    of ``setting``, named when the document is too large)."""
    limit = max_chars * 4 + 4  # no UTF-8/16 character takes more than 4 bytes
    data = inp.cache.get("whole")
    if data is None:
        try:
            with inp.open() as f:
                data = f.read(limit + 1)
        except GZIP_ERRORS as e:
            return Problem(f"unreadable or truncated gzip: {e}")
    if len(data) > limit:
        return Problem(f"document larger than {setting}={max_chars}")
    codec, skip = sniff_encoding(data[:SNIFF_BYTES], encoding)
    text = decode(data[skip:], codec, base_offset=skip)
    if isinstance(text, str) and codec in ("utf-16", "utf-32"):
        text = text.lstrip("\ufeff")
    return text


def iter_lines(inp: Input, encoding: Optional[str], max_line_chars: int
               ) -> Iterator[tuple[int, Union[str, Problem]]]:
    """(1-based line number, line text or Problem), streaming; the line keeps its newline.

    An over-long line is reported and skipped without holding it in memory; a damaged gzip
    stream ends the iteration with a Problem for the line where it broke.
    """
    codec, skip = sniff_encoding(inp.head(SNIFF_BYTES), encoding)
    lineno = 0
    try:
        with inp.open() as f:
            if not line_safe(codec):
                yield from _iter_text_lines(f, codec, max_line_chars)
                return
            f.read(skip)
            offset = skip
            limit = max_line_chars * 4 + 4
            while True:
                raw = f.readline(limit + 1)
                if not raw:
                    return
                lineno += 1
                if len(raw) > limit and not raw.endswith(b"\n"):
                    skipped = _skip_rest_of_line(f)
                    yield lineno, Problem(f"line longer than max_line_chars={max_line_chars}",
                                          snippet=raw[:80].decode(codec, "replace"))
                    offset += len(raw) + skipped
                    continue
                text = decode(raw, codec, base_offset=offset, hint=f" (line {lineno})")
                if isinstance(text, str) and len(text) > max_line_chars:
                    text = Problem(f"line longer than max_line_chars={max_line_chars}",
                                   snippet=text[:80])
                yield lineno, text
                offset += len(raw)
    except GZIP_ERRORS as e:
        yield lineno + 1, Problem(f"unreadable or truncated gzip after line {lineno}: {e}")


def _skip_rest_of_line(f: IO[bytes]) -> int:
    n = 0
    while True:
        chunk = f.readline(1 << 20)
        n += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return n


def _iter_text_lines(f: IO[bytes], codec: str, max_line_chars: int
                     ) -> Iterator[tuple[int, Union[str, Problem]]]:
    # UTF-16/32 cannot be split on 0x0A bytes; decode as a stream, a bad byte ends the file.
    # newline="\n": a bare CR inside a record is not a line break (line numbers stay those of \n)
    reader = io.TextIOWrapper(f, encoding=codec, newline="\n")
    lineno = 0
    try:
        for lineno, line in enumerate(reader, 1):
            if len(line) > max_line_chars:
                yield lineno, Problem(f"line longer than max_line_chars={max_line_chars}")
            else:
                yield lineno, line.lstrip("\ufeff") if lineno == 1 else line
    except UnicodeDecodeError as e:
        yield lineno + 1, Problem(f"cannot decode the file as {codec} after line {lineno} ({e.reason}); "
                                  "pass --encoding with the file's real encoding")


def fetch(url: str, client=None):
    """(Input, content type) for a URL fetched with httpx, or a Quarantined record saying why not."""
    import httpx

    from ..records import Quarantined

    own = client is None
    client = client or httpx.Client(follow_redirects=True, timeout=30.0,
                                    headers={"User-Agent": "signaal (+https://example.invalid/signaal)"})
    try:
        resp = client.get(url)
        resp.raise_for_status()
        return Input(name=url, url=url, data=resp.content), resp.headers.get("content-type", "").lower()
    except httpx.HTTPError as e:
        return Quarantined(url, None, f"cannot fetch: {e}; check the URL and the network", "url")
    finally:
        if own:
            client.close()
