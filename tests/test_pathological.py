"""Pathological pages (bench/pathological.py) extract right: every
attachment, paragraph, row and image, in order, beside the article's own
title, lead, date and category. How fast is measured by
bench/pathological_bench.py, never here."""

from __future__ import annotations

import pytest
from lxml.cssselect import CSSSelector

from bench import pathological as P
from scraper.extract import Article, extract
from scraper.extract.page import Page


def article_of(page: bytes) -> Article:
    """The page's article, checked for the parts every shape shares."""
    article = extract(page, P.URL)
    assert article.is_article, article.extractor
    assert (article.title, article.lead, article.published_at, article.category) == (
        P.TITLE, P.LEAD, P.PUBLISHED_AT, P.CATEGORY)
    return article


def paragraphs(count: int) -> list[str]:
    return [P.paragraph(n) for n in range(1, count + 1)]


def documents(count: int) -> list[tuple[str, str, str]]:
    return [(P.document_url(n), P.document_title(n), "pdf") for n in range(1, count + 1)]


def test_16000_document_links_are_all_attachments_in_order():
    article = article_of(P.document_links(16_000))
    assert [(a.url, a.title, a.type) for a in article.attachments] == documents(16_000)
    assert article.paragraphs == P.INTRO


def test_download_lines_on_a_page_wide_form():
    article = article_of(P.form_document_lines(4_000))
    assert [(a.url, a.title, a.type) for a in article.attachments] == documents(4_000)
    assert article.paragraphs == P.INTRO


def test_16000_paragraphs():
    assert article_of(P.paragraphs(16_000)).paragraphs == P.INTRO + paragraphs(16_000)


def test_paragraphs_citing_links_are_the_article_not_a_listing():
    article = article_of(P.linked_paragraphs(4_000))
    assert article.paragraphs == P.INTRO + [f"Thực hiện {P.linked_title(n)}, {P.paragraph(n)}" for n in range(1, 4_001)]


def test_10000_nested_divs_keep_every_paragraph():
    """The vnPortal layout names the content: all of it, 9,800 paragraphs of
    it past libxml2's depth limit."""
    article = article_of(P.vnportal(P.nested_divs(10_000)))
    assert article.paragraphs == P.INTRO + paragraphs(10_000)


@pytest.mark.parametrize("make", [P.nested_divs, P.nested_linked_divs])
def test_10000_nested_divs_on_the_generic_path(make):
    """Past the depth limit the page is flattened (as a browser does) and the
    generic scorer takes the block holding the flattened part: the page's
    last paragraphs, in order, all but the first two hundred."""
    article = article_of(make(10_000))
    assert len(article.paragraphs) >= 9_800
    assert [p.split(" Xem chi tiết")[0] for p in article.paragraphs] == paragraphs(10_000)[-len(article.paragraphs):]


def test_5000_row_table_beside_its_introduction():
    rows = ["STT | Tên dự án | Địa điểm | Vốn (tỷ đồng)"] + [" | ".join(P.table_row(n)) for n in range(1, 5_001)]
    assert article_of(P.table_rows(5_000)).paragraphs == P.INTRO + ["\n".join(rows)]


def test_2_mb_word():
    assert article_of(P.long_paragraph(2_000_000)).paragraphs == P.INTRO + [P.long_word(2_000_000)]


def test_20000_captioned_images():
    article = article_of(P.images(20_000))
    assert [(i.src, i.caption) for i in article.images] == [(P.image_url(n), P.image_caption(n)) for n in range(1, 20_001)]
    assert article.paragraphs == P.INTRO


def test_hidden_spans_between_16000_words():
    article = article_of(P.hidden_spans(16_000))
    assert article.paragraphs == P.INTRO + [" ".join(f"từ{n}" for n in range(1, 16_001))]


def test_signature_split_by_16000_line_breaks():
    article = article_of(P.spaced_signature(16_000))
    assert article.paragraphs[:4] == P.INTRO + [P.paragraph(1)]


def test_title_of_1600_parts():
    article = article_of(P.long_title(1_600))
    assert article.paragraphs == P.INTRO


@pytest.mark.parametrize("selector", [".x p", ".x .y p", ".y a", "div.x  .y"])
def test_selectors_below_nested_matches_find_each_element_once_in_page_order(selector):
    html = ("<html><body><p>before</p>" + '<div class="x"><div class="y"><p>a<a>1</a></p>' * 3
            + "<p>b</p>" + "</div></div>" * 3 + '<div class="y"><p>c<a>2</a></p></div></body></html>')
    page = Page.parse(html.encode(), P.URL)
    assert page.select(selector) == CSSSelector(selector, translator="html")(page.root)
