"""The actor entity ruler: names from ``lexicon/<lang>/aliases.tsv`` become entities.

The statistical NER was trained on year-2000 news, so modern names (Oekraïne, Zelensky, NAVO)
come from the lexicon. A lexicon match replaces the NER entities it overlaps, except when it
lies strictly inside a longer NER name: "Stoltenberg" in "Jens Stoltenberg", "Frankrijk" in
"Ronde van Frankrijk", "Den Haag" in "ADO Den Haag" stay the longer name. A hyphen compound is
not a longer name: in "NAVO-top" (tokens "NAVO - top") the lexicon's NAVO wins; nor is an NER
span holding two lexicon names ("Finland voor Oekraïne"). NER entities without any letter or
digit (stray quotes) are dropped. Matched entities carry the actor id in ``ent.id_``.
"""

from __future__ import annotations

import logging
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans, registry

from .. import lexicon
from ..errors import ConfigError
from .consistency import NAME as CONSISTENCY

VERSION = "signaal.actor_ruler.v1"
NAME = "signaal_actor_ruler"
log = logging.getLogger(__name__)


def _inside(span: Span, ent: Span) -> bool:
    return ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)


def _inside_longer_name(span: Span, ent: Span, spans: list[Span]) -> bool:
    """``span`` lies within the longer NER name ``ent`` (see the module docstring)."""
    if not _inside(span, ent):
        return False
    if ent.label == span.label:
        return True
    doc = span.doc
    hyphenated = (span.end < ent.end and doc[span.end].text == "-") or \
        (span.start > ent.start and doc[span.start - 1].text == "-")
    # two lexicon names in one NER span ("Finland voor Oekraïne") are two names run together
    return not hyphenated and sum(_inside(other, ent) for other in spans) == 1


def whole_name_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Merge NER ``entities`` and ruler ``spans`` (see the module docstring)."""
    # An "entity" without a letter or digit (a stray quote) is a tagger error, never a name.
    ents = [e for e in entities if any(c.isalnum() for c in e.text)]
    kept: list[Span] = []
    spans = filter_spans(list(spans))
    for span in spans:
        overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(_inside_longer_name(span, e, spans) for e in overlapping):
            continue
        ents = [e for e in ents if e not in overlapping]
        kept.append(span)
    return sorted(ents + kept)


@registry.misc("signaal.whole_name_ents_filter.v1")
def make_whole_name_filter():
    """The ``ents_filter`` of the actor ruler."""
    return whole_name_filter


def patterns(lang: str) -> list[dict]:
    """SpanRuler phrase patterns from the alias lexicon (none when the file is missing).

    Aliases starting with a lower-case word ("het Kremlin", "de Amerikanen") are skipped: entity
    spans start at the name, and the bare name is listed too.
    """
    try:
        rows = lexicon.load(lang, "aliases.tsv")
    except ConfigError as e:
        log.warning("no actor aliases for %s (%s): the entity ruler stays empty", lang, e)
        return []
    out = []
    for row in rows:
        alias, label = row.get("alias", "").strip(), row.get("label", "").strip()
        if alias and label and not alias[0].islower():
            out.append({"label": label, "pattern": alias, "id": row.get("actor", "").strip()})
    return out


def add_actor_ruler(nlp: Language, lang: str) -> None:
    """Add the actor ruler to ``nlp`` after ``ner`` and its consistency step, when they are there."""
    anchor = next((name for name in (CONSISTENCY, "ner") if name in nlp.pipe_names), None)
    where = {"after": anchor} if anchor else {}
    ruler = nlp.add_pipe("span_ruler", name=NAME, **where, config={
        "spans_key": None, "annotate_ents": True, "overwrite": False,
        "ents_filter": {"@misc": "signaal.whole_name_ents_filter.v1"}, "validate": True,
    })
    with nlp.select_pipes(enable=[]):  # patterns need only the tokenizer
        ruler.add_patterns(patterns(lang))
