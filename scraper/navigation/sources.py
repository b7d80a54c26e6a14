"""What the navigation sources (feeds, sitemaps, menus) share.

The entry a feed or sitemap lists and its date; reading their untrusted XML
(often gzipped whatever the address says, with a byte-order mark or blank
lines before the declaration, stray ``&`` or HTML entities that make it
ill-formed) leniently, without entities, DTDs or network access, and never
inflated beyond ``MAX_DOCUMENT_BYTES``; reading a page's HTML; making an
address absolute and canonical, and telling whether it is on a page's site.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from scraper.extract.dates import VIETNAM_TZ, parse_vietnamese_date
from scraper.extract.decoding import decode_html
from scraper.urls import canonical_url

# The sitemap protocol's limits, applied to every feed and sitemap.
MAX_ENTRIES = 50_000
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
# A date before this is a placeholder (.NET's 0001-01-01, a CMS's 1970-01-01),
# not a publication: such an entry is dated None, never "old".
EARLIEST_YEAR = 1990
_INFLATE_STEP = 1024 * 1024
_WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Entry:
    """An article address a feed or sitemap lists, with the date it gives
    (ISO 8601 with its offset, or None)."""

    url: str
    published: str | None


def document_bytes(body: bytes) -> tuple[bytes, bool]:
    """(``body`` gunzipped if it starts with gzip's magic bytes, whether it
    was cut at ``MAX_DOCUMENT_BYTES``). Inflates step by step, so a gzip bomb
    costs at most that much memory; a damaged tail keeps what came before it."""
    if not body.startswith(_GZIP_MAGIC):
        return body[:MAX_DOCUMENT_BYTES], len(body) > MAX_DOCUMENT_BYTES
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts, size, pending = [], 0, body
    try:
        while not inflater.eof and size < MAX_DOCUMENT_BYTES:
            part = inflater.decompress(pending, min(_INFLATE_STEP, MAX_DOCUMENT_BYTES - size))
            if not part and len(inflater.unconsumed_tail) == len(pending):
                break  # the input ends before the stream does
            parts.append(part)
            size += len(part)
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    cut = size >= MAX_DOCUMENT_BYTES and not inflater.eof
    return b"".join(parts), cut


def xml_start(body: bytes) -> bytes:
    """``body`` from its first markup: without a UTF-8 byte-order mark and
    the blank lines some servers print before the XML declaration."""
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8):]
    return body.lstrip()


def xml_parser() -> etree.XMLParser:
    """A lenient parser that never expands entities or reaches the network."""
    return etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                           remove_comments=True, remove_pis=True, huge_tree=False)


def local_name(element: etree._Element) -> str:
    """The tag without its namespace ("link" for ``{http://www.w3.org/2005/Atom}link``)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def html_root(html: bytes | str) -> lxml.html.HtmlElement | None:
    """The page's tree (bytes decoded as the extractor decodes them), or None
    for a page with no markup at all."""
    text = decode_html(html)
    if not text.strip():
        return None
    try:  # as UTF-8 bytes: lxml refuses a str that starts with an XML declaration
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except etree.ParserError:
        return None


def web_address(href: str | None, base: str) -> str | None:
    """``href`` made absolute against ``base`` and canonical, if it is a web address."""
    href = (href or "").strip()
    if not href:
        return None
    try:
        address = href if href[:8].lower().startswith(_WEB_SCHEMES) else urljoin(base, href)
        return canonical_url(address) if address[:8].lower().startswith(_WEB_SCHEMES) else None
    except ValueError:  # a malformed host or port ("http://[x", "http://a:99999")
        return None


def published_iso(text: str | None) -> str | None:
    """A feed's or sitemap's date as ISO 8601 with its offset, or None.

    W3C/ISO dates keep their offset; RFC 822 dates (RSS) too ("GMT" is
    +00:00); a day-first Vietnamese date ("10/01/2024 08:30") is 10 January
    in Vietnam time, as is any date given without an offset (or with a zone
    name other than GMT/UT and the US ones). A day without a time is midnight.
    """
    text = " ".join((text or "").split())
    if not text:
        return None
    moment = parse_vietnamese_date(text)
    if moment is None:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:  # no zone, a zone name such as "ICT", or "-0000"
            moment = moment.replace(tzinfo=VIETNAM_TZ)
    return moment.isoformat() if moment.year >= EARLIEST_YEAR else None


def link_base(root: lxml.html.HtmlElement, page_url: str) -> str:
    """The address the page's relative links resolve against: its ``<base href>``, else its own."""
    declared = root.xpath("string(//base[@href][1]/@href)").strip()
    return urljoin(page_url, declared) if declared else page_url


def words(text: str) -> list[str]:
    """Lower-case words of an address, class name or label, diacritics removed:
    "SoDoCong.aspx" and "Sơ đồ cổng" both give ["so", "do", "cong", ...]."""
    plain = unicodedata.normalize("NFD", _split_camel_case(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.findall(r"[^\W_]+", plain)


def _split_camel_case(text: str) -> str:
    """"MenuTop" as "Menu Top", "listMenu" as "list Menu", "HTMLMenu" as "HTML Menu"."""
    pieces = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char.isupper() and (before.islower() or (before.isupper() and after.islower())):
            pieces.append(" ")
        pieces.append(char)
    return "".join(pieces)


def site_host(url: str) -> str:
    """Host and port of ``url``, without a leading "www.": one site, however its links write it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host
