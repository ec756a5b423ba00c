"""The dashboard in headless Chromium (Debian's, driven by Playwright): pages load, a chart point
opens its evidence, search works, hostile article text stays inert. Screenshots go to
artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian chromium "
                       "(scripts/setup.sh --test installs it)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page on the corpus server that records console errors and CSP violations."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path, name, heading", [
    ("/", "overview", "Overview"),
    ("/dyads/RUS/UKR", "dyad", "RUS → UKR"),
    ("/articles/a1-retreat", "article", "Moskou: troepen keren terug"),
    ("/claims", "claims", "Claims"),
    ("/events?type=ASSAULT", "events", "Events"),
    ("/stories", "stories", "Stories and timeline"),
    ("/search?q=troepen", "search", "Search: troepen"),
])
def test_dashboard_page_loads(page, path, name, heading):
    response = page.goto(path)
    assert response.status == 200
    assert heading in page.locator("h1").inner_text()
    # The page links its JSON, and that JSON answers.
    json_url = page.locator('link[rel="alternate"][type="application/json"]').get_attribute("href")
    assert page.request.get(json_url).ok
    # The stylesheet loaded under the CSP (no inline styles or scripts were needed).
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    shot(page, name)
    assert page.problems == []


def test_dashboard_chart_point_opens_evidence(page):
    page.goto("/dyads/RUS/UKR")
    points = page.locator("svg.chart a.point")
    assert points.count() == 5  # 14, 15, 16, 17 and 18 February have events
    points.first.click()
    page.wait_for_url("**date=2022-02-14**")
    evidence = page.locator("#evidence")
    assert "Evidence for 2022-02-14" in evidence.locator("h2").inner_text()
    items = evidence.locator("ol.evidence > li")
    assert items.count() == 3  # RETREAT asserted, RETREAT denied, MOBILIZE asserted
    marked = evidence.locator("blockquote mark.hit").all_inner_texts()
    assert sorted(marked) == ["terugkeert", "terugtrekking", "verzameld"]
    shot(page, "dyad_evidence")
    # From the evidence to the article, at the record.
    evidence.locator("ol.evidence a").first.click()
    page.wait_for_url("**/articles/a1-retreat#rec-*")
    assert page.locator(":target").count() == 1


def test_dashboard_search_from_header(page):
    page.goto("/")
    page.fill('header input[name="q"]', "militairen")
    page.press('header input[name="q"]', "Enter")
    page.wait_for_url("**/search?q=militairen")
    titles = page.locator("ol.results .article-link").all_inner_texts()
    assert set(titles) == {"Moskou: troepen keren terug", "Kremlin ontkent aanvalsplannen"}
    page.locator("ol.results .article-link", has_text="Kremlin").click()
    page.wait_for_url("**/articles/a2-kremlin")
    assert page.problems == []


def test_dashboard_article_highlights_records(page):
    page.goto("/articles/a1-retreat")
    body = page.locator("article.body")
    denied = body.locator("mark.claim.pol-denied")
    assert denied.first.text_content().startswith("NATO · denied")
    assert body.locator("mark.event.mode-denied").text_content().endswith("terugtrekking")
    assert "130,000 troops" in body.locator("mark.quantity").text_content()
    # Teasers are shown apart, not in the analysed text.
    assert "Lees ook" not in body.inner_text()
    assert "Finland als model voor Oekraïne?" in page.locator("aside ul.related").inner_text()


@pytest.mark.parametrize("path", ["/articles/a5-hostile", "/", "/claims", "/search?q=hacker",
                                  "/events?actor=RUS"])
def test_dashboard_hostile_text_is_inert(page, path):
    page.goto(path)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("iframe, img[onerror], b[onmouseover]").count() == 0
    if path == "/articles/a5-hostile":
        assert "<script>window.__xss=1</script>Sneaky" in page.locator("h1").inner_text()
        assert "<script>window.__xss=3</script>" in page.locator("article.body").inner_text()
        page.hover("article.body mark.claim >> nth=0")  # an onmouseover would fire here
        assert page.evaluate("typeof window.__xss") == "undefined"
        shot(page, "hostile_article")
    assert page.problems == []
