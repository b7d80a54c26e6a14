"""Profiles: one parser per CMS family, with layouts versioned over time.

A profile lists its layouts newest first; each layout is a set of CSS
selectors. The first layout whose title and content selectors both match the
page is used, so an old layout keeps working for archived captures while a
new one is added for the redesigned site.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from ..page import Page
from ..vietnamese import clean_text


@dataclass(frozen=True)
class Layout:
    """CSS selectors for one version of a family's article page."""

    version: str
    title: tuple[str, ...]
    content: tuple[str, ...]
    lead: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # regions inside the content that are not article text


@dataclass
class Located:
    """The page regions a layout found: what extraction works from."""

    extractor: str
    title: str
    content: etree._Element
    lead: str = ""
    date_text: str = ""
    author: str = ""
    category: str = ""


class Profile:
    """A CMS family: how to recognise it and where its articles live."""

    name: str = ""
    layouts: tuple[Layout, ...] = ()
    generator: re.Pattern | None = None  # matched against <meta name="generator">
    markers: tuple[str, ...] = ()  # CSS selectors only this family's pages carry
    url_pattern: re.Pattern | None = None

    def detect(self, page: Page) -> bool:
        """Whether ``page`` looks like it was built by this family."""
        if self.generator and self.generator.search(page.meta.get("generator", "")):
            return True
        if self.url_pattern and self.url_pattern.search(page.url):
            return True
        return any(page.select(marker) for marker in self.markers)

    def locate(self, page: Page) -> Located | None:
        """Regions of the first matching layout, or None (use the generic path)."""
        for layout in self.layouts:
            title = page.first(layout.title)
            content = page.first(layout.content)
            if title is None or content is None:
                continue
            content = copy.deepcopy(content)
            for selector in layout.drop:
                for element in page.select(selector, content):
                    if element is not content and element.getparent() is not None:
                        element.drop_tree()
            return Located(
                extractor=f"{self.name}/{layout.version}",
                title=clean_text(title.text_content()),
                content=content,
                lead=_text_outside(page.first(layout.lead), content) if layout.lead else "",
                date_text=page.first_text(layout.date) if layout.date else "",
                author=page.first_text(layout.author) if layout.author else "",
                category=_last_crumb(page, layout.category),
            )
        return None


def _text_outside(element: etree._Element | None, content: etree._Element) -> str:
    return clean_text(element.text_content()) if element is not None else ""


def _last_crumb(page: Page, selectors: tuple[str, ...]) -> str:
    for selector in selectors:
        crumbs = [clean_text(el.text_content()) for el in page.select(selector)]
        crumbs = [c for c in crumbs if c and c.lower() not in ("trang chủ", "home", "trang chu")]
        if crumbs:
            return crumbs[-1]
    return ""
