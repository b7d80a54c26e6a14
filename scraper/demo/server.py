"""The demo portal as a local HTTP server, for tests, the demo and benchmarks.

    with DemoPortal() as portal:
        crawl(portal.base_url + "/tin-tuc-su-kien")

    with DemoPortal(family="wordpress") as portal:   # another platform family
        crawl(portal.base_url + "/category/tin-tuc/")

``family`` picks the site: "vnportal" (the default, registry site demo-vnportal) or one of
``families.FAMILIES`` (liferay, sharepoint, wordpress, legacy, national,
vnportal2, chinhphu, tandan).

Pages are rendered on first request and then served from memory, so a crawl
with many concurrent requests measures the crawler, not this server.

Between crawls a test can change the portal as real portals change:
``add_article``, ``edit_article`` and ``remove_article`` (404, 410, or a
redirect to the home page). Article pages carry Last-Modified and ETag and
answer conditional requests with 304; ``requests`` counts requests per target.
"""

from __future__ import annotations

import hashlib
import socketserver
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import pages
from .content import CATEGORY_NAMES, DemoArticle, build_articles
from .families import FamilySite, family_site

_HTML = "text/html; charset=utf-8"
_XML = "application/xml; charset=utf-8"
_RSS = "application/rss+xml; charset=utf-8"
_TEXT = "text/plain; charset=utf-8"
_JPEG = "image/jpeg"


@dataclass(frozen=True)
class _Response:
    status: int
    content_type: str
    body: bytes
    last_modified: str | None = None
    etag: str | None = None
    location: str | None = None
    headers: tuple[tuple[str, str], ...] = ()  # further headers (the hostile portal's Retry-After...)


_IMAGE = _Response(200, _JPEG, pages.PLACEHOLDER_JPEG)


class DemoPortal:
    """An offline imitation of a government portal serving ``articles``.

    The default ``family`` imitates sonla.gov.vn, a vnPortal site; the other
    families (``families.FAMILIES``) each serve their own site, whose
    ``articles`` default to that family's 24.
    """

    scheme = "http"

    def __init__(self, articles: list[DemoArticle] | None = None, family: str = "vnportal"):
        self.family = family
        self.site: FamilySite | None = None if family == "vnportal" else family_site(family)
        if articles is None:
            articles = build_articles() if self.site is None else self.site.build_articles()
        self.articles = list(articles)
        self.base_url: str | None = None
        self._by_path = {article.path: article for article in self.articles}
        self._cache: dict[str, _Response] = {}
        self._not_found: _Response | None = None
        self._server: _PortalHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._gone: dict[str, int] = {}  # path -> 404, 410 or 301 (redirected home)
        self._modified: dict[str, datetime] = {}  # path -> when an edit happened
        self._counter_lock = threading.Lock()
        self.requests: Counter[str] = Counter()  # request target -> how many times
        self.in_flight = 0  # requests being answered now...
        self.max_in_flight = 0  # ...and the most at once: the concurrency a crawl put on this host
        self.response_delay = 0.0  # seconds each answer takes, as on a real (slower) server

    @property
    def request_count(self) -> int:
        return sum(self.requests.values())

    def add_article(self, article: DemoArticle) -> None:
        """Publish a new article: it appears first in its category's listing."""
        self.articles = [article, *self.articles]
        self._by_path[article.path] = article
        self._gone.pop(article.path, None)
        self._cache.clear()

    def edit_article(self, path: str, **changes) -> DemoArticle:
        """Change an article's fields (title, lead, blocks...) as an editor would."""
        edited = replace(self._by_path[path], **changes)
        self.articles = [edited if a.path == path else a for a in self.articles]
        self._by_path[path] = edited
        self._modified[path] = datetime.now(timezone.utc)
        self._cache.clear()
        return edited

    def remove_article(self, path: str, status: int = 404) -> None:
        """Take an article down: it answers 404 or 410, or (301) redirects home.

        ``path`` is the article's ``path`` (query included on family sites).
        """
        if status not in (301, 404, 410):
            raise ValueError("status must be 301, 404 or 410")
        self.articles = [a for a in self.articles if a.path != path]
        del self._by_path[path]
        self._gone[path] = status
        self._cache.clear()

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a background thread (port 0 picks a free port); return the base URL.

        On a portal that is already running this just returns its base URL.
        """
        if self._server is not None:
            return self.base_url
        self._server = self._bind(host, port)
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-portal", daemon=True)
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop the background server started by ``start``."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None

    def serve_forever(self, host: str = "127.0.0.1", port: int = 8123) -> None:
        """Serve in the calling thread until interrupted (for the command line)."""
        server = self._bind(host, port)
        try:
            server.serve_forever()
        finally:
            server.server_close()

    def __enter__(self) -> DemoPortal:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _bind(self, host: str, port: int) -> _PortalHTTPServer:
        if self._server is not None:
            raise RuntimeError(f"the demo portal is already serving at {self.base_url}")
        server = self._make_server((host, port))
        self.base_url = f"{self.scheme}://{host}:{server.server_address[1]}"
        self._cache.clear()
        self._not_found = None
        return server

    def _make_server(self, address: tuple[str, int]) -> _PortalHTTPServer:
        return _PortalHTTPServer(address, self)

    def key(self, target: str) -> str:
        """The page a request target asks for, in the form the site links to it.

        For the vnPortal site that is the path; family sites bring their
        query parameters to one order and form (a SharePoint article is
        "/Trang/ChiTietTin.aspx?id=1234&dm=2" whichever order they come in).
        """
        url = urlsplit(target)
        if self.site is None:
            return url.path
        return self.site.canonical(url.path, url.query)

    def _respond(self, target: str) -> _Response:
        """The response for a request target such as "/kinh-te?page=2"."""
        url = urlsplit(target)
        if self.site is not None:
            return self._respond_family(url.path, self.site.canonical(url.path, url.query))
        gone = self._gone.get(url.path)
        if gone == 301:
            return _Response(301, _HTML, b"", location=self.base_url + "/")
        if gone:
            response = self._not_found_response()
            return replace(response, status=gone)
        if url.path.startswith("/Uploads/") and url.path.lower().endswith((".jpg", ".jpeg")):
            return _IMAGE
        key = url.path
        if url.path[1:] in CATEGORY_NAMES:
            key = f"{url.path}?page={_page_number(url.query)}"
        response = self._cache.get(key)
        if response is None:
            response = self._render(url.path, url.query)
            if response is None:
                return self._not_found_response()
            self._cache[key] = response
        return response

    def _render(self, path: str, query: str) -> _Response | None:
        base, articles = self.base_url, self.articles
        article = self._by_path.get(path)
        if article is not None:
            body = pages.article_page(article, articles, base).encode()
            modified = self._modified.get(path)
            last_modified = format_datetime(modified, usegmt=True) if modified else _http_date(article.published)
            # like a CMS, the validator follows the article's own content, not
            # the "latest news" boxes around it that change with every post
            etag = '"' + hashlib.sha1(repr(article).encode()).hexdigest()[:16] + '"'
            return _Response(200, _HTML, body, last_modified, etag)
        if path == "/":
            return _Response(200, _HTML, pages.home_page(articles, base).encode())
        if path == "/robots.txt":
            return _Response(200, _TEXT, pages.robots_txt(base).encode())
        if path == "/sitemap.xml":
            return _Response(200, _XML, pages.sitemap_xml(articles, base).encode())
        if path == "/rss.xml":
            return _Response(200, _RSS, pages.rss_feed(articles, base).encode())
        if path.startswith("/rss/") and path.endswith(".rss"):
            feed = pages.rss_feed(articles, base, path[len("/rss/") : -len(".rss")])
            return None if feed is None else _Response(200, _RSS, feed.encode())
        page = _page_number(query)
        html = pages.listing_page(path[1:], page, articles, base) if page is not None else None
        return None if html is None else _Response(200, _HTML, html.encode())

    def _respond_family(self, path: str, key: str) -> _Response:
        site = self.site
        gone = self._gone.get(key)
        if gone == 301:
            return _Response(301, site.html_type, b"", location=self.base_url + "/")
        if gone:
            return replace(self._not_found_response(), status=gone)
        static = site.static(path)
        if static is not None:
            return _Response(200, *static)
        response = self._cache.get(key)
        if response is None:
            response = self._render_family(key)
            if response is None:
                return self._not_found_response()
            self._cache[key] = response
        return response

    def _render_family(self, key: str) -> _Response | None:
        site, base, articles = self.site, self.base_url, self.articles
        article = self._by_path.get(key)
        if article is not None:
            body = site.encode(site.article_page(article, articles, base))
            modified = self._modified.get(key)
            last_modified = format_datetime(modified, usegmt=True) if modified else _http_date(article.published)
            etag = '"' + hashlib.sha1(repr(article).encode()).hexdigest()[:16] + '"'
            return _Response(200, site.html_type, body, last_modified, etag)
        rendered = site.render(key, articles, base)
        return None if rendered is None else _Response(200, *rendered)

    def _not_found_response(self) -> _Response:
        if self._not_found is None:
            if self.site is None:
                html = pages.not_found_page(self.articles, self.base_url)
                self._not_found = _Response(404, _HTML, html.encode())
            else:
                body = self.site.encode(self.site.not_found_page(self.articles, self.base_url))
                self._not_found = _Response(404, self.site.html_type, body)
        return self._not_found


def _page_number(query: str) -> int | None:
    """The listing page asked for: 1 without ``page``, None if it is not a number."""
    values = parse_qs(query).get("page")
    if not values:
        return 1
    try:
        return int(values[0])
    except ValueError:
        return None


def _not_modified(response: _Response, headers) -> bool:
    """Whether a conditional request's validators still match ``response``."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match and response.etag:
        return response.etag in [tag.strip() for tag in if_none_match.split(",")]
    if_modified_since = headers.get("If-Modified-Since")
    if if_modified_since and response.last_modified:
        try:
            return parsedate_to_datetime(response.last_modified) <= parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
    return False


def _http_date(published: datetime) -> str:
    """HTTP date (GMT) of a naive Vietnam-time moment."""
    return format_datetime(published.replace(tzinfo=pages.VIETNAM_TZ).astimezone(timezone.utc), usegmt=True)


class _PortalHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], portal: DemoPortal,
                 handler: type[BaseHTTPRequestHandler] | None = None):
        self.portal = portal
        super().__init__(address, handler or _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's FQDN, which can stall
        # for seconds on a machine without DNS; we never need it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class _Handler(BaseHTTPRequestHandler):
    server: _PortalHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "vnPortal-demo/1.0"
    sys_version = ""
    timeout = 30

    def do_GET(self) -> None:
        self._send(with_body=True)

    def do_HEAD(self) -> None:
        self._send(with_body=False)

    def _send(self, with_body: bool) -> None:
        portal = self.server.portal
        with portal._counter_lock:
            portal.requests[self.path] += 1
            portal.in_flight += 1
            portal.max_in_flight = max(portal.max_in_flight, portal.in_flight)
        try:
            if portal.response_delay:
                time.sleep(portal.response_delay)
            self._write(portal._respond(self.path), with_body)
        finally:
            with portal._counter_lock:
                portal.in_flight -= 1

    def _write(self, response: _Response, with_body: bool) -> None:
        """Send ``response``, or 304 when the request's validators still match it."""
        if response.status == 200 and _not_modified(response, self.headers):
            self.send_response(304)
            for name, value in (("Last-Modified", response.last_modified), ("ETag", response.etag)):
                if value:
                    self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in (("Last-Modified", response.last_modified), ("ETag", response.etag),
                            ("Location", response.location), *response.headers):
            if value:
                self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args) -> None:
        """Stay quiet: a crawl makes thousands of requests."""
