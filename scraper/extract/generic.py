"""The generic path: find title, date and content on a page no profile knows.

Content is the element whose paragraphs carry the most non-link text after
boilerplate regions are removed (a readability-style score, computed with
lxml in one pass). When that finds too little, trafilatura's choice of main
text is used instead.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict

import lxml.html
from lxml import etree

from .attachments import attachment_regions
from .boilerplate import drop_boilerplate
from .page import Page
from .profiles.base import Located
from .vietnamese import clean_text

_SCORED_PARENTS = {"div", "article", "section", "td", "main", "body", "span", "font", "center"}
_TEXT_CARRIERS = {"p", "div", "td", "span", "font", "li", "blockquote", "h2", "h3", "h4", "pre"}
_CONTENT_HINTS = ("content", "detail", "article", "entry", "body", "noidung", "news", "post", "chitiet", "story")
MIN_CONTENT_CHARS = 120
_LEAD_NAMES = re.compile(r"sapo|summary|lead|tom-?tat|trich-?yeu|mo-?ta|excerpt|intro|description|abstract", re.I)
_AUTHOR_NAMES = re.compile(r"author|tac-?gia|byline|nguoi-?viet", re.I)


def locate(page: Page) -> Located | None:
    """Regions of the article on an unknown layout, or None if there is none."""
    title = _title(page)
    root = copy.deepcopy(page.root)
    body = root.find("body")
    if body is None:
        return None
    drop_boilerplate(body)
    lead = _lead(body, title)
    content = _best_content(body)
    if content is None:
        content = _trafilatura_content(page)
    if content is None:
        return None
    if lead is not None and lead in set(content.iter()):
        lead.drop_tree()
    return Located(
        extractor="generic",
        title=title,
        content=content,
        lead=clean_text(lead.text_content()) if lead is not None else "",
        date_text="",
        author=_byline(body),
        category=_category(page),
        extra_regions=attachment_regions(page),
    )


def _lead(body: etree._Element, title: str) -> etree._Element | None:
    """The standfirst: an element named like one, of a standfirst's length."""
    for element in body.iter("div", "p", "h2", "span", "section", "strong", "td"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not _LEAD_NAMES.search(names):
            continue
        text = clean_text(element.text_content())
        if 40 <= len(text) <= 1200 and text != title:
            return element
    return None


def _byline(body: etree._Element) -> str:
    for element in body.iter("div", "p", "span", "a", "strong"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if _AUTHOR_NAMES.search(names):
            text = clean_text(element.text_content())
            if 2 <= len(text) <= 80:
                return text
    return ""


def _category(page: Page) -> str:
    for selector in ("[class*='breadcrumb'] a", "[id*='breadcrumb'] a", "[class*='duong-dan'] a", "[class*='duongdan'] a"):
        crumbs = [clean_text(a.text_content()) for a in page.select(selector)]
        crumbs = [c for c in crumbs if c and c.lower() not in ("trang chủ", "home", "trang chu")]
        if crumbs:
            return crumbs[-1]
    return ""


def _title(page: Page) -> str:
    """The page's <h1> that agrees with its metadata title, else the metadata title."""
    meta_title = page.meta.get("og:title") or page.html_title
    headings = [clean_text(h.text_content()) for h in page.root.iter("h1", "h2")]
    headings = [h for h in headings if 10 <= len(h) <= 400]
    for heading in headings:
        if meta_title and (heading in meta_title or meta_title.startswith(heading[:40])):
            return heading
    if meta_title:
        for separator in (" | ", " - ", " – ", " :: "):
            if separator in meta_title:
                return max(meta_title.split(separator), key=len).strip()
        return meta_title
    return headings[0] if headings else ""


def _best_content(body: etree._Element) -> etree._Element | None:
    scores: dict[etree._Element, float] = defaultdict(float)
    for carrier in body.iter(*_TEXT_CARRIERS):
        text = clean_text(carrier.text or "") + "".join(clean_text(c.tail or "") for c in carrier)
        own_chars = len(text)
        if own_chars < 25:
            continue
        link_chars = sum(len(a.text_content()) for a in carrier.iter("a"))
        score = own_chars * (1 - min(1.0, link_chars / max(own_chars, 1))) + 3 * text.count(",")
        parent = carrier.getparent()
        if parent is not None:
            scores[parent] += score
            grandparent = parent.getparent()
            if grandparent is not None:
                scores[grandparent] += score / 2
        if carrier.tag in _SCORED_PARENTS:
            scores[carrier] += score
    if not scores:
        return None
    for element in scores:
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if any(hint in names for hint in _CONTENT_HINTS):
            scores[element] *= 1.25
    best = max(scores, key=scores.get)
    if len(clean_text(best.text_content())) < MIN_CONTENT_CHARS:
        return None
    return best


def _trafilatura_content(page: Page) -> etree._Element | None:
    """Main content as chosen by trafilatura, as an HTML element."""
    import trafilatura

    html = trafilatura.extract(
        lxml.html.tostring(page.root, encoding="unicode"), url=page.url,
        output_format="html", include_images=True, include_tables=True,
        include_comments=False, favor_recall=True,
    )
    if not html:
        return None
    tree = lxml.html.fromstring(html)
    return tree.find("body") if tree.find("body") is not None else tree
