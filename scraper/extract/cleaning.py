"""Turn content blocks into the article's parts, by structure not by strings.

Decides which short paragraphs are image captions, which trailing line is the
author (or a "Theo ..." source), and takes the "(sonla.gov.vn)" marker off the
lead. Text that merely contains boilerplate words is never deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import Image
from .attachments import is_label
from .author import NAME_WORD, author_from_line
from .blocks import Block
from .vietnamese import clean_text

# "(sonla.gov.vn)", "(Chinhphu.vn) -", "(TTXVN) –" at the start of a lead.
SOURCE_MARKER = re.compile(r"^\s*\(\s*([^()]{2,40}?)\s*\)\s*[-–—:]?\s*")
_SOURCE_LINE = re.compile(r"^\s*\(?\s*(?:theo|nguồn)\s*[:\-]?\s*(.{2,80}?)\s*\)?\s*$", re.I)
MAX_CAPTION = 400


@dataclass
class Parts:
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    author: str = ""
    source: str = ""


def split_source_marker(lead: str) -> tuple[str, str]:
    """("(sonla.gov.vn) Ngày ...") -> ("sonla.gov.vn", "Ngày ...")."""
    match = SOURCE_MARKER.match(lead)
    if match and _looks_like_source(match.group(1)):
        return match.group(1).strip(), lead[match.end():].strip()
    return "", lead


def assemble(blocks: list[Block], lead: str = "", title: str = "") -> Parts:
    """Assign captions, author, source and lead from ``blocks``."""
    blocks = _attach_captions(blocks)
    parts = Parts(lead=clean_text(lead))
    # attachment lists and their bare labels ("File đính kèm:") are not body text
    text_blocks = [b for b in blocks if b.kind != "img" and not b.attachment_only and not is_label(b.text)]
    _take_trailer(text_blocks, parts)
    if not parts.lead and text_blocks and _is_lead_paragraph(text_blocks[0]):
        parts.lead = text_blocks.pop(0).text
    if parts.lead:
        source, parts.lead = split_source_marker(parts.lead)
        parts.source = parts.source or source
    if title and text_blocks and clean_text(text_blocks[0].text) == clean_text(title):
        text_blocks.pop(0)  # the title repeated at the top of the content
    paragraphs = [b for b in text_blocks if b.text]
    parts.paragraphs = [b.text for b in paragraphs]
    parts.images = _images_in_place(blocks, paragraphs)
    return parts


def _images_in_place(blocks: list[Block], paragraphs: list[Block]) -> list[Image]:
    """The image blocks, each with the number of body paragraphs before it."""
    in_body = {id(block) for block in paragraphs}
    images, before = [], 0
    for block in blocks:
        if id(block) in in_body:
            before += 1
        elif block.kind == "img":
            images.append(Image(src=block.src, alt=block.alt, caption=block.caption, after_paragraph=before))
    return images


def _attach_captions(blocks: list[Block]) -> list[Block]:
    """Move a caption paragraph under an image into that image's caption."""
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        result.append(block)
        index += 1
        if block.kind != "img" or block.caption:
            continue
        # images sharing one caption line: several <img> then the caption
        while index < len(blocks) and blocks[index].kind == "img":
            result.append(blocks[index])
            index += 1
        if index < len(blocks) and _is_caption(blocks[index]):
            result[-1].caption = blocks[index].text
            index += 1
    return result


def _is_caption(block: Block) -> bool:
    if block.kind != "p" or len(block.text) > MAX_CAPTION:
        return False
    return block.caption_class or block.italic or (block.centered and len(block.text) < 250)


def _take_trailer(blocks: list[Block], parts: Parts) -> None:
    """Pop the author and "Theo ..." source lines from the end of the body."""
    for _ in range(3):
        if not blocks:
            return
        last = blocks[-1]
        if last.kind != "p":
            return
        text = last.text.strip()
        source = _SOURCE_LINE.match(text)
        if source and not parts.source and _names_a_source(source.group(1)):
            parts.source = source.group(1).strip()
            blocks.pop()
            continue
        author = author_from_line(last)
        if author and not parts.author:
            parts.author = author
            blocks.pop()
            continue
        return


def _is_lead_paragraph(block: Block) -> bool:
    return block.kind == "p" and (block.bold or bool(SOURCE_MARKER.match(block.text))) and len(block.text) > 60


def _names_a_source(name: str) -> bool:
    """What a closing "Theo ..." line names: a site, an agency, a paper
    ("Báo Hà Tĩnh"), or any proper name, but not "Theo kế hoạch"."""
    words = name.split()
    return _looks_like_source(name) or bool(_PUBLICATION.match(name)) or (
        len(words) <= 8 and all(NAME_WORD.match(word) for word in words)
    )


_PUBLICATION = re.compile(r"(?:báo|đài|cổng|tạp\s*chí|thông\s*tấn|trang|truyền\s*hình|phát\s*thanh)\s", re.I)


def _looks_like_source(text: str) -> bool:
    """A site or agency name: "sonla.gov.vn", "TTXVN", "Chinhphu.vn"."""
    text = text.strip()
    return bool(re.search(r"\.(vn|com|net|org|gov)\b", text, re.I)) or (text.isupper() and len(text) <= 12)
