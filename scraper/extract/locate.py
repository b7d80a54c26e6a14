"""Turn a found title and content element into the ``Located`` regions.

Shared by every profile and by the generic path: once the article's title
heading and content element are known, its lead, date, author, category and
attachment lists are found the same way, and the content is copied without
the parts that are not article text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from .attachments import attachment_regions, drop_attachment_regions
from .author import byline_near, is_account_name
from .boilerplate import drop_boilerplate, drop_link_lists
from .page import Page
from .tree import remove_keeping_tails, text_start
from .published import date_lines
from .regions import (
    container_of, drop_datelines, find_bold_lead, find_category, find_lead, first_outside_boilerplate,
    selected_crumb,
)
from .vietnamese import clean_text


DROP_MARK = "data-govnews-drop"  # an element the cleaned copy of the content leaves out


@dataclass
class Located:
    """The page regions extraction works from."""

    extractor: str
    title: str
    content: etree._Element  # a cleaned copy: safe to modify
    lead: str = ""
    date_texts: list = field(default_factory=list)  # date lines around the article, best first
    author: str = ""
    category: str = ""
    extra_regions: list = field(default_factory=list)  # attachment lists outside the content
    lead_picture: list = field(default_factory=list)  # the article's photo (and caption) set just before its text
    source: etree._Element | None = None  # the content where it stands in the page (None: not from the page's tree)


@dataclass(frozen=True)
class Hints:
    """Selectors a profile layout gives for the regions around the content."""

    lead: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


def locate_article(page: Page, extractor: str, title: etree._Element | None, title_text: str,
                   content: etree._Element, hints: Hints = Hints()) -> Located:
    """Regions of the article whose title heading and content are given.

    Lead, date and author are looked for only around the article (inside the
    smallest element holding title and content), never in sidebars: a
    page-wide ".date" would find a related-news date first.
    """
    container = container_of(title, content)
    lead = first_outside_boilerplate(page, hints.lead, container)
    if lead is None:
        lead = find_lead(container, title_text)
    if lead is None:
        lead = find_bold_lead(container, content)
    return Located(
        extractor=extractor,
        title=title_text,
        content=_cleaned_copy(page, content, hints.drop, [title, lead]),
        source=content,
        lead=clean_text(lead.text_content()) if lead is not None else "",
        date_texts=date_lines(page, hints.date, container, title, content),
        author=_author(page, hints, container),
        category=selected_crumb(page, hints.category, title_text) or find_category(page, container, title_text),
        extra_regions=attachment_regions(page),
        lead_picture=lead_picture(content, stop=(title, lead)),
    )


_PICTURE_SIBLINGS = 3  # how far before the text its photo may sit
_MAX_CAPTION_CHARS = 400


def lead_picture(content: etree._Element, stop: tuple = ()) -> list[etree._Element]:
    """The photo a theme sets in its own field just before the article's
    text (vnPortal's .ArticleImage, Drupal's field-image, Joomla's
    item-image), with its caption field if that comes apart: one picture,
    at most a caption of text, among the few siblings before the content
    and after the title or lead. [] when there is none."""
    captions = []
    for count, sibling in enumerate(content.itersiblings(preceding=True)):
        if count >= _PICTURE_SIBLINGS or sibling in stop or not isinstance(sibling.tag, str):
            return []
        text = text_start(sibling, _MAX_CAPTION_CHARS + 1)
        if len(text) > _MAX_CAPTION_CHARS:
            return []
        pictures = [img for img in sibling.iter("img") if is_picture(img)]
        if len(pictures) > 1:
            return []
        if pictures:
            return [sibling, *reversed(captions)]
        if text.strip():
            captions.append(sibling)
    return []


def is_picture(img: etree._Element) -> bool:
    """An image big enough to be a photograph, not an icon or a spacer."""
    sizes = [img.get("width", ""), img.get("height", "")]
    return bool(img.get("src") or img.get("data-src")) and not any(size.isdigit() and int(size) < 100 for size in sizes)


def _cleaned_copy(page: Page, content: etree._Element, drop: tuple[str, ...], taken: list) -> etree._Element:
    """A copy of ``content`` without non-article regions, and without the
    ``taken`` elements (title, lead) when they sit inside it."""
    doomed = {element for selector in drop for element in page.select(selector, content)}
    doomed.update(element for element in taken if element is not None)
    copied = copy.deepcopy(content)
    for original, duplicate in zip(content.iter(), copied.iter()):
        if original in doomed and duplicate is not copied:
            duplicate.set(DROP_MARK, "1")
    remove_keeping_tails(copied.xpath(f".//*[@{DROP_MARK}]"))
    drop_boilerplate(copied)
    drop_link_lists(copied)
    drop_attachment_regions(copied)
    drop_datelines(copied)
    return copied


def _author(page: Page, hints: Hints, container: etree._Element) -> str:
    """The byline: the layout's author element, else an author-named one;
    never a CMS account name such as "admin"."""
    author = _text(first_outside_boilerplate(page, hints.author, container))
    if not author or is_account_name(author):
        author = byline_near(container)
    return author


def _text(element: etree._Element | None) -> str:
    return clean_text(element.text_content()) if element is not None else ""
