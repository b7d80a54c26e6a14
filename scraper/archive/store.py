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
    """Insert or update ``article``; returns "new", "changed" or "unchanged".

    The id comes from the canonical URL, so re-crawling an article updates
    its row instead of adding one. Images and the search row are rewritten
    only when the content changed.
    """
    seen_at = seen_at or utc_now()
    record = {name: getattr(article, name) or "" for name in CONTENT_FIELDS}
    record["published_at"] = article.published_at
    record["id"] = article_id(article.canonical_url or article.url)
    articles = db["articles"]
    with db.conn:
        existing = next(articles.rows_where("id = ?", [record["id"]]), None)
        images = [
            {"article_id": record["id"], "position": index, "src": image.src, "alt": image.alt, "caption": image.caption}
            for index, image in enumerate(article.images)
        ]
        if existing is not None and _same_content(existing, record, db, images):
            articles.update(record["id"], {"last_seen_at": seen_at})
            return "unchanged"
        record["last_seen_at"] = seen_at
        record["first_seen_at"] = existing["first_seen_at"] if existing else seen_at
        articles.upsert(record, pk="id")
        db["images"].delete_where("article_id = ?", [record["id"]])
        if images:
            db["images"].insert_all(images, pk=("article_id", "position"))
        _index(db, record)
    return "changed" if existing else "new"


def _same_content(existing: dict, record: dict, db: sqlite_utils.Database, images: list[dict]) -> bool:
    if any((existing.get(name) or "") != (record.get(name) or "") for name in CONTENT_FIELDS):
        return False
    stored = list(db["images"].rows_where("article_id = ?", [record["id"]], order_by="position"))
    return stored == images


def _index(db: sqlite_utils.Database, record: dict) -> None:
    rowid = db.execute("SELECT rowid FROM articles WHERE id = ?", [record["id"]]).fetchone()[0]
    searchable = [record["title"], record["lead"], record["body"], record["author"]]
    db.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [rowid])
    db.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body, author, folded) VALUES (?, ?, ?, ?, ?, ?)",
        [rowid, *searchable, fold("\n".join(searchable))],
    )
