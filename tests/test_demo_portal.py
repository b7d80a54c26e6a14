"""The offline demo portal: its content, and the site a crawler sees over HTTP."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from email.utils import parsedate_to_datetime
from html import unescape

import pytest

from scraper.demo import DemoArticle, DemoPortal, build_articles
from scraper.demo.content import CATEGORIES, SEED_ARTICLE_ID, SEED_FILE
from scraper.demo.pages import CANONICAL_BASE

from .conftest import GOLD
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CHROME = ("Thống kê truy cập", "THÔNG TIN TRA CỨU", "image advertisement", "Video tuyên truyền nông thôn mới", "Tin liên quan")


@pytest.fixture(scope="module")
def portal():
    with DemoPortal() as running:
        yield running


@pytest.fixture(scope="module")
def seed(portal) -> DemoArticle:
    return next(a for a in portal.articles if a.id == SEED_ARTICLE_ID)


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def fetch_text(url: str) -> str:
    status, _, body = fetch(url)
    assert status == 200, url
    return body.decode("utf-8")


# ---------------------------------------------------------------- content


def test_build_is_deterministic():
    assert build_articles() == build_articles()


def test_articles_are_numerous_unique_and_varied():
    articles = build_articles()
    assert len(articles) >= 150
    assert len({a.category_slug for a in articles}) >= 3
    for attribute in ("id", "title", "path"):
        assert len({getattr(a, attribute) for a in articles}) == len(articles), attribute
    assert all(100000 <= a.id <= 999999 for a in articles)
    assert all(re.fullmatch(r"[a-z0-9-]+", a.slug) for a in articles)
    assert articles == sorted(articles, key=lambda a: a.published, reverse=True)
    assert sum(a.published.day <= 12 for a in articles) >= 30, "day/month ambiguity must be common"
    markers = Counter(a.source_marker for a in articles)
    assert markers["sonla.gov.vn"] >= 20 and markers[None] >= 20
    assert all(3 <= len(a.paragraphs) <= 7 for a in articles if a.id != SEED_ARTICLE_ID)
    assert any(len(a.images) == 0 for a in articles) and any(len(a.images) == 3 for a in articles)


def test_large_portals_keep_titles_unique():
    """Past the titles the templates can make (about 1,300 a category), titles are numbered, still unique."""
    articles = build_articles(per_category=2000)
    assert len(articles) == 8000
    assert len({a.title for a in articles}) == len(articles)
    assert any(a.title.endswith(" (bài 2)") for a in articles)


def test_some_bodies_use_counter_words_in_running_text():
    lookalike = re.compile(r"Hôm nay, |[Tt]ất cả các |Trong tuần qua")
    assert sum(bool(lookalike.search(" ".join(a.paragraphs))) for a in build_articles()) >= 5


def test_seed_article_is_the_seed_text_verbatim():
    seed = next(a for a in build_articles() if a.id == SEED_ARTICLE_ID)
    assert (seed.title, seed.lead, seed.source_marker, seed.author) == (
        GOLD["title"], GOLD["lead"], GOLD["source_marker"], GOLD["author"]
    )
    assert seed.paragraphs == GOLD["body"]
    assert [caption for _, caption in seed.images] == GOLD["captions"]
    assert [block[0] for block in seed.blocks] == ["img", "p", "p", "img", "p"]
    assert seed.published.strftime("%Y-%m-%d %H:%M") == "2024-01-10 08:30"
    lines = {line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines()}
    for text in (seed.title, seed.author, *seed.paragraphs, *(caption for _, caption in seed.images)):
        assert text in lines


# ---------------------------------------------------------------- the site


def test_listings_reach_every_article_exactly_once(portal):
    seen: Counter[str] = Counter()
    listing_pages = 0
    for slug, _ in CATEGORIES:
        url = f"{portal.base_url}/{slug}"
        while url:
            html = fetch_text(url)
            listing_pages += 1
            seen.update(re.findall(r'<div class="news-item">.*?<h3><a href="([^"]+)"', html))
            next_link = re.search(r'<a class="next" href="([^"]+)"', html)
            url = portal.base_url + unescape(next_link[1]) if next_link else None
    assert listing_pages >= 10
    assert seen == Counter(a.path for a in portal.articles)


def test_listing_pages_out_of_range_are_not_found(portal):
    for query in ("?page=5", "?page=0", "?page=two"):
        assert fetch(f"{portal.base_url}/kinh-te{query}")[0] == 404


def test_robots_txt(portal):
    status, headers, body = fetch(portal.base_url + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert body.decode() == f"User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem\nSitemap: {portal.base_url}/sitemap.xml\n"


def test_sitemap_lists_every_article(portal):
    root = ET.fromstring(fetch(portal.base_url + "/sitemap.xml")[2])
    lastmods = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    for article in portal.articles:
        assert lastmods[portal.base_url + article.path] == article.published.strftime("%Y-%m-%d")
    for slug, _ in CATEGORIES:
        assert f"{portal.base_url}/{slug}" in lastmods


def test_rss_feeds_hold_the_latest_articles(portal):
    for slug, _ in CATEGORIES:
        items = ET.fromstring(fetch(f"{portal.base_url}/rss/{slug}.rss")[2]).findall("channel/item")
        latest = [a for a in portal.articles if a.category_slug == slug][:20]
        assert [item.findtext("link") for item in items] == [portal.base_url + a.path for a in latest]
        assert [item.findtext("title") for item in items] == [a.title for a in latest]
        first_date = parsedate_to_datetime(items[0].findtext("pubDate"))
        assert first_date.utcoffset().total_seconds() == 7 * 3600
        assert first_date.replace(tzinfo=None) == latest[0].published
    site_items = ET.fromstring(fetch(portal.base_url + "/rss.xml")[2]).findall("channel/item")
    assert [item.findtext("link") for item in site_items] == [portal.base_url + a.path for a in portal.articles[:30]]


def test_seed_article_page(portal, seed):
    status, headers, body = fetch(portal.base_url + seed.path)
    html = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    assert parsedate_to_datetime(headers["Last-Modified"]).isoformat() == "2024-01-10T01:30:00+00:00"
    assert 25_000 <= len(body) <= 60_000
    assert f'<h1 class="news-title">{seed.title}</h1>' in html
    assert "Thứ Tư, 10/01/2024 - 08:30" in html
    assert f"<strong>(sonla.gov.vn) </strong>{seed.lead}</div>" in html
    for text in (*GOLD["body"], *GOLD["captions"], "<strong>Quốc Tuấn</strong>"):
        assert text in html
    assert html.index(GOLD["captions"][1]) < html.index(GOLD["body"][2])
    assert f'<link rel="canonical" href="{CANONICAL_BASE}{seed.path}">' in html
    for chrome in CHROME:
        assert chrome in html
    assert html.count('<div class="block adv">') >= 2


def test_every_page_is_served_with_chrome(portal):
    paths = ["/", "/chinh-tri?page=2", *(a.path for a in portal.articles[:40])]
    with ThreadPoolExecutor(max_workers=16) as pool:
        pages = list(pool.map(lambda path: fetch_text(portal.base_url + path), paths))
    for html in pages:
        assert '<meta name="generator" content="vnPortal">' in html
        assert all(chrome in html for chrome in CHROME[:4])


def test_images_resolve_to_a_jpeg(portal, seed):
    src = seed.images[0][0]
    status, headers, body = fetch(portal.base_url + src)
    assert status == 200 and headers["Content-Type"] == "image/jpeg"
    assert body.startswith(b"\xff\xd8") and body.endswith(b"\xff\xd9")


def test_head_sends_headers_only(portal, seed):
    status, headers, body = fetch(portal.base_url + seed.path, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) > 25_000


def test_unknown_paths_are_not_found(portal):
    for path in ("/khong-co-trang-nay", "/kinh-te/khong-co-bai-999999.html", "/rss/khong-co.rss"):
        status, headers, body = fetch(portal.base_url + path)
        assert status == 404
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Trang bạn tìm không tồn tại" in body.decode("utf-8")


def test_start_on_a_running_portal_keeps_it_running(portal):
    assert portal.start() == portal.base_url
    assert fetch(portal.base_url + "/robots.txt")[0] == 200


def test_a_restarted_portal_links_to_its_new_address():
    demo = DemoPortal(build_articles()[:12])
    article = demo.articles[0]
    demo.start()
    fetch_text(demo.base_url + article.path)
    demo.stop()
    with demo:
        html = fetch_text(demo.base_url + article.path)
        assert f'<link rel="canonical" href="{CANONICAL_BASE}{article.path}">' in html


def test_the_default_family_is_the_vnportal_site(portal):
    """Other platform families (tests/test_family_sites.py) leave the default site as it was."""
    assert portal.family == "vnportal" and portal.site is None
    assert portal.key("/kinh-te?page=2") == "/kinh-te"
    assert len(portal.articles) == 160
