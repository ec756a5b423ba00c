"""XSS on the dashboard in headless Chromium: hostile articles render inert.

Pages are loaded twice: as served (with the Content-Security-Policy) and with CSP bypassed, so a
payload that only the CSP stops still fails the test. No dialog may open, and the DOM may hold
no inline handler, inline script or script URL that came from article data.
"""

import pytest

from hostile_corpus import build
from live_server import serve
from test_security import dashboard_pages

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# Evaluated in the page: every live thing that could run script.
LIVE_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\x00-\\x1f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)
          && (v.startsWith('javascript:') || v.startsWith('data:text'))) found.push(`${el.tagName} ${a.name}=${a.value}`);
    }
    if (el.tagName === 'SCRIPT' && !el.src && el.textContent.trim()) found.push('inline script');
    if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) found.push(el.tagName);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db, ids = build(tmp_path_factory.mktemp("xss"))
    with serve(db) as url:
        yield url, ids


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.mark.parametrize("bypass_csp", [False, True])
def test_xss_browser_no_dialog_and_no_live_markup(site, browser, bypass_csp):
    url, ids = site
    context = browser.new_context(bypass_csp=bypass_csp, java_script_enabled=True)
    dialogs = []
    try:
        for path in dashboard_pages(ids):
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append((path, d.message)), d.dismiss()))
            page.goto(url + path, wait_until="load", timeout=120_000)
            # hover and focus everything: handlers that need an event would fire now
            page.evaluate("() => document.querySelectorAll('*').forEach(e => {"
                          " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                          " if (e.focus) e.focus(); })")
            page.wait_for_timeout(200)
            live = page.evaluate(LIVE_JS)
            assert live == [], f"{path}: {live}"
            page.close()
    finally:
        context.close()
    assert dialogs == []


def test_xss_browser_detector_catches_a_live_payload(browser):
    # The checks above must be able to fail: an unescaped payload is seen by both.
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content("<p>x</p><img src=x onerror=\"alert('live')\"><a href=' javascript:alert(2)'>a</a>")
    page.wait_for_timeout(300)
    assert dialogs == ["live"]
    assert len(page.evaluate(LIVE_JS)) == 2
    page.close()
