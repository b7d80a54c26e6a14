"""Attached documents: links to PDF, Word, Excel and archive files."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from .article import Attachment
from .boilerplate import in_chrome
from .documents import document_type, mentions_document
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
            url = _without_download_flag(urljoin(base_url, href))
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


def _is_attachment_region(element: etree._Element) -> bool:
    """Named like an attachment list and holding at least one document link."""
    return _named_like_region(element) and any(document_type(link.get("href") or "") for link in element.iter("a"))


def drop_attachment_regions(content: etree._Element) -> None:
    """Remove attachment lists from a content copy: they are not body text."""
    for element in list(content.iter(_REGION_TAGS)):
        if element is not content and element.getparent() is not None and _is_attachment_region(element):
            element.drop_tree()


def attachment_regions(page) -> list[etree._Element]:
    """Attachment blocks anywhere on the page but in sidebars and menus.

    Found from the page's document links outward, so pages without any
    (most of them) cost one pass over their links.
    """
    regions: list[etree._Element] = []
    for link in page.root.iter("a"):
        if mentions_document(link.get("href") or ""):
            region = _region_around(link)
            if region is not None and region not in regions:
                regions.append(region)
    return [region for region in regions if not in_chrome(region.getparent())]


def _region_around(link: etree._Element) -> etree._Element | None:
    """The nearest block around a document link that is named like an
    attachment list, or that opens with a download label ("Văn bản đính
    kèm", "Tải về:") whatever its names."""
    for level, block in enumerate(link.iterancestors()):
        if block.tag in ("body", "html"):
            break
        if block.tag in _REGION_TAGS and _named_like_region(block):
            return block
        if level < _LABEL_LEVELS and ATTACHMENT_LABELS.match(clean_text(block.text_content()[:80])):
            return block
    return None


def _without_download_flag(url: str) -> str:
    """Liferay and others add ?download=true to a document's own address."""
    return re.sub(r"[?&]download=(?:true|1)$", "", url)
