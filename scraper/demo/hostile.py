"""The demo portal's hostile mode: the vnPortal site with the faults real
portals throw at crawlers, each switched on by name, so that the real
``govnews crawl`` can be tested against them.

    with HostilePortal({"calendar", "tarpit"}) as portal:
        crawl(["demo-hostile"], db, base_url=portal.base_url)   # scraper.crawl.crawl
        assert len(portal.trap_requests("calendar")) < 50

The site holds 32 good articles (``build_articles(per_category=8)``: one
listing page per category). Every fault is reachable from the category
listings: fault articles appear on page 1 of a category's listing like
normal ones (never in /kinh-te, the category robots-disallow shuts), and the
calendar and language links are on every listing page. ``traps[name]`` (a
``Trap``) tells a test what a fault added; ``log`` holds every request with
its time and status, ``requests`` counts them per target.

Faults (``FAULTS``; "all" switches on every one):

robots-disallow         robots.txt disallows /kinh-te/, the articles of one category;
                        ``set_robots(text)`` replaces robots.txt between two crawls.
robots-500              /robots.txt answers 500, every time (robots-disallow then never shows).
calendar                every listing page links to an events calendar,
                        /lich-cong-tac?thang=2024-01, whose month pages link to the months before
                        and after (forever, both ways) and to each day, /lich-cong-tac?ngay=2024-01-10,
                        whose pages link to the days around them; all carry the site's sidebars
                        of latest articles.
calendar-article-urls   the same calendar with day pages at article-shaped URLs,
                        /lich-cong-tac/ngay-20240110.html: a schedule grid, no prose.
session-path            every link of every page carries a session id, fresh on each response,
                        ASP.NET cookieless style: /(S(<24 chars>))/kinh-te; any (S(...)) prefix is
                        accepted. Pages carry no canonical URL (nor og:url).
session-path-canonical  session-path (switched on with it), but pages keep their canonical URL.
session-query           every link carries ";jsessionid=<id>" and "sid=<id>", fresh on each
                        response and ignored on the way in; no canonical URL either.
infinite-pagination     /<category>?page=N answers 200 for every N >= 1 with a "next" link to N+1;
                        pages past the end repeat the last real page's articles.
many-links              an article whose attachment list holds ``link_count`` (16000) document
                        links, /Uploads/vanban/qd-<i>.pdf (the documents themselves are not served).
canonical-home          every article page names the home page as its canonical URL.
huge-pages              ``huge_count`` (3) articles of about ``huge_page_bytes`` (19 MB, under the
                        crawler's 20 MiB cap) each: tens of thousands of varied paragraphs.
redirect-loop           an article link redirecting to itself, and a pair redirecting to each other.
offsite-redirect        an article link redirecting to ``OFFSITE_URL`` (http://other-host.example/...).
home-redirect           an article link (new to any crawler) that 301-redirects to the home page.
retry-after             four articles answering 429 (two) or 503 (two) with Retry-After:
                        ``retry_after`` (2) to their first request, 200 afterwards.
script-in-title         an article whose <h1> is ``SCRIPT_TITLE`` (script element included; its
                        title is ``SCRIPT_TITLE_CLEAN``), with script and style in its body.
binary-garbage          an article-shaped URL serving 300 KB of random bytes as text/html.
tarpit                  an article that sends its headers, then one byte a second until the client
                        leaves or the portal stops.
reset                   an article whose connection is reset (RST) before any response.
5xx-burst               articles answering 500, 502 and 503 to their first ``burst`` (5)
                        requests, then 200.
gzip-bomb               an article sent with Content-Encoding: gzip: about 1 MB that inflates to
                        ``bomb_bytes`` (1 GiB) of zeros.
language-loop           listing pages link to "/en" + their own address, and /en/en/.../<path>
                        answers with the page of <path>: the links grow forever.

The TLS modes (``TLS_MODES``; at most one, never part of "all") serve the
whole portal over HTTPS, with certificates made at run time for 127.0.0.1 and
localhost; ``ca_file`` is the PEM file a client would have to trust:

tls-self-signed         a self-signed certificate (``ca_file`` is that certificate).
tls-incomplete-chain    a leaf signed by an intermediate CA the server does not send: a client
                        trusting ``ca_file`` (the root CA) still cannot verify it.
tls-valid-chain         the leaf and its intermediate, under the same root CA: verified by a
                        client trusting ``ca_file``.
tls-legacy              TLS 1.0 only, at OpenSSL security level 0, with a self-signed RSA
                        certificate: OpenSSL 3 clients refuse it by default (a site's tls: legacy).
tls-weak-dh             TLS 1.2 with only DHE ciphers over a 1024-bit group (RFC 2409's second
                        Oakley group) and a self-signed RSA certificate: refused as "dh key too small".

The site modes (``SITE_MODES``; never part of "all") change the whole site:

https-links             every on-site link is absolute and says https (https://127.0.0.1:<port>/...), in
                        pages, sitemaps, feeds and robots.txt, while the portal speaks plain HTTP
                        only (a site's http_only).
denied-403              every page but robots.txt answers 403 with a block page
                        ("Thông báo từ chối truy cập", as mae.gov.vn's).
denied-page             every page but robots.txt answers 200 with that block page.
denied-articles         two of the good articles (``denied_paths``) answer 200 with the block page.
javascript-only         every page but robots.txt is the empty shell of an app that renders with
                        JavaScript: a root element, a script, a noscript asking for JavaScript.
"""

from __future__ import annotations

import atexit
import base64
import functools
import hashlib
import ipaddress
import itertools
import os
import random
import re
import shutil
import socket
import ssl
import struct
import sys
import tempfile
import threading
import time
import warnings
import zlib
from calendar import monthrange
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from html import escape
from http import HTTPStatus
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import pages
from .content import CATEGORIES, CATEGORY_NAMES, PAGE_SIZE, DemoArticle, articles_in_category, build_articles, slugify
from .server import _HTML, _RSS, _TEXT, _XML, DemoPortal, _Handler, _http_date, _not_modified, _page_number, _PortalHTTPServer, _Response

FAULTS = (
    "robots-disallow", "robots-500", "calendar", "calendar-article-urls", "session-path",
    "session-path-canonical", "session-query", "infinite-pagination", "many-links", "canonical-home",
    "huge-pages", "redirect-loop", "offsite-redirect", "home-redirect", "retry-after", "script-in-title",
    "binary-garbage", "tarpit", "reset", "5xx-burst", "gzip-bomb", "language-loop",
)
TLS_MODES = ("tls-self-signed", "tls-incomplete-chain", "tls-valid-chain", "tls-legacy", "tls-weak-dh")
SITE_MODES = ("https-links", "denied-403", "denied-page", "denied-articles", "javascript-only")

# The hostile site names itself by its registry domain (site demo-hostile),
# as the default site names itself sonla-demo.gov.vn (site demo-vnportal).
CANONICAL_BASE = "https://hostile-demo.gov.vn"
DISALLOWED_CATEGORY = "kinh-te"
CALENDAR_PATH = "/lich-cong-tac"
CALENDAR_START = "2024-01"  # the month listings link to
SCRIPT_TITLE = "Tiêu đề <script>alert(28)</script> bài viết"
SCRIPT_TITLE_CLEAN = "Tiêu đề bài viết"
# Text of the script-in-title article's scripts and style: it belongs in no field of the archive.
SCRIPT_TEXTS = ("alert(28)", "document.write", "font-family")
OFFSITE_URL = "http://other-host.example/tin-tuc/bai-viet-da-chuyen-1000999.html"
TARPIT_INTERVAL = 1.0  # seconds between two bytes of the tarpit
GARBAGE_BYTES = 300 * 1024

_SESSION_FAULTS = {"session-path", "session-query"}
_CALENDAR_FAULTS = {"calendar", "calendar-article-urls"}
# Faults whose articles are real articles (served whole sooner or later): a sound crawl archives them.
_REAL_ARTICLE_FAULTS = {"many-links", "huge-pages", "retry-after", "script-in-title", "5xx-burst"}
# Fault articles go on the listings of these categories in turn, never on the disallowed one.
_FAULT_CATEGORIES = tuple(slug for slug, _ in CATEGORIES if slug != DISALLOWED_CATEGORY)
_FIRST_FAULT_ID = 1_000_001
_FIRST_HUGE_ID = 1_000_101

# (fault, title, lead) of every fault article; huge-pages articles come from _HUGE_TITLE.
_FAULT_ARTICLES = (
    ("many-links", "Công bố danh mục văn bản quy phạm pháp luật của HĐND, UBND tỉnh hết hiệu lực",
     "UBND tỉnh công bố danh mục văn bản quy phạm pháp luật hết hiệu lực toàn bộ hoặc một phần, "
     "kèm toàn văn từng văn bản để tổ chức, công dân tiện tra cứu."),
    ("retry-after", "Hội nghị trực tuyến triển khai nhiệm vụ phát triển kinh tế - xã hội quý III",
     "Hội nghị được kết nối trực tuyến tới 12 huyện, thành phố và 200 xã, phường, thị trấn trong tỉnh."),
    ("retry-after", "Tỉnh đón đoàn công tác của Bộ Nông nghiệp và Phát triển nông thôn",
     "Đoàn công tác làm việc về tiến độ xây dựng vùng nguyên liệu cây ăn quả tập trung."),
    ("retry-after", "Khai mạc lớp bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ cơ sở",
     "Lớp bồi dưỡng kéo dài 5 ngày với sự tham gia của 120 học viên là cán bộ cấp xã."),
    ("retry-after", "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới",
     "Hàng nghìn đoàn viên, thanh niên và người dân tham gia thu gom rác thải tại các khu dân cư."),
    ("5xx-burst", "Kiểm tra công tác phòng, chống cháy rừng tại các huyện vùng cao",
     "Đoàn kiểm tra yêu cầu các địa phương duy trì lực lượng trực 24/24 giờ trong cao điểm nắng nóng."),
    ("5xx-burst", "Trao tặng 120 suất quà cho học sinh có hoàn cảnh khó khăn",
     "Mỗi suất quà gồm xe đạp, sách vở và đồ dùng học tập trị giá 2 triệu đồng."),
    ("5xx-burst", "Đẩy mạnh tiêu thụ nông sản qua sàn thương mại điện tử",
     "Nhiều hợp tác xã đã đưa sản phẩm OCOP lên các sàn thương mại điện tử lớn trong nước."),
    ("script-in-title", SCRIPT_TITLE,
     "Bài viết có tiêu đề chứa đoạn mã do trình soạn thảo của cổng chèn vào."),
    ("redirect-loop", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo UBND tỉnh",
     "Lãnh đạo UBND tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân tỉnh."),
    ("redirect-loop", "Thông báo tuyển dụng viên chức sự nghiệp giáo dục năm học mới",
     "Chỉ tiêu tuyển dụng gồm giáo viên mầm non, tiểu học và trung học cơ sở."),
    ("redirect-loop", "Kết quả xét tuyển viên chức sự nghiệp giáo dục vòng 1",
     "Hội đồng tuyển dụng thông báo danh sách thí sinh đủ điều kiện dự vòng 2."),
    ("offsite-redirect", "Hướng dẫn hồ sơ đề nghị hỗ trợ phát triển sản xuất nông nghiệp",
     "Bài viết đã được chuyển sang trang thông tin điện tử của sở chuyên ngành."),
    ("home-redirect", "Thông cáo báo chí về kết quả kỳ họp chuyên đề",
     "Thông cáo nêu các nghị quyết được thông qua tại kỳ họp chuyên đề."),
    ("binary-garbage", "Tài liệu hội nghị tổng kết công tác cải cách hành chính",
     "Toàn văn tài liệu phục vụ hội nghị tổng kết công tác cải cách hành chính năm."),
    ("tarpit", "Danh sách cơ sở sản xuất đạt chuẩn an toàn thực phẩm",
     "Danh sách được cập nhật sau đợt kiểm tra liên ngành cuối năm."),
    ("reset", "Kế hoạch tổ chức hội thi tay nghề cấp tỉnh",
     "Hội thi dành cho học sinh, sinh viên các cơ sở giáo dục nghề nghiệp trên địa bàn."),
    ("gzip-bomb", "Báo cáo số liệu thống kê kinh tế - xã hội tháng 6",
     "Báo cáo tổng hợp các chỉ tiêu chủ yếu về sản xuất, thương mại và thu ngân sách."),
)
_HUGE_TITLE = "Tổng hợp ý kiến, kiến nghị của cử tri gửi tới kỳ họp thứ {number} HĐND tỉnh"
_HUGE_LEAD = "Báo cáo tổng hợp đầy đủ ý kiến, kiến nghị của cử tri các huyện, thành phố gửi tới kỳ họp."
_RETRY_AFTER_STATUSES = (429, 503)
_BURST_STATUSES = (500, 502, 503)

# A day's schedule on the events calendar: time, business, who chairs, where.
_SCHEDULE = (
    ("07:30", "Giao ban Thường trực UBND tỉnh", "Chủ tịch UBND tỉnh", "Phòng họp số 1, UBND tỉnh"),
    ("08:00", "Tiếp công dân định kỳ", "Phó Chủ tịch UBND tỉnh", "Trụ sở Tiếp công dân tỉnh"),
    ("09:00", "Làm việc với Sở Kế hoạch và Đầu tư", "Phó Chủ tịch Thường trực", "Phòng họp số 2"),
    ("14:00", "Họp Ban Chỉ đạo chuyển đổi số", "Chủ tịch UBND tỉnh", "Hội trường UBND tỉnh"),
    ("15:00", "Kiểm tra tiến độ dự án giao thông", "Phó Chủ tịch UBND tỉnh", "Huyện Mai Sơn"),
    ("16:30", "Duyệt nội dung trình kỳ họp HĐND", "Chủ tịch UBND tỉnh", "Phòng họp số 3"),
)
_WEEKDAY_HEADS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

_SESSION_PREFIX = re.compile(r"^/\(S\([^)/]*\)\)(?=/)")
_JSESSIONID = re.compile(r";jsessionid=[^/?#;]*", re.I)
_LANGUAGE_PREFIX = re.compile(r"^(?:/en(?=/|$))+")
_SESSION_QUERY = re.compile(r";jsessionid=|[?&]sid=", re.I)
_ON_SITE_LINK = re.compile(r'(\s(?:href|action)=")(/(?!/)[^"?#]*)(\?[^"#]*)?(#[^"]*)?"')
_CANONICAL_LINK = re.compile(r'<link rel="canonical" href="[^"]*">\n')
_OG_URL = re.compile(r'<meta property="og:url" content="[^"]*">\n')
_PAGINATION = re.compile(r'<div class="pagination">.*?</div>', re.S)
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY_PAGE = re.compile(r"/lich-cong-tac/ngay-(\d{4})(\d{2})(\d{2})\.html")

_TARPIT_HTML = b"<!DOCTYPE html>\n<html lang=\"vi\"><head><title>\xc4\x90ang t\xe1\xba\xa3i...</title></head><body>\n"
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no mtime, unknown OS
_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a last, empty fixed-Huffman deflate block
_BOMB_SEGMENT = 1 << 20
_TEXTS = (_HTML, _XML, _RSS, _TEXT)  # what https-links rewrites
_BLOCK_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thông báo từ chối truy cập</title></head>
<body><div class="block-page"><h1>Thông báo từ chối truy cập</h1>
<p>Yêu cầu của bạn đã bị hệ thống bảo vệ từ chối.</p>
<p>Nếu bạn cho rằng đây là nhầm lẫn, vui lòng liên hệ quản trị viên và cung cấp mã sự cố: 4f1c-29a7.</p>
</div></body></html>
""".encode()
_APP_SHELL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin điện tử</title>
<link rel="stylesheet" href="/static/css/main.8c1f.css"><script defer src="/static/js/main.3f2a.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>
""".encode()


class Hit(NamedTuple):
    """One request as the portal saw it."""

    time: float  # time.monotonic() when it arrived
    method: str
    target: str  # as sent: path and query, session ids included
    status: int | None  # None: the connection was reset without an answer
    headers: dict[str, str]


@dataclass(frozen=True)
class Trap:
    """What one fault adds to the site, for tests to assert on."""

    name: str
    links: tuple[str, ...]  # where the listings send a crawler into the fault (without session ids)
    matches: Callable[[str], bool] = field(repr=False, compare=False)  # whether a request target is the fault's
    prefix: str | None = None  # the path every page of the fault starts with, if one does
    articles: tuple[DemoArticle, ...] = ()  # real articles it serves: a sound crawl archives them
    statuses: dict[str, int] = field(default_factory=dict)  # path -> the status of its first answers


class _Stall(Enum):
    """Answers the request handler plays out itself instead of sending a response."""

    TARPIT = "tarpit"
    RESET = "reset"


def parse_faults(faults: Iterable[str] | str) -> frozenset[str]:
    """Fault names from a list or a comma-separated text; "all" is every one of ``FAULTS``.

    ValueError names an unknown fault, or more than one TLS mode.
    """
    names = faults.split(",") if isinstance(faults, str) else list(faults)
    chosen: set[str] = set()
    for name in (name.strip() for name in names):
        if name == "all":
            chosen.update(FAULTS)
        elif name in FAULTS or name in TLS_MODES or name in SITE_MODES:
            chosen.add(name)
        elif name:
            raise ValueError(f"unknown fault {name!r} (known: all, {', '.join(FAULTS + TLS_MODES + SITE_MODES)})")
    if len(chosen.intersection(TLS_MODES)) > 1:
        raise ValueError(f"at most one TLS mode, not {', '.join(sorted(chosen.intersection(TLS_MODES)))}")
    if "session-path-canonical" in chosen:
        chosen.add("session-path")
    return frozenset(chosen)


class HostilePortal(DemoPortal):
    """The vnPortal demo site with ``faults`` switched on.

    ``faults``: names of ``FAULTS``, ``SITE_MODES`` and at most one of ``TLS_MODES``, or
    "all", as a list or a comma-separated text. ``articles`` are the good
    articles (default: 8 per category). The keyword arguments size the faults.
    """

    def __init__(self, faults: Iterable[str] | str = (), articles: list[DemoArticle] | None = None, *,
                 link_count: int = 16_000, huge_count: int = 3, huge_page_bytes: int = 19_000_000,
                 burst: int = 5, retry_after: int = 2, bomb_bytes: int = 1 << 30):
        super().__init__(build_articles(per_category=8) if articles is None else articles)
        self.faults = parse_faults(faults)
        self.link_count = link_count
        self.huge_count = huge_count
        self.huge_page_bytes = huge_page_bytes
        self.burst = burst
        self.retry_after = retry_after
        self.bomb_bytes = bomb_bytes
        self.log: list[Hit] = []
        self._served: Counter[str] = Counter()  # path, session ids and /en dropped -> requests
        self._robots: str | None = None
        self._closing = threading.Event()  # set by stop(): tarpits let go
        self._build_lock = threading.Lock()
        fault_articles = _fault_articles(self.faults, huge_count)
        self._routes = {article.path: (fault, article) for fault, article in fault_articles}
        self._first_status = _first_statuses(fault_articles)
        self._redirects = _redirect_targets(fault_articles)
        self.tls = next((name for name in TLS_MODES if name in self.faults), None)
        self.ca_file: Path | None = None
        self._tls_context: ssl.SSLContext | None = None
        if self.tls:
            self._tls_context, self.ca_file = _tls_context(self.tls)
        self.traps = self._build_traps(fault_articles)
        # the good articles answered with a block page (denied-articles)
        self.denied_paths = [article.path for article in self.articles[:2]] if "denied-articles" in self.faults else []

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"

    @property
    def good_paths(self) -> list[str]:
        """The paths of the good articles, the ones a crawl should archive besides the traps' ``articles``."""
        return [article.path for article in self.articles]

    @property
    def listing_paths(self) -> list[str]:
        """The real listing pages: pages 1 to the last of every category."""
        return [f"/{slug}" if number == 1 else f"/{slug}?page={number}"
                for slug, _ in CATEGORIES for number in range(1, self._page_count(slug) + 1)]

    def trap_requests(self, name: str) -> list[Hit]:
        """The logged requests that went to fault ``name``."""
        matches = self.traps[name].matches
        return [hit for hit in self.log if matches(hit.target)]

    def set_robots(self, text: str | None) -> None:
        """Serve ``text`` as robots.txt from now on; None brings back the portal's own."""
        self._robots = text

    def robots_txt(self) -> str:
        """The portal's own robots.txt: the sonla one, shutting /kinh-te/ under robots-disallow."""
        text = pages.robots_txt(self.base_url)
        if "robots-disallow" in self.faults:
            text = text.replace("Disallow: /tim-kiem\n", f"Disallow: /tim-kiem\nDisallow: /{DISALLOWED_CATEGORY}/\n")
        return text

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._closing.clear()
        return super().start(host, port)

    def stop(self) -> None:
        self._closing.set()
        super().stop()

    def _make_server(self, address: tuple[str, int]) -> _HostileHTTPServer:
        return _HostileHTTPServer(address, self)

    # ---------------------------------------------------------------- requests

    def _reply(self, method: str, target: str, headers) -> _Response | _Stall:
        """Count and log a request, and decide its answer."""
        arrived = time.monotonic()
        shown, path, query = self._resolve(target)
        with self._counter_lock:
            self.requests[target] += 1
            self._served[path] += 1
            nth = self._served[path]
        reply = self._answer(shown, path, query, nth)
        if "https-links" in self.faults and isinstance(reply, _Response) and reply.content_type in _TEXTS:
            https = "https" + self.base_url[len("http"):]
            text = reply.body.decode(errors="replace").replace(self.base_url, https)  # sitemaps, feeds, robots.txt
            if reply.content_type == _HTML:
                text = _ON_SITE_LINK.sub(lambda link: f'{link[1]}{https}{link[0][len(link[1]):]}', text)
            reply = replace(reply, body=text.encode())
        if isinstance(reply, _Response):
            status = 304 if reply.status == 200 and _not_modified(reply, headers) else reply.status
        else:
            status = 200 if reply is _Stall.TARPIT else None
        with self._counter_lock:
            self.log.append(Hit(arrived, method, target, status, dict(headers)))
        return reply

    def _resolve(self, target: str) -> tuple[str, str, str]:
        """(shown, path, query) of ``target``, session ids dropped (when a session fault is on).

        ``shown`` keeps language-loop's /en prefixes, ``path`` goes without them.
        """
        url = urlsplit(target)
        path, query = url.path, url.query
        if "session-path" in self.faults:
            path = _SESSION_PREFIX.sub("", path)
        if "session-query" in self.faults:
            path = _JSESSIONID.sub("", path)
            query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "sid"])
        shown = path + (f"?{query}" if query else "")
        if "language-loop" in self.faults:
            path = _LANGUAGE_PREFIX.sub("", path) or "/"
        return shown, path, query

    def _answer(self, shown: str, path: str, query: str, nth: int) -> _Response | _Stall:
        if path == "/robots.txt":
            if "robots-500" in self.faults:
                return _error(500)
            return _Response(200, _TEXT, (self.robots_txt() if self._robots is None else self._robots).encode())
        if self.faults & {"denied-403", "denied-page"} or path in self.denied_paths:
            return _Response(403 if "denied-403" in self.faults else 200, _HTML, _BLOCK_PAGE)
        if "javascript-only" in self.faults:
            return _Response(200, _HTML, _APP_SHELL)
        route = self._routes.get(path)
        if route is not None:
            fault, article = route
            special = self._fault_answer(fault, article, nth)
            return special if special is not None else self._with_session_ids(self._fault_page(fault, article))
        if self.faults & _CALENDAR_FAULTS and (path == CALENDAR_PATH or path.startswith(CALENDAR_PATH + "/")):
            return self._with_session_ids(self._calendar(path, query))
        listing = path[1:] in CATEGORY_NAMES
        if listing and "infinite-pagination" in self.faults:
            response = self._endless_listing(path, query)
        else:
            response = self._respond(path + (f"?{query}" if query else ""))
        if response.content_type != _HTML or not response.body:
            return response
        html = self._canonical(response.body.decode(), article=path in self._by_path)
        if listing and response.status == 200:
            html = self._listing_extras(html, path[1:], _page_number(query), shown)
        return self._with_session_ids(replace(response, body=html.encode()))

    # ---------------------------------------------------------------- fault articles

    def _fault_answer(self, fault: str, article: DemoArticle, nth: int) -> _Response | _Stall | None:
        """The fault's answer to the ``nth`` request for ``article``; None: the article page itself."""
        path = article.path
        if fault == "retry-after" and nth == 1:
            return _error(self._first_status[path], (("Retry-After", str(self.retry_after)),))
        if fault == "5xx-burst" and nth <= self.burst:
            return _error(self._first_status[path])
        if fault == "redirect-loop":
            return _Response(302, _HTML, b"", location=self.base_url + self._redirects[path])
        if fault == "offsite-redirect":
            return _Response(302, _HTML, b"", location=OFFSITE_URL)
        if fault == "home-redirect":
            return _Response(301, _HTML, b"", location=self.base_url + "/")
        if fault == "binary-garbage":
            return _Response(200, _HTML, _garbage())
        if fault == "gzip-bomb":
            return _Response(200, _HTML, gzip_bomb(self.bomb_bytes), headers=(("Content-Encoding", "gzip"),))
        if fault == "tarpit":
            return _Stall.TARPIT
        if fault == "reset":
            return _Stall.RESET
        return None

    def _fault_page(self, fault: str, article: DemoArticle) -> _Response:
        """The page of a real fault article, rendered once (until the portal changes)."""
        with self._build_lock:
            response = self._cache.get(article.path)
            if response is None:
                html = self._canonical(self._fault_html(fault, article), article=True)
                etag = '"' + hashlib.sha1(repr(article).encode()).hexdigest()[:16] + '"'
                response = _Response(200, _HTML, html.encode(), _http_date(article.published), etag)
                self._cache[article.path] = response
        return response

    def _fault_html(self, fault: str, article: DemoArticle) -> str:
        html = pages.article_page(article, [*self.articles, article], self.base_url)
        if fault == "huge-pages":
            byline = html.index('<p style="text-align: right;"><strong>', html.index('<div class="news-content"'))
            html = html[:byline] + self._huge_paragraphs(article, self.huge_page_bytes - len(html.encode())) + html[byline:]
        elif fault == "many-links":
            items = "\n".join(f'<li><a href="/Uploads/vanban/qd-{number}.pdf">Quyết định số {number}/QĐ-UBND</a></li>'
                              for number in range(1, self.link_count + 1))
            attachments = f'<div class="file-dinh-kem"><strong>Văn bản đính kèm:</strong><ul>\n{items}\n</ul></div>\n'
            html = html.replace('<div class="news-tools">', attachments + '<div class="news-tools">', 1)
        elif fault == "script-in-title":
            html = html.replace(f'<h1 class="news-title">{escape(SCRIPT_TITLE)}</h1>',
                                f'<h1 class="news-title">{SCRIPT_TITLE}</h1>', 1)
            start = html.index('<div class="news-content" id="news-content">\n')
            head, body = html[:start], html[start:]
            body = body.replace("\n", "\n" + _BODY_STYLE + "\n", 1).replace("</p>\n", "</p>\n" + _BODY_SCRIPT + "\n", 1)
            html = head + body
        return html

    @staticmethod
    def _huge_paragraphs(article: DemoArticle, size: int) -> str:
        """About ``size`` bytes of body paragraphs, each two paragraphs of the pool in a row."""
        pool = _escaped_pool()
        rng = random.Random(article.id)
        paragraphs, total = [], 0
        while total < size:
            paragraph = f'<p style="text-align: justify;">{rng.choice(pool)} {rng.choice(pool)}</p>\n'
            paragraphs.append(paragraph)
            total += len(paragraph.encode())
        return "".join(paragraphs)

    # ---------------------------------------------------------------- listings

    def _page_count(self, slug: str) -> int:
        return max(1, -(-len(articles_in_category(self.articles, slug)) // PAGE_SIZE))

    def _endless_listing(self, path: str, query: str) -> _Response:
        """Listing page N for every N >= 1, the last real page's articles past the end."""
        slug, page = path[1:], _page_number(query)
        if page is None or page < 1:
            return self._not_found_response()
        page_count = self._page_count(slug)
        response = self._respond(f"{path}?page={min(page, page_count)}")
        if response.status != 200:
            return response
        pagination = _endless_pagination(slug, page, page_count)
        return replace(response, body=_PAGINATION.sub(lambda _: pagination, response.body.decode(), 1).encode())

    def _listing_extras(self, html: str, slug: str, page: int, shown: str) -> str:
        """Add the fault articles (page 1) and the calendar and language links to a listing page."""
        tools = []
        if self.faults & _CALENDAR_FAULTS:
            tools.append(f'<a class="calendar" href="{CALENDAR_PATH}?thang={CALENDAR_START}">Lịch công tác</a>')
        if "language-loop" in self.faults:
            tools.append(f'<a class="language" hreflang="en" href="{escape("/en" + shown)}">English</a>')
        if tools:
            html = html.replace('</h1>\n<div class="news-list">',
                                '</h1>\n<div class="category-tools">' + " ".join(tools) + '</div>\n<div class="news-list">', 1)
        listed = [article for _, article in self._routes.values() if article.category_slug == slug]
        if page == 1 and listed:
            items = "\n".join(pages.listing_item(article) for article in listed)
            html = html.replace('\n</div>\n<div class="pagination">', f'\n{items}\n</div>\n<div class="pagination">', 1)
        return html

    # ---------------------------------------------------------------- calendar

    def _calendar(self, path: str, query: str) -> _Response:
        """A month or a day of the events calendar; 404 for a date that is none."""
        day = month = None
        if path == CALENDAR_PATH:
            params = dict(parse_qsl(query))
            if "ngay" in params:
                day = _parse_day(params["ngay"])
            else:
                month = _parse_month(params.get("thang", CALENDAR_START))
        elif match := _DAY_PAGE.fullmatch(path):
            day = _parse_day("-".join(match.groups()))
        if day is None and month is None:
            return self._not_found_response()
        if month is not None:
            title, main = self._month_page(*month)
            shown = f"{CALENDAR_PATH}?thang={month[0]:04d}-{month[1]:02d}"
        else:
            title, main = self._day_page(day)
            shown = path if path != CALENDAR_PATH else f"{CALENDAR_PATH}?ngay={day.isoformat()}"
        html = pages.plain_page(self.articles, self.base_url, path=shown, title=title, main=main)
        return _Response(200, _HTML, self._canonical(html, article=False).encode())

    def _month_page(self, year: int, month: int) -> tuple[str, str]:
        before = (year, month - 1) if month > 1 else (year - 1, 12)
        after = (year, month + 1) if month < 12 else (year + 1, 1)
        nav = [f'<a class="{kind}" href="{CALENDAR_PATH}?thang={other[0]:04d}-{other[1]:02d}">{label}</a>'
               for kind, other, label in (("prev", before, "« Tháng trước"), ("next", after, "Tháng sau »"))
               if 1 <= other[0] <= 9999]
        cells = ["<td></td>"] * date(year, month, 1).weekday()
        for number in range(1, monthrange(year, month)[1] + 1):
            day = date(year, month, number)
            cells.append("<td>" + " ".join(f'<a href="{href}">{day.day}</a>' for href in self._day_links(day)) + "</td>")
        rows = ["<tr>" + "".join(cells[i : i + 7]) + "</tr>" for i in range(0, len(cells), 7)]
        heads = "".join(f"<th>{head}</th>" for head in _WEEKDAY_HEADS)
        title = f"Lịch công tác tháng {month:02d}/{year:04d}"
        main = (f'<div class="col-main"><div class="lich-cong-tac">\n<h1 class="category-title">{title}</h1>\n'
                f'<div class="calendar-nav">{" ".join(nav)}</div>\n'
                f'<table class="calendar"><tr>{heads}</tr>\n' + "\n".join(rows) + "\n</table>\n</div></div>")
        return title, main

    def _day_page(self, day: date) -> tuple[str, str]:
        nav = []
        for step, label in ((-1, "« Ngày trước"), (1, "Ngày sau »")):
            try:
                other = day + timedelta(days=step)
            except OverflowError:
                continue
            nav.extend(f'<a href="{href}">{label}</a>' for href in self._day_links(other))
        nav.insert(len(nav) // 2, f'<a href="{CALENDAR_PATH}?thang={day:%Y-%m}">Cả tháng</a>')
        start = day.toordinal() % len(_SCHEDULE)
        entries = [_SCHEDULE[(start + i) % len(_SCHEDULE)] for i in range(3 + day.toordinal() % 3)]
        rows = "\n".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in entry) + "</tr>"
                         for entry in sorted(entries))
        title = f"Lịch công tác ngày {day:%d/%m/%Y}"
        main = (f'<div class="col-main"><div class="lich-cong-tac">\n<h1 class="category-title">{title}</h1>\n'
                f'<div class="calendar-nav">{" ".join(nav)}</div>\n'
                '<table class="schedule"><tr><th>Thời gian</th><th>Nội dung</th><th>Chủ trì</th><th>Địa điểm</th></tr>\n'
                f"{rows}\n</table>\n</div></div>")
        return title, main

    def _day_links(self, day: date) -> list[str]:
        """The address(es) the calendar links a day by: query form, article-shaped, or both."""
        links = []
        if "calendar" in self.faults:
            links.append(f"{CALENDAR_PATH}?ngay={day.isoformat()}")
        if "calendar-article-urls" in self.faults:
            links.append(f"{CALENDAR_PATH}/ngay-{day:%Y%m%d}.html")
        return links

    # ---------------------------------------------------------------- every page

    def _canonical(self, html: str, article: bool) -> str:
        """The page's canonical URL and og:url as the faults want them."""
        html = html.replace(f'<link rel="canonical" href="{pages.CANONICAL_BASE}',
                            f'<link rel="canonical" href="{CANONICAL_BASE}', 1)
        html = html.replace(f'<meta property="og:url" content="{pages.CANONICAL_BASE}',
                            f'<meta property="og:url" content="{CANONICAL_BASE}', 1)
        if article and "canonical-home" in self.faults:
            return _CANONICAL_LINK.sub(f'<link rel="canonical" href="{CANONICAL_BASE}/">\n', html, 1)
        if self.faults & _SESSION_FAULTS and "session-path-canonical" not in self.faults:
            return _OG_URL.sub("", _CANONICAL_LINK.sub("", html, 1), 1)
        return html

    def _with_session_ids(self, response: _Response) -> _Response:
        """``response`` with a fresh session id in every on-site link, under the session faults."""
        if not self.faults & _SESSION_FAULTS or response.content_type != _HTML or not response.body:
            return response
        session = base64.b32encode(os.urandom(15)).decode().lower()  # 24 characters, as ASP.NET's

        def with_session(link: re.Match) -> str:
            attribute, path, query, fragment = link[1], link[2], link[3] or "", link[4] or ""
            if "session-query" in self.faults:
                path += f";jsessionid={session}"
                query = f"{query}&amp;sid={session}" if query else f"?sid={session}"
            if "session-path" in self.faults:
                path = f"/(S({session})){path}"
            return f'{attribute}{path}{query}{fragment}"'

        return replace(response, body=_ON_SITE_LINK.sub(with_session, response.body.decode()).encode())

    # ---------------------------------------------------------------- what tests see

    def _build_traps(self, fault_articles: list[tuple[str, DemoArticle]]) -> dict[str, Trap]:
        traps = {}
        for name in sorted(self.faults.difference(TLS_MODES, SITE_MODES)):
            articles = tuple(article for fault, article in fault_articles if fault == name)
            paths = frozenset(article.path for article in articles)
            traps[name] = Trap(
                name=name,
                links=tuple(article.path for article in articles),
                matches=lambda target, paths=paths: self._resolve(target)[1] in paths,
                articles=articles if name in _REAL_ARTICLE_FAULTS else (),
                statuses={path: status for path, status in self._first_status.items() if path in paths},
            )
        special = {
            "robots-disallow": dict(prefix=f"/{DISALLOWED_CATEGORY}/", links=(),
                                    matches=lambda t: self._resolve(t)[1].startswith(f"/{DISALLOWED_CATEGORY}/")),
            "robots-500": dict(prefix="/robots.txt", links=(),
                               matches=lambda t: self._resolve(t)[1] == "/robots.txt"),
            "session-path": dict(prefix="/(S(", links=(), matches=lambda t: t.startswith("/(S(")),
            "session-path-canonical": dict(prefix="/(S(", links=(), matches=lambda t: t.startswith("/(S(")),
            "session-query": dict(links=(), matches=lambda t: bool(_SESSION_QUERY.search(t))),
            "infinite-pagination": dict(links=tuple(f"/{slug}?page={self._page_count(slug) + 1}" for slug, _ in CATEGORIES),
                                        matches=self._past_last_page),
            "canonical-home": dict(links=(), matches=lambda t: self._resolve(t)[1] in self._by_path),
            "language-loop": dict(prefix="/en/", links=tuple(f"/en/{slug}" for slug, _ in CATEGORIES),
                                  matches=lambda t: _LANGUAGE_PREFIX.match(self._resolve(t)[0]) is not None),
        }
        for name in _CALENDAR_FAULTS:
            special[name] = dict(prefix=CALENDAR_PATH, links=(f"{CALENDAR_PATH}?thang={CALENDAR_START}",),
                                 matches=lambda t: self._resolve(t)[1].startswith(CALENDAR_PATH))
        return {name: replace(trap, **special.get(name, {})) for name, trap in traps.items()}

    def _past_last_page(self, target: str) -> bool:
        """Whether ``target`` asks for a category listing page past its last real one."""
        _, path, query = self._resolve(target)
        page = _page_number(query)
        return path[1:] in CATEGORY_NAMES and page is not None and page > self._page_count(path[1:])


class _HostileHTTPServer(_PortalHTTPServer):
    """The portal's server, speaking TLS when the portal has a TLS mode."""

    portal: HostilePortal

    def __init__(self, address: tuple[str, int], portal: HostilePortal):
        super().__init__(address, portal, _HostileHandler)

    def serve_forever(self, poll_interval: float = 0.05) -> None:
        """Serve; ``stop`` returns within ``poll_interval`` (tests start and stop many portals)."""
        super().serve_forever(poll_interval)

    def finish_request(self, request, client_address) -> None:
        context = self.portal._tls_context
        if context is None:
            super().finish_request(request, client_address)
            return
        # the handshake happens here, in the request's own thread, not in the accepting one
        request.settimeout(_Handler.timeout)
        with context.wrap_socket(request, server_side=True) as tls_socket:
            super().finish_request(tls_socket, client_address)

    def handle_error(self, request, client_address) -> None:
        """Stay quiet about clients that hang up or refuse the certificate:
        this portal provokes both. Anything else is a bug worth a traceback."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _HostileHandler(_Handler):
    server: _HostileHTTPServer

    def _send(self, with_body: bool) -> None:
        portal = self.server.portal
        reply = portal._reply(self.command, self.path, self.headers)
        if reply is _Stall.RESET:
            self._reset()
        elif reply is _Stall.TARPIT:
            self._trickle(portal._closing)
        else:
            self._write(reply, with_body)

    def _reset(self) -> None:
        """Close with SO_LINGER 0: the kernel answers with RST, not FIN."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()  # it holds the socket open
        self.connection.close()

    def _trickle(self, closing: threading.Event) -> None:
        """Send the headers, then one byte a second until the client leaves or ``closing`` is set."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", _HTML)
        self.send_header("Connection", "close")
        self.end_headers()
        for byte in itertools.cycle(_TARPIT_HTML):
            if closing.wait(TARPIT_INTERVAL):
                return
            try:
                self.wfile.write(bytes((byte,)))
            except OSError:
                return


# ---------------------------------------------------------------- content of the faults

_BODY_STYLE = '<style type="text/css">.news-content p{font-family:"Times New Roman",serif;text-indent:24px}</style>'
_BODY_SCRIPT = ('<script type="text/javascript">document.write("<p>L\\u01b0\\u1ee3t xem: " + (window.viewCount || 0) '
                '+ "</p>"); if (window.debugPortal) { alert(28); }</script>')


def _fault_articles(faults: frozenset[str], huge_count: int) -> list[tuple[str, DemoArticle]]:
    """(fault, article) of every article the switched-on faults list, ids stable whatever is on."""
    table = [(_FIRST_FAULT_ID + index, fault, title, lead) for index, (fault, title, lead) in enumerate(_FAULT_ARTICLES)]
    table += [(_FIRST_HUGE_ID + number, "huge-pages", _HUGE_TITLE.format(number=number + 1), _HUGE_LEAD)
              for number in range(huge_count)]
    pool = _paragraph_pool()
    authors = sorted({article.author for article in _pool_articles()})
    chosen = []
    for position, (article_id, fault, title, lead) in enumerate(table):
        if fault not in faults:
            continue
        rng = random.Random(article_id)
        slug = _FAULT_CATEGORIES[position % len(_FAULT_CATEGORIES)]
        chosen.append((fault, DemoArticle(
            id=article_id,
            category_slug=slug,
            category_name=CATEGORY_NAMES[slug],
            slug=slugify(title),
            title=title,
            # older than every good article: they never push one off a listing's first page
            published=datetime(2022, 12, 31, 9, 0) - timedelta(days=position),
            lead=lead,
            source_marker=None,
            blocks=tuple(("p", text) for text in rng.sample(pool, 4)),
            author=rng.choice(authors),
        )))
    return chosen


def _first_statuses(fault_articles: list[tuple[str, DemoArticle]]) -> dict[str, int]:
    """Path -> the status a fault article answers first with (retries, bursts and redirects)."""
    statuses = {}
    kinds = {"retry-after": itertools.cycle(_RETRY_AFTER_STATUSES), "5xx-burst": itertools.cycle(_BURST_STATUSES)}
    for fault, article in fault_articles:
        if fault in kinds:
            statuses[article.path] = next(kinds[fault])
        elif fault in ("redirect-loop", "offsite-redirect"):
            statuses[article.path] = 302
        elif fault == "home-redirect":
            statuses[article.path] = 301
    return statuses


def _redirect_targets(fault_articles: list[tuple[str, DemoArticle]]) -> dict[str, str]:
    """redirect-loop: the first article redirects to itself, the next two to each other."""
    paths = [article.path for fault, article in fault_articles if fault == "redirect-loop"]
    if not paths:
        return {}
    itself, first, second = paths
    return {itself: itself, first: second, second: first}


@functools.cache
def _pool_articles() -> tuple[DemoArticle, ...]:
    """The 160-article portal, whose paragraphs and authors fault articles are made of."""
    return tuple(build_articles())


@functools.cache
def _paragraph_pool() -> tuple[str, ...]:
    return tuple(paragraph for article in _pool_articles() for paragraph in article.paragraphs)


@functools.cache
def _escaped_pool() -> tuple[str, ...]:
    return tuple(escape(paragraph) for paragraph in _paragraph_pool())


@functools.cache
def _garbage() -> bytes:
    return random.Random(GARBAGE_BYTES).randbytes(GARBAGE_BYTES)


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """A gzip member inflating to ``size`` zero bytes, about a thousandth of ``size`` long.

    One deflated MiB of zeros, ended by a full flush (byte-aligned, no
    reference to what came before), is repeated instead of deflating
    ``size`` bytes; only the CRC goes over them all.
    """
    whole, rest = divmod(size, _BOMB_SEGMENT)
    zeros = bytes(_BOMB_SEGMENT)
    crc = 0
    for _ in range(whole):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(zeros[:rest], crc)
    return b"".join((_GZIP_HEADER, _deflated_zeros(_BOMB_SEGMENT) * whole, _deflated_zeros(rest) if rest else b"",
                     _FINAL_EMPTY_BLOCK, struct.pack("<II", crc, size & 0xFFFFFFFF)))


def _deflated_zeros(count: int) -> bytes:
    """Raw deflate blocks (none of them final) of ``count`` zero bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(bytes(count)) + compressor.flush(zlib.Z_FULL_FLUSH)


def _error(status: int, headers: tuple[tuple[str, str], ...] = ()) -> _Response:
    phrase = HTTPStatus(status).phrase
    body = f"<!DOCTYPE html>\n<html><head><title>{status} {phrase}</title></head><body><h1>{phrase}</h1></body></html>\n"
    return _Response(status, _HTML, body.encode(), headers=headers)


def _endless_pagination(slug: str, page: int, page_count: int) -> str:
    """The pagination of listing page ``page``: the real pages, and always a next one."""
    def href(number: int) -> str:
        return f"/{slug}" if number == 1 else f"/{slug}?page={number}"

    links = [f'<a class="prev" href="{href(page - 1)}">Trang trước</a>'] if page > 1 else []
    for number in range(1, max(page, page_count) + 1):
        if number == page:
            links.append(f'<span class="current">{number}</span>')
        elif number <= page_count:
            links.append(f'<a href="{href(number)}">{number}</a>')
    links.append(f'<a class="next" href="{href(page + 1)}">Trang sau</a>')
    return '<div class="pagination">' + " ".join(links) + "</div>"


def _parse_month(text: str) -> tuple[int, int] | None:
    match = _MONTH.fullmatch(text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    return (year, month) if year >= 1 and 1 <= month <= 12 else None


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# ---------------------------------------------------------------- certificates


class _Certificates(NamedTuple):
    """PEM files of the TLS modes: a root CA, an intermediate, and leaves for 127.0.0.1 and localhost."""

    root_ca: Path
    leaf: Path  # signed by the intermediate
    chain: Path  # leaf, then intermediate
    leaf_key: Path
    self_signed: Path
    self_signed_key: Path


# RFC 2409 section 6.2: the second Oakley group (1024-bit MODP), generator 2, as DH parameters in PEM
_WEAK_DH_PARAMETERS = b"""-----BEGIN DH PARAMETERS-----
MIGHAoGBAP//////////yQ/aoiFowjTExmKLgNwc0SkCTgiKZ8x0Agu+pjsTmyJR
Sgh5jjQE3e+VGbPNOkMbMCsKbfJfFDdP4TVtbVHCReSFtXZiXn7G9ExC6aY37WsL
/1y29Aa37e44a/taiZ+lrp8kEXxLH+ZJKGZR7OZTgf//////////AgEC
-----END DH PARAMETERS-----
"""


def _tls_context(mode: str) -> tuple[ssl.SSLContext, Path]:
    """The server context of a TLS mode, and the certificate a client has to trust."""
    certificates = _certificates()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if mode in ("tls-legacy", "tls-weak-dh"):
        certificate = _legacy_certificate()
        context.load_cert_chain(certificate)
        with warnings.catch_warnings():  # TLS 1.0 is deprecated: serving it is the point
            warnings.simplefilter("ignore", DeprecationWarning)
            if mode == "tls-legacy":
                context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1
            else:
                context.maximum_version = ssl.TLSVersion.TLSv1_2
        if mode == "tls-legacy":
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
        else:
            context.set_ciphers("DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0")
            context.load_dh_params(certificate.with_name("dh1024.pem"))
        return context, certificate
    if mode == "tls-self-signed":
        context.load_cert_chain(certificates.self_signed, certificates.self_signed_key)
        return context, certificates.self_signed
    chain = certificates.leaf if mode == "tls-incomplete-chain" else certificates.chain
    context.load_cert_chain(chain, certificates.leaf_key)
    return context, certificates.root_ca


@functools.cache
def _certificates() -> _Certificates:
    """Make the certificates once per process, in a directory removed at exit."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.now(timezone.utc)

    def name(common_name: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "govnews offline portal"),
                          x509.NameAttribute(NameOID.COMMON_NAME, common_name)])

    def certificate(subject: str, key, issuer: str, issuer_key, ca: bool) -> x509.Certificate:
        usage = dict(digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
                     key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False)
        builder = (
            x509.CertificateBuilder()
            .subject_name(name(subject)).issuer_name(name(issuer)).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(**usage), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        )
        if not ca:
            builder = (builder
                       .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                                   x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                      critical=False)
                       .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False))
        return builder.sign(issuer_key, hashes.SHA256())

    def pem(*items) -> bytes:
        return b"".join(
            item.public_bytes(serialization.Encoding.PEM) if isinstance(item, x509.Certificate)
            else item.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
            for item in items)

    root_key, intermediate_key, leaf_key, self_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(4))
    root = certificate("govnews test root CA", root_key, "govnews test root CA", root_key, ca=True)
    intermediate = certificate("govnews test intermediate CA", intermediate_key, "govnews test root CA", root_key, ca=True)
    leaf = certificate("127.0.0.1", leaf_key, "govnews test intermediate CA", intermediate_key, ca=False)
    self_signed = certificate("127.0.0.1", self_key, "127.0.0.1", self_key, ca=False)

    directory = Path(tempfile.mkdtemp(prefix="govnews-tls-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    files = {"root_ca": pem(root), "leaf": pem(leaf), "chain": pem(leaf, intermediate), "leaf_key": pem(leaf_key),
             "self_signed": pem(self_signed), "self_signed_key": pem(self_key)}
    for stem, content in files.items():
        (directory / f"{stem}.pem").write_bytes(content)
    return _Certificates(**{stem: directory / f"{stem}.pem" for stem in files})


@functools.cache
def _legacy_certificate() -> Path:
    """A self-signed RSA certificate for 127.0.0.1 and localhost, its key in
    the same PEM file (DHE-RSA ciphers need an RSA key), beside the weak DH
    parameters (dh1024.pem); made once per process."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    now = datetime.now(timezone.utc)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "govnews offline portal"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    directory = Path(tempfile.mkdtemp(prefix="govnews-legacy-tls-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    (directory / "dh1024.pem").write_bytes(_WEAK_DH_PARAMETERS)
    path = directory / "legacy.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return path
