"""Markup nested deeper than libxml2 parses loses nothing: re-nested, every
element's text is kept in order, no deeper than the parser allows."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from scraper.extract.decoding import decode_html
from scraper.extract.nesting import MAX_DEPTH, renest
from scraper.extract.page import Page

PAGES = sorted((Path(__file__).parent / "fixtures").glob("*/*.html"))
URL = "https://sonla.gov.vn/tin-tuc/bai-viet.html"


def depth(root) -> int:
    return max(sum(1 for _ in element.iterancestors()) for element in root.iter())


def texts(root, tag: str = "p") -> list[str]:
    return [element.text_content() for element in root.iter(tag)]


@pytest.mark.parametrize("opening, closing", [
    ("<div><p>Đoạn {n}</p>", "</div>"),  # a <div> per item, all closed at the end
    ("<span><div><p>Đoạn {n}</p>", "</span>"),  # </span> cannot close the <div>: nothing closes
    ("<font size=2><b><p>Đoạn {n}</p>", "</b></font>"),
    ("<blockquote><p>Đoạn {n}</p>", ""),  # never closed
])
def test_deep_markup_keeps_every_paragraph(opening, closing):
    count = 3000
    html = ("<html><body><h1>Tiêu đề</h1>" + "".join(opening.format(n=n) for n in range(count))
            + closing * count + "<p>Cuối trang</p></body></html>")
    page = Page.parse(html.encode(), URL)
    assert texts(page.root) == [f"Đoạn {n}" for n in range(count)] + ["Cuối trang"]
    assert depth(page.root) <= MAX_DEPTH + 2  # <html> and <body> above


def test_elements_past_the_limit_open_beside_the_deepest():
    html = "<div>" * 5 + "<p>a</p><p>b</p>" + "</div>" * 5
    root = lxml.html.fragment_fromstring(renest(html, max_depth=3), create_parent="section")
    assert [(p.text, sum(1 for _ in p.iterancestors())) for p in root.iter("p")] == [("a", 3), ("b", 3)]
    assert root.text_content() == "ab"


def test_raw_text_and_comments_are_not_markup():
    html = ("<div><script>var s = '" + "<div>" * 500 + "';</script><!-- " + "<div>" * 500 + " -->"
            "<textarea>" + "<p>" * 500 + "</textarea><p>Nội dung</p></div>")
    assert renest(html, max_depth=10) == html


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_real_pages_are_left_as_they_are(page):
    text = decode_html(page.read_bytes())
    assert renest(text) == text
