"""A researcher's whole journey in Chromium, on three servers: the archive as
``govnews serve`` publishes it, the same under ``--public``, and an archive
file not named archive.db under ``--public``.

Search with and without diacritics, a phrase and a malformed query; results
with highlighted snippets; then one article: its reading view, history, a
word diff, a version's citation; back to the search and its CSV download.
The archive holds an article edited twice (three versions, tests/conftest.py
``edited_archive``).
"""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest
from playwright.sync_api import sync_playwright

from .conftest import EDITED_TITLE, copy_archive, datasette_server
from .test_browser import CHROMIUM, CHROMIUM_FLAGS

TYPED = "chuyển đổi số"
SEED_WORDS = "tổng kết công tác Thông tin và Truyền thông"


@pytest.fixture(scope="module", params=[("archive.db", False), ("archive.db", True), ("nghien-cuu.db", True)],
                ids=["served", "public", "public-other-name"])
def server(request, edited_archive, tmp_path_factory):
    """(base URL, seed article id) of a real Datasette publishing a copy of the edited archive."""
    name, public = request.param
    source, seed_id, _ = edited_archive
    db = copy_archive(source, tmp_path_factory.mktemp("journey") / name)
    with datasette_server(db, public=public) as url:
        yield url, seed_id


def folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def search(page, words: str) -> None:
    page.fill("form.archive-search input[name=q]", words)
    page.press("form.archive-search input[name=q]", "Enter")
    page.wait_for_load_state()


def test_search_read_history_diff_cite_download(server, tmp_path):
    url, seed_id = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(accept_downloads=True)
        failed = []
        page.on("response", lambda response: response.status >= 400 and failed.append(response.url))

        page.goto(url)
        search(page, TYPED)
        results = page.locator("ol.search-results li")
        assert results.count() > 0
        marks = {folded(mark) for mark in page.locator("ol.search-results p.snippet mark").all_inner_texts()}
        assert marks and marks <= set(TYPED.split())  # never chuyên, đối, sơ: diacritics typed are meant
        assert results.first.locator(".phrase-match").is_visible()
        with_diacritics = results.count()

        search(page, "chuyen doi so")
        assert page.locator("ol.search-results li").count() >= with_diacritics

        search(page, '"tổng kết công tác"')
        phrase_results = page.locator("ol.search-results li")
        assert phrase_results.count() > 0
        assert phrase_results.locator(".phrase-match").count() == phrase_results.count()

        search(page, '"')
        assert page.locator(".query-notes").is_visible()

        search(page, SEED_WORDS)
        total = int(page.inner_text("p.search-count").split()[0].replace(",", ""))
        search_url = page.url
        page.click(f"ol.search-results a.result-title[href$='/articles/{seed_id}']")
        page.wait_for_selector("article.article-reading")
        assert page.inner_text("article.article-reading h1") == EDITED_TITLE

        page.click("article.article-reading a.history")
        page.wait_for_selector("table.versions")
        assert page.locator("table.versions tbody tr").count() == 3
        page.click("tr[data-version='3'] a.diff")
        page.wait_for_selector("[data-field='title'] ins")
        assert page.inner_text("[data-field='title'] ins") == "(cập nhật)"
        page.click("a.old-version")
        page.wait_for_selector("pre.citation")
        citation = page.inner_text("pre.citation")
        assert page.url in citation and "/v/2" in page.url

        page.goto(search_url)
        with page.expect_download() as download_info:
            page.click("a.search-csv")
        saved = tmp_path / download_info.value.suggested_filename
        download_info.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
        assert len(rows) == total
        [seed_row] = [row for row in rows if row["id"] == seed_id]
        assert seed_row["title"] == EDITED_TITLE and seed_row["reading_url"].endswith(f"/archive/articles/{seed_id}")
        assert not failed, failed
        browser.close()
