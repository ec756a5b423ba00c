"""Article hygiene: find the parts of a body that are not the story, without changing the text.

``analyse(text)`` returns ``(regions, related)``:

- ``teasers``: a "Lees ook:" / "Read more:" block (from the marker to the end of the text, or to
  the first line that is no longer a teaser), split into ``Related`` items (title + lede);
- ``caption``: photo captions and credits ("Beeld AFP", "Foto: ANP", "(Foto: Reuters)", "© ANP");
- ``byline``: "Door Jan de Vries", "Van onze correspondent in Moskou", "By Jane Smith";
- ``subheading``: a short line without closing punctuation standing alone between paragraphs;
- ``dateline``: a place in capitals, an optional agency and a dash opening one of the first lines
  ("TAIPEI (ANP/AFP) - Het Chinese leger ..."): only that opening; it stays content (see
  ``Region``), but events take no actor from it.

Markers are lexicon data (``teaser_markers.txt``, ``caption_markers.txt``,
``byline_markers.txt``), merged over every language: a Dutch site may print "Read more".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..records import Region, Related

TITLE_MAX = 200  # a teaser title or subheading is one short line
LEDE_MAX = 500  # teaser ledes are a sentence or three; longer paragraphs are the story
SUBHEADING_MAX = 80
SUBHEADING_WORDS = 10
CAPTION_LINE_MAX = 300
BYLINE_MAX = 100
SENTENCE_END = tuple(".!?:;,…")
LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
# "BRUSSEL (ANP) - ", "DEN HAAG - ", "TBILISI, Georgia (AP) — ": capitals, then an agency, then a dash
_CAP = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+"
DATELINE = re.compile(rf"{_CAP}(?:[ /]{_CAP}){{0,3}}(?:,[^,()\n]{{1,30}})?(?:\s*\([^()\n]{{1,40}}\))?\s*[-–—]\s+(?=\S)")
DATELINE_LINES = 2  # a dateline opens the story: one of its first lines (after a headline)
# A credit after a caption marker: capitalised words, with short lowercase particles
# ("de", "van") and separators between them ("ANP / Remko de Waal", "Reuters").
CREDIT = r"[A-Z0-9©][\w.'’&-]*(?:(?:\s*[/,&|]\s*|\s+)(?:[A-Z0-9©][\w.'’&-]*|[a-z]{1,3}))*"


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    alone: bool  # blank line (or text edge) before and after


@dataclass(frozen=True)
class Patterns:
    teaser_alone: re.Pattern
    teaser_inline: re.Pattern
    caption_start: re.Pattern
    caption_end: re.Pattern
    caption_paren: re.Pattern
    caption_any: re.Pattern
    byline: re.Pattern


def _markers(name: str) -> list[str]:
    out: set[str] = set()
    for lang in lexicon.LANGS:
        out.update(lexicon.load(lang, name))
    # Longest first so "Lees ook dit" wins over "Lees ook".
    return sorted(out, key=lambda m: (-len(m), m))


def _alt(markers: list[str]) -> str:
    return "|".join(re.escape(m) for m in markers)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled marker patterns (built once from the lexicon)."""
    teaser = _alt(_markers("teaser_markers.txt"))
    caption = _alt(_markers("caption_markers.txt"))
    bylines = _markers("byline_markers.txt")
    one_word = _alt([m for m in bylines if " " not in m])
    phrases = _alt([m for m in bylines if " " in m])
    return Patterns(
        teaser_alone=re.compile(rf"(?:{teaser})\s*:?\s*(?:\.{{3}}|…)?", re.I),
        teaser_inline=re.compile(rf"(?:{teaser})\s*:\s*(?P<title>\S.*)", re.I),
        caption_start=re.compile(rf"\(?(?:{caption})(?:\s*:\s*|\s+)(?:{CREDIT})"),
        caption_end=re.compile(rf"(?:^|\s|\()(?:{caption})(?:\s*:\s*|\s+){CREDIT}\)?\s*$"),
        caption_paren=re.compile(rf"\((?:{caption})\s*:?\s*[^()\n]{{1,60}}\)"),
        caption_any=re.compile(caption),
        byline=re.compile(rf"(?:(?:{phrases})\b|(?:{one_word})\s+[A-Z])" if phrases else
                          rf"(?:{one_word})\s+[A-Z]"),
    )


def lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with offsets (trailing whitespace excluded)."""
    found = [(m.start(), m.start() + len(m.group().rstrip())) for m in LINE_RE.finditer(text)]
    out = []
    last = len(found) - 1
    for i, (s, e) in enumerate(found):
        # str.count with bounds: no slices of the gaps are made.
        alone = ((i == 0 or text.count("\n", found[i - 1][1], s) >= 2)
                 and (i == last or text.count("\n", e, found[i + 1][0]) >= 2))
        out.append(Line(s, e, text[s:e], alone))
    return out


def _title_shaped(line: Line) -> bool:
    t = line.text.strip()
    return len(t) <= TITLE_MAX and not t.endswith((".", ";", ","))


def _is_marker(line: Line, p: Patterns) -> bool:
    return p.teaser_alone.fullmatch(line.text.strip()) is not None


def _lede_at(ls: list[Line], j: int, had_lede: bool, p: Patterns) -> bool:
    """True when ``ls[j]`` is the lede of the title before it.

    A lede is a short paragraph (not title-shaped) that ends the text or is followed by another
    title or marker; once a block has shown ledes, one followed by the story is still a lede.
    """
    if j >= len(ls) or _title_shaped(ls[j]) or _is_marker(ls[j], p) or len(ls[j].text) > LEDE_MAX:
        return False
    nxt = ls[j + 1] if j + 1 < len(ls) else None
    return nxt is None or had_lede or _title_shaped(nxt) or _is_marker(nxt, p)


def _teaser_block(ls: list[Line], i: int, p: Patterns) -> tuple[int, list[Related]]:
    """From the marker at ``ls[i]``: (index after the block, its teaser items)."""
    items: list[Related] = []
    had_lede = False
    j = i + 1
    while j < len(ls):
        cur = ls[j]
        if _is_marker(cur, p):
            j += 1
            continue
        if not _title_shaped(cur):
            break  # a full paragraph where a title should be: the story (or something else) resumes
        if _lede_at(ls, j + 1, had_lede, p):
            lede = ls[j + 1]
            items.append(Related(cur.text.strip(), lede.text.strip(), cur.start, lede.end))
            had_lede = True
            j += 2
        else:
            items.append(Related(cur.text.strip(), "", cur.start, cur.end))
            j += 1
    return j, items


def _teasers(text: str, ls: list[Line], p: Patterns) -> tuple[list[Region], list[Related], set[int]]:
    regions: list[Region] = []
    related: list[Related] = []
    used: set[int] = set()
    i = 0
    while i < len(ls):
        t = ls[i].text.strip()
        if _is_marker(ls[i], p):
            j, items = _teaser_block(ls, i, p)
            end = ls[j - 1].end
            if j == len(ls):
                end = len(text)  # the block runs to the end of the text, trailing blanks included
            regions.append(Region("teasers", ls[i].start, end))
            related.extend(items)
            used.update(range(i, j))
            i = j
            continue
        m = p.teaser_inline.fullmatch(t)
        if m and _title_shaped(ls[i]):
            line = ls[i]
            title_start = line.start + (len(line.text) - len(line.text.lstrip())) + m.start("title")
            regions.append(Region("teasers", line.start, line.end))
            related.append(Related(m.group("title").strip(), "", title_start, line.end))
            used.add(i)
        i += 1
    return regions, related, used


def _caption(line: Line, p: Patterns) -> list[Region]:
    t = line.text
    short = len(t) <= CAPTION_LINE_MAX
    if short and (p.caption_start.match(t.lstrip()) and not t.rstrip().endswith(".")
                  or p.caption_end.search(t)):
        return [Region("caption", line.start, line.end)]
    spans = [Region("caption", line.start + m.start(), line.start + m.end())
             for m in p.caption_paren.finditer(t)]
    if spans and short:
        return [Region("caption", line.start, line.end)]
    return spans


def _byline(line: Line, p: Patterns) -> bool:
    t = line.text.strip()
    return len(t) <= BYLINE_MAX and not t.endswith((".", "?", "!")) and bool(p.byline.match(t))


def _subheading(ls: list[Line], i: int) -> bool:
    line = ls[i]
    t = line.text.strip()
    if not line.alone or i == 0 or i + 1 == len(ls):
        return False
    if len(t) > SUBHEADING_MAX or len(t.split()) > SUBHEADING_WORDS:
        return False
    closing = t.rstrip("\"'”’»)")
    return not closing.endswith(SENTENCE_END) and (t[0].isupper() or t[0].isdigit())


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, no closing punctuation, a blank line
    after it and more text below (seed files often start with one)."""
    ls = lines(text[:TITLE_MAX * 4])
    if len(ls) < 2 or not ls[0].alone:
        return None
    t = ls[0].text.strip()
    if len(t) > TITLE_MAX or t.rstrip("\"'”’»)").endswith((".", ";", ",", ":")):
        return None
    p = patterns()
    if p.caption_start.match(t) or _byline(ls[0], p) or _is_marker(ls[0], p):
        return None
    return t


def analyse(text: str) -> tuple[list[Region], list[Related]]:
    """Non-content regions (sorted by offset) and teaser items of ``text``; text is not changed.

    >>> regions, related = analyse("Eerste alinea.\\n\\nLees ook:\\n\\nTitel\\n\\nLede van het stuk.")
    >>> [r.kind for r in regions], related[0].title
    (['teasers'], 'Titel')
    """
    p = patterns()
    ls = lines(text)
    regions, related, used = _teasers(text, ls, p)
    any_caption = p.caption_any.search(text) is not None
    for i, line in enumerate(ls):
        if i in used:
            continue
        date = DATELINE.match(line.text) if i < DATELINE_LINES else None
        if date is not None:
            regions.append(Region("dateline", line.start, line.start + date.end()))
        caps = _caption(line, p) if any_caption else []
        if caps:
            regions.extend(caps)
            if caps[0].start == line.start and caps[0].end == line.end:
                continue
        if _byline(line, p):
            regions.append(Region("byline", line.start, line.end))
        elif not caps and _subheading(ls, i):
            regions.append(Region("subheading", line.start, line.end))
    regions.sort(key=lambda r: (r.start, r.end))
    return regions, related
