"""Hygiene: teaser blocks, captions, bylines and subheadings found; the text never changes."""

import pytest

from signaal.ingest.hygiene import analyse

P1 = ("De Tweede Kamer heeft dinsdag urenlang gedebatteerd over de steun aan Oekraïne. "
      "Een meerderheid wil dat het kabinet meer munitie levert.")
P2 = ("Minister Ollongren zei na afloop dat Nederland zijn toezeggingen nakomt. "
      "Volgens haar worden de eerste leveringen nog deze maand verwacht.")
P3 = ("De oppositie is kritisch. Zij wijst erop dat de voorraden van de krijgsmacht zelf "
      "ook op peil moeten blijven, en vraagt om een nieuwe begroting.")


def _kinds(text):
    regions, related = analyse(text)
    for r in regions:
        assert 0 <= r.start < r.end <= len(text)
    return [(r.kind, text[r.start:r.end]) for r in regions], related


def test_hygiene_trailing_teaser_block_split_into_items():
    t1, l1 = "Waarom de munitievoorraad van Europa zo klein is", "Jarenlang werd er bezuinigd op defensie. Nu moet alles tegelijk."
    t2, l2 = "Analyse: wat wil Poetin bereiken?", "Een Ruslandkenner legt uit wat het Kremlin drijft."
    text = f"{P1}\n\n{P2}\n\nLees ook:\n\n{t1}\n\n{l1}\n\n{t2}\n\n{l2}\n"
    regions, related = _kinds(text)
    assert regions == [("teasers", text[text.index("Lees ook:"):])]
    assert [(r.title, r.lede) for r in related] == [(t1, l1), (t2, l2)]
    for r in related:
        assert text[r.start:r.end].startswith(r.title) and text[r.start:r.end].endswith(r.lede)


@pytest.mark.parametrize("marker", ["Lees ook:", "Lees ook", "Lees meer:", "LEES OOK:", "Read more:", "Related:"])
def test_hygiene_teaser_markers(marker):
    text = f"{P1}\n\n{marker}\n\nKabinet belooft meer geld voor defensie\n\nDe begroting stijgt volgend jaar fors."
    regions, related = _kinds(text)
    assert [k for k, _ in regions] == ["teasers"] and len(related) == 1
    assert related[0].title == "Kabinet belooft meer geld voor defensie"


def test_hygiene_title_only_teasers_without_blank_lines():
    text = f"{P1}\n\nLees ook:\nKabinet belooft meer geld\nNAVO-top in Vilnius begint\nWat is artikel 5?"
    _, related = _kinds(text)
    assert [r.title for r in related] == ["Kabinet belooft meer geld", "NAVO-top in Vilnius begint", "Wat is artikel 5?"]
    assert all(r.lede == "" for r in related)


def test_hygiene_inline_teaser_mid_article_leaves_story_alone():
    line = "Lees ook: Waarom de NAVO zich zorgen maakt over de Baltische staten"
    text = f"{P1}\n\n{line}\n\n{P2}\n\n{P3}"
    regions, related = _kinds(text)
    assert regions == [("teasers", line)]
    assert related[0].title == "Waarom de NAVO zich zorgen maakt over de Baltische staten"
    assert text[related[0].start:related[0].end] == related[0].title


def test_hygiene_teaser_block_ends_where_story_resumes():
    long_par = P2 + " " + P3 + " " + P1 + " " + P2  # a full paragraph, longer than any lede
    text = f"{P1}\n\nLees ook:\n\nKabinet belooft meer geld\n\n{long_par}"
    regions, related = _kinds(text)
    assert regions == [("teasers", "Lees ook:\n\nKabinet belooft meer geld")]
    assert [r.title for r in related] == ["Kabinet belooft meer geld"] and related[0].lede == ""


@pytest.mark.parametrize("line", [
    "Beeld AFP",
    "Beeld ANP / Remko de Waal",
    "Foto: ANP",
    "(Foto: Reuters)",
    "Russische tanks bij Belgorod. Beeld AFP",
    "Demonstranten op het Malieveld in Den Haag © ANP",
    "Soldiers at a checkpoint near Kharkiv. Photo: Reuters",
])
def test_hygiene_caption_lines(line):
    text = f"{P1}\n\n{line}\n\n{P2}"
    regions, _ = _kinds(text)
    assert regions == [("caption", line)]


def test_hygiene_inline_photo_credit_in_long_paragraph():
    par = P1 + " " + P2 + " " + P3 + " (Foto: Reuters)"
    regions, _ = _kinds(f"{par}\n\n{P2}")
    assert regions == [("caption", "(Foto: Reuters)")]


@pytest.mark.parametrize("line", ["Door Jan de Vries", "Van onze correspondent in Moskou", "By Jane Smith",
                                  "Door onze redacteur politiek", "By our correspondent in Brussels"])
def test_hygiene_bylines(line):
    text = f"{line}\n\n{P1}\n\n{P2}"
    regions, _ = _kinds(text)
    assert regions == [("byline", line)]


def test_hygiene_subheading_between_paragraphs():
    text = f"{P1}\n\nMeerdere gesprekken\n\n{P2}"
    regions, _ = _kinds(text)
    assert regions == [("subheading", "Meerdere gesprekken")]


@pytest.mark.parametrize("text", [
    f"Door de oorlog zijn duizenden mensen gevlucht.\n\n{P1}",  # 'Door' opening a sentence
    f"{P1}\n\nDat is niet gebeurd.\n\n{P2}",  # a short sentence, not a heading
    f"{P1}\nMeerdere gesprekken\n{P2}",  # no blank lines around it
    f"Beeldvorming speelt een grote rol, zegt de minister.\n\n{P1}",
    f"Foto's van de ramp gingen de hele wereld over.\n\n{P1}",
    f"{P1}\n\n{P2}\n\n{P3}",
])
def test_hygiene_no_false_regions(text):
    regions, related = _kinds(text)
    assert regions == [] and related == []


@pytest.mark.parametrize("text,title", [
    (f"Liveblog: Scholz in Kiev, Lavrov ziet nog kansen\n\n{P1}", "Liveblog: Scholz in Kiev, Lavrov ziet nog kansen"),
    (f"Kamer wil meer munitie voor Oekraïne\n\n{P1}\n\n{P2}", "Kamer wil meer munitie voor Oekraïne"),
    (f"{P1}\n\n{P2}", None),  # first line is a paragraph
    (f"Door Jan de Vries\n\n{P1}", None),  # a byline is no headline
    ("Alleen een kop zonder tekst", None),
])
def test_hygiene_headline(text, title):
    from signaal.ingest.hygiene import headline

    assert headline(text) == title


@pytest.mark.parametrize("opening", ["TAIPEI (ANP/AFP) - ", "DEN HAAG (ANP) - ", "TBILISI - ",
                                     "SEOUL, March 16 (Reuters) - ", "BRUSSEL/MOSKOU (Belga) — "])
def test_hygiene_dateline_opening_of_the_story(opening):
    regions, _ = _kinds("Kop van het stuk\n\n" + opening + P1 + "\n\n" + P2)
    assert regions == [("dateline", opening)]


@pytest.mark.parametrize("text", [P1 + "\n\n" + P2 + "\n\nNAVO - de alliantie - zwijgt.",
                                  "EU-landen zijn het eens - zegt de voorzitter.", "Het is - zegt hij - waar."])
def test_hygiene_no_dateline_inside_the_story_or_without_capitals(text):
    assert not any(kind == "dateline" for kind, _ in _kinds(text)[0])
