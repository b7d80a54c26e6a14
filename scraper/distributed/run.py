"""Seeding a shared crawl (``govnews crawl --redis``) and working on it (``govnews worker``)."""

from __future__ import annotations

import os
import pickle
import socket
import time
import uuid
from dataclasses import dataclass

from scrapy.settings import Settings

from ..archive import open_archive
from ..crawl import CrawlProcess, chosen_sites, project_settings
from ..sites import Site
from . import ACTIVE_SITES, ITEMS, connect, site_key, spider_name
from .archiver import clear_site
from .spider import SharedPortalSpider

WORKER_TTL = 30  # seconds a worker's heartbeat lasts: its leases go back to the others this long after it dies


@dataclass
class Seeded:
    """What seeding did for one site."""

    site: str
    queued: int = 0
    kind: str = ""
    busy: bool = False  # already being crawled: left as it is

    def summary(self) -> str:
        if self.busy:
            return f"{self.site}: already being crawled (its queue is in Redis): not seeded again"
        return f"{self.site}: {self.kind} run seeded: {self.queued} requests queued for the workers"


def shared_settings(redis_url: str, overrides: dict[str, str] | None, seed: bool) -> Settings:
    """The project's settings on the shared frontier (``-s`` overrides still win)."""
    settings = project_settings(overrides)
    shared = {
        "REDIS_URL": redis_url,
        "SCHEDULER": f"scraper.distributed.frontier.{'SeedScheduler' if seed else 'LeasingScheduler'}",
        "DUPEFILTER_CLASS": "scraper.distributed.frontier.CallbackDupeFilter",
        "SCHEDULER_PERSIST": True,
        "ITEM_PIPELINES": {} if seed else {"scraper.distributed.export.QueuePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {**settings.getdict("DOWNLOADER_MIDDLEWARES"),
                                   "scraper.distributed.politeness.SharedPoliteness": 950},
        "REDIS_WORKER_TTL": WORKER_TTL,
    }
    for name, value in shared.items():
        settings.set(name, value, priority="project")
    return settings


def seed(site_keys: list[str] | None, db_path: str, redis_url: str, base_url: str | None = None,
         overrides: dict[str, str] | None = None, registry: str | None = None, full: bool = False) -> list[Seeded]:
    """Queue the start requests of each site's run in Redis, with the run's plan
    read from the archive at ``db_path``; the workers do the crawling."""
    sites = chosen_sites(site_keys, registry)
    server = connect(redis_url)
    server.ping()
    open_archive(db_path).close()
    settings = shared_settings(redis_url, overrides, seed=True)
    settings.set("ARCHIVE_DB", str(db_path), priority="cmdline")
    if registry:
        settings.set("SITES_REGISTRY", str(registry), priority="cmdline")
    process = CrawlProcess(settings)
    results, crawls = [], []
    for site in sites:
        if server.sismember(ACTIVE_SITES, site.key):
            results.append(Seeded(site.key, busy=True))
            continue
        clear_site(server, site.key)
        token = uuid.uuid4().hex
        server.hset(site_key(site.key, "config"), mapping={"run": token, "base_url": base_url or "",
                                                           "full": int(full)})
        crawler = process.create_crawler(SharedPortalSpider)
        process.crawl(crawler, site=site.key, base_url=base_url, full=full, seed=True, name=spider_name(site.key))
        crawls.append((site, crawler, token))
    if crawls:
        process.start()
    for site, crawler, token in crawls:
        plan = crawler.spider.plan
        server.lpush(ITEMS, _start_message(token, site, plan.kind))
        server.sadd(ACTIVE_SITES, site.key)
        results.append(Seeded(site.key, queued=server.zcard(site_key(site.key, "requests")), kind=plan.kind))
    return results


def _start_message(token: str, site: Site, kind: str) -> bytes:
    return pickle.dumps({"kind": "start", "run": token, "key": site.key, "site": site.domain, "plan_kind": kind})


def work(redis_url: str, overrides: dict[str, str] | None = None, registry: str | None = None,
         poll: float = 1.0) -> dict[str, int]:
    """Wait until sites are seeded, crawl them with the other workers until
    their queues are done; returns the pages this worker fetched per site."""
    server = connect(redis_url)
    while not (keys := sorted(key.decode() for key in server.smembers(ACTIVE_SITES))):
        time.sleep(poll)
    settings = shared_settings(redis_url, overrides, seed=False)
    settings.set("GOVNEWS_WORKER_ID", f"{socket.gethostname()}:{os.getpid()}", priority="cmdline")
    if registry:
        settings.set("SITES_REGISTRY", str(registry), priority="cmdline")
    process = CrawlProcess(settings)
    crawlers = []
    for key in keys:
        config = {name.decode(): value.decode() for name, value in server.hgetall(site_key(key, "config")).items()}
        if not config:  # its crawl ended meanwhile
            continue
        crawler = process.create_crawler(SharedPortalSpider)
        process.crawl(crawler, site=key, base_url=config.get("base_url") or None, full=config.get("full") == "1",
                      name=spider_name(key))
        crawlers.append((key, crawler))
    if crawlers:
        process.start()
    return {key: crawler.stats.get_value("response_received_count", 0) for key, crawler in crawlers}
