"""Walk a registry site's listing pages to its article pages.

Navigation only: the spider decides which URLs to request (following the
crawl plan the archive gives it) and yields what it got; the pipeline
extracts and stores.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TimeoutError, TCPTimedOutError

from ..archive import open_archive
from ..archive.plan import CrawlPlan, crawl_plan
from ..archive.store import utc_now
from ..items import FetchedPage, FetchFailed, Gone, NotModified
from ..sites import Site, get_site

KEPT_HEADERS = ("Content-Type", "Last-Modified", "ETag")
GONE_STATUSES = (404, 410)
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
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
    """``scrapy crawl portal -a site=sonla [-a base_url=http://127.0.0.1:8000] [-a full=1]``."""

    name = "portal"

    def __init__(self, site: str | None = None, base_url: str | None = None, registry: str | None = None,
                 full: str | bool = False, **kwargs):
        super().__init__(**kwargs)
        if not site:
            raise ValueError("give the site to crawl: -a site=NAME")
        self.site: Site = get_site(site, registry)
        if base_url:
            self.site = self.site.with_base_url(base_url)
        # never leave the site: its domains, and the host it is served from
        self.allowed_domains = sorted({*self.site.domains, urlsplit(self.site.base_url).hostname})
        self.full = str(full).lower() in ("1", "true", "yes")
        self.plan = CrawlPlan()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        kwargs.setdefault("registry", crawler.settings.get("SITES_REGISTRY"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        if is_loopback(spider.site.base_url):
            for name, value in LOOPBACK_SETTINGS.items():
                crawler.settings.set(name, value, priority="spider")
        for name, value in spider.site.settings.items():
            crawler.settings.set(name, value, priority="spider")
        db = open_archive(crawler.settings.get("ARCHIVE_DB"))
        try:
            spider.plan = crawl_plan(
                db, spider.site.domain, full=spider.full,
                overlap=crawler.settings.getint("INCREMENTAL_OVERLAP", 1),
                recheck_runs=crawler.settings.getint("RECHECK_RUNS", 10),
            )
        finally:
            db.close()
        return spider

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.failed, cb_kwargs={"stale": 0})
        for url in self.plan.retry:
            if self.site.article_pattern.search(_path_and_query(url) or ""):
                yield self._article_request(url)
            else:
                yield scrapy.Request(url, callback=self.parse_listing, errback=self.failed, cb_kwargs={"stale": 0})
        for recheck in self.plan.recheck:
            headers = {}
            if recheck.last_modified:
                headers["If-Modified-Since"] = recheck.last_modified
            if recheck.etag:
                headers["If-None-Match"] = recheck.etag
            yield self._article_request(recheck.url, headers=headers, recheck=True)

    def parse_listing(self, response: Response, stale: int = 0):
        """Follow new article links, and further listing pages.

        Incremental runs stop walking a listing at a page that brings
        nothing new, after ``overlap`` more such pages reached through
        "next page" links only (not every page number of the pagination).
        """
        listings, next_pages, new_articles = [], [], 0
        for link in response.css("a[href]"):
            url = response.urljoin(link.attrib["href"].strip())
            path = _path_and_query(url)
            if path is None:
                continue
            if self.site.article_pattern.search(path):
                if self.plan.refetch_known or url not in self.plan.known_urls:
                    new_articles += 1
                    yield self._article_request(url)
            elif self.site.listing_pattern.search(path):
                listings.append(url)
                if _is_next_link(link):
                    next_pages.append(url)
        stale = 0 if new_articles else stale + 1
        if self.plan.walk_all_listings or stale == 0:
            follow = listings
        elif stale <= self.plan.overlap:
            follow = next_pages
        else:
            follow = []
            self.logger.debug("listing %s brought nothing new: not walking further", response.url)
        for url in follow:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.failed, cb_kwargs={"stale": stale})

    def _article_request(self, url: str, headers: dict | None = None, recheck: bool = False) -> scrapy.Request:
        meta = {"handle_httpstatus_list": [304, *GONE_STATUSES]} if recheck else {}
        return scrapy.Request(url, headers=headers, callback=self.parse_article, errback=self.failed,
                              meta=meta, cb_kwargs={"recheck": recheck}, dont_filter=recheck)

    def parse_article(self, response: Response, recheck: bool = False):
        now = utc_now()
        if response.status == 304:
            yield NotModified(url=response.request.url, fetched_at=now)
            return
        if response.status in GONE_STATUSES:
            yield Gone(url=response.request.url, fetched_at=now, reason=f"http {response.status}")
            return
        redirected_from = response.meta.get("redirect_urls")
        if redirected_from and not self.site.article_pattern.search(_path_and_query(response.url) or ""):
            yield Gone(url=redirected_from[0], fetched_at=now, reason=f"redirected to {response.url}")
            return
        yield FetchedPage(
            url=response.url,
            site_key=self.site.key,
            status=response.status,
            body=response.body,
            fetched_at=now,
            headers={
                name: response.headers.get(name).decode("latin-1")
                for name in KEPT_HEADERS if response.headers.get(name)
            },
            recheck=recheck,
        )

    def failed(self, failure):
        """Report a page that could not be fetched; the next run retries it."""
        request = failure.request
        if failure.check(HttpError):
            kind = f"http-{failure.value.response.status}"
        elif failure.check(DNSLookupError):
            kind = "dns"
        elif failure.check(TimeoutError, TCPTimedOutError):
            kind = "timeout"
        else:
            kind = failure.type.__name__.lower() if failure.type else "error"
        yield FetchFailed(url=request.url, kind=kind, error=str(failure.value)[:500])


_NEXT_TEXT = re.compile(r"^\s*(?:trang\s*sau|sau|tiếp|tiếp\s*theo|next|›|»|>|>>)\s*$", re.I)


def _is_next_link(link) -> bool:
    """A pagination link to the following page ("Trang sau", rel=next, class next)."""
    names = f"{link.attrib.get('rel', '')} {link.attrib.get('class', '')}".lower()
    if "next" in names.split() or "next" in names:
        return True
    return bool(_NEXT_TEXT.match(" ".join(link.css("::text").getall())))


def _path_and_query(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
