"""A researcher's visit in a real browser: search, read, look at a chart, download.

Runs Debian's Chromium through Playwright. The browser is installed by the
project's own setup (make test, .ci/run); when it is missing this test
fails, it never skips.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import GOLD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def test_search_read_chart_download(datasette_url, archive, tmp_path):
    assert CHROMIUM.exists(), "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    with sqlite3.connect(archive) as conn:
        seed_id = conn.execute("SELECT id FROM articles WHERE title = ?", [GOLD["title"]]).fetchone()[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(accept_downloads=True)
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        page.goto(datasette_url)
        page.fill("form.archive-search input[name=q]", "chuyển đổi số")
        page.press("form.archive-search input[name=q]", "Enter")
        page.wait_for_selector("ol.search-results li")
        first = page.locator("ol.search-results li").first
        assert first.locator(".phrase-match").is_visible()
        assert {m.lower() for m in first.locator("p.snippet mark").all_inner_texts()} == {"chuyển", "đổi", "số"}
        with_diacritics = page.locator("ol.search-results li").count()
        page.fill("form.archive-search input[name=q]", "chuyen doi so")
        page.press("form.archive-search input[name=q]", "Enter")
        page.wait_for_url("**q=chuyen*")
        assert page.locator("ol.search-results li").count() > with_diacritics
        page.fill("form.archive-search input[name=q]", '""""')
        page.press("form.archive-search input[name=q]", "Enter")
        assert "Empty quotes were left out" in page.inner_text(".query-notes")

        page.goto(f"{datasette_url}/archive/articles")
        page.fill("input[name=_search]", "chuyen doi so")
        page.press("input[name=_search]", "Enter")
        page.wait_for_url("**_search=chuyen*")
        assert GOLD["title"] in page.inner_text("table.rows-and-columns")

        page.click(f"table.rows-and-columns a[href='/archive/articles/{seed_id}']")
        page.wait_for_selector("article.article-reading")
        assert page.inner_text("article.article-reading h1") == GOLD["title"]
        assert page.inner_text("article.article-reading .author") == GOLD["author"]
        assert page.locator("article.article-reading figcaption").all_inner_texts() == GOLD["captions"]

        page.goto(f"{datasette_url}/-/dashboards/archive")
        chart = page.locator(".vega-embed canvas, .vega-embed svg").first
        chart.wait_for(state="visible", timeout=30_000)
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50

        page.goto(f"{datasette_url}/archive/articles?_search=chuyen+doi+so")
        page.check("#export input[name=_dl]")
        with page.expect_download() as download_info:
            page.click("#export input[type=submit]")
        download = download_info.value
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        assert saved.suffix == ".csv"
        assert GOLD["title"] in saved.read_text(encoding="utf-8")
        assert not dialogs
        browser.close()
