"""End to end in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser
is downloaded). Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from test_web_sample import IMG, SCRIPT, build_sample

from dossier.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SERVER_START_LIMIT_S = 30  # a limit on waiting, not an assertion on speed


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`; "
                    "`./run test` does it) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The app under uvicorn on a free localhost port, in a background thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_LIMIT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


@contextmanager
def watched_page(browser) -> Iterator[tuple]:
    """A page plus what it did: every request's host, console errors (CSP violations land there),
    and any dialog a script opened."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = {"hosts": set(), "errors": [], "dialogs": []}
    page.on("request", lambda request: seen["hosts"].add(urlparse(request.url).hostname))
    page.on("console", lambda message: message.type == "error" and seen["errors"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    try:
        yield page, seen
    finally:
        page.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_story_to_compare_and_keyboard_search_on_the_seeds(browser, seeds_db):
    with serve(seeds_db) as base, watched_page(browser) as (page, seen):
        page.goto(base + "/")
        stories = page.request.get(base + "/index.json").json()["stories"]
        assert stories, "the seeds dossier should hold stories"
        biggest = max(stories, key=lambda s: s["articles"])
        assert page.locator(".story-card").count() == len(stories)
        shot(page, "01-stories")

        page.get_by_role("link", name=biggest["title"], exact=True).first.click()
        page.wait_for_url(f"**/stories/**")
        assert page.locator("h1").inner_text() == biggest["title"]
        assert page.locator("svg.graph rect.node").count() == biggest["articles"]
        assert f"{biggest['independent_sources']} independent source" in page.locator(".counts").first.inner_text()
        shot(page, "02-story")

        page.locator("#compare-link").click()
        page.wait_for_url("**/compare?**")
        columns = page.locator(".compare-table thead th").count()
        assert columns == min(biggest["articles"], 6)
        assert page.locator(".compare-table tbody tr.aligned").count() >= 3, "the copies share sentences"
        shot(page, "03-compare")

        page.locator("body").click(position={"x": 5, "y": 300})  # focus on the page, not on a field
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "search-box"
        page.keyboard.type("Lavrov")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search?q=Lavrov")
        assert page.locator("#result-count").inner_text() == "5 articles"
        assert page.locator(".snippet mark").first.inner_text() == "Lavrov"
        shot(page, "04-search-lavrov")

        assert seen["hosts"] == {"127.0.0.1"}, f"requests left the machine: {seen['hosts']}"
        assert seen["errors"] == [] and seen["dialogs"] == []


def test_markup_in_an_article_stays_text_in_the_browser(browser, tmp_path):
    db, ids = build_sample(tmp_path)
    with serve(db) as base, watched_page(browser) as (page, seen):
        page.goto(f"{base}/articles/{ids['xss.txt']}")
        assert SCRIPT in page.locator("h1").inner_text()
        assert IMG in page.locator("article.reading").inner_text()
        assert page.locator("article img, article script").count() == 0
        shot(page, "05-article-with-markup")
        page.goto(f"{base}/compare?ids={ids['wire.txt']},{ids['copy.txt']},{ids['xss.txt']}")
        assert page.locator("mark.fact", has_text="technological issues").count() == 1
        shot(page, "06-compare-sample")
        assert seen["dialogs"] == [], "a script from the article ran"
        assert seen["errors"] == [] and seen["hosts"] == {"127.0.0.1"}
