"""The framework's ceiling: a spider that walks the same pages and does nothing.

It follows exactly the links ``PortalSpider`` follows but yields no items,
so no extraction and no storage run; the crawl benchmark compares the real
crawl against it.
"""

from __future__ import annotations

from scraper.spiders.portal import PortalSpider


class DoNothingSpider(PortalSpider):
    name = "do-nothing"

    def parse_article(self, response):
        return []
