"""A worker's pipeline: extract each page here, hand the outcome to the archiver.

The archive pipeline's own steps run as in one process (extraction in its
processes, refusals, what the spider learns from extraction), but what it
would write goes to the Redis list the archiver reads: one message per page
(its capture and article, or nothing for a page that is not an article) and
one per other write (a page unmodified, gone, failed, checked), pushed
before the engine is done with the request, so before its lease ends.
When a worker sees the site's crawl finished, it says so with what only
the crawl knows (what robots.txt said, the address shapes that held no
article); the archiver then closes the run.
"""

from __future__ import annotations

import pickle

from scrapy import signals

from ..pipelines import ArchivePipeline
from . import ITEMS, connect, site_key


class QueuePipeline(ArchivePipeline):
    """ArchivePipeline whose writes become messages to the archiver."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.batch_size = 1  # nothing held back in the worker: a page is handed on before its lease ends
        self.server = connect(crawler.settings.get("REDIS_URL"))
        self.run_token = ""

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = super().from_crawler(crawler)
        crawler.signals.connect(pipeline.response_received, signal=signals.response_received)
        return pipeline

    def open_spider(self, spider=None):
        token = self.server.hget(site_key(self.site.key, "config"), "run")
        self.run_token = token.decode() if token else ""
        self.start_extraction()

    def response_received(self, response, request, spider=None):
        self.server.incr(site_key(self.site.key, "pages"))

    def send(self, kind: str, **fields) -> None:
        self.server.lpush(ITEMS, pickle.dumps({"kind": kind, "run": self.run_token, "key": self.site.key,
                                               "site": self.site.domain, **fields}))

    def flush(self) -> None:
        pending, self.pending, self.pending_bytes = self.pending, [], 0
        for item, article, packed in pending:
            self.send("page", url=self._stored(item.url), item=item, article=article, packed=packed)

    def _write(self, function, *args):
        self.send("call", function=function.__name__, args=args)
        return None

    def spider_closed(self, spider, reason: str):
        """The site's crawl is over when the frontier let this worker finish."""
        if reason == "finished":
            self.send("end", robots=self.robots_state(), barren=self.crawler.spider.barren_shapes())
