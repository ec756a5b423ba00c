"""Actors in context: who is who in an article (issue 4).

``resolve(doc, article)`` returns one ``Mention`` per actor reference in the article's content
(teasers, captions, bylines and subheadings are skipped), in text order. One left-to-right pass
over the lexicon phrases that ``actors_match`` finds:

1. role phrases and appositions: "de Russische president Poetin", "NAVO-baas Jens Stoltenberg",
   "minister Hoekstra van Buitenlandse Zaken", "een woordvoerder van het Kremlin", "de Noorse
   secretaris-generaal" (a known holder of the role, else a descriptive person actor);
2. sector phrases: "Russische regeringsfunctionarissen" -> RUS GOV, "het leger van Oekraïne";
3. names, metonyms, demonyms and adjectives: "Rusland", "Moskou", "het Kremlin", "de Amerikanen";
4. unknown persons after a role word, or PER entities when the pipeline has NER, and later
   surname-only mentions of them;
5. pronouns and definite descriptions in speaker position ("Hij", "Het ministerie", "de
   alliantie"), resolved to the nearest compatible earlier actor, same paragraph first, and
   marked ``by_reference`` (``actors_refs``).

Person roles are taken at ``article.published.start`` (the interval start) when given.

>>> from signaal.records import Article
>>> from signaal.nlp import parse
>>> art = Article(id="a", text="Het Kremlin ontkent het. Hij zegt niets.", lang="nl")
>>> [m.actor.code for m in resolve(parse(art.text, "nl"), art)]  # doctest: +SKIP
['RUSGOV']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Optional

from .. import lexicon
from ..errors import LanguageNotSupported
from ..records import Actor, Article, Mention
from .actors_home import fill_home, home_country
from .actors_match import Match, finder, pieces
from .actors_refs import References
from .actors_registry import Entry, fold, registry, role_matches, slug
from .spans import evidence, sentences

EXTRACTOR = "signaal.actors.v1"
PERSON_LABELS = ("PER", "PERSON")


def _capitalised_word(ent) -> bool:
    """A one-word PER entity opening its sentence that the tagger reads as a common word
    ("Militante groeperingen ..."): capitalised by position, not a name."""
    tok = ent.doc[ent.start]
    return len(ent) == 1 and tok.is_sent_start and ent.doc.has_annotation("POS") and \
        tok.pos_ in ("ADJ", "NOUN", "VERB", "ADV", "DET", "PRON", "ADP")
# dependency labels (UD and ClearNLP) that put a noun outside speaker position
_CONF = {"person": 0.95, "institution": 0.95, "igo": 0.95, "name": 0.95, "abbrev": 0.9,
         "demonym": 0.85, "capital": 0.85, "adjective": 0.7}


@dataclass
class _Seen:
    """A mention already emitted, with what a later reference needs to know about it."""

    mention: Mention
    para: int
    locative: bool


class _Pass(References):
    """State of one left-to-right pass over one article."""

    def __init__(self, doc, article: Article, lang: str):
        self.reg, self.f = registry(lang), finder(lang)
        self.doc, self.article, self.text = doc, article, article.text
        self.day = article.published.start.date() if article.published else None
        self.sents = list(sentences(doc, article))
        self.sent_starts = [s for s, _ in self.sents]
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", article.text)]
        self.ps = pieces(doc, article.content_ranges())
        self.piece_at = {p.start: i for i, p in enumerate(self.ps)}
        self.matches = {m.i: m for m in self.f.find(self.ps)}
        preps = [ln.split("\t") for ln in lexicon.load(lang, "prepositions.txt")]
        self.preps = {p[0] for p in preps}
        self.locatives = {p[0] for p in preps if p[1:] == ["locative"]}
        self.genitives = {p[0] for p in preps if p[1:] == ["genitive"]}
        self.sources = [tuple(fold(p[0]).split()) for p in preps if p[1:] == ["source"]]
        particles = lexicon.load(lang, "name_particles.txt")
        self.particles = {w for w in particles if not w.endswith("+")}
        self.lead_particles = {w[:-1] for w in particles if w.endswith("+")}  # only before a particle
        self.dets = {fold(d) for d in self.f.determiners}
        self.topics = {fold(r["cue"]): r["ministry"] for r in lexicon.load(lang, "ministry_topics.tsv")}
        has_ner = doc.has_annotation("ENT_IOB")
        self.per_ents = {e.start_char: e for e in doc.ents if e.label_ in PERSON_LABELS
                         and not _capitalised_word(e)} if has_ner else {}
        self.has_dep = doc.has_annotation("DEP")
        self.seen: list[_Seen] = []
        self.surnames: dict[str, Actor] = {}
        self.described_ids: set[str] = set()

    # -- the pass ------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        k = 0
        while k < len(self.ps):
            m = self.matches.get(k)
            nk = self.at_match(m) if m else None
            k = max(nk if nk is not None else self.at_piece(k), k + 1)
        out = sorted((s.mention for s in self.seen), key=lambda m: m.evidence.start_char)
        return fill_home(out, home_country(out, self.reg.is_igo), self.reg.code_for)

    def at_match(self, m: Match) -> Optional[int]:
        if m.aliases:
            e = self.reg.best(m.aliases, self.day)
            org = self.modifier(e)
            if org is not None:
                n = self.next_match(m.j)
                if n is not None and n.role and (self.name_follows(n.j) or not n.sector):
                    return self.role_phrase(m.start, n, org)
                if n is not None and n.sector:
                    return self.sector_phrase(m.start, n, org)
            actor = self.reg.entry_actor(e, self.day)
            self.emit(m.start, m.end, actor, _CONF.get(e.type, 0.8))
            if e.type == "person":
                self.surnames[fold(self.ps[m.j - 1].text)] = actor
            return m.j
        if m.role:
            nk = self.role_phrase(m.start, m, None)
            if nk is not None:
                return nk
        if m.sector:
            # "de regering in Kiev" is Ukraine's; "troepen in/naar Belarus" are usually someone else's
            org, end = self.of_alias(m.j, locative_ok=m.sector["sector"] != "MIL")
            if org is not None and org.country:
                return self.sector_phrase(m.start, m, org, end)
        if m.refs:
            return self.reference(m)
        return None

    def at_piece(self, k: int) -> int:
        """No lexicon phrase at piece k: a PER entity, or the surname of a person seen before."""
        p = self.ps[k]
        ent = self.per_ents.get(p.start)
        if ent is not None:
            end = k
            while end < len(self.ps) and self.ps[end].start < ent.end_char:
                end += 1
            if any(i in self.matches for i in range(k + 1, end)):
                return k + 1  # the lexicon knows part of it ("Kremlinwoordvoerder Peskov")
            last = fold(ent.text.split()[-1])
            actor = self.surnames.get(last) or self.apposition(k, ent.text) or self.unknown_person(
                ent.text, self.context_org(k) or self.context_state(p.start))
            self.surnames[last] = actor
            self.emit(p.start, self.ps[end - 1].end, actor, 0.6)
            return end
        if p.text[:1].isupper() and p.norm in self.surnames:
            self.emit(p.start, p.end, self.surnames[p.norm], 0.7)
        return k + 1

    # -- phrases -------------------------------------------------------------------------------
    def modifier(self, e: Entry) -> Optional[Actor]:
        """The organisation an alias names when it modifies a role or sector word."""
        if e.type in ("adjective", "name", "abbrev", "capital"):
            # a capital may stand for an IGO seated there ("Brussel" = the EU)
            return self.reg.actor(e.actor) if self.reg.is_igo(e.actor) else self.reg.state(e.actor)
        if e.type in ("igo", "institution"):
            return self.reg.actor(e.actor)
        return None

    def next_match(self, j: int) -> Optional[Match]:
        """The phrase right after piece j, across a hyphen ("NAVO-baas") or a possessive."""
        for skip in (0, 1):
            m = self.matches.get(j + skip)
            if m is not None and (skip == 0 or self.ps[j].text in ("-", "'s", "’s")):
                return m
        return None

    def name_follows(self, k: int) -> bool:
        return self.name_at(k, None, None)[0] is not None

    def role_phrase(self, start: int, n: Match, org: Optional[Actor]) -> Optional[int]:
        """Role word with its organisation, name or both; None when it stands alone."""
        actor, end = self.name_at(n.j, org, n.role)
        if actor is not None:
            self.emit(start, self.ps[end - 1].end, actor, 0.9)
            return end
        end = n.j
        if org is None:
            org, end = self.of_alias(n.j)
            if org is None:
                return None
        actor, by_ref = self.role_holder(org, n.role)
        self.emit(start, self.ps[end - 1].end, actor, 0.75 if by_ref else 0.8, by_ref)
        return end

    def sector_phrase(self, start: int, n: Match, org: Actor, end: Optional[int] = None) -> int:
        row = n.sector
        actor = self.reg.sector_actor(org.country, row["sector"], row["name"], row["kind"])
        end = end or n.j
        self.emit(start, self.ps[end - 1].end, actor, 0.85)
        return end

    def of_alias(self, k: int, locative_ok: bool = False) -> tuple[Optional[Actor], int]:
        """'van [het] Kremlin' after a role or sector word: the organisation and the end piece."""
        ok = self.genitives | (self.locatives if locative_ok else set())
        if k >= len(self.ps) or self.ps[k].norm not in ok:
            return None, k
        k2 = k + 1 + (k + 1 < len(self.ps) and self.ps[k + 1].norm in self.dets)
        m = self.matches.get(k2)
        if m is None or not m.aliases:
            return None, k
        org = self.modifier(self.reg.best(m.aliases, self.day))
        return (org, m.j) if org is not None else (None, k)

    def name_at(self, k: int, org: Optional[Actor], role: Optional[dict]):
        """A person named at piece k: a known one, or a capitalised name (unknown person)."""
        m = self.matches.get(k)
        if m is not None and m.aliases:
            e = self.reg.best(m.aliases, self.day)
            return (self.reg.person(e.actor, self.day), m.j) if e.type == "person" else (None, k)
        words, j = [], k
        while j < len(self.ps) and len(words) < 5 and not self.matches.get(j):
            p = self.ps[j]
            glued = j + 1 < len(self.ps) and self.ps[j + 1].start == p.end
            if p.text[:1].isupper() and p.text[:1].isalpha():
                words.append(j)
            elif not (words and (self.particle(j) or (p.text == "-" and glued))
                      and self.name_goes_on(j + 1)):
                break
            j += 1
        if not words or role is None:
            return None, k
        ends = [w + 1 for w in words]
        end = next((e for e in ends if self.portfolio(role, e)[1] > e), ends[-1])
        name = self.text[self.ps[k].start:self.ps[end - 1].end]
        last, end_name = fold(self.ps[end - 1].text), end
        role, end = self.portfolio(role, end)
        known = None if org is not None or end_name - k > 1 else self.reg.role_surname(name, role["role"], self.day)
        if known is not None:
            return self.reg.person(known, self.day), end
        org = org or self.bracketed_org(end) or self.context_state(self.ps[k].start) or \
            self.body_before(self.ps[k].start, role)
        actor = self.unknown_person(name, org, role)
        self.surnames[last] = actor
        return actor, end

    def particle(self, j: int) -> bool:
        """Whether piece j is a name particle ("van", "'t"; "in" only before another: "in 't Veld")."""
        norm = self.ps[j].norm
        return norm in self.particles or (norm in self.lead_particles and j + 1 < len(self.ps)
                                          and self.ps[j + 1].norm in self.particles)

    def name_goes_on(self, j: int) -> bool:
        """Whether a capitalised name part follows at piece j, after more particles ("van den Oever")."""
        while j < len(self.ps) and self.particle(j):
            j += 1
        return j < len(self.ps) and self.ps[j].text[:1].isupper()

    def portfolio(self, role: dict, end: int) -> tuple[dict, int]:
        """'minister Hoekstra van Buitenlandse Zaken': the role form continued after the name."""
        head = tuple(fold(w) for w in role["form"].split())
        for n in (3, 2, 1):
            tail = tuple(p.norm for p in self.ps[end:end + n + 1])
            row = self.reg.roles.get(" ".join(head + tail))
            if row and len(tail) == n + 1:
                return row, end + n + 1
        return role, end

    def unknown_person(self, name: str, org: Optional[Actor], role: Optional[dict] = None) -> Actor:
        country = org.country if org else None
        sector = None if not country or self.reg.is_igo(country) else (
            (org.sector if org and org.sector else None) or (role or {}).get("sector") or None)
        return Actor(id=f"person:{slug(name)}", name=name, kind="person", country=country,
                     sector=sector, code=self.reg.code_for(country, sector),
                     role=(role or {}).get("role") or None)

    def bracketed_org(self, end: int) -> Optional[Actor]:
        """"Sophie in 't Veld (D66)": a party or organisation in brackets right after a name."""
        if end + 2 < len(self.ps) and self.ps[end].text == "(":
            m = self.matches.get(end + 1)
            if m is not None and m.aliases and m.j < len(self.ps) and self.ps[m.j].text == ")":
                return self.modifier(self.reg.best(m.aliases, self.day))
        return None

    def context_state(self, start: int) -> Optional[Actor]:
        """The nearest state or government named earlier in the sentence, not as a place
        ("De Russische delegatie, geleid door viceminister X": X is Russian)."""
        s = bisect.bisect_right(self.sent_starts, start) - 1
        lo = self.sents[s][0] if s >= 0 else 0
        for seen in reversed(self.seen):
            m = seen.mention
            if m.evidence.start_char < lo:
                break
            a = m.actor
            if m.evidence.end_char <= start and not seen.locative and a.country \
                    and not self.reg.is_igo(a.country) and a.kind in ("state", "government", "military"):
                return a
        return None

    def body_before(self, start: int, role: dict) -> Optional[Actor]:
        """"Het Chinese ministerie ... ontbood de ambassadeur. Onderminister Xie Feng ...": an
        official of a sector is of the body of that sector the sentence before named."""
        s = bisect.bisect_right(self.sent_starts, start) - 1
        if s < 1 or not role.get("sector"):
            return None
        lo, para = self.sents[s - 1][0], self.para(start)
        # a ministry, not a whole government ("het Kremlin"): its officials are named with their country
        return next((seen.mention.actor for seen in reversed(self.seen)
                     if lo <= seen.mention.evidence.start_char < start and seen.para == para
                     and seen.mention.actor.kind == "government" and seen.mention.actor.sector == role["sector"]
                     and "Ministry" in seen.mention.actor.name), None)

    def apposition(self, k: int, name: str) -> Optional[Actor]:
        """"De Amerikaanse ambassadeur bij de OVSE, Michael Carpenter": the name takes the role
        description it stands in apposition to, and that mention now names the person."""
        if k < 1 or self.ps[k - 1].text != ",":
            return None
        comma = self.ps[k - 1].start
        s = bisect.bisect_right(self.sent_starts, comma) - 1
        lo = self.sents[s][0] if s >= 0 else 0
        for idx in range(len(self.seen) - 1, -1, -1):
            seen = self.seen[idx]
            m = seen.mention
            if m.evidence.start_char < lo or comma - m.evidence.end_char > 40:
                return None
            if m.actor.id in self.described_ids:
                a = m.actor
                person = Actor(id=f"person:{slug(name)}", name=name, kind="person", country=a.country,
                               sector=a.sector, code=a.code, role=a.role)
                seen.mention = replace(m, actor=person)
                return person
        return None

    def context_org(self, k: int) -> Optional[Actor]:
        """The country an adjective right before piece k gives ("de Franse diplomaat X")."""
        for back in (1, 2):
            m = self.matches.get(k - back)
            if m is not None and m.j >= k - 1 and m.aliases:
                return self.modifier(self.reg.best(m.aliases, self.day))
        return None

    def role_holder(self, org: Actor, role: dict) -> tuple[Actor, bool]:
        """Who holds ``role`` for ``org``: a person named before, the one holder, or a description."""
        country, wanted = org.country, role["role"]
        for s in reversed(self.seen):
            a = s.mention.actor
            if a.kind == "person" and a.role and role_matches(a.role, wanted) and (
                    a.country == country or self.nationality(a) == country):
                return a, True
        holders = self.reg.holders(country, wanted, self.day)
        if len(holders) == 1 and org.kind in ("state", "igo"):
            return self.reg.person(holders[0], self.day), False
        base = self.reg.adjective(country) if org.kind == "state" else org.name
        return self.described(f"{base} {wanted}", org, role.get("sector") or None, wanted), False

    def described(self, name: str, org: Actor, sector: Optional[str], role: str) -> Actor:
        sector = org.sector or (None if self.reg.is_igo(org.country) else sector)
        self.described_ids.add(f"person:{slug(name)}")
        return Actor(id=f"person:{slug(name)}", name=name, kind="person", country=org.country,
                     sector=sector, code=self.reg.code_for(org.country, sector), role=role)

    def nationality(self, a: Actor) -> Optional[str]:
        try:
            return self.reg.nationality(a.id)
        except KeyError:
            return None

    # -- output --------------------------------------------------------------------------------
    def para(self, start: int) -> int:
        return bisect.bisect_right(self.para_starts, start) - 1

    def emit(self, start: int, end: int, actor: Actor, conf: float, by_ref: bool = False) -> None:
        s = bisect.bisect_right(self.sent_starts, start) - 1
        s_start, s_end = self.sents[s] if s >= 0 and self.sents[s][1] >= end else (start, end)
        k = self.piece_at.get(start, 0)
        loc = k > 0 and self.ps[k - 1].norm in self.locatives
        mention = Mention(evidence=evidence(self.article, start, end, s_start, s_end), actor=actor,
                          confidence=conf, by_reference=by_ref, extractor=EXTRACTOR)
        self.seen.append(_Seen(mention, self.para(start), loc))


def resolve(doc, article: Article) -> list[Mention]:
    """Every actor mention in the content of ``article`` (``doc`` = its parsed text), in order."""
    lang = article.lang or doc.lang_
    if lang not in ("nl", "en"):
        raise LanguageNotSupported(lang)
    return _Pass(doc, article, lang).run()


__all__ = ["EXTRACTOR", "home_country", "resolve", "registry"]
