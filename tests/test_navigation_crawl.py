"""Crawls of registry entries that give only a name, domains and an address:
no start paths, no patterns. The spider finds the listings from the menu,
feeds and sitemaps, and extraction says which fetched pages are articles."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlite_utils
import yaml

from scraper.demo import FAMILIES, DemoPortal
from scraper.sites import get_site

from .conftest import govnews, one_page_site

ALL_FAMILIES = ("vnportal", *FAMILIES)


def bare_registry(path, family: str, **extra) -> str:
    """A registry file with one entry for the family's site: its name, domains and address only."""
    known = get_site(f"demo-{family}")
    entry = {"name": known.name, "domains": list(known.domains), "base_url": known.base_url, **extra}
    path.write_text(yaml.safe_dump({"sites": {"bare": entry}}, allow_unicode=True), encoding="utf-8")
    return str(path)


def hits(demo: DemoPortal, requests: Counter) -> Counter:
    """Requests per page of the portal (one page may be asked for under several addresses)."""
    pages = Counter()
    for target, count in requests.items():
        pages[demo.key(target)] += count
    return pages


@pytest.mark.parametrize("family", ALL_FAMILIES)
def test_a_site_is_walked_from_its_home_page_menu_alone(family, tmp_path):
    """No sitemap, no feed: the home page's menu, the listings' paging and
    extraction's verdicts reach every article."""
    db = tmp_path / "archive.db"
    registry = bare_registry(tmp_path / "sites.yaml", family, sitemaps=[], feeds=[])
    with DemoPortal(family=family) as demo:
        result = govnews("crawl", "bare", "--registry", registry, "--base-url", demo.base_url, "--db", str(db),
                         "-s", "LOG_LEVEL=WARNING")
        fetched = hits(demo, demo.requests)
    assert result.returncode == 0, result.stderr
    stored = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert stored == {demo.base_url + article.path for article in demo.articles}
    # each article fetched once; the rest of the walk stays within a few pages per article
    assert {article.path: fetched[article.path] for article in demo.articles} == {
        article.path: 1 for article in demo.articles}
    assert sum(fetched.values()) < 4 * len(demo.articles) + 40


def test_a_second_run_of_a_bare_entry_fetches_only_what_is_new(tmp_path):
    db = tmp_path / "archive.db"
    registry = bare_registry(tmp_path / "sites.yaml", "wordpress")
    with DemoPortal(family="wordpress") as demo:
        first = govnews("crawl", "bare", "--registry", registry, "--base-url", demo.base_url, "--db", str(db))
        assert first.returncode == 0, first.stderr
        before = Counter(demo.requests)
        second = govnews("crawl", "bare", "--registry", registry, "--base-url", demo.base_url, "--db", str(db))
        again = hits(demo, demo.requests - before)
    assert second.returncode == 0, second.stderr
    # no article is fetched again except the rolling recheck sample
    refetched = [article.path for article in demo.articles if again[article.path]]
    assert len(refetched) <= -(-len(demo.articles) // 10)
    assert sum(again.values()) < len(demo.articles)


SMALL_DIRECTORY = ("<!DOCTYPE html><html><head><title>Danh bạ</title></head><body><h1>Danh bạ</h1><ul>"
                   + "".join(f'<li><a href="/don-vi-{n}">Phòng chuyên môn số {n}</a></li>' for n in range(3))
                   + "</ul></body></html>").encode()


def test_a_site_where_no_article_is_found_says_so(tmp_path):
    """A site whose few pages are directories of links (too few for "extraction
    looks broken"): a loud exit 3, not "ok"."""
    db = tmp_path / "archive.db"
    registry = tmp_path / "sites.yaml"
    with one_page_site(200, SMALL_DIRECTORY) as address:
        registry.write_text(f"sites:\n  bare:\n    name: Danh bạ\n    domains: [127.0.0.1]\n    base_url: {address}\n",
                            encoding="utf-8")
        result = govnews("crawl", "bare", "--registry", str(registry), "--db", str(db))
    assert result.returncode == 3, result.stderr
    assert "no article found" in result.stderr.splitlines()[-1]
    [run] = sqlite_utils.Database(db)["crawl_runs"].rows
    assert run["status"] == "extraction-broken" and "no article found" in run["message"]
