"""Watch mode: folders and a local feed server, conditional GET, no re-ingest after a restart."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from signaal import Store
from signaal.analyze.rules import parse_rules
from signaal.analyze.watch import Source, WatchConfig, load_config, poll_once
from signaal.errors import ConfigError
from signaal.records import Article, Claim, Evidence, Signals, stable_id

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Testkrant</title><language>nl</language>
<item><title>Overleg in Wenen</title><link>http://127.0.0.1/a1</link>
<pubDate>Tue, 15 Feb 2022 10:00:00 GMT</pubDate>
<description>De ministers spraken in Wenen urenlang over de spanningen aan de grens en over nieuwe gesprekken volgende week.</description></item>
<item><title>Kremlin reageert</title><link>http://127.0.0.1/a2</link>
<pubDate>Wed, 16 Feb 2022 09:00:00 GMT</pubDate>
<description>Het Kremlin ontkent elke betrokkenheid bij de cyberaanval op de banken van het buurland.</description></item>
</channel></rss>"""


class _Feed(BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):
        etag = '"v1"'
        if self.headers.get("If-None-Match") == etag:
            type(self).hits.append(304)
            self.send_response(304)
            self.end_headers()
            return
        type(self).hits.append(200)
        body = FEED.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_url():
    handler = type("Feed", (_Feed,), {"hits": []})
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    server.shutdown()
    server.server_close()


def denials(article: Article) -> Signals:
    """A tiny real extractor: every sentence with 'ontkent' is a denial by the Kremlin."""
    claims = []
    for sentence in article.text.split(". "):
        if "ontkent" in sentence:
            start = article.text.index(sentence)
            ev = Evidence(article.id, start, start + len(sentence), sentence, start,
                          start + len(sentence), sentence)
            claims.append(Claim(stable_id(article.id, start), "Kremlin", "RUS", "ontkent", "denied",
                                False, ev, ev, source_code="RUSGOV", extractor="test"))
    return Signals(article.id, claims=tuple(claims), extractor="test")


RULES = parse_rules("rules: [{name: denial, kind: claim, where: {source_code: RUSGOV, polarity: denied}}]")


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_watch_ingests_once_and_survives_restart(tmp_path, feed_url):
    handler, url = feed_url
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write(inbox, "a.txt", " date 2022-02-17 Nederland stuurt twee fregatten naar de Oostzee voor een "
                          "oefening met de bondgenoten.")
    config = WatchConfig((Source(url=url, options={"lang": "nl"}), Source(path=str(inbox))),
                         rules=RULES)
    with Store(tmp_path / "s.db") as store:
        first = poll_once(store, config, extract=denials)
        assert (first.new, first.fetched, len(first.alerts)) == (3, 1, 1)
        assert first.alerts[0].date == "2022-02-16"
        second = poll_once(store, config, extract=denials)
        assert (second.new, second.not_modified, second.unchanged_files) == (0, 1, 1)
    with Store(tmp_path / "s.db") as store:  # a restarted watcher remembers everything
        write(inbox, "b.txt", " date 2022-02-18 Het Kremlin ontkent dat er troepen bij de grens "
                              "blijven staan na de oefening.")
        third = poll_once(store, config, extract=denials)
        assert (third.new, third.not_modified, third.unchanged_files) == (1, 1, 1)
        assert [a.date for a in third.alerts] == ["2022-02-18"]
        assert store.count() == 4
    assert handler.hits == [200, 304, 304]


def test_watch_unreachable_source_is_logged_and_skipped(tmp_path):
    config = WatchConfig((Source(url="http://127.0.0.1:9/nothing.rss"),), rules=RULES)
    with Store(tmp_path / "s.db") as store:
        report = poll_once(store, config)
    assert (report.errors, report.new) == (1, 0)


def test_watch_config_file(tmp_path):
    (tmp_path / "rules.yaml").write_text("rules: [{name: r, kind: claim}]")
    (tmp_path / "sources.yaml").write_text(
        "interval: 60\nrules: rules.yaml\nsources:\n  - folder: inbox\n    lang: nl\n"
        "  - url: http://127.0.0.1:8000/feed.rss\n")
    config = load_config(tmp_path / "sources.yaml")
    assert config.interval == 60
    assert config.sources[0].path == str(tmp_path / "inbox")
    assert config.sources[0].options == {"lang": "nl"}
    assert [r.name for r in config.rules.rules] == ["r"]


@pytest.mark.parametrize("text", ["sources: []", "sources: [{folder: a, url: b}]", "nothing: 1"])
def test_watch_config_errors(tmp_path, text):
    (tmp_path / "s.yaml").write_text(text)
    with pytest.raises(ConfigError, match="s.yaml"):
        load_config(tmp_path / "s.yaml")
