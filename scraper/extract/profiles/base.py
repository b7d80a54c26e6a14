"""Profiles: one parser per CMS family, with layouts versioned over time.

A profile lists its layouts newest first; each layout is a set of CSS
selectors. The first layout whose title and content selectors both match the
page is used, so an old layout keeps working for archived captures while a
new one is added for the redesigned site.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree

from ..attachments import attachment_regions
from ..boilerplate import drop_boilerplate
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
    extra_regions: list = field(default_factory=list)  # attachment lists outside the content


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

    largest_content: bool = False  # pick the longest content match, not the first

    def locate(self, page: Page) -> Located | None:
        """Regions of the first matching layout, or None (use the generic path)."""
        for layout in self.layouts:
            title = page.first(layout.title)
            content = self._content(page, layout)
            if title is None or content is None:
                continue
            lead = page.first(layout.lead) if layout.lead else None
            content = _cleaned_copy(page, content, layout, lead)
            return Located(
                extractor=f"{self.name}/{layout.version}",
                title=clean_text(title.text_content()),
                content=content,
                lead=clean_text(lead.text_content()) if lead is not None else "",
                date_text=_date_text(page.first(layout.date)) if layout.date else "",
                author=page.first_text(layout.author) if layout.author else "",
                category=_last_crumb(page, layout.category),
                extra_regions=attachment_regions(page),
            )
        return None

    def _content(self, page: Page, layout: Layout) -> etree._Element | None:
        if not self.largest_content:
            return page.first(layout.content)
        for selector in layout.content:
            found = page.select(selector)
            if found:
                return max(found, key=lambda element: len(element.text_content()))
        return None


def _cleaned_copy(page: Page, content: etree._Element, layout: Layout, lead: etree._Element | None) -> etree._Element:
    """A copy of ``content`` without the layout's non-article regions and the lead."""
    doomed = {id(element) for selector in layout.drop for element in page.select(selector, content)}
    if lead is not None:
        doomed.add(id(lead))
    copied = copy.deepcopy(content)
    for original, duplicate in zip(content.iter(), copied.iter()):
        if id(original) in doomed and duplicate is not copied:
            duplicate.set("data-govnews-drop", "1")
    for element in copied.xpath(".//*[@data-govnews-drop]"):
        element.drop_tree()
    drop_boilerplate(copied)
    return copied


def _date_text(element: etree._Element | None) -> str:
    """A date element's machine-readable value if it has one, else its text."""
    if element is None:
        return ""
    for attribute in ("datetime", "content", "title"):
        value = element.get(attribute)
        if value and any(ch.isdigit() for ch in value):
            return value
    return clean_text(element.text_content())


def _last_crumb(page: Page, selectors: tuple[str, ...]) -> str:
    for selector in selectors:
        crumbs = [clean_text(el.text_content()) for el in page.select(selector)]
        crumbs = [c for c in crumbs if c and c.lower() not in ("trang chủ", "home", "trang chu")]
        if crumbs:
            return crumbs[-1]
    return ""
