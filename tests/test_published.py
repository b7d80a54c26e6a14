"""Publication time: dates read as each page writes them, and where on the
page the article's own date is (scraper/extract/dates.py, published.py).
One small hand-written page or line per rule."""

from __future__ import annotations

import pytest

from scraper.extract.dates import DateReader, to_iso

GERMAN = DateReader(vietnamese=False, languages=("de",))
SPANISH = DateReader(vietnamese=False, languages=("es",))
RUSSIAN = DateReader(vietnamese=False, languages=("ru",))
UNKNOWN = DateReader(vietnamese=False, languages=())  # a page that names no language
US = DateReader(vietnamese=False, month_first=True, languages=("en",))
VIETNAMESE = DateReader(languages=("en",))


def read(reader: DateReader, text: str) -> list[str]:
    return [to_iso(moment, None) for moment in reader.readings(text)]


@pytest.mark.parametrize("reader, text, expected", [
    (GERMAN, "24. April 2020", "2020-04-24T00:00:00+07:00"),
    (GERMAN, "Hamburg, 2. November 2021", "2021-11-02T00:00:00+07:00"),
    (GERMAN, "Veröffentlicht am Mittwoch, 3. März 2021 um 14:30 Uhr", "2021-03-03T14:30:00+07:00"),
    (SPANISH, "martes 17 de marzo de 2020", "2020-03-17T00:00:00+07:00"),
    (RUSSIAN, "15 августа 2016, 13:43", "2016-08-15T13:43:00+07:00"),
    (UNKNOWN, "January 18, 2020", "2020-01-18T00:00:00+07:00"),
    (UNKNOWN, "Jan. 18th, 2020 at 3:05 p.m.", "2020-01-18T15:05:00+07:00"),
    (UNKNOWN, "1er mars 2020", "2020-03-01T00:00:00+07:00"),
    (UNKNOWN, "2020年4月24日", "2020-04-24T00:00:00+07:00"),
    # the first date of the text, whatever its form
    (GERMAN, "Publiziert am 2. März 2013 von Tom; er starb am 26.2.2013", "2013-03-02T00:00:00+07:00"),
    # English month names on Vietnamese pages too (the portals' English editions)
    (VIETNAMESE, "January 10, 2024 08:30", "2024-01-10T08:30:00+07:00"),
])
def test_month_names_in_the_page_s_language(reader, text, expected):
    assert read(reader, text)[0] == expected


@pytest.mark.parametrize("text", ["Saturday, January 18th", "Version 1.2.3", "im April"])
def test_no_year_no_date(text):
    assert read(UNKNOWN, text) == []


@pytest.mark.parametrize("text, expected", [
    ("02.12.19", "2019-12-02T00:00:00+07:00"),
    ("Max Muster, 8.5.12", "2012-05-08T00:00:00+07:00"),
    ("28.09.19 12:44", "2019-09-28T12:44:00+07:00"),
    ("03.04.98", "1998-04-03T00:00:00+07:00"),
])
def test_two_digit_years_on_a_short_date_line(text, expected):
    assert read(GERMAN, text)[0] == expected


def test_no_two_digit_year_in_prose_or_in_a_longer_number():
    assert read(GERMAN, "Die Sitzung beschloss die Punkte 1.2.3 und 4.5.12 der Tagesordnung für alle") == []
    assert read(GERMAN, "Tel. 10.11.12.13") == []


def test_an_iso_instant_with_a_one_digit_second_keeps_its_offset():
    assert read(UNKNOWN, "2020-12-05T23:15:0Z") == ["2020-12-05T23:15:00+00:00"]


@pytest.mark.parametrize("reader, text, expected", [
    # only one reading is a date
    (UNKNOWN, "11/13/2023", ["2023-11-13T00:00:00+07:00"]),
    (UNKNOWN, "13/11/2023", ["2023-11-13T00:00:00+07:00"]),
    # ambiguous: day first, the other reading kept for the structured date to decide
    (UNKNOWN, "06/01/2020", ["2020-01-06T00:00:00+07:00", "2020-06-01T00:00:00+07:00"]),
    # a 12-hour clock, or a US page, says month first
    (UNKNOWN, "11/8/2023 10:46 PM", ["2023-11-08T22:46:00+07:00", "2023-08-11T22:46:00+07:00"]),
    (US, "06/01/2020", ["2020-06-01T00:00:00+07:00", "2020-01-06T00:00:00+07:00"]),
    # dots are day first everywhere
    (US, "10.11.2021", ["2021-11-10T00:00:00+07:00"]),
    # a Vietnamese page: day first, always, and nothing else
    (VIETNAMESE, "06/01/2020", ["2020-01-06T00:00:00+07:00"]),
    (VIETNAMESE, "10/01/2024 3:30:00 PM", ["2024-01-10T15:30:00+07:00"]),
    (VIETNAMESE, "11/13/2023", []),
])
def test_slashed_dates_month_first_only_where_the_page_says_so(reader, text, expected):
    assert read(reader, text) == expected
