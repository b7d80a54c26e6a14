"""Is this page an article? Listings, search results, error pages dressed as
200 and empty placeholders are not, and must not be stored as if they were."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from .article import Article
from .documents import document_type, mentions_document
from .page import Page
from .tree import NearestAbove, text_start
from .vietnamese import clean_text

MIN_BODY_CHARS = 100
DIGEST_ITEM_CHARS = 150  # text after a linked headline in the same paragraph
# What the page itself says it is: no other path would find an article there.
FINAL_VERDICTS = ("error page", "search results")
# Verdicts of a path that found too little: another may find the article.
TOO_LITTLE = {"no body", "no title", "no prose"}
MAX_NOTICE_DOCUMENTS = 3
_ERROR = re.compile(
    r"không\s+tồn\s+tại|không\s+tìm\s+thấy|page\s+not\s+found|\b404\b|lỗi\s+truy\s+cập|"
    r"đã\s+bị\s+(?:xóa|xoá|gỡ)|không\s+có\s+quyền|access\s+denied",
    re.I,
)
_SEARCH = re.compile(r"kết\s+quả\s+tìm\s+kiếm|search\s+results|tìm\s+kiếm\s*:", re.I)
_PLACEHOLDER = re.compile(r"(?:nội\s+dung\s+)?đang\s+(?:được\s+)?(?:cập\s+nhật|xây\s+dựng|hoàn\s+thiện)|coming\s+soon", re.I)
_HEADLINE_LINK_CHARS = 25
_NAVIGATION = re.compile(r"menu|nav", re.I)
_DATE_ONLY = re.compile(r"[\d\s/:.,|()\-–]*")
_TABLE_CELLS = " | "  # how a table row reads in the body
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "report", "governmentservice"}


def not_an_article(page: Page, article: Article, content: etree._Element,
                   source: etree._Element | None = None) -> str:
    """Why the page is not an article ("error page", "listing", ...), or "".
    ``content`` is the cleaned copy extraction took the text from,
    ``source`` the same region where it stands in the page, if known."""
    heading = " ".join([article.title, page.html_title])
    if _ERROR.search(article.title) or (_ERROR.search(heading) and len(article.body) < 600):
        return "error page"
    if _SEARCH.search(heading):
        return "search results"
    if not article.title:
        return "no title"
    # teasers inside what was taken for the article (trafilatura's copy keeps no links: look at the page)
    headlines, _ = _links(page.root if article.extractor.endswith("trafilatura") else content)
    paragraphs = article.paragraphs
    # a paragraph's beginnings as long as some headline are looked up: the
    # cost grows with the headlines' different lengths, not their number
    lengths = {len(headline) for headline in headlines}
    # ...and a paragraph that goes on well past its linked headline is the
    # text of a digest ("10 things you need to know"), not a teaser
    listed = [p for p in paragraphs
              if any(len(p) - length < DIGEST_ITEM_CHARS and p[:length] in headlines for length in lengths)]
    listed_set = set(listed)
    own = [p for p in paragraphs if p not in listed_set and not _DATE_ONLY.fullmatch(p)]
    own_chars = sum(len(p) for p in own)
    if is_teaser_list(content) or (source is not None and is_one_teaser_of_many(source)):
        return "listing"  # teasers of other articles, however long their standfirsts
    # A page that says it is an article is one, unless the listing is overwhelming.
    declared = declares_article(page)
    listed_chars = sum(len(p) for p in listed)
    if len(listed) >= 3 and own_chars < 2 * listed_chars and (not declared or own_chars < listed_chars / 2):
        return "listing"  # headlines with little else
    if len(listed) >= 5 and len(listed) >= 0.4 * len(paragraphs) and (not declared or len(listed) >= 0.7 * len(paragraphs)):
        return "listing"  # headline, standfirst, headline, standfirst...
    if own_chars < MIN_BODY_CHARS or (own_chars < 300 and _PLACEHOLDER.search(" ".join(own))):
        return "placeholder" if _PLACEHOLDER.search(" ".join(own) + " " + article.lead) else "no body"
    prose_chars = sum(len(p) for p in own if _TABLE_CELLS not in p)
    if prose_chars < MIN_BODY_CHARS and not article.lead and not _is_notice(article) and not declared:
        return "no prose"  # a grid (a calendar day, a price table) with nothing written around it
    if own_chars < 400 and not _is_notice(article) and not declared:
        # little text of its own: is the page a list of other articles or documents?
        headlines, documents = _links(page.root)
        if len(headlines) >= 12 or documents >= 5:
            return "listing"
    return ""


def declares_article(page: Page) -> bool:
    """Whether the page says it is an article: og:type article, an
    article:published_time, or a JSON-LD object of an article type."""
    if page.meta.get("og:type", "").lower() == "article" or page.meta.get("article:published_time"):
        return True
    for item in page.linked_data:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.lower() in ARTICLE_TYPES for kind in kinds):
            return True
    return False


def _is_notice(article: Article) -> bool:
    """A short announcement ("Thông báo lịch tiếp công dân...") whose
    substance is the one to three documents it attaches: an article, however
    little text it has and however many headlines the sidebars list."""
    return 1 <= len(article.attachments) <= MAX_NOTICE_DOCUMENTS


def _links(root: etree._Element) -> tuple[set[str], int]:
    """Texts of headline-sized links outside navigation menus (teasers of
    other articles), and how many links point to document files."""
    texts, documents = set(), 0
    navigation = NearestAbove(_is_navigation)
    for link in root.iter("a"):
        if document_type(link.get("href") or ""):
            documents += 1
        text = clean_text(link.text_content())
        if len(text) >= _HEADLINE_LINK_CHARS and navigation(link.getparent()) is None:
            texts.add(text)
    return texts, documents


def _is_navigation(element: etree._Element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return element.tag == "nav" or bool(_NAVIGATION.search(names))


# ---------------------------------------------------------------- teasers of other articles

_MIN_TEASERS = 3
_LINKS_PER_TEASER = 2  # a headline and its "read more"
_TEASER_SHARE = 0.7  # of the text, in teasers
_AROUND_HEADLINE = 20  # a headline link is nearly all of its line: a date beside it at most


def is_teaser_list(element: etree._Element) -> bool:
    """A list of other articles' teasers ("More from...", "Most read", a
    category's blog): most of its text is in items, each led by a link to
    another page (a headline on its own line, or "read more"), however long
    their standfirsts. An article followed by a few related links is not
    one, nor a digest whose linked headlines run on into their paragraph."""
    links = [link for link in element.iter("a") if _leads_elsewhere(link)]
    if len(links) < _MIN_TEASERS:
        return False
    chains, holding = [], Counter()
    for link in links:
        chain = []
        for node in link.iterancestors():
            if node is element:
                break
            chain.append(node)
            holding[node] += 1
        chains.append(chain)
    items = set()
    for link, chain in zip(links, chains):
        item = link  # the largest block around the link with no other item's links
        for node in chain:
            if holding[node] > _LINKS_PER_TEASER:
                break
            item = node
        items.add(item)
    outermost = [item for item in items if not any(above in items for above in item.iterancestors())]
    item_chars = sum(len(" ".join(item.text_content().split())) for item in outermost)
    return item_chars >= _TEASER_SHARE * len(" ".join(element.text_content().split()))


_ITEM_LEVELS = 3  # ancestors of the content looked at for the item it belongs to


def is_one_teaser_of_many(content: etree._Element) -> bool:
    """Whether what was taken for the article is one teaser of a list: the
    content, or a block around it, is one of at least ``_MIN_TEASERS``
    sibling blocks of one tag, each led by a headline link to another page
    (a category page of WordPress posts, each its own ``<article>``)."""
    node = content
    for _ in range(_ITEM_LEVELS):
        parent = node.getparent()
        if parent is None:
            return False
        if _headline_link(node) is not None:
            siblings = [child for child in parent if child.tag == node.tag]
            return sum(_headline_link(sibling) is not None for sibling in siblings) >= _MIN_TEASERS
        node = parent
    return False


def _headline_link(block: etree._Element) -> etree._Element | None:
    """The link of the block's heading, when the heading is a link (to another page)."""
    for heading in block.iter("h1", "h2", "h3", "h4"):
        for link in heading.iter("a"):
            if link.get("href") and not link.get("href").startswith("#"):
                return link
        return None
    return None


_READ_MORE = re.compile(r"^\W*(?:chi\s*tiết|xem\s*(?:tiếp|thêm|chi\s*tiết)|đọc\s*(?:tiếp|thêm)|read\s*more|"
                        r"continue\s*reading|more|mehr|подробнее|leia\s*mais|ler\s*mais)\W*$", re.I)


def _leads_elsewhere(link: etree._Element) -> bool:
    """A headline link alone on its line, or a "read more" one, to a page (not a document)."""
    if mentions_document(link.get("href") or ""):
        return False
    text = " ".join(link.text_content().split())
    if _READ_MORE.match(text):
        return True
    if len(text) < _HEADLINE_CHARS_TEASER:
        return False
    node, line = link, link.getparent()
    while line is not None and line.tag in _INLINE:
        node, line = line, line.getparent()
    if line is None or len(text_start(line, len(text) + _AROUND_HEADLINE + 1)) <= len(text) + _AROUND_HEADLINE:
        return True
    # a headline that opens a block going on below it (a date, then its standfirst in a <p>)
    return _text_before(node, line) <= _AROUND_HEADLINE and _inline_after(node) <= _AROUND_HEADLINE


_INLINE = ("span", "strong", "b", "em", "i", "font", "small", "time", "abbr", "label")


def _text_before(node: etree._Element, line: etree._Element) -> int:
    """Characters of ``line``'s text before ``node`` (which is one of its children)."""
    chars = len((line.text or "").strip())
    for sibling in node.itersiblings(preceding=True):
        chars += _own_chars(sibling)
        if chars > _AROUND_HEADLINE:
            break
    return chars


def _own_chars(node: etree._Element) -> int:
    """Characters of an element's text and tail (a comment's tail only)."""
    text = " ".join(node.text_content().split()) if isinstance(node.tag, str) else ""
    return len(text) + len((node.tail or "").strip())


def _inline_after(node: etree._Element) -> int:
    """Characters following ``node`` on its own line: up to the next block element."""
    chars = len((node.tail or "").strip())
    for sibling in node.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in _INLINE + ("a",):
            break
        chars += _own_chars(sibling)
        if chars > _AROUND_HEADLINE:
            break
    return chars


_HEADLINE_CHARS_TEASER = 25
