"""The actor lexicon files (issue 4): coverage, shape, dates, and the derived aliases.tsv."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from signaal import lexicon
from signaal.extract.actors_registry import fold, registry

ACTOR_FILES = ("aliases.tsv", "countries.tsv", "country_forms.tsv", "capitals.tsv", "igos.tsv",
               "institutions.tsv", "people.tsv", "sectors.tsv", "roles.tsv", "references.tsv",
               "ministry_topics.tsv", "prepositions.txt", "name_particles.txt", "determiners.txt")
LABELS = {"PER", "ORG", "LOC", "MISC"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_actor_lexicon_every_iso_country_has_a_name(lang):
    rows = {r["iso3"]: r["name"] for r in lexicon.load(lang, "countries.tsv")}
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(rows) == iso
    assert all(name.strip() and "," not in name for name in rows.values())


def test_actor_lexicon_dutch_names_are_dutch():
    nl = {r["iso3"]: r["name"] for r in lexicon.load("nl", "countries.tsv")}
    en = {r["iso3"]: r["name"] for r in lexicon.load("en", "countries.tsv")}
    assert (nl["UKR"], nl["BLR"], nl["USA"], nl["DEU"]) == (
        "Oekraïne", "Wit-Rusland", "Verenigde Staten", "Duitsland")
    assert (en["RUS"], en["KOR"], en["TUR"], en["USA"]) == (
        "Russia", "South Korea", "Turkey", "United States")


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_lexicon_files_exist_in_both_languages_with_a_header(name):
    for lang in ("nl", "en"):
        text = lexicon.path(lang, name).read_text(encoding="utf-8")
        header = [ln for ln in text.splitlines() if ln.startswith("#")]
        assert header and any("Source" in ln or "Signaal" in ln for ln in header), (lang, name)
        assert lexicon.load(lang, name)


@pytest.mark.parametrize("name", ["igos.tsv", "institutions.tsv", "people.tsv"])
def test_actor_lexicon_same_actor_ids_in_both_languages(name):
    ids = [{r["id"] for r in lexicon.load(lang, name)} for lang in ("nl", "en")]
    assert ids[0] == ids[1]


def test_actor_lexicon_people_dates_and_coverage():
    rows = lexicon.load("en", "people.tsv")
    countries = set()
    for r in rows:
        start = date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        end = date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        assert not (start and end) or start < end, r
        assert bool(r["role"]) == bool(start), r  # a role has a start; a nationality row none
        if r["role"] and len(r["country"]) == 3 and r["country"].isupper():
            countries.add(r["country"])
    assert len(countries) >= 60
    igo_leaders = {r["country"] for r in rows if r["role"] in ("secretary-general", "director-general")}
    assert {"NATO", "UN", "OSCE", "WHO", "IAEA"} <= igo_leaders


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_actor_lexicon_aliases_resolve_to_their_actor(lang):
    reg = registry(lang)
    rows = lexicon.load(lang, "aliases.tsv")
    assert len(rows) > 1000
    for r in rows:
        assert r["label"] in LABELS, r
        assert r["actor"] in {e.actor for e in reg.entries[fold(r["alias"])]}, r
        reg.actor(r["actor"])  # every actor id is known


@pytest.mark.parametrize("lang,alias,actor,label", [
    ("nl", "Oekraïne", "UKR", "LOC"), ("nl", "Oekraine", "UKR", "LOC"), ("nl", "Moskou", "RUS", "LOC"),
    ("nl", "Verenigde Staten", "USA", "LOC"), ("nl", "Amerikanen", "USA", "MISC"),
    ("nl", "Kremlin", "RUS-kremlin", "ORG"), ("nl", "NAVO", "NATO", "ORG"),
    ("nl", "Jens Stoltenberg", "jens-stoltenberg", "PER"), ("nl", "Stoltenberg", "jens-stoltenberg", "PER"),
    ("nl", "Macron", "emmanuel-macron", "PER"), ("nl", "Interfax", "RUS-interfax", "ORG"),
    ("nl", "Finland", "FIN", "LOC"), ("en", "White House", "USA-white-house", "ORG"),
    ("en", "Kyiv", "UKR", "LOC"), ("en", "Russian", "RUS", "MISC"),
])
def test_actor_lexicon_seed_aliases(lang, alias, actor, label):
    rows = {(r["alias"], r["actor"]): r["label"] for r in lexicon.load(lang, "aliases.tsv")}
    assert rows[(alias, actor)] == label


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_actor_lexicon_references_and_topics_point_at_known_rows(lang):
    reg = registry(lang)
    for r in lexicon.load(lang, "references.tsv"):
        assert r["target"] in {"person", "spokesperson", "sector", "actor", "state"}, r
        if r["target"] == "sector":
            assert fold(r["value"]) in reg.sectors, r
        if r["target"] == "actor":
            reg.actor(r["value"])
    for r in lexicon.load(lang, "ministry_topics.tsv"):
        assert fold(r["ministry"]) in reg.sectors, r
