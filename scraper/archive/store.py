"""Writing articles into the archive: identity, upserts, versions, search rows.

An article's id comes from its canonical URL, unless that canonical URL
already names another page (a portal whose every page says its canonical
URL is the home page); an article whose text is already stored under another
address (a session id in the URL) is the same article, not a new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ..extract import Article
from .schema import INDEX_ROW, UNINDEX_ROW, ensure_schema

CONTENT_FIELDS = ("url", "canonical_url", "site", "title", "lead", "body", "author",
                  "published_at", "category", "source", "extractor")


class ArchiveError(Exception):
    """The archive cannot be opened or written."""


def article_id(canonical_url: str) -> str:
    """Stable id of an article: the same canonical URL always gives the same id."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def check_writable(path: str | Path) -> Path:
    """Fail early, with a clear message, if ``path`` cannot hold an archive.

    Probes by creating a scratch file, since permission bits say nothing
    when running as root or on read-only mounts.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ArchiveError(f"database folder does not exist: {folder}")
    if path.is_dir():
        raise ArchiveError(f"database path is a folder: {path}")
    if path.exists() and not os.access(path, os.W_OK):
        raise ArchiveError(f"database is not writable: {path}")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise ArchiveError(f"database folder is not writable: {folder} ({error.strerror})") from None
    return path


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the archive at ``path`` with its schema."""
    path = check_writable(path)
    try:
        db = sqlite_utils.Database(path)
        ensure_schema(db)
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a usable archive: {error}") from error
    return db


def save_article(db: sqlite_utils.Database, article: Article, seen_at: str | None = None) -> str:
    """Insert or update one article; returns "new", "changed", "unchanged" or "duplicate"."""
    return save_articles(db, [(article, seen_at or utc_now(), None)])[0]


def save_articles(db: sqlite_utils.Database, batch: list[tuple[Article, str, int | None]]) -> list[str]:
    """Store a batch of (article, seen_at, capture_id) in one transaction.

    Returns an outcome per article: "new", "changed", "unchanged", or
    "duplicate" (its text is stored already, under another address: that
    article is only marked seen). Re-crawling an article updates its row
    instead of adding one. When the article's text or fields changed, the
    earlier version stays in ``article_versions`` and ``articles`` shows the
    latest; an unchanged article only gets a new ``last_seen_at``. A removed
    article seen again is no longer marked removed.
    """
    outcomes = []
    with db.conn:
        for article, seen_at, capture_id in batch:
            same_as = resolve_identity(db, article)
            if same_as:
                touch_seen(db, same_as, seen_at)
                outcomes.append("duplicate")
            else:
                outcomes.append(write_article(db, article, seen_at, capture_id))
    return outcomes


def resolve_identity(db: sqlite_utils.Database, article: Article) -> str | None:
    """Settle which stored article ``article`` is, inside the caller's transaction.

    A canonical URL already held by a different page (another fetched
    address with another title) is not trusted: the article keeps its own
    URL as canonical. Returns the id of a stored article with the same text
    under another address (the same article), or None.
    """
    canonical = article.canonical_url or article.url
    if canonical != article.url:
        row = db.execute("SELECT url, title FROM articles WHERE id = ?", [article_id(canonical)]).fetchone()
        if row and row[0] != article.url and row[1] != article.title:
            article.canonical_url = canonical = article.url
    fingerprint = text_fingerprint(article)
    if not fingerprint:
        return None
    own_id = article_id(canonical)
    row = db.execute("SELECT id FROM articles WHERE site = ? AND fingerprint = ? AND id != ? LIMIT 1",
                     [article.site, fingerprint, own_id]).fetchone()
    if row is None or db.execute("SELECT 1 FROM articles WHERE id = ?", [own_id]).fetchone():
        return None
    return row[0]


def text_fingerprint(article: Article) -> str | None:
    """Digest of an article's title and text; None for a text too short to
    tell two articles apart (notices that are a title and a document)."""
    if len(article.lead) + len(article.body) < MIN_FINGERPRINT_TEXT:
        return None
    text = "\n".join((article.title, article.lead, article.body))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


MIN_FINGERPRINT_TEXT = 200


def write_article(db: sqlite_utils.Database, article: Article, seen_at: str, capture_id: int | None) -> str:
    """Write one resolved article inside the caller's transaction; its outcome."""
    record, images, attachments = _record(article, seen_at)
    existing = db.execute(_SELECT_ARTICLE, [record["id"]]).fetchone()
    if existing is not None and _same_content(existing, record, db, images, attachments):
        db.execute(_TOUCH_ARTICLE, [seen_at, seen_at, *(record[name] for name in IN_PLACE_FIELDS), record["id"]])
        db.execute(_TOUCH_VERSION, [seen_at, record["id"]])
        for table, rows in (("images", images), ("attachments", attachments)):  # links now on the site's current host
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [record["id"]])
            db.conn.executemany(_INSERTS[table], rows)
        return "unchanged"
    if existing is not None:
        _unindex(db, existing[0])
        # the version being replaced keeps its own lead and body from now on
        db.execute(_KEEP_VERSION_TEXT, [existing[_LEAD], existing[_BODY], record["id"], record["id"]])
    record["first_seen_at"] = existing[-1] if existing else seen_at
    rowid = db.execute(_UPSERT_ARTICLE, record).fetchone()[0]
    for table, rows in (("images", images), ("attachments", attachments)):
        if existing:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [record["id"]])
        db.conn.executemany(_INSERTS[table], rows)
    _add_version(db, record, images, attachments, capture_id, first=existing is None)
    for statement in INDEX_ROW:
        db.execute(statement, [rowid])
    return "changed" if existing else "new"


def touch_seen(db: sqlite_utils.Database, id: str, seen_at: str) -> None:
    """The article ``id`` was seen again, unchanged (under another address)."""
    db.execute("UPDATE articles SET last_seen_at = ?, last_checked_at = ?, removed_at = NULL, removed = 0 "
               "WHERE id = ?", [seen_at, seen_at, id])
    db.execute(_TOUCH_VERSION, [seen_at, id])


def mark_checked(db: sqlite_utils.Database, url: str, checked_at: str) -> None:
    """The crawler asked for the stored article at ``url`` (whatever came of it)."""
    db.execute("UPDATE articles SET last_checked_at = ? WHERE url = ? OR canonical_url = ?", [checked_at, url, url])


def mark_removed(db: sqlite_utils.Database, url: str, seen_at: str) -> bool:
    """Mark the article fetched from ``url`` as gone (404, 410, redirected away).

    Never deletes anything: the article stays readable with the time it was
    first seen gone. Returns True when it was not already marked.
    """
    with db.conn:
        mark_checked(db, url, seen_at)
        cursor = db.execute(
            "UPDATE articles SET removed_at = ?, removed = 1 WHERE (url = ? OR canonical_url = ?) AND removed_at IS NULL",
            [seen_at, url, url],
        )
    return cursor.rowcount > 0


def mark_unmodified(db: sqlite_utils.Database, url: str, seen_at: str) -> None:
    """A conditional request answered 304: the article is still there, unchanged."""
    with db.conn:
        db.execute("UPDATE articles SET last_seen_at = ?, last_checked_at = ?, removed_at = NULL, removed = 0 "
                   "WHERE url = ? OR canonical_url = ?", [seen_at, seen_at, url, url])
        db.execute(
            "UPDATE versions SET last_seen_at = ? WHERE article_id IN "
            "(SELECT id FROM articles WHERE url = ? OR canonical_url = ?) "
            "AND version = (SELECT max(version) FROM versions v WHERE v.article_id = versions.article_id)",
            [seen_at, url, url],
        )


# Fields whose change makes a new version; the others are updated in place
# (a new fetch address, a re-extraction by an improved profile).
VERSIONED_FIELDS = ("title", "lead", "body", "author", "published_at", "category", "source")
IN_PLACE_FIELDS = ("url", "canonical_url", "site", "extractor", "fingerprint")
_LEAD, _BODY = 1 + VERSIONED_FIELDS.index("lead"), 1 + VERSIONED_FIELDS.index("body")
_URL = 1 + len(VERSIONED_FIELDS)
_SELECT_ARTICLE = f"SELECT rowid, {', '.join(VERSIONED_FIELDS)}, url, first_seen_at FROM articles WHERE id = ?"
_TOUCH_ARTICLE = (
    f"UPDATE articles SET last_seen_at = ?, last_checked_at = ?, removed_at = NULL, removed = 0, "
    f"{', '.join(f'{name} = ?' for name in IN_PLACE_FIELDS)} WHERE id = ?"
)
_CURRENT_VERSION = "version = (SELECT max(version) FROM versions WHERE article_id = ?)"
_TOUCH_VERSION = "UPDATE versions SET last_seen_at = ? WHERE article_id = ?2 AND " + _CURRENT_VERSION.replace("?", "?2")
_KEEP_VERSION_TEXT = f"UPDATE versions SET lead = ?, body = ? WHERE article_id = ? AND {_CURRENT_VERSION}"
DERIVED_FIELDS = ("published_year", "published_month", "has_attachments", "removed", "fingerprint")
_WRITTEN = ("id", *CONTENT_FIELDS, *DERIVED_FIELDS, "first_seen_at", "last_seen_at", "last_checked_at")
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_WRITTEN)}) VALUES ({', '.join(':' + c for c in _WRITTEN)}) "
    f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _WRITTEN[1:])}, removed_at = NULL "
    "RETURNING rowid"
)
_CHILD_FIELDS = {
    "images": ("article_id", "position", "src", "alt", "caption", "after_paragraph"),
    "attachments": ("article_id", "position", "url", "title", "type"),
}
_INSERTS = {table: f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})"
            for table, fields in _CHILD_FIELDS.items()}
# What makes an image or attachment row the same as before: its place among
# the paragraphs is not compared (rows stored before it was recorded lack it).
_COMPARED_FIELDS = {"images": _CHILD_FIELDS["images"][:5], "attachments": _CHILD_FIELDS["attachments"]}


def _unindex(db: sqlite_utils.Database, rowid: int) -> None:
    """Take the article's current text out of the search index (before it changes)."""
    for statement in UNINDEX_ROW:
        db.execute(statement, [rowid])


def _record(article: Article, seen_at: str) -> tuple[dict, list[tuple], list[tuple]]:
    record = {name: getattr(article, name) or "" for name in CONTENT_FIELDS}
    record["published_at"] = article.published_at
    record["id"] = article_id(article.canonical_url or article.url)
    record["last_seen_at"] = record["last_checked_at"] = seen_at
    record["published_year"] = (article.published_at or "")[:4] or None
    record["published_month"] = (article.published_at or "")[:7] or None
    record["has_attachments"] = int(bool(article.attachments))
    record["removed"] = 0  # stored again because it was seen: present on the site
    record["fingerprint"] = text_fingerprint(article)
    images = [(record["id"], index, image.src, image.alt, image.caption, image.after_paragraph)
              for index, image in enumerate(article.images)]
    attachments = [(record["id"], index, item.url, item.title, item.type) for index, item in enumerate(article.attachments)]
    return record, images, attachments


def _same_content(existing: tuple, record: dict, db: sqlite_utils.Database,
                  images: list[tuple], attachments: list[tuple]) -> bool:
    """Whether the article is unchanged. Images and attachments on the site's
    own hosts compare by path: the site moving between http and https, www or
    not, or the offline portal's port, is no change of the article."""
    if any((old or "") != (record[name] or "") for name, old in zip(VERSIONED_FIELDS, existing[1:])):
        return False
    hosts = {_bare_host(url) for url in (existing[_URL], record["url"], record["canonical_url"], "//" + record["site"])}
    for table, rows in (("images", images), ("attachments", attachments)):
        fields = _COMPARED_FIELDS[table]
        stored = db.execute(f"SELECT {', '.join(fields)} FROM {table} WHERE article_id = ? ORDER BY position", [record["id"]])
        if [_site_relative(row, hosts) for row in stored] != [_site_relative(row[:len(fields)], hosts) for row in rows]:
            return False
    return True


def _bare_host(url: str) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def _site_relative(row: tuple, hosts: set[str]) -> tuple:
    """An image or attachment row with its address (third field) as a path when it is on one of ``hosts``."""
    address = row[2] or ""
    if _bare_host(address) in hosts - {""}:
        parts = urlsplit(address)
        address = parts.path + (f"?{parts.query}" if parts.query else "")
    return (*row[:2], address, *row[3:])


def _add_version(db: sqlite_utils.Database, record: dict, images: list[tuple], attachments: list[tuple],
                 capture_id: int | None, first: bool) -> None:
    """Append the record's current fields as its next version; its lead and
    body stay in ``articles`` until a later version replaces them."""
    number = 1 if first else db.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM versions WHERE article_id = ?", [record["id"]]).fetchone()[0]
    db.execute(
        f"INSERT INTO versions (article_id, version, first_seen_at, last_seen_at, capture_id, images, attachments, "
        f"{', '.join(VERSIONED_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?, {', '.join('?' * len(VERSIONED_FIELDS))})",
        [record["id"], number, record["last_seen_at"], record["last_seen_at"], capture_id,
         json.dumps([dict(zip(_CHILD_FIELDS["images"][2:], row[2:])) for row in images], ensure_ascii=False),
         json.dumps([dict(zip(_CHILD_FIELDS["attachments"][2:], row[2:])) for row in attachments], ensure_ascii=False),
         *(None if name in ("lead", "body") else record[name] for name in VERSIONED_FIELDS)],
    )
