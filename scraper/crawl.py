"""Run crawls in this process: the engine behind ``govnews crawl``."""

from __future__ import annotations

import signal
import socket
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .archive import check_writable, open_archive
from .archive.lock import archive_lock
from .archive.runs import finish_run, start_run
from .signals import crawl_interrupted
from .sites import Site, get_site, load_registry
from .tls import TLSState, crawl_settings, probe
from .urls import over_http

EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the archive; try later
STOP_GRACE = 15.0  # seconds a crawl may take to stop after SIGINT/SIGTERM before it is cut short


class CrawlError(Exception):
    """The crawl could not start."""


@dataclass
class RunResult:
    """What one site's run did, as also recorded in ``crawl_runs``."""

    site: str
    status: str
    exit_status: int
    message: str
    pages: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    not_articles: int = 0
    rechecked: int = 0
    duplicates: int = 0
    skipped: int = 0
    robots: str = ""
    tls: str = ""

    def summary(self) -> str:
        extras = "".join(f"; {label} {value}" for label, value in (("robots.txt:", self.robots), ("TLS:", self.tls))
                         if value)
        return (
            f"{self.site}: {self.status}; {self.pages} pages fetched; articles {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.removed} removed, {self.failed} failed; {self.rechecked} rechecked; "
            f"{self.not_articles} pages were not articles; {self.duplicates} duplicates; {self.skipped} skipped"
            f"{extras}"
        )


def project_settings(overrides: dict[str, str] | None = None) -> Settings:
    """The project's settings, plus ``-s NAME=VALUE`` overrides."""
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def check_reachable(base_url: str, timeout: float = 10.0) -> None:
    """Fail fast when nothing answers at ``base_url``'s host and port."""
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            pass
    except OSError as error:
        raise CrawlError(f"cannot reach {base_url}: {error.strerror or error}") from None


class CrawlProcess(CrawlerProcess):
    """Scrapy's process, telling each crawl when SIGINT or SIGTERM arrives
    (so it stops extracting and records the run as interrupted), and cutting
    a stop short after ``STOP_GRACE`` seconds (a page still trickling in)."""

    received: int | None = None

    def _signal_shutdown(self, signum, frame):
        from twisted.internet import reactor  # the one Scrapy installed

        self.received = signum
        for crawler in self.crawlers:
            reactor.callFromThread(crawler.signals.send_catch_log, crawl_interrupted, signum=signum)
        super()._signal_shutdown(signum, frame)
        reactor.callFromThread(reactor.callLater, STOP_GRACE, self._signal_kill, signum, None)


def chosen_sites(site_keys: list[str] | None, registry: str | None) -> list[Site]:
    """The registry sites named, or (``site_keys`` None) the scheduled ones: real and verified."""
    if site_keys:
        return [get_site(key, registry) for key in site_keys]
    sites = [site for site in load_registry(registry).values() if site.scheduled]
    if not sites:
        raise CrawlError("no verified site in the registry, so --all has nothing to crawl: crawl a site by name, "
                         "then mark it verified: true once its run is right (docs/registry.md)")
    return sites


def crawl(site_keys: list[str] | None, db_path: str, base_url: str | None = None,
          overrides: dict[str, str] | None = None, registry: str | None = None, full: bool = False) -> list[RunResult]:
    """Crawl registry sites (when ``site_keys`` is None, the scheduled ones: real and verified) into the archive.

    Sites run side by side in one process, each polite on its own. Raises
    CrawlError, ArchiveError, RegistryError, UnknownSiteError or LockBusy
    before fetching anything when the run cannot start.
    """
    sites = chosen_sites(site_keys, registry)
    check_writable(db_path)
    if base_url:
        sites = [site.with_base_url(base_url) for site in sites]
    if len(sites) == 1:
        check_reachable(_address(sites[0]))
    open_archive(db_path).close()  # a corrupt or foreign file fails here, before any fetch
    settings = project_settings(overrides)
    settings.set("ARCHIVE_DB", str(db_path), priority="cmdline")
    if registry:
        settings.set("SITES_REGISTRY", str(registry), priority="cmdline")
    with ThreadPoolExecutor(8) as probes:
        tls = dict(zip([site.key for site in sites],
                       probes.map(lambda site: probe(_address(site), site.tls, _verifies(settings, site)), sites)))
    with archive_lock(db_path):
        refused = [result for site in sites if (result := _refusal(db_path, settings, site, tls[site.key]))]
        process = CrawlProcess(settings)
        crawlers = []
        for site in sites:
            if any(result.site == site.key for result in refused):
                continue
            crawler = process.create_crawler("portal")
            process.crawl(crawler, site=site.key, base_url=base_url, full=full, tls=tls[site.key].text)
            crawlers.append((site.key, crawler))
        if crawlers:
            process.start()
    return refused + [_result(key, _stats(crawler), process.received) for key, crawler in crawlers]


def _stats(crawler) -> dict:
    """The crawler's stats; none when it failed before its crawl started."""
    try:
        return crawler.stats.get_stats()
    except RuntimeError:
        return {}


def _address(site: Site) -> str:
    """Where the site is crawled from: its base URL, over plain HTTP for an ``http_only`` site."""
    return over_http(site.base_url) if site.http_only else site.base_url


def _verifies(settings: Settings, site: Site) -> bool:
    """Whether the crawl of ``site`` verifies certificates (its ``tls`` option and
    registry settings, then -s, then the project)."""
    merged = settings.copy()
    for name, value in {**crawl_settings(site.tls), **site.settings}.items():
        merged.set(name, value, priority="spider")
    return merged.getbool("DOWNLOAD_VERIFY_CERTIFICATES")


def _refusal(db_path: str, settings: Settings, site: Site, tls: TLSState) -> RunResult | None:
    """A site not crawled because of its TLS, recorded as a failed run; None when it is crawled."""
    errors = Counter()
    if tls.needs_legacy:
        errors["tls-handshake"] = 1
        message = (f"{site.key}: TLS {tls.text}: nothing fetched. OpenSSL refuses such servers by default; "
                   "to crawl it, set tls: legacy in its registry entry")
    elif not tls.verified and _verifies(settings, site):
        if site.tls == "verify":
            message = (f"{site.key}: TLS {tls.text}, and its registry entry says tls: verify: nothing fetched. "
                       "If its chain is known to be invalid, set tls: unverified to crawl it anyway")
        else:
            message = (f"{site.key}: TLS {tls.text}, and DOWNLOAD_VERIFY_CERTIFICATES is on: nothing fetched. "
                       "To crawl it unverified, set tls: unverified in its registry entry (and no "
                       "-s DOWNLOAD_VERIFY_CERTIFICATES=True, which wins over the registry)")
    else:
        return None
    db = open_archive(db_path)
    try:
        run_id = start_run(db, site.domain, "refused")
        finish_run(db, run_id, {}, errors, "failed", 1, message, tls=tls.text)
    finally:
        db.close()
    return RunResult(site=site.key, status="failed", exit_status=1, message=message, tls=tls.text)


def _result(site: str, stats: dict, received: int | None) -> RunResult:
    def count(name: str) -> int:
        return stats.get(f"govnews/{name}", 0)

    if "govnews/status" in stats:
        status, exit_status, message = stats["govnews/status"], stats["govnews/exit_status"], stats["govnews/message"]
    elif received is not None:  # cut short after the grace period: the next run marks it interrupted
        status, exit_status = "interrupted", 128 + received
        message = f"{site}: interrupted by {signal.Signals(received).name} (stopped before it could finish)"
    else:
        status, exit_status, message = "failed", 1, f"{site}: the crawl did not run"
    return RunResult(
        site=site,
        status=status,
        exit_status=exit_status,
        message=message,
        pages=stats.get("response_received_count", 0),
        new=count("articles_new"),
        changed=count("articles_changed"),
        unchanged=count("articles_unchanged"),
        removed=count("articles_removed"),
        failed=count("articles_failed"),
        not_articles=count("not_articles"),
        rechecked=count("rechecked"),
        duplicates=count("duplicates"),
        skipped=count("skipped"),
        robots=stats.get("govnews/robots", ""),
        tls=stats.get("govnews/tls", ""),
    )
