"""Is this page an article? Listings, search results, error pages dressed as
200 and empty placeholders are not, and must not be stored as if they were."""

from __future__ import annotations

import re

from lxml import etree

from .article import Article
from .page import Page
from .vietnamese import clean_text

MIN_BODY_CHARS = 80
_ERROR = re.compile(
    r"không\s+tồn\s+tại|không\s+tìm\s+thấy|page\s+not\s+found|\b404\b|lỗi\s+truy\s+cập|"
    r"đã\s+bị\s+(?:xóa|xoá|gỡ)|không\s+có\s+quyền|access\s+denied",
    re.I,
)
_SEARCH = re.compile(r"kết\s+quả\s+tìm\s+kiếm|search\s+results|tìm\s+kiếm\s*:", re.I)
_PLACEHOLDER = re.compile(r"(?:nội\s+dung\s+)?đang\s+(?:được\s+)?(?:cập\s+nhật|xây\s+dựng|hoàn\s+thiện)|coming\s+soon", re.I)
_HEADLINE_LINK_CHARS = 25


def not_an_article(page: Page, article: Article, content: etree._Element) -> str:
    """Why the page is not an article ("error page", "listing", ...), or ""."""
    heading = " ".join([article.title, page.html_title])
    if _ERROR.search(article.title) or (_ERROR.search(heading) and len(article.body) < 600):
        return "error page"
    if _SEARCH.search(heading):
        return "search results"
    if not article.title:
        return "no title"
    text = f"{article.lead} {article.body}".strip()
    if len(text) < MIN_BODY_CHARS:
        return "placeholder" if _PLACEHOLDER.search(text) or not text else "no body"
    if _PLACEHOLDER.fullmatch(text.strip(" .…")):
        return "placeholder"
    if _is_listing(content):
        return "listing"
    return ""


def _is_listing(content: etree._Element) -> bool:
    """Many headline-sized links making up much of the text: a list of articles."""
    headline_links = [a for a in content.iter("a") if len(clean_text(a.text_content())) >= _HEADLINE_LINK_CHARS]
    if len(headline_links) < 5:
        return False
    link_chars = sum(len(clean_text(a.text_content())) for a in headline_links)
    total = len(clean_text(content.text_content())) or 1
    return link_chars / total > 0.25
