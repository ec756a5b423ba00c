"""Who is speaking: the speaker span found by the rules, turned into named sources.

Order of preference inside a speaker span: actor mentions from ``actors.resolve`` (a person
first; coordinated mentions give one speaker each; a role word like "woordvoerder" turns an
organisation into "<organisation> spokesperson"), then pronouns and definite role descriptions
resolved to an earlier speaker, then descriptive groups from ``collective_sources.tsv``, then a
capitalised name as written. A span with none of these is no identifiable speaker: no claim.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from text_to_num import text2num

from ..records import Mention
from .actors_registry import registry, role_matches
from .claims_lex import Lex, phrase_at
from .claims_text import Tok, View

WINDOW = 4  # sentences back in which a pronoun or role description finds its speaker
PRONOUN_WINDOW = 2  # sentences back in which a pronoun continues the last claim's speaker


@dataclass(frozen=True)
class Speaker:
    """A claim source: canonical name, code, and the characters that name it."""

    name: str
    country: Optional[str]
    code: Optional[str]
    kind: str
    start: int
    end: int
    via: tuple[str, ...] = ()
    role: Optional[str] = None  # the person's role when the actor layer knows it


@dataclass
class Context:
    """Speakers found so far (sentence index, speakers), for pronouns and role descriptions;
    ``home`` is the article's home country (``actors_home``) for domestic groups and bare names."""

    history: list
    home: Optional[str] = None

    def recent(self, sent_no: int, person: Optional[bool], window: int = WINDOW) -> list[Speaker]:
        """The latest speaker group within ``window`` sentences, filtered by person-ness."""
        return self.recent_at(sent_no, person, window)[1]

    def recent_at(self, sent_no: int, person: Optional[bool], window: int = WINDOW):
        """(sentence index, speakers) of the latest fitting speaker group; (-1, []) when none."""
        for k, group in reversed(self.history):
            if sent_no - k > window:
                break
            if k > sent_no:
                continue
            fit = [s for s in group if person is None or (s.kind in ("person", "unknown")) == person]
            if fit:
                return k, fit
        return -1, []


def np_end(view: View, j: int, hi: int) -> int:
    """End (exclusive) of the noun phrase starting at token ``j``; ``j`` when there is none."""
    toks, lex = view.toks, view.lex
    stops = ("aux", "adv", "time", "sub", "comp", "reladv", "relpron", "anaphor")
    k, last = j, j
    while k < hi and k - j < 10:
        t = toks[k]
        if t.quote:
            k += 1
            continue
        if t.punct and t.text != ",":
            break
        if t.low in lex.negations or (t.pos in ("VERB", "AUX", "ADV", "SCONJ") and t.tense != "Attr"):
            break
        if t.text == "," or lex.is_(t.low, "conj"):  # coordination: "X, Y en Z"
            if k + 1 < hi and (toks[k + 1].text[:1].isupper() or lex.is_(toks[k + 1].low, "det")) \
                    and (t.text != "," or _list_goes_on(view, k + 1, hi)):
                k += 1
                continue
            break
        if lex.is_(t.low, "prep") and not (t.low in ("van", "of") and last > j):
            break
        if any(lex.is_(t.low, c) for c in stops) and not lex.is_(t.low, "det"):
            break
        if lex.is_(t.low, "pron"):
            return k + 1 if k == j else last
        k += 1
        last = k
    return last


def _list_goes_on(view: View, k: int, hi: int) -> bool:
    """After a comma: does a conjunction follow before the next punctuation ("X, Y en Z")?"""
    for t in view.toks[k:min(hi, k + 6)]:
        if view.lex.is_(t.low, "conj"):
            return True
        if t.punct and t.text != ",":
            return False
    return False


def _mentions_in(mentions: Sequence[Mention], a: int, b: int) -> list[Mention]:
    return sorted((m for m in mentions if m.evidence.start_char < b and a < m.evidence.end_char),
                  key=lambda m: m.evidence.start_char)


def _between_ok(view: View, a: int, b: int) -> bool:
    """Whether text between two coordinated mentions is only separators and determiners, with at
    least one separator (adjacent mentions are one phrase: "de Russische VN-ambassadeur X")."""
    lex = view.lex
    between = view.toks[view.token_at(a):view.token_at(b)]
    for t in between:
        if not (t.text == "," or t.quote or lex.is_(t.low, "conj") or lex.is_(t.low, "det")):
            return False
    return any(t.text == "," or lex.is_(t.low, "conj") for t in between)


def _units(view: View, toks: Sequence[Tok]) -> list[tuple[str, int, int]]:
    """Words as written: tokens joined when no space separates them (NAVO - baas → NAVO-baas)."""
    out: list[list] = []
    for t in toks:
        if t.quote:
            continue
        if out and out[-1][2] == t.start and (t.text == "-" or out[-1][0].endswith("-")):
            out[-1][0] += t.text
            out[-1][2] = t.end
        else:
            out.append([t.text, t.start, t.end])
    return [(w, a, b) for w, a, b in out]


def _split_compounds(words: Sequence[str]) -> list[str]:
    """Compounds split at hyphens (NAVO-diplomaten → navo, diplomaten)."""
    return [p for w in words for p in w.split("-") if p]


def collective(lex: Lex, words: Sequence[str]) -> Optional[tuple[str, Optional[str], bool, int, bool]]:
    """The collective/role entry in the span's words (whole or hyphen parts):
    (name, code, role, pos, domestic)."""
    best = None
    for ws in (list(words), _split_compounds(words)):
        for ph, name, code, role, domestic in lex.collectives:
            for i in range(len(ws) - len(ph) + 1):
                if phrase_at(ws, i, ph) and (best is None or len(ph) > best[5]):
                    best = (name, code, role, i, domestic, len(ph))
        if best is not None:
            break
    return None if best is None else best[:5]


def _newer_subject(view: View, ms, mentions, prior: Speaker, at: int) -> bool:
    """Whether the actor layer's antecedent of the pronoun was named as a sentence subject after
    the last claim's speaker ("Zelensky toonde zich voorzichtiger. Hij zei ...")."""
    ref = next((m for m in ms if m.by_reference and m.actor.kind == "person"), None)
    if ref is None or ref.actor.name == prior.name:
        return False
    last = max((m for m in mentions if m.actor.id == ref.actor.id and not m.by_reference
                and m.evidence.end_char <= at), key=lambda m: m.evidence.start_char, default=None)
    if last is None or last.evidence.start_char <= prior.start:
        return False
    start = last.evidence.start_char
    sent = next((s for s in view.sents if s.start <= start < s.end), None)
    if sent is None:
        return False
    if sent.start > prior.end and not any(m.actor.kind == "person" and sent.start <= m.evidence.start_char < start
                                          for m in mentions):
        return True  # the first person named in a later sentence: "hield president Zelensky een toespraak"
    before = [t for t in view.toks[sent.lo:view.token_at(start)] if not t.quote]
    return len(before) <= 5 and not any(t.pos in ("VERB", "AUX") or t.text == "," for t in before)


def _paragraph_person(view: View, mentions: Sequence[Mention], sent_no: int, at: int) -> Optional[Mention]:
    """The last person named (not by reference) earlier in the pronoun's paragraph."""
    para = view.sents[sent_no].para
    lo = min(s.start for s in view.sents if s.para == para)
    return max((m for m in mentions if m.actor.kind == "person" and not m.by_reference
                and lo <= m.evidence.start_char and m.evidence.end_char <= at),
               key=lambda m: m.evidence.start_char, default=None)


def _group_size(lex: Lex, words: Sequence[str]) -> tuple[int, str]:
    """"Beide ministers" -> (2, "ministers"), "De vier" -> (4, ""); (0, "") when not a group reference."""
    words = [w for w in words if not lex.is_(w, "det") or lex.is_(w, "both")]
    if not words or len(words) > 2:
        return 0, ""
    head = words[1] if len(words) == 2 else ""
    if lex.is_(words[0], "both"):
        return 2, head
    try:
        n = text2num(words[0], lex.lang)
    except ValueError:
        return 0, ""
    return (n, head) if 2 <= n <= 6 else (0, "")


def _group_reference(view: View, words: Sequence[str], mentions: Sequence[Mention], sent_no: int,
                     at: int) -> list[Mention]:
    """"Beide ministers" / "De vier": the N distinct actors named in the two sentences before (persons
    when the head noun is a person noun), or [] when there are not exactly that many."""
    n, head = _group_size(view.lex, words)
    if not n:
        return []
    para = view.sents[sent_no].para
    lo = min((s.start for s in view.sents[max(0, sent_no - 2):sent_no + 1] if s.para == para), default=at)
    persons = bool(head) and view.lex.is_(head, "person_plural")
    out: list[Mention] = []
    for m in sorted((m for m in mentions if lo <= m.evidence.start_char and m.evidence.end_char <= at
                     and not m.by_reference and (m.actor.kind == "person") == persons
                     and m.actor.kind in ("person", "state", "igo")),
                    key=lambda m: m.evidence.start_char):
        if all(o.actor.id != m.actor.id for o in out):
            out.append(m)
    return out if len(out) == n else []


def _named(m: Mention, a: int, b: int) -> Speaker:
    act = m.actor
    return Speaker(act.name, act.country, act.code, act.kind, a, b, role=act.role)


def resolve(view: View, lo: int, hi: int, mentions: Sequence[Mention], ctx: Context,
            sent_no: int) -> list[Speaker]:
    """The speakers named by tokens [lo, hi) (one per coordinated name); [] when none is identifiable."""
    toks = [t for t in view.toks[lo:hi] if not t.quote]
    while toks and (toks[-1].punct or toks[0].punct):
        toks = toks[:-1] if toks[-1].punct else toks[1:]
    if not toks:
        return []
    lex = view.lex
    a, b = toks[0].start, toks[-1].end
    units = _units(view, toks)
    written = [u[0] for u in units if u[0] != ","]
    words = [w.lower() for w in written]
    if written and written[-1].islower() and lex.is_(words[-1], "nonspeaker"):
        # "volgens de Britse methode": a method or a rule, whatever country it names ("volgens De
        # Standaard", a capitalised name, still speaks)
        return []
    group = collective(lex, words)
    ms = _mentions_in(mentions, a, b)
    if not ms:
        grouped = _group_reference(view, [t.low for t in toks], mentions, sent_no, a)
        if grouped:
            return [_named(m, a, b) for m in grouped]
    if len(toks) == 1 and lex.is_(toks[0].low, "pron"):
        # speaker tracking: a pronoun right after a claim continues its speaker, which beats the
        # nearest person the actor layer saw ("Hoekstra zei ... Ook de Russische ambassadeur ... Hij wil")
        singular = lex.is_(toks[0].low, "singular")
        person = False if lex.is_(toks[0].low, "neuter") else (True if singular else None)
        k, prior = ctx.recent_at(sent_no, person, PRONOUN_WINDOW)
        if prior and view.sents[k].para == view.sents[sent_no].para and (not singular or len(prior) == 1) \
                and not _newer_subject(view, ms, mentions, prior[0], a):
            return [replace(s, start=a, end=b, via=()) for s in prior]
    if ms and _longer_name(units, ms):
        return _split_names(view, units)  # "Iran Human Rights": an organisation named after a state
    if ms:
        if len(ms) > 1 and all(_between_ok(view, x.evidence.end_char, y.evidence.start_char)
                               for x, y in zip(ms, ms[1:])):
            return _dedupe([_named(m, m.evidence.start_char, m.evidence.end_char) for m in ms])
        # the head of a Dutch/English noun phrase stands last: "Demissionair premier Rutte"
        person = next((m for m in reversed(ms) if m.actor.kind == "person"), None)
        if person is not None:
            return [_named(person, a, b)]
        m = ms[0]
        sp = _named(m, a, b)
        if group and collective(lex, m.evidence.text.lower().split()) is None:
            base = registry(lex.lang).adjective(m.actor.country) if m.actor.kind == "state" else m.actor.name
            if lex.lang == "en" and m.evidence.text.isupper():
                base = m.evidence.text  # "ECB staff": the level of detail the English text gives
            sp = replace(sp, name=f"{base} {group[0]}", kind="group" if not group[2] else "role")
        return [sp]
    if len(toks) == 1 and lex.is_(toks[0].low, "pron"):
        k, prior = ctx.recent_at(sent_no, False if lex.is_(toks[0].low, "neuter") else None)
        named = None if lex.is_(toks[0].low, "neuter") else _paragraph_person(view, mentions, sent_no, a)
        if named is not None and (k < 0 or view.sents[k].para != view.sents[sent_no].para):
            return [_named(named, a, b)]  # "Minister X sloot zich aan. '...', zei ze."
        return [replace(s, start=a, end=b, via=()) for s in prior]
    if group is not None:
        name, code, role, _, domestic = group
        code = code or (ctx.home if domestic else None)
        if role:
            definite = toks[0].low in ("de", "het", "the", "deze", "this")
            if name == "spokesperson":
                orgs = ctx.recent(sent_no, False)
                if orgs:
                    o = orgs[0]
                    return [Speaker(f"{o.name} spokesperson", o.country, o.code, "role", a, b)]
            elif definite:
                person_role = name in ("minister", "president", "prime minister", "secretary-general",
                                       "ambassador", "official", "diplomat", "mayor")
                prior = ctx.recent(sent_no, person_role)
                former = any(w.startswith(("oud-", "ex-", "voormalig")) or w == "former" for w in words)
                if prior and person_role and prior[0].role and not former \
                        and not role_matches(prior[0].role, name) and not role_matches(name, prior[0].role):
                    prior = []  # "volgens de burgemeester" after a spokesperson: someone else
                if prior:
                    return [replace(prior[0], start=a, end=b, via=())]
        return [Speaker(name, code, None, "group", a, b)]
    if any(u[0][:1].isupper() for u in units) and all(
            u[0][:1].isupper() or u[0] == "," or lex.is_(u[0].lower(), "det") or lex.is_(u[0].lower(), "conj")
            for u in units):
        return [replace(sp, country=ctx.home) for sp in _split_names(view, units)]
    tail = _appositive_name(view, units)
    if tail:  # "the activist news agency HRANA": the name closing a description
        return _split_names(view, tail)
    return []


def _appositive_name(view: View, units) -> list:
    """The capitalised name that ends a lower-case description opened by a determiner."""
    words = [u for u in units if u[0] != ","]
    k = len(words)
    while k > 0 and words[k - 1][0][:1].isupper():
        k -= 1
    if 2 <= k < len(words) and view.lex.is_(words[0][0].lower(), "det") \
            and all(u[0].islower() for u in words[1:k]):
        return words[k:]
    return []


def _longer_name(units, ms: Sequence[Mention]) -> bool:
    """Whether a single state mention opens a longer capitalised name ("Iran Human Rights")."""
    if len(ms) != 1 or ms[0].actor.kind != "state":
        return False
    words = [u for u in units if u[0] != ","]
    after = [u for u in words if u[1] >= ms[0].evidence.end_char]
    return bool(words) and words[0][1] == ms[0].evidence.start_char and len(after) >= 2 \
        and all(u[0][:1].isupper() for u in words)


def _split_names(view: View, units: Sequence[tuple[str, int, int]]) -> list[Speaker]:
    """Capitalised names as written, one speaker per coordinated part ("GroenLinks en de SP")."""
    out, cur = [], []
    for u in list(units) + [None]:
        if u is None or u[0] == "," or view.lex.is_(u[0].lower(), "conj"):
            name = [x for x in cur if not view.lex.is_(x[0].lower(), "det")]
            if name:
                out.append(Speaker(" ".join(x[0] for x in name), None, None, "unknown",
                                   name[0][1], name[-1][2]))
            cur = []
        else:
            cur.append(u)
    return _dedupe(out)


def _dedupe(speakers: list[Speaker]) -> list[Speaker]:
    seen, out = set(), []
    for s in speakers:
        if s.name not in seen:
            seen.add(s.name)
            out.append(s)
    return out
