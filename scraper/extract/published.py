"""Find an article's own publication date, not a sidebar's or the footer's."""

from __future__ import annotations

import re

from .dates import parse_vietnamese_date, to_iso
from .page import Page

_META_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "date", "dc.date.issued", "dc.date", "article:modified_time",
)
_DATE_NAMES = re.compile(r"date|time|ngay|publish|posted|thoi-?gian|meta", re.I)
_UPDATED = re.compile(r"cập\s*nhật|update|sửa", re.I)


def published_at(page: Page, profile_date_text: str = "", title: str = "") -> str | None:
    """ISO publication time: the profile's date, meta tags, then the page text."""
    for text in (profile_date_text,):
        moment = parse_vietnamese_date(text)
        if moment:
            return to_iso(moment)
    for key in _META_KEYS:
        moment = parse_vietnamese_date(page.meta.get(key))
        if moment:
            return to_iso(moment)
    for time_tag in page.root.iter("time"):
        moment = parse_vietnamese_date(time_tag.get("datetime") or time_tag.text_content())
        if moment:
            return to_iso(moment)
    return to_iso(parse_vietnamese_date(_date_near_title(page, title)))


def _date_near_title(page: Page, title: str) -> str:
    """Text of the first date-like element after the title heading."""
    heading = None
    for element in page.root.iter("h1", "h2", "h3"):
        if title and title[:30] in (element.text_content() or ""):
            heading = element
            break
    start = heading if heading is not None else page.root.find("body")
    if start is None:
        return ""
    fallback = ""
    for count, element in enumerate(start.itersiblings() if heading is not None else start.iter()):
        if count > 60:
            break
        for candidate in [element, *element.iterdescendants()][:200]:
            if not isinstance(candidate.tag, str):
                continue
            names = f"{candidate.get('class', '')} {candidate.get('id', '')}"
            text = candidate.text_content()[:200]
            if _DATE_NAMES.search(names) and parse_vietnamese_date(text):
                if _UPDATED.search(text):
                    fallback = fallback or text
                    continue
                return text
    return fallback
