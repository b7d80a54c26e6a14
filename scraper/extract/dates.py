"""Reading the dates pages print.

Vietnamese portals write "10/01/2024" for 10 January, with many decorations
around it ("Thứ Tư, 10/01/2024 - 15:30", "15:30 | 10/01/2024", "Ngày 3 tháng
2 năm 2024"): on a Vietnamese page a numeric date is read day first, always.

Other pages are read as their language writes dates (``DateReader``): month
names ("24. April 2020", "martes 17 de marzo de 2020", "January 18, 2020",
in the page's language, then English and the web's other common ones, from
dateparser's month vocabulary),
two-digit years on a short date line ("02.12.19"), and a slashed date read
month first when it can only be that ("11/13/2023") or when the page says so:
a 12-hour clock ("11/8/2023 10:46 PM") or a US English page. An ambiguous
slashed date keeps its other reading (``DateReader.readings``) for the caller
to match against the page's structured dates.

Every result is an aware datetime in Vietnam time (+07:00) unless the
source gives its own offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_NUMERIC = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4})(?!\d)"
)
# "02.12.19", "8.5.12": two-digit years, same separator twice, nothing numeric around
_SHORT_YEAR = re.compile(
    r"(?<![\d.:/-])(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{2})(?![\d/-]|\.\d)"
)
_WORDED = re.compile(
    r"ng[àa]y\s+(?P<day>\d{1,2})\s+th[áa]ng\s+(?P<month>\d{1,2})\s+n[ăa]m\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
# 2020年4月24日 (Chinese, Japanese), 2020년 4월 24일 (Korean)
_CJK = re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]")
_ISO = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{1,2}))?(?:\.\d+)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = re.compile(
    r"(?<!\d)(?P<hour>[01]?\d|2[0-3])\s*[:hg]\s*(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
    # ASP.NET's "3:30:00 PM"; SA/CH are Vietnamese AM/PM
    r"(?:\s*(?P<half>AM|PM|SA|CH|a\.\s?m\.|p\.\s?m\.)(?![^\W\d_]))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
MAX_SHORT_YEAR_LINE = 40  # a two-digit year is read on a date line this long at most, never in prose
# The languages most of the web is written in: read after the page's own (which may be missing or wrong)
COMMON_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "tr", "sv", "da", "nb", "fi",
                    "hu", "ro", "el", "ar")


@dataclass(frozen=True)
class DateReader:
    """How one page writes its dates.

    ``vietnamese``: numeric dates day first whatever else the page says.
    ``month_first``: the page's locale writes slashed dates month first (US).
    ``languages``: whose month names the page prints, in order (a name
    two languages give different months is the first one's), English
    always included; None for no month names at all.
    """

    vietnamese: bool = True
    month_first: bool = False
    languages: tuple[str, ...] | None = None

    def read(self, text: str | None) -> datetime | None:
        """The first date in ``text`` (with its time if given), or None."""
        readings = self.readings(text)
        return readings[0] if readings else None

    def readings(self, text: str | None) -> list[datetime]:
        """The first date in ``text``, then, for an ambiguous slashed date on
        a page not in Vietnamese ("06/01/2020"), its other reading; [] for none."""
        if not text or not _DIGIT.search(text):
            return []
        found = [match for match in (pattern.search(text) for pattern in self._patterns(text)) if match]
        if self.languages is not None and _YEAR.search(text):
            found += filter(None, (self._month_name(pattern, text) for pattern in _MONTH_NAME_DATES))
        if not found:
            return []
        match = min(found, key=lambda found_match: found_match.start())
        if match.re is _ISO:
            moment = _from_iso(match)
            return [moment] if moment else []
        rest = text[: match.start()] + " " + text[match.end():]
        time_match = _TIME.search(rest)
        day, month, year = match["day"], _month_number(match, self.languages), _full_year(match["year"])
        orders = [(day, month)]
        if match.re is _NUMERIC or match.re is _SHORT_YEAR:
            orders = self._numeric_orders(int(day), int(month), match["sep"], time_match)
        moments = [_build(year, int(month_), int(day_), time_match) for day_, month_ in orders]
        return [moment for moment in moments if moment]

    def _patterns(self, text: str) -> list[re.Pattern]:
        patterns = [_ISO, _NUMERIC, _WORDED, _CJK]
        if len(text) <= MAX_SHORT_YEAR_LINE:
            patterns.append(_SHORT_YEAR)
        return patterns

    def _month_name(self, pattern: re.Pattern, text: str) -> re.Match | None:
        """The first match of ``pattern`` whose word is a month of the page's languages."""
        names = month_names(self.languages)
        return next((match for match in pattern.finditer(text) if match["name"].lower() in names), None)

    def _numeric_orders(self, first: int, second: int, separator: str, time_match) -> list[tuple[int, int]]:
        """(day, month) readings of "first/second/year", the preferred one first."""
        day_first = (first, second)
        if self.vietnamese or separator == ".":
            return [day_first]
        month_first = (second, first)
        if first > 12 or second > 12:  # only one reading is a date
            return [month_first] if second > 12 else [day_first]
        twelve_hour = bool(time_match and time_match["half"] and time_match["half"][0].lower() in "ap")
        if self.month_first or twelve_hour:
            return [month_first, day_first]
        return [day_first, month_first] if first != second else [day_first]


VIETNAMESE = DateReader()  # numeric and Vietnamese worded dates only


def parse_vietnamese_date(text: str | None) -> datetime | None:
    """Parse the first day-first (or ISO) date in ``text``, with its time if given.

    Returns None when ``text`` holds no valid date. Numeric dates are always
    read day first: "10/01/2024" is 10 January 2024, never 1 October.
    """
    return VIETNAMESE.read(text)


def _full_year(year: str) -> int:
    """"19" is 2019; "98" is 1998: two-digit years up to next year's are this century's."""
    if len(year) > 2:
        return int(year)
    short = int(year)
    return 2000 + short if short <= (datetime.now().year + 1) % 100 else 1900 + short


def _month_number(match: re.Match, languages: tuple[str, ...]) -> int | str:
    if "name" in match.re.groupindex:
        return month_names(languages)[match["name"].lower().rstrip(".")]
    return match["month"]


def _build(year: int, month: int, day: int, time_match: re.Match | None) -> datetime | None:
    hour = minute = second = 0
    if time_match:
        hour, minute = int(time_match["hour"]), int(time_match["minute"])
        half = (time_match["half"] or "").upper().replace(".", "").replace(" ", "")
        if half in ("PM", "CH") and hour < 12:
            hour += 12
        elif half in ("AM", "SA") and hour == 12:
            hour = 0
        second = int(time_match["second"] or 0)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM_TZ)
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


@lru_cache(maxsize=64)
def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-case month names and abbreviations of ``languages`` and
    English, from dateparser's locale data: "märz" and "mrz" are 3,
    "августа" is 8. A name two languages give different months keeps the
    first language's."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    for language in (*languages, "en"):
        try:
            info = default_loader.get_locale(language).info
        except (ValueError, KeyError):
            continue
        for number, month in enumerate(_MONTHS, start=1):
            for name in info.get(month, ()):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and not any(ch.isdigit() for ch in name) and not _ROMAN.fullmatch(name):
                    names.setdefault(name, number)
    return names


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_ROMAN = re.compile(r"[ivx]+")


_NAME = r"(?<![^\W\d_])(?P<name>[^\W\d_]{3,})\.?"
_NAMED_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# "24. April 2020", "17 de marzo de 2020", "1er mars 2020" (day first); "January 18, 2020", "Jan. 18th, 2020"
_MONTH_NAME_DATES = (
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)(?:\.|er|º|°|st|nd|rd|th)?\s*(?:de\s+|of\s+)?{_NAME},?\s*"
               rf"(?:de\s+|del\s+)?{_NAMED_YEAR}", re.IGNORECASE),
    re.compile(rf"{_NAME}\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?,?\s*{_NAMED_YEAR}", re.IGNORECASE),
)
_DIGIT = re.compile(r"\d")


def to_iso(moment: datetime | None, zone: tzinfo | None = VIETNAM_TZ) -> str | None:
    """ISO 8601 text of ``moment`` in ``zone`` (None: in its own offset), or None."""
    if moment is None:
        return None
    return (moment.astimezone(zone) if zone is not None else moment).isoformat()
