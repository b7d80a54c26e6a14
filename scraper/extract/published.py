"""The article's publication time: where it comes from, best first.

1. The date the page prints with the article (``date_texts``, found by the
   profile's date selector or around the title), read day first:
   "10/01/2024 08:30" is 10 January.
2. JSON-LD ``datePublished`` of the page's article object.
3. Meta tags: ``article:published_time`` and the other publication dates
   (never a modification date).
4. A ``<time datetime>`` (``itemprop="datePublished"`` first).
5. htmldate's reading of the page's structured hints (not its free text,
   where a top bar prints today's date).
6. The day in the page's address (WordPress's /2024/01/10/slug).

A date printed without its time of day takes the time from a later
candidate of the same day. An instant given with its own offset stays that
instant; it is written in Vietnam time on Vietnamese pages (where a "Z"
means a Vietnamese day that began at 17:00 UTC), in its own offset elsewhere.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from lxml import etree

from .dates import VIETNAM_TZ, parse_vietnamese_date, to_iso
from .decoding import vietnamese_score
from .page import Page

# Publication time in metadata; modification times are never used for it.
_META_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
    "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date",
)


def published_at(page: Page, date_texts: list[str]) -> str | None:
    """ISO publication time by the strategies above, or None."""
    zone = page_zone(page)
    for strategy in (_visible, _linked_data, _meta, _time_elements, _htmldate, _address):
        candidates = strategy(page, date_texts)
        if candidates:
            break
    else:
        return None
    chosen = candidates[0]
    if _untimed(chosen):  # the same day, with its time, from any later strategy
        timed = [moment for moment in _later_candidates(page, date_texts, strategy)
                 if not _untimed(moment) and moment.astimezone(chosen.tzinfo).date() == chosen.date()]
        chosen = timed[0] if timed else chosen
    return to_iso(chosen, zone)


def page_zone(page: Page) -> tzinfo | None:
    """Vietnam time for a Vietnamese page (its language, its domain, or a
    title in Vietnamese); None (each instant's own offset) elsewhere."""
    lang = (page.root.get("lang") or page.meta.get("og:locale") or "").lower()
    if lang.startswith("vi") or page.site.endswith(".vn") or vietnamese_score(page.html_title) >= 3:
        return VIETNAM_TZ
    return None


def _visible(page: Page, date_texts: list[str]) -> list[datetime]:
    return [moment for moment in map(parse_vietnamese_date, date_texts) if moment]


def _linked_data(page: Page, date_texts: list[str]) -> list[datetime]:
    texts = [item["datePublished"] for item in page.linked_data if isinstance(item.get("datePublished"), str)]
    return [moment for moment in map(parse_vietnamese_date, texts) if moment]


def _meta(page: Page, date_texts: list[str]) -> list[datetime]:
    return [moment for moment in (parse_vietnamese_date(page.meta.get(key)) for key in _META_KEYS) if moment]


_DATE_PUBLISHED = etree.XPath("//*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content",
                               smart_strings=False)
_TIME_DATETIME = etree.XPath("//time/@datetime", smart_strings=False)


def _time_elements(page: Page, date_texts: list[str]) -> list[datetime]:
    values = (_DATE_PUBLISHED(page.root) or _TIME_DATETIME(page.root))[:3]
    return [moment for moment in map(parse_vietnamese_date, values) if moment]


def _htmldate(page: Page, date_texts: list[str]) -> list[datetime]:
    from htmldate import find_date

    found = find_date(page.root, url=page.url, original_date=True, extensive_search=False)
    moment = parse_vietnamese_date(found) if found else None
    return [moment] if moment else []


_URL_DAY = re.compile(r"/(20\d\d|19\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")


def _address(page: Page, date_texts: list[str]) -> list[datetime]:
    match = _URL_DAY.search(page.url)
    if not match:
        return []
    year, month, day = map(int, match.groups())
    try:
        return [datetime(year, month, day, tzinfo=VIETNAM_TZ)]
    except ValueError:
        return []


_CHEAP = (_visible, _linked_data, _meta, _time_elements)


def _later_candidates(page: Page, date_texts: list[str], chosen_by) -> list[datetime]:
    """Candidates of the cheap strategies after the one that chose (the
    chosen one's own later lines included)."""
    strategies = _CHEAP[_CHEAP.index(chosen_by):] if chosen_by in _CHEAP else ()
    return [moment for strategy in strategies for moment in strategy(page, date_texts)]


def _untimed(moment: datetime) -> bool:
    """A date given without its time of day (read as midnight)."""
    return (moment.hour, moment.minute) == (0, 0)
