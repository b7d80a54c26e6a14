"""Markup nested deeper than libxml2 parses loses nothing: re-nested, every
paragraph is kept, in order and apart, no deeper than the parser allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extract.blocks import content_blocks
from scraper.extract.decoding import decode_html
from scraper.extract.nesting import MAX_DEPTH, renest
from scraper.extract.page import Page

PAGES = sorted((Path(__file__).parent / "fixtures").glob("*/*.html"))
URL = "https://sonla.gov.vn/tin-tuc/bai-viet.html"


def depth(root) -> int:
    return max(sum(1 for _ in element.iterancestors()) for element in root.iter())


@pytest.mark.parametrize("opening, closing", [
    ("<div><p>Đoạn {n}</p>", "</div>"),  # a <div> per item, all closed at the end
    ("<div>Đoạn {n}", "</div>"),  # the same with bare text
    ("<span><div><p>Đoạn {n}</p>", "</span>"),  # </span> cannot close the <div>: nothing closes
    ("<font size=2><b><p>Đoạn {n}</p>", "</b></font>"),
    ("<blockquote><p>Đoạn {n}</p>", ""),  # never closed
])
def test_deep_markup_keeps_every_paragraph(opening, closing):
    count = 3000
    html = ("<html><body><h1>Tiêu đề</h1>" + "".join(opening.format(n=n) for n in range(count))
            + closing * count + "<p>Cuối trang</p></body></html>")
    page = Page.parse(html.encode(), URL)
    blocks = content_blocks(page.root.find("body"), URL)
    assert [block.text for block in blocks] == ["Tiêu đề", *(f"Đoạn {n}" for n in range(count)), "Cuối trang"]
    assert depth(page.root) <= MAX_DEPTH + 1  # <html> above <body>


def test_tags_past_the_limit_are_left_out_block_ones_for_one_line_break():
    assert renest("<div>" * 5 + "x" + "</div>" * 5, max_depth=2) == "<div><div><br>x<br></div></div>"
    assert renest("<div><p>a</p>" * 4 + "</div>" * 4, max_depth=2) == "<div><p>a</p><div><br>a<br>a<br>a<br></div></div>"
    assert renest("<b>" * 4 + "x" + "</b>" * 4, max_depth=2) == "<b><b>x</b></b>"


def test_links_are_kept_one_level_past_the_limit():
    html = "<div>" * 4 + '<a href="/van-ban/qd.pdf"><span>Quyết định</span></a>' + "</div>" * 4
    assert renest(html, max_depth=2) == '<div><div><br><a href="/van-ban/qd.pdf">Quyết định</a><br></div></div>'


def test_raw_text_and_comments_are_not_markup():
    html = ("<div><script>var s = '" + "<div>" * 500 + "';</script><!-- " + "<div>" * 500 + " -->"
            "<textarea>" + "<p>" * 500 + "</textarea><p>Nội dung</p></div>")
    assert renest(html, max_depth=10) == html


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_real_pages_are_left_as_they_are(page):
    text = decode_html(page.read_bytes())
    assert renest(text) == text
