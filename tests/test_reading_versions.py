"""The reading view's versions and captures, through a real Datasette server.

One offline portal is crawled three times, its seed article edited between
the crawls as an editor would (a word added in a paragraph; then the title
and the author line), so the article has three versions. The archive file is
not named archive.db: every page here must work under the name "archive"
all the same. A huge article is stored in it too.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse

import lxml.html
import pytest
import sqlite_utils

from scraper.publish.capture_view import readable_html
from scraper.publish.worddiff import MAX_WORD_TOKENS, diff_paragraphs, tokens

from .conftest import EDITED_TITLE, GOLD, HUGE_PARAGRAPHS, NEW_AUTHOR, datasette_server
from .test_publish import get



@pytest.fixture(scope="module")
def served(edited_archive):
    """(Datasette base URL, archive path, seed article id, portal base URL)."""
    db, seed_id, base_url = edited_archive
    with datasette_server(db) as url:
        yield url, db, seed_id, base_url


def page(url: str) -> lxml.html.HtmlElement:
    status, body, _ = get(url)
    assert status == 200, body[:500]
    return lxml.html.fromstring(body.decode("utf-8"))


def texts(doc, xpath: str) -> list[str]:
    return [" ".join(element.text_content().split()) for element in doc.xpath(xpath)]


def reading_link(url: str, article_id: str, name: str) -> str:
    [link] = page(f"{url}/archive/articles/{article_id}").xpath(f"//article//a[@class='{name}']/@href")
    return link


def test_history_is_a_short_list_linking_each_version_and_its_diff(served):
    url, _, seed_id, _ = served
    reading = page(f"{url}/archive/articles/{seed_id}")
    [history_link] = reading.xpath("//a[@class='history']/@href")
    assert history_link == f"/archive/articles/{seed_id}/history"
    status, body, _ = get(url + history_link)
    assert status == 200 and len(body) < 20_000  # was Datasette's 9,959 px table page
    history = lxml.html.fromstring(body.decode("utf-8"))
    rows = history.xpath("//table[@class='versions']/tbody/tr")
    assert [row.get("data-version") for row in rows] == ["3", "2", "1"]
    changed = {row.get("data-version"): " ".join(row.xpath("string(.//td[@class='changed'])").split()) for row in rows}
    assert "title" in changed["3"] and "author" in changed["3"] and "body" not in changed["3"]
    assert "body" in changed["2"] and "title" not in changed["2"]
    links = set(history.xpath("//table[@class='versions']//a/@href"))
    assert {f"/archive/articles/{seed_id}/v/{n}" for n in (1, 2, 3)} <= links
    assert f"/archive/articles/{seed_id}/diff?from=2&to=3" in links


def test_diff_marks_the_words_that_changed(served):
    url, _, seed_id, _ = served
    latest = page(f"{url}/archive/articles/{seed_id}/diff")  # previous against latest
    assert texts(latest, "//*[@data-field='title']//ins") == ["(cập nhật)"]
    assert texts(latest, "//*[@data-field='title']//del") == []
    assert texts(latest, "//*[@data-field='author']//del") == [GOLD["author"]]
    assert texts(latest, "//*[@data-field='author']//ins") == [NEW_AUTHOR]
    assert texts(latest, "//*[@data-field='body']//ins | //*[@data-field='body']//del") == []
    whole = page(f"{url}/archive/articles/{seed_id}/diff?from=1&to=3")
    assert texts(whole, "//*[@data-field='body']//ins") == ["rất"]
    assert "tập trung rất cao" in " ".join(texts(whole, "//*[@data-field='body']"))
    assert texts(whole, "//*[@data-field='published_at']//ins") == []
    chooser = whole.xpath("//form[@class='choose-versions']")[0]
    assert sorted(chooser.xpath(".//select[@name='from']/option/@value")) == ["1", "2", "3"]
    assert get(f"{url}/archive/articles/{seed_id}/diff?from=1&to=9")[0] == 404


def test_each_version_has_a_permalink_with_its_text_and_a_citation(served):
    url, _, seed_id, portal_url = served
    first = page(f"{url}/archive/articles/{seed_id}/v/1")
    assert texts(first, "//article//h1") == [GOLD["title"]]
    body = " ".join(texts(first, "//article//p"))
    assert "tập trung cao" in body and "rất" not in body
    [citation] = texts(first, "//*[@class='citation']")
    assert "Cổng thông tin điện tử tỉnh Sơn La" in citation
    assert f"“{GOLD['title']}”" in citation and "10/01/2024" in citation
    assert f"{url}/archive/articles/{seed_id}/v/1" in citation
    with sqlite_utils.Database(served[1]) as archive:
        captured = archive.execute("SELECT c.fetched_at FROM versions v JOIN captures c ON c.id = v.capture_id "
                                   "WHERE v.article_id = ? AND v.version = 1", [seed_id]).fetchone()[0]
    assert captured[:10] in citation and "Accessed" in citation
    assert portal_url + "/" in citation  # the original address
    assert reading_link(url, seed_id, "cite") == f"/archive/articles/{seed_id}/v/3#cite"
    latest = page(f"{url}/archive/articles/{seed_id}/v/3")
    assert texts(latest, "//article//h1") == [EDITED_TITLE]
    assert NEW_AUTHOR in " ".join(texts(latest, "//*[@class='byline']"))
    assert get(f"{url}/archive/articles/{seed_id}/v/4")[0] == 404


def test_the_stored_capture_is_a_readable_page_without_script(served):
    url, db, seed_id, portal_url = served
    reading = page(f"{url}/archive/articles/{seed_id}")
    [capture_link] = reading.xpath("//a[@class='capture']/@href")
    [raw_link] = reading.xpath("//a[@class='capture-raw']/@href")
    status, raw, headers = get(url + raw_link)
    assert status == 200 and raw[:2] == b"\x1f\x8b"  # the gzip download stays
    status, body, headers = get(url + capture_link)
    assert status == 200
    assert "script-src 'none'" in {name.lower(): value for name, value in headers.items()}["content-security-policy"]
    html = body.decode("utf-8")
    assert "<script" not in html.lower() and "<iframe" not in html.lower() and "<form" not in html.lower()
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I)
    doc = lxml.html.fromstring(html)
    banner = " ".join(texts(doc, "//*[@class='capture-banner']"))
    with sqlite_utils.Database(db) as archive:
        capture_url, sha256 = archive.execute(
            "SELECT url, sha256 FROM captures WHERE article_id = ? ORDER BY last_fetched_at DESC LIMIT 1",
            [seed_id]).fetchone()
    assert capture_url in banner and sha256 in banner
    assert GOLD["body"][0][:60] in " ".join(doc.text_content().split())
    images = doc.xpath("//*[@class='captured-page']//img/@src")
    assert images and all(src.startswith(portal_url + "/") for src in images)
    assert all(href.startswith(("http://", "https://", "mailto:", "#"))
               for href in doc.xpath("//*[@class='captured-page']//a/@href"))


def test_the_first_image_leads_the_article_as_on_the_page(served):
    url, _, seed_id, _ = served
    reading = page(f"{url}/archive/articles/{seed_id}")
    [article] = reading.xpath("//article[@class='article-reading']")
    order = [child.tag if child.tag == "figure" else "p" for child in article.xpath("./figure | ./p[not(@class)]")]
    assert order == ["figure", "p", "p", "figure", *["p"] * (order.count("p") - 2)]


def test_a_huge_article_page_stays_bounded(served):
    url, db, _, _ = served
    with sqlite_utils.Database(db) as archive:
        huge_id, length = archive.execute(
            "SELECT id, length(body) FROM articles WHERE title = 'Báo cáo rất dài'").fetchone()
    assert length > 3_000_000
    status, body, _ = get(f"{url}/archive/articles/{huge_id}")
    assert status == 200 and len(body) < 400_000
    doc = lxml.html.fromstring(body.decode("utf-8"))
    [note] = texts(doc, "//*[@class='shortened']")
    assert "200,000" in note
    downloads = doc.xpath("//*[@class='shortened']//a/@href")
    assert f"/archive/articles/{huge_id}.json" in downloads
    status, whole, _ = get(url + next(href for href in downloads if ".csv" in href))
    assert status == 200 and f"Đoạn {HUGE_PARAGRAPHS - 1}:".encode() in whole
    assert get(f"{url}/archive/articles/{huge_id}/history")[0] == 200


def test_reading_view_of_an_unknown_article_is_404(served):
    url = served[0]
    assert get(f"{url}/archive/articles/{urllib.parse.quote('nope')}")[0] == 404


def test_a_capture_is_sanitised_and_keeps_what_a_page_form_holds():
    """An ASP.NET portal holds its whole page in one <form>: the form goes, its content stays."""
    page = ('<html><head><base href="https://tinh.gov.vn/tin/"><script>alert(1)</script></head><body onload="x()">'
            '<form id="form1" method="post"><div class="content"><p onclick="steal()">Nội dung bài viết</p>'
            '<img src="/loading.gif" data-src="anh/1.jpg"><a href="javascript:alert(1)">x</a>'
            '<a href="../lien-he">Liên hệ</a><iframe src="https://evil.example/"></iframe><input name="q">'
            '</div></form></body></html>').encode()
    html = readable_html(page, "https://tinh.gov.vn/tin/bai.html")
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert doc.text_content().count("Nội dung bài viết") == 1
    assert not re.search(r"script|alert|onclick|onload|iframe|<form|<input|javascript:", html, re.I)
    assert doc.xpath("//img/@src") == ["https://tinh.gov.vn/tin/anh/1.jpg"]
    assert doc.xpath("//a/@href") == ["https://tinh.gov.vn/lien-he"]


def test_a_reader_goes_from_the_article_to_its_history_a_diff_and_a_citation(served):
    """In Chromium: reading view -> history (a short page) -> diff -> choose versions -> cite one."""
    from playwright.sync_api import sync_playwright

    from .test_browser import CHROMIUM, CHROMIUM_FLAGS

    url, _, seed_id, _ = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{url}/archive/articles/{seed_id}")
        page.click("article.article-reading a.history")
        page.wait_for_selector("table.versions")
        assert page.locator("table.versions tbody tr").count() == 3
        assert page.evaluate("document.documentElement.scrollHeight") < 1500  # was 9,959 px for one version
        page.click("tr[data-version='3'] a.diff")
        page.wait_for_selector("[data-field='title'] ins")
        assert page.inner_text("[data-field='title'] ins") == "(cập nhật)"
        page.select_option("form.choose-versions select[name=from]", "1")
        page.click("form.choose-versions input[type=submit]")
        page.wait_for_url("**from=1*")
        assert page.locator("[data-field='body'] ins").all_inner_texts() == ["rất"]
        page.click("a.old-version")
        page.wait_for_selector("pre.citation")
        assert page.url == f"{url}/archive/articles/{seed_id}/v/1"
        citation = page.inner_text("pre.citation")
        assert page.url in citation and f"“{GOLD['title']}”" in citation
        browser.close()


def test_the_pages_of_a_version_answer_on_a_public_server_too(served):
    _, db, seed_id, _ = served
    with datasette_server(db, public=True) as base:
        article = f"{base}/archive/articles/{seed_id}"
        capture = page(article).xpath("//a[@class='capture']/@href")[0]
        for url in (article, article + "/history", article + "/v/1", article + "/diff", base + capture):
            assert get(url)[0] == 200, url


@pytest.mark.parametrize("text", ["Hội nghị tổng kết", unicodedata.normalize("NFD", "Hội nghị tổng kết")])
def test_a_vietnamese_syllable_is_one_token_in_either_unicode_form(text):
    assert [token for token in tokens(text) if token.strip()] == text.split()


def test_very_long_changed_paragraphs_are_shown_whole_rather_than_compared_word_by_word():
    old, new = " ".join(["một"] * MAX_WORD_TOKENS), " ".join(["hai"] * MAX_WORD_TOKENS)
    assert [str(p) for p in diff_paragraphs(old, new)] == [f"<del>{old}</del><ins>{new}</ins>"]
