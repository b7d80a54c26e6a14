"""Writing articles into the archive: stable ids, upserts, search rows."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ..extract import Article
from ..extract.vietnamese import fold
from .schema import FTS_TABLE, ensure_schema

CONTENT_FIELDS = ("url", "canonical_url", "site", "title", "lead", "body", "author",
                  "published_at", "category", "source", "extractor", "body_html")


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
    """Insert or update one article; returns "new", "changed" or "unchanged"."""
    return save_articles(db, [(article, seen_at or utc_now())])[0]


def save_articles(db: sqlite_utils.Database, batch: list[tuple[Article, str]]) -> list[str]:
    """Store a batch of (article, seen_at) in one transaction; an outcome per article.

    The id comes from the canonical URL, so re-crawling an article updates
    its row instead of adding one. Images and the search row are rewritten
    only when the content changed; unchanged articles only get a new
    ``last_seen_at``. Writes use prepared SQL: sqlite-utils' upsert inspects
    the schema on every call, which costs more than the write itself.
    """
    outcomes = []
    with db.conn:
        for article, seen_at in batch:
            record, images, attachments = _record(article, seen_at)
            existing = db.execute(_SELECT_ARTICLE, [record["id"]]).fetchone()
            if existing is not None and _same_content(existing, record, db, images, attachments):
                db.execute("UPDATE articles SET last_seen_at = ? WHERE id = ?", [seen_at, record["id"]])
                outcomes.append("unchanged")
                continue
            record["first_seen_at"] = existing[-1] if existing else seen_at
            db.execute(_UPSERT_ARTICLE, record)
            for table, rows in (("images", images), ("attachments", attachments)):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", [record["id"]])
                db.conn.executemany(_INSERTS[table], rows)
            _index(db, record)
            outcomes.append("changed" if existing else "new")
    return outcomes


_SELECT_ARTICLE = f"SELECT {', '.join(CONTENT_FIELDS)}, first_seen_at FROM articles WHERE id = ?"
_WRITTEN = ("id", *CONTENT_FIELDS, "first_seen_at", "last_seen_at")
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_WRITTEN)}) VALUES ({', '.join(':' + c for c in _WRITTEN)}) "
    f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _WRITTEN[1:])}"
)
_CHILD_FIELDS = {
    "images": ("article_id", "position", "src", "alt", "caption"),
    "attachments": ("article_id", "position", "url", "title", "type"),
}
_INSERTS = {table: f"INSERT INTO {table} ({', '.join(fields)}) VALUES (?, ?, ?, ?, ?)" for table, fields in _CHILD_FIELDS.items()}


def _record(article: Article, seen_at: str) -> tuple[dict, list[tuple], list[tuple]]:
    record = {name: getattr(article, name) or "" for name in CONTENT_FIELDS}
    record["published_at"] = article.published_at
    record["id"] = article_id(article.canonical_url or article.url)
    record["last_seen_at"] = seen_at
    images = [(record["id"], index, image.src, image.alt, image.caption) for index, image in enumerate(article.images)]
    attachments = [(record["id"], index, item.url, item.title, item.type) for index, item in enumerate(article.attachments)]
    return record, images, attachments


def _same_content(existing: tuple, record: dict, db: sqlite_utils.Database,
                  images: list[tuple], attachments: list[tuple]) -> bool:
    if any((old or "") != (record[name] or "") for name, old in zip(CONTENT_FIELDS, existing)):
        return False
    for table, rows in (("images", images), ("attachments", attachments)):
        stored = db.execute(
            f"SELECT {', '.join(_CHILD_FIELDS[table])} FROM {table} WHERE article_id = ? ORDER BY position", [record["id"]]
        )
        if stored.fetchall() != rows:
            return False
    return True


def _index(db: sqlite_utils.Database, record: dict) -> None:
    rowid = db.execute("SELECT rowid FROM articles WHERE id = ?", [record["id"]]).fetchone()[0]
    searchable = [record["title"], record["lead"], record["body"], record["author"]]
    db.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [rowid])
    db.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body, author, folded) VALUES (?, ?, ?, ?, ?, ?)",
        [rowid, *searchable, fold("\n".join(searchable))],
    )
