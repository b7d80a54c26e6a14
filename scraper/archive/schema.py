"""The archive's SQLite schema, created with sqlite-utils.

Search uses a standalone FTS5 table, ``articles_fts``, whose rowid is the
article's rowid. It indexes the original columns with ``remove_diacritics 2``
(so "hoi nghi" finds "Hội nghị", stacked marks included) plus a ``folded``
column written by Python, because SQLite never folds "đ" to "d": that column
is what lets "dang ngoc hau" find "Đặng Ngọc Hậu".
"""

from __future__ import annotations

import sqlite_utils

FTS_TABLE = "articles_fts"
FTS_COLUMNS = ("title", "lead", "body", "author", "folded")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# Short columns first, long text last: SQLite keeps the start of a row on its
# b-tree page and the rest on overflow pages, so facets, sorting and the
# table view read the short columns without following the long text.
ARTICLE_COLUMNS = {
    "id": str,
    "title": str,
    "site": str,
    "published_at": str,
    "category": str,
    "author": str,
    "source": str,
    # derived, for faceting: written with the row
    "published_year": str,
    "published_month": str,
    "has_attachments": int,
    "removed": int,
    "removed_at": str,
    "extractor": str,
    "first_seen_at": str,
    "last_seen_at": str,
    "url": str,
    "canonical_url": str,
    "lead": str,
    "body": str,
    "body_html": str,
}
IMAGE_COLUMNS = {"article_id": str, "position": int, "src": str, "alt": str, "caption": str}
ATTACHMENT_COLUMNS = {"article_id": str, "position": int, "url": str, "title": str, "type": str}
VERSION_COLUMNS = {
    "article_id": str, "version": int, "first_seen_at": str, "last_seen_at": str,
    "title": str, "lead": str, "body": str, "author": str, "published_at": str, "category": str, "source": str,
    "images": str, "attachments": str, "capture_id": int,
}
CAPTURE_COLUMNS = {
    "id": int, "url": str, "site": str, "article_id": str, "fetched_at": str, "last_fetched_at": str,
    "status": int, "content_type": str, "last_modified": str, "etag": str, "sha256": str,
    "encoding": str, "body": bytes,
}
RUN_COLUMNS = {
    "id": int, "site": str, "kind": str, "started_at": str, "finished_at": str, "pid": int,
    "pages_fetched": int, "articles_new": int, "articles_changed": int, "articles_unchanged": int,
    "articles_removed": int, "articles_failed": int, "not_articles": int, "rechecked": int, "not_modified": int,
    "errors": str, "status": str, "exit_status": int, "message": str,
}
FAILED_COLUMNS = {
    "url": str, "site": str, "kind": str, "error": str, "first_failed_at": str, "last_failed_at": str,
    "attempts": int, "run_id": int,
}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create any missing table, index and the search table; turn on WAL."""
    db.enable_wal()
    db.execute("PRAGMA busy_timeout = 10000")
    # WAL with synchronous=NORMAL never corrupts; a power cut may lose the
    # last transactions, which the next run fetches again.
    db.execute("PRAGMA synchronous = NORMAL")
    articles = db["articles"]
    if not articles.exists():
        articles.create(ARTICLE_COLUMNS, pk="id", not_null={"url", "canonical_url", "site"})
    _add_missing_columns(articles, ARTICLE_COLUMNS)
    for name, columns in (("images", IMAGE_COLUMNS), ("attachments", ATTACHMENT_COLUMNS)):
        if not db[name].exists():
            db[name].create(columns, pk=("article_id", "position"), foreign_keys=[("article_id", "articles", "id")])
        db[name].create_index(["article_id"], if_not_exists=True)
    _create(db, "article_versions", VERSION_COLUMNS, pk=("article_id", "version"),
            foreign_keys=[("article_id", "articles", "id")])
    _create(db, "captures", CAPTURE_COLUMNS, pk="id")
    db["captures"].create_index(["url", "sha256"], if_not_exists=True, unique=True)
    db["captures"].create_index(["site", "fetched_at"], if_not_exists=True)
    _create(db, "crawl_runs", RUN_COLUMNS, pk="id")
    _create(db, "failed_pages", FAILED_COLUMNS, pk="url")
    articles.create_index(["removed_at"], if_not_exists=True)
    articles.create_index(["site", "published_month"], if_not_exists=True)
    articles.create_index(["url"], if_not_exists=True)
    articles.create_index(["site"], if_not_exists=True)
    articles.create_index(["published_at"], if_not_exists=True)
    articles.create_index(["canonical_url"], if_not_exists=True, unique=True)
    if FTS_TABLE not in db.table_names():
        db.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(FTS_COLUMNS)}, "
            f"tokenize = '{FTS_TOKENIZER}')"
        )


def _create(db: sqlite_utils.Database, name: str, columns: dict, **options) -> None:
    if not db[name].exists():
        db[name].create(columns, **options)
    _add_missing_columns(db[name], columns)


def _add_missing_columns(table: sqlite_utils.db.Table, columns: dict) -> None:
    """Bring an archive made by an older version up to date, keeping its rows."""
    present = set(table.columns_dict)
    for name, kind in columns.items():
        if name not in present:
            table.add_column(name, kind)
