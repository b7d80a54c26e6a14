"""The hostile mode of the offline portal: each fault does what it says, over real HTTP.

These tests check the server, not the crawler: they are what crawler tests
against ``HostilePortal`` can rely on.
"""

from __future__ import annotations

import gzip
import http.client
import re
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from html import unescape
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.demo import HostilePortal
from scraper.demo.content import CATEGORIES
from scraper.demo.hostile import (CANONICAL_BASE, FAULTS, OFFSITE_URL, SCRIPT_TEXTS, SCRIPT_TITLE, SCRIPT_TITLE_CLEAN,
                                  TLS_MODES, gzip_bomb, parse_faults)
from scraper.sites import get_site

from .conftest import GOVNEWS, ROOT, free_port, wait_for_http

SESSION_FAULTS = {"session-path", "session-path-canonical", "session-query"}
LISTINGS = [f"/{slug}" for slug, _ in CATEGORIES]
NEWS_ITEM = re.compile(r'<div class="news-item">.*?<h3><a href="([^"]+)"')
HREF = re.compile(r'\shref="([^"]+)"')


@pytest.fixture(scope="module")
def portal():
    """Every fault but the session ones (they rewrite every link) and robots-500."""
    with HostilePortal(set(FAULTS) - SESSION_FAULTS - {"robots-500"}) as running:
        yield running


def fetch(url: str, method: str = "GET", headers: dict | None = None, context: ssl.SSLContext | None = None):
    """(status, headers, body) of ``url``, redirects not followed, bodies not decompressed."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=10, context=context)
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def page(portal, target: str) -> str:
    status, _, body = fetch(portal.base_url + target)
    assert status == 200, target
    return body.decode("utf-8")


def links(html: str) -> list[str]:
    return [unescape(href) for href in HREF.findall(html)]


def raw_request(portal, target: str) -> socket.socket:
    """A connection that has sent GET ``target``, for answers http.client cannot read."""
    host, port = urlsplit(portal.base_url).hostname, urlsplit(portal.base_url).port
    connection = socket.create_connection((host, port), timeout=5)
    connection.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    return connection


# ---------------------------------------------------------------- the faults, and what tests are told


def test_fault_names():
    assert parse_faults("all") == frozenset(FAULTS)
    assert parse_faults(" calendar, tarpit ,") == {"calendar", "tarpit"}
    assert parse_faults(["session-path-canonical"]) == {"session-path", "session-path-canonical"}
    assert not set(TLS_MODES) & parse_faults("all")
    with pytest.raises(ValueError, match="unknown fault 'kalender'"):
        parse_faults("kalender")
    with pytest.raises(ValueError, match="at most one TLS mode"):
        parse_faults("tls-self-signed,tls-valid-chain")


def test_without_faults_it_is_the_small_sonla_site():
    with HostilePortal() as plain:
        assert len(plain.good_paths) == 32 and plain.traps == {}
        assert plain.listing_paths == LISTINGS
        listed = [path for listing in LISTINGS for path in NEWS_ITEM.findall(page(plain, listing))]
        assert sorted(listed) == sorted(plain.good_paths)
        assert page(plain, "/robots.txt") == f"User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem\nSitemap: {plain.base_url}/sitemap.xml\n"
        article = plain.good_paths[0]
        assert f'<link rel="canonical" href="{CANONICAL_BASE}{article}">' in page(plain, article)
        for target in ("/lich-cong-tac", "/en/kinh-te", "/(S(abc))/kinh-te", "/kinh-te?page=2"):
            assert fetch(plain.base_url + target)[0] == 404, target
        assert [hit.status for hit in plain.log[-4:]] == [404] * 4


def test_without_faults_every_link_the_registry_follows_answers():
    """A crawl of demo-hostile with no fault on is a clean one: its patterns only follow pages that exist."""
    site = get_site("demo-hostile")
    with HostilePortal() as plain:
        found = {link for listing in LISTINGS for link in links(page(plain, listing)) if link.startswith("/")}
        followed = {link for link in found if site.article_pattern.search(link) or site.listing_pattern.search(link)}
        assert followed == set(plain.good_paths) | set(LISTINGS)


def test_every_fault_is_linked_from_the_listings(portal):
    listed: list[str] = []
    linked: list[str] = []
    for listing in LISTINGS:
        html = page(portal, listing)
        listed += NEWS_ITEM.findall(html)
        linked += links(html)
    fault_articles = {path for trap in portal.traps.values() for path in trap.links if path.endswith(".html")}
    assert len(fault_articles) == 18 + portal.huge_count
    assert fault_articles <= set(listed)
    assert set(portal.good_paths) <= set(listed)
    for name, trap in portal.traps.items():
        assert set(trap.links) <= set(linked), name
        assert all(trap.matches(link) for link in trap.links), name
    assert not any(path.startswith("/kinh-te/") for path in fault_articles), "kept off the disallowed category"


def test_requests_are_counted_and_logged_with_their_headers(portal):
    before = len(portal.log)
    started = time.monotonic()
    fetch(portal.base_url + "/van-hoa-xa-hoi", method="HEAD", headers={"User-Agent": "hostile-test/1"})
    hit = portal.log[before]
    assert (hit.method, hit.target, hit.status) == ("HEAD", "/van-hoa-xa-hoi", 200)
    assert hit.headers["User-Agent"] == "hostile-test/1" and started <= hit.time <= time.monotonic()
    assert portal.requests["/van-hoa-xa-hoi"] >= 1


# ---------------------------------------------------------------- robots.txt


def test_robots_disallow_shuts_one_category_and_can_change_between_crawls(portal):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(page(portal, "/robots.txt").splitlines())
    shut = [path for path in portal.good_paths if portal.traps["robots-disallow"].matches(path)]
    assert len(shut) == 8 and all(path.startswith("/kinh-te/") for path in shut)
    assert not any(robots.can_fetch("govnews", portal.base_url + path) for path in shut)
    assert robots.can_fetch("govnews", portal.base_url + "/kinh-te")
    assert all(robots.can_fetch("govnews", portal.base_url + path) for path in portal.good_paths if path not in shut)
    portal.set_robots("User-agent: *\nDisallow: /\n")
    try:
        assert page(portal, "/robots.txt") == "User-agent: *\nDisallow: /\n"
    finally:
        portal.set_robots(None)
    assert "Disallow: /kinh-te/\n" in page(portal, "/robots.txt")


def test_robots_500_every_time():
    with HostilePortal("robots-500,robots-disallow") as failing:
        assert [fetch(failing.base_url + "/robots.txt")[0] for _ in range(3)] == [500, 500, 500]
        assert len(failing.trap_requests("robots-500")) == 3


# ---------------------------------------------------------------- endless link structures


def test_calendar_goes_on_forever_both_ways(portal):
    target = portal.traps["calendar"].links[0]
    assert target == "/lich-cong-tac?thang=2024-01"
    for step in ("prev", "next"):
        month = target
        for _ in range(30):
            html = page(portal, month)
            month = unescape(re.search(rf'<a class="{step}" href="([^"]+)"', html)[1])
        assert month == ("/lich-cong-tac?thang=2021-07" if step == "prev" else "/lich-cong-tac?thang=2026-07")
    html = page(portal, target)
    days = [link for link in links(html) if link.startswith("/lich-cong-tac") and "ngay" in link]
    assert len(days) == 2 * 31  # both calendar faults: every day in both forms
    assert "/lich-cong-tac?ngay=2024-01-10" in days and "/lich-cong-tac/ngay-20240110.html" in days
    assert any(link in portal.good_paths for link in links(html)), "the sidebar of latest articles"
    assert fetch(portal.base_url + "/lich-cong-tac?thang=2024-13")[0] == 404


def test_calendar_days_are_grids_at_article_shaped_urls(portal):
    pattern = get_site("demo-hostile").article_pattern
    for target in ("/lich-cong-tac?ngay=2024-01-10", "/lich-cong-tac/ngay-20240110.html"):
        html = page(portal, target)
        main = html[html.index('<div class="col-main">'):html.index('<div class="col-right">')]
        assert "Lịch công tác ngày 10/01/2024" in main and '<table class="schedule">' in main
        assert "<p" not in main, "no prose"
        assert "/lich-cong-tac?ngay=2024-01-11" in links(main) and "/lich-cong-tac/ngay-20240109.html" in links(main)
    assert pattern.search("/lich-cong-tac/ngay-20240110.html")
    assert portal.traps["calendar-article-urls"].matches("/lich-cong-tac/ngay-20240110.html")


def test_pagination_never_ends(portal):
    last_real = NEWS_ITEM.findall(page(portal, "/chinh-tri"))
    for number in (2, 3, 57, 1000):
        html = page(portal, f"/chinh-tri?page={number}")
        assert re.search(r'<a class="next" href="([^"]+)"', html)[1] == f"/chinh-tri?page={number + 1}"
        assert set(NEWS_ITEM.findall(html)) == {path for path in last_real if path in portal.good_paths}
        assert portal.traps["infinite-pagination"].matches(f"/chinh-tri?page={number}")
    assert re.search(r'<a class="next" href="([^"]+)"', page(portal, "/chinh-tri"))[1] == "/chinh-tri?page=2"
    assert not portal.traps["infinite-pagination"].matches("/chinh-tri")
    assert fetch(portal.base_url + "/chinh-tri?page=0")[0] == 404


def test_language_links_grow_forever(portal):
    target = "/chinh-tri"
    for depth in range(1, 6):
        html = page(portal, target)
        target = re.search(r'<a class="language" hreflang="en" href="([^"]+)"', html)[1]
        assert target == "/en" * depth + "/chinh-tri"
    assert NEWS_ITEM.findall(page(portal, target)) == NEWS_ITEM.findall(page(portal, "/chinh-tri"))
    assert portal.traps["language-loop"].matches(target) and not portal.traps["language-loop"].matches("/chinh-tri")


# ---------------------------------------------------------------- session ids


def session_ids(html: str, pattern: str) -> set[str]:
    on_site = [link for link in links(html) if link.startswith("/")]
    assert on_site and all(re.search(pattern, link) for link in on_site)
    return {re.search(pattern, link)[1] for link in on_site}


def test_session_path_ids_are_fresh_on_every_response():
    with HostilePortal("session-path") as sessions:
        first, second = (session_ids(page(sessions, "/kinh-te"), r"^/\(S\(([a-z0-9]{24})\)\)/") for _ in range(2))
        assert len(first) == len(second) == 1 and first != second
        article = sessions.good_paths[0]
        html = page(sessions, f"/(S(whatever0123456789abcdef))/{article[1:]}")
        assert "<h1 class=\"news-title\">" in html
        assert 'rel="canonical"' not in html and 'property="og:url"' not in html
        assert sessions.traps["session-path"].matches(f"/(S(x))/{article[1:]}")
        assert not sessions.traps["session-path"].matches(article)


def test_session_path_canonical_keeps_the_clean_url():
    with HostilePortal("session-path-canonical") as sessions:
        article = sessions.good_paths[0]
        html = page(sessions, article)
        assert f'<link rel="canonical" href="{CANONICAL_BASE}{article}">' in html
        session_ids(html, r"^/\(S\(([a-z0-9]{24})\)\)/")


def test_session_query_ids_are_fresh_and_ignored():
    with HostilePortal("session-query") as sessions:
        pattern = r";jsessionid=([a-z0-9]{24})(?:\?|$)"
        first, second = (session_ids(page(sessions, "/kinh-te"), pattern) for _ in range(2))
        assert len(first) == len(second) == 1 and first != second
        (session,) = first
        html = page(sessions, "/kinh-te")
        assert all(re.search(r"[?&]sid=[a-z0-9]{24}$", link) for link in links(html) if link.startswith("/"))
        article = sessions.good_paths[0]
        assert "<h1 class=\"news-title\">" in page(sessions, f"{article};jsessionid={session}?sid={session}")
        assert 'rel="canonical"' not in html
        assert sessions.traps["session-query"].matches(f"/kinh-te?page=2&sid={session}")


# ---------------------------------------------------------------- article pages


def test_many_links_article_is_a_real_article_with_16000_documents(portal):
    (article,) = portal.traps["many-links"].articles
    html = page(portal, article.path)
    documents = re.findall(r'href="/Uploads/vanban/qd-(\d+)\.pdf"', html)
    assert documents == [str(number) for number in range(1, 16_001)]
    for text in (article.lead, article.author, *article.paragraphs, f"{article.published:%d/%m/%Y - %H:%M}"):
        assert text in html


def test_canonical_home_on_every_article_page(portal):
    for path in portal.good_paths[:5]:
        assert f'<link rel="canonical" href="{CANONICAL_BASE}/">' in page(portal, path)
    assert f'<link rel="canonical" href="{CANONICAL_BASE}/kinh-te">' in page(portal, "/kinh-te")


def test_huge_pages_stay_under_the_download_cap(portal):
    trap = portal.traps["huge-pages"]
    assert len(trap.articles) == 3
    article = trap.articles[0]
    status, headers, body = fetch(portal.base_url + article.path)
    assert status == 200 and int(headers["Content-Length"]) == len(body)
    assert 18_500_000 < len(body) < 19_500_000 < 20 * 1024 * 1024
    html = body.decode("utf-8")
    paragraphs = re.findall(r'<p style="text-align: justify;">([^<]*)</p>', html)
    assert len(paragraphs) > 20_000 and len(set(paragraphs)) > 0.9 * len(paragraphs)
    assert html.rstrip().endswith("</html>") and article.title in html and article.author in html


def test_script_in_title(portal):
    (article,) = portal.traps["script-in-title"].articles
    html = page(portal, article.path)
    assert f'<h1 class="news-title">{SCRIPT_TITLE}</h1>' in html
    root = lxml.html.document_fromstring(html)
    [heading] = root.cssselect("h1.news-title")
    assert heading.cssselect("script")[0].text == "alert(28)"
    for script in heading.cssselect("script"):
        script.drop_tree()
    assert " ".join(heading.text_content().split()) == SCRIPT_TITLE_CLEAN
    [content] = root.cssselect("#news-content")
    assert content.cssselect("style") and content.cssselect("script")
    hidden = " ".join(element.text for element in content.cssselect("script, style"))
    assert all(text in hidden for text in SCRIPT_TEXTS)


# ---------------------------------------------------------------- answers that are not pages


def test_redirect_loops(portal):
    trap = portal.traps["redirect-loop"]
    itself, first, second = trap.links
    assert trap.statuses == {itself: 302, first: 302, second: 302}
    for source, target in ((itself, itself), (first, second), (second, first)):
        status, headers, _ = fetch(portal.base_url + source)
        assert (status, headers["Location"]) == (302, portal.base_url + target)


def test_redirects_off_site_and_home(portal):
    [offsite] = portal.traps["offsite-redirect"].links
    status, headers, _ = fetch(portal.base_url + offsite)
    assert (status, headers["Location"]) == (302, OFFSITE_URL) and urlsplit(OFFSITE_URL).hostname == "other-host.example"
    [home] = portal.traps["home-redirect"].links
    assert home not in portal.good_paths and portal.requests[home] == 0
    status, headers, _ = fetch(portal.base_url + home)
    assert (status, headers["Location"]) == (301, portal.base_url + "/")


def test_retry_after_first_then_200(portal):
    trap = portal.traps["retry-after"]
    assert sorted(trap.statuses.values()) == [429, 429, 503, 503] and len(trap.articles) == 4
    for path, first_status in trap.statuses.items():
        status, headers, _ = fetch(portal.base_url + path)
        assert (status, headers["Retry-After"]) == (first_status, "2")
        time.sleep(0.05)
        status, headers, body = fetch(portal.base_url + path)
        assert status == 200 and "Retry-After" not in headers and b'<h1 class="news-title">' in body
        hits = [hit for hit in portal.log if hit.target == path]
        assert [hit.status for hit in hits] == [first_status, 200]
        assert hits[1].time - hits[0].time >= 0.05


def test_5xx_burst_outlasts_three_retries(portal):
    trap = portal.traps["5xx-burst"]
    assert portal.burst == 5 and sorted(trap.statuses.values()) == [500, 502, 503]
    for path, first_status in trap.statuses.items():
        assert [fetch(portal.base_url + path)[0] for _ in range(6)] == [first_status] * 5 + [200]


def test_binary_garbage_as_html(portal):
    [path] = portal.traps["binary-garbage"].links
    status, headers, body = fetch(portal.base_url + path)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert len(body) == 300 * 1024 and b"\x00" in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_gzip_bomb_is_small_on_the_wire(portal):
    [path] = portal.traps["gzip-bomb"].links
    status, headers, body = fetch(portal.base_url + path, headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert 1_000_000 < len(body) < 1_200_000
    assert int.from_bytes(body[-4:], "little") == 1 << 30  # the size it claims, mod 2**32
    inflater = zlib.decompressobj(wbits=31)
    start = inflater.decompress(body[:100_000], 10_000_000)
    assert len(start) == 10_000_000 and start.count(0) == len(start)


def test_gzip_bomb_is_valid_gzip():
    size = (3 << 20) + 5
    assert gzip.decompress(gzip_bomb(size)) == bytes(size)  # checks the CRC and the length too


def test_tarpit_trickles_a_byte_a_second(portal):
    [path] = portal.traps["tarpit"].links
    with raw_request(portal, path) as connection:
        started = time.monotonic()
        head = connection.recv(4096)
        assert head.startswith(b"HTTP/1.1 200 ") and head.endswith(b"\r\n\r\n") and b"Content-Length" not in head
        assert connection.recv(4096) == b"<"
        assert 0.8 < time.monotonic() - started < 2


def test_a_tarpit_does_not_hold_up_stop():
    trapped = HostilePortal("tarpit")
    trapped.start()
    with raw_request(trapped, trapped.traps["tarpit"].links[0]) as connection:
        assert connection.recv(4096).startswith(b"HTTP/1.1 200 ")
        started = time.monotonic()
        trapped.stop()
        assert time.monotonic() - started < 1.5
        connection.settimeout(2)
        assert connection.recv(4096) == b"", "the tarpit let go"


def test_reset_before_any_response(portal):
    [path] = portal.traps["reset"].links
    with raw_request(portal, path) as connection:
        with pytest.raises(ConnectionResetError):
            connection.recv(4096)
    assert [hit.status for hit in portal.log if hit.target == path][-1] is None


# ---------------------------------------------------------------- TLS


def test_tls_self_signed():
    with HostilePortal("tls-self-signed") as secure:
        assert secure.base_url.startswith("https://127.0.0.1:")
        with pytest.raises(ssl.SSLCertVerificationError, match="self.signed"):
            fetch(secure.base_url + "/kinh-te", context=ssl.create_default_context())
        unverified = ssl._create_unverified_context()
        assert fetch(secure.base_url + "/kinh-te", context=unverified)[0] == 200


def test_tls_chain_incomplete_then_valid_under_one_root():
    with HostilePortal("tls-incomplete-chain") as incomplete, HostilePortal("tls-valid-chain") as valid:
        assert incomplete.ca_file == valid.ca_file and "BEGIN CERTIFICATE" in incomplete.ca_file.read_text()
        trusting_root = ssl.create_default_context(cafile=incomplete.ca_file)
        with pytest.raises(ssl.SSLCertVerificationError, match="local issuer"):
            fetch(incomplete.base_url + "/kinh-te", context=trusting_root)
        status, _, body = fetch(valid.base_url + "/kinh-te", context=trusting_root)
        assert status == 200 and b"news-item" in body
        by_name = valid.base_url.replace("127.0.0.1", "localhost")
        assert fetch(by_name + "/robots.txt", context=trusting_root)[0] == 200


# ---------------------------------------------------------------- everything at once, the registry, the CLI


def test_all_faults_at_once_are_reachable_through_the_registry_patterns():
    site = get_site("demo-hostile")
    assert site.demo and site.platform == "vnportal" and site.start_paths == tuple(LISTINGS)
    with HostilePortal("all") as hostile:
        assert set(hostile.traps) == set(FAULTS)
        found = []
        for listing in LISTINGS:
            found += [link for link in links(page(hostile, listing)) if link.startswith("/")]
        articles = [link for link in found if site.article_pattern.search(link)]
        listings = [link for link in found if not site.article_pattern.search(link) and site.listing_pattern.search(link)]
        for name, trap in hostile.traps.items():
            for target in trap.links:
                kind = articles if target.endswith(".html") else listings
                assert any(trap.matches(link) and hostile._resolve(link)[0] == target for link in kind), (name, target)
        assert all(link.startswith("/(S(") and ";jsessionid=" in link for link in found)
        assert fetch(hostile.base_url + "/robots.txt")[0] == 500
        month = next(link for link in listings if "thang=" in link)
        next_month = re.search(r'<a class="next" href="([^"]+)"', page(hostile, month))[1]
        assert site.listing_pattern.search(unescape(next_month))
        assert not site.listing_pattern.search("/gioi-thieu/lich-su") and not site.article_pattern.search("/kinh-te")


def test_cli_rejects_unknown_faults():
    result = CliRunner().invoke(cli, ["demo-portal", "--hostile", "calendar,nope"])
    assert result.exit_code == 2 and "unknown fault 'nope'" in result.output


def test_cli_serves_the_hostile_portal():
    port = free_port()
    server = subprocess.Popen([*GOVNEWS, "demo-portal", "--hostile", "calendar,language-loop", "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/robots.txt")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/kinh-te", timeout=5) as response:
            html = response.read().decode("utf-8")
        assert "/lich-cong-tac?thang=2024-01" in html and 'href="/en/kinh-te"' in html
        assert len(NEWS_ITEM.findall(html)) == 8
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "faults: calendar, language-loop" in stderr.decode()
