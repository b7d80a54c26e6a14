"""Vietnamese text helpers: Unicode normalisation and diacritic folding.

Portals mix NFC, NFD and legacy forms; everything we store is NFC so that the
same word is always the same string. ``fold`` gives the diacritic-free form
used by search, so "dang ngoc hau" finds "Đặng Ngọc Hậu".
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# "đ"/"Đ" are letters of their own, not d + a combining mark, so NFD cannot
# strip them; the Icelandic eth "Ð" is a frequent look-alike typed for "Đ".
_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC without changing its spelling."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC, with runs of spaces (including no-break and zero-width) collapsed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every Vietnamese diacritic, đ -> d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str) -> str:
    """ASCII slug of ``text``, the way Vietnamese portals build URLs."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
