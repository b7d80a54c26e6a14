"""Navigation sources: feeds, sitemaps and menus, on small hand-written
documents of the shapes portals serve, then on the offline portal's sites."""

from __future__ import annotations

import gzip

import pytest

from scraper.navigation.feeds import USUAL_FEED_PATHS, Entry, feed_links, is_feed_address, parse_feed

# ------------------------------------------------------------------ feeds

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Tin tức & sự kiện</title><link>https://tinh-mau.gov.vn/</link>
<atom:link href="https://tinh-mau.gov.vn/rss/home.rss" rel="self" type="application/rss+xml"/>
<item><title>Hội nghị giao ban quý I</title><link>https://tinh-mau.gov.vn/tin-tuc/hoi-nghi-giao-ban-101.html</link>
  <pubDate>Wed, 10 Jan 2024 08:30:00 +0700</pubDate></item>
<item><title>Khai mạc hội chợ</title><link> /kinh-te/khai-mac-hoi-cho-102.html?utm_source=rss </link>
  <pubDate>10/01/2024 08:30</pubDate></item>
<item><title>Lễ hội & văn hóa</title><guid isPermaLink="true">https://tinh-mau.gov.vn/van-hoa/le-hoi-103.html</guid>
  <dc:date>2024-01-09T17:15:00+07:00</dc:date></item>
<item><title>Tin chỉ có guid mã số</title><guid isPermaLink="false">104</guid></item>
<item><title>Bản tin giờ GMT</title><link>https://tinh-mau.gov.vn/tin-tuc/ban-tin-105.html</link>
  <pubDate>Tue, 09 Jan 2024 01:30:00 GMT</pubDate></item>
<item><title>Bản sao của tin đầu</title><link>https://tinh-mau.gov.vn/tin-tuc/hoi-nghi-giao-ban-101.html</link></item>
<item><title>Ngày giữ chỗ</title><link>https://tinh-mau.gov.vn/tin-tuc/ngay-gia-106.html</link>
  <pubDate>0001-01-01T00:00:00</pubDate></item>
</channel></rss>
"""


def test_rss2_entries_addresses_and_dates():
    entries = parse_feed(RSS2.encode(), "https://tinh-mau.gov.vn/rss/home.rss")
    assert entries == [
        Entry("https://tinh-mau.gov.vn/tin-tuc/hoi-nghi-giao-ban-101.html", "2024-01-10T08:30:00+07:00"),
        # relative, padded, with a tracking parameter; a day-first date is 10 January in Vietnam time
        Entry("https://tinh-mau.gov.vn/kinh-te/khai-mac-hoi-cho-102.html", "2024-01-10T08:30:00+07:00"),
        Entry("https://tinh-mau.gov.vn/van-hoa/le-hoi-103.html", "2024-01-09T17:15:00+07:00"),
        Entry("https://tinh-mau.gov.vn/tin-tuc/ban-tin-105.html", "2024-01-09T01:30:00+00:00"),
        Entry("https://tinh-mau.gov.vn/tin-tuc/ngay-gia-106.html", None),  # a placeholder date is no date
    ]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://so-mau.gov.vn/blog/">
<title>Sở Mẫu</title><updated>2024-03-02T10:00:00Z</updated>
<entry><title>Bài có ngày đăng và ngày sửa</title>
  <link rel="edit" href="https://so-mau.gov.vn/api/posts/7"/>
  <link rel="alternate" type="text/html" href="bai-bay.html"/>
  <published>2024-03-01T09:00:00+07:00</published><updated>2024-03-02T10:00:00Z</updated></entry>
<entry xml:base="https://so-mau.gov.vn/tin/"><title>Chỉ có ngày sửa</title>
  <link href="bai-tam.html"/><updated>2024-02-28T23:00:00Z</updated></entry>
</feed>
"""


def test_atom_alternate_link_under_xml_base_and_published_before_updated():
    assert parse_feed(ATOM.encode(), "https://so-mau.gov.vn/feed.atom") == [
        Entry("https://so-mau.gov.vn/blog/bai-bay.html", "2024-03-01T09:00:00+07:00"),
        Entry("https://so-mau.gov.vn/tin/bai-tam.html", "2024-02-28T23:00:00+00:00"),
    ]


RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://huyen-mau.gov.vn/rss"><title>Huyện Mẫu</title><link>https://huyen-mau.gov.vn/</link>
  <items><rdf:Seq><rdf:li rdf:resource="https://huyen-mau.gov.vn/tin/1"/></rdf:Seq></items></channel>
<item rdf:about="https://huyen-mau.gov.vn/tin/1"><title>Một</title><link>https://huyen-mau.gov.vn/tin/1</link>
  <dc:date>2023-12-31T20:00:00+07:00</dc:date></item>
<item rdf:about="https://huyen-mau.gov.vn/tin/2"><title>Hai, không có link</title><dc:date>2023-12-30</dc:date></item>
</rdf:RDF>
"""


def test_rss1_rdf_items():
    assert parse_feed(RDF.encode(), "https://huyen-mau.gov.vn/rss") == [
        Entry("https://huyen-mau.gov.vn/tin/1", "2023-12-31T20:00:00+07:00"),
        Entry("https://huyen-mau.gov.vn/tin/2", "2023-12-30T00:00:00+07:00"),
    ]


def test_feed_gzipped_with_bom_and_blank_lines_before_its_declaration():
    body = gzip.compress(b"\xef\xbb\xbf\n\n  " + RSS2.encode())
    entries = parse_feed(body, "https://tinh-mau.gov.vn/rss/home.rss")
    assert [entry.url for entry in entries][:2] == ["https://tinh-mau.gov.vn/tin-tuc/hoi-nghi-giao-ban-101.html",
                                                    "https://tinh-mau.gov.vn/kinh-te/khai-mac-hoi-cho-102.html"]


RSS_INDEX_PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>RSS - Báo Mẫu</title>
<link rel="alternate" type="application/rss+xml" title="Trang chủ" href="/rss/home.rss"></head>
<body><div class="header"><a href="/">Trang chủ</a> <a href="/rss.htm">RSS</a></div>
<h1>Kênh RSS</h1><table class="rss-list">
<tr><td>Trang chủ</td><td><a href="https://bao-mau.vn/rss/home.rss">https://bao-mau.vn/rss/home.rss</a></td></tr>
<tr><td>Thời sự</td><td><a href="/rss/thoi-su.rss"><img src="/images/icon-rss.png" alt="RSS"></a></td></tr>
<tr><td>Kinh tế</td><td><a href="/rss/kinh-te.rss">Kinh tế</a></td></tr>
<tr><td>Pháp luật</td><td><a href="/rss/phap-luat">Pháp luật</a></td></tr>
</table><a href="/gioi-thieu.htm">Giới thiệu</a><a href="/images/icon-rss.png">biểu tượng</a></body></html>
"""


def test_an_html_page_served_as_rss_is_no_feed_and_lists_the_feeds():
    assert parse_feed(RSS_INDEX_PAGE.encode(), "https://bao-mau.vn/rss.htm") is None
    assert feed_links(RSS_INDEX_PAGE.encode(), "https://bao-mau.vn/rss.htm") == [
        "https://bao-mau.vn/rss/home.rss", "https://bao-mau.vn/rss/thoi-su.rss", "https://bao-mau.vn/rss/kinh-te.rss",
        "https://bao-mau.vn/rss/phap-luat",
    ]


HOME_WITH_FEEDS = """<html><head><base href="https://www.so-mau.gov.vn/vi/">
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="feed/">
<link rel="alternate" type="application/rss+xml" title="Phản hồi" href="/comments/feed/">
<link rel="alternate" type="application/json+oembed" href="/wp-json/oembed/1.0/embed?url=x">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="alternate" type="application/atom+xml" href="https://so-mau.gov.vn/atom.xml">
<link rel="stylesheet" href="/css/rss.css"></head>
<body><ul class="social"><li><a href="/Trang/RSS.aspx?dm=3" title="RSS">
<img src="/img/rss.gif" alt=""></a></li><li><a href="javascript:void(0)">RSS</a></li>
<li><a href="https://www.facebook.com/somau">Facebook</a></li></ul></body></html>
"""


def test_feed_links_declared_and_linked_in_page_order():
    assert feed_links(HOME_WITH_FEEDS, "https://www.so-mau.gov.vn/vi/trang-chu") == [
        "https://www.so-mau.gov.vn/vi/feed/", "https://so-mau.gov.vn/atom.xml",
        "https://www.so-mau.gov.vn/Trang/RSS.aspx?dm=3",
    ]


@pytest.mark.parametrize("body", [
    b"", b"   \n", b"not a feed at all", b'{"items": []}',
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.vn/1</loc>'
    b"</url></urlset>",
    b"<!DOCTYPE html><html><head><title>404</title></head><body>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y</body></html>",
    gzip.compress(b"<html><body>gzipped page</body></html>"),
])
def test_what_is_not_a_feed(body):
    assert parse_feed(body, "https://a.vn/rss") is None


def test_an_empty_feed_is_a_feed():
    assert parse_feed(b'<rss version="2.0"><channel><title>x</title></channel></rss>', "https://a.vn/rss") == []


def test_the_usual_feed_paths_have_a_feeds_shape():
    """Discovery probes them and the menu leaves feeds out: both must agree on what a feed looks like."""
    assert {"/rss", "/rss/home.rss", "/feed/", "/rss.xml"} <= set(USUAL_FEED_PATHS)
    assert all(path.startswith("/") and is_feed_address("https://a.vn" + path) for path in USUAL_FEED_PATHS)
    assert not any(is_feed_address(url) for url in (
        "https://a.vn/", "https://a.vn/tin-tuc", "https://a.vn/feedback", "https://a.vn/images/rss.png",
        "https://a.vn/comments/feed/"))
