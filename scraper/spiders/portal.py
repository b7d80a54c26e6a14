"""Walk a registry site's listing pages to its article pages.

Navigation only: the spider decides which URLs to request (following the
crawl plan the archive gives it) and yields what it got; the pipeline
extracts and stores. It is built not to be trapped: every link is brought
to its canonical form first (session ids and tracking parameters off),
link-loop shapes are never requested, a listing page whose text repeats one
already walked is not walked again, a walk stops after listing pages that
bring no new article, and each run has page, time and depth budgets.
Redirects are followed here, not by Scrapy, so that loops and redirects
off the site are reported instead of silently dropped.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.exceptions import (CannotResolveHostError, DownloadConnectionRefusedError, DownloadFailedError,
                               DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionLost, ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from ..archive import open_archive
from ..archive.plan import CrawlPlan, crawl_plan
from ..archive.store import utc_now
from ..extract.refusal import page_refusal
from ..navigation.paging import PAGE_PLACEHOLDER, is_next_link, last_page_hint, script_pager
from ..items import FetchedPage, FetchFailed, Gone, NotModified
from ..politeness import RobotsBlocked
from ..signals import page_judged
from ..sites import Site, get_site
from ..tls import crawl_settings
from ..urls import canonical_url, is_trap, over_http, same_site, url_shape

KEPT_HEADERS = ("Content-Type", "Last-Modified", "ETag")
GONE_STATUSES = (404, 410)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
ARTICLE_PRIORITY = 10  # articles before further listings: what a listing brings is judged before the walk goes on
BARREN_AFTER = 10  # pages of one address shape extracted...
BARREN_SHARE = 0.9  # ...that were nearly all not articles: the shape is not requested again in this run
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
                 full: str | bool = False, tls: str = "", **kwargs):
        super().__init__(**kwargs)
        if not site:
            raise ValueError("give the site to crawl: -a site=NAME")
        self.site: Site = get_site(site, registry)
        if base_url:
            self.site = self.site.with_base_url(base_url)
        # never leave the site: its domains, and the host it is served from
        self.allowed_domains = sorted({*self.site.domains, urlsplit(self.site.base_url).hostname})
        self.full = str(full).lower() in ("1", "true", "yes")
        self.tls = tls  # the certificate's state, as probed before the crawl (scraper/tls.py)
        self.plan = CrawlPlan()
        self.max_depth = 0
        self.stale_limit = 0
        self.seen_articles: set[str] = set()  # article URLs met on listings in this run
        self.listings_requested: set[str] = set()
        self.judged: dict[str, list[int]] = {}  # address shape -> [pages extracted, articles among them]
        self.listing_prints: set[bytes] = set()  # text fingerprints of the listing pages walked

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        kwargs.setdefault("registry", crawler.settings.get("SITES_REGISTRY"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.learn_from_extraction, signal=page_judged)
        settings = crawler.settings
        if is_loopback(spider.site.base_url):
            for name, value in LOOPBACK_SETTINGS.items():
                settings.set(name, value, priority="spider")
        for name, value in {**crawl_settings(spider.site.tls), **spider.site.settings}.items():
            settings.set(name, value, priority="spider")
        budget = spider.site.budget
        settings.set("CLOSESPIDER_PAGECOUNT", budget.get("pages", settings.getint("CRAWL_MAX_PAGES")), priority="spider")
        settings.set("CLOSESPIDER_TIMEOUT", 60 * budget.get("minutes", settings.getfloat("CRAWL_MAX_MINUTES")),
                     priority="spider")
        spider.max_depth = budget.get("depth", settings.getint("CRAWL_MAX_DEPTH"))
        db = open_archive(settings.get("ARCHIVE_DB"))
        try:
            spider.plan = crawl_plan(
                db, spider.site.domain, full=spider.full,
                overlap=settings.getint("INCREMENTAL_OVERLAP", 1),
                recheck_runs=settings.getint("RECHECK_RUNS", 10),
            )
        finally:
            db.close()
        spider.stale_limit = settings.getint("NAV_STALE_PAGES", 5) if spider.plan.walk_all_listings else spider.plan.overlap
        spider.judged = {shape: [BARREN_AFTER, 0] for shape in spider.plan.barren_shapes}
        return spider

    async def start(self):
        self.crawler.stats.set_value("govnews/tls", self.tls)
        if self.crawler.stats.get_value("govnews/halted"):
            return  # the archive could not record the run: fetch nothing
        for url in map(self._link, self.site.start_urls):
            self.listings_requested.add(url)
            yield self._listing_request(url, stale=0)
        for url in self.plan.retry:
            if self._is_article(url):
                yield self._article_request(url)
            else:
                yield self._listing_request(url, stale=0)
        for recheck in self.plan.recheck:
            headers = {}
            if recheck.last_modified:
                headers["If-Modified-Since"] = recheck.last_modified
            if recheck.etag:
                headers["If-None-Match"] = recheck.etag
            yield self._article_request(recheck.url, headers=headers, recheck=True)

    def parse_listing(self, response: Response, stale: int = 0):
        """Follow article links new to this run, and further listing pages.

        A walk stops after ``stale_limit`` listing pages in a row that bring
        no new article, reached through "next page" links only: in an
        incremental run "new" means not yet in the archive; otherwise, not
        yet met in this run, so a calendar or an endless pagination
        repeating the same sidebar is left after a few pages.
        """
        if response.status in REDIRECT_STATUSES:
            yield from self._redirect(response, self.parse_listing, {"stale": stale})
            return
        if not isinstance(response, TextResponse):
            return
        refusal = page_refusal(response.selector.root)
        if refusal:  # a block page or an empty shell of scripts where the listing should be
            yield FetchFailed(canonical_url(response.url), refusal.kind, str(refusal))
            return
        fingerprint = _text_fingerprint(response)
        if fingerprint in self.listing_prints:
            self._count("duplicate_listings")
            return
        self.listing_prints.add(fingerprint)
        listings, next_pages, new_articles, article_links = [], [], 0, 0
        for link in response.css("a[href]"):
            url = self._link(response.urljoin(link.attrib["href"]))
            if urlsplit(url).scheme not in ("http", "https") or not same_site(url, self.allowed_domains):
                continue
            if is_trap(url):
                self._count("trap_links")
                continue
            if self._is_article(url):
                article_links += 1
                if url in self.seen_articles:
                    continue
                self.seen_articles.add(url)
                if self._barren(url):
                    self._count("barren_links")
                    continue
                known = url in self.plan.known_urls
                if self.plan.walk_all_listings or not known:
                    new_articles += 1
                if self.plan.refetch_known or not known:
                    yield self._article_request(url)
            elif self.site.listing_pattern and self.site.listing_pattern.search(_path_and_query(url)) and url not in self.listings_requested:
                listings.append(url)
                if is_next_link(link, response.url):
                    next_pages.append(url)
        stale = 0 if new_articles else stale + 1
        if response.meta.get("depth", 0) >= self.max_depth:
            self._count("depth_limited", len(listings))
            follow = []
        elif stale == 0:
            follow = listings
        elif stale <= self.stale_limit:
            follow = next_pages
        else:
            follow = []
            self.logger.debug("listing %s brought nothing new: not walking further", response.url)
        for url in dict.fromkeys(follow):
            self.listings_requested.add(url)
            yield self._listing_request(url, stale=stale)
        if not next_pages and article_links and response.meta.get("depth", 0) < self.max_depth:
            yield from self._script_page(response, stale)

    def _script_page(self, response: TextResponse, stale: int):
        """The next page of a listing that pages by script (AJAX "more" buttons
        and pagers whose links go nowhere): the address template the pager's
        script builds, read once from the listing's first page."""
        template, number = response.meta.get("pager") or (script_pager(response, response.url), 1)
        if template is None or stale > self.stale_limit:
            return
        hint = last_page_hint(response)
        if hint is not None and number >= hint:
            return
        url = canonical_url(template.replace(PAGE_PLACEHOLDER, str(number + 1)))
        if url in self.listings_requested or (self.site.listing_pattern
                                              and not self.site.listing_pattern.search(_path_and_query(url))):
            return
        self.listings_requested.add(url)
        self._count("script_pages")
        yield self._listing_request(url, stale=stale, pager=(template, number + 1))

    def parse_article(self, response: Response, recheck: bool = False):
        now = utc_now()
        requested = response.meta.get("redirect_chain", [response.request.url])[0]
        if response.status in REDIRECT_STATUSES:
            yield from self._redirect(response, self.parse_article, {"recheck": recheck})
            return
        if response.status == 304:
            yield NotModified(url=requested, fetched_at=now)
            return
        if response.status in GONE_STATUSES:
            yield Gone(url=requested, fetched_at=now, reason=f"http {response.status}")
            return
        yield FetchedPage(
            url=canonical_url(response.url),
            fetched_url=response.url,
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

    def _redirect(self, response: Response, callback, cb_kwargs: dict):
        """Follow a redirect within the site; report loops, redirects off the
        site, and articles redirected to a page that is not an article."""
        chain = [*response.meta.get("redirect_chain", []), response.url]
        origin = canonical_url(chain[0])
        recheck = cb_kwargs.get("recheck", False)
        location = response.headers.get("Location", b"").decode("latin-1").strip()
        target = self._link(response.urljoin(location)) if location else ""
        if not target:
            yield FetchFailed(origin, "redirect-broken", f"{response.status} without a Location", recheck)
        elif target in map(canonical_url, chain):
            yield FetchFailed(origin, "redirect-loop", " -> ".join([*chain, target])[:500], recheck)
        elif len(chain) > MAX_REDIRECTS:
            yield FetchFailed(origin, "too-many-redirects", " -> ".join(chain)[:500], recheck)
        elif not same_site(target, self.allowed_domains):
            if recheck:
                yield Gone(url=origin, fetched_at=utc_now(), reason=f"redirected off the site to {target}")
            else:
                yield FetchFailed(origin, "offsite-redirect", f"redirected off the site to {target}")
        elif callback == self.parse_article and not self._is_article(target):
            if recheck:
                yield Gone(url=origin, fetched_at=utc_now(), reason=f"redirected to {target}")
            else:
                yield FetchFailed(origin, "redirected-away", f"redirected to {target}, not an article")
        else:
            # never dropped as a duplicate: a loop through an address met before is caught above
            meta = {name: response.request.meta[name] for name in ("dont_redirect", "handle_httpstatus_list")}
            yield response.request.replace(url=target, dont_filter=True, meta={**meta, "redirect_chain": chain})

    def _link(self, url: str) -> str:
        """``url`` in canonical form; over plain HTTP on a site crawled so (``http_only``)."""
        url = canonical_url(url)
        return over_http(url) if self.site.http_only and same_site(url, self.allowed_domains) else url

    def _is_article(self, url: str) -> bool:
        return bool(self.site.article_pattern and self.site.article_pattern.search(_path_and_query(url)))

    def learn_from_extraction(self, url: str, is_article: bool) -> None:
        """Learn from extraction which address shapes hold articles."""
        counts = self.judged.setdefault(url_shape(url), [0, 0])
        counts[0] += 1
        counts[1] += is_article

    def _barren(self, url: str) -> bool:
        """Whether pages shaped like ``url`` have proved, in this run or the
        last, not to be articles (a calendar's days, tag pages behind
        article-like addresses)."""
        return _is_barren(*self.judged.get(url_shape(url), (0, 0)))

    def barren_shapes(self) -> list[str]:
        """The address shapes found to hold no articles, for the next run."""
        return [shape for shape, (pages, articles) in self.judged.items() if _is_barren(pages, articles)]

    def _listing_request(self, url: str, stale: int, pager: tuple[str, int] | None = None) -> scrapy.Request:
        meta = {"dont_redirect": True, "handle_httpstatus_list": list(REDIRECT_STATUSES)}
        if pager:
            meta["pager"] = pager  # (address template, page number) of a page a script would load
        return scrapy.Request(url, callback=self.parse_listing, errback=self.failed, cb_kwargs={"stale": stale},
                              meta=meta)

    def _article_request(self, url: str, headers: dict | None = None, recheck: bool = False) -> scrapy.Request:
        statuses = [*REDIRECT_STATUSES, *((304, *GONE_STATUSES) if recheck else ())]
        return scrapy.Request(url, headers=headers, callback=self.parse_article, errback=self.failed,
                              meta={"dont_redirect": True, "handle_httpstatus_list": statuses},
                              cb_kwargs={"recheck": recheck}, dont_filter=recheck, priority=ARTICLE_PRIORITY)

    def failed(self, failure):
        """Report a page that could not be fetched (the next run retries it),
        or that robots.txt kept us from fetching."""
        request = failure.request
        if failure.check(HttpError):
            if request.meta.get("pager") and failure.value.response.status in GONE_STATUSES:
                return  # past a script pager's last page: the end of the listing, not a failure
            kind = f"http-{failure.value.response.status}"
        else:
            kind = next((name for name, kinds in FAILURE_KINDS if failure.check(*kinds)),
                        failure.type.__name__.lower() if failure.type else "error")
        if kind == "ignored" and "maxsize" in str(failure.value).lower():
            kind = "too-large"  # a page (or its inflated body) over DOWNLOAD_MAXSIZE
        origin = request.meta.get("redirect_chain", [request.url])[0]
        yield FetchFailed(canonical_url(origin), kind, str(failure.value)[:500],
                          request.cb_kwargs.get("recheck", False))

    def _count(self, name: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"govnews/{name}", count)


FAILURE_KINDS = (
    ("robots-blocked", (RobotsBlocked,)),
    ("dns", (DNSLookupError, CannotResolveHostError)),
    ("timeout", (TimeoutError, TCPTimedOutError, DownloadTimeoutError)),
    ("connection-refused", (ConnectionRefusedError, DownloadConnectionRefusedError)),
    ("connection-lost", (ConnectionLost, ResponseFailed, ResponseNeverReceived, DownloadFailedError,
                         ResponseDataLossError)),
    ("ignored", (IgnoreRequest,)),
)

def _is_barren(pages: int, articles: int) -> bool:
    return pages >= BARREN_AFTER and articles <= (1 - BARREN_SHARE) * pages


def _text_fingerprint(response: TextResponse) -> bytes:
    """Digest of a page's visible words: the same listing under another
    address (a session id, a sort order) has the same one."""
    words = " ".join(response.xpath("//body//text()[not(ancestor::script or ancestor::style)]").getall()).split()
    return hashlib.sha1(" ".join(words).encode("utf-8")).digest()


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
