"""Running under cron: locks, kills, re-extraction offline, WARC export, registry errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from dataclasses import replace

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from scraper.demo import DemoPortal, build_articles

from .conftest import GOVNEWS, ROOT, copy_archive, govnews


@pytest.fixture(scope="module")
def big_portal():
    """A portal large enough (800 articles) for a crawl to be caught mid-way."""
    with DemoPortal(build_articles(per_category=200)) as running:
        running.start()
        yield running


def start_crawl(portal, db):
    return subprocess.Popen(
        [*GOVNEWS, "crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING",
         "-s", "ARCHIVE_BATCH=20"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.05)


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_second_concurrent_run_refuses(big_portal, tmp_path):
    db = tmp_path / "archive.db"
    first = start_crawl(big_portal, db)
    try:
        wait_for(lambda: stored(db) > 0)
        started = time.monotonic()
        second = govnews("crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db))
        assert time.monotonic() - started < 10
        assert second.returncode == 75
        assert "in use by a running crawl" in second.stderr
    finally:
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert stored(db) == len(big_portal.articles)


def test_killed_run_is_completed_by_the_next(big_portal, tmp_path):
    db = tmp_path / "archive.db"
    victim = start_crawl(big_portal, db)
    wait_for(lambda: stored(db) >= 100)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    partial = stored(db)
    assert 0 < partial < len(big_portal.articles)
    result = govnews("crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr
    archive = sqlite_utils.Database(db)
    urls = [row["url"] for row in archive["articles"].rows]
    assert len(urls) == len(set(urls)) == len(big_portal.articles)
    assert set(urls) == {big_portal.base_url + a.path for a in big_portal.articles}
    # no half-written article: every one has its version, its search row and all its images
    assert archive["article_versions"].count == len(urls)
    assert archive.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(urls)
    expected_images = {big_portal.base_url + a.path: len(a.images) for a in big_portal.articles}
    counts = dict(archive.execute(
        "SELECT a.url, count(i.position) FROM articles a LEFT JOIN images i ON i.article_id = a.id GROUP BY a.id"
    ).fetchall())
    assert counts == expected_images
    runs = [row["status"] for row in archive["crawl_runs"].rows_where(order_by="id")]
    assert runs == ["interrupted", "ok"]


def test_reextract_works_offline_and_records_changes(portal, archive, tmp_path):
    db = tmp_path / "archive.db"
    copy_archive(archive, db)
    conn = sqlite_utils.Database(db)
    # what an older, weaker profile would have stored: no lead, no author
    conn.execute("UPDATE articles SET lead = '', author = '' WHERE rowid % 3 = 0")
    conn.conn.commit()
    damaged = conn.execute("SELECT count(*) FROM articles WHERE author = ''").fetchone()[0]
    assert damaged > 0
    versions_before = conn["article_versions"].count
    result = subprocess.run(
        [*GOVNEWS, "reextract", "--db", str(db), "--site", "demo-vnportal"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert f"{damaged} articles changed" in result.stderr
    assert conn.execute("SELECT count(*) FROM articles WHERE author = ''").fetchone()[0] == 0
    assert conn["article_versions"].count == versions_before + damaged
    assert conn.execute("SELECT kind, status FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone() == ("reextract", "ok")


def test_export_warc_round_trips_captures(portal, archive, tmp_path):
    output = tmp_path / "captures.warc.gz"
    result = govnews("export-warc", str(output), "--db", str(archive))
    assert result.returncode == 0, result.stderr
    responses = {}
    with open(output, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                responses[record.rec_headers.get_header("WARC-Target-URI")] = (
                    record.http_headers.get_statuscode(), record.content_stream().read())
    assert len(responses) == len(portal.articles)
    article = portal.articles[0]
    status, body = responses[portal.base_url + article.path]
    assert status == "200"
    assert article.title.encode("utf-8") in body


def test_registry_error_names_file_line_and_field(tmp_path, portal):
    registry = tmp_path / "sites.yaml"
    registry.write_text(
        "sites:\n  demo:\n    name: Demo\n    domains: [demo.gov.vn]\n    base_url: https://demo.gov.vn\n"
        "    start_paths: [/tin-tuc]\n    article_pattern: '(unclosed'\n    listing_pattern: 'x'\n",
        encoding="utf-8",
    )
    result = govnews("crawl", "demo", "--registry", str(registry), "--base-url", portal.base_url,
                     "--db", str(tmp_path / "a.db"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"govnews: error: {registry}:7: site 'demo': field 'article_pattern': bad regular expression: "
        "missing ), unterminated subpattern at position 0"
    )


def test_sites_lists_last_run(archive):
    result = govnews("sites", "--db", str(archive))
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("demo-vnportal "))
    assert "vnportal" in line and "sonla-demo.gov.vn" in line and " ok:" in line


def test_broken_extraction_fails_loudly(portal, tmp_path):
    """When a site's pages stop yielding articles (its layout changed), the run says so."""
    registry = tmp_path / "sites.yaml"
    registry.write_text(
        "sites:\n  sonla:\n    name: Sơn La\n    platform: vnportal\n    domains: [sonla.gov.vn]\n"
        "    base_url: https://sonla.gov.vn\n    start_paths: [/tin-tuc-su-kien, /chinh-tri, /kinh-te, /van-hoa-xa-hoi]\n"
        "    article_pattern: '^/[a-z-]+\\?page=\\d+$'\n    listing_pattern: '^/$'\n",
        encoding="utf-8",
    )
    db = tmp_path / "archive.db"
    result = govnews("crawl", "sonla", "--registry", str(registry), "--base-url", portal.base_url, "--db", str(db),
                     "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 3, result.stderr
    assert "govnews: error: sonla: extraction looks broken" in result.stderr
    run = sqlite_utils.Database(db).execute("SELECT status, exit_status FROM crawl_runs").fetchone()
    assert run == ("extraction-broken", 3)


def test_crawl_all_sites_each_on_its_own(tmp_path):
    """--all crawls every verified registry site; one site being down fails that site only; an
    unverified site is left out, and the run says so."""
    from .conftest import free_port

    first = DemoPortal(build_articles(per_category=5))
    # another portal, whose articles (and so their canonical URLs) are its own
    second = DemoPortal([replace(a, id=a.id + 1_000_000) for a in build_articles(per_category=7)])
    with first, second:
        entries = []
        for key, portal, verified in (("one", first, "true"), ("two", second, "true"), ("down", None, "true"),
                                      ("unproven", second, "false")):
            base = portal.base_url if portal else f"http://127.0.0.1:{free_port()}"
            entries.append(
                f"  {key}:\n    name: {key}\n    verified: {verified}\n    platform: vnportal\n"
                f"    domains: [{key}.example.gov.vn]\n"
                f"    base_url: {base}\n    start_paths: [/tin-tuc-su-kien, /chinh-tri, /kinh-te, /van-hoa-xa-hoi]\n"
                "    article_pattern: '/[a-z0-9-]+/[a-z0-9-]+-\\d+\\.html$'\n"
                "    listing_pattern: '^/(?:tin-tuc-su-kien|chinh-tri|kinh-te|van-hoa-xa-hoi)(?:\\?page=\\d+)?$'\n"
                "    settings:\n      DOWNLOAD_DELAY: 0\n"
            )
        registry = tmp_path / "sites.yaml"
        registry.write_text("sites:\n" + "".join(entries), encoding="utf-8")
        db = tmp_path / "archive.db"
        result = govnews("crawl", "--all", "--registry", str(registry), "--db", str(db), "-s", "LOG_LEVEL=ERROR")
    assert result.returncode == 1, result.stderr
    assert "govnews: error: down: no page could be fetched" in result.stderr
    assert "govnews: --all leaves out the unverified sites (1; " in result.stderr
    archive = sqlite_utils.Database(db)
    per_site = dict(archive.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    assert per_site == {"one.example.gov.vn": len(first.articles), "two.example.gov.vn": len(second.articles)}
    statuses = dict(archive.execute("SELECT site, status FROM crawl_runs").fetchall())
    assert statuses == {"one.example.gov.vn": "ok", "two.example.gov.vn": "ok", "down.example.gov.vn": "failed"}


def test_reextract_of_every_site_records_only_the_sites_it_touched(archive, tmp_path):
    db = tmp_path / "archive.db"
    copy_archive(archive, db)
    before = sqlite_utils.Database(db)["crawl_runs"].count
    result = govnews("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    runs = sqlite_utils.Database(db).execute("SELECT site, kind FROM crawl_runs ORDER BY id").fetchall()
    assert runs[before:] == [("sonla-demo.gov.vn", "reextract")]  # no row for sites never crawled
    header, *listing = govnews("sites", "--db", str(db)).stdout.splitlines()
    assert header.split() == ["site", "state", "platform", "domain", "tls", "last", "run"]
    line = next(line for line in listing if line.startswith("demo-vnportal "))
    assert " ok: " in line and "reextract" not in line  # the crawl, not the re-extraction, is the site's last run
    assert all("never crawled" in line for line in listing if not line.startswith("demo-vnportal "))
