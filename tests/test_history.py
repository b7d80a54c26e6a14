"""An archive that forgets nothing: new, edited and deleted articles across runs.

One portal and one archive go through a sequence of crawls, with the portal
changed between them as real portals change. Tests run in file order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest
import sqlite_utils

from scraper.demo import DemoPortal, build_articles
from scraper.demo.content import slugify

from .conftest import govnews


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(portal, archive path) after a first full crawl."""
    db = tmp_path_factory.mktemp("history") / "archive.db"
    with DemoPortal(build_articles()) as portal:
        crawl(portal, db)
        yield portal, db


def crawl(portal, db, *settings: str) -> dict[str, int]:
    """Run a real crawl; the summary's counts."""
    args = [arg for setting in settings for arg in ("-s", setting)]
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING", *args)
    assert result.returncode == 0, result.stderr
    summary = re.search(r"(\d+) pages fetched; articles (\d+) new, (\d+) changed, (\d+) unchanged, (\d+) removed, "
                        r"(\d+) failed; (\d+) rechecked", result.stderr)
    assert summary, result.stderr
    names = ("pages", "new", "changed", "unchanged", "removed", "failed", "rechecked")
    return dict(zip(names, map(int, summary.groups())))


def rows(db, where="1", params=()):
    return list(sqlite_utils.Database(db)["articles"].rows_where(where, list(params)))


def test_first_crawl_stores_everything(site):
    portal, db = site
    assert len(rows(db)) == len(portal.articles)


def test_new_articles_appear_after_the_next_run(site):
    portal, db = site
    template = portal.articles[0]
    for number in (1, 2):
        title = f"Tin mới số {number}: tỉnh triển khai kế hoạch chuyển đổi số năm 2025"
        portal.add_article(replace(template, id=900000 + number, title=title, slug=slugify(title),
                                   published=datetime(2024, 7, number, 9, 0)))
    before = portal.request_count
    counts = crawl(portal, db)
    assert counts["new"] == 2
    assert {r["title"] for r in rows(db, "title like 'Tin mới số%'")} == {
        "Tin mới số 1: tỉnh triển khai kế hoạch chuyển đổi số năm 2025",
        "Tin mới số 2: tỉnh triển khai kế hoạch chuyển đổi số năm 2025",
    }
    assert len(rows(db)) == len(portal.articles)
    # incremental: it did not fetch the whole portal again
    assert portal.request_count - before < len(portal.articles) // 2


def test_edited_article_gets_a_second_version(site):
    portal, db = site
    target = portal.articles[5]
    new_title = target.title + " (cập nhật)"
    new_blocks = (("p", "Đoạn văn mới được bổ sung sau khi đăng bài."),) + target.blocks
    portal.edit_article(target.path, title=new_title, blocks=new_blocks)
    counts = crawl(portal, db, "RECHECK_RUNS=1")  # recheck every article this time
    assert counts["changed"] == 1
    [article] = rows(db, "url = ?", [portal.base_url + target.path])
    assert article["title"] == new_title
    assert article["body"].startswith("Đoạn văn mới được bổ sung")
    archive = sqlite_utils.Database(db)
    versions = list(archive["article_versions"].rows_where("article_id = ?", [article["id"]], order_by="version"))
    assert [v["title"] for v in versions] == [target.title, new_title]
    assert versions[0]["last_seen_at"] <= versions[1]["first_seen_at"]
    # every other article answered the conditional request with 304
    run = archive.execute("SELECT not_modified, rechecked FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
    assert run == (len(portal.articles) - 1, len(portal.articles))


@pytest.mark.parametrize("status", [404, 410, 301])
def test_deleted_article_is_marked_removed_and_stays_readable(site, status):
    portal, db = site
    target = next(a for a in portal.articles[20:] if a.path not in {r["url"] for r in rows(db, "removed = 1")})
    portal.remove_article(target.path, status=status)
    counts = crawl(portal, db, "RECHECK_RUNS=1")
    assert counts["removed"] == 1
    [article] = rows(db, "url = ?", [portal.base_url + target.path])
    assert article["removed"] == 1 and article["removed_at"]
    assert article["title"] == target.title and article["body"]  # never deleted
    again = crawl(portal, db, "RECHECK_RUNS=1")
    assert again["removed"] == 0  # already known gone: first-seen-gone time kept
    [still] = rows(db, "url = ?", [portal.base_url + target.path])
    assert still["removed_at"] == article["removed_at"]


def test_quiet_run_fetches_only_listing_heads_and_the_recheck_sample(site):
    portal, db = site
    stored = len(rows(db))
    before = portal.requests.copy()
    counts = crawl(portal, db)
    made = portal.requests - before
    assert counts["new"] == counts["changed"] == 0
    assert counts["rechecked"] == -(-stored // 10)  # the rolling sample: a tenth of the site
    # the sources the site names: robots.txt's sitemap and the feeds the start pages declare
    sources = [target for target in made if target.endswith((".xml", ".rss"))]
    assert "/sitemap.xml" in sources and all(made[target] == 1 for target in sources)
    listings = [target for target in made
                if not target.endswith(".html") and target not in ("/", "/robots.txt", *sources)]
    # each of the 4 categories: its first page, and the "next" page of the overlap
    assert sorted(listings) == sorted(f"/{c}{suffix}" for c in ("tin-tuc-su-kien", "chinh-tri", "kinh-te", "van-hoa-xa-hoi")
                                      for suffix in ("", "?page=2"))


def test_the_portal_on_another_port_is_the_same_site(tmp_path):
    """Two demo crawls, each with the portal on a port of its own: the second
    rechecks on the new port and stores no version (only the images' host:port
    differ); a --full run neither."""
    db = tmp_path / "archive.db"
    articles = build_articles(per_category=6)
    for full in ((), (), ("--full",)):
        with DemoPortal(articles) as portal:
            portal.start()
            result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db),
                             "-s", "LOG_LEVEL=WARNING", *full)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    archive = sqlite_utils.Database(db)
    assert archive["versions"].count == archive["articles"].count == len(articles)
    assert archive.execute("SELECT count(*) FROM crawl_runs WHERE status != 'ok'").fetchone()[0] == 0
    assert archive.execute("SELECT count(*) FROM failed_pages").fetchone()[0] == 0
    assert archive.execute("SELECT sum(rechecked), sum(not_modified) FROM crawl_runs").fetchone()[0] > 0
