"""The real ``govnews crawl`` against the hostile offline portal (scraper/demo/hostile.py).

One crawl meets nearly every fault at once and each test reads its part of
the outcome: every crawl ends within its bounds, stores no trap page, loses
no good article, reports what it could not fetch, and leaves the next run
to recover. Faults that need a portal of their own (robots.txt answering
500, robots.txt changing between runs, huge pages, TLS) get their own crawl.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass

import pytest
import sqlite_utils

from scraper.demo import build_articles
from scraper.demo.hostile import FAULTS, SCRIPT_TEXTS, SCRIPT_TITLE_CLEAN, HostilePortal

from .conftest import ROOT, govnews

COMBINED = [fault for fault in FAULTS if fault not in ("robots-500", "huge-pages")]


@dataclass
class Crawl:
    """A run and the archive as it left it (a copy, so later runs do not change it)."""

    portal: HostilePortal
    db: object
    result: subprocess.CompletedProcess

    @classmethod
    def of(cls, portal: HostilePortal, db, result: subprocess.CompletedProcess) -> Crawl:
        copy = db.with_name(f"{db.stem}-{len(portal.log)}.db")
        with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        return cls(portal, copy, result)

    @property
    def archive(self) -> sqlite_utils.Database:
        return sqlite_utils.Database(self.db)

    def stored_paths(self) -> list[str]:
        return [row["url"].split(self.portal.base_url, 1)[-1] for row in self.archive["articles"].rows]

    def failures(self) -> dict[str, str]:
        """path -> kind of every page the run could not fetch or would not store."""
        return {row["url"].split(self.portal.base_url, 1)[-1]: row["kind"] for row in self.archive["failed_pages"].rows}


def crawl(portal: HostilePortal, db, *settings: str, env: dict | None = None) -> subprocess.CompletedProcess:
    args = [arg for setting in ("LOG_LEVEL=ERROR", *settings) for arg in ("-s", setting)]
    return govnews("crawl", "demo-hostile", "--base-url", portal.base_url, "--db", str(db), *args,
                   env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def combined(tmp_path_factory):
    """Every fault but robots-500 and huge pages, in one crawl; then the next run."""
    db = tmp_path_factory.mktemp("hostile") / "archive.db"
    with HostilePortal(COMBINED) as portal:
        first = Crawl.of(portal, db, crawl(portal, db, "DOWNLOAD_TIMEOUT=3"))
        first_log = list(portal.log)
        second = Crawl.of(portal, db, crawl(portal, db, "DOWNLOAD_TIMEOUT=3"))
        yield first, first_log, second


def trap_hits(portal: HostilePortal, log, name: str) -> list:
    matches = portal.traps[name].matches
    return [hit for hit in log if matches(hit.target)]


def test_every_good_article_once_and_no_trap_page(combined):
    run, log, _ = combined
    portal = run.portal
    allowed = [path for path in portal.good_paths if not path.startswith("/kinh-te/")]  # robots-disallow shuts /kinh-te/
    served = {article.path for trap in portal.traps.values() for article in trap.articles}
    stored = run.stored_paths()
    assert len(stored) == len(set(stored))  # session ids did not multiply any article
    assert set(allowed) <= set(stored)
    assert set(stored) <= set(allowed) | served  # nothing else: no calendar day, no /en/ copy, no error page
    assert not any(path.startswith(("/kinh-te/", "/lich-cong-tac", "/en/")) for path in stored)
    assert run.archive["captures"].count == len(stored)  # no capture of a trap or of garbage


def test_traps_end_within_their_bounds(combined):
    run, log, _ = combined
    portal = run.portal
    assert len(log) < 400  # the whole run, traps included (20,000+ before, until killed)
    assert len(trap_hits(portal, log, "calendar")) + len(trap_hits(portal, log, "calendar-article-urls")) < 250
    assert len(trap_hits(portal, log, "infinite-pagination")) <= 4 * 7  # per category: past the end, a few pages
    assert len(trap_hits(portal, log, "language-loop")) <= 8  # /en/en/en/ is never requested
    assert not any("/en/en/en" in hit.target for hit in log)
    # session ids never reach a request: every link is requested in its canonical form
    assert not any("(S(" in hit.target or "jsessionid" in hit.target.lower() or "sid=" in hit.target for hit in log)


def test_robots_txt_is_obeyed_and_blocked_pages_are_not_failures(combined):
    run, log, _ = combined
    assert not [hit for hit in log if hit.target.startswith("/kinh-te/")]
    blocked = [path for path, kind in run.failures().items() if kind == "robots-blocked"]
    assert sorted(blocked) == sorted(path for path in run.portal.good_paths if path.startswith("/kinh-te/"))
    assert "robots-blocked" not in run.result.stderr.splitlines()[-1]  # listed as skipped, not as failed
    assert f"{len(blocked) + 2} skipped" in run.result.stderr  # + the off-site and the home redirect


def test_redirects_are_followed_or_reported_never_dropped(combined):
    run, log, _ = combined
    failures = run.failures()
    loops = portal_paths(run.portal, "redirect-loop")
    assert {failures.get(path) for path in loops} == {"redirect-loop"}
    assert all(len([hit for hit in log if hit.target == path]) <= 2 for path in loops)
    [offsite] = portal_paths(run.portal, "offsite-redirect")
    assert failures[offsite] == "offsite-redirect"
    [home] = portal_paths(run.portal, "home-redirect")
    assert failures[home] == "redirected-away"
    assert " 0 rechecked" in run.result.stderr  # a first crawl rechecks nothing, redirected or not


def test_retry_after_holds_the_site_back(combined):
    run, log, _ = combined
    for path, status in run.portal.traps["retry-after"].statuses.items():
        hits = [hit for hit in log if hit.target == path]
        assert [hit.status for hit in hits][:2] == [status, 200], path
        assert hits[1].time - hits[0].time >= run.portal.retry_after - 0.1, path
    assert set(portal_paths(run.portal, "retry-after")) <= set(run.stored_paths())


def test_faults_of_one_page_fail_that_page_only_and_are_named(combined):
    run, log, _ = combined
    failures = run.failures()
    expected = {"tarpit": {"timeout"}, "reset": {"connection-lost"}, "gzip-bomb": {"too-large"},
                "5xx-burst": {"http-500", "http-502", "http-503"}}
    for fault, kinds in expected.items():
        assert {failures.get(path) for path in portal_paths(run.portal, fault)} == kinds, fault
    assert run.result.returncode == 1
    assert "the next run retries them" in run.result.stderr
    [garbage] = portal_paths(run.portal, "binary-garbage")
    assert garbage not in failures and garbage not in run.stored_paths()  # not HTML: not an article, no capture
    row = run.archive.execute("SELECT status, exit_status, robots, errors FROM crawl_runs ORDER BY id LIMIT 1").fetchone()
    assert row[:2] == ("failed", 1) and row[2].startswith("rules from ")
    assert json.loads(row[3])["robots-blocked"] == 8


def test_script_text_never_reaches_a_field(combined):
    run, _, _ = combined
    [path] = portal_paths(run.portal, "script-in-title")
    [article] = run.archive["articles"].rows_where("url = ?", [run.portal.base_url + path])
    assert article["title"] == SCRIPT_TITLE_CLEAN
    for row in run.archive["articles"].rows:
        for field in ("title", "lead", "body", "author", "category", "source"):
            assert not any(text in (row[field] or "") for text in SCRIPT_TEXTS), (row["url"], field)


def test_many_document_links_do_not_stall_extraction(combined):
    run, _, _ = combined
    [path] = portal_paths(run.portal, "many-links")
    [article] = run.archive["articles"].rows_where("url = ?", [run.portal.base_url + path])
    assert run.archive["attachments"].count_where("article_id = ?", [article["id"]]) == run.portal.link_count


def test_the_next_run_recovers_what_can_be_recovered(combined):
    first, log, second = combined
    # the 5xx burst is over: its pages were retried and stored; the tarpit and the bomb are retried, still failing
    assert not set(portal_paths(first.portal, "5xx-burst")) & set(first.stored_paths())
    assert set(portal_paths(second.portal, "5xx-burst")) <= set(second.stored_paths())
    assert set(second.failures().values()) >= {"timeout", "too-large", "robots-blocked"}
    assert not [kind for kind in second.failures().values() if kind.startswith("http-5")]
    assert len(second.portal.log) - len(log) <= len(log)  # a catch-up (the first run failed pages), as bounded
    # what the first run learnt holds no articles is not asked again
    assert not [hit for hit in second.portal.log[len(log):] if hit.target.startswith("/lich-cong-tac/ngay-")]
    stored = second.stored_paths()
    assert len(stored) == len(set(stored)) == len(first.stored_paths()) + 3


def portal_paths(portal: HostilePortal, fault: str) -> list[str]:
    trap = portal.traps[fault]
    return list(trap.statuses) or [article.path for article in trap.articles] or list(trap.links)


# ---------------------------------------------------------------- faults with a portal of their own


def small_portal(faults) -> HostilePortal:
    return HostilePortal(faults, build_articles(per_category=2))


def test_robots_txt_answering_500_disallows_everything(tmp_path):
    with small_portal(["robots-500"]) as portal:
        result = crawl(portal, tmp_path / "archive.db")
        targets = [hit.target for hit in portal.log]
    assert result.returncode == 1, result.stderr
    assert "robots.txt unavailable (http 500): every page disallowed (RFC 9309), so nothing was crawled" in result.stderr
    assert set(targets) == {"/robots.txt"}  # asked (and retried), nothing else
    runs = sqlite_utils.Database(tmp_path / "archive.db").execute("SELECT status, robots FROM crawl_runs").fetchall()
    assert runs == [("failed", "unavailable (http 500): every page disallowed")]


def test_a_disallow_added_between_runs_stops_every_recheck(tmp_path):
    """Scrapy's own middleware let the second and later waiting requests through."""
    db = tmp_path / "archive.db"
    with small_portal([]) as portal:
        assert crawl(portal, db).returncode == 0
        portal.set_robots("User-agent: *\nDisallow: /chinh-tri/\nDisallow: /van-hoa-xa-hoi/\n")
        before = len(portal.log)
        result = crawl(portal, db, "RECHECK_RUNS=1")  # recheck every stored article, all at the start
        asked = [hit.target for hit in portal.log[before:]]
    assert result.returncode == 0, result.stderr
    assert not [target for target in asked if target.startswith(("/chinh-tri/", "/van-hoa-xa-hoi/"))]
    assert "4 skipped" in result.stderr and "0 failed" in result.stderr
    archive = sqlite_utils.Database(db)
    assert archive["articles"].count == 8  # blocked articles stay archived
    from scraper.archive.runs import failed_urls
    assert failed_urls(archive, "hostile-demo.gov.vn") == []  # and are not retried as failures


def test_huge_pages_are_stored_once_within_a_memory_bound(tmp_path):
    """Pages just under the size cap: memory follows one page, not pages x batch; text is stored once."""
    db = tmp_path / "archive.db"
    with HostilePortal(["huge-pages"], build_articles(per_category=1), huge_count=2) as portal:
        probe = subprocess.run(
            [sys.executable, "-c",
             "import resource, subprocess, sys; subprocess.run(sys.argv[1:]);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
             sys.executable, "-m", "scraper.cli", "crawl", "demo-hostile", "--base-url", portal.base_url,
             "--db", str(db), "-s", "LOG_LEVEL=ERROR"],
            cwd=ROOT, capture_output=True, text=True, timeout=600)
        huge = [portal.base_url + path for path in portal_paths(portal, "huge-pages")]
    peak_mb = int(probe.stdout.split()[-1]) / 1024
    assert peak_mb < 1500, peak_mb  # one process of the crawl at its largest: before, 4 GB for 60 such pages
    archive = sqlite_utils.Database(db)
    bodies = archive.execute(f"SELECT sum(length(body)) FROM articles WHERE url IN ({', '.join('?' * len(huge))})",
                             huge).fetchone()[0]
    assert bodies > 2 * 10_000_000
    # the text once, its two search indexes (folded ~0.7, as written ~0.45), the compressed capture:
    # 2.5x in all; a second copy of the text would pass 3.5x
    assert os.path.getsize(db) < 3 * bodies


@pytest.mark.parametrize("mode, trusted, expected", [
    ("tls-self-signed", False, "not verified: self-signed certificate"),
    ("tls-incomplete-chain", True, "not verified: incomplete chain"),
    ("tls-valid-chain", True, "verified (TLSv1"),
])
def test_the_certificate_s_state_is_recorded(tmp_path, mode, trusted, expected):
    db = tmp_path / "archive.db"
    with small_portal([mode]) as portal:
        env = {"SSL_CERT_FILE": str(portal.ca_file)} if trusted else {}
        result = crawl(portal, db, env=env)
        verifying = crawl(portal, tmp_path / "verified.db", "DOWNLOAD_VERIFY_CERTIFICATES=True", env=env)
    assert result.returncode == 0, result.stderr
    assert f"TLS: {expected}" in result.stderr
    [tls] = sqlite_utils.Database(db).execute("SELECT tls FROM crawl_runs").fetchone()
    assert tls.startswith(expected)
    if expected.startswith("verified"):
        assert verifying.returncode == 0, verifying.stderr
    else:  # verification on: the site is not crawled, and the run says why and what to do
        assert verifying.returncode == 1
        assert "DOWNLOAD_VERIFY_CERTIFICATES is on: nothing fetched" in verifying.stderr
        assert sqlite_utils.Database(tmp_path / "verified.db")["articles"].count == 0


def test_a_depth_budget_ends_an_endless_pagination(tmp_path):
    registry = tmp_path / "sites.yaml"
    from scraper.sites import DEFAULT_REGISTRY
    entry = DEFAULT_REGISTRY.read_text(encoding="utf-8").split("  demo-hostile:\n", 1)[1]
    registry.write_text("sites:\n  demo-hostile:\n" + entry.rstrip() + "\n    budget: {depth: 3}\n", encoding="utf-8")
    with small_portal(["infinite-pagination"]) as portal:
        result = govnews("crawl", "demo-hostile", "--registry", str(registry), "--base-url", portal.base_url,
                         "--db", str(tmp_path / "archive.db"), "-s", "LOG_LEVEL=ERROR", "-s", "NAV_STALE_PAGES=100")
        pages = [int(hit.target.rsplit("=", 1)[1]) for hit in portal.log if "?page=" in hit.target]
    assert result.returncode == 4, result.stderr
    assert "stopped by its depth budget (depth 3:" in result.stderr
    assert max(pages) == 4  # three "next" hops from page 1


def test_extraction_bounds_fail_the_page_not_the_crawl(tmp_path):
    db = tmp_path / "archive.db"
    with HostilePortal(["huge-pages"], build_articles(per_category=1), huge_count=2) as portal:
        bounded = crawl(portal, db, "EXTRACT_TIMEOUT=0.5")
        huge = set(portal_paths(portal, "huge-pages"))
        with sqlite3.connect(db) as conn:
            failed = dict(conn.execute("SELECT url, kind FROM failed_pages").fetchall())
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert bounded.returncode == 1, bounded.stderr
        assert {url.split(portal.base_url, 1)[-1]: kind for url, kind in failed.items()} == {
            path: "extraction-timeout" for path in huge}
        assert stored == len(portal.good_paths)
        again = crawl(portal, db)  # with the default bound the next run stores them
    assert again.returncode == 0, again.stderr
    assert sqlite_utils.Database(db)["articles"].count == len(portal.good_paths) + len(huge)
