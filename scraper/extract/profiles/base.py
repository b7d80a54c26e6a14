"""Profiles: one parser per CMS family, with layouts versioned over time.

A profile lists its layouts newest first; each layout is a set of CSS
selectors. The first layout whose content selector matches the page is used,
so an old layout keeps working for archived captures while a new one is
added for the redesigned site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..page import Page
from ..locate import Hints, Located, locate_article
from ..regions import title_heading
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
        """Regions of the first matching layout, or None (use the generic path).

        A layout matches when its content selector does; its title is its
        own title selector's, else the heading that repeats the page title.
        """
        for layout in self.layouts:
            content = self._content(page, layout)
            if content is None:
                continue
            title = page.first(layout.title)
            if title is None:
                title = title_heading(page)
            if title is None:
                continue
            hints = Hints(lead=layout.lead, date=layout.date, author=layout.author,
                          category=layout.category, drop=layout.drop)
            return locate_article(page, f"{self.name}/{layout.version}", title,
                                  clean_text(title.text_content()), content, hints)
        return None

    def _content(self, page: Page, layout: Layout) -> etree._Element | None:
        if not self.largest_content:
            return page.first(layout.content)
        for selector in layout.content:
            found = page.select(selector)
            if found:
                return max(found, key=lambda element: len(element.text_content()))
        return None
