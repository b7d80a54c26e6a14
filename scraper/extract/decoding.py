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
    """Decode ``html`` to NFC text, detecting the real encoding."""
    if isinstance(html, str):
        return nfc(html)
    for bom, encoding in _BOMS:
        if html.startswith(bom):
            return nfc(html[len(bom):].decode(encoding, errors="replace"))
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        return nfc(text)  # valid UTF-8 beats any legacy declaration
    declared = declared_charset(html, content_type)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return nfc(html.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    return nfc(_detect(html))


def _detect(html: bytes) -> str:
    best = from_bytes(html, cp_isolation=["cp1258", "cp1252", "utf_8", "latin_1"]).best()
    if best is not None:
        return str(best)
    return html.decode("cp1258", errors="replace")


def _normalise(name: str) -> str:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
