"""Attribution frames of one sentence: for each cue, who speaks and where the content is.

The rules read Dutch/English clause order from tokens and closed-class words (no parser needed;
POS is used when present):

- ``volgens X`` / ``according to X`` / ``aldus X``: the speaker is the noun phrase after the cue;
- a verb cue: find the clause start (sentence start, comma, colon, quote, subordinator, "en"),
  the finite verb (an auxiliary or copula before the cue, else the cue), then the speaker:
  the agent ``door X`` of a passive; else the pre-field before the finite verb when it is a noun
  phrase (coordinations included); else the noun phrase after it (inversion: "..., zegt X",
  "Maandag zei X", "Dat zei X"), else the sentence-initial phrase before an apposition;
- the content: after a complementiser (dat/of/te/that/:), else before the clause ("..., zegt X"),
  else the previous sentence ("Dat zei X"), else what follows the cue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..records import Mention
from .claims_lex import CueHit
from .claims_speaker import Context, Speaker, np_end, resolve
from .claims_clause import (HARD, clause_rest, clause_start, content_end, first_of, is_closing_quote, negated_in,
                            skip_words, strip_span)
from .claims_text import Sent, View

# Only these pronouns are unambiguous subjects right after a finite verb (not "het", "haar", "hem").
SUBJECT_PRONOUNS = {"nl": ("hij", "zij", "ze", "wij", "we", "ik"), "en": ()}


@dataclass
class Frame:
    """One attribution: speakers, cue, content characters and what the polarity rules need."""

    speakers: list[Speaker]
    hit: Optional[CueHit]
    cue: Optional[str]
    content: tuple[int, int]
    sent_no: int  # the sentence holding the content
    span: tuple[int, int]  # evidence characters (two sentences for "X. Dat zei Y.")
    negated: bool = False
    comp: bool = False  # the content is a dat/that clause
    tail: bool = False  # content before the cue ("..., zegt X")
    clause_lo: int = 0  # token where the attribution clause starts
    boundary: str = ""  # what opened that clause
    via: tuple[str, ...] = ()
    polarity: str = ""  # fixed polarity (continuations); else computed from the hit
    nested: list = field(default_factory=list)  # cue hits inside the content


def _via(view: View, lo: int, hi: int, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Intermediaries named in the attribution: "tegen Interfax", "told Reuters", "via een woordvoerder"."""
    toks, lex = view.toks, view.lex
    out = []
    for j in range(lo, hi):
        if lex.is_(toks[j].low, "via") or toks[j].low == "via":
            k = skip_words(view, j + 1, hi, ("det",))
            e = np_end(view, k, hi)
            if e <= k:
                continue
            a, b = toks[k].start, toks[e - 1].end
            ms = [m for m in mentions if m.evidence.start_char < b and a < m.evidence.end_char]
            if ms:
                out.append(ms[0].actor.name)
            elif toks[k].text[:1].isupper() or toks[j].low == "via":
                out.append(" ".join(t.text for t in toks[k:e]))
    return tuple(out)


def _subject_of_content(view: View, e: int, hi: int) -> bool:
    """English "X, ..., said North Korea would ...": a finite verb right after the noun phrase
    makes it the content's subject, not an inverted speaker (Dutch inverts: "zei Rutte dat")."""
    if view.lex.lang != "en" or e >= hi:
        return False
    t = view.toks[e]
    return view.lex.is_(t.low, "aux") or t.pos in ("AUX", "VERB")


def prep_frame(view: View, k: int, hit: CueHit, mentions, ctx: Context) -> Optional[Frame]:
    """``volgens X`` / ``according to X`` (content around) and ``aldus X`` (content before)."""
    sent, toks = view.sents[k], view.toks
    c0, c1 = hit.parts[0], hit.parts[-1]
    j = skip_words(view, c1 + 1, sent.hi, ())
    e = np_end(view, j, sent.hi)
    speakers = resolve(view, j, e, mentions, ctx, k) if e > j else []
    if not speakers and e > j and e + 1 < sent.hi and view.lex.is_(toks[e].low, "source_of"):
        # "according to a flash estimate from Eurostat": the estimate's author speaks
        j2 = e + 1
        e = np_end(view, j2, sent.hi)
        speakers = resolve(view, j2, e, mentions, ctx, k) if e > j2 else []
    if not speakers:
        return None
    end = content_end(view, sent)
    rest = [t for t in toks[e:sent.hi] if not t.punct]
    first = next((t.i for t in toks[sent.lo:sent.hi] if not t.quote), sent.lo)
    if hit.pattern.content == "before" or (not rest and c0 > first):
        a, b = strip_span(view, sent.start, toks[c0].start)
        tail = True
    elif c0 > first and toks[c0 - 1].text == ",":
        # "X hit 9.1 percent, according to Eurostat, more than ...": a parenthetical attribution
        # covers the clause before it, not what follows
        a, b = strip_span(view, sent.start, toks[c0 - 1].start)
        tail = True
    elif c0 == first:
        a, b = strip_span(view, toks[e - 1].end, end)
        tail = False
    else:
        a, b, tail = sent.start, end, False
    if a >= b:
        return None
    return Frame(speakers, hit, hit.text, (a, b), k, (sent.start, sent.end), tail=tail,
                 clause_lo=c0, boundary="")


def noun_frame(view: View, k: int, hit: CueHit, mentions, ctx: Context) -> Optional[Frame]:
    """"klinkt de waarschuwing: ..." / "de oproep van X: ...": content after a colon or dat."""
    sent, toks = view.sents[k], view.toks
    c1 = hit.parts[-1]
    j = c1 + 1
    speakers: list[Speaker] = []
    if j < sent.hi and toks[j].low in ("van", "of", "uit", "from"):
        e = np_end(view, j + 1, sent.hi)
        speakers = resolve(view, j + 1, e, mentions, ctx, k)
        j = e
    comp = next((x for x in range(j, min(sent.hi, j + 2)) if toks[x].text == ":" or
                 view.lex.is_(toks[x].low, "comp")), None)
    if comp is None:
        return None
    if not speakers:
        lo, _ = clause_start(view, sent, hit.parts[0], hard_only=True)
        if any(m.evidence.start_char < toks[hit.parts[0]].start and m.evidence.end_char > toks[lo].start
               for m in mentions):
            speakers = resolve(view, lo, hit.parts[0], mentions, ctx, k)
    if not speakers:
        return None
    a, b = strip_span(view, toks[comp].end, content_end(view, sent))
    if a >= b:
        return None
    return Frame(speakers, hit, hit.text, (a, b), k, (sent.start, sent.end), comp=True)


def verb_frame(view: View, k: int, hit: CueHit, mentions, ctx: Context,
               earlier: list[Frame]) -> Optional[Frame]:
    """A verb, stance or copula cue: speaker by clause order, content by complementiser or position."""
    sent, toks, lex = view.sents[k], view.toks, view.lex
    pat = hit.pattern
    c0, c1 = hit.parts[0], hit.parts[-1]
    lo, boundary = clause_start(view, sent, c0)
    if lex.is_(boundary, "reladv"):
        return None  # "een moment waarop landen zich zorgen maken": background, not a claim
    if boundary == "," and _anaphoric_opening(view, sent, c0):
        lo, boundary = sent.lo, ""  # "Dat heeft de ambassadeur, X, vrijdag gezegd": one clause
    fin = first_of(view, lo, c0, "cop" if pat.kind == "copula" else "aux")
    if pat.kind == "copula" and fin < 0:
        return None
    fin = c0 if fin < 0 else fin
    pre = [t for t in toks[lo:fin] if not t.quote]
    speakers: list[Speaker] = []
    after = c1 + 1
    anaphoric = False
    sp_range: tuple[int, int] = (0, 0)
    if pat.kind == "verb" and fin != c0 and lex.is_(toks[fin].low, "pass"):
        agent = first_of(view, fin + 1, min(sent.hi, c1 + 4), "agent")
        if agent < 0:
            return None  # agentless passive ("er wordt gevreesd"): unattributed
        e = np_end(view, agent + 1, sent.hi if agent > c1 else c0)
        speakers = resolve(view, agent + 1, e, mentions, ctx, k)
        sp_range = (agent, e)
        after = max(after, e if agent > c1 else after)
    else:
        hard_lo, _ = clause_start(view, sent, c0, hard_only=True)
        np_lo = skip_words(view, hard_lo, fin, ("adv",))  # "Ook de VS, Duitsland en Italië riepen"
        if hard_lo < lo and fin > np_lo and np_end(view, np_lo, fin) == fin:
            lo, pre = hard_lo, [t for t in toks[hard_lo:fin] if not t.quote]
        if pre and lex.is_(pre[0].low, "sub") and not (len(pre) == 1 and lex.is_(pre[0].low, "anaphor")):
            pre = pre[1:]
        if len(pre) == 1 and lex.is_(pre[0].low, "anaphor"):
            anaphoric = True
            pre = []
        elif pre and lex.is_(pre[0].low, "adv") and len(pre) > 1 and not lex.is_(pre[1].low, "adv") \
                and np_end(view, pre[1].i, fin) == fin:
            pre = pre[1:]  # a focus particle before the subject: "Ook Japan reageert boos"
        elif pre and (lex.is_(pre[0].low, "prep") or lex.is_(pre[0].low, "time")
                      or (lex.is_(pre[0].low, "adv") and not lex.is_(pre[0].low, "pron"))):
            pre = []  # an adverbial in first position: the subject follows the finite verb
        nxt = skip_words(view, fin + 1, sent.hi, ())
        if pre and nxt < sent.hi and toks[nxt].low in SUBJECT_PRONOUNS.get(lex.lang, ()) and nxt != c0:
            pre = []  # "Een nieuw gesprek sluit hij niet uit": the object was fronted
        if pre:
            speakers = resolve(view, pre[0].i, fin, mentions, ctx, k)
            sp_range = (pre[0].i, fin)
        elif (lex.is_(boundary, "conj") or lex.is_(boundary, "contrast")) and earlier:
            speakers = list(earlier[-1].speakers)
        if not speakers and not pre and not (boundary == "," and pat.content == "after"):
            j = skip_words(view, fin + 1, sent.hi)
            if j == c0:
                j = skip_words(view, c1 + 1, sent.hi)
            # the subject ends before a later part of the cue ("spraken adviseurs | van ...")
            e = np_end(view, j, min([p for p in hit.parts if p > j] + [sent.hi]))
            speakers = resolve(view, j, e, mentions, ctx, k) if e > j and not _subject_of_content(view, e, sent.hi) else []
            sp_range = (j, e)
            after = max(after, e)
        if not speakers and not pre and boundary == "," and hard_lo < lo:  # "X, die ..., zei"
            first_comma = next(x for x in range(hard_lo, lo) if toks[x].text == ",")
            speakers = resolve(view, hard_lo, first_comma, mentions, ctx, k) \
                or resolve(view, hard_lo, fin, mentions, ctx, k)
            sp_range = (hard_lo, fin)
            after = c1 + 1
    if not speakers:
        return None
    return _with_content(view, k, hit, speakers, lo, boundary, fin, after, anaphoric, sp_range, mentions)


def _anaphoric_opening(view: View, sent: Sent, c0: int) -> bool:
    """Whether the sentence opens with "Dat"/"Dit" + a finite verb and no hard break or
    complementiser before the cue (commas there set off an apposition, not a new clause)."""
    toks, lex = view.toks, view.lex
    lo = skip_words(view, sent.lo, c0, ())
    if lo + 1 >= c0 or not lex.is_(toks[lo].low, "anaphor") or view.quoted(sent, toks[lo].start, toks[lo].end):
        return False  # "'Dit is een gebaar, geen oplossing', zegt X": the quote's own words
    if not (lex.is_(toks[lo + 1].low, "aux") or toks[lo + 1].tense in ("Pres", "Past")):
        return False
    return not any(t.text in HARD or lex.is_(t.low, "comp") or lex.is_(t.low, "sub")
                   for t in toks[lo + 1:c0])


def _with_content(view: View, k: int, hit: CueHit, speakers, lo: int, boundary: str, fin: int,
                  after: int, anaphoric: bool, sp_range, mentions) -> Optional[Frame]:
    sent, toks, lex = view.sents[k], view.toks, view.lex
    c0, c1 = hit.parts[0], hit.parts[-1]
    first_seg = c0 + len(hit.pattern.segments[0])
    after = max(after, c1 + 1 if hit.pattern.final or len(hit.pattern.segments) == 1 else first_seg)
    comp = None
    for x in range(after, min(sent.hi, after + 8)):
        if toks[x].text == ":" or (lex.is_(toks[x].low, "comp") and toks[x].low not in ("om",)):
            comp = x
            break
        if toks[x].punct and not toks[x].quote:
            break
    skip = set(hit.parts) | set(range(*sp_range))
    neg_end = comp if comp is not None else min(sent.hi, max(c1 + 2, sp_range[1] + 1 if sp_range[0] > c0 else 0))
    if comp is not None and toks[comp].low in ("te", "to"):
        neg_end = min(neg_end, c1 + 1)  # "waarschuwt X niet te ...": the infinitive is negated
    negated = negated_in(view, min(fin, c0), neg_end, skip)
    via = _via(view, min(fin, c0), comp if comp is not None else after, mentions)
    rest = [t for t in toks[after:sent.hi] if not t.punct]
    tail_position = boundary == "," or (lo > sent.lo and is_closing_quote(view, lo - 1)) or \
        (boundary == "" and lo > sent.lo)
    end = content_end(view, sent)
    span = (sent.start, sent.end)
    tail = False
    if comp is not None:
        a, b = strip_span(view, toks[comp].end if toks[comp].low != "te" else toks[comp].start, end)
        if toks[comp].low in ("te", "to"):
            a = toks[after].start if after < comp else a
    elif tail_position and lo > sent.lo and (not rest or lex.is_(rest[0].low, "prep")
                                             or lex.is_(rest[0].low, "time") or lex.is_(rest[0].low, "adv")):
        a, b = strip_span(view, sent.start, toks[lo - 1].start if not is_closing_quote(view, lo - 1)
                      else toks[lo - 1].end)
        tail = True
    elif anaphoric and k > 0 and view.sents[k - 1].para == sent.para:
        return _previous_sentence(view, k, hit, speakers, negated, lo, via)
    elif hit.pattern.needs == "comp":
        return None
    elif not clause_rest(view, after, sent.hi) and c0 > fin + 1 and hit.pattern.kind == "verb" and \
            skip_words(view, max(fin + 1, sp_range[1]), c0) < c0:  # "De VN hebben 227 doden bevestigd"
        a, b = strip_span(view, toks[skip_words(view, max(fin + 1, sp_range[1]), c0)].start, toks[c0 - 1].end)
    elif rest and hit.pattern.final and c1 > first_seg and lex.is_(rest[0].low, "prep"):
        # "maakte sancties bekend tegen vijf banken": the object and the extraposed phrase
        a, b = strip_span(view, toks[skip_words(view, max(first_seg, sp_range[1]), c1)].start, end)
    elif rest and not (hit.pattern.final and c1 > first_seg and not clause_rest(view, after, sent.hi)):
        a, b = strip_span(view, toks[after].start, end)
    elif hit.pattern.final and c1 > first_seg:  # "spreekt de berichten tegen": between the parts
        a, b = strip_span(view, toks[skip_words(view, max(first_seg, sp_range[1]), c1)].start, toks[c1 - 1].end)
    elif hit.pattern.kind in ("copula", "stance"):
        a, b = toks[c0].start, toks[c1].end  # "De oppositie is kritisch."
    else:
        return None
    if a >= b:
        return None
    inner = [t for t in content_toks_(view, a, b) if not t.punct and not lex.is_(t.low, "time")
             and not lex.is_(t.low, "adv")]
    if len(inner) == 1 and lex.is_(inner[0].low, "anaphor") and k > 0 and view.sents[k - 1].para == sent.para \
            and hit.pattern.polarity != "denied":  # "X spreekt dat tegen" is anchored on the denial itself
        return _previous_sentence(view, k, hit, speakers, negated, lo, via)  # "Scholz maakte dat bekend"
    return Frame(speakers, hit, hit.text, (a, b), k, span, negated=negated, comp=comp is not None,
                 tail=tail, clause_lo=lo, boundary=boundary, via=via)


def content_toks_(view: View, a: int, b: int):
    return view.toks[view.token_at(a):view.token_at(b)]


def _previous_sentence(view: View, k: int, hit: CueHit, speakers, negated: bool, lo: int, via) -> Frame:
    """"X. Dat zei Y.": the content is the previous sentence, the evidence spans both."""
    prev, sent = view.sents[k - 1], view.sents[k]
    return Frame(speakers, hit, hit.text, (prev.start, content_end(view, prev)), k - 1, (prev.start, sent.end),
                 negated=negated, tail=True, clause_lo=lo, boundary="anaphor", via=via)


def locative_frame(view: View, k: int, hit: CueHit, mentions, ctx: Context) -> Optional[Frame]:
    """"In Kiev wordt de ontplooiing met argusogen gevolgd": a reception phrase whose speaker is the
    place where it is received (a capital, "het Westen", "westerse hoofdsteden")."""
    sent, toks, lex = view.sents[k], view.toks, view.lex
    lo, _ = clause_start(view, sent, hit.parts[0], hard_only=True)
    for j in range(lo, sent.hi - 1):
        if j in hit.parts or toks[j].low not in lex.classes.get("locative", ()):
            continue
        e = np_end(view, j + 1, sent.hi)
        speakers = [sp for sp in resolve(view, j + 1, e, mentions, ctx, k) if sp.kind != "unknown"]
        if speakers:  # the content is the clause that holds the phrase, not what precedes it
            a, b = strip_span(view, toks[clause_start(view, sent, min(j, hit.parts[0]))[0]].start,
                          content_end(view, sent))
            return Frame(speakers, hit, hit.text, (a, b), k, (sent.start, sent.end), clause_lo=lo)
    return None


def colon_frame(view: View, k: int, mentions, ctx: Context) -> Optional[Frame]:
    """"Rutte: 'We gaan door.'": a sentence-initial speaker phrase, a colon, the content."""
    sent, toks = view.sents[k], view.toks
    lo = skip_words(view, sent.lo, sent.hi, ())
    colon = next((j for j in range(lo, min(sent.hi, lo + 10)) if toks[j].text == ":"), None)
    if colon is None or colon == lo or np_end(view, lo, colon) != colon:
        return None
    speakers = [sp for sp in resolve(view, lo, colon, mentions, ctx, k) if sp.kind != "unknown"]
    a, b = strip_span(view, toks[colon].end, content_end(view, sent))
    if not speakers or a >= b:
        return None
    return Frame(speakers, None, ":", (a, b), k, (sent.start, sent.end), comp=True)
