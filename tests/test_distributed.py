"""Distributed crawling on real Redis: three workers and one archiver crawl two
offline sites at once, and store what one process crawling them stores; a
worker killed with SIGKILL, or the archiver killed and restarted, changes
nothing; no site gets more concurrent requests than its registry entry allows;
the archive's lock holds, and the next shared run is incremental."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest
import redis
import yaml

from scraper.archive.lock import archive_lock
from scraper.demo import DemoPortal, build_articles
from scraper.demo.families import build_family_articles
from scraper.sites import DEFAULT_REGISTRY

from .conftest import GOVNEWS, ROOT, govnews
from .redis_server import redis_server

PER_CATEGORY = 6
LIMIT = 2  # CONCURRENT_REQUESTS_PER_DOMAIN in the test registry: each worker alone would allow it too
SITES = ("demo-vnportal", "demo-wordpress")
WORKER_SETTINGS = ("-s", "LOG_LEVEL=WARNING", "-s", "REDIS_WORKER_TTL=2", "-s", "EXTRACT_WORKERS=1")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    """The two demo sites' entries, each allowing LIMIT requests at once."""
    entries = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["sites"]
    sites = {key: {**entries[key], "settings": {"CONCURRENT_REQUESTS_PER_DOMAIN": LIMIT}} for key in SITES}
    path = tmp_path_factory.mktemp("registry") / "registry.yaml"
    path.write_text(yaml.safe_dump({"sites": sites}, allow_unicode=True), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def portals():
    """The two offline sites, each answering in 50 ms (so that requests overlap)."""
    running = {"demo-vnportal": DemoPortal(build_articles(PER_CATEGORY)),
               "demo-wordpress": DemoPortal(build_family_articles("wordpress", PER_CATEGORY), family="wordpress")}
    for portal in running.values():
        portal.start()
        portal.response_delay = 0.05
    yield running
    for portal in running.values():
        portal.stop()


@pytest.fixture(scope="module")
def single_process(portals, registry, tmp_path_factory):
    """What one `govnews crawl` process stores of the two sites."""
    db = tmp_path_factory.mktemp("single") / "archive.db"
    for site, portal in portals.items():
        result = govnews("crawl", site, "--base-url", portal.base_url, "--db", str(db), "--registry", registry,
                         "-s", "LOG_LEVEL=WARNING")
        assert result.returncode == 0, result.stderr
    urls = stored_urls(db)
    assert len(urls) == 4 * PER_CATEGORY + 2 * PER_CATEGORY
    return urls


def stored_urls(db) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT site, url FROM articles"))


def seed(portals, registry, db, redis_url, kind="full"):
    """`govnews crawl SITE --redis` for each site, one after the other (two
    processes creating a new archive at once can collide turning WAL on)."""
    for site, portal in portals.items():
        result = govnews("crawl", site, "--base-url", portal.base_url, "--db", str(db), "--redis", redis_url,
                         "--registry", registry, "-s", "LOG_LEVEL=WARNING")
        assert result.returncode == 0, result.stderr
        assert f"{kind} run seeded" in result.stderr


def start(args, log):
    return subprocess.Popen([*GOVNEWS, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(log, "w"))


def start_worker(redis_url, registry, log):
    return start(["worker", "--redis", redis_url, "--registry", registry, *WORKER_SETTINGS], log)


def finish(process, log, timeout=60):
    assert process.wait(timeout=timeout) == 0, open(log).read()[-3000:]


def wait_for(condition, timeout=30, what=""):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def check_archive(db, expected_urls):
    """Same articles as one process; nothing stored twice; each run recorded, finished and ok."""
    assert stored_urls(db) == expected_urls
    with sqlite3.connect(db) as conn:
        for table in ("captures", "article_versions"):  # a page fetched twice is kept once
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(expected_urls), table
        runs = conn.execute("SELECT site, kind, status, finished_at IS NOT NULL, pages_fetched, articles_new "
                            "FROM crawl_runs ORDER BY site").fetchall()
    assert [(site, kind, status, finished) for site, kind, status, finished, _, _ in runs] == [
        ("sonla-demo.gov.vn", "full", "ok", 1), ("sotttt-demo.gov.vn", "full", "ok", 1)]
    assert sum(new for *_, new in runs) == len(expected_urls)
    assert all(pages > 0 for *_, pages, _ in runs)


def test_three_workers_one_killed_store_what_one_process_stores(portals, registry, redis_url, single_process,
                                                                tmp_path):
    server = redis.Redis.from_url(redis_url)
    server.flushall()
    for portal in portals.values():
        portal.max_in_flight = 0
    db = tmp_path / "archive.db"
    seed(portals, registry, db, redis_url)
    served = sum(portal.request_count for portal in portals.values())
    archiver = start(["archiver", "--redis", redis_url, "--db", str(db), "--until-done"], tmp_path / "archiver.log")
    victim = start_worker(redis_url, registry, tmp_path / "w0.log")

    def victim_leases() -> int:
        return sum(server.hlen(key) for key in server.scan_iter(f"govnews:*:leases:*:{victim.pid}"))

    wait_for(lambda: victim_leases() > 0, what="the first worker to take requests")
    workers = [victim, *(start_worker(redis_url, registry, tmp_path / f"w{n}.log") for n in (1, 2))]

    def mid_run() -> bool:  # the sites partly crawled, the victim with requests in hand
        return sum(portal.request_count for portal in portals.values()) - served >= 10 and victim_leases() > 0

    wait_for(mid_run, what="the first worker to hold requests mid-run")
    held = victim_leases()
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    for n, worker in enumerate(workers[1:], 1):
        finish(worker, tmp_path / f"w{n}.log")
    finish(archiver, tmp_path / "archiver.log")

    assert held > 0  # the killed worker had requests in hand: others did them again
    assert not list(server.scan_iter("govnews:*:leases:*"))
    check_archive(db, single_process)
    for site, portal in portals.items():
        assert 1 <= portal.max_in_flight <= LIMIT, site


def test_archiver_killed_mid_run_loses_nothing_and_the_next_run_is_incremental(portals, registry, redis_url, single_process, tmp_path):
    server = redis.Redis.from_url(redis_url)
    server.flushall()
    db = tmp_path / "archive.db"
    seed(portals, registry, db, redis_url)
    with archive_lock(db):  # another run holds the archive: the archiver leaves it alone
        locked_out = govnews("archiver", "--redis", redis_url, "--db", str(db))
    assert locked_out.returncode == 75 and "in use" in locked_out.stderr
    archiver = start(["archiver", "--redis", redis_url, "--db", str(db)], tmp_path / "archiver.log")
    for portal in portals.values():
        portal.max_in_flight = 0
    workers = [start_worker(redis_url, registry, tmp_path / f"w{n}.log") for n in range(2)]

    def stored() -> int:
        try:
            with sqlite3.connect(db) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0

    wait_for(lambda: stored() > 0, what="the archiver to store a first article")
    archiver.send_signal(signal.SIGKILL)
    archiver.wait()
    assert stored() < len(single_process)
    for n, worker in enumerate(workers):
        finish(worker, tmp_path / f"w{n}.log")
    assert server.llen("govnews:items") > 0  # what the workers handed on since waits for the archiver
    restarted = start(["archiver", "--redis", redis_url, "--db", str(db), "--until-done"], tmp_path / "again.log")
    finish(restarted, tmp_path / "again.log")

    check_archive(db, single_process)
    assert not server.llen("govnews:items") and not server.llen("govnews:items:processing")
    for site, portal in portals.items():
        assert 1 <= portal.max_in_flight <= LIMIT, site


    # the next shared run of the same archive is incremental, as a local one would be
    seed(portals, registry, db, redis_url, kind="incremental")
    worker = start_worker(redis_url, registry, tmp_path / "next.log")
    archiver = start(["archiver", "--redis", redis_url, "--db", str(db), "--until-done"], tmp_path / "next-archiver.log")
    finish(worker, tmp_path / "next.log")
    finish(archiver, tmp_path / "next-archiver.log")
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT site, kind, status, articles_new, pages_fetched FROM crawl_runs ORDER BY id").fetchall()
    first, second = sorted(runs[:2]), sorted(runs[2:])
    assert [(site, kind, status, new) for site, kind, status, new, _ in second] == [
        ("sonla-demo.gov.vn", "incremental", "ok", 0), ("sotttt-demo.gov.vn", "incremental", "ok", 0)]
    assert all(again[-1] < before[-1] for again, before in zip(second, first))  # only what may have changed
    assert stored_urls(db) == single_process
