"""The generic path: find title, date and content on a page no profile knows.

Content is the element whose paragraphs carry the most non-link text outside
boilerplate regions (a readability-style score computed with lxml in one
pass over the page). When that finds too little, trafilatura's choice of
main text is used instead.
"""

from __future__ import annotations

from collections import defaultdict

import lxml.html
from lxml import etree

from .boilerplate import is_boilerplate
from .locate import Located, locate_article
from .page import Page
from .regions import headline_before, page_title, title_heading
from .tree import SqueezedTexts
from .vietnamese import clean_text

_SCORED_PARENTS = {"div", "article", "section", "td", "main", "body", "span", "font", "center"}
# Paragraph elements count with all their text; containers only with the
# text directly inside them (old sites write "text<br><br>text" in a <td>).
_PARAGRAPHS = {"p", "li", "blockquote", "pre", "h2", "h3", "h4"}
_TEXT_CARRIERS = (*_PARAGRAPHS, "div", "td", "span", "font")
_CONTENT_HINTS = ("content", "detail", "article", "entry", "body", "noidung", "news", "post", "chitiet", "story")
MIN_CONTENT_CHARS = 120
_MAX_SIBLING_CHARS = 600  # a standfirst or a caption beside the content


def locate(page: Page) -> Located | None:
    """Regions of the article on an unknown layout, or None if there is none."""
    body = page.root.find("body")
    if body is None:
        return None
    content = _best_content(body)
    extractor = "generic"
    if content is None:
        content = _trafilatura_content(page)
        extractor = "generic/trafilatura"
    if content is None:
        return None
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
    best = max(scores, key=scores.get)
    if len(clean_text(best.text_content())) < MIN_CONTENT_CHARS:
        return None
    return _with_lead_image(best)


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


def _with_lead_image(best: etree._Element) -> etree._Element:
    """The content's parent when the article's picture sits in a sibling
    field just before the text (Drupal's field-image, Joomla's item-image),
    as long as every other sibling is short: a caption, a standfirst or page
    furniture, never a second body of text or a list of links."""
    parent = best.getparent()
    if parent is None or parent.tag == "body":
        return best
    siblings = [child for child in parent if isinstance(child.tag, str) and child is not best]
    before = set(best.itersiblings(preceding=True))
    pictured = False
    for sibling in siblings:
        if is_boilerplate(sibling):
            continue
        text = " ".join(sibling.text_content().split())
        if len(text) > _MAX_SIBLING_CHARS:
            return best
        links = sum(len(a.text_content().strip()) for a in sibling.iter("a"))
        if text and links > len(text) / 2:
            return best
        pictured = pictured or (sibling in before and any(_is_picture(img) for img in sibling.iter("img")))
    return parent if pictured else best


def _is_picture(img: etree._Element) -> bool:
    """An image big enough to be a photograph, not an icon or a spacer."""
    sizes = [img.get("width", ""), img.get("height", "")]
    return bool(img.get("src")) and not any(size.isdigit() and int(size) < 100 for size in sizes)


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
