"""Scrapy glue: keep each fetched article page, extract it, store the article.

Also keeps the run's account: the ``crawl_runs`` row, failed pages for the
next run to retry, and the verdict that says what really happened: a run
interrupted by a signal, stopped by a budget, unable to write its archive,
or whose pages stopped yielding articles (the site's layout probably
changed) ends with its own status and exit status, never "ok"; so does one
whose every page was refused (a block page, 401/403/451) or was an empty
shell of scripts (a site that renders with JavaScript only).
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
from collections import Counter
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from .archive import ArchiveError, open_archive
from .archive.captures import link_capture, store_capture
from .archive.runs import SKIPPED_KINDS, clear_failure, finish_run, record_failure, start_run
from .archive.store import (article_id, mark_checked, mark_removed, mark_unmodified, resolve_identity, touch_seen,
                            utc_now, write_article)
from .extract.refusal import ACCESS_DENIED, DENIED_STATUSES, JAVASCRIPT_ONLY, REFUSALS, WHAT_STANDS
from .items import FetchedPage, FetchFailed, Gone, NotModified
from .signals import crawl_interrupted, page_judged
from .urls import url_shape
from .workers import ExtractionFailed, ExtractionPool

logger = logging.getLogger(__name__)

BROKEN_SHARE = 0.5  # more than half the article pages without body or date
BROKEN_MIN_PAGES = 5
EXIT_BUDGET = 4  # a budget stopped the run: partial, the next run carries on
EXIT_ACCESS_DENIED = 5  # every page asked for was refused: the site blocks the crawler
EXIT_JAVASCRIPT_ONLY = 6  # every page was an empty shell of scripts: not crawlable without a browser
DENIED_KINDS = (ACCESS_DENIED, *(f"http-{status}" for status in DENIED_STATUSES))
# What a run can bring besides failures: with none of it, a run whose failures are all refusals was refused.
PRODUCED = ("articles_new", "articles_changed", "articles_unchanged", "articles_removed", "duplicates",
            "not_articles", "not_modified")
EXIT_ARCHIVE = 74  # EX_IOERR: the archive could not be written
BUDGET_REASONS = {"closespider_pagecount": "page budget", "closespider_timeout": "time budget"}


def store_pages(db, site: str, pages: list) -> list[str]:
    """Store fetched pages, each ``(address stored as, FetchedPage, Article or None, packed capture)``,
    inside the caller's transaction: its capture and article for an article page, and for every
    page the end of its earlier failure. Returns the outcome of each article ("new", "changed",
    "unchanged" or "duplicate")."""
    outcomes = []
    for stored_url, item, article, packed in pages:
        clear_failure(db, stored_url)
        if article is None:
            continue
        same_as = resolve_identity(db, article)
        if same_as:
            touch_seen(db, same_as, item.fetched_at)
            outcomes.append("duplicate")
            continue
        capture_id = store_capture(db, url=item.fetched_url or item.url, site=site, fetched_at=item.fetched_at,
                                   status=item.status, headers=item.headers, packed=packed)
        link_capture(db, capture_id, article_id(article.canonical_url or article.url))
        outcomes.append(write_article(db, article, item.fetched_at, capture_id))
    return outcomes


class ArchivePipeline:
    """Turns spider items into stored captures, articles and run records.

    Pages are written in batches (one transaction per ``ARCHIVE_BATCH``
    pages or ``ARCHIVE_BATCH_MB`` of pages and text, and at the end), each
    page's capture with the article extracted from it: a crash loses at most
    one batch, which the next run fetches again, and never leaves a
    half-written row.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.db_path = settings.get("ARCHIVE_DB")
        self.batch_size = settings.getint("ARCHIVE_BATCH", 50)
        self.batch_bytes = settings.getint("ARCHIVE_BATCH_MB", 32) * 1024 * 1024
        self.stats = crawler.stats
        self.db = None
        self.pool: ExtractionPool | None = None
        self.run_id = None
        self.pending: list = []
        self.pending_bytes = 0
        self.counts = Counter()
        self.errors = Counter()
        self.halted: tuple[str, str] | None = None  # (status, message) once the archive cannot be written
        self.signal: int | None = None
        self.article_shapes: set[str] = set()  # address shapes known to hold articles (urls.url_shape)
        self.rejected_by_shape: Counter = Counter()  # address shape -> pages that were not articles
        self.refused_by: list[str] = []  # what refusing pages said ("http 403", their titles), in order met

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.interrupted, signal=crawl_interrupted)
        return pipeline

    @property
    def site(self):
        return self.crawler.spider.site

    def open_spider(self, spider=None):
        try:
            self.db = open_archive(self.db_path)
            limit_mb = self.crawler.settings.getint("ARCHIVE_MAX_MB", 0)
            if limit_mb:
                page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
                self.db.execute(f"PRAGMA max_page_count = {limit_mb * 1024 * 1024 // page_size}")
            self.run_id = start_run(self.db, self.site.domain, self.crawler.spider.plan.kind)
            self.article_shapes = {url_shape(url) for (url,) in self.db.execute(
                "SELECT url FROM articles WHERE site = ?", [self.site.domain])}
        except (ArchiveError, sqlite3.Error) as error:
            self._halt(error, before_start=True)
            return
        self.stats.set_value("govnews/run_id", self.run_id)
        self.start_extraction()

    def start_extraction(self) -> None:
        """The extraction processes beside the crawl (EXTRACT_WORKERS)."""
        settings = self.crawler.settings
        workers = settings.getint("EXTRACT_WORKERS", -1)
        self.pool = ExtractionPool(workers if workers > 0 else (os.cpu_count() or 2) - 1,
                                   timeout=settings.getfloat("EXTRACT_TIMEOUT", 60),
                                   memory_mb=settings.getint("EXTRACT_MEMORY_MB", 2048))

    def interrupted(self, signum: int):
        """SIGINT/SIGTERM: stop extracting now, so the crawl can end promptly."""
        self.signal = signum
        if self.pool is not None:
            self.pool.stop()

    async def process_item(self, item, spider=None):
        if self.halted:
            return item
        if isinstance(item, FetchedPage):
            await self._fetched(item)
        elif isinstance(item, NotModified):
            self._write(mark_unmodified, self._stored(item.url), item.fetched_at)
            self._count("not_modified", "rechecked")
        elif isinstance(item, Gone):
            if self._write(mark_removed, self._stored(item.url), item.fetched_at):
                logger.info("removed from the site (%s): %s", item.reason, item.url)
                self._count("articles_removed")
            self._count("rechecked")
        elif isinstance(item, FetchFailed):
            self._failed(item.url, item.kind, item.error, item.recheck)
        return item

    def _stored(self, url: str) -> str:
        """The address the archive knows the page fetched from ``url`` by (they differ on a mirror)."""
        return self.crawler.spider.plan.stored_as.get(url, url)

    async def _fetched(self, item: FetchedPage) -> None:
        self._count("article_pages")
        if item.recheck:
            self._count("rechecked")
        try:
            article, packed = await self.pool.prepare(item.body, item.url, self.site.platform)
        except ExtractionFailed as failure:
            if failure.kind == "interrupted" or self.signal is not None:
                return  # the run is stopping; the next one fetches this page again
            logger.warning("%s: %s", item.url, failure)
            self._failed(item.url, failure.kind, str(failure), item.recheck)
            return
        item.body = b""  # the capture keeps it, compressed
        if article.extractor in REFUSALS:  # a block page or an app shell where the article should be
            self._count("refused")
            self._failed(item.url, article.extractor, WHAT_STANDS[article.extractor], item.recheck)
            return
        article.site = self.site.domain
        self.crawler.signals.send_catch_log(page_judged, url=item.url, is_article=article.is_article,
                                            extractor=article.extractor)
        shape = url_shape(item.url)
        if not article.is_article:
            logger.info("not an article, not stored: %s (%s)", item.url, article.extractor)
            self._count("not_articles")
            self.rejected_by_shape[shape] += 1
            article, packed = None, None
        else:
            self.article_shapes.add(shape)
            if not article.body or not article.published_at or (
                    self.site.platform and article.extractor.startswith("generic")):
                self._count("suspect")
        self.pending.append((item, article, packed))
        if article is not None:
            self.pending_bytes += len(packed[0]) + len(article.body) + len(article.lead)
        if len(self.pending) >= self.batch_size or self.pending_bytes >= self.batch_bytes:
            self.flush()

    def _failed(self, url: str, kind: str, error: str, recheck: bool) -> None:
        """A page not fetched or not stored: retried next run unless skipped on purpose."""
        url = self._stored(url)
        self._write(record_failure, url, self.site.domain, kind, error, self.run_id)
        if recheck:
            self._write(mark_checked, url, utc_now())
        self.errors[kind] += 1
        self._count("skipped" if kind in SKIPPED_KINDS else "articles_failed")
        said = f"http {kind[5:]}" if kind.startswith("http-") else error if error.startswith('"') else ""
        if kind in DENIED_KINDS and said and said not in self.refused_by:
            self.refused_by.append(said)

    def flush(self) -> None:
        """Write the pending pages (captures, then articles) in one transaction."""
        pending, self.pending, self.pending_bytes = self.pending, [], 0
        if not pending or self.halted:
            return
        try:
            with self.db.conn:
                outcomes = store_pages(self.db, self.site.domain,
                                       [(self._stored(item.url), item, article, packed) for item, article, packed in pending])
        except sqlite3.Error as error:
            self._halt(error, lost=sum(article is not None for _, article, _ in pending))
            return
        for outcome in outcomes:
            self._count("duplicates" if outcome == "duplicate" else f"articles_{outcome}")

    def _write(self, function, *args):
        """One write outside a batch; a failed write halts the run like a failed batch."""
        if self.halted:
            return None
        try:
            return function(self.db, *args)
        except sqlite3.Error as error:
            self._halt(error)
            return None

    def _halt(self, error: Exception, before_start: bool = False, lost: int = 0) -> None:
        """The archive cannot be written: fetch nothing more, and say so."""
        text = str(error)
        status = "archive-full" if "full" in text.lower() else "archive-error"
        if before_start:
            message = f"{self.crawler.spider.site.key}: archive {self.db_path} cannot be written ({text}): nothing fetched"
        else:
            stored = self.counts["articles_new"] + self.counts["articles_changed"]
            message = (f"{self.site.key}: archive {self.db_path} cannot be written ({text}) after {stored} articles "
                       f"were stored; the crawl stopped" + (f", {lost} articles of the last batch were not stored"
                                                             if lost else "")
                       + "; free space and run again: the next run fetches what is missing")
        logger.error(message)
        self.halted = (status, message)
        self.stats.set_value("govnews/halted", status)
        if self.pool is not None:
            self.pool.stop()
        if not before_start and self.crawler.engine is not None and self.crawler.engine.spider is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=status))

    def _count(self, *names: str) -> None:
        for name in names:
            self.counts[name] += 1
            self.stats.inc_value(f"govnews/{name}")

    def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.close()
        if self.db is not None:
            self.flush()

    def spider_closed(self, spider, reason: str):
        """Judge the run, record it in ``crawl_runs``, and close the archive."""
        status, exit_status, message = self.verdict(reason)
        robots = self.robots_state()
        tls = self.stats.get_value("govnews/tls", "")
        if self.db is not None and self.run_id is not None:
            self.counts["pages_fetched"] = self.stats.get_value("response_received_count", 0)
            try:
                finish_run(self.db, self.run_id, self.counts, self.errors, status, exit_status, message, robots, tls,
                           barren=self.crawler.spider.barren_shapes())
            except sqlite3.Error as error:
                message += f"; the run could not be recorded in crawl_runs ({error})"
            self.db.close()
        self.stats.set_value("govnews/robots", robots)
        self.stats.set_value("govnews/status", status)
        self.stats.set_value("govnews/exit_status", exit_status)
        self.stats.set_value("govnews/message", message)

    def verdict(self, reason: str) -> tuple[str, int, str]:
        """(status, exit status, message) of the run, from why it ended and its counts."""
        site = self.site.key
        if self.halted:
            return self.halted[0], EXIT_ARCHIVE, self.halted[1]
        if reason == "shutdown" or self.signal is not None:
            signum = self.signal or signal.SIGINT
            return ("interrupted", 128 + signum,
                    f"{site}: interrupted by {signal.Signals(signum).name}; the next run walks every listing again")
        budget = BUDGET_REASONS.get(reason)
        if budget is None and self.stats.get_value("govnews/depth_limited"):
            budget = "depth budget"
        if budget:
            return ("budget", EXIT_BUDGET,
                    f"{site}: stopped by its {budget} ({self._budget_value(budget)}); "
                    "the next run walks every listing again and fetches what is missing")
        pages = self.counts["article_pages"] - self.counts["refused"]
        robots = self.robots_state()
        if not self.stats.get_value("response_received_count", 0):
            return "failed", 1, f"{site}: no page could be fetched" + (f" (robots.txt {robots})" if robots else "")
        if "every page disallowed" in robots:
            return ("failed", 1, f"{site}: robots.txt {robots} (RFC 9309), so nothing was crawled; "
                                 "the next run asks again")
        denied = sum(self.errors[kind] for kind in DENIED_KINDS)
        shells = self.errors[JAVASCRIPT_ONLY]
        others = self.counts["articles_failed"] - denied - shells
        if not others and not any(self.counts[name] for name in PRODUCED):
            if denied and not shells:
                return ("access-denied", EXIT_ACCESS_DENIED,
                        f"{site}: {self._access_denied(denied)}, and nothing else came of the run: the site "
                        "refuses the crawler; ask its operator to allow it, or crawl it more slowly "
                        "(DOWNLOAD_DELAY in its registry settings), then run again")
            if shells and not denied:
                return ("javascript-only", EXIT_JAVASCRIPT_ONLY,
                        f"{site}: the site renders with JavaScript only: not crawlable without a browser "
                        f"({shells} pages were an empty shell of scripts)")
        # Pages of a kind that holds articles (on this run or before) that gave
        # none, or no body or date: the site's layout probably changed. Pages
        # of a kind that never held any (a calendar's days) say nothing of it.
        suspect = self.counts["suspect"] + sum(count for shape, count in self.rejected_by_shape.items()
                                               if shape in self.article_shapes)
        if pages >= BROKEN_MIN_PAGES and (suspect / pages > BROKEN_SHARE or not self.article_shapes):
            return ("extraction-broken", 3,
                    f"{site}: extraction looks broken: {suspect or pages} of {pages} article pages gave no "
                    f"article, no body or no date, or fell back to the generic extractor (layout changed?)")
        if (self.crawler.spider.plan.walk_all_listings and not self.article_shapes
                and not any(self.counts[name] for name in PRODUCED if name != "not_articles")
                and not self.counts["articles_failed"]):
            return ("extraction-broken", 3,
                    f"{site}: no article found: {self.stats.get_value('response_received_count', 0)} pages "
                    f"fetched, {pages} tried as articles, none was one (the site's navigation or layout changed, "
                    "or its listings are built by script; govnews discover shows what it finds)")
        if self.counts["articles_failed"]:
            kinds = ", ".join(f"{k} {v}" for k, v in self.errors.most_common() if k not in SKIPPED_KINDS)
            health = "".join([f"; {self._access_denied(denied)}" if denied else "",
                              f"; javascript only: {shells} pages (an empty shell of scripts: the site renders "
                              "them with JavaScript)" if shells else ""])
            return ("failed", 1, f"{site}: {self.counts['articles_failed']} pages failed ({kinds}); "
                                 f"the next run retries them{health}")
        return "ok", 0, ""

    def _access_denied(self, pages: int) -> str:
        said = f" — {', '.join(self.refused_by)}" if self.refused_by else ""
        return f"access denied: {pages} pages (the site serves a block page{said})"

    def robots_state(self) -> str:
        """What the robots.txt of the host the site is crawled from said."""
        by_host = self.stats.get_value("govnews/robots_by_host", {})
        return by_host.get(urlsplit(self.site.base_url).netloc, "")

    def _budget_value(self, budget: str) -> str:
        settings = self.crawler.settings
        if budget == "page budget":
            return f"{settings.getint('CLOSESPIDER_PAGECOUNT')} pages"
        if budget == "time budget":
            return f"{settings.getfloat('CLOSESPIDER_TIMEOUT') / 60:g} minutes"
        return (f"depth {self.crawler.spider.max_depth}: {self.stats.get_value('govnews/depth_limited')} "
                "listing links deeper were not followed")
