"""Structural boilerplate: page regions that are never article content.

Regions are recognised by tag and by class/id vocabulary (English and the
Vietnamese slugs portals use: tin-lien-quan, tin-khac, thong-ke...), never by
deleting strings, so body text that says "Hôm nay" or "tất cả" survives.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from dataclasses import dataclass

from lxml import etree

from .documents import mentions_document
from .tree import remove_keeping_tails, text_start

# Page chrome: never part of any article (scripts and styles are gone already: Page.parse).
CHROME_TAGS = ("nav", "aside", "footer", "iframe")
# ASP.NET and SharePoint wrap the whole page in one <form>: only small forms
# (search boxes, polls, logins) are chrome.
MAX_CHROME_FORM_CHARS = 500
# Elementor calls every block of a page "elementor-widget", the article's
# text included: "widget" after "elementor-" is not a sidebar.
_CHROME_NAMES = re.compile(
    r"(?:^|[\s_]|(?<!elementor)-)(?:"
    r"share|sharing|social|print|email|tool|toolbar|related|relate|other-?news|othernews|more-?news|"
    r"tin-?lien-?quan|tinlienquan|tin-?khac|tinkhac|cac-?tin-?khac|same-?category|"
    r"comment|binh-?luan|rating|vote|tags?|tag-?list|keyword|"
    r"menu|navbar|nav|sidebar|side-?bar|col-?right|col-?left|right-?col|left-?col|"
    r"banner|adv|advert|ads|quang-?cao|counter|thong-?ke|statistic|visitor|luot-?truy-?cap|"
    r"footer|copyright|pagination|paging|widget|portlet-?topper|popup|modal|logo|masthead|"
    r"cookies?|consent|gdpr|newsletter|subscribe|subscription|sign-?up|promo|recommended|recommendations|"
    r"trending|most-?popular|most-?read|read-?next|up-?next|more-?stories|outbrain|taboola"
    r")(?:$|[\s_\-])",
    re.I,
)
# The article's own furniture: headers with title, date, byline and
# breadcrumbs. Where lead, date and author are found; not body text.
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_\-])(?:header|breadcrumbs?|path|duong-?dan|meta|view-?count|luot-?xem)(?:$|[\s_\-])", re.I
)


def _names(element: etree._Element) -> str:
    """" class id " for the name patterns; "" for the many elements with neither."""
    classes, ident = element.get("class"), element.get("id")
    if not (classes or ident):
        return ""
    if classes and "hentry" in classes:
        classes = _TAXONOMY_CLASSES.sub(" ", classes)
    return f" {classes or ''} {ident or ''} "


# vnPortal and .NET themes write names in CamelCase: "PortalFooter" is a footer
# (but "ms-rteTableHeaderRow" is no page header: only chrome names are split).
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")


# WordPress marks a post with a class per tag and category ("tag-thong-ke",
# "category-quang-cao"): the post's topics, not what the element is.
_TAXONOMY_CLASSES = re.compile(r"(?<!\S)(?:tag|category|post_format|format)-\S+")


def is_chrome(element: etree._Element, names: str | None = None) -> bool:
    """True for navigation, sidebars, share bars, related lists, counters, ads."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in CHROME_TAGS:
        return True
    if tag in ("body", "html"):  # themes name the page by its layout: "has-sidebar-left"
        return False
    if tag == "form":  # the first characters tell: a page-wide form holds the whole page's text
        return len(text_start(element, MAX_CHROME_FORM_CHARS)) < MAX_CHROME_FORM_CHARS
    names = _names(element) if names is None else names
    if names and _chrome_named(names) and (_never_content_named(names) or not holds_most_prose(element)):
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


# Themes name layout wrappers after what sits beside them ("l-sidebar-fixed",
# "with-sidebar", "main-widget-area"): a region holding most of the page's
# paragraph text is the page, whatever its name says. Except a footer,
# counter, comment thread or consent box, which on a page with little prose
# (a schedule grid, a gallery) may well hold most of it.
_NEVER_CONTENT_NAMES = re.compile(
    r"(?:^|[\s_\-])(?:footer|copyright|counter|thong-?ke|visitor|luot-?truy-?cap|"
    r"comments?|binh-?luan|cookies?|consent|gdpr|newsletter|subscribe)(?:$|[\s_\-])",
    re.I,
)
MOST_PROSE = 0.5
MIN_PROSE_CHARS = 500
_PROSE_BY_ROOT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def holds_most_prose(element: etree._Element) -> bool:
    """Whether ``element`` holds more than half of the paragraph text of the
    tree it belongs to (a page, or a copy of an article's content)."""
    root = element.getroottree().getroot()
    prose = _PROSE_BY_ROOT.get(root)
    if prose is None:
        prose = _PROSE_BY_ROOT[root] = _prose_by_element(root)
    total = prose.get(root, 0)
    return total >= MIN_PROSE_CHARS and prose.get(element, 0) > MOST_PROSE * total


def _prose_by_element(root: etree._Element) -> dict[etree._Element, int]:
    """Characters of ``<p>`` text under each element, measured once per paragraph."""
    prose: dict[etree._Element, int] = {}
    for paragraph in root.iter("p"):
        size = len(text_start(paragraph, 2000))
        if size:
            for node in (paragraph, *paragraph.iterancestors()):
                prose[node] = prose.get(node, 0) + size
    return prose


@lru_cache(maxsize=8192)
def _chrome_named(names: str) -> bool:
    """Whether class and id names say chrome (pages repeat a few hundred names)."""
    return bool(_CHROME_NAMES.search(_CAMEL_CASE.sub("-", names)))


@lru_cache(maxsize=8192)
def _never_content_named(names: str) -> bool:
    return bool(_NEVER_CONTENT_NAMES.search(_CAMEL_CASE.sub("-", names)))


@lru_cache(maxsize=8192)
def _furniture_named(names: str) -> bool:
    return bool(_FURNITURE_NAMES.search(names))


def in_chrome(element: etree._Element | None, stop: etree._Element | None = None) -> bool:
    """Whether ``element`` or an ancestor below ``stop`` is page chrome."""
    node = element
    while node is not None and node is not stop:
        if is_chrome(node):
            return True
        node = node.getparent()
    return False


def is_boilerplate(element: etree._Element) -> bool:
    """Chrome, or article furniture (header, meta line, breadcrumb): not body text."""
    names = _names(element)
    if is_chrome(element, names):
        return True
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return tag == "header" or bool(names and _furniture_named(names))


def drop_boilerplate(root: etree._Element) -> None:
    """Remove every boilerplate region under ``root`` (not ``root`` itself)."""
    remove_keeping_tails([el for el in root.iterdescendants() if isinstance(el.tag, str) and is_boilerplate(el)])


_LIST_TAGS = ("table", "ul", "ol", "dl", "div", "section")
_MIN_LINK_SHARE = 0.6


def drop_link_lists(root: etree._Element) -> None:
    """Remove unnamed lists of links from a content copy: "Các tin khác"
    tables, print/back bars, tag clouds, "Xem thêm:" lines. A block of two
    or more links whose link text is most of its text is navigation, not a
    paragraph; lists of attached documents are kept for the attachment
    finder. Blocks are judged in document order, each before anything inside
    it goes (removing a block changes the text of no block judged after
    it), so text and link sizes are measured once, before anything goes."""
    sizes = _link_sizes(root)
    remove_keeping_tails([
        element for element in root.iterdescendants(*_LIST_TAGS, "p", "li")
        if element in sizes  # both kinds of link list need a link
        and (_is_related_line(element) or (element.tag in _LIST_TAGS and sizes[element].is_link_list()))
    ])


@dataclass
class _LinkSize:
    """An element's text and the part of it inside links, in characters
    other than spaces, with its links and whether one is to a document."""

    chars: int = 0
    linked: int = 0
    links: int = 0
    document: bool = False

    def is_link_list(self) -> bool:
        return self.links >= 2 and not self.document and self.chars > 0 and self.linked >= _MIN_LINK_SHARE * self.chars


def _link_sizes(root: etree._Element) -> dict[etree._Element, _LinkSize]:
    """``_LinkSize`` of every element under ``root`` that has a link inside
    (or is one): the links' ancestors, each measured once from its children
    up; a child without links is measured whole, in C."""
    holding: set = set()
    for link in root.iter("a"):
        node = link
        while node not in holding:
            holding.add(node)
            if node is root:
                break
            node = node.getparent()
    sizes: dict[etree._Element, _LinkSize] = {}
    if holding:
        _measure(root, holding, sizes)
    return sizes


def _measure(element: etree._Element, holding: set, sizes: dict) -> _LinkSize:
    """``element``'s size, and those of its descendants in ``holding``, into ``sizes``."""
    size = sizes[element] = _LinkSize(chars=_visible_chars(element.text))
    for child in element:
        if child in holding:
            inner = _measure(child, holding, sizes)
            size.chars += inner.chars
            size.linked += inner.linked
            size.links += inner.links
            size.document = size.document or inner.document
        elif isinstance(child.tag, str):  # a comment's text is not the page's
            size.chars += _visible_chars(child.text_content())
        size.chars += _visible_chars(child.tail)
    if element.tag == "a":
        size.linked += size.chars
        size.links += 1
        size.document = size.document or mentions_document(element.get("href") or "")
    return size


def _visible_chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


# "Xem thêm: <a>another article</a>" placed inside the text.
_RELATED_LABEL = re.compile(
    r"^\s*(?:xem\s*thêm|đọc\s*thêm|tin\s*liên\s*quan|bài\s*liên\s*quan|tin\s*cùng\s*chuyên\s*mục|"
    r"có\s*thể\s*bạn\s*quan\s*tâm)\s*:?\s*",
    re.I,
)
_LABEL_WINDOW = 200  # raw characters read to see whether a block opens with a label
_LABEL_CHARS = 40  # longer than any label, spaces squeezed


def _is_related_line(element: etree._Element) -> bool:
    """A line that is a "Xem thêm:" label and links to other articles.

    Most blocks are told apart by their first characters; only one that
    opens with a label (or with too little text to tell) is read whole.
    """
    start = " ".join(text_start(element, _LABEL_WINDOW).split())
    if len(start) >= _LABEL_CHARS and not _RELATED_LABEL.match(start):
        return False
    text = " ".join(element.text_content().split())
    label = _RELATED_LABEL.match(text)
    if not label:
        return False
    rest = len(text) - label.end()
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return rest > 0 and linked >= _MIN_LINK_SHARE * rest
