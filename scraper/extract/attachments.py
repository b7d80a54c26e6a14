"""Attached documents: links to PDF, Word, Excel and archive files."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from ..urls import canonical_url
from .article import Attachment
from .boilerplate import is_chrome
from .documents import document_type, mentions_document
from .tree import NearestAbove, remove_keeping_tails, text_start
from .vietnamese import clean_text

# Labels portals put on download links; a paragraph of only these and
# document links is the attachment list, not body text.
ATTACHMENT_LABELS = re.compile(
    r"^\s*(?:tải\s*về|tải\s*xuống|download|xem\s*chi\s*tiết|file\s*đính\s*kèm|tệp\s*đính\s*kèm|"
    r"văn\s*bản\s*đính\s*kèm|tài\s*liệu\s*đính\s*kèm|đính\s*kèm|xem\s*file|xem\s*văn\s*bản)\s*:?\s*",
    re.I,
)


def is_label(text: str) -> bool:
    """True when ``text`` holds nothing but download labels and punctuation."""
    return not ATTACHMENT_LABELS.sub("", text).strip(" :.-–|()[]")


def find_attachments(regions: list[etree._Element], base_url: str) -> list[Attachment]:
    """Document links inside ``regions``, once each, in page order."""
    found: dict[str, Attachment] = {}
    for region in regions:
        for link in region.iter("a"):
            href = (link.get("href") or "").strip()
            if not href or href.lower().startswith(("javascript:", "mailto:", "data:", "vbscript:", "#")):
                continue
            url = _without_download_flag(canonical_url(urljoin(base_url, href)))
            kind = document_type(url)
            if not kind or url in found:
                continue
            title = ATTACHMENT_LABELS.sub("", clean_text(link.text_content())) or clean_text(link.get("title") or "")
            if not title:
                title = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
            found[url] = Attachment(url=url, title=title, type=kind)
    return list(found.values())


_REGION_NAMES = re.compile(r"attach|dinh-?kem|file-?kem|tai-?lieu|download|tep-?tin|(?:^|[-_])files?(?:$|[-_])", re.I)
_REGION_TAGS = ("div", "ul", "table", "section", "p")
_LABEL_LEVELS = 4  # how far above a link a "Tải về" label may sit


def _named_like_region(element: etree._Element) -> bool:
    return bool(_REGION_NAMES.search(f"{element.get('class', '')} {element.get('id', '')}"))


def drop_attachment_regions(content: etree._Element) -> None:
    """Remove attachment lists (named like one, holding a document link)
    from a content copy: they are not body text."""
    holding = _holding_document_links(content)
    remove_keeping_tails([
        element for element in content.iter(_REGION_TAGS)
        if element is not content and element in holding and _named_like_region(element)
    ])


def _holding_document_links(root: etree._Element) -> set:
    """``root`` and the elements under it that have a document link inside
    (or are one): each link's ancestors are marked up to one already marked."""
    holding: set = set()
    for link in root.iter("a"):
        if document_type(link.get("href") or ""):
            node = link
            while node not in holding:
                holding.add(node)
                if node is root:
                    break
                node = node.getparent()
    return holding


def attachment_regions(page) -> list[etree._Element]:
    """Attachment blocks anywhere on the page but in sidebars and menus.

    Found from the page's document links outward, so pages without any
    (most of them) cost one pass over their links; a block holding another
    found block stands for both.
    """
    links = [link for link in page.root.iter("a") if mentions_document(link.get("href") or "")]
    if not links:
        return []
    around = _RegionFinder()
    regions: dict[etree._Element, None] = {}  # an ordered set
    for link in links:
        region = around(link)
        if region is not None:
            regions.setdefault(region)
    chrome = NearestAbove(is_chrome)
    outer_region = NearestAbove(regions.__contains__)
    return [region for region in regions
            if chrome(region.getparent()) is None and outer_region(region.getparent()) is None]


class _RegionFinder:
    """The nearest block around a document link that is named like an
    attachment list, or that opens with a download label ("Văn bản đính
    kèm", "Tải về:") whatever its names, the label no more than
    ``_LABEL_LEVELS`` above the link.

    Links share their ancestors: each ancestor's names and opening text are
    read once per page, and only its first characters.
    """

    def __init__(self) -> None:
        self.named_above = NearestAbove(_is_named_region, stop=lambda element: element.tag in ("body", "html"))
        self.labelled: dict[etree._Element, bool] = {}

    def __call__(self, link: etree._Element) -> etree._Element | None:
        for level, block in enumerate(link.iterancestors()):
            if level == _LABEL_LEVELS:
                return self.named_above(block)
            if block.tag in ("body", "html"):
                return None
            if _is_named_region(block) or self._opens_with_label(block):
                return block
        return None

    def _opens_with_label(self, block: etree._Element) -> bool:
        found = self.labelled.get(block)
        if found is None:
            found = self.labelled[block] = bool(ATTACHMENT_LABELS.match(clean_text(text_start(block, 80))))
        return found


def _is_named_region(element: etree._Element) -> bool:
    return element.tag in _REGION_TAGS and _named_like_region(element)


def _without_download_flag(url: str) -> str:
    """Liferay and others add ?download=true to a document's own address."""
    return re.sub(r"[?&]download=(?:true|1)$", "", url)
