"""Navigation sources: feeds, sitemaps and menus, on small hand-written
documents of the shapes portals serve, then on the offline portal's sites."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import urllib.error
import urllib.request
import zlib

import pytest

from scraper.demo import FAMILIES, DemoPortal
from scraper.demo.content import CATEGORIES
from scraper.extract.dates import VIETNAM_TZ
from scraper.navigation.feeds import USUAL_FEED_PATHS, Entry, feed_links, is_feed_address, parse_feed
from scraper.navigation.menu import listing_candidates, menu_links
from scraper.navigation.sitemaps import MAX_DOCUMENT_BYTES, MAX_ENTRIES, parse_sitemap, robots_sitemaps
from scraper.urls import canonical_url

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
<item><title>Giờ Đông Dương</title><link>https://tinh-mau.gov.vn/tin-tuc/gio-107.html</link>
  <pubDate>Mon, 08 Jan 2024 16:00:00 ICT</pubDate></item>
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
        Entry("https://tinh-mau.gov.vn/tin-tuc/gio-107.html", "2024-01-08T16:00:00+07:00"),  # a zone by name
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
<li><a href="https://www.facebook.com/somau">Facebook</a></li>
<li><a href="https://bao-khac.vn/rss/home.rss">RSS Báo Khác</a></li></ul></body></html>
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


# ------------------------------------------------------------------ robots.txt and sitemaps

ROBOTS = """\ufeffUser-agent: *
Disallow:
# Sitemap: https://tinh-mau.gov.vn/old-sitemap.xml
Sitemap: https://tinh-mau.gov.vn/sitemap.xml
sitemap : /sitemap-news.xml   # the news one
SITEMAP:https://tinh-mau.gov.vn/sitemap.xml
User-agent: BadBot
Disallow: /
Sitemap: https://cdn.tinh-mau.gov.vn/sitemaps/index.xml.gz
"""


def test_robots_sitemap_lines_any_case_absolute_once():
    assert robots_sitemaps(ROBOTS, "https://tinh-mau.gov.vn/") == [
        "https://tinh-mau.gov.vn/sitemap.xml", "https://tinh-mau.gov.vn/sitemap-news.xml",
        "https://cdn.tinh-mau.gov.vn/sitemaps/index.xml.gz",
    ]
    assert robots_sitemaps("User-agent: *\nDisallow: /admin/\n", "https://a.vn/") == []


URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://tinh-mau.gov.vn/</loc><changefreq>hourly</changefreq></url>
<url><loc>https://tinh-mau.gov.vn/tin-tuc/bai-1.html</loc><lastmod>2024-01-10T08:30:00+07:00</lastmod>
  <image:image><image:loc>https://tinh-mau.gov.vn/anh/bai-1.jpg</image:loc></image:image></url>
<url><image:image><image:loc>https://tinh-mau.gov.vn/anh/mo-coi.jpg</image:loc></image:image></url>
<url><loc>/tin-tuc/bai-2.html</loc><lastmod>2024-01-09</lastmod></url>
<url><loc>https://tinh-mau.gov.vn/tin-tuc/bai-1.html</loc></url>
</urlset>
"""


def test_urlset_entries_with_lastmod():
    sitemap = parse_sitemap(URLSET.encode(), "https://tinh-mau.gov.vn/sitemap.xml")
    assert sitemap.entries == [
        Entry("https://tinh-mau.gov.vn/", None),
        Entry("https://tinh-mau.gov.vn/tin-tuc/bai-1.html", "2024-01-10T08:30:00+07:00"),  # not its image
        Entry("https://tinh-mau.gov.vn/tin-tuc/bai-2.html", "2024-01-09T00:00:00+07:00"),
    ]
    assert sitemap.children == [] and not sitemap.truncated


def test_sitemap_without_namespace_after_a_bom_and_blank_lines():
    body = (b"\xef\xbb\xbf\r\n\n  <?xml version='1.0'?><urlset><url><loc>https://a.vn/x</loc>"
            b"<lastmod>2024-05-01T10:00:00Z</lastmod></url></urlset>")
    assert parse_sitemap(body, "https://a.vn/sitemap.xml").entries == [
        Entry("https://a.vn/x", "2024-05-01T10:00:00+00:00")]


INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://tinh-mau.gov.vn/sitemap-2024-01.xml</loc><lastmod>2024-01-31T23:00:00+07:00</lastmod></sitemap>
<sitemap><loc>https://tinh-mau.gov.vn/sitemap-2023-12.xml.gz</loc></sitemap>
</sitemapindex>
"""


def test_gzipped_sitemap_index_known_by_its_magic_bytes_not_its_name():
    for url in ("https://tinh-mau.gov.vn/sitemap.xml", "https://tinh-mau.gov.vn/sitemap.xml.gz"):
        for body in (gzip.compress(INDEX.encode()), INDEX.encode()):
            sitemap = parse_sitemap(body, url)
            assert sitemap.entries == []
            assert sitemap.children == ["https://tinh-mau.gov.vn/sitemap-2024-01.xml",
                                        "https://tinh-mau.gov.vn/sitemap-2023-12.xml.gz"]
            assert sitemap.children_lastmod == {
                "https://tinh-mau.gov.vn/sitemap-2024-01.xml": "2024-01-31T23:00:00+07:00"}


NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://bao-mau.vn/thoi-su/bai-moi-102240110083000.htm</loc><lastmod>2024-01-12T09:00:00+07:00</lastmod>
  <news:news><news:publication><news:name>Báo Mẫu</news:name><news:language>vi</news:language></news:publication>
  <news:publication_date>2024-01-10T08:30:00+07:00</news:publication_date><news:title>Bài mới</news:title></news:news></url>
</urlset>
"""


def test_news_sitemap_gives_the_publication_date_over_lastmod():
    assert parse_sitemap(NEWS.encode(), "https://bao-mau.vn/sitemap-news.xml").entries == [
        Entry("https://bao-mau.vn/thoi-su/bai-moi-102240110083000.htm", "2024-01-10T08:30:00+07:00")]


def test_text_sitemap_one_address_a_line():
    body = b"https://a.vn/tin/1\r\n\nhttps://a.vn/tin/2\nhttps://a.vn/tin/1\n"
    assert parse_sitemap(body, "https://a.vn/sitemap.txt").entries == [Entry("https://a.vn/tin/1", None),
                                                                         Entry("https://a.vn/tin/2", None)]


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><body><h1>Trang ch\xe1\xbb\xa7</h1></body></html>",  # the home page, status 200
    b"User-agent: *\nDisallow: /\n",
    b"",
    gzip.compress(b"<html><body>not found</body></html>"),
])
def test_what_is_not_a_sitemap_gives_none(body):
    assert parse_sitemap(body, "https://a.vn/sitemap.xml") is None


def test_a_feed_named_as_a_sitemap_gives_its_entries():
    sitemap = parse_sitemap(RSS2.encode(), "https://tinh-mau.gov.vn/rss/home.rss")
    assert sitemap.entries[0] == Entry("https://tinh-mau.gov.vn/tin-tuc/hoi-nghi-giao-ban-101.html",
                                       "2024-01-10T08:30:00+07:00")


def test_entries_capped_at_the_protocols_limit():
    body = ("<urlset>" + "".join(f"<url><loc>https://a.vn/tin/{n}</loc></url>" for n in range(MAX_ENTRIES + 10))
            + "</urlset>").encode()
    sitemap = parse_sitemap(body, "https://a.vn/sitemap.xml")
    assert len(sitemap.entries) == MAX_ENTRIES and sitemap.truncated
    assert sitemap.entries[-1].url == f"https://a.vn/tin/{MAX_ENTRIES - 1}"


def _gzip_bomb(prefix: bytes, inflated_size: int) -> bytes:
    """A gzip stream of ``prefix`` and then spaces, ``inflated_size`` bytes
    inflated. Each megabyte of spaces compresses alone (a full flush resets
    the compressor), so one compressed block repeated makes the stream in
    milliseconds; its CRC is wrong, which nothing inflating it as far as
    the limit ever sees."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    megabyte = b" " * 2 ** 20
    block = compressor.compress(megabyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(megabyte) + compressor.flush(zlib.Z_FULL_FLUSH) == block
    return head + block * (inflated_size // len(megabyte)) + compressor.flush()


def test_gzip_bomb_is_inflated_only_to_the_limit():
    """A 2 GB bomb in a 2 MB body, parsed in a fresh interpreter: quick, and
    its memory stays near the 50 MB limit (libxml2's memory is no Python
    allocation, so the process's peak is what is measured)."""
    bomb = _gzip_bomb(b"<urlset><url><loc>https://a.vn/tin/1</loc></url>", 2 * 2 ** 30)
    assert len(bomb) < 4 * 2 ** 20
    script = """
import json, resource, sys, time
from scraper.navigation.sitemaps import parse_sitemap
body = sys.stdin.buffer.read()
before, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
sitemap = parse_sitemap(body, "https://a.vn/sitemap.xml")
print(json.dumps({"urls": [e.url for e in sitemap.entries], "truncated": sitemap.truncated,
                  "seconds": time.monotonic() - start,
                  "grown_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before}))
"""
    result = subprocess.run([sys.executable, "-c", script], input=bomb, capture_output=True, timeout=120, check=True)
    outcome = json.loads(result.stdout)
    assert outcome["urls"] == ["https://a.vn/tin/1"] and outcome["truncated"]
    assert outcome["seconds"] < 20
    assert outcome["grown_kb"] * 1024 < 4 * MAX_DOCUMENT_BYTES


# ------------------------------------------------------------------ menus and listing candidates

PORTAL_HOME = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng TTĐT tỉnh Mẫu</title></head>
<body><div class="top-links"><a href="/lien-he">Liên hệ</a> <a href="/en">English</a></div>
<nav class="main-nav"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/web/guest/trang-chu">Trang chủ</a></li>
<li><a href="https://www.tinh-mau.gov.vn/tin-tuc">Tin tức</a><ul class="sub">
  <li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="tin-tuc/chinh-tri#top">Chính trị</a></li>
  <li><a href="/tin-tuc/kinh-te?utm_source=menu">Kinh tế</a></li></ul></li>
<li><a href="#">Văn bản</a><ul class="sub"><li><a href="/van-ban/chi-dao">Văn bản chỉ đạo</a></li>
  <li><a href="/files/quy-che.pdf">Quy chế (PDF)</a></li></ul></li>
<li><a href="https://dichvucong.tinh-mau.gov.vn/">Dịch vụ công</a></li>
<li><a href="/Default.aspx?pageid=501">Sơ đồ cổng</a></li><li><a href="/tim-kiem">Tìm kiếm</a></li>
<li><a href="/dang-nhap">Đăng nhập</a></li><li><a href="/web/english">English</a></li>
<li><a href="/fr/accueil" hreflang="fr">Français</a></li><li><a href="/en/news">News</a></li>
<li><a href="/rss.htm">RSS</a></li>
<li><a href="javascript:void(0)">Thêm</a></li><li><a href="mailto:ubnd@tinh-mau.gov.vn">Thư điện tử</a></li>
<li><a href="tel:02123456789">Đường dây nóng</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li>
</ul></nav>
<main><h1>Tin nổi bật</h1><a href="/tin-tuc/bai-1.html">Bài thứ nhất</a></main></body></html>
"""


def test_menu_links_category_pages_in_order_without_utilities():
    assert menu_links(PORTAL_HOME.encode(), "https://www.tinh-mau.gov.vn/") == [
        "https://www.tinh-mau.gov.vn/tin-tuc", "https://www.tinh-mau.gov.vn/tin-tuc/chinh-tri",
        "https://www.tinh-mau.gov.vn/tin-tuc/kinh-te", "https://www.tinh-mau.gov.vn/van-ban/chi-dao",
        "https://www.tinh-mau.gov.vn/hoi-dap",
    ]


def test_menu_links_of_an_inner_page_leave_it_out_with_or_without_www():
    assert menu_links(PORTAL_HOME, "https://tinh-mau.gov.vn/tin-tuc")[:2] == [
        "https://tinh-mau.gov.vn/tin-tuc/chinh-tri", "https://tinh-mau.gov.vn/tin-tuc/kinh-te"]


@pytest.mark.parametrize("menu, category", [
    ('<div id="ctl00_MenuTop"><a href="/tin-tuc">Tin tức</a></div>', "/tin-tuc"),  # vnPortal
    ('<div class="menu"><a href="/tin-tuc">Tin tức</a></div>', "/tin-tuc"),
    ('<nav id="navigation" class="sort-pages"><ul role="menubar"><li class="lfr-nav-item">'
     '<a href="/web/guest/tin-tuc" role="menuitem">Tin tức</a></li></ul></nav>', "/web/guest/tin-tuc"),  # Liferay
    ('<div class="ms-core-navigation"><ul class="root ms-core-listMenu-root static"><li class="static">'
     '<a class="static menu-item" href="/Trang/TinTuc.aspx?dm=1">Tin tức</a></li></ul></div>',
     "/Trang/TinTuc.aspx?dm=1"),  # SharePoint
    ('<ul id="primary-menu" class="menu"><li class="menu-item menu-item-type-taxonomy">'
     '<a href="/category/tin-tuc/">Tin tức</a></li></ul>', "/category/tin-tuc/"),  # WordPress
    ('<table><tr><td><a class="menuleft" href="/default.asp?act=list&amp;cat=1">Tin tức</a></td></tr></table>',
     "/default.asp?act=list&cat=1"),  # a table layout: only the link's own class says so
    ('<div role="navigation"><a href="/tin-tuc">Tin tức</a></div>', "/tin-tuc"),
    ('<div class="mega-menu"><div class="col"><a href="/tin-tuc">Tin tức</a></div></div>', "/tin-tuc"),
    ('<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/tin-tuc">Tin tức</a></li></ul>',
     "/tin-tuc"),
])
def test_menus_of_every_platform(menu, category):
    html = f"<html><body><div class=header>{menu}</div><p>Nội dung <a href='/lich'>Lịch</a></p></body></html>"
    assert menu_links(html, "https://a.gov.vn/") == ["https://a.gov.vn" + category]


def test_what_is_named_like_a_menu_but_is_none():
    html = """<html><body class="menu-open"><div id="wrapper" class="has-navbar">
<main><a href="/tin-tuc/bai-1.html">Bài</a></main></div>
<div class="ArticleInMenu">
<a href="/tin-tuc/hoi-nghi-tong-ket">Hội nghị tổng kết công tác năm 2023 của tỉnh</a>
<a href="/tin-tuc/doan-cong-tac">Đoàn công tác của tỉnh thăm huyện miền núi</a>
<a href="/tin-tuc/ky-hop">Kỳ họp thứ mười một Hội đồng nhân dân huyện</a></div>
<nav class="pagination"><a href="/tin-tuc?page=2">2</a><a href="/tin-tuc?page=3">3</a></nav>
<nav><a href="/gioi-thieu">Giới thiệu</a></nav></body></html>"""
    assert menu_links(html, "https://a.gov.vn/tin-tuc") == ["https://a.gov.vn/gioi-thieu"]


def test_menu_links_resolve_against_the_pages_base():
    html = ('<html><head><base href="/portal/"></head>'
            '<body><nav><a href="KenhTin/Tin-tuc.aspx">Tin tức</a></nav></body></html>')
    assert menu_links(html, "https://a.gov.vn/portal/Pages/default.aspx") == [
        "https://a.gov.vn/portal/KenhTin/Tin-tuc.aspx"]


def test_no_markup_no_links():
    assert menu_links(b"", "https://a.gov.vn/") == [] and listing_candidates("  ", "https://a.gov.vn/") == []


HOME_BLOCKS = """<html><body>
<nav class="menu"><a href="/tin-tuc">Tin tức</a></nav>
<div class="home">
 <div class="block"><h2><a href="/chinh-tri">Chính trị</a></h2>
  <div class="item"><a href="/chinh-tri/bai-1"><img src="/a.jpg" alt=""></a>
   <h3><a href="/chinh-tri/bai-1">Thường trực Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy về công tác cán bộ</a></h3></div>
  <ul><li><a href="/chinh-tri/bai-2">Hội đồng nhân dân tỉnh giám sát việc thực hiện chính sách giảm nghèo bền vững</a></li>
   <li><a href="/chinh-tri/bai-3">Đảng bộ xã kết nạp mười sáu đảng viên mới trong dịp kỷ niệm thành lập Đảng</a></li></ul>
  <a class="more" href="/chinh-tri">Xem thêm »</a></div>
 <div class="block"><div class="block-title">Tin nổi bật</div>
  <div class="teaser"><h3><a href="/kinh-te/bai-4">Hội chợ nông sản 2024</a></h3><p>Sáng nay khai mạc hội chợ.</p></div>
  <div class="teaser"><h3><a href="/kinh-te/bai-5">Thu ngân sách huyện sáu tháng đầu năm đạt chín mươi phần trăm dự toán</a></h3>
   <a href="/kinh-te/bai-5">12/06/2024</a> <a href="/kinh-te/bai-5#binh-luan">Bình luận (3)</a></div>
  <div class="teaser"><h3><a href="/kinh-te/bai-6">Nông dân thu hoạch chè Shan tuyết cổ thụ trên đỉnh núi cao</a></h3></div>
  <div class="teaser"><h3><a href="/kinh-te/bai-7">Hợp tác xã cà phê nâng cao giá trị sản phẩm nhờ chuyển đổi số</a></h3></div>
  <span class="cat-links"><a href="/kinh-te" rel="category tag">Kinh tế</a></span>
  <div class="view-all"><a href="/van-hoa">Xem tất cả</a></div></div>
 <p><a href="/tin-tuc/bai-8">Xem thêm: Lễ hội văn hóa các dân tộc được tổ chức tại quảng trường trung tâm</a></p>
</div></body></html>"""


def test_listing_candidates_view_all_links_block_headings_and_category_links():
    assert listing_candidates(HOME_BLOCKS, "https://a.gov.vn/") == [
        "https://a.gov.vn/chinh-tri", "https://a.gov.vn/kinh-te", "https://a.gov.vn/van-hoa"]


# ------------------------------------------------------------------ the offline portal's sites, over HTTP

FEEDLESS = ("legacy", "tandan")  # the platforms whose sites serve no feed


@pytest.fixture(scope="module", params=("vnportal", *FAMILIES))
def demo(request):
    with DemoPortal(family=request.param) as running:
        yield running


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def served(demo, url: str) -> str:
    """``url`` on the running portal (a page may link its canonical domain, as WordPress links its feeds)."""
    canonical_base = demo.site.canonical_base if demo.site else None
    return demo.base_url + url[len(canonical_base):] if canonical_base and url.startswith(canonical_base) else url


def home_url(demo) -> str:
    return demo.base_url + (demo.site.home_paths[0] if demo.site else "/")


def listing_urls(demo) -> list[str]:
    """The first page of each category's listing."""
    if demo.site is None:
        return [f"{demo.base_url}/{slug}" for slug, _ in CATEGORIES]
    return [canonical_url(demo.base_url + demo.site.listing_path(category, 1)) for category in demo.site.categories]


def articles_by_url(demo) -> dict:
    return {canonical_url(demo.base_url + article.path): article for article in demo.articles}


def test_menu_links_give_every_category_listing_and_no_article(demo):
    articles = articles_by_url(demo)
    for page in (home_url(demo), demo.base_url + demo.articles[0].path):
        status, body = fetch(page)
        assert status == 200
        found = menu_links(body, page)
        assert set(listing_urls(demo)) <= set(found), page
        assert not [url for url in found if url in articles or url.split("?")[0] in articles]
        assert all(url.startswith(demo.base_url + "/") for url in found)


def test_listing_candidates_of_the_home_page_give_every_category_listing_and_no_article(demo):
    status, body = fetch(home_url(demo))
    found = listing_candidates(body, home_url(demo))
    articles = articles_by_url(demo)
    assert set(listing_urls(demo)) <= set(found)
    assert not [url for url in found if url in articles or url.split("?")[0] in articles]


def discovered_feeds(demo) -> dict[str, list[Entry]]:
    """The feeds discovery finds: those the home page names, else the usual
    paths; an HTML page among them is read for the feeds it lists."""
    status, home = fetch(home_url(demo))
    to_try = [served(demo, url) for url in feed_links(home, home_url(demo))]
    to_try += [demo.base_url + path for path in USUAL_FEED_PATHS]
    feeds, tried = {}, set()
    while to_try:
        url = to_try.pop(0)
        if url in tried:
            continue
        tried.add(url)
        status, body = fetch(url)
        entries = parse_feed(body, url) if status == 200 else None
        if entries is not None:
            feeds[url] = entries
        elif status == 200:
            to_try += [served(demo, link) for link in feed_links(body, url)]
    return feeds


def test_feeds_are_discovered_and_list_the_sites_articles_with_their_times(demo):
    feeds = discovered_feeds(demo)
    if demo.family in FEEDLESS:
        assert feeds == {}
        return
    articles = articles_by_url(demo)
    entries = [entry for listed in feeds.values() for entry in listed]
    assert len(entries) >= 10
    for entry in entries:
        article = articles[entry.url]
        assert entry.published == article.published.replace(tzinfo=VIETNAM_TZ).isoformat()


def test_a_listing_page_declares_its_categorys_feed(demo):
    if demo.family in FEEDLESS:
        pytest.skip("no feeds on this platform")
    listing = listing_urls(demo)[0]
    status, body = fetch(listing)
    articles = articles_by_url(demo)
    category_feeds = []
    for url in feed_links(body, listing):
        entries = parse_feed(fetch(served(demo, url))[1], url)
        if entries and len({articles[entry.url].category_slug for entry in entries}) == 1:
            category_feeds.append(url)
    assert category_feeds, feed_links(body, listing)


def test_sitemaps_named_by_robots_list_every_article_with_its_day(demo):
    status, robots = fetch(demo.base_url + "/robots.txt")
    sitemaps = robots_sitemaps(robots.decode(), demo.base_url + "/")
    assert sitemaps == [demo.base_url + "/sitemap.xml"]
    sitemap = parse_sitemap(fetch(sitemaps[0])[1], sitemaps[0])
    dates = {entry.url: entry.published for entry in sitemap.entries}
    for url, article in articles_by_url(demo).items():
        assert dates[url] == f"{article.published:%Y-%m-%d}T00:00:00+07:00"
    assert set(listing_urls(demo)) <= set(dates) and not sitemap.children and not sitemap.truncated
