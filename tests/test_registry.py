"""The site registry: the loader's rules and errors, and the bundled entries' well-formedness.

Nothing here touches the network: entries are loaded and inspected, never crawled.
"""

from __future__ import annotations

import pytest

from scraper.sites import DEFAULT_START_PATHS, RegistryError, load_registry

MINIMAL = "sites:\n  hanoi:\n    name: Hà Nội\n    domains: [hanoi.gov.vn, www.hanoi.gov.vn]\n    base_url: https://hanoi.gov.vn\n"


def write(tmp_path, text: str):
    path = tmp_path / "sites.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return str(caught.value).replace(str(path), "FILE")


# ---------------------------------------------------------------- the loader


def test_an_entry_with_only_name_domains_and_base_url_loads_with_defaults(tmp_path):
    site = load_registry(write(tmp_path, MINIMAL))["hanoi"]
    assert site.start_paths == DEFAULT_START_PATHS == ("/",)
    assert site.start_urls == ["https://hanoi.gov.vn/"]
    assert site.article_pattern is None and site.listing_pattern is None
    assert (site.verified, site.tls, site.http_only, site.demo) == (False, "default", False, False)
    assert (site.feeds, site.sitemaps, site.feed_urls, site.sitemap_urls, site.notes) == ((), (), [], [], "")
    assert site.platform is None and site.domain == "hanoi.gov.vn"


def test_new_fields_are_read_and_feeds_resolve_against_base_url(tmp_path):
    site = load_registry(write(tmp_path, MINIMAL + (
        "    feeds: [/rss/home.rss, 'https://www.hanoi.gov.vn/rss/tin-tuc.rss?lang=vi']\n"
        "    sitemaps: [/sitemap.xml]\n"
        "    verified: true\n    tls: legacy\n"
        "    notes: AJAX paging\n"
        "    article_pattern: '-4\\d{15}\\.htm$'\n")))["hanoi"]
    assert site.feeds == ("/rss/home.rss", "https://www.hanoi.gov.vn/rss/tin-tuc.rss?lang=vi")
    assert site.feed_urls == ["https://hanoi.gov.vn/rss/home.rss", "https://www.hanoi.gov.vn/rss/tin-tuc.rss?lang=vi"]
    assert site.sitemap_urls == ["https://hanoi.gov.vn/sitemap.xml"]
    assert (site.verified, site.tls, site.notes) == (True, "legacy", "AJAX paging")
    assert site.article_pattern.search("/chinh-tri/hop-bao-4250407154648115.htm") and site.listing_pattern is None


def test_on_a_mirror_feeds_and_sitemaps_come_from_the_mirror(tmp_path):
    """--base-url must not leave a feed pointing at the live site (a test would reach the internet)."""
    site = load_registry(write(tmp_path, MINIMAL + (
        "    feeds: [/rss/home.rss, 'https://www.hanoi.gov.vn/rss/tin-tuc.rss?lang=vi']\n"
        "    sitemaps: ['https://hanoi.gov.vn/sitemap.xml']\n")))["hanoi"]
    mirror = site.with_base_url("http://127.0.0.1:8000")
    assert mirror.feed_urls == ["http://127.0.0.1:8000/rss/home.rss", "http://127.0.0.1:8000/rss/tin-tuc.rss?lang=vi"]
    assert mirror.sitemap_urls == ["http://127.0.0.1:8000/sitemap.xml"]


def test_http_only_site_loads_over_http(tmp_path):
    site = load_registry(write(tmp_path, (
        "sites:\n  cema:\n    name: Ủy ban Dân tộc\n    domains: [cema.gov.vn]\n    base_url: http://cema.gov.vn\n"
        "    http_only: true\n    feeds: ['http://cema.gov.vn/rss']\n")))["cema"]
    assert site.http_only and site.feed_urls == ["http://cema.gov.vn/rss"]


@pytest.mark.parametrize("extra, error", [
    ("    tls: lenient\n",
     "FILE:6: site 'hanoi': field 'tls': unknown 'lenient' (known: verify, default, unverified, legacy)"),
    ("    verified: 'true'\n", "FILE:6: site 'hanoi': field 'verified': expected true or false"),
    ("    http_only: 1\n", "FILE:6: site 'hanoi': field 'http_only': expected true or false"),
    ("    feeds: /rss/home.rss\n", "FILE:6: site 'hanoi': field 'feeds': expected a list of site paths or URLs"),
    ("    sitemaps: {main: /sitemap.xml}\n",
     "FILE:6: site 'hanoi': field 'sitemaps': expected a list of site paths or URLs"),
    ("    feeds: [rss/home.rss]\n",
     "FILE:6: site 'hanoi': field 'feeds': expected a path starting with '/' or an http(s) URL, got 'rss/home.rss'"),
    ("    feeds: ['https://cdn.example.vn/rss']\n",
     "FILE:6: site 'hanoi': field 'feeds': 'https://cdn.example.vn/rss' is not on the site's domains "
     "(hanoi.gov.vn, www.hanoi.gov.vn)"),
    ("    notes: [AJAX]\n", "FILE:6: site 'hanoi': field 'notes': expected text"),
    ("    http_only: true\n",
     "FILE:5: site 'hanoi': field 'base_url': the site is http_only, so its base_url is http://, "
     "got 'https://hanoi.gov.vn'"),
    ("    article_pattern: ''\n",
     "FILE:6: site 'hanoi': field 'article_pattern': expected a regular expression (leave the field out for none)"),
    ("    listing_pattern: '[a-'\n",
     "FILE:6: site 'hanoi': field 'listing_pattern': bad regular expression: unterminated character set at position 0"),
    ("    start_paths: []\n", "FILE:6: site 'hanoi': field 'start_paths': expected text or a list of texts"),
    ("    start_paths: [tin-tuc]\n", "FILE:6: site 'hanoi': field 'start_paths': each path must start with '/'"),
])
def test_a_bad_field_names_file_line_and_field(tmp_path, extra, error):
    assert load_error(tmp_path, MINIMAL + extra) == error


def test_a_key_defined_twice_is_an_error(tmp_path):
    again = "  hanoi:\n    name: Hà Nội\n    domains: [hanoi2.gov.vn]\n    base_url: https://hanoi2.gov.vn\n"
    assert load_error(tmp_path, MINIMAL + again) == "FILE:6: site 'hanoi' is defined twice (first at line 2)"


def test_a_domain_claimed_by_two_entries_is_an_error(tmp_path):
    other = "  thudo:\n    name: Thủ đô\n    domains: [www.hanoi.gov.vn]\n    base_url: https://www.hanoi.gov.vn\n"
    assert load_error(tmp_path, MINIMAL + other) == (
        "FILE:8: site 'thudo': field 'domains': www.hanoi.gov.vn already belongs to site 'hanoi'")
