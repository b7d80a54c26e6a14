"""``govnews discover``: an entry proposed from a site's address alone, then crawled."""

from __future__ import annotations

import pytest
import sqlite_utils
import yaml

from scraper.demo import DemoPortal
from scraper.sites import load_registry

from .conftest import LINK_DIRECTORY, govnews, one_page_site

BUDGET = 120


# one site per way of paging: links (?page=, /page/N, _cur=), a script pager, a "more" button
@pytest.mark.parametrize("family", ("vnportal", "wordpress", "liferay", "vnportal2", "chinhphu", "legacy"))
def test_discovered_entry_crawls_the_whole_site(family, tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    with DemoPortal(family=family) as demo:
        found = govnews("discover", demo.base_url, "--name", "found", "--registry", str(registry), "--write",
                        "--budget", str(BUDGET), "-s", "LOG_LEVEL=WARNING")
        discovery_requests = sum(demo.requests.values())
        assert found.returncode == 0, found.stderr
        crawl = govnews("crawl", "found", "--registry", str(registry), "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert discovery_requests <= BUDGET
    entry = yaml.safe_load(registry.read_text(encoding="utf-8"))["sites"]["found"]
    assert entry["base_url"] == demo.base_url and entry["verified"] is False
    assert "found" in load_registry(registry)
    # the sample table names articles with their titles and dates
    article_lines = [line for line in found.stdout.splitlines() if line.startswith("#  article")]
    assert len(article_lines) >= 3
    titles = {article.title for article in demo.articles}
    assert all(any(title[:50] in line for title in titles) for line in article_lines)
    # and the entry crawls: every article of the site is stored
    assert crawl.returncode == 0, crawl.stderr
    stored = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert stored == {demo.base_url + article.path for article in demo.articles}


def test_an_existing_key_is_refused_and_the_registry_left_as_it_was(tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n  found:\n    name: Đã có\n    domains: [a.gov.vn]\n    base_url: https://a.gov.vn\n",
                        encoding="utf-8")
    before = registry.read_bytes()
    with DemoPortal(family="wordpress") as demo:
        result = govnews("discover", demo.base_url, "--name", "found", "--registry", str(registry), "--write",
                         "--budget", "60")
    assert result.returncode == 1 and "exists already" in result.stderr
    assert registry.read_bytes() == before


APP_SHELL = (b'<!DOCTYPE html><html><head><title>Cong thong tin</title><script src="/app.js"></script></head>'
             b'<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>')
@pytest.mark.parametrize(("status", "body", "reason"), [
    (200, APP_SHELL, "JavaScript"),
    (403, b"<html><body><h1>Forbidden</h1></body></html>", "access denied"),
    (200, LINK_DIRECTORY, "nothing article-like"),
])
def test_a_site_it_cannot_use_gets_one_line_of_reason(status, body, reason, tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n", encoding="utf-8")
    with one_page_site(status, body) as address:
        result = govnews("discover", address, "--registry", str(registry), "--write", "--budget", "40")
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("govnews: error:")]
    assert reason in line
    assert registry.read_text(encoding="utf-8") == "sites:\n"
