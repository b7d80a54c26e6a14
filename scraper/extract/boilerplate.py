"""Structural boilerplate: page regions that are never article content.

Regions are recognised by tag and by class/id vocabulary (English and the
Vietnamese slugs portals use: tin-lien-quan, tin-khac, thong-ke...), never by
deleting strings, so body text that says "Hôm nay" or "tất cả" survives.
"""

from __future__ import annotations

import re

from lxml import etree

from .documents import mentions_document

# Page chrome: never part of any article.
CHROME_TAGS = ("nav", "aside", "footer", "script", "style", "noscript", "iframe")
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
    r"footer|copyright|pagination|paging|widget|portlet-?topper|popup|modal|logo|masthead"
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
    if classes and "hentry" in classes:
        classes = _TAXONOMY_CLASSES.sub(" ", classes)
    return f" {classes or ''} {ident or ''} " if classes or ident else ""


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
    if tag == "form":
        return len(element.text_content()) < MAX_CHROME_FORM_CHARS
    names = _names(element) if names is None else names
    if names and _CHROME_NAMES.search(names):
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


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
    return tag == "header" or bool(names and _FURNITURE_NAMES.search(names))


def drop_boilerplate(root: etree._Element) -> None:
    """Remove every boilerplate region under ``root`` (not ``root`` itself)."""
    doomed = [el for el in root.iterdescendants() if isinstance(el.tag, str) and is_boilerplate(el)]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            _remove_keeping_tail(element)


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


_LIST_TAGS = ("table", "ul", "ol", "dl", "div", "section")
_MIN_LINK_SHARE = 0.6


def drop_link_lists(root: etree._Element) -> None:
    """Remove unnamed lists of links from a content copy: "Các tin khác"
    tables, print/back bars, tag clouds, "Xem thêm:" lines. A block of two
    or more links whose link text is most of its text is navigation, not a
    paragraph; lists of attached documents are kept for the attachment
    finder."""
    for element in list(root.iterdescendants(*_LIST_TAGS, "p", "li")):
        if element.getparent() is None or element.find(".//a") is None:  # both kinds need a link
            continue
        if _is_related_line(element) or (element.tag in _LIST_TAGS and _is_link_list(element)):
            _remove_keeping_tail(element)


# "Xem thêm: <a>another article</a>" placed inside the text.
_RELATED_LABEL = re.compile(
    r"^\s*(?:xem\s*thêm|đọc\s*thêm|tin\s*liên\s*quan|bài\s*liên\s*quan|tin\s*cùng\s*chuyên\s*mục|"
    r"có\s*thể\s*bạn\s*quan\s*tâm)\s*:?\s*",
    re.I,
)


def _is_related_line(element: etree._Element) -> bool:
    """A line that is a "Xem thêm:" label and links to other articles."""
    text = " ".join(element.text_content().split())
    label = _RELATED_LABEL.match(text)
    if not label:
        return False
    rest = len(text) - label.end()
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return rest > 0 and linked >= _MIN_LINK_SHARE * rest


def _is_link_list(element: etree._Element) -> bool:
    links = list(element.iter("a"))
    if len(links) < 2 or any(mentions_document(link.get("href") or "") for link in links):
        return False
    text = "".join(element.text_content().split())
    linked = sum(len("".join(link.text_content().split())) for link in links)
    return bool(text) and linked >= _MIN_LINK_SHARE * len(text)

