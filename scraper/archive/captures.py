"""Raw captures: every fetched article page, compressed, with its provenance.

A capture keeps the bytes exactly as served (gzip-compressed), the URL, the
fetch time, the HTTP status, the headers that matter (Content-Type,
Last-Modified, ETag) and the SHA-256 of the bytes. Fetching the same bytes
again only moves ``last_fetched_at``: one row per distinct content of a URL.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils


@dataclass
class Capture:
    """One stored fetch of a page."""

    id: int
    url: str
    site: str
    fetched_at: str
    last_fetched_at: str
    status: int
    content_type: str
    last_modified: str
    etag: str
    sha256: str
    body: bytes


def pack(body: bytes) -> tuple[bytes, str]:
    """(gzip-compressed body, SHA-256 of the body): what a capture stores."""
    return gzip.compress(body, 6), hashlib.sha256(body).hexdigest()


def store_capture(db: sqlite_utils.Database, *, url: str, site: str, fetched_at: str, status: int,
                  headers: dict[str, str], packed: tuple[bytes, str]) -> int:
    """Keep a page as fetched from ``url`` (``packed`` by ``pack``); returns the capture's id.

    Runs inside the caller's transaction, so a capture and the article
    extracted from it are written together.
    """
    compressed, digest = packed
    row = db.execute("SELECT id FROM captures WHERE url = ? AND sha256 = ?", [url, digest]).fetchone()
    if row:
        db.execute("UPDATE captures SET last_fetched_at = ? WHERE id = ?", [fetched_at, row[0]])
        return row[0]
    cursor = db.execute(
        "INSERT INTO captures (url, site, fetched_at, last_fetched_at, status, content_type, last_modified, "
        "etag, sha256, encoding, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'gzip', ?)",
        [url, site, fetched_at, fetched_at, status, headers.get("Content-Type", ""),
         headers.get("Last-Modified", ""), headers.get("ETag", ""), digest, compressed],
    )
    return cursor.lastrowid


def link_capture(db: sqlite_utils.Database, capture_id: int, article_id: str) -> None:
    """Record which article a capture turned out to hold."""
    db.execute("UPDATE captures SET article_id = ? WHERE id = ?", [article_id, capture_id])


def latest_captures(db: sqlite_utils.Database, site: str | None = None, since: str | None = None) -> Iterator[Capture]:
    """The newest capture of every URL, optionally of one site and fetched since a date."""
    yield from all_captures(db, site, since, latest_only=True)


def all_captures(db: sqlite_utils.Database, site: str | None = None, since: str | None = None,
                 latest_only: bool = False) -> Iterator[Capture]:
    """Stored captures in storage order, optionally of one site and since a date."""
    where, params = ["status = 200"], []
    if site:
        where.append("site = ?")
        params.append(site)
    if since:
        where.append("last_fetched_at >= ?")
        params.append(since)
    rows = db.execute(
        "SELECT id, url, site, fetched_at, last_fetched_at, status, content_type, last_modified, etag, sha256, body "
        f"FROM captures c WHERE {' AND '.join(where)} "
        + ("AND id = (SELECT id FROM captures d WHERE d.url = c.url ORDER BY last_fetched_at DESC, id DESC LIMIT 1) "
           if latest_only else "")
        + "ORDER BY id",
        params,
    )
    for row in rows:
        yield Capture(*row[:-1], body=gzip.decompress(row[-1]))
