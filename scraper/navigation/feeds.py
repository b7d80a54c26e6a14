"""Feeds: the RSS and Atom feeds a portal declares, and the articles they list.

A page declares its feeds with ``<link rel="alternate" type="application/rss+xml">``
or links them (an "RSS" link, an address such as /rss/home.rss, /feed/,
/Trang/RSS.aspx, Liferay's /-/asset_publisher/<id>/rss). Portals also serve an
HTML page listing their category feeds (baochinhphu's /rss.htm, an /rss that
is a page): ``parse_feed`` says None for it, and ``feed_links`` on that page
gives the feeds it lists. ``USUAL_FEED_PATHS`` are the addresses to try when a
home page declares none.

``parse_feed`` reads RSS 2.0, RSS 1.0 (RDF) and Atom by their element names in
any namespace: each entry's address (absolute, canonical) and its publication
date (pubDate, dc:date, published, then updated) in ISO 8601 with its offset.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from .sources import (
    MAX_ENTRIES, Entry, document_bytes, html_root, link_base, local_name, published_iso, site_host, web_address, words,
    xml_parser, xml_start,
)

__all__ = ["USUAL_FEED_PATHS", "Entry", "feed_links", "is_feed_address", "parse_feed"]

# Where portals and CMSs serve a feed (or their page of feeds), for discovery to try.
USUAL_FEED_PATHS = (
    "/rss", "/rss.xml", "/rss/home.rss", "/rss.htm", "/rss.html", "/rss.aspx", "/feed", "/feed/",
    "/?feed=rss2", "/feeds/posts/default", "/atom.xml", "/index.rss",
)
_FEED_WORDS = {"rss", "rss2", "feed", "feeds", "atom", "rdf"}
_FEED_EXTENSIONS = {"rss", "atom", "rdf"}
# What a feed's or a page's address ends in (not an icon's rss.png or a stylesheet's rss.css).
_PAGE_EXTENSIONS = {"", "xml", "htm", "html", "aspx", "asp", "php", "jsp", "cfm", "do"}
# An entry's date elements, publication first; a modification date only when nothing else is given.
_DATE_NAMES = ("pubDate", "date", "published", "issued", "created", "updated", "modified")


def is_feed_address(url: str) -> bool:
    """Whether ``url`` has the shape of a feed or of a page of feeds: a path
    ending in .rss/.atom, a last segment named rss/feed/atom (rss.xml,
    RSS.aspx, /feed/), a segment /rss/ or /feeds/ before it, or a query asking
    for one (?feed=rss2, ?format=rss). Comment feeds are not article feeds."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    query = [word for pair in parse_qsl(parts.query.lower(), keep_blank_values=True) for word in pair]
    if "comments" in segments or "comments" in query:
        return False
    if query and _FEED_WORDS.intersection(query):
        return True
    if not segments:
        return False
    stem, dot, extension = segments[-1].rpartition(".")
    if not dot:
        stem, extension = extension, ""
    if extension in _FEED_EXTENSIONS:
        return True
    return extension in _PAGE_EXTENSIONS and bool(
        _FEED_WORDS.intersection(words(stem)) or _FEED_WORDS.intersection(segments[:-1]))


def feed_links(html: bytes | str, page_url: str) -> list[str]:
    """Absolute addresses of the feeds ``html`` declares or links, in page
    order, without duplicates or the page itself.

    Declared: ``<link rel="alternate">`` of an RSS or Atom type, wherever
    it is served. Linked: an ``<a>`` to the page's own site (with or without
    "www.") whose address has a feed's shape (``is_feed_address``) or whose
    label (text, or its image's alt/title) is "RSS". On a page listing a
    portal's feeds this gives every feed it lists.
    """
    root = html_root(html)
    if root is None:
        return []
    base = link_base(root, page_url)
    own = web_address(page_url, page_url)
    site = site_host(page_url)
    found: list[str] = []
    for element in root.iter("link", "a"):
        href = element.get("href")
        if element.tag == "link":
            rels = (element.get("rel") or "").lower().split()
            kind = (element.get("type") or "").lower()
            wanted = "alternate" in rels and ("rss" in kind or "atom" in kind or kind == "application/rdf+xml")
        else:
            wanted = _labelled_rss(element)
        address = web_address(href, base)
        if address is None or address == own or address in found:
            continue
        if element.tag == "a" and site_host(address) != site:
            continue  # another portal's feed, linked from a sidebar
        if (wanted and "comments" not in urlsplit(address).path.lower().split("/")) or (
                element.tag == "a" and is_feed_address(address)):
            found.append(address)
    return found


def parse_feed(body: bytes, url: str) -> list[Entry] | None:
    """The entries of the RSS or Atom feed ``body`` (gzipped or not) fetched
    from ``url``, in feed order without duplicates; None when ``body`` is not
    a feed (an HTML page, a text file, nothing).

    An entry's address is its link (Atom: the alternate one; RSS: ``<link>``,
    else a permalink ``<guid>``; FeedBurner's original link first), made
    absolute against ``xml:base`` and ``url``. Its date is the first of
    pubDate, dc:date, published, issued, created, updated, modified that
    reads as a date (``published_iso``). At most ``MAX_ENTRIES``.
    """
    document, _ = document_bytes(body)
    document = xml_start(document)
    if not document.startswith(b"<"):
        return None
    try:
        root = etree.fromstring(document, parser=xml_parser())
    except etree.XMLSyntaxError:
        return None
    if root is None or local_name(root) not in ("rss", "RDF", "feed"):
        return None
    item_name = "entry" if local_name(root) == "feed" else "item"
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in root.iter():
        if local_name(item) != item_name:
            continue
        address = _item_address(item, url)
        if address is None or address in seen:
            continue
        seen.add(address)
        entries.append(Entry(address, _item_date(item)))
        if len(entries) >= MAX_ENTRIES:
            break
    return entries


def _labelled_rss(link: etree._Element) -> bool:
    """Whether an ``<a>`` is labelled "RSS" (its text, or its image's alt or title)."""
    labels = [link.text_content()] + link.xpath(".//img/@alt | .//img/@title | @title")
    return any(" ".join(label.split()).lower() in ("rss", "rss feed", "rss feeds") for label in labels)


def _item_address(item: etree._Element, feed_url: str) -> str | None:
    """The absolute address an RSS item or Atom entry links to."""
    base = feed_url
    for element in reversed([item, *item.iterancestors()]):
        declared = element.get("{http://www.w3.org/XML/1998/namespace}base")
        if declared:
            base = web_address(declared, base) or base
    children = [child for child in item if isinstance(child.tag, str)]
    by_name: dict[str, list[etree._Element]] = {}
    for child in children:
        by_name.setdefault(local_name(child), []).append(child)
    for original in by_name.get("origLink", []):
        address = web_address(original.text, base)
        if address:
            return address
    links = by_name.get("link", [])
    for link in links:  # RSS: <link>address</link>
        address = web_address(link.text, base) if link.text and link.text.strip() else None
        if address:
            return address
    alternates = [link for link in links if (link.get("rel") or "alternate") == "alternate"]
    for link in sorted(alternates, key=lambda link: "html" not in (link.get("type") or "html")):
        address = web_address(link.get("href"), base)
        if address:
            return address
    for guid in by_name.get("guid", []):
        if (guid.get("isPermaLink") or "true").strip().lower() != "false":
            address = web_address(guid.text, base) if guid.text and "://" in guid.text else None
            if address:
                return address
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")  # RSS 1.0 without <link>
    return web_address(about, base) if about and "://" in about else None


def _item_date(item: etree._Element) -> str | None:
    """The entry's publication date in ISO 8601, by ``_DATE_NAMES`` order."""
    dates: dict[str, str] = {}
    for child in item:
        name = local_name(child)
        if name in _DATE_NAMES and name not in dates and child.text:
            dates[name] = child.text
    for name in _DATE_NAMES:
        iso = published_iso(dates.get(name))
        if iso:
            return iso
    return None
