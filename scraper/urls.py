"""The one form of a URL that the crawler requests, remembers and stores.

Portals decorate their links with session ids (``;jsessionid=``, ASP.NET's
cookieless ``/(S(...))/`` segment, ``?PHPSESSID=``), tracking parameters and
fragments; each decoration makes one page look like endlessly many. Every
link goes through ``canonical_url`` before it is requested, so duplicates
fall to Scrapy's duplicate filter and stored URLs stay stable across runs.
``is_trap`` names URL shapes that only a loop produces (``/en/en/en/``).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

# Query parameters that name a session or a click, never the page.
_SESSION_PARAMS = re.compile(
    r"^(?:jsessionid|phpsessid|sid|sessid|sessionid|session_id|aspsessionid\w*|cfid|cftoken|"
    r"utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|zarsrc)$",
    re.I,
)
# Paging parameters at 0: the first page, the same as no parameter ("?pageindex=0"
# on vnPortal's article links). Not at 1: Drupal's ?page=1 is the second page.
_FIRST_PAGE = re.compile(r"^(?:page|pageindex|page_index|pagenum|pageno|trang|pg)=0$", re.I)
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#;]*", re.I)
_COOKIELESS_SEGMENT = re.compile(r"/\([A-Z]\([^)/]*\)\)(?=/|$)")  # ASP.NET /(S(abc))/ and /(A(...))/
_DEFAULT_DOCUMENT = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?|jsp)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}

MAX_URL_LENGTH = 2000
MAX_SEGMENT_REPEATS = 3  # /en/en/en/ : a segment this many times in a row is a loop
MAX_PATH_SEGMENTS = 25


def canonical_url(url: str) -> str:
    """``url`` without session ids, tracking parameters, a paging parameter
    at 0, fragment, default port, dot segments or a trailing default
    document ("/index.html").

    Query parameters keep their order and blank values: some portals read
    them positionally.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = host if parts.port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{parts.port}"
    path = _COOKIELESS_SEGMENT.sub("", _PATH_SESSION.sub("", parts.path)) or "/"
    if "/." in path or "//" in path:
        trailing = path.endswith("/")
        path = posixpath.normpath(re.sub(r"/{2,}", "/", path))
        path = path + "/" if trailing and path != "/" else path
    query = "&".join(pair for pair in parts.query.split("&")
                     if pair and not _SESSION_PARAMS.match(pair.split("=", 1)[0]) and not _FIRST_PAGE.match(pair))
    if not query:
        path = _DEFAULT_DOCUMENT.sub("/", path)
    return urlunsplit((scheme, netloc, path, query, ""))


def over_http(url: str) -> str:
    """``url`` over plain HTTP (a site whose certificate names another host):
    https://host/path becomes http://host/path; an explicit port stays."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        return url
    netloc = parts.netloc[:-4] if parts.netloc.endswith(":443") else parts.netloc
    return urlunsplit(("http", netloc, parts.path, parts.query, parts.fragment))


def is_trap(url: str) -> bool:
    """True for URL shapes that only a link loop makes: a path segment
    repeated ``MAX_SEGMENT_REPEATS`` times in a row (/en/en/en/), absurd
    depth or length."""
    if len(url) > MAX_URL_LENGTH:
        return True
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if len(segments) > MAX_PATH_SEGMENTS:
        return True
    run = 1
    for previous, segment in zip(segments, segments[1:]):
        run = run + 1 if segment == previous else 1
        if run >= MAX_SEGMENT_REPEATS:
            return True
    return False


# Files a link may lead to that are never a page of news (documents are kept as attachments).
_FILE_EXTENSION = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|zip|rar|7z|gz|tar|jpe?g|png|gif|webp|svg|bmp|ico|tiff?|"
    r"mp[34]|m4[av]|avi|mov|wmv|flv|webm|ogg|wav|css|js|json|xml|rss|atom|exe|apk|dmg|iso)$", re.I)


def is_page_address(url: str) -> bool:
    """Whether ``url`` may be a web page, not a file (a document, an image,
    a video, a script, a feed) by the end of its path."""
    return not _FILE_EXTENSION.search(urlsplit(url).path)


def same_site(url: str, domains: tuple[str, ...] | list[str]) -> bool:
    """Whether ``url``'s host is one of ``domains``. Subdomains are other
    sites (dichvucong.sonla.gov.vn is not sonla.gov.vn's news): a registry
    entry lists every host of its site."""
    return (urlsplit(url).hostname or "").lower() in domains


_DIGITS = re.compile(r"\d+")


def url_shape(url: str) -> str:
    """The template an address is made from: its folder with digits as 0,
    and its query with numeric values left out ("/tin-tuc/*",
    "/default.asp/*?act=detail&id", "/lich-cong-tac/*"). Pages of one shape
    are usually pages of one kind."""
    parts = urlsplit(url)
    folder = _DIGITS.sub("0", parts.path.rstrip("/").rsplit("/", 1)[0])
    query = []
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        if name:
            query.append(name if not value or _DIGITS.fullmatch(value) else f"{name}={value}")
    return f"{folder}/*" + (f"?{'&'.join(sorted(query))}" if query else "")
