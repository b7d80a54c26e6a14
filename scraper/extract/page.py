"""A parsed page: the lxml tree plus the page-level metadata every path needs."""

from __future__ import annotations

import codecs
import json
import re
import threading
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from cssselect import HTMLTranslator
from lxml.cssselect import CSSSelector

from .decoding import decode_html
from .nesting import renest
from .refusal import Refusal, page_refusal
from .tree import HIDDEN_TEXT_TAGS, remove_keeping_tails
from .vietnamese import clean_text

_BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_MARKUP = re.compile(r"<\s*(html|head|body|div|p|title|meta|!doctype)\b", re.I)
# A page may open with more than 4 KB of something else (a long <style>, a
# PHP warning per line): its document tags are looked for further on.
_DOCUMENT = re.compile(r"<\s*(html|head|body|!doctype\s+html)\b", re.I)
DOCUMENT_SEARCH = 64 * 1024
# decoded text may not carry an encoding declaration (lxml refuses it): it is one no more
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# C0 controls but tab, newline, form feed, carriage return and escape (ISO-2022 text), and DEL:
# no text encoding uses these bytes for letters, and a tenth of random bytes are one.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# The same in decoded text, with the marks of bytes that did not decode and private-use characters
# (where random 16-bit units land): a tenth of random bytes read as UTF-16.
_GARBLED = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "\ufffd\ue000-\uf8ff]")
HEAD = 4096  # how much of a page is judged: random bytes hold some 450 control bytes there, a page none
MAX_GARBLED = 1 / 100  # share of garbled characters (or bytes) real pages stay under
MAX_PAGE_BYTES = 20 * 1024 * 1024


def looks_like_html(data: bytes | str) -> bool:
    """True when ``data`` is HTML markup rather than a binary or plain file.

    HTML is text: no known binary signature, and in its first 4 KB (read
    as UTF-16 after that byte-order mark, else byte by byte, which serves
    every ASCII-compatible charset) at most one character in a hundred is a
    control character or undecodable, where random bytes have one in ten
    (so a stray "<p" among them does not make them a page). And it is
    markup: an HTML tag among those first 4 KB, or an <html>, <head>,
    <body> or doctype within the first 64 KB.
    """
    if isinstance(data, bytes):
        if data[:HEAD].lstrip().startswith(_BINARY_SIGNATURES):
            return False
        for bom, encoding in _UTF16_BOMS:
            if data.startswith(bom):
                data = data[len(bom):len(bom) + 2 * HEAD].decode(encoding, errors="replace")
                break
    head = data[:HEAD]
    if isinstance(head, bytes):
        garbled = len(head) - len(head.translate(None, _CONTROL_BYTES))
        head = head.decode("latin-1")  # the tags are ASCII whatever the charset
    else:
        garbled = len(_GARBLED.findall(head))
    if garbled > MAX_GARBLED * len(head):
        return False
    if _MARKUP.search(head):
        return True
    further = data[:DOCUMENT_SEARCH]
    return bool(_DOCUMENT.search(further.decode("latin-1") if isinstance(further, bytes) else further))


_parsers = threading.local()


def _html_parser() -> etree.HTMLParser:
    """lxml.html's parser, but every element an ``HtmlElement`` chosen in C:
    the default parser asks a Python function for the class of every element
    the code touches, a tenth of extraction time. One per thread, as lxml
    parsers must not be shared between threads."""
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = etree.HTMLParser(remove_blank_text=False)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def _parse_tree(text: str) -> etree._Element:
    """The page's tree; markup nested deeper than libxml2 parses (it stops
    there and drops the rest) is parsed again, re-nested."""
    parser = _html_parser()
    root = lxml.html.document_fromstring(text, parser=parser)
    if any("depth" in error.message for error in parser.error_log.filter_from_fatals()):
        root = lxml.html.document_fromstring(renest(text), parser=parser)
    return root


@lru_cache(maxsize=512)
def css(selector: str) -> Selector:
    """Compiled CSS selector, cached: profiles reuse a few dozen selectors."""
    return Selector(selector)


class Selector:
    """A CSS selector; one of descendant steps ("A B C") is matched a step at
    a time (the As, the Bs below the outermost As, the Cs below the outermost
    of those Bs) unless its first step names a class or id the page gives to
    one element at most.

    Compiled whole, libxml2 merges what every A finds below it into one set,
    checking each new element against those already found: nested As (a
    class repeated by a template) cost the square of the elements below.
    Below the outermost matches, every element is found once, in page order.
    """

    def __init__(self, selector: str) -> None:
        first, *rest = _descendant_steps(selector)
        self.whole = CSSSelector(selector, translator="html")
        self.first = CSSSelector(first, translator="html")
        self.rest = [etree.XPath(_TRANSLATOR.css_to_xpath(step, prefix="descendant::")) for step in rest]
        self.first_classes, self.first_ids, _ = required_names(first)

    def __call__(self, scope: etree._Element, names: tuple[Counter, Counter]) -> list[etree._Element]:
        """Matches under ``scope``; ``names`` counts the page's classes and ids."""
        classes, ids = names
        if not self.rest or any(classes[name] <= 1 for name in self.first_classes) or any(
                ids[name] <= 1 for name in self.first_ids):
            return self.whole(scope)  # one match at most for the first step: nothing to merge
        found = self.first(scope)
        for step in self.rest:
            found = [match for element in _outermost(found) for match in step(element)]
        return found


_TRANSLATOR = HTMLTranslator()
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def _descendant_steps(selector: str) -> list[str]:
    """"A B C" -> ["A", "B", "C"]; a selector with other combinators, or a
    list of selectors, stays whole."""
    selector = selector.strip()
    masked = _BRACKETED.sub(lambda match: "_" * len(match.group()), selector)  # spaces inside [...] and (...) stay
    if any(sign in masked for sign in ">+~,"):
        return [selector]
    steps, start = [], 0
    for gap in re.finditer(r"\s+", masked):
        steps.append(selector[start:gap.start()])
        start = gap.end()
    return [*steps, selector[start:]]


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """``elements`` (in page order) less those inside another of them."""
    kept: list[etree._Element] = []
    for element in elements:
        if not kept or not any(ancestor is kept[-1] for ancestor in element.iterancestors()):
            kept.append(element)
    return kept


# Plain strings, not lxml's "smart" ones that carry a link to their element.
_ALL_CLASSES = etree.XPath("//@class", smart_strings=False)
_ALL_IDS = etree.XPath("//@id", smart_strings=False)

_ATTRIBUTE_TEST = re.compile(r"""\[(class|id)([$*^])=['"]?([^'"\]]+)['"]?\]""")
_STRING_TESTS = {"$": str.endswith, "^": str.startswith, "*": str.__contains__}


@lru_cache(maxsize=512)
def required_names(selector: str) -> tuple[frozenset[str], frozenset[str], tuple]:
    """Class names, ids and class/id substring tests every match of
    ``selector`` needs somewhere on the page."""
    tests = tuple(_ATTRIBUTE_TEST.findall(selector))
    plain = re.sub(r"\[[^\]]*\]|:[\w-]+(?:\([^)]*\))?", " ", selector)  # attribute tests and pseudo-classes
    return frozenset(re.findall(r"\.([\w-]+)", plain)), frozenset(re.findall(r"#([\w-]+)", plain)), tests


@dataclass
class Page:
    """A page's tree and metadata (meta tags, JSON-LD, canonical URL, site domain).

    The tree has no script, style, template or noscript elements (their
    tails stay): what they hold is code or a copy of the page, so no field
    can ever pick up their text. JSON-LD blocks are kept aside first.
    """

    url: str
    root: etree._Element
    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[str] = field(default_factory=list)  # the text of each application/ld+json script
    canonical_href: str | None = None  # of the first <link rel="canonical" href>
    base_href: str | None = None  # of the first <base href>
    removed: list[etree._Element] = field(default_factory=list, repr=False)  # its script, style... elements

    @classmethod
    def parse(cls, html: bytes | str, url: str) -> Page | None:
        """Parse ``html``; None when it is not an HTML page at all."""
        if not html or not looks_like_html(html):
            return None
        text = _XML_DECLARATION.sub("", decode_html(html[:MAX_PAGE_BYTES]), count=1)
        try:
            root = _parse_tree(text)
        except (etree.ParserError, ValueError):
            return None
        page = cls(url=url, root=root)
        hidden: list[etree._Element] = []
        for element in root.iter("meta", "link", "base", "amp-img", *HIDDEN_TEXT_TAGS):  # one walk for all
            tag = element.tag
            if tag == "meta":
                _add_meta(page.meta, element)
            elif tag == "link":
                if page.canonical_href is None and element.get("rel", "").lower() == "canonical" and element.get("href"):
                    page.canonical_href = element.get("href")
            elif tag == "base":
                if page.base_href is None and element.get("href") is not None:
                    page.base_href = element.get("href")
            elif tag == "amp-img":  # AMP pages: the same image, another tag
                element.tag = "img"
            else:
                hidden.append(element)
        page.json_ld = _json_ld(hidden)
        remove_keeping_tails(hidden)
        page.removed = hidden
        return page

    def select(self, selector: str, within: etree._Element | None = None) -> list[etree._Element]:
        """Elements matching a CSS selector; a selector naming a class or id
        the page does not have costs a set lookup, not a tree walk."""
        classes, ids, tests = required_names(selector)
        page_classes, page_ids = self.names
        if not (classes <= page_classes.keys() and ids <= page_ids.keys()):
            return []
        for test in tests:
            if not self._has_name(test):
                return []
        return css(selector)(self.root if within is None else within, self.names)

    def _has_name(self, test: tuple[str, str, str]) -> bool:
        """Whether some class (or id) of the page passes a selector's substring test."""
        found = self._name_tests.get(test)
        if found is None:
            attribute, operator, value = test
            names = self.names[0] if attribute == "class" else self.names[1]
            found = self._name_tests[test] = any(_STRING_TESTS[operator](name, value) for name in names)
        return found

    @cached_property
    def _name_tests(self) -> dict:
        return {}

    @cached_property
    def names(self) -> tuple[Counter, Counter]:
        """Every class name and every id used on the page, with how many
        elements carry it."""
        return Counter(name for value in _ALL_CLASSES(self.root) for name in value.split()), Counter(_ALL_IDS(self.root))

    def first(self, selectors, within: etree._Element | None = None) -> etree._Element | None:
        """First element matching any of ``selectors``, tried in order."""
        for selector in selectors:
            found = self.select(selector, within)
            if found:
                return found[0]
        return None

    def first_text(self, selectors) -> str:
        element = self.first(selectors)
        return clean_text(element.text_content()) if element is not None else ""

    @cached_property
    def canonical_url(self) -> str:
        """The page's own address for itself (link rel=canonical, then og:url),
        unless it names a site's home page or is not a web address: portals
        that print one canonical link on every page would otherwise make all
        their articles one."""
        for value in (self.canonical_href, self.meta.get("og:url")):
            if value:
                url = urljoin(self.url, value.strip())
                parts = urlsplit(url)
                if parts.scheme in ("http", "https") and (parts.path.strip("/") or parts.query) or url == self.url:
                    return url
        return self.url

    @cached_property
    def base_url(self) -> str:
        """What relative links resolve against: <base href> if the page has one."""
        return urljoin(self.url, self.base_href.strip()) if self.base_href is not None else self.url

    @property
    def site(self) -> str:
        host = urlsplit(self.url).hostname or ""
        return host[4:] if host.startswith("www.") else host

    @cached_property
    def linked_data(self) -> list[dict]:
        """The objects of the page's JSON-LD blocks (``@graph`` members
        included); blocks that are not valid JSON are skipped."""
        objects: list[dict] = []
        for text in self.json_ld:
            try:
                data = json.loads(text)
            except ValueError:
                continue
            pending = deque(data if isinstance(data, list) else [data])
            while pending:
                item = pending.popleft()
                if isinstance(item, dict):
                    objects.append(item)
                    graph = item.get("@graph")
                    pending.extend(graph if isinstance(graph, list) else [])
        return objects

    @cached_property
    def refusal(self) -> Refusal | None:
        """Whether a block page or a JavaScript-only shell stands here (scraper/extract/refusal.py)."""
        return page_refusal(self.root, self.removed)

    @cached_property
    def html_title(self) -> str:
        """The <title>'s text; read once (every title finder asks for it)."""
        title = next(self.root.iter("title"), None)
        return clean_text(title.text_content()) if title is not None else ""


def _json_ld(hidden: list[etree._Element]) -> list[str]:
    """The text of the application/ld+json scripts among ``hidden``."""
    return [element.text or "" for element in hidden
            if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json"]


def _add_meta(meta: dict[str, str], tag: etree._Element) -> None:
    """A <meta> tag's content under its name; the first tag of a name wins."""
    key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
    content = tag.get("content")
    if key and content and key not in meta:
        meta[key] = clean_text(content)
