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
from datetime import datetime, timezone
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
from ..extract.boilerplate import in_chrome
from ..navigation.feeds import feed_links, parse_feed
from ..navigation.menu import menu_links
from ..navigation.sitemaps import parse_sitemap, robots_sitemaps
from ..navigation.paging import PAGE_PLACEHOLDER, is_next_link, last_page_hint, script_pager
from ..items import FetchedPage, FetchFailed, Gone, NotModified
from ..politeness import RobotsBlocked
from ..signals import page_judged
from ..sites import Site, get_site
from ..tls import crawl_settings
from ..urls import canonical_url, is_page_address, is_trap, over_http, same_site, url_shape

KEPT_HEADERS = ("Content-Type", "Last-Modified", "ETag")
GONE_STATUSES = (404, 410)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
ARTICLE_PRIORITY = 10  # articles before further listings: what a listing brings is judged before the walk goes on
MAX_SOURCES = 20  # sitemaps robots.txt names, or feeds a start page declares, read per run
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
        self.mirrored = bool(base_url)
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
        self.candidate_depth: dict[str, int] = {}  # depth of pages fetched as possible articles
        self.sources_requested: set[str] = set()  # feeds and sitemaps

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
        spider.plan = spider.load_plan(settings)
        spider.stale_limit = settings.getint("NAV_STALE_PAGES", 5) if spider.plan.walk_all_listings else spider.plan.overlap
        spider.judged = {shape: [BARREN_AFTER, 0] for shape in spider.plan.barren_shapes}
        return spider

    def load_plan(self, settings) -> CrawlPlan:
        """This run's plan, from the archive (on a mirror, its addresses moved there)."""
        db = open_archive(settings.get("ARCHIVE_DB"))
        try:
            plan = crawl_plan(db, self.site.domain, full=self.full, overlap=settings.getint("INCREMENTAL_OVERLAP", 1),
                              recheck_runs=settings.getint("RECHECK_RUNS", 10))
        finally:
            db.close()
        return plan.on_mirror(self.site.base_url, self.site.domains) if self.mirrored else plan

    async def start(self):
        self.crawler.stats.set_value("govnews/tls", self.tls)
        if self.crawler.stats.get_value("govnews/halted"):
            return  # the archive could not record the run: fetch nothing
        if self.site.sitemaps is None:  # those robots.txt names
            yield self._source_request(self._link(f"{self.site.base_url}/robots.txt"), self.parse_robots)
        for url in map(self._link, self.site.sitemap_urls):
            yield self._source_request(url, self.parse_sitemap)
        for url in map(self._link, self.site.feed_urls):
            yield self._source_request(url, self.parse_feed)
        for url in map(self._link, self.site.start_urls):
            self.listings_requested.add(url)
            request = self._listing_request(url, stale=0)
            request.meta["start"] = True
            yield request
        for url in self.plan.retry:
            if self._is_article(url):
                self.seen_articles.add(url)
                yield self._article_request(url)
            elif url not in self.listings_requested:
                self.listings_requested.add(url)
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
        start_page = response.meta.get("start", False)
        if start_page and self.site.feeds is None:
            yield from self._declared_feeds(response)
        menu = set(menu_links(response.text, response.url)) if start_page and self.site.listing_pattern is None else set()
        for link in response.css("a[href]"):
            url = self._link(response.urljoin(link.attrib["href"]))
            if urlsplit(url).scheme not in ("http", "https") or not same_site(url, self.allowed_domains):
                continue
            if is_trap(url):
                self._count("trap_links")
                continue
            role = self._link_role(link, url, response.url, menu)
            if role == "article":
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
                    self.candidate_depth[url] = response.meta.get("depth", 0) + 1
                    yield self._article_request(url)
            elif role in ("listing", "next") and url not in self.listings_requested:
                listings.append(url)
                if role == "next":
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

    def parse_robots(self, response: Response):
        """Read the sitemaps robots.txt names (the entry names none)."""
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        yield from self._new_sources(robots_sitemaps(text, self.site.base_url)[:MAX_SOURCES], self.parse_sitemap)

    def _declared_feeds(self, response: TextResponse):
        """Read the feeds a start page declares (the entry names none)."""
        yield from self._new_sources(feed_links(response.text, response.url)[:MAX_SOURCES], self.parse_feed)

    def parse_sitemap(self, response: Response):
        """Request a sitemap's articles and its child sitemaps."""
        sitemap = parse_sitemap(response.body, response.url) if response.status == 200 else None
        if sitemap is None:
            self._source_unusable(response, "sitemap")
            return
        yield from self._new_sources(sitemap.children, self.parse_sitemap)
        yield from self._source_entries(sitemap.entries, response)

    def parse_feed(self, response: Response):
        """Request a feed's articles."""
        entries = parse_feed(response.body, response.url) if response.status == 200 else None
        if entries is None:
            self._source_unusable(response, "feed")
            return
        yield from self._source_entries(entries, response)

    def _source_unusable(self, response: Response, kind: str) -> None:
        self._count("sources_unusable")
        self.logger.warning("%s is not a %s (HTTP %s): left out", response.url, kind, response.status)

    def _source_entries(self, entries, response: Response):
        """The article requests of a feed's or a sitemap's entries: new pages,
        and in an incremental run known pages the source says changed since
        the last run."""
        for entry in entries:
            url = self._link(entry.url)
            if (not same_site(url, self.allowed_domains) or is_trap(url) or not is_page_address(url)
                    or url in self.seen_articles or not self._is_article(url) or self._barren(url)):
                continue
            self.seen_articles.add(url)
            known = url in self.plan.known_urls
            changed = _later(entry.published, self.plan.since)
            if self.plan.refetch_known or not known:
                self.candidate_depth[url] = response.meta.get("depth", 0) + 1
                yield self._article_request(url)
            elif changed:
                yield self._article_request(url, recheck=True)

    def _new_sources(self, urls, callback):
        """Requests for the feeds or sitemaps among ``urls`` on the site and not asked for yet."""
        for url in map(self._link, urls):
            if same_site(url, self.allowed_domains) and url not in self.sources_requested:
                yield self._source_request(url, callback)

    def _source_request(self, url: str, callback) -> scrapy.Request:
        self.sources_requested.add(url)
        return scrapy.Request(url, callback=callback, errback=self.source_failed,
                              meta={"handle_httpstatus_list": [404, 410]})

    def source_failed(self, failure):
        """A feed or sitemap that could not be fetched: said, not a page failure
        (the site's listings are walked anyway)."""
        self._count("sources_failed")
        self.logger.warning("feed or sitemap %s could not be fetched: %s", failure.request.url, failure.value)

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

    def _link_role(self, link, url: str, page_url: str, menu: set[str]) -> str | None:
        """"article" (a page to extract), "listing", "next" (the listing's next
        page) or None (left alone). The site's patterns, where it has them,
        say; without an article pattern, a link of the page's own text may be
        an article (extraction judges it); without a listing pattern, a
        next-page link or a menu entry of a start page is a listing, and so is
        a fetched page that extraction found to be one (walk_listing_found)."""
        path = _path_and_query(url)
        article_pattern, listing_pattern = self.site.article_pattern, self.site.listing_pattern
        if article_pattern is not None and article_pattern.search(path):
            return "article"
        if listing_pattern is not None and listing_pattern.search(path):
            return "next" if is_next_link(link, page_url) else "listing"
        if url in self.listings_requested:
            return None
        if listing_pattern is None and is_next_link(link, page_url):
            return "next"
        if listing_pattern is None and url in menu:
            return "listing"
        if article_pattern is None and is_page_address(url) and not in_chrome(link.root):
            return "article"
        return None

    def _link(self, url: str) -> str:
        """``url`` in canonical form; over plain HTTP on a site crawled so (``http_only``)."""
        url = canonical_url(url)
        return over_http(url) if self.site.http_only and same_site(url, self.allowed_domains) else url

    def _is_article(self, url: str) -> bool:
        """Whether ``url`` should be fetched as an article: by the site's
        pattern, or, without one, any page (extraction decides)."""
        pattern = self.site.article_pattern
        return pattern is None or bool(pattern.search(_path_and_query(url)))

    def walk_listing_found(self, url: str, extractor: str) -> None:
        """A page fetched as a possible article that extraction found to be a
        listing (a category, a subcategory, an archive): walk it, when the
        site has no pattern to say which pages are listings."""
        if (self.site.listing_pattern is not None or not extractor.endswith("(listing)")
                or url in self.listings_requested):
            return
        depth = self.candidate_depth.get(url, 1)
        if depth >= self.max_depth:
            self._count("depth_limited")
            return
        self.listings_requested.add(url)
        self._count("listings_found")
        request = self._listing_request(url, stale=0)
        request.meta["depth"] = depth
        self.crawler.engine.crawl(request)

    def learn_from_extraction(self, url: str, is_article: bool, extractor: str = "") -> None:
        """Learn from extraction which address shapes hold articles, and
        which pages are listings to walk."""
        if not is_article:
            self.walk_listing_found(url, extractor)
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
        # never dropped as a duplicate of the same page tried as an article:
        # listings_requested keeps each listing to one walk
        return scrapy.Request(url, callback=self.parse_listing, errback=self.failed, cb_kwargs={"stale": stale},
                              meta=meta, dont_filter=True)

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
            status = failure.value.response.status
            if request.meta.get("pager") and status in GONE_STATUSES:
                return  # past a script pager's last page: the end of the listing, not a failure
            kind = "dead-link" if status in GONE_STATUSES and self._unproven(request) else f"http-{status}"
        else:
            kind = next((name for name, kinds in FAILURE_KINDS if failure.check(*kinds)),
                        failure.type.__name__.lower() if failure.type else "error")
        if kind == "ignored" and "maxsize" in str(failure.value).lower():
            kind = "too-large"  # a page (or its inflated body) over DOWNLOAD_MAXSIZE
        origin = request.meta.get("redirect_chain", [request.url])[0]
        yield FetchFailed(canonical_url(origin), kind, str(failure.value)[:500],
                          request.cb_kwargs.get("recheck", False))

    def _unproven(self, request: scrapy.Request) -> bool:
        """Whether ``request`` was for a page no pattern vouched for: a link
        tried as a possible article or listing, whose absence is the site's
        dead link, not a page the archive misses."""
        if request.meta.get("start") or request.cb_kwargs.get("recheck"):
            return False
        pattern = self.site.article_pattern if request.callback == self.parse_article else self.site.listing_pattern
        return pattern is None

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

def _later(moment: str | None, since: str) -> bool:
    """Whether the ISO instant ``moment`` is after ``since`` (both given; a
    moment without an offset is taken as UTC)."""
    if not (moment and since):
        return False
    try:
        first, second = datetime.fromisoformat(moment), datetime.fromisoformat(since)
    except ValueError:
        return False
    if first.tzinfo is None:
        first = first.replace(tzinfo=timezone.utc)
    if second.tzinfo is None:
        second = second.replace(tzinfo=timezone.utc)
    return first > second


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
