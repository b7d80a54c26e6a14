"""The generic path: find title, date and content on a page no profile knows.

Content is the element whose paragraphs carry the most non-link text outside
boilerplate regions (a readability-style score computed with lxml in one
pass over the page), compared once more by shape: the page's own
``itemprop="articleBody"`` wins, a list of other articles' teasers loses.
``second_opinion`` gives trafilatura's choice of main text, for pages every
other path rejected.
"""

from __future__ import annotations

from collections import defaultdict

import lxml.html
from lxml import etree

from .boilerplate import is_boilerplate
from .classify import is_teaser_list
from .locate import DROP_MARK, Located, locate_article
from .page import Page
from .regions import headline_before, page_title, title_heading
from .tree import SqueezedTexts, text_start
from .vietnamese import clean_text

_SCORED_PARENTS = {"div", "article", "section", "td", "main", "body", "span", "font", "center"}
# Paragraph elements count with all their text; containers only with the
# text directly inside them (old sites write "text<br><br>text" in a <td>).
_PARAGRAPHS = {"p", "li", "blockquote", "pre", "h2", "h3", "h4"}
_TEXT_CARRIERS = (*_PARAGRAPHS, "div", "td", "span", "font")
_CONTENT_HINTS = ("content", "detail", "article", "entry", "body", "noidung", "news", "post", "chitiet", "story")
MIN_CONTENT_CHARS = 120


def locate(page: Page) -> Located | None:
    """Regions of the article on an unknown layout, or None if there is none."""
    body = page.root.find("body")
    content = _best_content(body) if body is not None else None
    return _around(page, content, "generic") if content is not None else None


def from_linked_data(page: Page) -> Located | None:
    """The article as the page's JSON-LD gives it (headline, articleBody):
    for pages that render their text with script, so the markup has none."""
    for item in page.linked_data:
        body, headline = item.get("articleBody"), item.get("headline") or item.get("name")
        if isinstance(body, str) and isinstance(headline, str) and len(body) >= MIN_CONTENT_CHARS:
            content = etree.Element("div")
            for paragraph in filter(None, map(str.strip, body.splitlines())):
                etree.SubElement(content, "p").text = paragraph
            description = item.get("description")
            return Located(extractor="json-ld", title=clean_text(headline), content=content,
                           lead=clean_text(description) if isinstance(description, str) else "",
                           date_texts=[item["datePublished"]] if isinstance(item.get("datePublished"), str) else [])
    return None


def second_opinion(page: Page) -> Located | None:
    """The article as trafilatura sees it: asked only when every other path
    found too little, or found a page that is not an article."""
    content = _trafilatura_content(page)
    return _around(page, content, "generic/trafilatura") if content is not None else None


def _around(page: Page, content: etree._Element, extractor: str) -> Located:
    """Title and regions around ``content``."""
    heading = title_heading(page)
    if heading is None:
        heading = headline_before(content)
    title = clean_text(heading.text_content()) if heading is not None else page_title(page)
    return locate_article(page, extractor, heading, title, content)


def _outside_boilerplate(body: etree._Element) -> tuple[dict[etree._Element, etree._Element | None], set]:
    """Elements of ``body`` that are not inside a menu, sidebar, footer...,
    each with the nearest paragraph element around it, if any (found on the
    way down, not by a walk up from every element); and the paragraph
    elements nested in another one or holding one, whose text is measured
    once, not again for every paragraph around it."""
    kept: dict[etree._Element, etree._Element | None] = {body: None}
    nested: set = set()
    stack = [body]
    while stack:
        element = stack.pop()
        paragraph = element if element.tag in _PARAGRAPHS else kept[element]
        for child in element:
            if isinstance(child.tag, str) and not is_boilerplate(child):
                kept[child] = paragraph
                stack.append(child)
                if paragraph is not None and child.tag in _PARAGRAPHS:
                    nested.update((child, paragraph))
    return kept, nested


def _best_content(body: etree._Element) -> etree._Element | None:
    kept, nested_paragraphs = _outside_boilerplate(body)
    nested = SqueezedTexts(nested_paragraphs)
    scores: dict[etree._Element, float] = defaultdict(float)
    link_lengths: dict[etree._Element, int] = {}
    for carrier in body.iter(*_TEXT_CARRIERS):
        if carrier not in kept:
            continue
        # Scoring only needs lengths and commas: split/join squeezes spaces
        # much faster than clean_text's normalisation.
        if carrier in nested.reused:
            measure = nested(carrier)
            own_chars, commas = measure.size, measure.commas
        elif carrier.tag in _PARAGRAPHS:
            text = " ".join(carrier.text_content().split())
            own_chars, commas = len(text), text.count(",")
        elif kept[carrier] is not None:
            continue  # already counted with its paragraph
        else:
            text = " ".join(" ".join([carrier.text or "", *(c.tail or "" for c in carrier)]).split())
            own_chars, commas = len(text), text.count(",")
        if own_chars < 25:
            continue
        link_chars = _link_chars(carrier, own_chars, link_lengths)
        score = own_chars * (1 - min(1.0, link_chars / max(own_chars, 1))) + 3 * commas
        parent = carrier.getparent()
        if parent is not None:
            scores[parent] += score
            grandparent = parent.getparent()
            # a cell's grandparent is its table: a long data table would
            # otherwise outscore the article it belongs to
            if grandparent is not None and carrier.tag != "td":
                scores[grandparent] += score / 2
        if carrier.tag in _SCORED_PARENTS:
            scores[carrier] += score
    if not scores:
        return None
    for element in scores:
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if any(hint in names for hint in _CONTENT_HINTS):
            scores[element] *= 1.25
        if element.get("itemprop", "").lower() == "articlebody":  # the page says so (schema.org)
            scores[element] *= 3
    leaders = sorted(scores, key=scores.get, reverse=True)[:_CONTENDERS]
    teasers = {leader for leader in leaders if is_teaser_list(leader)}
    # a teaser list, or one teaser of it, loses to any block that is neither
    teaser_like = {leader for leader in leaders if leader in teasers
                   or any(ancestor in teasers for ancestor in leader.iterancestors())}
    best = max(leaders, key=lambda element: scores[element] * (_TEASER_FACTOR if element in teaser_like else 1))
    if len(clean_text(best.text_content())) < MIN_CONTENT_CHARS:
        return None
    return _whole_article(best, scores, kept)


_CONTENDERS = 5  # the best-scored elements compared once more, by their shape
_TEASER_FACTOR = 0.2


def _link_chars(carrier: etree._Element, limit: int, lengths: dict) -> int:
    """Characters of link text inside ``carrier``, counted until they reach
    ``limit`` (its own text: past that it scores as all links anyway), each
    link measured once per page. Reading every link inside every carrier
    would cost nested carriers their depth times their links."""
    total = 0
    for link in carrier.iter("a"):
        length = lengths.get(link)
        if length is None:
            length = lengths[link] = len(link.text_content())
        total += length
        if total >= limit:
            break
    return total


_PART_SHARE = 0.15  # a sibling scoring this share of the best element is another part of the article
_WRAPPER_CHARS = 200  # the siblings of an element that merely wraps the text hold less than this


def _whole_article(best: etree._Element, scores: dict, kept: dict) -> etree._Element:
    """The element holding every part of an article its theme splits into
    sibling blocks (a column per few paragraphs, a card per paragraph,
    sections): climb while the parent's other children score like parts of
    the text. Their ads and empty wrappers stay behind as boilerplate does
    (``drop_boilerplate``, ``drop_link_lists``) or, unnamed, as
    ``data-govnews-drop`` marks read by the cleaned copy."""
    node = whole = best
    floor = _PART_SHARE * scores[best]
    while (parent := node.getparent()) is not None and parent.tag not in ("body", "html"):
        if parent.tag in ("tr", "tbody", "table"):
            break  # a table layout's columns are the page's, not the article's parts
        siblings = [child for child in parent if child is not node and isinstance(child.tag, str)]
        parts = [child for child in siblings if child in kept and _same_kind(child, node)
                 and not is_teaser_list(child) and _best_inside(child, scores) >= floor]
        if parts and not is_teaser_list(parent):
            for child in siblings:
                if child not in parts and child.tag in _FILLER_TAGS and _best_inside(child, scores) < floor:
                    child.set(DROP_MARK, "1")
            node = whole = parent
        elif sum(len(text_start(child, _WRAPPER_CHARS)) for child in siblings) < _WRAPPER_CHARS:
            node = parent  # a wrapper around the text and little else: look one level up
        else:
            break
    return whole


_FILLER_TAGS = {"div", "section", "span", "ins", "form"}  # never figures: a picture scores nothing


def _same_kind(element: etree._Element, other: etree._Element) -> bool:
    """Blocks cut from one text share their tag and a class (or have none)."""
    classes, others = set((element.get("class") or "").split()), set((other.get("class") or "").split())
    return element.tag == other.tag and (bool(classes & others) or not (classes or others))


def _best_inside(element: etree._Element, scores: dict) -> float:
    """The best score of ``element`` or any element inside it."""
    return max((scores.get(inner, 0.0) for inner in element.iter()), default=0.0)


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
