"""A site's category pages, read from its navigation and from its home page's blocks.

``menu_links`` takes the links of a page's navigation regions: ``<nav>``, an
element whose role is navigation/menubar/menu, or whose class or id names a
menu or navigation in any CMS's spelling ("navbar", "main-menu", "MenuTop",
"ms-core-listMenu-root", "lfr-nav-item", "menu-item", a link's own
"menuleft"). ``listing_candidates`` takes, outside those regions, the links
that lead to a listing from the page's main area: "Xem thêm"/"Xem tất cả",
a ``rel="category"`` link, and the heading of a block of headlines (a short
label before longer, linked ones laid out otherwise).

Both keep what can be a news listing of the same site: not the home page,
the page itself, a feed, a file, a language switch, nor a utility page
(contact, site map, search, login, administration), judged by the words of
the address and the label, never by a site's own pattern.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .feeds import is_feed_address
from .sources import html_root, link_base, site_host, web_address, words

__all__ = ["listing_candidates", "menu_links"]

# A menu entry is a label; a longer text is a headline in a mega-menu or a teaser.
MAX_LABEL_WORDS = 12
# A block heading is a few words ("Tin tức - Sự kiện"), before at least this many headlines.
MAX_HEADING_WORDS = 6
MIN_BLOCK_HEADLINES = 3
_NAV_ROLES = {"navigation", "menubar", "menu"}
_NOT_MENUS = {"pagination", "pager", "paging", "paginator"}
_HOME_LABELS = {("trang", "chu"), ("trang", "nhat"), ("home",), ("homepage",), ("home", "page")}
_VIEW_ALL = (("xem", "them"), ("xem", "tat", "ca"), ("tat", "ca"), ("xem", "toan", "bo"), ("view", "all"),
             ("see", "all"), ("more",))
# Utility pages, as words of an address or a label (Vietnamese without diacritics, and English).
_UTILITY_PHRASES = (
    "lien he", "lienhe", "contact", "contact us", "so do cong", "so do site", "so do trang", "so do website",
    "sodo", "sitemap", "site map", "tim kiem", "timkiem", "search", "dang nhap", "dangnhap", "dang ky",
    "dang xuat", "login", "logout", "log in", "sign in", "signin", "register", "admin", "quan tri", "quantri",
    "authenticate", "wp login", "wp admin",
)
_LANGUAGE_NAMES = ("english", "tieng anh", "vietnamese", "chinese", "francais", "french", "tieng phap",
                   "tieng trung", "中文", "한국어", "日本語", "русский", "deutsch", "espanol")
_LANGUAGE_SEGMENTS = {"en", "eng", "english", "en-us", "en-gb", "fr", "zh", "zh-cn", "cn", "ja", "jp", "ko", "kr",
                      "ru", "de", "es", "lo", "km"}
_FILE_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "txt", "csv", "zip",
                    "rar", "7z", "gz", "jpg", "jpeg", "png", "gif", "bmp", "svg", "webp", "mp3", "mp4", "avi",
                    "wmv", "flv", "mov", "exe", "apk", "xml", "json", "css", "js"}


def menu_links(html: bytes | str, page_url: str) -> list[str]:
    """The category pages the navigation of ``html`` (fetched from
    ``page_url``) links to: absolute, canonical, on the page's own host, in
    page order, without duplicates, without the home page or utilities."""
    root = html_root(html)
    if root is None:
        return []
    judge = _LinkJudge(root, page_url)
    regions = _navigation_regions(root)
    found: dict[str, str] = {}
    for link in root.iter("a"):
        if not _inside(link, regions):
            continue
        address = judge.category_address(link)
        if address:
            found.setdefault(_page_key(address), address)
    return list(found.values())


def listing_candidates(html: bytes | str, page_url: str) -> list[str]:
    """Links of ``html``'s main area (outside its navigation, page header and
    footer) that look like listing pages: "Xem thêm", "Xem tất cả" and the
    like, ``rel="category"`` links, and headings of blocks of headlines. For
    a site whose menu gives nothing usable. Same filters and order as
    ``menu_links``."""
    root = html_root(html)
    if root is None:
        return []
    judge = _LinkJudge(root, page_url)
    excluded = _navigation_regions(root) | _page_chrome(root)
    found: dict[str, str] = {}
    for link in root.iter("a"):
        if _inside(link, excluded):
            continue
        address = judge.category_address(link)
        if address is None or _page_key(address) in found:
            continue
        label = words(link.text_content())
        rels = (link.get("rel") or "").lower().split()
        if _views_all(label) or "category" in rels or _heads_a_block(link, address, judge):
            found[_page_key(address)] = address
    return list(found.values())


class _LinkJudge:
    """Decides which links of one page can be listing pages of its site."""

    def __init__(self, root: lxml.html.HtmlElement, page_url: str):
        self.base = link_base(root, page_url)
        self.own = _page_key(web_address(page_url, page_url) or page_url)
        self.host = site_host(page_url)
        self._addresses: dict[lxml.html.HtmlElement, str | None] = {}

    def address(self, link: lxml.html.HtmlElement) -> str | None:
        """The link's absolute canonical address on this site, or None."""
        if link not in self._addresses:
            address = web_address(link.get("href"), self.base)
            self._addresses[link] = address if address and site_host(address) == self.host else None
        return self._addresses[link]

    def category_address(self, link: lxml.html.HtmlElement) -> str | None:
        """The link's address if it can be a category page: not home, this
        page, a feed, a file, a language switch or a utility page."""
        address = self.address(link)
        if address is None or _page_key(address) == self.own or link.get("hreflang") or link.get("lang"):
            return None
        label = words(link.text_content())
        if len(label) > MAX_LABEL_WORDS or tuple(label) in _HOME_LABELS:
            return None
        parts = urlsplit(address)
        segments = [segment for segment in parts.path.lower().split("/") if segment]
        if not segments and not parts.query:
            return None  # the home page
        if segments and segments[-1].rpartition(".")[2] in _FILE_EXTENSIONS and "." in segments[-1]:
            return None
        if segments and segments[0] in _LANGUAGE_SEGMENTS:
            return None
        if is_feed_address(address) or _says_utility(label) or _says_utility(words(f"{parts.path} {parts.query}")):
            return None
        return address


def _navigation_regions(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The page's navigation elements (see the module's description), without
    pagers, lists of headlines, and layout wrappers around the main content
    that only happen to be named "menu-open"."""
    regions = set()
    for element in root.iter(etree.Element):
        if element.tag in ("html", "body"):
            continue
        names = words(f"{element.get('class', '')} {element.get('id', '')}")
        if _NOT_MENUS.intersection(names):
            continue
        named = any(name == "nav" or name.startswith(("menu", "nav")) or name.endswith("menu") for name in names)
        if element.tag == "nav" or (element.get("role") or "").lower() in _NAV_ROLES or named:
            if not element.xpath("boolean(.//main | .//article | .//*[@role='main'])") and _labels_links(element):
                regions.add(element)
    return regions


def _labels_links(region: lxml.html.HtmlElement) -> bool:
    """Whether ``region``'s links are labels, not headlines: half of them at
    most ``MAX_HEADING_WORDS`` words (vnPortal's "ArticleInMenu" box of
    latest articles is named like a menu but lists headlines)."""
    lengths = sorted(len(words(link.text_content())) for link in region.iter("a"))
    return not lengths or lengths[(len(lengths) - 1) // 2] <= MAX_HEADING_WORDS


def _page_chrome(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The page's own header and footer (not an article's)."""
    return {element for element in root.iter("header", "footer")
            if not any(ancestor.tag in ("article", "section", "main") for ancestor in element.iterancestors())}


def _inside(element: lxml.html.HtmlElement, regions: set[lxml.html.HtmlElement]) -> bool:
    return element in regions or any(ancestor in regions for ancestor in element.iterancestors())


def _heads_a_block(link: lxml.html.HtmlElement, address: str, judge: _LinkJudge) -> bool:
    """Whether ``link`` heads a block of headlines: a short label with
    letters, whose address no headline of the block has, and the first
    ``MIN_BLOCK_HEADLINES`` labelled links to other pages after it, in the
    nearest element around it that has that many, all have longer labels
    and none sits in the same markup as it (the tags from that element down:
    a teaser's short title is laid out as the teasers after it; a heading
    is not)."""
    label = words(link.text_content())
    if not 0 < len(label) <= MAX_HEADING_WORDS or all(word.isdigit() for word in label):
        return False  # no label, a headline, or a date or page number
    for block in link.iterancestors():
        if block.tag in ("body", "html"):
            return False
        links = list(block.iter("a"))
        if any(judge.address(other) == address and len(words(other.text_content())) > MAX_HEADING_WORDS
               for other in links):
            return False  # a date or "comments" link of a headline shown in the block
        following, addresses = [], set()
        for other in links[links.index(link) + 1:]:
            other_address = judge.address(other)
            if other_address in (None, address) or other_address in addresses or not words(other.text_content()):
                continue
            addresses.add(other_address)
            following.append(other)
            if len(following) == MIN_BLOCK_HEADLINES:
                break
        if len(following) < MIN_BLOCK_HEADLINES:
            continue
        layout = _layout(link, block)
        return all(len(words(other.text_content())) > len(label) and _layout(other, block) != layout
                   for other in following)
    return False


def _layout(element: lxml.html.HtmlElement, block: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The tags from ``block`` (excluded) down to ``element``."""
    tags = [element.tag]
    for ancestor in element.iterancestors():
        if ancestor is block:
            break
        tags.append(ancestor.tag)
    return tuple(reversed(tags))


def _views_all(label: list[str]) -> bool:
    """"Xem thêm", "Xem tất cả »", "View all"... (a few words starting so)."""
    return len(label) <= 4 and any(tuple(label[:len(start)]) == start for start in _VIEW_ALL)


def _says_utility(text_words: list[str]) -> bool:
    """Whether words (of an address or a label) name a utility page or another language."""
    text = f" {' '.join(text_words)} "
    return any(f" {phrase} " in text for phrase in (*_UTILITY_PHRASES, *_LANGUAGE_NAMES))


def _page_key(url: str) -> str:
    """``url`` as one page of a site, whether its host is written with "www." or not."""
    parts = urlsplit(url)
    return f"{site_host(url)}{parts.path}?{parts.query}"
