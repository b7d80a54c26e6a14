"""Vietnamese text helpers: Unicode normalisation and diacritic folding.

Portals mix NFC, NFD and legacy forms; everything we store is NFC so that the
same word is always the same string. ``fold`` gives the diacritic-free form
used by search, so "dang ngoc hau" finds "Đặng Ngọc Hậu".
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def _fold_table() -> dict[int, str | None]:
    """Lower-case, diacritic-free replacement for every Latin letter with marks.

    "đ"/"Đ" are letters of their own, not d + a combining mark, so NFD cannot
    strip them; the Icelandic eth "Ð" is a frequent look-alike typed for "Đ".
    Combining marks themselves (text that arrives decomposed) map to nothing.
    """
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char:
            table[cp] = base.lower()
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("ð"): "d", ord("Ð"): "d"})
    return table


_FOLD_TABLE = _fold_table()


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC without changing its spelling."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC, with runs of spaces (including no-break and zero-width) collapsed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every Vietnamese diacritic, đ -> d."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).lower()


def slugify(text: str) -> str:
    """ASCII slug of ``text``, the way Vietnamese portals build URLs."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
