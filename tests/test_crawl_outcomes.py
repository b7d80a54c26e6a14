"""A crawl says what really happened: interrupted, stopped by a budget, or unable to write its archive.

Each test runs the real ``govnews crawl`` against the offline portal and
checks the exit status, the summary, ``crawl_runs`` and what the next run
does about it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest
import sqlite_utils

from scraper.demo import DemoPortal, build_articles

from .conftest import GOVNEWS, ROOT, govnews

SONLA_ENTRY = (
    "  sonla:\n    name: Sơn La\n    platform: vnportal\n    domains: [sonla.gov.vn]\n"
    "    base_url: https://sonla.gov.vn\n    start_paths: [/tin-tuc-su-kien, /chinh-tri, /kinh-te, /van-hoa-xa-hoi]\n"
    "    article_pattern: '/[a-z0-9-]+/[a-z0-9-]+-\\d+\\.html$'\n"
    "    listing_pattern: '^/(?:tin-tuc-su-kien|chinh-tri|kinh-te|van-hoa-xa-hoi)(?:\\?page=\\d+)?$'\n"
)


@pytest.fixture(scope="module")
def big_portal():
    """800 articles: a crawl lasts long enough to be interrupted or to outgrow a small archive."""
    with DemoPortal(build_articles(per_category=200)) as running:
        yield running


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for(condition, timeout=120.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.05)


def runs(db) -> list[tuple]:
    return sqlite_utils.Database(db).execute("SELECT kind, status, exit_status FROM crawl_runs ORDER BY id").fetchall()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_crawl_promptly_and_the_run_is_recorded_interrupted(big_portal, tmp_path, signum):
    db = tmp_path / "archive.db"
    state = tmp_path / "state"
    crawl = subprocess.Popen(
        [*GOVNEWS, "crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING",
         "-s", "ARCHIVE_BATCH=20"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "XDG_STATE_HOME": str(state)},
    )
    wait_for(lambda: stored(db) >= 40)
    crawl.send_signal(signum)
    sent = time.monotonic()
    _, stderr = crawl.communicate(timeout=60)
    assert time.monotonic() - sent < 20, "the crawl did not stop within its grace period"
    assert crawl.returncode == 128 + signum, stderr
    assert f"interrupted by {signal.Signals(signum).name}" in stderr
    assert runs(db) == [("full", "interrupted", 128 + signum)]
    # no remote-control server was started: Scrapy would have left its token file here
    assert not list(state.rglob("*.json"))
    # the next run is a catch-up that walks every listing and completes the archive
    result = govnews("crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr
    assert runs(db)[-1] == ("catch-up", "ok", 0)
    assert stored(db) == len(big_portal.articles)


def test_a_page_budget_stops_the_run_and_the_next_runs_carry_on(tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n" + SONLA_ENTRY + "    budget: {pages: 60}\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    with DemoPortal() as portal:
        def crawl():
            return govnews("crawl", "sonla", "--registry", str(registry), "--base-url", portal.base_url, "--db", str(db),
                           "-s", "LOG_LEVEL=WARNING")

        first = crawl()
        assert first.returncode == 4, first.stderr
        assert "stopped by its page budget (60 pages)" in first.stderr
        assert 0 < stored(db) < len(portal.articles)
        seen = [stored(db)]
        for _ in range(5):  # each run fetches only what is still missing
            if seen[-1] == len(portal.articles):
                break
            crawl()
            seen.append(stored(db))
    assert seen == sorted(seen) and seen[-1] == len(portal.articles)
    assert runs(db)[0] == ("full", "budget", 4)
    assert all(kind == "catch-up" for kind, _, _ in runs(db)[1:])


def test_an_archive_that_cannot_grow_stops_the_crawl_and_loses_nothing_stored(big_portal, tmp_path):
    """Disk full (here the archive's own size cap): the crawl stops fetching, says so, and the next run recovers."""
    db = tmp_path / "archive.db"
    before = big_portal.request_count
    result = govnews("crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=ERROR",
                     "-s", "ARCHIVE_MAX_MB=3", "-s", "ARCHIVE_BATCH=20")
    requests = big_portal.request_count - before
    assert result.returncode == 74, result.stderr
    assert "cannot be written (database or disk is full) after" in result.stderr
    assert "the crawl stopped" in result.stderr
    kept = stored(db)
    assert 0 < kept < len(big_portal.articles)
    assert requests < len(big_portal.articles)  # it stopped fetching instead of fetching pages it could not keep
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").fetchall() == []
    assert runs(db)[-1][1:] in {("archive-full", 74), ("running", None)}
    again = govnews("crawl", "demo-vnportal", "--base-url", big_portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert again.returncode == 0, again.stderr
    assert stored(db) == len(big_portal.articles)


@pytest.fixture
def small_disk(tmp_path):
    """A real filesystem of 4 MB (tmpfs), to fill up."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_at_the_start_fetches_nothing_and_says_why(small_disk):
    db = small_disk / "archive.db"
    with DemoPortal(build_articles(per_category=2)) as portal:
        first = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=ERROR")
        assert first.returncode == 0, first.stderr
        kept = stored(db)
        with open(small_disk / "filler", "wb") as filler:  # whatever space is left
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass
        before = portal.request_count
        result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=ERROR")
        asked = portal.request_count - before
    assert result.returncode == 74, result.stderr
    assert "cannot be written (database or disk is full): nothing fetched" in result.stderr
    assert asked == 0
    assert stored(db) == kept
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
