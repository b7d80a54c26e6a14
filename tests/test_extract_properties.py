"""extract() on hostile input: never raises, never hangs, never invents text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.extract import Article, extract

PAGES = sorted((Path(__file__).parent / "fixtures").glob("*/*.html"))
URL = "https://example.gov.vn/tin-tuc/bai-viet-1.html"
BOUNDED = settings(deadline=timedelta(seconds=10), max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(st.binary(max_size=20_000))
def test_arbitrary_bytes(data):
    assert isinstance(extract(data, URL), Article)


@BOUNDED
@given(st.text(max_size=5_000))
def test_arbitrary_text_in_a_page(text):
    article = extract(f"<html><body><h1>{text}</h1><div>{text}</div></body></html>", URL)
    assert isinstance(article, Article)


@BOUNDED
@given(st.sampled_from(PAGES), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_pages(page, fraction):
    data = page.read_bytes()
    article = extract(data[: int(len(data) * fraction)], URL)
    assert isinstance(article, Article)
    if not article.is_article:
        assert not article.title and not article.body


@BOUNDED
@given(st.integers(min_value=1, max_value=20_000), st.sampled_from(["div", "table", "font", "p", "span", "li"]))
def test_deeply_nested(depth, tag):
    html = f"<html><body>{f'<{tag}>' * depth}Nội dung bài viết ở rất sâu.{f'</{tag}>' * depth}</body></html>"
    assert isinstance(extract(html.encode(), URL), Article)


@settings(deadline=timedelta(seconds=30), max_examples=3)
@given(st.integers(min_value=2, max_value=8))
def test_multi_megabyte_page(megabytes):
    paragraph = "<p>Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 của tất cả các xã.</p>\n"
    body = paragraph * (megabytes * 1024 * 1024 // len(paragraph.encode()))
    html = f"<html><head><title>Trang lớn</title></head><body><h1>Trang lớn</h1><div class='content'>{body}</div></body></html>"
    article = extract(html.encode(), URL)
    assert isinstance(article, Article)


def test_placeholder_article_invents_nothing():
    html = "<html><body><h1 class='news-title'>Thông báo</h1><div class='news-content'><p>Nội dung đang được cập nhật.</p></div></body></html>"
    article = extract(html, URL)
    assert not article.is_article
    assert article.title == "" and article.body == ""
