"""HTML reader: trafilatura cascade, title, date, site name, paragraphs."""

from datetime import datetime

import signaal
from ingest_texts import NL, NL2
from signaal.records import Quarantined

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Woningplan gepresenteerd | Voorbeeldkrant</title>
<meta property="og:site_name" content="Voorbeeldkrant">
<meta property="article:published_time" content="2023-03-14T09:15:00+01:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/binnenland">Binnenland</a></nav>
<article><h1>Woningplan gepresenteerd</h1>
<p>{nl}</p>
<h2>Vuurwerkverbod</h2>
<p>{nl2}</p>
</article>
<footer>Alle rechten voorbehouden. Abonneer je op de nieuwsbrief.</footer>
</body></html>"""


def test_html_main_text_title_date_site(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE.format(nl=NL, nl2=NL2), encoding="utf-8")
    (a,) = signaal.read(p)
    assert a.text == NL + "\n\nVuurwerkverbod\n\n" + NL2
    assert a.title == "Woningplan gepresenteerd" and a.source == "Voorbeeldkrant"
    assert a.published.start == datetime(2023, 3, 14, 8, 15) and a.published.precision == "time"
    assert a.extraction_method == "trafilatura" and a.provenance.reader == "html"
    subs = [a.text[r.start:r.end] for r in a.regions if r.kind == "subheading"]
    assert subs == ["Vuurwerkverbod"]
    assert "Home" not in a.text and "nieuwsbrief" not in a.text


def test_html_day_date_from_trafilatura_metadata(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2023-03-14T09:15:00+01:00">',
                        '<meta name="date" content="2021-06-14">')
    p = tmp_path / "page.htm"
    p.write_text(page.format(nl=NL, nl2=NL2), encoding="utf-8")
    (a,) = signaal.read(p)
    assert a.published.label() == "2021-06-14" and a.published.precision == "day"


def test_html_sniffed_without_extension(tmp_path):
    p = tmp_path / "page"
    p.write_text(PAGE.format(nl=NL, nl2=NL2), encoding="utf-8")
    (a,) = signaal.read(p)
    assert a.provenance.reader == "html"


def test_html_declared_charset_is_used(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    p = tmp_path / "page.html"
    p.write_bytes(page.format(nl="Café-eigenaren protesteren. " + NL, nl2=NL2).encode("cp1252"))
    (a,) = signaal.read(p)
    assert a.text.startswith("Café-eigenaren protesteren.")


def test_html_without_text_is_quarantined(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>Leeg</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    (q,) = signaal.read(p)
    assert isinstance(q, Quarantined) and "no extractable text" in q.reason and q.reader == "html"


def test_html_visible_text_last_stage():
    from signaal.ingest.html import visible_text

    page = ("<html><head><style>p{}</style><script>var x = 1;</script></head><body>"
            "<nav>Menu</nav><div>Eerste <b>blok</b></div><p>Tweede blok<br>derde regel</p></body></html>")
    assert visible_text(page) == "Eerste blok\n\nTweede blok\n\nderde regel"
