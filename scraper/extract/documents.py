"""Which links point to documents (PDF, Word, Excel, archives) rather than pages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DOCUMENT_TYPES = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "zip", "rar", "7z")
# Liferay keeps the file name inside the path: /documents/10180/1/Report.pdf/<uuid>
# ...and a session id may follow it: /file.pdf;jsessionid=...
_EXTENSION = re.compile(r"\.(" + "|".join(DOCUMENT_TYPES) + r")(?:$|[/?#;])", re.I)


def document_type(url: str) -> str:
    """"pdf", "docx"... when ``url`` names a document file, else ""."""
    match = _EXTENSION.search(urlsplit(url).path + "?")
    return match.group(1).lower() if match else ""


def mentions_document(href: str) -> bool:
    """A quick test on a raw href (query string included) before the exact
    ``document_type``: most links on a page are not documents."""
    return bool(_EXTENSION.search(href))
