"""Look at a portal from its address alone, within a request budget.

Navigation only: robots.txt (its Sitemap lines), the sitemaps, the feeds the
home page declares (or the usual feed addresses), the home page's menu and
the listing pages it leads to, the next page of each listing, and a sample
of the pages they link to. Every page fetched is kept as a ``Sample``;
``scraper.discovery`` extracts and judges them afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse

from ..extract.boilerplate import in_chrome
from ..navigation.feeds import USUAL_FEED_PATHS, feed_links, parse_feed
from ..navigation.menu import menu_links
from ..navigation.paging import PAGE_PLACEHOLDER, is_next_link, script_pager
from ..navigation.sitemaps import parse_sitemap, robots_sitemaps
from ..urls import canonical_url, is_page_address, is_trap, same_site
from .portal import LOOPBACK_SETTINGS, is_loopback

MAX_LISTINGS = 12  # menu entries looked at
PAGES_PER_LISTING = 4  # links of a listing's own text sampled
PAGES_PER_SOURCE = 8  # entries of a feed or sitemap sampled
MAX_SOURCES = 4  # feeds and sitemaps read


@dataclass
class Sample:
    """One page the discovery fetched, and how it was reached."""

    url: str
    role: str  # home, listing, next-page, script-page, candidate, feed, sitemap, robots
    status: int
    body: bytes
    via: str = ""  # the page, feed or sitemap that led here


class DiscoverySpider(scrapy.Spider):
    """``govnews discover URL``: see scraper/discovery.py."""

    name = "discover"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "HTTPERROR_ALLOW_ALL": True}

    def __init__(self, url: str = "", budget: int = 200, **kwargs):
        super().__init__(**kwargs)
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not a web address: {url!r}")
        self.home = canonical_url(url)
        host = urlsplit(self.home).hostname or ""
        bare = host.removeprefix("www.")
        self.allowed_domains = [bare, f"www.{bare}"]
        self.budget = int(budget)
        self.samples: list[Sample] = []
        self.requested: set[str] = set()
        self.listings = 0
        self.sources = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if is_loopback(spider.home):
            for name, value in LOOPBACK_SETTINGS.items():
                crawler.settings.set(name, value, priority="spider")
        crawler.settings.set("CLOSESPIDER_PAGECOUNT", spider.budget, priority="spider")
        return spider

    async def start(self):
        root = f"{urlsplit(self.home).scheme}://{urlsplit(self.home).netloc}"
        for request in (self._request(f"{root}/robots.txt", self.parse_robots, "robots"),
                        self._request(self.home, self.parse_home, "home")):
            if request is not None:
                yield request

    def parse_robots(self, response: Response):
        self._keep(response, "robots")
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        root = f"{urlsplit(response.url).scheme}://{urlsplit(response.url).netloc}"
        for url in (robots_sitemaps(text, root) or [f"{root}/sitemap.xml"])[:MAX_SOURCES]:
            yield from self._source(url, self.parse_sitemap, "sitemap", response.url)

    def parse_home(self, response: Response):
        self._keep(response, "home")
        if not isinstance(response, TextResponse) or response.status != 200:
            return
        if not same_site(response.url, self.allowed_domains):
            return  # the home page redirects to another site: said by the analysis
        declared = feed_links(response.text, response.url)
        for url in declared[:MAX_SOURCES] or [response.urljoin(path) for path in USUAL_FEED_PATHS][:MAX_SOURCES]:
            yield from self._source(url, self.parse_feed, "feed", response.url)
        for url in menu_links(response.text, response.url)[:MAX_LISTINGS]:
            request = self._request(url, self.parse_listing, "listing", via=response.url)
            if request is not None:
                yield request
        yield from self._sample_links(response, PAGES_PER_LISTING * 2)

    def parse_listing(self, response: Response):
        role = response.meta["role"]  # listing, next-page or script-page
        self._keep(response, role)
        if not isinstance(response, TextResponse) or response.status != 200:
            return
        yield from self._sample_links(response, PAGES_PER_LISTING)
        if role != "listing":
            return
        nexts = [canonical_url(response.urljoin(link.attrib["href"])) for link in response.css("a[href]")
                 if is_next_link(link, response.url)]
        nexts = [url for url in nexts if same_site(url, self.allowed_domains)]
        template = None if nexts else script_pager(response, response.url)
        if nexts:
            request = self._request(nexts[0], self.parse_listing, "next-page", via=response.url)
        elif template:
            request = self._request(template.replace(PAGE_PLACEHOLDER, "2"), self.parse_listing, "script-page",
                                    via=response.url)
        else:
            request = None
        if request is not None:
            yield request

    def parse_feed(self, response: Response):
        self._keep(response, "feed")
        entries = parse_feed(response.body, response.url) if response.status == 200 else None
        for entry in sorted(entries or [], key=lambda e: e.published or "", reverse=True)[:PAGES_PER_SOURCE]:
            yield from self._candidate(entry.url, response.url)

    def parse_sitemap(self, response: Response):
        self._keep(response, "sitemap")
        sitemap = parse_sitemap(response.body, response.url) if response.status == 200 else None
        if sitemap is None:
            return
        for child in sitemap.children[:MAX_SOURCES]:
            yield from self._source(child, self.parse_sitemap, "sitemap", response.url)
        for entry in sorted(sitemap.entries, key=lambda e: e.published or "", reverse=True)[:PAGES_PER_SOURCE]:
            yield from self._candidate(entry.url, response.url)

    def parse_candidate(self, response: Response):
        self._keep(response, "candidate")

    def _sample_links(self, response: TextResponse, count: int):
        """Request up to ``count`` links of the page's own text (not its menus,
        sidebars or footer) not sampled yet."""
        taken = 0
        for link in response.css("a[href]"):
            if taken >= count:
                return
            url = canonical_url(response.urljoin(link.attrib["href"]))
            if url in self.requested or not is_page_address(url) or in_chrome(link.root):
                continue
            request = self._request(url, self.parse_candidate, "candidate", via=response.url)
            if request is not None:
                taken += 1
                yield request

    def _candidate(self, url: str, via: str):
        request = self._request(canonical_url(url), self.parse_candidate, "candidate", via=via)
        if request is not None:
            yield request

    def _source(self, url: str, callback, role: str, via: str):
        if self.sources >= 2 * MAX_SOURCES:
            return
        request = self._request(url, callback, role, via=via)
        if request is not None:
            self.sources += 1
            yield request

    def _request(self, url: str, callback, role: str, via: str = "") -> scrapy.Request | None:
        """A request within the budget, on the site, not asked for before."""
        if (len(self.requested) >= self.budget or url in self.requested or is_trap(url)
                or urlsplit(url).scheme not in ("http", "https") or not same_site(url, self.allowed_domains)):
            return None
        self.requested.add(url)
        return scrapy.Request(url, callback=callback, meta={"via": via, "role": role},
                              errback=self._failed, dont_filter=True)

    def _keep(self, response: Response, role: str) -> None:
        self.samples.append(Sample(url=response.url, role=role, status=response.status, body=response.body,
                                   via=response.meta.get("via", "")))

    def _failed(self, failure):
        request = failure.request
        self.samples.append(Sample(url=request.url, role=request.meta.get("role", ""), status=0,
                                   body=str(failure.value)[:300].encode(), via=request.meta.get("via", "")))
