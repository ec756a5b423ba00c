"""Polarity of a claim (ANNOTATION.md "polarity"): the cue's default, its negation, then markers in
the content, in this order of strength:

1. deontic words ("moet", "mag niet", "is het tijd") or a demand cue inside the content → demanded;
2. a condition opening the content or one of its clauses ("als Rusland binnenvalt, ...") → expected;
3. future, possibility and intention markers ("zal", "kan", "zou", "gaat ... doen", "van plan")
   or an expectation cue inside the content → expected (a negative prediction stays expected);
   so is a future time word with only present-tense verbs ("Zaterdag houdt Rusland een oefening");
4. denials: denial words ("onzin", "niet van plan", "er is geen aanvalsgroep gevormd"), or the
   speaker's own country as the negated subject of a non-copular clause ("Lavrov zei dat Rusland
   Oekraïne niet bedreigt") → denied.

Cues inside the content only colour it when the content is a clause (a dat/that clause, the text
before an inverted cue, a "volgens" sentence or a quote), and not when they are nouns, attributive
participles ("de beloofde hervormingen") or a negated "wil" ("geen concessie wil doen").
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..records import Mention
from .claims_frame import Frame
from .claims_lex import Lex, find_pattern, match_pattern
from .claims_text import View

CONDITIONALS = ("als", "indien", "wanneer", "if", "unless")
_WANT = ("willen", "want")


def effects(lex: Lex, words: list[str]) -> set[str]:
    """The polarity markers (modals.tsv effects, and "denial") found in ``words``; a word inside a
    denial phrase marks nothing else ("niet van plan" is no plan)."""
    masked = list(words)
    found = set()
    hiding = [(segs, "denial") for segs in lex.denials] + [(s, e) for s, e in lex.modals if e == "neutral"]
    for segs, effect in hiding:
        hit = match_pattern(words, segs)
        if hit:
            found.add(effect)
            for k in hit:
                masked[k] = ""
    found |= {effect for segs, effect in lex.modals if find_pattern(masked, segs) >= 0}
    return found


def content_toks(view: View, a: int, b: int):
    return view.toks[view.token_at(a):view.token_at(b)]


def own_action(view: View, f: Frame) -> bool:
    """Whether a wil-type cue takes its speaker's own infinitive ("wil een overleg beleggen")."""
    toks = [t for t in content_toks(view, *f.content) if not t.punct]
    if not toks or f.comp and toks[0].low not in ("te", "to"):
        return False
    if toks[0].low == "to":
        return True
    clause = []
    for t in toks:  # the infinitive ends the verb's own clause: stop at "als", "zodat", ...
        if view.lex.is_(t.low, "sub") or view.lex.is_(t.low, "comp"):
            break
        clause.append(t)
    if not clause or clause[-1].low in ("worden", "be"):
        return False  # "wil betrokken worden": others are to act
    if any(t.pos in ("VERB", "AUX") and t.low.endswith("en") and t.low != "worden" for t in clause[1:] or clause):
        return True
    # the tagger often misses an infinitive after "wil" ("wilde de deur niet dichtdoen": ADJ)
    last, before = clause[-1], clause[-2] if len(clause) > 1 else None
    return last.low.endswith("en") and not last.text[:1].isupper() and last.pos not in ("PROPN",) and \
        not (before is not None and (view.lex.is_(before.low, "det") or view.lex.is_(before.low, "prep")
                                     or before.pos in ("ADJ", "DET", "NUM")))


def conditional(view: View, a: int, b: int) -> bool:
    """"Als Rusland binnenvalt, ...": a condition opening the content or one of its clauses."""
    toks = [t for t in content_toks(view, a, b) if not t.quote]
    return any(t.low in CONDITIONALS and (n == 0 or toks[n - 1].text in (",", ":", ";"))
               for n, t in enumerate(toks))


def _nested(view: View, f: Frame) -> list:
    """The cue hits inside the content that colour its polarity."""
    clause = f.comp or f.tail or f.hit is None or f.hit.pattern.kind == "prep" or \
        view.quoted(view.sents[f.sent_no], *f.content)
    if not clause:
        return []
    out = []
    for h in f.nested:
        if not f.content[0] <= view.toks[h.parts[0]].start < f.content[1]:
            continue
        if h.pattern.lemma in _WANT and _negated_near(view, h.parts[0]):
            continue  # "dat Kiev geen concessie wil doen": a description, not an intention
        out.append(h)
    return out


def _negated_near(view: View, i: int) -> bool:
    lo = i
    while lo > 0 and i - lo < 6 and not view.toks[lo - 1].punct:
        lo -= 1
    return any(t.low in view.lex.negations for t in view.toks[lo:i + 3])


def own_denial(view: View, a: int, b: int, country: Optional[str],
               mentions: Sequence[Mention]) -> bool:
    """The speaker's own country as the subject of a negated clause: "(Lavrov zei dat) Rusland
    Oekraïne niet bedreigt" denies an accusation."""
    if not country:
        return False
    toks = [t for t in content_toks(view, a, b) if not t.quote]
    if not toks:
        return False
    head = toks[1] if view.lex.is_(toks[0].low, "det") and len(toks) > 1 else toks[0]
    subj = next((m for m in mentions if m.evidence.start_char == head.start), None)
    if subj is None or subj.actor.country != country or subj.actor.kind == "person":
        return False
    negated = False
    for t in toks[1:]:
        if t.punct and not t.quote or view.lex.is_(t.low, "comp") or view.lex.is_(t.low, "sub"):
            break
        if view.lex.is_(t.low, "cop"):
            return False  # "De NAVO is geen partij": a description of itself
        negated = negated or t.low in view.lex.negations
    return negated


def base_polarity(view: View, f: Frame) -> Optional[str]:
    """The cue's own polarity (negation and object taken into account); None = nothing said."""
    if f.hit is None:
        return f.polarity or "asserted"
    pat = f.hit.pattern
    if f.negated:
        if pat.polarity == "asserted" and not f.comp and pat.kind == "verb":
            return None  # "wilde hij niet zeggen": nothing was said
        return pat.negated or {"asserted": "denied", "denied": "asserted"}.get(pat.polarity, pat.polarity)
    if pat.te and f.comp and _te_content(view, f):
        return pat.te
    if pat.object and not own_action(view, f):
        return pat.object
    return pat.polarity


def _te_content(view: View, f: Frame) -> bool:
    i = view.token_at(f.content[0]) - 1
    while i >= 0 and view.toks[i].quote:
        i -= 1
    if i >= 0 and view.toks[i].low in ("dat", "that"):
        return False  # a that-clause: its "to" is a preposition ("could deal a blow to the talks")
    toks = [t for t in content_toks(view, *f.content) if not t.punct]
    return any(t.low in ("te", "to") for t in toks[:8]) and not any(
        view.lex.is_(t.low, "comp") and t.low not in ("te", "to") for t in toks[:2])


def polarity(view: View, f: Frame, span: Optional[tuple[int, int]] = None,
             country: Optional[str] = None, mentions: Sequence[Mention] = ()) -> Optional[str]:
    """The polarity of frame ``f`` over its content (or ``span``, a part of it), or None when it
    is a refusal to speak ("wilde er niets over kwijt")."""
    a, b = span or f.content
    found = effects(view.lex, _outside_relatives(view, content_toks(view, a, b)))
    if "refusal" in found:
        return None
    base = base_polarity(view, f)
    if base is None:
        return None
    if f.hit is not None and base == "asserted" and f.hit.pattern.kind in ("copula", "stance", "locative"):
        return base
    if base != "asserted":
        return base
    nested = [h for h in _nested(view, f) if a <= view.toks[h.parts[0]].start < b]
    if "counterfactual" in found:
        return base  # "had al in december moeten opstappen": a reproach, not a demand
    if "deontic" in found or any(h.pattern.polarity == "demanded" for h in nested):
        return "demanded"
    if conditional(view, a, b):
        return "expected"
    if "future" in found or any(h.pattern.polarity == "expected" for h in nested):
        return "expected"  # "Kiev zal geen concessie doen": a negative prediction
    if "future_time" in found and _present_only(content_toks(view, a, b)):
        return "expected"  # "Zaterdag houdt Rusland een oefening": the present of a scheduled event
    if "denial" in found and not (f.hit is not None and f.hit.pattern.accuse) \
            or own_denial(view, a, b, country, mentions):
        return "denied"
    return base


def _present_only(toks) -> bool:
    """Whether the content has a present-tense finite verb and no past tense or participle."""
    # a present participle ("volgend jaar", "komende week") is no perfect tense
    tenses = {t.tense for t in toks if not (t.tense == "Part" and t.low.endswith(("end", "ende")))}
    return "Pres" in tenses and not tenses & {"Past", "Part"}


def _outside_relatives(view: View, toks) -> list[str]:
    """The content's words with relative clauses blanked: "een oorlog die morgen zou beginnen"
    describes the noun, its "zou" is no prediction of the speaker's."""
    words = [t.low for t in toks]
    n = 1
    while n < len(toks):
        t, prev = toks[n], toks[n - 1]
        if view.lex.is_(t.low, "relpron") and (prev.text == "," or prev.pos in ("NOUN", "PROPN")):
            while n < len(toks) and toks[n].text not in (",", ";", ":"):
                words[n] = ""
                n += 1
        n += 1
    return words


def _has_verb(toks) -> bool:
    return any(t.pos in ("VERB", "AUX") for t in toks)


def split_content(view: View, content: tuple[int, int]) -> list[tuple[int, int]]:
    """The content cut into coordinated clauses: at ";" and ":", at ", maar"/"but", at "en dat"/
    "and that", and (with POS) at "en"/"and" between two clauses that each have a verb."""
    toks = [t for t in content_toks(view, *content)]
    cuts: list[int] = []  # token positions (in toks) where a new clause starts
    for n, t in enumerate(toks[1:-1], 1):
        nxt, prev = toks[n + 1], toks[n - 1]
        if t.text in (";", ":"):
            cuts.append(n + 1)
        elif view.lex.is_(t.low, "contrast") and (prev.text == "," or view.lex.is_(nxt.low, "comp")):
            cuts.append(n)
        elif view.lex.is_(t.low, "conj") and view.lex.is_(nxt.low, "comp") and nxt.low not in ("te", "to"):
            cuts.append(n)
        elif view.lex.is_(t.low, "conj") and t.low in ("en", "and") and _has_verb(toks[n + 1:]) \
                and _has_verb(toks[max(0, (cuts[-1] if cuts else 0)):n]) \
                and any(x.pos in ("VERB", "AUX") for x in toks[n + 1:n + 4] + toks[n - 2:n]):
            cuts.append(n)
    spans, start = [], 0
    for c in cuts + [len(toks)]:
        part = [t for t in toks[start:c] if not t.punct]
        if len(part) >= 3:
            spans.append((toks[start].start, toks[c - 1].end))
        elif spans:
            spans[-1] = (spans[-1][0], toks[c - 1].end)
        start = c
    return spans or [content]
