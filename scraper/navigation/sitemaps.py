"""Sitemaps: where robots.txt says they are, and the addresses they list.

``parse_sitemap`` reads what sitemaps are in the wild: a ``urlset`` (with or
without the sitemaps.org namespace, Google News and image extensions), a
``sitemapindex`` of further sitemaps, a text file of one address a line, an
RSS or Atom feed (the protocol accepts them), gzipped whatever its address
says (known by its magic bytes), after a byte-order mark or blank lines. A
body that is none of these (an HTML page served with status 200 at
/sitemap.xml) gives None.

Work is bounded by the protocol's limits: at most ``MAX_ENTRIES`` entries and
``MAX_DOCUMENT_BYTES`` of (inflated) document, read as a stream; a sitemap cut
at either says so (``truncated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import urlsplit

from lxml import etree

from .feeds import parse_feed
from .sources import (
    MAX_DOCUMENT_BYTES, MAX_ENTRIES, Entry, document_bytes, local_name, published_iso, web_address, xml_start,
)

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_ENTRIES", "Entry", "Sitemap", "parse_sitemap", "robots_sitemaps"]

_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass
class Sitemap:
    """What one sitemap lists: article entries (``urlset``, text, feed) or,
    for a sitemap index, the further sitemaps (``children``, with the
    ``lastmod`` of those that give one in ``children_lastmod``)."""

    entries: list[Entry] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    children_lastmod: dict[str, str] = field(default_factory=dict)
    truncated: bool = False  # cut at MAX_ENTRIES or MAX_DOCUMENT_BYTES


def robots_sitemaps(robots_txt: str, base_url: str) -> list[str]:
    """The sitemaps a robots.txt names (``Sitemap:`` lines, any case, a
    trailing comment ignored), absolute against ``base_url``, without duplicates."""
    found: list[str] = []
    for match in _SITEMAP_LINE.finditer(robots_txt.lstrip("\ufeff")):
        address = web_address(match.group(1), base_url)
        if address and address not in found:
            found.append(address)
    return found


def parse_sitemap(body: bytes, url: str) -> Sitemap | None:
    """The sitemap ``body`` fetched from ``url``, or None when it is not one.

    An entry's date is its news ``publication_date`` where it has one (a
    Google News sitemap), else its ``lastmod``, in ISO 8601 with its offset
    (``published_iso``). Relative addresses are resolved against ``url``.
    """
    document, cut = document_bytes(body)
    document = xml_start(document)
    if not document:
        return None
    if not document.startswith(b"<"):
        return _text_sitemap(document, url, cut)
    events = etree.iterparse(BytesIO(document), events=("start", "end"), recover=True, resolve_entities=False,
                             no_network=True, load_dtd=False, remove_comments=True, remove_pis=True,
                             huge_tree=False)
    try:
        _, root = next(events)
    except (StopIteration, etree.XMLSyntaxError):
        return None
    kind = local_name(root)
    if kind in ("rss", "RDF", "feed"):
        entries = parse_feed(document, url)
        return None if entries is None else Sitemap(entries=entries, truncated=cut)
    if kind not in ("urlset", "sitemapindex"):
        return None
    sitemap = Sitemap(truncated=cut)
    seen: set[str] = set()
    depth = 1  # inside the root
    try:
        for event, element in events:
            depth += 1 if event == "start" else -1
            if event != "end" or depth != 1:  # only the root's children: <url>, <sitemap>
                continue
            if len(seen) >= MAX_ENTRIES:
                sitemap.truncated = True
                break
            listed = _listed(element, url)
            element.clear()  # what was read is not kept: memory stays flat however long the sitemap
            while element.getprevious() is not None:
                del root[0]
            if listed is None or listed[1] in seen:
                continue
            is_child, address, date = listed
            seen.add(address)
            if is_child:
                sitemap.children.append(address)
                if date:
                    sitemap.children_lastmod[address] = date
            else:
                sitemap.entries.append(Entry(address, date))
    except etree.XMLSyntaxError:
        pass  # a damaged tail: what came before it stands
    return sitemap


def _listed(element: etree._Element, url: str) -> tuple[bool, str, str | None] | None:
    """(is a child sitemap, its address, its date) of a ``<sitemap>`` or
    ``<url>`` element, None for anything else or an element without an address."""
    kind = local_name(element)
    if kind not in ("url", "sitemap"):
        return None
    values: dict[str, str] = {}
    for child in element.iter():
        name = local_name(child)
        if name in ("loc", "lastmod", "publication_date") and name not in values and child.text:
            if name != "loc" or child.getparent() is element:  # an image's or video's <loc> is not the page's
                values[name] = child.text
    address = web_address(values.get("loc"), url)
    if address is None:
        return None
    date = published_iso(values.get("publication_date")) or published_iso(values.get("lastmod"))
    return kind == "sitemap", address, date


def _text_sitemap(document: bytes, url: str, cut: bool) -> Sitemap | None:
    """A text sitemap: one absolute address a line, nothing else (blank lines aside)."""
    text = document.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if cut:
        lines = lines[:-1]  # the last line may be cut short
    if not lines or not all(urlsplit(line).scheme in ("http", "https") and " " not in line for line in lines):
        return None
    entries, seen = [], set()
    for line in lines:
        address = web_address(line, url)
        if address and address not in seen:
            seen.add(address)
            entries.append(Entry(address, None))
            if len(entries) >= MAX_ENTRIES:
                return Sitemap(entries=entries, truncated=True)
    return Sitemap(entries=entries, truncated=cut)
