"""Run a crawl in this process: the engine behind ``govnews crawl``."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .archive import check_writable, open_archive
from .sites import get_site


class CrawlError(Exception):
    """The crawl could not start or fetched nothing."""


@dataclass
class CrawlResult:
    pages: int
    new: int
    changed: int
    unchanged: int
    not_articles: int
    profile_fallbacks: int
    failed: int


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


def crawl(site_key: str, db_path: str, base_url: str | None = None,
          overrides: dict[str, str] | None = None, registry: str | None = None) -> CrawlResult:
    """Crawl one registry site into the archive at ``db_path``."""
    site = get_site(site_key, registry)
    check_writable(db_path)
    check_reachable(base_url or site.base_url)
    open_archive(db_path).close()  # a corrupt or foreign file fails here, before any fetch
    settings = project_settings(overrides)
    settings.set("ARCHIVE_DB", str(db_path), priority="cmdline")
    if registry:
        settings.set("SITES_REGISTRY", str(registry), priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler("portal")
    process.crawl(crawler, site=site_key, base_url=base_url)
    process.start()
    stats = crawler.stats.get_stats()
    pages = stats.get("response_received_count", 0)
    if pages == 0:
        raise CrawlError(f"no page could be fetched from {base_url or site.base_url}")
    return CrawlResult(
        pages=pages,
        new=stats.get("govnews/articles_new", 0),
        changed=stats.get("govnews/articles_changed", 0),
        unchanged=stats.get("govnews/articles_unchanged", 0),
        not_articles=stats.get("govnews/not_article", 0),
        profile_fallbacks=stats.get("govnews/profile_fallback", 0),
        failed=stats.get("govnews/failed", 0),
    )
