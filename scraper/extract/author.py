"""The article's author: where it comes from, best first.

1. The byline the page prints in its text: a closing line ("Tin, ảnh: Minh
   Anh", "Quốc Tuấn" alone on the last line, "Hồng Nhung (TTVH-TT)"),
   which ``cleaning.assemble`` takes off the body with ``author_from_line``.
2. The byline element around the article: the layout's author selector,
   else an element named for one (byline, author, tac-gia), via
   ``byline_near``.
3. The page's metadata: ``<meta name="author">``, ``article:author``,
   JSON-LD ``author``, ``itemprop="author"``, ``rel="author"``.

Each candidate is cleaned ("By", "Theo", "Tác giả:", roles, e-mail
addresses, a trailing site name) and refused when it names a CMS account
("admin") or a site rather than a person.
"""

from __future__ import annotations

import re

from lxml import etree

from .blocks import Block
from .boilerplate import in_chrome
from .page import Page
from .tree import clean_text_start
from .vietnamese import clean_text

AUTHOR_NAMES = re.compile(r"author|byline|tac-?gia|but-?danh|nguoi-?viet|writer", re.I)
ACCOUNT_NAMES = {"admin", "administrator", "quản trị", "quản trị viên", "quantri", "webmaster", "editor",
                 "biên tập viên", "staff", "newsroom", "web desk", "editorial team"}
MAX_NAME = 80
_NAME_TAGS = ("div", "p", "span", "section", "td", "strong", "em", "li", "a", "address")

_AUTHOR_PREFIX = re.compile(
    r"^\s*(?:tin\s*(?:,|và|&)?\s*ảnh|tin\s*-\s*ảnh|bài\s*(?:,|và|&)?\s*ảnh|ảnh|tin|bài|"
    r"tác giả|người viết|phóng viên|pv|ctv)\s*:\s*(.+)$",
    re.I,
)
NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ.]*$")
_AUTHOR_ABBREVIATIONS = {"PV", "CTV", "BBT", "TTXVN", "VP"}
_BY = re.compile(r"^\s*(?:by|theo|tác\s*giả|author|written\s+by|reported\s+by|von|por|par|автор)\s*[:\-]?\s+", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_ROLE = re.compile(
    r"\s*[,|/–—-]\s*(?:staff\s+writer|staff\s+reporter|reporter|correspondent|contributor|columnist|editor|"
    r"senior\s+\w+|chief\s+\w+|phóng\s*viên|biên\s*tập\s*viên|cộng\s*tác\s*viên)\b.*$",
    re.I,
)
_SITE_SUFFIX = re.compile(r"\s*[|,–—-]\s*(?:\S+\.(?:com|vn|net|org)\S*|for\s+.+|\w+\s+news.*)$", re.I)


def choose_author(page: Page, closing_line: str, byline: str) -> str:
    """The author by the strategies above, in their order; "" if none."""
    for candidate in (closing_line, byline, *metadata_authors(page)):
        name = clean_author(candidate)
        if name:
            return name
    return ""


def clean_author(text: str) -> str:
    """A byline brought to its names: no "By", roles, e-mail addresses or site."""
    text = clean_text(text or "")
    if not text or text.lower().startswith(("http://", "https://")):
        return ""
    text = _EMAIL.sub("", _BY.sub("", text)).strip(" ,;|")
    text = _SITE_SUFFIX.sub("", _ROLE.sub("", text)).strip(" ,;|-–—")
    if not text or len(text) > MAX_NAME or is_account_name(text) or not any(ch.isalpha() for ch in text):
        return ""
    return text


def is_account_name(name: str) -> bool:
    """"admin", "Quản trị viên": a CMS account, not the article's author."""
    return name.strip().lower() in ACCOUNT_NAMES


def author_from_line(block: Block) -> str:
    """The author named by a short closing line, or "" if it is body text."""
    text = block.text.strip()
    if text.startswith("(") and text.endswith(")"):  # "(Minh Anh)"
        text = text[1:-1].strip()
    prefixed = _AUTHOR_PREFIX.match(text)
    if prefixed:
        return prefixed.group(1).strip().rstrip(".")
    if text.upper() in _AUTHOR_ABBREVIATIONS:
        return text
    if len(text) > 120:  # before the split: its \s+ costs a whitespace run's length squared
        return ""
    # "Nguyễn Văn Hùng - Văn phòng HĐND-UBND huyện", "Hồng Nhung (TTVH-TT)": a name, then the unit
    name = re.split(r"\s+[-–—]\s+|,\s+|\s+\(", text)[0].strip().rstrip(".")
    words = name.split()
    if not 1 <= len(words) <= 5:
        return ""
    if text.endswith((".", ":", ";", "?", "!")) and not (block.bold or block.right):
        return ""
    if all(NAME_WORD.match(word) for word in words):
        return text.rstrip(".")
    return ""


def byline_near(container: etree._Element) -> str:
    """The name in an author-named element around the article ("Tác giả:"
    and similar prefixes taken off), if it reads as a person's name."""
    for element in container.iter(*_NAME_TAGS):
        classes, ident = element.get("class"), element.get("id")
        if not (classes or ident) or not AUTHOR_NAMES.search(f"{classes or ''} {ident or ''}"):
            continue
        if in_chrome(element, container):
            continue
        text = clean_text_start(element, MAX_NAME + 1)
        if 2 <= len(text) <= MAX_NAME:
            name = author_from_line(Block(kind="p", text=_BY.sub("", text), bold=True))
            if name and not is_account_name(name):
                return name
    return ""


def metadata_authors(page: Page) -> list[str]:
    """Authors the page's metadata names, best first."""
    found = [page.meta.get(key, "") for key in ("author", "article:author", "dc.creator", "parsely-author",
                                                "sailthru.author", "byl")]
    for item in page.linked_data:
        found.extend(_linked_data_names(item.get("author")))
    for element in page.root.xpath("//*[@itemprop='author'] | //a[@rel='author']")[:3]:
        name = element.xpath("string(.//*[@itemprop='name'])") or element.text_content()
        found.append(clean_text(name))
    return [name for name in found if name]


def _linked_data_names(author) -> list[str]:
    """Names in a JSON-LD ``author``: a text, a Person, or a list of them."""
    if isinstance(author, str):
        return [author]
    if isinstance(author, dict):
        name = author.get("name")
        return [name] if isinstance(name, str) and author.get("@type") != "Organization" else []
    if isinstance(author, list):
        names = [name for entry in author for name in _linked_data_names(entry)]
        return [", ".join(names)] if names else []
    return []
