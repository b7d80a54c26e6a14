"""Find an article's lead and category around its title and content (its
date: published.py).

Profiles name these regions with selectors, but every site dresses its
template differently: when a layout's selectors miss, these finders look
inside the article's container (the smallest element holding both the title
and the content) for elements *named* like a standfirst or a category,
which is how CMS themes of every family mark them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

from .boilerplate import in_chrome
from .dates import parse_vietnamese_date
from .page import Page
from .tree import clean_text_start, remove_keeping_tails, text_start
from .vietnamese import clean_text

LEAD_NAMES = re.compile(r"sapo|summary|lead|tom-?tat|trich-?yeu|mo-?ta|excerpt|intro|description|abstract|teaser", re.I)
DATE_NAMES = re.compile(r"date|time|ngay|publish|posted|thoi-?gian", re.I)
# CMS account names shown as bylines: not a person who signed the article.
CATEGORY_NAMES = re.compile(r"(?:^|[\s_-])(?:cat|cate|category|chuyen-?muc|section)(?:$|[\s_-])", re.I)
BREADCRUMBS = ("[class*='breadcrumb'] a", "[id*='breadcrumb'] a", "[class*='duong-dan'] a", "[class*='duongdan'] a")
HOME_CRUMBS = {"trang chủ", "trang chu", "home", "trang nhất"}
_TEXT_TAGS = ("div", "p", "span", "section", "h2", "h3", "td", "strong", "em", "time", "li", "header")
_MAX_LEAD = 1500
_MAX_NAME = 80  # an author's or a category's name
_MAX_DATE_LINE = 80


def title_heading(page: Page) -> etree._Element | None:
    """The element printing the page's own title: an h1 (else h2/h3) that
    agrees with the metadata title, else, on pages without headings, the
    outermost element whose whole text is that title (a bold <font>...)."""
    meta_title = clean_text(page.meta.get("og:title") or page.html_title)
    if not meta_title:
        return None
    site_name = clean_text(page.meta.get("og:site_name", ""))
    for tags in (("h1",), ("h2", "h3")):
        for heading in page.root.iter(*tags):
            text = clean_text(heading.text_content())
            if len(text) >= 10 and (text in meta_title or meta_title.startswith(text[:40])):
                if not _is_masthead(heading, text, site_name):
                    return heading
    candidates = _title_candidates(page)
    first_words = {candidate.split()[0] for candidate in candidates}
    texts = {}
    for node in page.root.xpath("//body//text()[string-length(normalize-space()) >= 10][not(ancestor::a)]"):
        words = node.split(None, 1)
        if words and words[0] in first_words:  # most lines start unlike any candidate: skip cleaning them
            texts.setdefault(clean_text(node), node)
    for candidate in candidates:
        node = texts.get(candidate)
        if node is None:
            continue
        element = _outermost(node.getparent(), candidate)
        if not _is_masthead(element, candidate, site_name):
            return element
    return None


_MAX_TITLE_PARTS = 8  # more than any real title has


_HOME_PATHS = re.compile(r"^/?(?:(?:index|default|trang-?chu|home)(?:\.\w+)?)?/?$", re.I)


_SITE_NAME = re.compile(r"^(?:cổng|trang)\s+(?:thông\s+tin|ttđt)|\.gov\.vn$", re.I)


def _is_masthead(element: etree._Element, text: str, site_name: str) -> bool:
    """The site's own name printed big in the page header (many portals put
    their logo text in an <h1>): inside chrome, a link to the home page, or
    a text that is the site's name ("Cổng thông tin điện tử tỉnh ...").
    A title that merely mentions a portal ("Năm 2023, Cổng Dịch vụ công
    quốc gia ...") is not one."""
    if text == site_name or _SITE_NAME.search(text) or in_chrome(element):
        return True
    for link in element.iter("a"):
        if _HOME_PATHS.match(urlsplit(link.get("href") or "").path) and clean_text(link.text_content()) == text:
            return True
    return False


_HEADLINE_NAMES = re.compile(r"title|tieu-?de|headline|heading", re.I)
_BIG_FONT = re.compile(r"font-size\s*:\s*(\d+)", re.I)


def headline_before(content: etree._Element) -> etree._Element | None:
    """The headline printed above the article's text, for pages whose
    metadata title is only the site's name (old sites title every page alike).

    Walks back from the content's first full paragraph (so a headline at the
    top of the content counts too) over at most 30 text lines outside page
    chrome and links, and returns the nearest one set as a headline: a
    heading, a title-named element, a big font, or a short all-bold line.
    """
    first = content.xpath(".//text()[string-length(normalize-space()) >= 100][1]")
    anchor = _holder(first[0]) if first else content
    lines = anchor.xpath("preceding::text()[normalize-space()][position() <= 30]")  # the nearest 30
    for node in reversed(lines):
        element = _holder(node)
        text = clean_text(node)
        if not 15 <= len(text) <= 250 or parse_vietnamese_date(text) or in_chrome(element):
            continue
        if any(ancestor.tag == "a" for ancestor in (element, *element.iterancestors())):
            continue
        element = _outermost(element, text)
        if any(_looks_like_headline(part) for part in (element, *element.iterdescendants())):
            return element
    return None


def _outermost(element: etree._Element, text: str) -> etree._Element:
    """The outermost ancestor of ``element`` whose whole text is still ``text``
    (the <td> around the <font> around the <b> of an old page's title).
    Each ancestor's text is read only as far as ``text`` goes."""
    while element.getparent() is not None and clean_text_start(element.getparent(), len(text) + 1) == text:
        element = element.getparent()
    return element


def _holder(text) -> etree._Element:
    """The element a text node (an lxml "smart" string) is printed inside."""
    parent = text.getparent()
    return parent.getparent() if text.is_tail and parent.getparent() is not None else parent


def _looks_like_headline(element: etree._Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("h1", "h2", "h3", "h4", "b", "strong") or _named(element, _HEADLINE_NAMES):
        return True
    if tag == "font" and (element.get("size") or "").lstrip("+").isdigit():
        return int(element.get("size").lstrip("+")) >= 3
    size = _BIG_FONT.search(element.get("style") or "")
    return bool(size) and int(size.group(1)) >= 16


def _title_candidates(page: Page) -> list[str]:
    """The metadata title and its runs of parts between separators, longest
    first. Runs are at most ``_MAX_TITLE_PARTS`` long: a title split into
    hundreds of parts would give their number squared runs of its length."""
    meta_title = clean_text(page.meta.get("og:title") or page.html_title)
    candidates = {meta_title}
    for separator in (" | ", " - ", " – ", " :: "):
        parts = meta_title.split(separator)
        for start in range(len(parts)):
            for end in range(start + 1, min(start + _MAX_TITLE_PARTS, len(parts)) + 1):
                candidates.add(separator.join(parts[start:end]).strip())
    return sorted((c for c in candidates if len(c) >= 10), key=len, reverse=True)


def page_title(page: Page) -> str:
    """The page's title from its metadata, without the site name around it.

    Only the parts that name the site are cut ("... - Cổng thông tin điện tử
    huyện Đà Bắc"), so a title that itself holds " - " stays whole.
    """
    meta_title = page.meta.get("og:title") or page.html_title
    site_name = page.meta.get("og:site_name", "")
    for separator in (" | ", " - ", " – ", " :: "):
        parts = meta_title.split(separator)
        if len(parts) < 2:
            continue
        while len(parts) > 1 and _names_site(parts[-1], site_name):
            parts.pop()
        while len(parts) > 1 and _names_site(parts[0], site_name):
            parts.pop(0)
        meta_title = separator.join(parts).strip()
    return meta_title


_SITE_WORDS = re.compile(r"cổng|trang\s+thông\s+tin|website|portal|\.gov\.vn|\.vn\b|báo\s+điện\s+tử", re.I)


def _names_site(part: str, site_name: str) -> bool:
    part = part.strip()
    return bool(part) and (part == site_name.strip() or bool(_SITE_WORDS.search(part)))


def container_of(title: etree._Element | None, content: etree._Element) -> etree._Element:
    """The smallest element holding both ``title`` and ``content``."""
    if title is None:
        return content.getparent() if content.getparent() is not None else content
    ancestors = {content, *content.iterancestors()}  # the set keeps the proxies alive
    for node in title.iterancestors():
        if node in ancestors:
            return node
    return content


def _named(element: etree._Element, pattern: re.Pattern) -> bool:
    classes, ident = element.get("class"), element.get("id")
    return bool((classes or ident) and _names_match(pattern, f"{classes or ''} {ident or ''}"))


@lru_cache(maxsize=8192)
def _names_match(pattern: re.Pattern, names: str) -> bool:
    """Pages repeat a few hundred class names over thousands of elements."""
    return bool(pattern.search(names))


def find_lead(container: etree._Element, title: str) -> etree._Element | None:
    """A standfirst-named element of a standfirst's length."""
    for element in container.iter(*_TEXT_TAGS):
        if _named(element, LEAD_NAMES) and not in_chrome(element, container):
            text = clean_text_start(element, _MAX_LEAD + 1)
            if 40 <= len(text) <= _MAX_LEAD and text != title:
                return element
    return None


def find_bold_lead(container: etree._Element, content: etree._Element) -> etree._Element | None:
    """A standfirst printed in bold just before the content (old table layouts)."""
    candidate = None
    around_content = set(content.iterancestors())
    for element in container.iter("td", "p", "div", "font"):
        if element is content:
            break
        if element in around_content:
            continue
        text = clean_text_start(element, _MAX_LEAD + 1)
        if not 60 <= len(text) <= _MAX_LEAD:
            continue
        bold = clean_text(" ".join(b.text_content() for b in element.iter("b", "strong")))
        if bold == text:
            candidate = element
    return candidate


def find_category(page: Page, container: etree._Element, title: str) -> str:
    """The last breadcrumb that is neither "Trang chủ" nor the article's own
    title, else a category-named link."""
    crumb = selected_crumb(page, BREADCRUMBS, title) or last_crumb(_unmarked_breadcrumb(page), title)
    if crumb:
        return crumb
    for element in container.iter(*_TEXT_TAGS, "a"):
        if _named(element, CATEGORY_NAMES):
            text = clean_text_start(element, _MAX_NAME + 1)
            if 2 <= len(text) <= _MAX_NAME:
                return text
    return ""


def selected_crumb(page: Page, selectors, title: str) -> str:
    """The category of the first breadcrumb trail ``selectors`` find."""
    for selector in selectors:
        crumb = last_crumb([clean_text(el.text_content()) for el in page.select(selector)], title)
        if crumb:
            return crumb
    return ""


def last_crumb(crumbs: list[str], title: str) -> str:
    """The deepest category of a breadcrumb trail: many trails end with the
    article's own (sometimes shortened) title, which is not a category."""
    crumbs = [c for c in crumbs if c and c.lower() not in HOME_CRUMBS]
    while crumbs and title and (crumbs[-1] == title or _shortened(crumbs[-1], title)):
        crumbs.pop()
    return crumbs[-1] if crumbs else ""


def _shortened(crumb: str, title: str) -> bool:
    """"Hội nghị triển khai nhiệm vụ..." for a longer title."""
    stem = crumb.rstrip(".… ")
    return len(stem) >= 20 and stem != crumb and title.startswith(stem)


def first_outside_boilerplate(page: Page, selectors, container: etree._Element) -> etree._Element | None:
    """First element under ``container`` matching ``selectors`` (tried in order)
    that is not inside a related-news list, share bar or similar."""
    for selector in selectors:
        for element in page.select(selector, container):
            if not in_chrome(element, container):
                return element
    return None


def drop_datelines(content: etree._Element) -> None:
    """Remove short date-named lines ("22/11/2023 08:15") from a content copy."""
    remove_keeping_tails([
        element for element in content.iter(*_TEXT_TAGS)
        if element is not content and _named(element, DATE_NAMES) and _is_date_line(element)
    ])


def _is_date_line(element: etree._Element) -> bool:
    text = clean_text_start(element, _MAX_DATE_LINE + 1)
    return len(text) <= _MAX_DATE_LINE and bool(parse_vietnamese_date(text))


def _unmarked_breadcrumb(page: Page) -> list[str]:
    """"Trang chủ › Tin tức › Giáo dục" with no class to say it is a breadcrumb."""
    longest = max(map(len, HOME_CRUMBS))
    for link in page.root.iter("a"):
        start = text_start(link, longest + 8)  # most links are longer: one bounded read tells
        if len(start) > longest + 4 or clean_text(start).lower() not in HOME_CRUMBS:
            continue
        trail = link.getparent()
        links = [clean_text(a.text_content()) for a in trail.iter("a")]
        if 2 <= len(links) <= 6 and _CRUMB_SEPARATORS.search(trail.text_content()):
            return links
    return []


_CRUMB_SEPARATORS = re.compile(r"[›»>→]|\s/\s")
