"""Choose an article's own publication time, not a sidebar's or the footer's."""

from __future__ import annotations

import re
from datetime import datetime

from .dates import VIETNAM_TZ, parse_vietnamese_date, to_iso
from .page import Page

# Publication time in metadata; modification times are never used for it.
_META_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "dc.date.issued", "dc.date", "date",
)


def published_at(page: Page, date_texts: list[str]) -> str | None:
    """ISO publication time from the article's date lines, or its metadata
    (meta tags, then JSON-LD ``datePublished``), or at last the day in the
    page's address (WordPress's /2024/01/10/slug).

    The first visible date line found around the article wins; a later line
    or the metadata adds the time of day when the first gives only the day
    and they agree on it.
    """
    visible = [moment for moment in map(parse_vietnamese_date, date_texts) if moment]
    meta = [moment for moment in (parse_vietnamese_date(page.meta.get(key)) for key in _META_KEYS) if moment]
    candidates = visible + meta
    if not candidates or _untimed(candidates[0]):
        candidates += [moment for moment in map(parse_vietnamese_date, _linked_data_dates(page)) if moment]
    if not candidates:
        return to_iso(_date_in_url(page.url))
    chosen = candidates[0]
    if _untimed(chosen):
        timed = [m for m in candidates[1:] if m.date() == chosen.date() and not _untimed(m)]
        chosen = timed[0] if timed else chosen
    return to_iso(chosen)


def _untimed(moment: datetime) -> bool:
    """A date given without its time of day (read as midnight)."""
    return (moment.hour, moment.minute) == (0, 0)


def _linked_data_dates(page: Page) -> list[str]:
    """``datePublished`` of the page's JSON-LD article objects."""
    return [item["datePublished"] for item in page.linked_data if isinstance(item.get("datePublished"), str)]


_URL_DAY = re.compile(r"/(20\d\d|19\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")


def _date_in_url(url: str) -> datetime | None:
    match = _URL_DAY.search(url)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    try:
        return datetime(year, month, day, tzinfo=VIETNAM_TZ)
    except ValueError:
        return None
