"""Pages that stand where the page asked for should be: a block page (access
denied, a firewall's or CDN's challenge, a captcha) or the empty shell of a
site that renders with JavaScript only.

Neither is an article nor a listing: a crawl that meets them says so
instead of archiving them, or of finding nothing without a word (research
§3.6: mae.gov.vn answers with "Thông báo từ chối truy cập"; lamdong.gov.vn
renders with JavaScript). Judged on a parsed tree and its scripts, reading
about ``MAX_BLOCK_TEXT`` characters of its text and at most ``MAX_ELEMENTS``
elements: extraction asks only about pages it found no long article on, the
crawl about every listing page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from .tree import HIDDEN_TEXT_TAGS
from .vietnamese import clean_text

ACCESS_DENIED = "access-denied"
JAVASCRIPT_ONLY = "javascript-only"
REFUSALS = (ACCESS_DENIED, JAVASCRIPT_ONLY)
DENIED_STATUSES = (401, 403, 451)  # answers that refuse the page whatever their body says
WHAT_STANDS = {ACCESS_DENIED: "a block page", JAVASCRIPT_ONLY: "an empty shell of scripts"}

MAX_BLOCK_TEXT = 1000  # visible characters: a block page says little...
TERSE_TEXT = 400  # ...and one that is only a message or a captcha, less
MAX_SHELL_TEXT = 200  # an app shell next to nothing
OPENING_TEXT = 300  # the text a terse block page's message is looked for in
TITLE_SHARE = 0.5  # a title or heading that is a refusal: the refusal's words are at least half of it
MAX_ELEMENTS = 20_000  # a page with more elements than this is neither (and is not walked further)

_DENIED = re.compile(
    r"từ\s+chối\s+truy\s+cập|truy\s+cập\s+bị\s+(?:từ\s+chối|chặn)|chặn\s+truy\s+cập|"
    r"access\s+(?:is\s+)?denied|access\s+to\s+this\s+(?:page|site|resource)\s+(?:has\s+been|is)\s+(?:denied|blocked)|"
    r"\b(?:40[13]|451)\s*[-–:]?\s*(?:forbidden|unauthori[sz]ed|unavailable\s+for\s+legal\s+reasons)\b|"
    r"request\s+(?:blocked|rejected|denied)|requested\s+url\s+was\s+rejected|"
    r"attention\s+required|just\s+a\s+moment\.\.\.|checking\s+(?:your\s+browser|if\s+the\s+site\s+connection)|"
    r"you\s+have\s+been\s+blocked|web\s+page\s+blocked|ddos\s+protection|"
    r"(?:verify|confirm)\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human|are\s+you\s+a\s+robot|\bcaptcha\b",
    re.I,
)
_BARE_DENIAL = re.compile(r"\W*(?:error\s*)?(?:forbidden|unauthori[sz]ed)\W*", re.I)  # a title saying only that
_CDN_CHALLENGE = re.compile(r"cf-challenge|cf-turnstile|challenge-form|cf-error-details|__cf_chl", re.I)
_CHALLENGE = re.compile(f"{_CDN_CHALLENGE.pattern}|g-recaptcha|h-captcha", re.I)
_APP_ROOT_IDS = {"root", "app", "__next", "__nuxt", "q-app", "___gatsby", "spPageChromeAppDiv"}
_FRAMEWORK_DATA = re.compile(r"__NEXT_DATA__|window\.__NUXT__|__INITIAL_STATE__|__APOLLO_STATE__")
_JAVASCRIPT = re.compile(r"javascript", re.I)


class Refusal(NamedTuple):
    """A page that refuses: its ``kind`` (one of ``REFUSALS``) and its title, as it names itself."""

    kind: str
    title: str

    def __str__(self) -> str:
        """What the page is, in words: its title, or what stands there."""
        return f'"{self.title}"' if self.title else WHAT_STANDS[self.kind]


def page_refusal(root: etree._Element, removed: Iterable[etree._Element] = ()) -> Refusal | None:
    """Whether a parsed page is a block page or a JavaScript-only shell; None
    for any page with text of its own to read. ``removed``: its script,
    style, template and noscript elements if they were taken out of the tree
    (``Page.parse`` does), else they are read in place."""
    text = _visible_text(root, MAX_BLOCK_TEXT)
    if text is None or len(text) >= MAX_BLOCK_TEXT:
        return None
    title = _title(root)
    headings = [_text(element) for element in root.iter("h1", "h2", "h3")]
    terse = len(text) < TERSE_TEXT
    if (any(_says_refused(line) for line in [title, *headings])
            or (terse and _DENIED.search(text[:OPENING_TEXT])) or _challenge(root, terse)):
        return Refusal(ACCESS_DENIED, title or next(filter(None, headings), ""))
    if len(text) < MAX_SHELL_TEXT and _is_app_shell(root, [*root.iter(*HIDDEN_TEXT_TAGS), *removed], len(text)):
        return Refusal(JAVASCRIPT_ONLY, title)
    return None


def _visible_text(root: etree._Element, limit: int) -> str | None:
    """The body's text outside scripts, styles, templates and noscript, cleaned,
    read until ``limit`` characters or the end; None past ``MAX_ELEMENTS``
    elements with less text (no block page or app shell is that large)."""
    scope = root.find("body")  # not root.iter("body"): lxml's iterator looks ahead for the next one
    scope = root if scope is None else scope
    parts, size, elements = [], 0, 0
    walker = etree.iterwalk(scope, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            elements += 1
            if elements > MAX_ELEMENTS:
                return None
            if element.tag in HIDDEN_TEXT_TAGS:
                walker.skip_subtree()
                continue
            chunk = element.text
        else:
            chunk = element.tail if element is not scope else None
        if chunk and not chunk.isspace():
            parts.append(chunk)
            size += len(chunk)
            if size > 2 * limit:  # room for the spaces cleaning removes
                break
    return clean_text(" ".join(parts))[:limit]


def _says_refused(line: str) -> bool:
    """A title or heading that is a refusal ("Thông báo từ chối truy cập", "403
    Forbidden"), not one that speaks of one ("Từ chối truy cập trái phép vào...")."""
    match = _DENIED.search(line)
    return bool(match and len(match.group()) >= TITLE_SHARE * len(line)) or bool(_BARE_DENIAL.fullmatch(line))


def _title(root: etree._Element) -> str:
    """The <title>'s text (in the head, where the parser puts it)."""
    element = root.find("head/title")
    return _text(element if element is not None else root.find(".//title"))


def _text(element: etree._Element | None) -> str:
    return clean_text("".join(element.itertext()))[:200] if element is not None else ""


def _challenge(root: etree._Element, terse: bool) -> bool:
    """A CDN's challenge form or error details; on a terse page, a captcha widget
    (under an article, one guards its comment form)."""
    widgets = _CHALLENGE if terse else _CDN_CHALLENGE
    for element in root.iter("div", "form", "iframe", "span", "section"):
        names = f"{element.get('id', '')} {element.get('class', '')} {element.get('action', '')} {element.get('src', '')}"
        if widgets.search(names):
            return True
    return False


def _is_app_shell(root: etree._Element, hidden: list[etree._Element], text_length: int) -> bool:
    """Scripts (among the ``hidden`` elements), and an application root, a
    noscript asking for JavaScript, a framework's page data, or no text at all."""
    scripts = [element for element in hidden
               if element.tag == "script" and (element.get("type") or "").strip().lower() != "application/ld+json"]
    if not scripts:
        return False
    if not text_length:  # nothing to read without running them
        return True
    if any(element.get("id") in _APP_ROOT_IDS for element in root.iter("div", "main", "section")) or next(
            root.iter("app-root"), None) is not None:
        return True
    if any(element.tag == "noscript" and _JAVASCRIPT.search(_text(element)) for element in hidden):
        return True
    return any(script.get("id") == "__NEXT_DATA__" or _FRAMEWORK_DATA.search(script.text or "") for script in scripts)
