"""The canonical form of a URL, and the shapes only link loops make."""

from __future__ import annotations

import pytest

from scraper.urls import canonical_url, is_trap, same_site


@pytest.mark.parametrize("url, expected", [
    # session ids: in the path (Java, ASP.NET cookieless) and in the query
    ("https://sonla.gov.vn/tin-tuc/a-1.html;jsessionid=0A1B2C3D", "https://sonla.gov.vn/tin-tuc/a-1.html"),
    ("https://sonla.gov.vn/(S(x1y2z3abcdefghijklmnopqr))/tin-tuc/a-1.html", "https://sonla.gov.vn/tin-tuc/a-1.html"),
    ("https://sonla.gov.vn/(S(abc))/(A(def))/tin-tuc", "https://sonla.gov.vn/tin-tuc"),
    ("https://sonla.gov.vn/tin-tuc?PHPSESSID=abc&page=2", "https://sonla.gov.vn/tin-tuc?page=2"),
    ("https://sonla.gov.vn/tin?sid=9&id=4&ASPSESSIONIDQQ=1", "https://sonla.gov.vn/tin?id=4"),
    # tracking parameters and fragments
    ("https://sonla.gov.vn/a-1.html?utm_source=fb&utm_medium=x&fbclid=1#binh-luan", "https://sonla.gov.vn/a-1.html"),
    ("https://sonla.gov.vn/a?gclid=1&zarsrc=2", "https://sonla.gov.vn/a"),
    # a paging parameter at 0 is the first page; at 1 it may be the second (Drupal)
    ("https://sonla.gov.vn/tin-chinh-tri/a-619809?pageindex=0", "https://sonla.gov.vn/tin-chinh-tri/a-619809"),
    ("https://x.gov.vn/tin?cat=2&page=0", "https://x.gov.vn/tin?cat=2"),
    ("https://x.gov.vn/tin?page=1", "https://x.gov.vn/tin?page=1"),
    ("https://x.gov.vn/tin?id=0", "https://x.gov.vn/tin?id=0"),
    # host case, default ports, dot segments, doubled slashes, default documents
    ("HTTPS://SonLa.gov.vn:443/a/../b/./c", "https://sonla.gov.vn/b/c"),
    ("http://sonla.gov.vn:80//tin-tuc//a-1.html", "http://sonla.gov.vn/tin-tuc/a-1.html"),
    ("https://sonla.gov.vn/tin-tuc/index.html", "https://sonla.gov.vn/tin-tuc/"),
    ("https://sonla.gov.vn/Default.aspx", "https://sonla.gov.vn/"),
    # what a page means stays: other parameters, their order, blank values, ports
    ("https://x.gov.vn/default.asp?act=list&cat=1", "https://x.gov.vn/default.asp?act=list&cat=1"),
    ("https://x.gov.vn/p?b=2&a=1&empty=", "https://x.gov.vn/p?b=2&a=1&empty="),
    ("http://127.0.0.1:8000/tin-tuc", "http://127.0.0.1:8000/tin-tuc"),
    ("https://x.gov.vn/web/guest/tin?_101_INSTANCE_ab_cur=3&p_p_id=101", "https://x.gov.vn/web/guest/tin?_101_INSTANCE_ab_cur=3&p_p_id=101"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected  # a canonical URL is its own canonical form


@pytest.mark.parametrize("url, trap", [
    ("https://x.gov.vn/en/en/en/tin-tuc", True),
    ("https://x.gov.vn/en/tin-tuc", False),
    ("https://x.gov.vn/en/en/tin-tuc", False),  # two in a row happen (/vi/vi-vn/); three do not
    ("https://x.gov.vn/" + "/".join(f"s{i}" for i in range(30)), True),
    ("https://x.gov.vn/a?" + "x" * 2100, True),
    ("https://x.gov.vn/2024/01/10/slug/", False),
])
def test_is_trap(url, trap):
    assert is_trap(url) is trap


def test_same_site_takes_the_listed_hosts_only():
    domains = ("sonla.gov.vn", "www.sonla.gov.vn")
    assert same_site("https://www.sonla.gov.vn/a", domains)
    assert not same_site("https://dichvucong.sonla.gov.vn/a", domains)  # another site of the province
    assert not same_site("https://sonla.gov.vn.evil.example/a", domains)
