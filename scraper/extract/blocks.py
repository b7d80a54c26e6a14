"""Flatten an article's content element into an ordered list of blocks.

A block is a paragraph, a heading, a table or an image, with the formatting
hints later cleaning needs (all-italic, all-bold, centred, right-aligned).
Portals build paragraphs from <p>, bare <div>s or runs of <br><br>; the
walker treats all of them alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urljoin

from lxml import etree

from ..urls import canonical_url
from .attachments import is_label
from .documents import document_type
from .tree import text_start
from .vietnamese import clean_text

BLOCK_TAGS = {
    "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "dl", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "thead",
    "figure", "figcaption", "center", "pre", "header", "footer", "aside", "main", "address",
}
SKIPPED_TAGS = {  # scripts, styles, templates and noscript are gone already (Page.parse)
    "button", "input", "select", "textarea",
    "iframe", "object", "embed", "svg", "canvas", "nav", "video", "audio",
}
EMPHASIS_TAGS = {"em", "i"}
STRONG_TAGS = {"strong", "b"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CAPTION_CLASS = re.compile(r"caption|chu-?thich|image_?desc|img-desc|photo-?note|imgcap", re.I)
MAX_CAPTION_TEXT = 400
_CENTER = re.compile(r"text-align\s*:\s*center|\bcenter\b", re.I)
_RIGHT = re.compile(r"text-align\s*:\s*right|\bright\b", re.I)


@dataclass
class Block:
    """One paragraph-level unit of article content."""

    kind: str  # "p", "heading", "table", "img"
    text: str = ""
    src: str = ""
    alt: str = ""
    caption: str = ""
    italic: bool = False
    bold: bool = False
    centered: bool = False
    right: bool = False
    caption_class: bool = False
    attachment_only: bool = False  # a line listing attached documents


def content_blocks(root: etree._Element, base_url: str) -> list[Block]:
    """Blocks of ``root`` in reading order."""
    walker = _Walker(base_url, _holding_images(root))
    walker.walk(root, _Style())
    walker.flush()
    return walker.blocks


def picture_block(fields: list[etree._Element], base_url: str) -> Block | None:
    """The one image of a picture field, captioned with the fields' text."""
    blocks = [block for field in fields for block in content_blocks(field, base_url)]
    images = [block for block in blocks if block.kind == "img"]
    if len(images) != 1:
        return None
    image = images[0]
    image.caption = image.caption or " ".join(block.text for block in blocks if block.kind != "img")
    return image


@dataclass(frozen=True)
class _Style:
    italic: bool = False
    bold: bool = False
    centered: bool = False
    right: bool = False
    caption: bool = False
    document_link: bool = False


class _Run:
    """Inline text collected for the paragraph being built."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, _Style]] = []
        self.block_style = _Style()

    def add(self, text: str | None, style: _Style) -> None:
        if text:
            self.parts.append((text, style))


def _holding_images(root: etree._Element) -> set:
    """Elements under ``root`` with an image inside: each image's ancestors
    are marked up to one already marked, not every table searched for one."""
    holding: set = set()
    for image in root.iter("img"):
        node = image.getparent()
        while node is not None and node not in holding:
            holding.add(node)
            node = None if node is root else node.getparent()
    return holding


class _Walker:
    def __init__(self, base_url: str, holding_images: set) -> None:
        self.base_url = base_url
        self.holding_images = holding_images
        self.blocks: list[Block] = []
        self.run = _Run()
        self.breaks = 0

    def flush(self) -> None:
        text = clean_text("".join(t for t, _ in self.run.parts))
        if text:
            visible = [(t, s) for t, s in self.run.parts if t.strip()]
            style = self.run.block_style
            self.blocks.append(Block(
                kind="p",
                text=text,
                italic=all(s.italic for _, s in visible),
                bold=all(s.bold for _, s in visible),
                centered=style.centered or all(s.centered for _, s in visible),
                right=style.right or all(s.right for _, s in visible),
                caption_class=any(s.caption for _, s in visible),
                attachment_only=any(s.document_link for _, s in visible)
                and is_label(" ".join(t for t, s in visible if not s.document_link)),
            ))
        self.run = _Run()
        self.breaks = 0

    def walk(self, el: etree._Element, style: _Style) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().split("}")[-1]
        if not tag or tag in SKIPPED_TAGS:
            self.run.add(el.tail, style)  # a skipped element's tail is its parent's text
            return
        outer_style = style
        style = _restyle(el, tag, style, el in self.holding_images)
        if tag == "img":
            self._image(el, style)
        elif tag == "br":
            self.breaks += 1
            self.flush()
        elif tag == "table" and el not in self.holding_images:
            self.flush()
            self._table(el)
        elif tag in HEADING_TAGS:
            self.flush()
            text = clean_text(el.text_content())
            if text:
                self.blocks.append(Block(kind="heading", text=text))
        elif tag in BLOCK_TAGS:
            self.flush()
            self.run.block_style = style
            self.run.add(el.text, style)
            for child in el:
                self.walk(child, style)
            self.flush()
            self.run.block_style = outer_style
        else:
            self.run.add(el.text, style)
            for child in el:
                self.walk(child, style)
        self.run.add(el.tail, outer_style)

    def _image(self, el: etree._Element, style: _Style) -> None:
        src = image_source(el)
        if not src or src.startswith("data:") or style.document_link or _is_icon(el, src):
            return
        self.flush()
        self.blocks.append(Block(
            kind="img", src=canonical_url(urljoin(self.base_url, src.strip())), alt=clean_text(el.get("alt") or ""),
        ))

    def _table(self, el: etree._Element) -> None:
        rows = []
        for row in el.iter("tr"):
            cells = [clean_text(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
            if any(cells):
                rows.append(" | ".join(cells))
        if rows:
            self.blocks.append(Block(kind="table", text="\n".join(rows)))


def image_source(img: etree._Element) -> str:
    """An image's real address: lazy-loading themes keep it in data-* and a
    placeholder (a spinner, a 1x1 gif, a data: URI) in src."""
    return (img.get("data-src") or img.get("data-original") or img.get("data-lazy-src") or img.get("src") or "").strip()


def _restyle(el: etree._Element, tag: str, style: _Style, pictured: bool) -> _Style:
    inline, align, classes = el.get("style"), el.get("align"), el.get("class")
    css = f"{inline or ''} {align or ''} {classes or ''}" if inline or align or classes else ""
    return _Style(
        italic=style.italic or tag in EMPHASIS_TAGS or "italic" in css,
        bold=style.bold or tag in STRONG_TAGS or "bold" in css,
        centered=style.centered or tag == "center" or bool(css and _CENTER.search(css)),
        right=style.right or bool(css and _RIGHT.search(css)),
        caption=style.caption or tag == "figcaption" or bool(classes and CAPTION_CLASS.search(classes))
        or (tag == "table" and pictured and _is_image_table(el)),
        document_link=style.document_link or (tag == "a" and bool(document_type(el.get("href") or ""))),
    )


def _is_image_table(table: etree._Element) -> bool:
    """A small table that only frames an image and its caption row (rows
    and text are counted only as far as the limits, whatever the table's size)."""
    return (
        sum(1 for _ in islice(table.iter("tr"), 4)) <= 3
        and len(text_start(table, MAX_CAPTION_TEXT + 1)) <= MAX_CAPTION_TEXT
    )


_ICON_PATH = re.compile(r"icon|/emoticons?/|spacer|blank\.gif|pixel", re.I)


def _is_icon(img: etree._Element, src: str) -> bool:
    """File-type icons, spacers and tracking pixels are not article images."""
    sizes = [img.get("width", ""), img.get("height", "")]
    small = any(size.isdigit() and int(size) <= 40 for size in sizes)
    return small or bool(_ICON_PATH.search(src))
