"""The actor entity ruler: names from ``lexicon/<lang>/aliases.tsv`` become entities.

The statistical NER was trained on year-2000 news, so modern names (Oekraïne, Zelensky, NAVO)
come from the lexicon. A lexicon match replaces the NER entities it overlaps, except when it
lies strictly inside an NER entity of the same label ("Stoltenberg" in "Jens Stoltenberg"),
so the longer statistical name wins there. NER entities without any letter or digit (stray
quotes) are dropped. Matched entities carry the actor id in ``ent.id_``.
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


def _inside_same_label(span: Span, ent: Span) -> bool:
    """``span`` lies within ``ent`` (and is shorter) and both have the same label."""
    return ent.start <= span.start and span.end <= ent.end and len(ent) > len(span) and ent.label == span.label


def whole_name_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Merge NER ``entities`` and ruler ``spans`` (see the module docstring)."""
    # An "entity" without a letter or digit (a stray quote) is a tagger error, never a name.
    ents = [e for e in entities if any(c.isalnum() for c in e.text)]
    kept: list[Span] = []
    for span in filter_spans(list(spans)):
        overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(_inside_same_label(span, e) for e in overlapping):
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
