"""Real networks (research §3.6): each per-site option of the registry
against a local server that behaves that way, with the real ``govnews crawl``.

Legacy TLS (TLS 1.0 only; a 1024-bit DH group) that OpenSSL 3 refuses by
default, self-signed certificates verified or knowingly accepted, a site
served over plain HTTP whose links say https.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import sqlite_utils
import yaml

from scraper.demo import build_articles
from scraper.demo.hostile import HostilePortal
from scraper.sites import DEFAULT_REGISTRY
from scraper.tls import crawl_settings
from scraper.urls import over_http

from .conftest import ROOT, govnews


def registry(tmp_path, **fields) -> str:
    """A registry holding the bundled demo-hostile entry with ``fields`` added (tls, http_only)."""
    entry = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["sites"]["demo-hostile"]
    if fields.get("http_only"):  # the registry wants an http_only site's base URL in http
        entry["base_url"] = over_http(entry["base_url"])
    path = tmp_path / f"sites-{'-'.join(f'{k}-{v}' for k, v in fields.items()) or 'plain'}.yaml"
    path.write_text(yaml.safe_dump({"sites": {"demo-hostile": {**entry, **fields}}}, allow_unicode=True),
                    encoding="utf-8")
    return str(path)


def crawl(portal: HostilePortal, registry_file: str, db, base_url: str | None = None, env: dict | None = None):
    return govnews("crawl", "demo-hostile", "--registry", registry_file, "--base-url", base_url or portal.base_url,
                   "--db", str(db), "-s", "LOG_LEVEL=ERROR", env={**os.environ, **(env or {})})


def last_run(db) -> dict:
    return next(sqlite_utils.Database(db).query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))


def stored(db) -> int:
    return sqlite_utils.Database(db)["articles"].count


def small_portal(faults) -> HostilePortal:
    return HostilePortal(faults, build_articles(per_category=2))


# ---------------------------------------------------------------- TLS


@pytest.mark.parametrize("mode, agreed", [("tls-legacy", "TLSv1"), ("tls-weak-dh", "TLSv1.2")])
def test_legacy_tls_is_crawled_with_tls_legacy_and_refused_clearly_without(tmp_path, mode, agreed):
    with small_portal([mode]) as portal:
        default = crawl(portal, registry(tmp_path), tmp_path / "default.db")
        asked_by_default = len(portal.log)
        legacy = crawl(portal, registry(tmp_path, tls="legacy"), tmp_path / "legacy.db")
        good = len(portal.good_paths)
    assert default.returncode == 1, default.stderr
    assert "nothing fetched" in default.stderr and "set tls: legacy in its registry entry" in default.stderr
    assert asked_by_default == 0  # refused before any request
    run = last_run(tmp_path / "default.db")
    assert (run["status"], run["exit_status"], json.loads(run["errors"])) == ("failed", 1, {"tls-handshake": 1})
    assert run["tls"].startswith("handshake failed: ") and f"legacy TLS: {agreed} with tls: legacy" in run["tls"]

    assert legacy.returncode == 0, legacy.stderr
    assert stored(tmp_path / "legacy.db") == good
    assert last_run(tmp_path / "legacy.db")["tls"] == f"legacy TLS ({agreed}) accepted; not verified: self-signed certificate"


_FETCH = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

class Fetch(scrapy.Spider):
    name = "fetch"

    async def start(self):
        yield scrapy.Request(sys.argv[1], callback=self.fetched, errback=self.failed)

    def fetched(self, response):
        print(response.status)

    def failed(self, failure):
        print("failed:", failure.value)

process = CrawlerProcess({"LOG_LEVEL": "CRITICAL", "RETRY_ENABLED": False, **json.loads(sys.argv[2])})
process.crawl(Fetch)
process.start()
"""


def fetch_with_scrapy(url: str, settings: dict) -> str:
    """What Scrapy's own downloader gets for ``url`` with ``settings`` (a bare crawler, in a process of its own)."""
    return subprocess.run([sys.executable, "-c", _FETCH, url, json.dumps(settings)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120).stdout.strip()


@pytest.mark.parametrize("mode, refusal", [("tls-legacy", "tlsv1 alert protocol version"),
                                           ("tls-weak-dh", "dh key too small")])
def test_scrapy_s_downloader_refuses_legacy_tls_as_the_probe_does_unless_told(mode, refusal):
    """The probe refuses a site before its crawl: Scrapy's downloader must refuse it too, and take it when legacy."""
    with small_portal([mode]) as portal:
        default = fetch_with_scrapy(portal.base_url + "/robots.txt", {})
        legacy = fetch_with_scrapy(portal.base_url + "/robots.txt", crawl_settings("legacy"))
    assert default.startswith("failed:") and refusal in default, default
    assert legacy == "200"


@pytest.mark.parametrize("tls", ["verify", "unverified"])
def test_a_self_signed_certificate_is_refused_or_knowingly_accepted(tmp_path, tls):
    db = tmp_path / "archive.db"
    with small_portal(["tls-self-signed"]) as portal:
        result = crawl(portal, registry(tmp_path, tls=tls), db)
        asked, good = len(portal.log), len(portal.good_paths)
    run = last_run(db)
    if tls == "verify":
        assert result.returncode == 1, result.stderr
        assert "its registry entry says tls: verify: nothing fetched" in result.stderr
        assert "set tls: unverified to crawl it anyway" in result.stderr
        assert (asked, stored(db), run["status"]) == (0, 0, "failed")
        assert run["tls"] == "not verified: self-signed certificate"
    else:
        assert result.returncode == 0, result.stderr
        assert stored(db) == good
        assert run["tls"] == "not verified: self-signed certificate (accepted: tls unverified)"


def test_tls_verify_crawls_a_chain_that_verifies(tmp_path):
    db = tmp_path / "archive.db"
    with small_portal(["tls-valid-chain"]) as portal:
        result = crawl(portal, registry(tmp_path, tls="verify"), db, env={"SSL_CERT_FILE": str(portal.ca_file)})
        good = len(portal.good_paths)
    assert result.returncode == 0, result.stderr
    assert stored(db) == good
    assert last_run(db)["tls"].startswith("verified (TLSv1.")


# ---------------------------------------------------------------- HTTP only


def test_an_http_only_site_is_crawled_over_http_and_never_asked_for_https(tmp_path):
    """The portal speaks plain HTTP only, and every link of its pages, sitemap, feeds and robots.txt (and
    its base URL) says https."""
    db, without = tmp_path / "archive.db", tmp_path / "without.db"
    with small_portal(["https-links"]) as portal:
        https_base = "https" + portal.base_url[len("http"):]
        result = crawl(portal, registry(tmp_path, http_only=True), db, base_url=https_base)
        good = {portal.base_url + path for path in portal.good_paths}
        # without the option the same links fail: each https request meets an HTTP server
        control = crawl(portal, registry(tmp_path), without)
    assert result.returncode == 0, result.stderr
    archive = sqlite_utils.Database(db)
    assert {row["url"] for row in archive["articles"].rows} == good  # http://127.0.0.1:<port>/...
    assert archive["failed_pages"].count == 0
    assert last_run(db)["tls"] == "none (http)"
    assert control.returncode == 1
    assert stored(without) == 0
    kinds = {row["kind"] for row in sqlite_utils.Database(without)["failed_pages"].rows}
    assert kinds == {"connection-lost"}


def test_over_http_keeps_host_port_path_and_query():
    assert over_http("https://cema.gov.vn/tin-tuc/a/b.htm?x=1") == "http://cema.gov.vn/tin-tuc/a/b.htm?x=1"
    assert over_http("https://cema.gov.vn:443/") == "http://cema.gov.vn/"
    assert over_http("https://127.0.0.1:8443/a") == "http://127.0.0.1:8443/a"
    assert over_http("http://cema.gov.vn/a") == "http://cema.gov.vn/a"


# ---------------------------------------------------------------- refused pages


@pytest.mark.parametrize("mode, said", [("denied-403", "http 403"), ("denied-page", '"Thông báo từ chối truy cập"')])
def test_a_site_that_refuses_every_page_says_so_and_stores_nothing(tmp_path, mode, said):
    db = tmp_path / "archive.db"
    with small_portal([mode]) as portal:
        result = crawl(portal, registry(tmp_path), db)
        asked = [hit.target for hit in portal.log]
    assert result.returncode == 5, result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("govnews: error:")]
    assert f"access denied: 4 pages (the site serves a block page — {said})" in error
    assert "the site refuses the crawler" in error
    assert stored(db) == 0 and sqlite_utils.Database(db)["captures"].count == 0
    run = last_run(db)
    assert (run["status"], run["exit_status"]) == ("access-denied", 5)
    assert sum(json.loads(run["errors"]).values()) == 4  # the four start listings, nothing further
    listings = ["/tin-tuc-su-kien", "/chinh-tri", "/kinh-te", "/van-hoa-xa-hoi"]
    assert sorted(target for target in asked if target in listings) == sorted(listings)
    assert set(asked) <= {*listings, "/robots.txt", "/sitemap.xml"}  # nothing past the start pages


def test_block_pages_among_good_articles_are_named_failures(tmp_path):
    db = tmp_path / "archive.db"
    with small_portal(["denied-articles"]) as portal:
        result = crawl(portal, registry(tmp_path), db)
        denied = {portal.base_url + path for path in portal.denied_paths}
        good = {portal.base_url + path for path in portal.good_paths} - denied
    assert result.returncode == 1, result.stderr
    assert "2 pages failed (access-denied 2); the next run retries them; access denied: 2 pages" in result.stderr
    archive = sqlite_utils.Database(db)
    assert {row["url"] for row in archive["articles"].rows} == good
    failures = {row["url"]: (row["kind"], row["error"]) for row in archive["failed_pages"].rows}
    assert failures == {url: ("access-denied", "a block page") for url in denied}


def test_a_javascript_only_site_is_named_not_crawlable(tmp_path):
    db = tmp_path / "archive.db"
    with small_portal(["javascript-only"]) as portal:
        result = crawl(portal, registry(tmp_path), db)
    assert result.returncode == 6, result.stderr
    assert ("the site renders with JavaScript only: not crawlable without a browser (4 pages were an empty shell "
            "of scripts)") in result.stderr
    assert stored(db) == 0
    run = last_run(db)
    assert (run["status"], json.loads(run["errors"])) == ("javascript-only", {"javascript-only": 4})
