"""Run crawls in this process: the engine behind ``govnews crawl``."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .archive import check_writable, open_archive
from .archive.lock import archive_lock
from .sites import get_site, load_registry

EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the archive; try later


class CrawlError(Exception):
    """The crawl could not start."""


@dataclass
class RunResult:
    """What one site's run did, as also recorded in ``crawl_runs``."""

    site: str
    status: str
    exit_status: int
    message: str
    pages: int
    new: int
    changed: int
    unchanged: int
    removed: int
    failed: int
    not_articles: int
    rechecked: int

    def summary(self) -> str:
        return (
            f"{self.site}: {self.status}; {self.pages} pages fetched; articles {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.removed} removed, {self.failed} failed; "
            f"{self.rechecked} rechecked; {self.not_articles} pages were not articles"
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


def crawl(site_keys: list[str] | None, db_path: str, base_url: str | None = None,
          overrides: dict[str, str] | None = None, registry: str | None = None, full: bool = False) -> list[RunResult]:
    """Crawl registry sites (all but the offline portal's when ``site_keys`` is None) into the archive.

    Sites run side by side in one process, each polite on its own. Raises
    CrawlError, ArchiveError, RegistryError, UnknownSiteError or LockBusy
    before fetching anything when the run cannot start.
    """
    if site_keys:
        sites = [get_site(key, registry) for key in site_keys]
    else:
        sites = [site for site in load_registry(registry).values() if not site.demo]
    check_writable(db_path)
    if len(sites) == 1:
        check_reachable(base_url or sites[0].base_url)
    open_archive(db_path).close()  # a corrupt or foreign file fails here, before any fetch
    settings = project_settings(overrides)
    settings.set("ARCHIVE_DB", str(db_path), priority="cmdline")
    if registry:
        settings.set("SITES_REGISTRY", str(registry), priority="cmdline")
    with archive_lock(db_path):
        process = CrawlerProcess(settings)
        crawlers = []
        for site in sites:
            crawler = process.create_crawler("portal")
            process.crawl(crawler, site=site.key, base_url=base_url, full=full)
            crawlers.append((site.key, crawler))
        process.start()
    return [_result(key, crawler.stats.get_stats()) for key, crawler in crawlers]


def _result(site: str, stats: dict) -> RunResult:
    def count(name: str) -> int:
        return stats.get(f"govnews/{name}", 0)

    return RunResult(
        site=site,
        status=stats.get("govnews/status", "failed"),
        exit_status=stats.get("govnews/exit_status", 1),
        message=stats.get("govnews/message", "" if "govnews/status" in stats else f"{site}: the crawl did not run"),
        pages=stats.get("response_received_count", 0),
        new=count("articles_new"),
        changed=count("articles_changed"),
        unchanged=count("articles_unchanged"),
        removed=count("articles_removed"),
        failed=count("articles_failed"),
        not_articles=count("not_articles"),
        rechecked=count("rechecked"),
    )
