"""Scrapy glue: keep each fetched page, extract it, store the article.

Also keeps the run's account: the ``crawl_runs`` row, failed pages for the
next run to retry, and the health verdict that makes a run fail loudly when
a site's extraction looks broken (its layout probably changed).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from .archive import open_archive
from .archive.captures import link_capture, pack, store_capture
from .archive.store import write_articles
from .archive.runs import clear_failure, finish_run, record_failure, start_run
from .archive.store import article_id, mark_removed, mark_unmodified
from .extract import extract
from .items import FetchedPage, FetchFailed, Gone, NotModified

logger = logging.getLogger(__name__)

BROKEN_SHARE = 0.5  # more than half the article pages without body or date
BROKEN_MIN_PAGES = 5


def _start_workers(count: int) -> ProcessPoolExecutor | None:
    """Extraction processes, starting (and importing) while the crawl begins;
    None (extract in-process) if they cannot start, as from a script without
    an ``if __name__ == "__main__"`` guard."""
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        for _ in range(count):
            pool.submit(prepare_page, b"", "", None)
    except Exception as error:
        logger.warning("extraction stays in the crawl process: worker processes did not start (%s)", error)
        pool.shutdown(cancel_futures=True)
        return None
    return pool


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the crawl that started it ends, even by SIGKILL."""

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def prepare_page(body: bytes, url: str, platform: str | None):
    """The CPU work on a fetched page: its Article, and its capture packed."""
    return extract(body, url, platform=platform), pack(body)


class ArchivePipeline:
    """Turns spider items into stored captures, articles and run records.

    Pages are written in batches (one transaction per ``ARCHIVE_BATCH``
    pages, and at the end), each page's capture with the article extracted
    from it: a crash loses at most one batch, which the next run fetches
    again, and never leaves a half-written row.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("ARCHIVE_DB")
        self.batch_size = crawler.settings.getint("ARCHIVE_BATCH", 50)
        self.stats = crawler.stats
        self.db = None
        self.workers = None
        self.run_id = None
        self.pending = []
        self.counts = Counter()
        self.errors = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def site(self):
        return self.crawler.spider.site

    def open_spider(self, spider=None):
        self.db = open_archive(self.db_path)
        workers = self.crawler.settings.getint("EXTRACT_WORKERS", -1)
        if workers < 0:
            workers = max(1, (os.cpu_count() or 1) - 1)
        if workers:
            self.workers = _start_workers(workers)
        self.run_id = start_run(self.db, self.site.domain, self.crawler.spider.plan.kind)
        self.stats.set_value("govnews/run_id", self.run_id)

    async def process_item(self, item, spider=None):
        if isinstance(item, FetchedPage):
            await self._fetched(item)
        elif isinstance(item, NotModified):
            mark_unmodified(self.db, item.url, item.fetched_at)
            self._count("not_modified", "rechecked")
        elif isinstance(item, Gone):
            if mark_removed(self.db, item.url, item.fetched_at):
                logger.info("removed from the site (%s): %s", item.reason, item.url)
                self._count("articles_removed")
            self._count("rechecked")
        elif isinstance(item, FetchFailed):
            record_failure(self.db, item.url, self.site.domain, item.kind, item.error, self.run_id)
            self.errors[item.kind] += 1
            self._count("articles_failed")
        return item

    async def _fetched(self, item: FetchedPage) -> None:
        self._count("pages_fetched")
        if item.recheck:
            self._count("rechecked")
        try:
            if self.workers is None:
                article, packed = prepare_page(item.body, item.url, self.site.platform)
            else:  # parse and compress on another core while this one keeps crawling
                future = self.workers.submit(prepare_page, item.body, item.url, self.site.platform)
                article, packed = await asyncio.wrap_future(future)
        except Exception as error:  # a bug must not stop the crawl; the run reports it
            logger.exception("extraction failed: %s", item.url)
            record_failure(self.db, item.url, self.site.domain, "extraction", repr(error), self.run_id)
            self.errors["extraction"] += 1
            self._count("articles_failed")
            return
        article.site = self.site.domain
        if not article.is_article:
            logger.info("not an article, not stored as one: %s (%s)", item.url, article.extractor)
            self._count("not_articles", "suspect")
            article = None
        elif not article.body or not article.published_at or (
                self.site.platform and article.extractor.startswith("generic")):
            self._count("suspect")
        self.pending.append((item, article, packed))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self):
        """Write the pending pages (captures, then articles) in one transaction."""
        if not self.pending:
            return
        articles = []
        with self.db.conn:
            for item, article, packed in self.pending:
                capture_id = store_capture(self.db, url=item.url, site=self.site.domain, fetched_at=item.fetched_at,
                                           status=item.status, headers=item.headers, packed=packed)
                clear_failure(self.db, item.url)
                if article is not None:
                    link_capture(self.db, capture_id, article_id(article.canonical_url or article.url))
                    articles.append((article, item.fetched_at, capture_id))
            outcomes = write_articles(self.db, articles)
        self.pending = []
        for outcome in outcomes:
            self._count(f"articles_{outcome}")

    def _count(self, *names: str) -> None:
        for name in names:
            self.counts[name] += 1
            self.stats.inc_value(f"govnews/{name}")

    def close_spider(self, spider=None):
        if self.workers is not None:
            self.workers.shutdown()
        if self.db is None:
            return
        self.flush()
        status, exit_status, message = self.verdict()
        self.stats.set_value("govnews/status", status)
        self.stats.set_value("govnews/exit_status", exit_status)
        self.stats.set_value("govnews/message", message)
        finish_run(self.db, self.run_id, self.counts, self.errors, status, exit_status, message)
        self.db.close()

    def verdict(self) -> tuple[str, int, str]:
        """(status, exit status, message) of the run, judged from its counts."""
        site = self.site.key
        pages = self.counts["pages_fetched"]
        if not self.stats.get_value("response_received_count", 0):
            return "failed", 1, f"{site}: no page could be fetched"
        if pages >= BROKEN_MIN_PAGES and self.counts["suspect"] / pages > BROKEN_SHARE:
            return ("extraction-broken", 3,
                    f"{site}: extraction looks broken: {self.counts['suspect']} of {pages} article pages gave no "
                    f"article, no body or no date, or fell back to the generic extractor (layout changed?)")
        if self.counts["articles_failed"]:
            kinds = ", ".join(f"{k} {v}" for k, v in self.errors.most_common())
            return "failed", 1, f"{site}: {self.counts['articles_failed']} pages failed ({kinds}); the next run retries them"
        return "ok", 0, ""
