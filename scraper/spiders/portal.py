"""Walk a registry site's listing pages to its article pages."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from ..archive.store import utc_now
from ..items import FetchedPage
from ..sites import Site, get_site

KEPT_HEADERS = ("Content-Type", "Last-Modified", "ETag")
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PortalSpider(scrapy.Spider):
    """``scrapy crawl portal -a site=sonla [-a base_url=http://127.0.0.1:8000]``."""

    name = "portal"

    def __init__(self, site: str | None = None, base_url: str | None = None, registry: str | None = None, **kwargs):
        super().__init__(**kwargs)
        if not site:
            raise ValueError("give the site to crawl: -a site=NAME")
        self.site: Site = get_site(site, registry)
        if base_url:
            self.site = self.site.with_base_url(base_url)
        self.allowed_domains = [d for d in self.site.domains]

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        kwargs.setdefault("registry", crawler.settings.get("SITES_REGISTRY"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        if is_loopback(spider.site.base_url):
            for name, value in LOOPBACK_SETTINGS.items():
                crawler.settings.set(name, value, priority="spider")
        for name, value in spider.site.settings.items():
            crawler.settings.set(name, value, priority="spider")
        return spider

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response: Response):
        """Follow article links and further listing pages."""
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href.strip())
            path = _path_and_query(url)
            if path is None:
                continue
            if self.site.article_pattern.search(path):
                yield response.follow(url, callback=self.parse_article)
            elif self.site.listing_pattern.search(path):
                yield response.follow(url, callback=self.parse_listing)

    def parse_article(self, response: Response):
        yield FetchedPage(
            url=response.url,
            site_key=self.site.key,
            status=response.status,
            body=response.body,
            fetched_at=utc_now(),
            headers={
                name: response.headers.get(name).decode("latin-1")
                for name in KEPT_HEADERS if response.headers.get(name)
            },
        )


def _path_and_query(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
