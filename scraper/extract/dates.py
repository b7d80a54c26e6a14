"""Day-first date parsing for Vietnamese portals.

Portals write "10/01/2024" for 10 January, with many decorations around it
("Thứ Tư, 10/01/2024 - 15:30", "15:30 | 10/01/2024", "Ngày 3 tháng 2 năm
2024"). Every result is an aware datetime in Vietnam time (+07:00) unless the
source gives its own offset.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_NUMERIC = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})(?!\d)"
)
_WORDED = re.compile(
    r"ng[àa]y\s+(?P<day>\d{1,2})\s+th[áa]ng\s+(?P<month>\d{1,2})\s+n[ăa]m\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = re.compile(
    r"(?<!\d)(?P<hour>[01]?\d|2[0-3])\s*[:hg]\s*(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
    r"(?:\s*(?P<half>AM|PM|SA|CH)\b)?",  # ASP.NET's "3:30:00 PM"; SA/CH are Vietnamese AM/PM
    re.IGNORECASE,
)


def parse_vietnamese_date(text: str | None) -> datetime | None:
    """Parse the first day-first (or ISO) date in ``text``, with its time if given.

    Returns None when ``text`` holds no valid date. Numeric dates are always
    read day first: "10/01/2024" is 10 January 2024, never 1 October.
    """
    if not text:
        return None
    iso = _ISO.search(text)
    if iso:
        return _from_iso(iso)
    for pattern in (_NUMERIC, _WORDED):
        match = pattern.search(text)
        if match:
            time_match = _TIME.search(text[: match.start()] + " " + text[match.end():])
            return _build(match, time_match)
    return None


def _build(date_match: re.Match, time_match: re.Match | None) -> datetime | None:
    hour = minute = second = 0
    if time_match:
        hour, minute = int(time_match["hour"]), int(time_match["minute"])
        half = (time_match["half"] or "").upper()
        if half in ("PM", "CH") and hour < 12:
            hour += 12
        elif half in ("AM", "SA") and hour == 12:
            hour = 0
        second = int(time_match["second"] or 0)
    try:
        return datetime(
            int(date_match["year"]), int(date_match["month"]), int(date_match["day"]),
            hour, minute, second, tzinfo=VIETNAM_TZ,
        )
    except ValueError:
        return None


def _from_iso(match: re.Match) -> datetime | None:
    tz = VIETNAM_TZ
    if match["tz"]:
        if match["tz"] == "Z":
            tz = timezone.utc
        else:
            sign = 1 if match["tz"][0] == "+" else -1
            digits = match["tz"][1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        moment = datetime(
            int(match["year"]), int(match["month"]), int(match["day"]),
            int(match["hour"] or 0), int(match["minute"] or 0), int(match["second"] or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None
    return moment


def to_iso(moment: datetime | None, zone: tzinfo | None = VIETNAM_TZ) -> str | None:
    """ISO 8601 text of ``moment`` in ``zone`` (None: in its own offset), or None."""
    if moment is None:
        return None
    return (moment.astimezone(zone) if zone is not None else moment).isoformat()
