"""The site registry: the loader's rules and errors, and the bundled entries' well-formedness.

Nothing here touches the network: entries are loaded and inspected, never crawled.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from scraper.sites import DEFAULT_REGISTRY, DEFAULT_START_PATHS, PLATFORMS, TLS_MODES, RegistryError, load_registry

from .conftest import free_port, govnews

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
    assert (site.feeds, site.sitemaps, site.feed_urls, site.sitemap_urls, site.notes) == (None, None, [], [], "")
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


# ---------------------------------------------------------------- the bundled registry

# The 34 provincial-level units of Resolution 202/2025/QH15 (1 July 2025), as the registry names them.
PROVINCES = (
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ", "Đồng Nai", "Cao Bằng", "Điện Biên", "Lai Châu",
    "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
    "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)
NATIONAL = {"chinhphu": "chinhphu.vn", "baochinhphu": "baochinhphu.vn", "vpcp": "vpcp.chinhphu.vn",
            "xaydungchinhsach": "xaydungchinhsach.chinhphu.vn"}
# The 14 ministries and 3 ministry-level agencies (since 1 March 2025): entry key, agency.
MINISTRIES = {
    "mod": "Bộ Quốc phòng", "bocongan": "Bộ Công an", "mofa": "Bộ Ngoại giao", "moha": "Bộ Nội vụ",
    "moj": "Bộ Tư pháp", "mof": "Bộ Tài chính", "moit": "Bộ Công Thương", "mae": "Bộ Nông nghiệp và Môi trường",
    "moc": "Bộ Xây dựng", "bvhttdl": "Bộ Văn hóa, Thể thao và Du lịch", "mst": "Bộ Khoa học và Công nghệ",
    "moet": "Bộ Giáo dục và Đào tạo", "moh": "Bộ Y tế", "bdttg": "Bộ Dân tộc và Tôn giáo",
    "vpcp": "Văn phòng Chính phủ", "thanhtra": "Thanh tra Chính phủ", "sbv": "Ngân hàng Nhà nước Việt Nam",
}
# Addresses quoted by the research, and what each entry's patterns must make of them.
ARTICLES = {
    "sonla": "/tin-chinh-tri/quynh-nhai-tong-ket-10-nam-thuc-hien-chi-thi-ve-cong-tac-dan-van-957098",
    "haiphong": "/co-so-ha-tang/mo-rong-duong-ven-song-743051",
    "cantho": "/chuyen-muc/ten-bai-123456",
    "hanoi": "/chinh-tri/ha-noi-hop-bao-4250407154648115.htm",
    "baochinhphu": "/thu-tuong-chu-tri-phien-hop-102260617174220224.htm",
    "vpcp": "/van-phong-chinh-phu-hop-bao-115241201164520419.htm",
    "xaydungchinhsach": "/du-thao-luat-119250218185513204.htm",
    "danang": "/web/dng/-/da-nang-don-tet",
    "hochiminhcity": "/vi/web/hcm/w/thanh-pho-hop-bao",
    "bacninh": "/-/details/1234/bac-ninh-hop-bao-98765",
    "dienbien": "/portal/Pages/Dien-Bien-hop-bao.aspx",
    "thanhhoa": "/portal/pages/2025-08-01/thanh-hoa-hop-bao-12345.aspx",
    "quangninh": "/Trang/ChiTietTinTuc.aspx?nid=12345",
    "hatinh": "/vi/bai-viet/ha-tinh-hop-bao",
    "khanhhoa": "/vi/tin-tuc/khanh-hoa-hop-bao",
    "quangtri": "/tin-tuc/quang-tri-hop-bao",
    "lamdong": "/HOME/news/hotnews/SitePages/Lam-Dong-hop-bao.aspx",
    "mod": "/home/detail?urile=wcm:path:/mod/sa-mod/tin-tuc/hop-bao",
    "bocongan": "/bai-viet/bo-cong-an-hop-bao-1234",
    "mofa": "/tin-chi-tiet/chi-tiet/hop-bao-thuong-ky-12345-21.html",
    "moha": "/tin-tuc/bo-noi-vu-hop-bao---id123",
    "moj": "/qt/tintuc/Pages/hoat-dong-cua-lanh-dao-bo.aspx?ItemID=1234",
    "moit": "/tin-tuc/hoat-dong/hop-bao.html",
    "mae": "/bo-nong-nghiep-hop-bao-12345.htm",
    "bvhttdl": "/bo-van-hoa-hop-bao-20250801123456789.htm",
    "mst": "/bo-khoa-hoc-hop-bao-25080112.htm",
    "moet": "/tin-tuc/tin-tong-hop/hop-bao.html",
    "moh": "/web/guest/-/bo-y-te-hop-bao",
    "cema": "/tin-tuc/tin-tuc-su-kien/tin-hoat-dong/hop-bao.htm",
    "thanhtra": "/web/guest/xem-chi-tiet-tin-tuc/-/asset_publisher/Content/hop-bao?123456",
    "sbv": "/webcenter/portal/vi/menu/trangchu/ttsk/ttsk_chitiet?dDocName=SBV123456",
}
LISTINGS = {
    "sonla": "/tin-chinh-tri", "haiphong": "/co-so-ha-tang", "cantho": "/chuyen-muc?page=2",
    "baochinhphu": "/timelinelist/1021/2.htm", "vpcp": "/thoi-su.htm", "xaydungchinhsach": "/timelinelist/1191/3.htm",
    "danang": "/web/dng/tin-tuc?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_ab12_cur=2",
    "hochiminhcity": "/web/hcm/tin-tuc?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_iwwYBC4Hj8wV_cur=3",
    "dienbien": "/portal/KenhTin/Tin-tuc.aspx?PageIndex=2", "thanhhoa": "/portal/KenhTin/Tin-tuc-su-kien.aspx",
    "quangninh": "/Trang/tin-tuc-su-kien.aspx?Cat=82", "hatinh": "/vi/chuyen-muc/tin-tuc?page=2",
    "khanhhoa": "/vi/tin-tuc", "mod": "/home/news?urile=wcm:path:/mod/sa-mod/tin-tuc", "bocongan": "/chuyen-muc/tin-tuc",
    "moha": "/chuyen-muc/tin-tuc---id12", "moj": "/qt/tintuc/Pages/hoat-dong.aspx?Date=&Page=2",
    "mae": "/chuyen-muc/tin-tuc.htm", "moh": "/web/guest/tin-tuc?_101_INSTANCE_k206Q9qkZOqn_cur=2",
    "thanhtra": "/web/guest/tin-tuc",
}

REGISTRY = load_registry()
REAL = {key: site for key, site in REGISTRY.items() if not site.demo}


def test_bundled_keys_are_unique_and_short_ascii():
    keys = [key.value for key, _ in yaml.compose(DEFAULT_REGISTRY.read_text(encoding="utf-8")).value[0][1].value]
    assert len(keys) == len(set(keys)) == len(REGISTRY)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key) and len(key) <= 18 for key in keys)
    # one scheme for real entries: the first label of the portal's domain
    assert {key for key, site in REAL.items() if site.domain.split(".")[0] != key} == set()


def test_bundled_domains_are_unique_and_hold_base_url():
    domains = [domain for site in REGISTRY.values() for domain in site.domains]
    assert len(domains) == len(set(domains))
    for site in REGISTRY.values():
        assert urlsplit(site.base_url).hostname in site.domains, site.key
        assert urlsplit(site.base_url).scheme == ("http" if site.http_only else "https"), site.key


def test_bundled_fields_are_well_formed():
    for site in REGISTRY.values():
        assert site.platform is None or site.platform in PLATFORMS, site.key
        assert site.tls in TLS_MODES, site.key
        assert site.name and all(path.startswith("/") for path in site.start_paths), site.key
        for pattern in (site.article_pattern, site.listing_pattern):
            assert pattern is None or isinstance(pattern, re.Pattern), site.key
        for url in site.feed_urls + site.sitemap_urls:
            assert urlsplit(url).hostname in site.domains, (site.key, url)


def test_every_real_entry_is_unverified_and_says_what_it_rests_on():
    """Real entries come from desk research: none is verified until a live crawl proves it."""
    assert [key for key, site in REAL.items() if site.verified] == []
    assert [key for key, site in REAL.items() if not re.search(r"\bDomain [VS]\b", site.notes)] == []


def test_the_34_provinces_each_have_one_portal():
    provinces = [site.province for site in REAL.values() if site.province]
    assert len(PROVINCES) == len(set(PROVINCES)) == 34
    assert sorted(provinces) == sorted(PROVINCES)
    assert all(site.agency.startswith("Ủy ban nhân dân ") and site.agency.endswith(site.province)
               for site in REAL.values() if site.province)


def test_national_portals_ministries_and_agencies_are_present():
    assert {key: REAL[key].domain for key in NATIONAL} == NATIONAL
    assert all(REAL[key].platform == "national" and REAL[key].province == "" for key in NATIONAL)
    assert len(MINISTRIES) == 17
    assert {key: REAL[key].agency for key in MINISTRIES} == MINISTRIES
    assert all(REAL[key].province == "" for key in MINISTRIES)


def test_research_quirks_are_recorded():
    assert (REAL["quangtri"].tls, REAL["bacninh"].tls, REAL["moh"].tls) == ("unverified", "legacy", "legacy")
    assert REAL["cema"].http_only and REAL["cema"].base_url == "http://cema.gov.vn"
    assert [key for key, site in REAL.items() if site.http_only] == ["cema"]
    assert REAL["sonla"].start_paths == ("/tin-chinh-tri", "/tin-kinh-te") and "AJAX" in REAL["sonla"].notes
    assert "access-denied" in REAL["mae"].notes and "JS-rendered" in REAL["lamdong"].notes
    assert REAL["daklak"].sitemap_urls == ["https://daklak.gov.vn/sitemap.xml"]
    assert REAL["baochinhphu"].feed_urls == ["https://baochinhphu.vn/rss/home.rss"]


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_research_article_addresses_are_articles_not_listings(key):
    site, path = REAL[key], ARTICLES[key]
    assert site.article_pattern.search(path)
    assert site.listing_pattern is None or not site.listing_pattern.search(path)


@pytest.mark.parametrize("key", sorted(LISTINGS))
def test_research_listing_addresses_are_listings_not_articles(key):
    site, path = REAL[key], LISTINGS[key]
    assert site.listing_pattern.search(path)
    assert site.article_pattern is None or not site.article_pattern.search(path)


def test_sonla_articles_have_no_html_extension_and_sidebar_copies_are_left_out():
    pattern = REAL["sonla"].article_pattern
    assert not pattern.search("/tin-chinh-tri/hoi-nghi-957098.html")
    assert not pattern.search("/tin-kinh-te/moc-chau-xuat-khau-957102?pageindex=0")
    assert not pattern.search("/Default.aspx?pageid=28640")


# ---------------------------------------------------------------- the command line


def test_sites_lists_every_entry_with_its_state(tmp_path):
    result = govnews("sites", cwd=tmp_path)  # no archive.db there yet
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:5] == ["site", "state", "platform", "domain", "tls"]
    by_key = {row.split()[0]: row for row in rows}
    assert list(by_key) == list(REGISTRY)
    assert by_key["sonla"].split()[1:4] == ["unverified", "vnportal", "sonla.gov.vn"]
    assert by_key["demo-vnportal"].split()[1:5] == ["demo", "verified", "vnportal", "sonla-demo.gov.vn"]
    assert by_key["hue"].split()[1:3] == ["unverified", "-"]
    assert by_key["bacninh"].split()[4] == "legacy" and "http only" in by_key["cema"]
    assert all(row.endswith("never crawled") for row in rows)


def test_crawl_all_with_no_verified_site_crawls_nothing(tmp_path):
    """Unverified entries are crawled by name, never by the scheduled --all."""
    registry = write(tmp_path, f"sites:\n  hanoi:\n    name: Hà Nội\n    domains: [127.0.0.1]\n"
                               f"    base_url: http://127.0.0.1:{free_port()}\n")
    db = tmp_path / "archive.db"
    result = govnews("crawl", "--all", "--registry", str(registry), "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "govnews: --all leaves out the unverified sites (1; `govnews sites` lists them): crawl one by name to prove it",
        "govnews: error: no verified site in the registry, so --all has nothing to crawl: crawl a site by name, "
        "then mark it verified: true once its run is right (docs/registry.md)",
    ]
    assert not db.exists()
