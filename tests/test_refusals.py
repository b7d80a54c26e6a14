"""Block pages and JavaScript-only shells are recognised (scraper/extract/refusal.py),
and pages with text of their own are not: small hand-written pages, one per rule."""

from __future__ import annotations

import lxml.html
import pytest

from scraper.extract import extract
from scraper.extract.refusal import page_refusal

URL = "https://mae.gov.vn/tin-tuc/bai-viet-123.htm"
PROSE = ("Sáng 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội "
         "quý II, với sự tham dự của lãnh đạo các sở, ban, ngành và các huyện, thành phố trong tỉnh. ") * 6


def page(body: str, title: str = "", head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


def refusal(html: str):
    return page_refusal(lxml.html.document_fromstring(html))


BLOCK_PAGES = {
    "the ministry's own words": page(
        "<h1>Thông báo từ chối truy cập</h1><p>Yêu cầu của bạn đã bị hệ thống từ chối. Mã sự cố: 7781-2231.</p>",
        "Thông báo từ chối truy cập"),
    "a bare Forbidden": page("<h1>Forbidden</h1><p>You don't have permission to access this resource.</p>",
                             "403 Forbidden"),
    "Access Denied in the text only": page(
        "<div><p>Access Denied. Reference #18.2c3e1002.1718000000.5a1b</p></div>", "Lỗi"),
    "an F5 rejection": page("<p>The requested URL was rejected. Please consult with your administrator.</p>"
                            "<p>Your support ID is: 1234567890</p>", "Request Rejected"),
    "Cloudflare's block": page("<div id=\"cf-error-details\"><h1>Sorry, you have been blocked</h1>"
                               "<h2>You are unable to access gov.vn</h2></div>", "Attention Required! | Cloudflare"),
    "Cloudflare's challenge": page(
        "<noscript>Enable JavaScript and cookies to continue</noscript>"
        "<form id=\"challenge-form\" action=\"/?__cf_chl_f_tk=abc\" method=\"POST\"></form><script>var a=1;</script>",
        "Just a moment..."),
    "a captcha": page("<h2>Xác minh bạn không phải robot</h2><div class=\"g-recaptcha\" data-sitekey=\"x\"></div>",
                      "Kiểm tra bảo mật"),
}

APP_SHELLS = {
    "React": page("<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div>",
                  "Cổng thông tin điện tử", '<script defer src="/static/js/main.3f2a.js"></script>'),
    "Vue": page("<div id=\"app\"></div><script src=\"/js/app.js\"></script>", "Sở Tư pháp"),
    "Next.js without text": page(
        "<div id=\"__next\"></div><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{}}</script>"
        "<script src=\"/_next/static/chunks/main.js\"></script>", "Tin tức"),
    "a noscript in Vietnamese": page(
        "<noscript>Vui lòng bật JavaScript để xem trang.</noscript><div class=\"loading\">Đang tải...</div>"
        "<script src=\"/bundle.js\"></script>", "Cổng thông tin"),
    "scripts and no text at all": page("<script src=\"/_layouts/15/init.js\"></script><div></div>", "Trang chủ"),
}


@pytest.mark.parametrize("name", BLOCK_PAGES)
def test_a_block_page_is_access_denied(name):
    found = refusal(BLOCK_PAGES[name])
    assert found is not None and found.kind == "access-denied", name


@pytest.mark.parametrize("name", APP_SHELLS)
def test_an_app_shell_is_javascript_only(name):
    found = refusal(APP_SHELLS[name])
    assert found is not None and found.kind == "javascript-only", name


READABLE = {
    "an article about access being denied": page(
        f"<h1>Từ chối truy cập trái phép vào hệ thống thông tin của tỉnh</h1><p>{PROSE}</p>",
        "Từ chối truy cập trái phép vào hệ thống thông tin của tỉnh"),
    "a short article whose title speaks of refused access": page(
        f"<h1>Từ chối truy cập trái phép vào hệ thống thông tin của tỉnh</h1><p>{PROSE[:600]}</p>",
        "Từ chối truy cập trái phép vào hệ thống thông tin của tỉnh"),
    "a short article quoting an error message": page(
        f"<h1>Khắc phục lỗi cổng dịch vụ công</h1><p>{PROSE[:400]} Người dùng gặp thông báo "
        "\"Access denied\" khi nộp hồ sơ trực tuyến đã được hướng dẫn đăng nhập lại.</p>", "Khắc phục lỗi"),
    "an article with scripts and a React root holding its text": page(
        f"<div id=\"root\"><h1>Hội nghị triển khai nhiệm vụ quý II</h1><p>{PROSE}</p></div>"
        "<script src=\"/main.js\"></script>", "Hội nghị"),
    "a short notice without scripts": page("<h1>Thông báo</h1><p>Lịch tiếp công dân tháng 5 được đăng kèm.</p>",
                                           "Thông báo"),
    "a short notice with a counter script": page(
        "<h1>Thông báo nghỉ lễ</h1><p>Cơ quan nghỉ lễ Quốc khánh từ ngày 30/8 đến hết ngày 2/9, "
        "đi làm lại từ thứ Ba ngày 3/9.</p><script>counter()</script>", "Thông báo nghỉ lễ"),
    "an empty page": page("", "Trang"),
    "an error page with scripts": page("<h1>Trang không tồn tại</h1><script src=\"/js/site.js\"></script>", "Lỗi 404"),
    "a comment form with a captcha under an article": page(
        f"<h1>Hội nghị</h1><p>{PROSE}</p><form><div class=\"g-recaptcha\"></div></form>", "Hội nghị"),
}


@pytest.mark.parametrize("name", READABLE)
def test_a_page_with_text_of_its_own_is_neither(name):
    assert refusal(READABLE[name]) is None, name


def test_extraction_names_the_refusal_and_never_makes_it_an_article():
    for name, html in BLOCK_PAGES.items():
        blocked = extract(html.encode(), URL)
        assert (blocked.is_article, blocked.extractor, blocked.title, blocked.body) == (False, "access-denied", "", ""), name
    for name, html in APP_SHELLS.items():
        shell = extract(html.encode(), URL)
        assert (shell.is_article, shell.extractor, shell.title, shell.body) == (False, "javascript-only", "", ""), name
    article = extract(READABLE["an article about access being denied"].encode(), URL)
    assert article.extractor not in ("access-denied", "javascript-only")


def test_a_page_of_very_many_elements_is_not_walked_to_its_end():
    """The judgement reads a bounded part of a page: one of 30,000 empty
    elements is neither, whatever its end says (no block page is that large)."""
    html = page("<div></div>" * 30_000 + "<h1>Access denied</h1>", "Access denied")
    assert refusal(html) is None
    assert refusal(page("<div></div>" * 3_000 + "<h1>Access denied</h1>", "Access denied")).kind == "access-denied"
