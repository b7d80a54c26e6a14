"""The offline portal's sites of the other CMS platform families, and real crawls of them."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from html import escape, unescape
from urllib.parse import urlsplit

import pytest
import sqlite_utils
from protego import Protego

from scraper.demo import FAMILIES, DemoPortal, FamilyArticle, build_family_articles, family_site
from scraper.demo.families import cp1258_bytes
from scraper.sites import get_site

from .conftest import GOVNEWS, ROOT, free_port, govnews, wait_for_http

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CHROME = ("Thống kê truy cập", "Đang online", "Hôm nay", "Trong tuần", "Tất cả", "image advertisement",
          "Tin mới", "Tin đọc nhiều", "Tin liên quan", "Các tin khác", "Bản quyền ©", "Địa chỉ:")
# The link of each item of a listing's main list (sidebars link to articles too).
LISTING_ITEM = {
    "liferay": r'<h3 class="asset-title"><a href="([^"]+)"',
    "sharepoint": r'<a class="news-title" href="([^"]+)"',
    "wordpress": r'<h2 class="entry-title"><a href="([^"]+)"',
    "legacy": r'<td width="110" valign="top"><a href="([^"]+)"',
    "national": r'<a class="box-stream-link-with-avatar" href="([^"]+)"',
    "vnportal2": r'<h3 class="Title"><a href="([^"]+)"',
    "chinhphu": r'<a class="box-stream-link-title" data-linktype="newsdetail" data-id="\d+" href="([^"]+)"',
    "tandan": r'<a class="tandan-a-news-title" href="([^"]+)"',
}
WITH_RSS = ("liferay", "sharepoint", "wordpress", "national", "vnportal2", "chinhphu")
# The registry's platform (extraction profile) of the families that have none of their own yet.
PLATFORM = {"vnportal2": "vnportal", "chinhphu": "national", "tandan": "sharepoint"}


@pytest.fixture(scope="module", params=FAMILIES)
def portal(request):
    with DemoPortal(family=request.param) as running:
        yield running


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def text_of(portal, body: bytes) -> str:
    """A page's text as a browser sees it: decoded in the page's charset, NFC."""
    return unicodedata.normalize("NFC", body.decode("cp1258" if portal.family == "legacy" else "utf-8"))


def page(portal, path: str) -> str:
    status, _, body = fetch(portal.base_url + path)
    assert status == 200, path
    return text_of(portal, body)


def relative(portal, href: str) -> str:
    href = unescape(href)
    return href[len(portal.base_url):] if href.startswith(portal.base_url) else href


def listing_pages(portal):
    """(category, page number, path) of every listing page, walking each category until a 404."""
    site = portal.site
    for category in site.categories:
        number = 1
        while True:
            path = site.listing_path(category, number)
            if fetch(portal.base_url + path)[0] == 404:
                break
            yield category, number, path
            number += 1


# ---------------------------------------------------------------- content


@pytest.mark.parametrize("family", FAMILIES)
def test_articles_are_deterministic_and_complete(family):
    articles = build_family_articles(family)
    assert articles == build_family_articles(family)
    assert all(isinstance(a, FamilyArticle) and a.family == family for a in articles)
    site = family_site(family)
    assert len(site.categories) == 2
    assert Counter(a.category_slug for a in articles) == {c.slug: 12 for c in site.categories}
    assert {a.category_name for a in articles} == {c.name for c in site.categories}
    for attribute in ("id", "title", "path"):
        assert len({getattr(a, attribute) for a in articles}) == 24, attribute
    assert articles == sorted(articles, key=lambda a: (a.published, a.id), reverse=True)
    assert all(a.title and a.lead and a.author and 3 <= len(a.paragraphs) <= 7 for a in articles)
    assert all(0 <= len(a.images) <= 3 and all(caption for _, caption in a.images) for a in articles)
    assert {len(a.images) for a in articles} >= {0, 1}
    assert sum(bool(a.source_marker) for a in articles) >= 5
    assert sum(len(a.tables) for a in articles) == 1
    attachments = [href for a in articles for href, _ in a.attachments]
    assert len(attachments) >= 2
    assert all(re.search(r"\.(pdf|docx|xlsx)(/|$)", href) for href in attachments)
    for article in articles:
        # the crawl test looks for author and captions in the body: they must not be body text
        text = " ".join([article.lead, *article.paragraphs])
        assert article.author not in text and article.author_line not in text


def test_large_family_sites_keep_titles_unique():
    """The legacy site's templates make fewer than 300 titles a category: the rest are numbered."""
    articles = build_family_articles("legacy", 300)
    assert articles == build_family_articles("legacy", 300)
    assert len({a.title for a in articles}) == len(articles)


def test_families_differ():
    titles = {family: {a.title for a in build_family_articles(family)} for family in FAMILIES}
    for family in FAMILIES:
        others = set().union(*(titles[f] for f in FAMILIES if f != family))
        assert len(titles[family] & others) <= 2, family
    assert len({family_site(f).canonical_base for f in FAMILIES}) == len(FAMILIES)


def test_family_specific_content():
    legacy = build_family_articles("legacy")
    assert all((a.published.hour, a.published.minute) == (0, 0) for a in legacy), "the legacy site keeps dates only"
    assert all(a.updated > a.published for a in legacy)
    assert all(re.fullmatch(r"(Tin|Bài)(, ảnh)?: " + re.escape(a.author), a.author_line) for a in legacy)
    national = build_family_articles("national")
    assert all(a.source_marker == "Chinhphu.vn" for a in national)
    assert 3 <= sum(a.credit == "baochinhphu.vn" for a in national) <= 20
    assert all(re.fullmatch(r"/[a-z0-9-]+-102\d{15}\.htm", a.path) for a in national)
    assert sum(a.updated is not None for a in build_family_articles("wordpress")) >= 3
    assert all(re.fullmatch(r"/tin-(?:chinh-tri|van-hoa-xa-hoi)/[a-z0-9-]+-\d{6}", a.path)
               for a in build_family_articles("vnportal2"))
    chinhphu = build_family_articles("chinhphu")
    assert all(a.source_marker == "Chinhphu.vn" for a in chinhphu)
    for article in chinhphu:  # the id is the zone prefix and the time the story was made
        assert re.fullmatch(rf"/[a-z0-9-]+-102{article.published:%y%m%d%H%M}\d{{5}}\.htm", article.path), article.path
    tandan = Counter("dated" if re.fullmatch(r"/portal/pages/\d{4}-\d\d-\d\d/[a-z0-9-]+-\d+\.aspx", a.path)
                     else "page" if re.fullmatch(r"/portal/Pages/[A-Z][a-z0-9-]+\.aspx", a.path) else a.path
                     for a in build_family_articles("tandan"))
    assert set(tandan) == {"dated", "page"} and min(tandan.values()) >= 5, tandan


def test_unknown_family():
    with pytest.raises(ValueError, match="unknown family"):
        DemoPortal(family="joomla")


def test_cp1258_writes_vietnamese_as_windows_did():
    text = "Tiếng Việt: Đảng bộ huyện ủy, ngày 3 tháng 2 năm 2024; ữ ỗ Ẫ ạ ả ã ỹ ý “trích dẫn” – 60m²"
    data = cp1258_bytes(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    assert data.decode("cp1258") != text  # tone marks as combining characters
    assert "ế".encode("utf-8") not in data and b"\xea\xec" in data  # ê + combining acute
    assert cp1258_bytes("à") == b"\xe0"  # precomposed where cp1258 has the letter


# ---------------------------------------------------------------- the sites


def test_listings_reach_every_article_exactly_once(portal):
    seen: Counter[str] = Counter()
    pages = 0
    for _, _, path in listing_pages(portal):
        pages += 1
        html = page(portal, path)
        seen.update(relative(portal, href) for href in re.findall(LISTING_ITEM[portal.family], html))
    assert pages >= 3
    assert seen == Counter(a.path for a in portal.articles)


def test_registry_entry_walks_the_site(portal):
    site = get_site(f"demo-{portal.family}")
    assert site.platform == PLATFORM.get(portal.family, portal.family)
    assert site.domain == urlsplit(portal.site.canonical_base).hostname
    assert site.base_url == portal.site.canonical_base
    assert list(site.start_paths) == [portal.site.listing_path(c, 1) for c in portal.site.categories]
    for article in portal.articles:
        assert site.article_pattern.search(article.path), article.path
        assert not site.listing_pattern.search(article.path), article.path
    for _, _, path in listing_pages(portal):
        assert site.listing_pattern.search(path), path
        assert not site.article_pattern.search(path), path
    for path in ("/robots.txt", "/sitemap.xml", portal.site.home_paths[0]):
        assert not site.article_pattern.search(path) and not site.listing_pattern.search(path)


def test_every_link_a_crawl_would_follow_works(portal):
    """Every link of the listings matching the registry patterns answers 200."""
    site = get_site(f"demo-{portal.family}")
    followed = set()
    for _, _, path in listing_pages(portal):
        for href in re.findall(r'<a [^>]*href="([^"]+)"', page(portal, path)):
            url = urlsplit(relative(portal, href))
            if url.scheme or url.netloc:
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if site.article_pattern.search(target) or site.listing_pattern.search(target):
                followed.add(target)
    assert {a.path for a in portal.articles} <= followed
    for target in followed:
        assert fetch(portal.base_url + target)[0] == 200, target


def test_listing_pages_out_of_range_are_not_found(portal):
    category = portal.site.categories[0]
    pages = sum(1 for c, _, _ in listing_pages(portal) if c == category)
    assert fetch(portal.base_url + portal.site.listing_path(category, pages + 1))[0] == 404


def test_robots_txt_allows_listings_and_articles(portal):
    status, headers, body = fetch(portal.base_url + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    robots = body.decode()
    assert robots.startswith("User-agent: *\n")
    assert f"Sitemap: {portal.base_url}/sitemap.xml" in robots
    parser = Protego.parse(robots)
    paths = [a.path for a in portal.articles] + [path for _, _, path in listing_pages(portal)]
    for path in paths:
        assert parser.can_fetch(portal.base_url + path, "govnews"), path
    assert any(not parser.can_fetch(portal.base_url + rule.split()[1], "govnews")
               for rule in robots.splitlines() if rule.startswith("Disallow:"))


def test_sitemap_lists_every_article(portal):
    status, headers, body = fetch(portal.base_url + "/sitemap.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    root = ET.fromstring(body)
    lastmods = {url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
                for url in root.findall("sm:url", SITEMAP_NS)}
    assert all(loc.startswith(portal.base_url + "/") for loc in lastmods)
    for article in portal.articles:
        assert lastmods[portal.base_url + article.path] == f"{article.published:%Y-%m-%d}"
    for category in portal.site.categories:
        assert portal.base_url + portal.site.listing_path(category, 1) in lastmods


def test_rss_where_the_platform_has_one(portal):
    if portal.family not in WITH_RSS:
        assert portal.site.rss_path(None) is None
        return
    status, headers, body = fetch(portal.base_url + portal.site.rss_path(None))
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(body).findall("channel/item")
    expected = portal.articles[:20] if portal.family != "liferay" else [
        a for a in portal.articles if a.category_slug == portal.site.categories[0].slug][:20]
    assert [item.findtext("link") for item in items] == [portal.base_url + a.path for a in expected]
    category = portal.site.categories[1]
    items = ET.fromstring(fetch(portal.base_url + portal.site.rss_path(category))[2]).findall("channel/item")
    assert [item.findtext("title") for item in items] == [a.title for a in portal.articles if a.category_slug == category.slug]


def test_unknown_paths_are_not_found(portal):
    article = portal.articles[0]
    wrong_article = article.path.replace(str(article.id), "0" * len(str(article.id))) \
        if str(article.id) in article.path else article.path.rstrip("/") + "-khong-co"
    html_type = portal.site.html_type
    for path in ("/khong-co-trang-nay", "/khong-co.aspx?id=1", wrong_article):
        status, headers, body = fetch(portal.base_url + path)
        assert status == 404, path
        assert headers["Content-Type"] == html_type
        assert portal.site.not_found_text in text_of(portal, body)


def test_article_pages_carry_everything_and_the_chrome(portal):
    sizes = []
    for article in portal.articles:
        status, headers, body = fetch(portal.base_url + article.path)
        assert status == 200 and headers["Content-Type"] == portal.site.html_type
        sizes.append(len(body))
        html = text_of(portal, body)
        for text in (article.title, article.lead, *article.paragraphs, article.author_line,
                     *(caption for _, caption in article.images)):
            assert escape(text) in html, text
        for src, _ in article.images:
            assert escape(src) in html
        for href, title in article.attachments:
            assert escape(href) in html and escape(title) in html
        for rows in article.tables:
            assert all(escape(cell) in html for row in rows for cell in row)
        if article.source_marker:
            assert f"({article.source_marker}) " in html
        canonical = re.search(r'<link [^>]*rel="canonical"[^>]*>', html)[0]
        assert f'href="{escape(portal.site.canonical_base + article.path)}"' in canonical
        for chrome in CHROME:
            assert chrome.casefold() in html.casefold(), chrome
        assert html.count('alt="image advertisement"') >= 2
        assert "File đính kèm" in html or "Tải về" in html or not article.attachments
    assert 20_000 <= min(sizes) and max(sizes) <= 60_000, (min(sizes), max(sizes))


PLATFORM_HOOKS = {
    "liferay": (r'<body class="[^"]*\bportal-', r'<section class="portlet" id="portlet_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_\w+">',
                r'<div class="portlet-content">', r'<div class="portlet-body">', r'<div class="journal-content-article ',
                r'\d\d/\d\d/\d{4} \d\d:\d\d'),
    "sharepoint": (r'<meta name="GENERATOR" content="Microsoft SharePoint" />', r'name="__VIEWSTATE"', r'<div class="ms-webpart-zone',
                   r'class="ms-rtestate-field"', r'<form method="post" action="./ChiTietTin.aspx\?id=\d+&amp;dm=\d"'),
    "wordpress": (r'<meta name="generator" content="WordPress 6\.4\.2" />', r'<article id="post-\d+" class="[^"]*\bpost\b',
                  r'<h1 class="entry-title">', r'<div class="entry-content">',
                  r'<time class="entry-date published[^"]*" datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00">\d\d/\d\d/\d{4}</time>'),
    "legacy": (r'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', r'<font face="Arial" size="2">',
               r'<br><br>', r"Cập nhật lúc: \d\d:\d\d - \d\d/\d\d/\d{4}", r'<table align="center"'),
    "national": (r'<h1 class="detail-title" data-role="title">', r'<div class="detail-sapo" data-role="sapo">\(Chinhphu\.vn\) - ',
                 r'<div class="detail-content', r'<div class="detail-time"><div data-role="publishdate">\d\d/\d\d/\d{4} \d\d:\d\d</div>'),
    "vnportal2": (r'<h1 class="ArticleHeader">', r'<span class="PostDate">\d\d/\d\d/\d{4} \d\d:\d\d</span>',
                  r'<div class="ArticleSummary">', r'<div class="ArticleContent">', r'name="__VIEWSTATE"'),
    "chinhphu": (r'<h1 class="detail-title" data-role="title">', r'<h2 class="detail-sapo" data-role="sapo">\(Chinhphu\.vn\) - ',
                 r'<div class="detail-content afcbc-body clearfix"', r'<div class="publishDate" data-role="publishdate">\d\d/\d\d/\d{4} \d\d:\d\d</div>',
                 r'<a href="/[a-z-]+\.htm" data-role="cate-name"', r'<ul class="detail-tag-list">',
                 r'<meta property="article:published_time" content="\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00">'),
    "tandan": (r'<meta name="GENERATOR" content="Microsoft SharePoint" />', r'name="__VIEWSTATE"', r'<div class="ms-webpart-zone',
               r'id="ctl00_ctl39_g_\w+"', r'<p class="tandan-p-article-news-title">', r'<p class="tandan-p-article-news-summary">',
               r'<span class="tandan-span-date-publish">Đăng ngày \d\d/\d\d/\d{4} \d\d:\d\d</span>', r'<div class="tandan-p-article-main">'),
}


def test_pages_have_their_platform_markup(portal):
    html = page(portal, portal.articles[0].path)
    for hook in PLATFORM_HOOKS[portal.family]:
        assert re.search(hook, html), hook
    generator = re.search(r'<meta name="generator"', html, re.I)
    assert bool(generator) == (portal.family in ("sharepoint", "wordpress", "tandan"))


def test_family_details(portal):
    site, family = portal.site, portal.family
    if family == "wordpress":
        article = next(a for a in portal.articles if a.images)
        html = page(portal, article.path)
        figure = re.search(r'<figure class="wp-block-image[^"]*"><img [^>]*src="([^"]+)"[^>]*><figcaption class="wp-element-caption">([^<]+)</figcaption>', html)
        assert (figure[1], unescape(figure[2])) == article.images[0]
        # Yoast writes times in UTC
        assert re.search(r'"datePublished":"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+00:00"', html)
    elif family == "legacy":
        for article in portal.articles[:6]:
            html = page(portal, article.path)
            day = article.published
            assert (f"({day:%d/%m/%Y})" in html) != (f"Ngày {day.day} tháng {day.month} năm {day.year}" in html)
            assert f"Cập nhật lúc: {article.updated:%H:%M - %d/%m/%Y}" in html
    elif family == "national":
        credited = next(a for a in portal.articles if a.credit)
        assert "<em>Theo baochinhphu.vn</em></p>" in page(portal, credited.path)
        assert any('<div class="detail-author"' in page(portal, a.path) for a in portal.articles[:4])
        assert any('type="RelatedNewsBox"' in page(portal, a.path) for a in portal.articles)
    elif family == "sharepoint":
        article = portal.articles[0]
        number, code = re.fullmatch(r"/Trang/ChiTietTin\.aspx\?id=(\d+)&dm=(\d)", article.path).groups()
        assert fetch(f"{portal.base_url}/trang/chitiettin.aspx?DM={code}&ID={number}")[2] == fetch(portal.base_url + article.path)[2]
    elif family == "liferay":
        category = site.categories[0]
        assert "_cur=2" in site.listing_path(category, 2)
        assert page(portal, site.listing_path(category, 2)) == page(portal, f"/web/guest/{category.slug}?cur=2")
    elif family == "vnportal2":
        check_vnportal2(portal)
    elif family == "chinhphu":
        check_chinhphu(portal)
    elif family == "tandan":
        check_tandan(portal)


def check_vnportal2(portal):
    """Paging by AJAX only; "?pageindex=0" and system pages as the real portal has them."""
    site, category = portal.site, portal.site.categories[0]
    first = page(portal, site.listing_path(category, 1))
    pager = re.findall(r'<li class="page-item[^"]*" data-page="(\d+)"><a class="page-link" href="([^"]+)"', first)
    assert {number for number, _ in pager} == {"1", "2", "3"} and {href for _, href in pager} == {"javascript:void(0)"}
    assert f"categoryId: {category.code}" in first and "url: '/Ajax/Article/List'" in first
    assert page(portal, f"/{category.slug}?page=2") == first  # no GET paging on this skin
    fragment = page(portal, f"/Ajax/Article/List?page=2&categoryId={category.code}")
    assert fragment.startswith('<div class="ArticleList"') and "<html" not in fragment
    assert fragment == page(portal, site.listing_path(category, 2))
    article = portal.articles[0]
    assert f'href="{article.path}?pageindex=0"' in first
    assert fetch(portal.base_url + article.path + "?pageindex=0")[2] == fetch(portal.base_url + article.path)[2]
    registry = get_site("demo-vnportal2")
    for target in re.findall(r'href="(/(?:Default\.aspx)?\?pageid=[^"]+)"', first):
        assert fetch(portal.base_url + unescape(target))[0] == 200, target
        assert not registry.article_pattern.search(unescape(target)) and not registry.listing_pattern.search(unescape(target))
    images = [src for a in portal.articles for src, _ in a.images]
    assert images and all(src.startswith("https://storage-vnportal.vnpt.vn/nbh-ubnd/3716/") for src in images)
    html = page(portal, next(a for a in portal.articles if a.images).path)
    assert 'alt="anh tin bai"' in html


def check_chinhphu(portal):
    """Page 1 names its zone for the "Xem thêm" script; later pages are bare fragments."""
    site, category = portal.site, portal.site.categories[0]
    first = page(portal, site.listing_path(category, 1))
    assert f'<input type="hidden" id="hdZoneId" value="{category.code}">' in first
    assert "'/timelinelist/' + zoneId + '/' + page + '.htm'" in first
    assert "/timelinelist/" not in " ".join(re.findall(r'<a [^>]*href="([^"]+)"', first))
    fragment = page(portal, site.listing_path(category, 2))
    assert fragment.startswith('<div class="box-stream-item"') and "<html" not in fragment
    boxed = [a for a in portal.articles if 'type="RelatedNewsBox"' in page(portal, a.path)]
    assert boxed
    body = page(portal, boxed[0].path).split('data-role="content"', 1)[1]
    assert re.search(r'<a class="kbwscwlrl" data-url="/[a-z0-9-]+-102\d{15}\.htm"', body)
    article = portal.articles[0]
    assert fetch(portal.base_url + article.path + "?gidzl=abc")[2] == fetch(portal.base_url + article.path)[2]


def check_tandan(portal):
    """SharePoint ignores case; information pages look like articles to a URL pattern."""
    site = portal.site
    for article in portal.articles[:2] + portal.articles[-2:]:
        body = fetch(portal.base_url + article.path)[2]
        assert fetch(portal.base_url + article.path.upper().replace(".ASPX", ".aspx"))[2] == body
    category = site.categories[1]
    assert page(portal, f"/portal/kenhtin/{category.slug.lower()}.aspx?pageindex=2") == page(portal, site.listing_path(category, 2))
    registry = get_site("demo-tandan")
    for name in ("Gioi-thieu-chung", "Lien-he"):
        path = f"/portal/Pages/{name}.aspx"
        html = page(portal, path)
        assert registry.article_pattern.search(path) and "tandan-p-article-news-title" not in html
    article = next(a for a in portal.articles if a.attachments)
    assert all(href.startswith(f"/portal/Lists/BaiViet/Attachments/{article.id}/") for href, _ in article.attachments)


def test_legacy_pages_are_windows_1258():
    with DemoPortal(family="legacy") as portal:
        check_windows_1258(portal)


def check_windows_1258(portal):
    for path in (portal.articles[0].path, portal.site.listing_path(portal.site.categories[0], 1), "/khong-co"):
        status, headers, body = fetch(portal.base_url + path)
        assert headers["Content-Type"] == "text/html; charset=windows-1258"
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        decoded = body.decode("cp1258")
        assert b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' in body
        assert unicodedata.normalize("NFC", decoded) != decoded  # tone marks are combining characters
    article = portal.articles[0]
    html = unicodedata.normalize("NFC", fetch(portal.base_url + article.path)[2].decode("cp1258"))
    assert escape(article.title) in html and all(escape(p) in html for p in article.paragraphs)


def test_uploads_and_attachments_are_served(portal):
    article = next(a for a in portal.articles if a.images and a.attachments)
    local = [src for src, _ in article.images if src.startswith("/")]
    for src in local:
        status, headers, body = fetch(portal.base_url + src)
        assert status == 200 and headers["Content-Type"] == "image/jpeg" and body.startswith(b"\xff\xd8")
    for href, _ in article.attachments:
        if href.startswith("/"):
            status, headers, _ = fetch(portal.base_url + href)
            assert status == 200 and headers["Content-Type"] != portal.site.html_type


def test_conditional_requests_and_removal(portal):
    article = portal.articles[-1]
    status, headers, _ = fetch(portal.base_url + article.path)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert fetch(portal.base_url + article.path, {"If-None-Match": headers["ETag"]})[0] == 304


def test_removed_family_article_answers_410():
    with DemoPortal(family="sharepoint") as demo:
        article = demo.articles[5]
        demo.remove_article(article.path, status=410)
        assert fetch(demo.base_url + article.path)[0] == 410
        assert all(a.path != article.path for a in demo.articles)


def test_demo_portal_command_serves_a_family():
    port = free_port()
    server = subprocess.Popen([*GOVNEWS, "demo-portal", "--family", "wordpress", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/robots.txt")
        status, headers, body = fetch(f"http://127.0.0.1:{port}/category/tin-tuc/page/2/")
        assert status == 200 and b'<meta name="generator" content="WordPress' in body
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---------------------------------------------------------------- crawls


@pytest.mark.parametrize("family", FAMILIES)
def test_crawl_every_family(family, tmp_path):
    """A real crawl of each family's site stores every article as the page shows it."""
    db = tmp_path / "archive.db"
    with DemoPortal(family=family) as demo:
        result = govnews("crawl", f"demo-{family}", "--base-url", demo.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
        fetched = Counter(demo.key(target) for target in demo.requests)
    # the portal and the registry: the crawl reached every article page, once
    assert {a.path: fetched[a.path] for a in demo.articles} == {a.path: 1 for a in demo.articles}
    # extraction
    assert result.returncode == 0, result.stderr
    archive = sqlite_utils.Database(db)
    rows = list(archive["articles"].rows)
    urls = [row["url"] for row in rows]
    assert sorted(urls) == sorted(demo.base_url + a.path for a in demo.articles)
    by_url = {row["url"]: row for row in rows}
    problems = []
    for article in demo.articles:
        row = by_url[demo.base_url + article.path]
        body = row["body"] or ""
        captions = [caption for _, caption in article.images]
        found = {
            "title": row["title"] == article.title,
            "published_at": row["published_at"] == f"{article.published:%Y-%m-%dT%H:%M:00}+07:00",
            "paragraphs": all(p in body for p in article.paragraphs),
            "no captions in body": not any(c in body for c in captions if not any(c in p for p in article.paragraphs)),
            "no author in body": article.author_line not in body and article.author not in body,
            "author": row["author"] == article.author,
            "extractor": (row["extractor"] or "").startswith(f"{PLATFORM.get(family, family)}/"),
            "captions": [image["caption"] for image in archive["images"].rows_where(
                "article_id = ?", [row["id"]], order_by="position")] == captions,
        }
        shown = {"title": row["title"], "published_at": row["published_at"], "author": row["author"],
                 "extractor": row["extractor"]}
        problems += [f"{article.path}: {name}" + (f" (stored {shown[name]!r})" if name in shown else "")
                     for name, ok in found.items() if not ok]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:20])
