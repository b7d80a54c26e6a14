"""Turn page bytes into text without trusting the page's word for its charset.

Old portals serve windows-1258 or mislabel their encoding; we prefer what the
bytes prove (BOM, valid UTF-8) over what the page declares, and fall back to
charset detection when the declaration does not decode.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .vietnamese import nfc

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALIASES = {"windows-1258": "cp1258", "x-viet-vps": "cp1258", "tcvn": "cp1258"}


def declared_charset(html: bytes, content_type: str | None = None) -> str | None:
    """The charset named by the HTTP Content-Type or the page's first <meta>."""
    if content_type:
        match = re.search(r"charset=([\w\-:.]+)", content_type, re.IGNORECASE)
        if match:
            return _normalise(match.group(1))
    match = _META_CHARSET.search(html[:4096])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def decode_html(html: bytes | str, content_type: str | None = None) -> str:
    """Decode ``html`` to NFC text, detecting the real encoding.

    Valid UTF-8 wins. Otherwise the candidates are the declared charset and
    windows-1258 (for a page with a few invalid sequences: "UTF-8 where
    valid, windows-1258 elsewhere", which reads pages mixing the two); the
    one that yields more Vietnamese letters wins, so a page declaring
    iso-8859-1 while written in windows-1258 still decodes right.
    """
    if isinstance(html, str):
        return nfc(html)
    for bom, encoding in _BOMS:
        if html.startswith(bom):
            return nfc(html[len(bom):].decode(encoding, errors="replace"))
    try:
        return nfc(html.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    invalid = html.decode("utf-8", errors="replace").count("\ufffd")
    if invalid > MIXED_LIMIT:  # a legacy page throughout: decode it whole, not byte by byte
        candidates = [nfc(html.decode("cp1258", errors="replace"))]
    else:
        candidates = [nfc(html.decode("utf-8", errors=_FALLBACK))]
    declared = declared_charset(html, content_type)
    if declared and declared not in ("utf-8", "cp1258"):
        try:
            candidates.append(nfc(html.decode(declared)))
        except (UnicodeDecodeError, LookupError):
            pass
    if not declared:
        detected = from_bytes(html[:200_000]).best()
        if detected is not None and detected.encoding not in ("utf_8", "cp1258"):
            candidates.append(nfc(html.decode(detected.encoding, errors="replace")))
    return max(candidates, key=vietnamese_score)


def vietnamese_score(text: str) -> int:
    """How many letters only Vietnamese uses: ă ơ ư đ and the dotted/hooked vowels."""
    return len(_VIETNAMESE_LETTERS.findall(text))


def _cp1258_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 as windows-1258."""
    chunk = error.object[error.start:error.end]
    return chunk.decode("cp1258", errors="replace"), error.end


_FALLBACK = "govnews-cp1258-fallback"
MIXED_LIMIT = 50  # more invalid UTF-8 sequences than this: not a UTF-8 page with a legacy fragment
codecs.register_error(_FALLBACK, _cp1258_fallback)
_VIETNAMESE_LETTERS = re.compile("[ăĂơƠưƯđĐ\u1ea0-\u1ef9]")


def _normalise(name: str) -> str:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
