"""Progress of a running crawl on stderr.

On a terminal, one live line rewritten in place; under cron (no terminal),
a plain line every ``PROGRESS_INTERVAL`` seconds, so logs show that a long
run is alive and how fast it goes.
"""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    def __init__(self, crawler, interval: float, live: bool):
        self.crawler = crawler
        self.interval = interval
        self.live = live
        self.started = time.monotonic()
        self.loop = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL", 10.0)
        if interval <= 0:
            raise NotConfigured
        live = sys.stderr.isatty()
        extension = cls(crawler, 0.5 if live else interval, live)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider):
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.live:
            sys.stderr.write("\n")

    def report(self):
        stats = self.crawler.stats
        pages = stats.get_value("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        line = (
            f"{self.crawler.spider.site.key}: {pages} pages, "
            f"{stats.get_value('govnews/articles_new', 0)} new, "
            f"{stats.get_value('govnews/articles_changed', 0)} changed, "
            f"{stats.get_value('govnews/articles_failed', 0)} failed, {pages / elapsed:.1f} pages/s"
        )
        if self.live:
            sys.stderr.write("\r\033[K" + line)
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
