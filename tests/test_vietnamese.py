"""Vietnamese specifics on their own: decoding, normal forms, dates, folding."""

from __future__ import annotations

import unicodedata

import pytest

from scraper.extract.dates import parse_vietnamese_date, to_iso
from scraper.extract.decoding import decode_html
from scraper.extract.vietnamese import fold

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """``text`` as windows-1258 writes it: base letter, then a combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append(base.encode("cp1258") + "".join(c for c in parts if c in TONE_MARKS).encode("cp1258"))
    return b"".join(out)


TEXT = "Hội nghị tổng kết: Đặng Ngọc Hậu, hoà bình, thuý, Ưu tiên"


def test_windows_1258_declared_missing_or_wrong():
    page = f"<html><head><meta charset='windows-1258'></head><body><p>{TEXT}</p></body></html>"
    assert TEXT in decode_html(cp1258(page))
    assert TEXT in decode_html(cp1258(page.replace("windows-1258", "iso-8859-1")))
    assert TEXT in decode_html(cp1258(page.replace("<meta charset='windows-1258'>", "")))


def test_utf8_page_with_a_windows_1258_fragment():
    page = f"<html><head><meta charset='utf-8'></head><body><p>{TEXT}</p>".encode() + cp1258("<p>Thống kê truy cập</p>")
    decoded = decode_html(page)
    assert TEXT in decoded and "Thống kê truy cập" in decoded


def test_nfd_becomes_nfc_without_respelling():
    decoded = decode_html(unicodedata.normalize("NFD", f"<p>{TEXT}</p>").encode())
    assert TEXT in decoded  # NFC, and "hoà", "thuý" keep their old-style tone placement
    assert "hoà" in decoded and "hòa" not in decoded


@pytest.mark.parametrize("text, expected", [
    ("10/01/2024", "2024-01-10T00:00:00+07:00"),
    ("10-01-2024 08:15:00", "2024-01-10T08:15:00+07:00"),
    ("Thứ Tư, 10/01/2024 - 15:30", "2024-01-10T15:30:00+07:00"),
    ("15:30 | 10/01/2024", "2024-01-10T15:30:00+07:00"),
    ("Cập nhật lúc: 08:15 - 22/11/2023", "2023-11-22T08:15:00+07:00"),
    ("Ngày 3 tháng 2 năm 2024", "2024-02-03T00:00:00+07:00"),
    ("2024-01-10T01:30:00Z", "2024-01-10T08:30:00+07:00"),
    ("2024-01-10T08:30:00+07:00", "2024-01-10T08:30:00+07:00"),
    ("10/01/2024 3:30:00 PM", "2024-01-10T15:30:00+07:00"),
    ("10/01/2024 12:05 SA", "2024-01-10T00:05:00+07:00"),
    ("2024/01/10 08:15", "2024-01-10T08:15:00+07:00"),
    ("31/02/2024", None),
    ("không có ngày", None),
])
def test_day_first_dates(text, expected):
    assert to_iso(parse_vietnamese_date(text)) == expected


def test_fold_strips_every_mark_and_d_stroke():
    assert fold("Đặng Ngọc Hậu QUỐC TUẤN hoà hòa Ð") == "dang ngoc hau quoc tuan hoa hoa d"
    assert fold(unicodedata.normalize("NFD", "Chuyển đổi số")) == "chuyen doi so"
