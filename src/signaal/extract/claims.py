"""Claims: who says what, with which stance (DESIGN.md "Claim", ANNOTATION.md "Claims").

``extract(doc, article, mentions)`` returns one :class:`~signaal.records.Claim` per source per
attributed proposition. Stages, per sentence in ``article.content_ranges()`` (teasers, captions
and bylines never yield claims):

1. cue and stance patterns from ``lexicon/<lang>/cues.tsv`` and ``stance_phrases.tsv``
   (cues inside a longer closed quote are the quoted speaker's words, not an attribution);
2. a frame per cue (``claims_frame``): speaker span and content span by clause order;
3. speakers named from the actor mentions, pronouns, roles and collective groups (``claims_speaker``);
4. nesting: a cue inside another frame's content is part of that content, unless it opens a
   coordinated clause with its own speaker ("..., Oekraïense bronnen houden het op ...");
5. continuations: a quote that runs on into the next sentences, or a normative "moet"
   sentence right after a claim, keeps the speaker (``cue`` None resp. the modal);
6. polarity: the cue's default, the cue's negation, then markers in the content
   (deontic → demanded, future → expected, denial phrases → denied) from ``modals.tsv`` and
   ``denial_words.tsv``.

>>> from signaal.records import Article
>>> from signaal import nlp
>>> art = Article(id="a1", text="Volgens experts is de situatie ernstig.", lang="nl")
>>> [(c.source, c.polarity) for c in extract(nlp.parse(art.text, "nl"), art, [])]
[('experts', 'asserted')]
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..errors import InputError
from ..records import Article, Claim, Mention, stable_id
from . import spans
from .claims_clause import clause_start
from .claims_frame import Frame, colon_frame, locative_frame, noun_frame, prep_frame, verb_frame
from .claims_lex import CueHit, find_pattern, get
from .claims_polarity import polarity, split_content
from .claims_speaker import Context
from .claims_text import View, match_cues
from .actors import home_country, registry

EXTRACTOR = "signaal.claims.v1"
SCARE_QUOTE_WORDS = 4
NOT_YET = ("nog", "still", "yet")
NON_MODAL = ("is", "zijn", "was", "waren", "heeft", "hebben", "had", "hadden", "wordt", "worden", "werd",
             "werden", "are", "were", "has", "have", "been", "be", "did", "does", "do")  # a cue inside a quote this short is the narrator's ('voorzichtig optimistisch’)


def extract(doc, article: Article, mentions: Sequence[Mention] = ()) -> list[Claim]:
    """The claims of one article, in text order (pure: same input, same claims)."""
    lang = article.lang or "nl"
    lex = get(lang)
    if doc is None:
        from .. import nlp

        doc = nlp.parse(article.text, lang)
    if doc.text != article.text:
        raise InputError(f"article {article.id}: the Doc was not parsed from article.text; "
                         "parse article.text itself so evidence offsets line up")
    view = View(doc, article, lex)
    mentions = [m for m in mentions if article.is_content(m.evidence.start_char, m.evidence.end_char)]
    ctx = Context([], home_country(mentions, registry(lang).is_igo))
    frames: list[list[Frame]] = [[] for _ in view.sents]
    consumed: set[int] = set()
    for k in range(len(view.sents)):
        for f in _sentence_frames(view, k, mentions, ctx):
            if f.sent_no != k:
                consumed.add(k)
                if any(g.speakers[0].name == f.speakers[0].name for g in frames[f.sent_no]):
                    continue  # "X zegt A. Dat zei X ook." — already attributed
            frames[f.sent_no].append(f)
            ctx.history.append((k, f.speakers))
    _continuations(view, frames, consumed)
    return _claims(article, view, frames, mentions)


def _sentence_frames(view: View, k: int, mentions, ctx: Context) -> list[Frame]:
    sent = view.sents[k]
    all_hits = match_cues(view, sent.lo, sent.hi)
    hits = [h for h in all_hits if not view.in_quote(sent, view.toks[h.parts[0]].start, SCARE_QUOTE_WORDS)]
    hits = [h for h in _drop_auxiliary_cues(view, hits) if not _is_noun_use(view, h)
            and not _under_obligation(view, sent, h)]
    found: list[Frame] = []
    for h in hits:
        kind = h.pattern.kind
        if kind == "prep":
            f = prep_frame(view, k, h, mentions, ctx)
        elif kind == "noun":
            f = noun_frame(view, k, h, mentions, ctx)
        elif kind == "locative":
            f = locative_frame(view, k, h, mentions, ctx)
        else:
            f = verb_frame(view, k, h, mentions, ctx, found)
        if f is not None:
            found.append(f)
    if not found:
        f = colon_frame(view, k, mentions, ctx)
        return [f] if f is not None else []
    return _resolve_nesting(view, found, [h for h in all_hits if not _is_noun_use(view, h)])


def _is_noun_use(view: View, h: CueHit) -> bool:
    """"de Russische eisen": a verb form after a determiner (and an inflected adjective) is a noun."""
    if h.pattern.kind != "verb" or len(h.pattern.segments[0]) > 1:
        return False  # a multi-word cue ("rekening houdt met") may open with its noun
    t = view.toks[h.parts[0]]
    if t.pos:
        return t.pos == "NOUN" and _main_clause_has_verb(view, t.i, h.parts)
    prev = [x for x in view.toks[max(0, t.i - 2):t.i] if not x.quote]
    if prev and view.lex.is_(prev[-1].low, "det") and prev[-1].low not in ("dat", "die", "that"):
        return True
    return len(prev) == 2 and view.lex.is_(prev[0].low, "det") and prev[0].low not in ("dat", "die") \
        and prev[1].low.endswith("e") and not view.lex.is_(prev[1].low, "aux")


def _under_obligation(view: View, sent, h: CueHit) -> bool:
    """"Nederlanders moeten rekening houden met ...": a cue verb under a deontic modal of its own
    clause says what someone must do, not what they said."""
    if h.pattern.kind != "verb":
        return False
    lo, _ = clause_start(view, sent, h.parts[0])
    return any(view.toks[j].low in view.lex.deontic_words for j in range(lo, h.parts[0]))


def _main_clause_has_verb(view: View, i: int, own: tuple = ()) -> bool:
    """Whether the clause around token ``i`` (up to a complementiser or colon) has another verb; if not,
    a cue the tagger read as a noun is the verb ("De vier verklaarden dat ...")."""
    sent = next(s for s in view.sents if s.lo <= i < s.hi)
    for t in view.toks[sent.lo:sent.hi]:
        if t.i > i and (t.text == ":" or view.lex.is_(t.low, "comp") or view.lex.is_(t.low, "sub")):
            break
        if t.i != i and t.i not in own and t.pos in ("VERB", "AUX"):
            return True
    return False


def _drop_auxiliary_cues(view: View, hits: list[CueHit]) -> list[CueHit]:
    """"wilde hij niet zeggen": a modal cue followed by another cue in its clause is an auxiliary."""
    out = []
    for n, h in enumerate(hits):
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if nxt and view.lex.is_(view.toks[h.parts[-1]].low, "aux") and h.pattern.kind == "verb" and \
                not any(view.toks[j].punct or view.lex.is_(view.toks[j].low, "comp")
                        for j in range(h.parts[-1] + 1, nxt.parts[0])):
            continue
        out.append(h)
    return out


def _inside(f: Frame, char: int) -> bool:
    return f.content[0] <= char < f.content[1]


def _resolve_nesting(view: View, found: list[Frame], hits: list[CueHit]) -> list[Frame]:
    """Tail attributions own the text before them; cues inside a content are part of it."""
    toks = view.toks
    kept = [f for f in found if f.tail]
    for f in found:
        if f.tail:
            continue
        pos = toks[f.hit.parts[0]].start
        outer = next((g for g in kept if g is not f and _inside(g, pos)), None)
        if outer is None:
            kept.append(f)
        elif f.boundary in (",", ";") or view.lex.is_(f.boundary, "conj"):
            cut = toks[f.clause_lo - 1].start if f.clause_lo > 0 else pos
            if cut > outer.content[0]:
                outer.content = (outer.content[0], _rstrip(view, outer.content[0], cut))
            kept.append(f)
        else:
            outer.nested.append(f.hit)
    for f in kept:  # nested cues that no frame took still colour the content ("zei dat ... opgeroepen")
        f.nested.extend(h for h in hits if h.pattern.kind == "verb" and h not in (g.hit for g in kept)
                        and _inside(f, toks[h.parts[0]].start) and h not in f.nested)
    return sorted(kept, key=lambda f: f.content[0])


def _rstrip(view: View, a: int, b: int) -> int:
    while b > a and (view.text[b - 1].isspace() or view.text[b - 1] in ","):
        b -= 1
    return b


def _continuations(view: View, frames: list[list[Frame]], consumed: set[int]) -> None:
    """Quotes running over several sentences, and normative follow-ups, keep their speaker."""
    sents = view.sents
    for k, sent in enumerate(sents):
        if frames[k] or k in consumed or k == 0:
            continue
        prev = sents[k - 1]
        if prev.para != sent.para or not frames[k - 1]:
            continue
        src = frames[k - 1][-1]
        in_run = prev.ends_open and not sent.opens_quote
        if sent.opens_quote or in_run:
            frames[k].append(_follow(view, k, src, None, ""))
            continue
        modal = _deontic_token(view, k)
        if modal is not None and not view.quoted(sent, sent.start, sent.end):
            frames[k].append(_follow(view, k, src, modal, "demanded"))
    for k in range(len(sents) - 2, -1, -1):  # "“A. B,” zei X.": A belongs to X as well
        sent, nxt = sents[k], sents[k + 1]
        if not frames[k] and k not in consumed and sent.ends_open and nxt.para == sent.para \
                and not nxt.opens_quote and any(f.tail for f in frames[k + 1]):
            frames[k].append(_follow(view, k, frames[k + 1][0], None, ""))


def _follow(view: View, k: int, src: Frame, cue: Optional[str], polarity: str) -> Frame:
    sent = view.sents[k]
    b = sent.end
    while b > sent.start and view.text[b - 1] in ".!?":
        b -= 1
    return Frame(list(src.speakers), None, cue, (sent.start, b), k, (sent.start, sent.end),
                 polarity=polarity, boundary="continuation")


def _deontic_token(view: View, k: int) -> Optional[str]:
    sent = view.sents[k]
    words = view.words(sent.lo, sent.hi)
    for segs, effect in view.lex.modals:
        if effect == "deontic":
            i = find_pattern(words, segs)
            if i >= 0:
                return " ".join(t.text for t in view.toks[sent.lo + i:sent.lo + i + len(segs[0])])
    return None


def _propositions(view: View, f: Frame, country, mentions) -> list[tuple[tuple[int, int], str]]:
    """(content span, polarity) per proposition: one, or one per coordinated clause when the
    clauses differ in polarity ("dat Rusland niemand bedreigt en dat het Westen moet ophouden")."""
    whole = polarity(view, f, None, country, mentions)
    if whole is None:
        return []
    parts = split_content(view, f.content)
    if len(parts) > 1:
        pols = [polarity(view, f, p, country, mentions) for p in parts]
        if None not in pols and len(set(pols)) > 1:
            return list(zip(parts, pols))
    return [(f.content, whole)]


def _claims(article: Article, view: View, frames: list[list[Frame]], mentions) -> list[Claim]:
    out: dict[str, Claim] = {}
    for k, group in enumerate(frames):
        sent = view.sents[k]
        for f in group:
            evidence = spans.evidence(article, f.span[0], f.span[1], sent.start, sent.end)
            for sp in f.speakers:
                s_sent = next((s for s in view.sents if s.start <= sp.start < s.end), sent)
                speaker = spans.evidence(article, sp.start, sp.end, s_sent.start, s_sent.end) \
                    if sp.end > sp.start and f.boundary != "continuation" else None
                for (a, b), pol in _propositions(view, f, sp.country, mentions):
                    cid = stable_id(article.id, "claim", a, b, sp.name, EXTRACTOR)
                    if cid in out:
                        continue
                    direct = view.quoted(sent, a, b) or f.boundary == "continuation" and f.cue is None
                    out[cid] = Claim(id=cid, source=sp.name, source_actor=sp.country, cue=f.cue,
                                     polarity=pol, direct=direct,
                                     content=spans.evidence(article, a, b, sent.start, sent.end),
                                     evidence=evidence, via=(sp.name,) + f.via if f.via else (),
                                     source_code=sp.code, speaker=speaker, extractor=EXTRACTOR)
    return sorted(out.values(), key=lambda c: (c.evidence.sentence_start, c.content.start_char, c.source))
