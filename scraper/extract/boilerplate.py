"""Structural boilerplate: page regions that are never article content.

Regions are recognised by tag and by class/id vocabulary (English and the
Vietnamese slugs portals use: tin-lien-quan, tin-khac, thong-ke...), never by
deleting strings, so body text that says "Hôm nay" or "tất cả" survives.
"""

from __future__ import annotations

import re

from lxml import etree

BOILERPLATE_TAGS = ("nav", "aside", "footer", "header", "form", "script", "style", "noscript", "iframe")
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_\-])(?:"
    r"share|sharing|social|print|email|tool|toolbar|related|relate|other-?news|othernews|more-?news|"
    r"tin-?lien-?quan|tinlienquan|tin-?khac|tinkhac|cac-?tin-?khac|same-?category|"
    r"comment|binh-?luan|rating|vote|tags?|tag-?list|keyword|breadcrumbs?|"
    r"menu|navbar|nav|sidebar|side-?bar|col-?right|col-?left|right-?col|left-?col|"
    r"banner|adv|advert|ads|quang-?cao|counter|thong-?ke|statistic|visitor|luot-?truy-?cap|"
    r"footer|header|copyright|pagination|paging|"
    r"widget|portlet-?topper|popup|modal"
    r")(?:$|[\s_\-])",
    re.I,
)


def is_boilerplate(element: etree._Element) -> bool:
    """True for navigation, sidebars, share bars, related lists, counters, ads."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in BOILERPLATE_TAGS:
        return True
    names = f" {element.get('class', '')} {element.get('id', '')} "
    if _BOILERPLATE_NAMES.search(names):
        return True
    style = element.get("style", "")
    return "display:none" in style.replace(" ", "").lower()


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
