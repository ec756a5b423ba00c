"""The actor registry: every named actor of a language's lexicon, looked up by surface form.

Built from ``lexicon/<lang>/`` (countries, country_forms, capitals, igos, institutions, people,
sectors, roles, aliases); canonical names always come from the English files, so an actor has
the same name whichever language mentioned it. Persons resolve to the role valid on a date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..errors import ConfigError
from ..records import Actor

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-", "‑": "-"})


@lru_cache(maxsize=65536)  # news repeats its words; folding is the hot path of matching
def fold(text: str) -> str:
    """Lower case without diacritics, one apostrophe and hyphen: 'Oekraïne' -> 'oekraine'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    """An id-safe slug: 'Jens Stoltenberg' -> 'jens-stoltenberg'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@dataclass(frozen=True)
class Entry:
    """One surface form of a named actor: ``type`` is name|abbrev|adjective|demonym|capital|
    igo|institution|person (from aliases.tsv alone: the CoNLL label)."""

    form: str
    actor: str
    type: str


@dataclass(frozen=True)
class Role:
    """One period of a person's role (``valid_to`` exclusive; None = open)."""

    country: str
    role: Optional[str]
    sector: Optional[str]
    valid_from: Optional[Date]
    valid_to: Optional[Date]

    def valid(self, day: Date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to)


def _date(cell: str, where: str) -> Optional[Date]:
    if not cell:
        return None
    try:
        return Date.fromisoformat(cell)
    except ValueError as exc:
        raise ConfigError(f"lexicon {where}: bad date {cell!r}; write YYYY-MM-DD") from exc


class Registry:
    """Actors of one language: ``lookup(surface, date)`` and ``actor(id, date)``."""

    def __init__(self, lang: str):
        self.lang = lang
        self.entries: dict[str, list[Entry]] = {}
        self._states: dict[str, str] = {}  # iso3 -> English name
        self._adjective: dict[str, str] = {}  # iso3 / IGO -> English adjective or name
        self._igos: dict[str, tuple[str, str]] = {}  # id -> (name, code)
        self._institutions: dict[str, dict] = {}
        self._people: dict[str, tuple[str, list[Role]]] = {}
        self.sectors: dict[str, dict] = {}  # folded form -> row (lang)
        self._sector_names: dict[str, str] = {}  # slug(name) -> English name part
        self._sector_default: dict[str, tuple[str, str]] = {}  # sector -> (name part, kind)
        self.roles: dict[str, dict] = {}  # folded form -> row
        self.determiners = set(lexicon.load(lang, "determiners.txt"))
        self._load_english()
        self._load_forms(lang)

    # -- loading -------------------------------------------------------------------------------
    def _load_english(self) -> None:
        for r in lexicon.load("en", "countries.tsv"):
            self._states[r["iso3"]] = r["name"]
        for r in lexicon.load("en", "country_forms.tsv"):
            adj = split(r["adjectives"])
            if adj and r["iso3"] not in self._adjective:
                self._adjective[r["iso3"]] = adj[0]
        for r in lexicon.load("en", "igos.tsv"):
            self._igos[r["id"]] = (r["name"], r["code"])
            self._adjective.setdefault(r["id"], r["name"])
        for r in lexicon.load("en", "institutions.tsv"):
            self._institutions[r["id"]] = r
        for r in lexicon.load("en", "sectors.tsv"):
            self._sector_names.setdefault(slug(r["name"]), r["name"])
            self._sector_default.setdefault(r["sector"], (r["name"], r["kind"]))
        for i, r in enumerate(lexicon.load("en", "people.tsv"), 2):
            name, roles = self._people.setdefault(r["id"], (r["name"], []))
            where = f"en/people.tsv row {i} ({r['id']})"
            roles.append(Role(r["country"], r["role"] or None, r["sector"] or None,
                              _date(r["valid_from"], where), _date(r["valid_to"], where)))

    def _add(self, form: str, actor: str, kind: str) -> None:
        lst = self.entries.setdefault(fold(form), [])
        if not any(e.actor == actor and e.form == form for e in lst):
            lst.append(Entry(form, actor, kind))

    def _load_forms(self, lang: str) -> None:
        for r in lexicon.load(lang, "countries.tsv"):
            self._add(r["name"], r["iso3"], "name")
            if r["official"] and "," not in r["official"]:
                self._add(r["official"], r["iso3"], "name")
        for r in lexicon.load(lang, "country_forms.tsv"):
            for f in split(r["names"]):
                self._add(f, r["iso3"], "abbrev" if f.isupper() else "name")
            for f in split(r["adjectives"]):
                self._add(f, r["iso3"], "adjective")
            for f in split(r["demonyms"]):
                self._add(f, r["iso3"], "demonym")
        for r in lexicon.load(lang, "capitals.tsv"):
            self._add(r["form"], r["iso3"], "capital")
        for fname, kind in (("igos.tsv", "igo"), ("institutions.tsv", "institution"),
                            ("people.tsv", "person")):
            for r in lexicon.load(lang, fname):
                for f in split(r["forms"]):
                    self._add(f, r["id"], kind)
        # user rows in aliases.tsv (SIGNAAL_LEXICON_PATH) that the source files do not have
        label_kind = {"PER": "person", "ORG": "institution", "LOC": "name", "MISC": "adjective"}
        for r in lexicon.load(lang, "aliases.tsv"):
            if not any(e.actor == r["actor"] for e in self.entries.get(fold(r["alias"]), ())):
                self._add(r["alias"], r["actor"], label_kind.get(r["label"], "name"))
        for r in lexicon.load(lang, "sectors.tsv"):
            self.sectors.setdefault(fold(r["form"]), r)
        for r in lexicon.load(lang, "roles.tsv"):
            self.roles.setdefault(fold(r["form"]), r)

    # -- actors --------------------------------------------------------------------------------
    def is_igo(self, code: Optional[str]) -> bool:
        return code in self._igos

    def code_for(self, country: Optional[str], sector: Optional[str] = None) -> Optional[str]:
        """CAMEO-style composite code: RUS + GOV -> RUSGOV, NATO -> IGONATO."""
        if not country:
            return None
        base = self._igos[country][1] if country in self._igos else country
        return base + (sector or "")

    def adjective(self, country: str) -> str:
        """English adjective for a country or IGO ('Russian', 'NATO')."""
        return self._adjective.get(country) or self._states.get(country, country)

    def state(self, iso3: str) -> Actor:
        return Actor(id=iso3, name=self._states[iso3], kind="state", country=iso3, code=iso3)

    def sector_actor(self, country: str, sector: str, part: Optional[str] = None,
                     kind: Optional[str] = None) -> Actor:
        """A country's sectoral actor: ('RUS', 'GOV', 'Defence Ministry') -> Russian Defence Ministry."""
        dpart, dkind = self._sector_default.get(sector, (sector, "government"))
        part = part or dpart
        sid = f"{country}{sector}" + ("" if part == dpart else f"-{slug(part)}")
        return Actor(id=sid, name=f"{self.adjective(country)} {part}", kind=kind or dkind,
                     country=country, sector=sector, code=self.code_for(country, sector))

    def person(self, pid: str, day: Optional[Date] = None) -> Actor:
        """A known person with the role valid on ``day`` (no date: the open role, if any)."""
        name, roles = self._people[pid]
        role = self.role_of(pid, day)
        return Actor(id=pid, name=name, kind="person", country=role.country, sector=role.sector,
                     code=self.code_for(role.country, role.sector), role=role.role)

    def role_of(self, pid: str, day: Optional[Date]) -> Role:
        roles = self._people[pid][1]
        held = [r for r in roles if r.role and (r.valid(day) if day else r.valid_to is None
                                                and r.valid_from is not None)]
        if held:
            return max(held, key=lambda r: r.valid_from or Date.min)
        base = [r for r in roles if not r.role]
        return base[0] if base else Role(roles[0].country, None, None, None, None)

    def holders(self, country: Optional[str], role: str, day: Optional[Date]) -> list[str]:
        """Ids of people holding ``role`` (exactly, or as '<x> role') for ``country`` on ``day``."""
        out = []
        for pid in self._people:
            r = self.role_of(pid, day)
            if r.role and (country is None or r.country == country) and role_matches(r.role, role):
                out.append(pid)
        return out

    def role_surname(self, surname: str, role: str, day: Optional[Date]) -> Optional[str]:
        """The one person holding ``role`` on ``day`` whose name ends in ``surname`` ("minister
        Blok": a surname too common a word to be a form of its own is known after its role)."""
        want = fold(surname)
        found = [pid for pid in self.holders(None, role, day) if fold(self._people[pid][0].split()[-1]) == want]
        return found[0] if len(found) == 1 else None

    def nationality(self, pid: str) -> Optional[str]:
        base = [r for r in self._people[pid][1] if not r.role]
        return base[0].country if base else None

    def institution(self, iid: str) -> Actor:
        r = self._institutions[iid]
        return Actor(id=iid, name=r["name"], kind=r["kind"], country=r["country"] or None,
                     sector=r["sector"] or None, code=self.code_for(r["country"], r["sector"]))

    def igo(self, code: str) -> Actor:
        name, cameo = self._igos[code]
        return Actor(id=code, name=name, kind="igo", country=code, code=cameo)

    def actor(self, aid: str, day: Optional[Date] = None) -> Actor:
        """The actor with id ``aid`` (ISO3, IGO code, institution, person, or e.g. RUSGOV)."""
        if aid in self._people:
            return self.person(aid, day)
        if aid in self._institutions:
            return self.institution(aid)
        if aid in self._igos:
            return self.igo(aid)
        if aid in self._states:
            return self.state(aid)
        m = re.fullmatch(r"([A-Z0-9]+?)([A-Z]{3})(?:-([a-z0-9-]+))?", aid)
        if m and (m.group(1) in self._states or m.group(1) in self._igos) \
                and m.group(2) in self._sector_default:
            part = self._sector_names.get(m.group(3) or "", None)
            return self.sector_actor(m.group(1), m.group(2), part)
        raise KeyError(f"no actor {aid!r} in the {self.lang} lexicon")

    def entry_actor(self, e: Entry, day: Optional[Date] = None) -> Actor:
        return self.actor(e.actor, day)

    # -- lookup --------------------------------------------------------------------------------
    def best(self, entries: list[Entry], day: Optional[Date]) -> Entry:
        """Among entries of one form: a person in office on ``day`` first, else the first."""
        people = [e for e in entries if e.type == "person"]
        if day and len(people) > 1:
            for e in people:
                if self.role_of(e.actor, day).role:
                    return e
        return entries[0]

    def lookup(self, surface: str, date: Optional[Date] = None) -> Optional[Actor]:
        """The actor a surface form names, on ``date``; case and diacritics do not matter.

        >>> registry("nl").lookup("Oekraine").id
        'UKR'
        """
        words = surface.strip().split(" ", 1)
        if len(words) == 2 and words[0].lower() in self.determiners:
            surface = words[1]
        entries = self.entries.get(fold(surface.strip()))
        if not entries:
            return None
        return self.entry_actor(self.best(entries, date), date)


def role_matches(held: str, wanted: str) -> bool:
    """'foreign minister' matches 'minister'; 'president' does not match 'vice president'."""
    held, wanted = held.lower(), wanted.lower()
    if held == wanted:
        return True
    if wanted in ("minister", "spokesperson") and held.endswith(" " + wanted):
        return True
    return wanted == "head" and held in ("secretary-general", "president", "director-general",
                                          "managing director", "chair", "leader")


@lru_cache(maxsize=4)
def registry(lang: str) -> Registry:
    """The cached registry of ``lang`` (raises LanguageNotSupported for unknown languages)."""
    return Registry(lang)
