"""Scrapy glue: extract each fetched page and store it in the archive."""

from __future__ import annotations

import logging

from .archive import open_archive, save_articles
from .extract import extract
from .items import FetchedPage

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Turns ``FetchedPage`` items into stored articles, counting outcomes.

    Articles are written in batches (one transaction per ``ARCHIVE_BATCH``
    articles, and at the end): a crash loses at most one batch of work,
    which the next run fetches again, and never leaves a half-written row.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("ARCHIVE_DB")
        self.stats = crawler.stats
        self.db = None
        self.batch_size = crawler.settings.getint("ARCHIVE_BATCH", 50)
        self.pending = []

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.db = open_archive(self.db_path)

    def close_spider(self, spider=None):
        if self.db is not None:
            self.flush()
            self.db.close()

    def flush(self):
        """Write the pending articles in one transaction."""
        if not self.pending:
            return
        for outcome in save_articles(self.db, self.pending):
            self.stats.inc_value(f"govnews/articles_{outcome}")
        self.pending = []

    def process_item(self, item, spider=None):
        if not isinstance(item, FetchedPage):
            return item
        site = self.crawler.spider.site
        try:
            article = extract(item.body, item.url, platform=site.platform)
        except Exception:  # a bug must not stop the crawl; the run reports it
            logger.exception("extraction failed: %s", item.url)
            self.stats.inc_value("govnews/failed")
            return item
        article.site = site.domain
        if not article.is_article:
            logger.info("not an article, not stored: %s (%s)", item.url, article.extractor)
            self.stats.inc_value("govnews/not_article")
            return item
        if article.extractor == "generic" and site.platform:
            self.stats.inc_value("govnews/profile_fallback")
        self.pending.append((article, item.fetched_at))
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item
