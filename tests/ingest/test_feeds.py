"""RSS/Atom feeds: files and URLs (httpx with a MockTransport, no network)."""

from datetime import datetime

import httpx

import signaal
from ingest_texts import EN, NL, NL2
from signaal.records import Article, Quarantined

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Voorbeeldkrant - Binnenland</title><link>https://example.nl/</link><language>nl</language>
<item><title>Woningplan gepresenteerd</title><link>https://example.nl/woningplan</link>
<pubDate>Tue, 14 Mar 2023 10:00:00 +0100</pubDate>
<description>&lt;p&gt;{NL}&lt;/p&gt;</description></item>
<item><title>Vuurwerkverbod</title><link>https://example.nl/vuurwerk</link>
<pubDate>Wed, 15 Mar 2023 21:30:00 +0100</pubDate>
<description>Korte samenvatting.</description>
<content:encoded><![CDATA[<p>{NL2}</p><p>{NL}</p>]]></content:encoded></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example News</title>
<id>urn:example:feed</id><updated>2023-03-14T12:00:00Z</updated>
<entry><title>Housing plan presented</title><id>urn:example:1</id>
<link href="https://example.com/housing"/><published>2023-03-14T11:00:00Z</published>
<updated>2023-03-14T12:00:00Z</updated><summary>{EN}</summary></entry>
</feed>"""


def test_feeds_rss_file(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(RSS, encoding="utf-8")
    a, b = signaal.read(p)
    assert (a.title, a.url, a.source, a.lang) == ("Woningplan gepresenteerd", "https://example.nl/woningplan", "Voorbeeldkrant - Binnenland", "nl")
    assert a.text == NL and a.extraction_method == "feed-summary"
    assert a.published.start == datetime(2023, 3, 14, 9, 0) and a.published.precision == "time"
    assert b.text == NL2 + "\n\n" + NL and b.extraction_method == "feed-content"
    assert (a.provenance.record, b.provenance.record, a.provenance.reader) == (1, 2, "feeds")


def test_feeds_atom_file_sniffed_from_xml(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    (a,) = signaal.read(p)
    assert (a.title, a.url, a.source, a.text, a.lang) == ("Housing plan presented", "https://example.com/housing", "Example News", EN, "en")
    assert a.published.start == datetime(2023, 3, 14, 11, 0)


def test_feeds_url_through_httpx(tmp_path):
    def handler(request):
        assert request.url == "https://feeds.example.nl/binnenland.rss"
        return httpx.Response(200, text=RSS, headers={"content-type": "application/rss+xml"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        items = list(signaal.read("https://feeds.example.nl/binnenland.rss", client=client))
    assert [type(x) for x in items] == [Article, Article]
    assert items[0].provenance.file == "https://feeds.example.nl/binnenland.rss"


def test_feeds_url_error_is_quarantined():
    transport = httpx.MockTransport(lambda request: httpx.Response(404, text="weg"))
    with httpx.Client(transport=transport) as client:
        (q,) = signaal.read("https://feeds.example.nl/weg.rss", client=client)
    assert isinstance(q, Quarantined) and "404" in q.reason


def test_feeds_malformed_feed_is_quarantined(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text("<rss><channel><title>Kapot", encoding="utf-8")
    (q,) = signaal.read(p)
    assert isinstance(q, Quarantined) and q.reader == "feeds"


def test_feeds_gzipped_feed_file(tmp_path):
    import gzip

    p = tmp_path / "feed.xml.gz"
    p.write_bytes(gzip.compress(ATOM.encode("utf-8")))
    (a,) = signaal.read(p)
    assert a.text == EN and a.provenance.reader == "feeds"
