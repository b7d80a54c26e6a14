"""A real crawl of the offline portal into a real SQLite archive."""

from __future__ import annotations

import re

import pytest
import sqlite_utils

from scraper.demo.pages import CANONICAL_BASE
from scraper.sites import get_site

from .conftest import GOLD, govnews, seed_article

TEXT_COLUMNS = ("title", "lead", "body")
CONTENT_COLUMNS = ("url", "canonical_url", "site", "title", "lead", "body", "author",
                   "published_at", "category", "source", "extractor", "first_seen_at")


def rows(db_path):
    return {row["id"]: row for row in sqlite_utils.Database(db_path)["articles"].rows}


def test_every_article_stored_exactly_once(portal, archive):
    db = sqlite_utils.Database(archive)
    stored = list(db["articles"].rows)
    urls = [row["url"] for row in stored]
    assert len(urls) == len(set(urls))
    assert set(urls) == {portal.base_url + article.path for article in portal.articles}
    # pages name the site's registry domain as canonical, so ids do not depend on the port
    assert {row["canonical_url"] for row in stored} == {CANONICAL_BASE + a.path for a in portal.articles}
    assert db["articles"].count == len(portal.articles)


def test_seed_article_matches_gold(portal, archive):
    db = sqlite_utils.Database(archive)
    url = portal.base_url + seed_article(portal).path
    stored = next(db["articles"].rows_where("url = ?", [url]))
    assert stored["site"] == get_site("demo-vnportal").domain  # the registry entry's, not the gold's real site
    assert stored["title"] == GOLD["title"]
    assert stored["lead"] == GOLD["lead"]
    assert stored["body"].split("\n\n") == GOLD["body"]
    assert stored["author"] == GOLD["author"]
    assert stored["source"] == GOLD["source_marker"]
    assert stored["published_at"].startswith(GOLD["published_date"] + "T")
    assert stored["published_at"].endswith("+07:00")
    images = list(db["images"].rows_where("article_id = ?", [stored["id"]], order_by="position"))
    assert [image["caption"] for image in images] == GOLD["captions"]
    assert all(image["src"].startswith(portal.base_url + "/") for image in images)


def test_no_boilerplate_in_any_article(archive):
    for row in rows(archive).values():
        for column in TEXT_COLUMNS:
            for phrase in GOLD["must_not_appear_in_title_lead_or_body"]:
                assert phrase not in (row[column] or ""), (row["url"], column, phrase)


def test_boilerplate_words_inside_articles_survive(portal, archive):
    """Running text that says "Hôm nay" or "tất cả" is article text, not a counter."""
    stored = rows(archive)
    bodies = {row["url"]: row["body"] for row in stored.values()}
    kept = 0
    for article in portal.articles:
        text = " ".join(block[1] for block in article.blocks if block[0] == "p")
        if "Hôm nay" in text or "tất cả" in text:
            body = bodies[portal.base_url + article.path]
            for phrase in ("Hôm nay", "tất cả"):
                if phrase in text:
                    assert phrase in body
                    kept += 1
    assert kept >= 5


def test_every_article_has_date_author_and_category(portal, archive):
    by_url = {row["url"]: row for row in rows(archive).values()}
    for article in portal.articles:
        row = by_url[portal.base_url + article.path]
        assert row["published_at"] == article.published.strftime("%Y-%m-%dT%H:%M:00+07:00")
        assert row["author"] == article.author
        assert row["category"] == article.category_name
        assert row["extractor"] == "vnportal/2"


@pytest.mark.parametrize("mode", ["incremental", "full"])
def test_second_crawl_adds_and_changes_nothing(portal, archive, mode):
    before = rows(archive)
    versions = sqlite_utils.Database(archive)["article_versions"].count
    extra = ["--full"] if mode == "full" else []
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(archive), *extra, "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr
    after = rows(archive)
    assert after.keys() == before.keys()
    for article_id, row in after.items():
        assert {c: row[c] for c in CONTENT_COLUMNS} == {c: before[article_id][c] for c in CONTENT_COLUMNS}
        assert row["last_seen_at"] >= before[article_id]["last_seen_at"]  # only the sighting time moves
    assert sqlite_utils.Database(archive)["article_versions"].count == versions == len(before)
    summary = re.search(r"articles (\d+) new, (\d+) changed, (\d+) unchanged, .*; (\d+) rechecked", result.stderr)
    assert summary, result.stderr
    new, changed, unchanged, rechecked = map(int, summary.groups())
    assert (new, changed) == (0, 0)
    if mode == "full":  # everything fetched again and found the same
        assert unchanged == len(before)
    else:  # only the rolling recheck sample, answered 304 Not Modified
        assert (unchanged, rechecked) == (0, len(before) // 10)


def test_scrapy_crawl_command_works_too(portal, tmp_path):
    """`scrapy crawl portal -a site=demo-vnportal` is the same crawl as `govnews crawl`."""
    import subprocess
    import sys

    from .conftest import ROOT

    db = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", "site=demo-vnportal", "-a", f"base_url={portal.base_url}",
         "-s", f"ARCHIVE_DB={db}", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert sqlite_utils.Database(db)["articles"].count == len(portal.articles)
