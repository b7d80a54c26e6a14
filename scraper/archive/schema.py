"""The archive's SQLite schema, created with sqlite-utils.

Each article's text is stored once, in ``articles`` (and the page it came
from, compressed, in ``captures``):

- search uses an FTS5 index, ``articles_fts``, whose rowid is the article's
  rowid and whose content is read from the view ``articles_searchable``
  (an external-content table: the index holds no copy of the text). It
  indexes title, lead, body and author with ``remove_diacritics 2`` (so
  "hoi nghi" finds "Hội nghị", stacked marks included) plus a ``folded``
  column with "đ" written "d", which SQLite never folds: that column is what
  lets "dang ngoc hau" find "Đặng Ngọc Hậu";
- a second FTS5 index, ``articles_fts_exact``, over the same columns of
  ``articles`` with ``remove_diacritics 0``: the syllables as written
  (lower-cased), for words typed with diacritics, which in Vietnamese tell
  different words apart (đổi/đối, số/sơ/sổ). scraper/archive/search.py
  chooses the index per word;
- ``article_versions`` is a view over ``versions``, which keeps every version
  of every article but leaves the current version's lead and body NULL,
  to be read from ``articles``; an earlier version keeps its own.
"""

from __future__ import annotations

import sqlite_utils

FTS_TABLE = "articles_fts"
FTS_COLUMNS = ("title", "lead", "body", "author", "folded")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
SEARCHABLE_VIEW = "articles_searchable"
EXACT_FTS_TABLE = "articles_fts_exact"
EXACT_FTS_COLUMNS = FTS_COLUMNS[:-1]
EXACT_FTS_TOKENIZER = "unicode61 remove_diacritics 0"
VERSIONS_VIEW = "article_versions"

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
    "last_checked_at": str,
    "fingerprint": str,
    "url": str,
    "canonical_url": str,
    "lead": str,
    "body": str,
}
# after_paragraph: body paragraphs before the image (NULL in rows stored before it was recorded)
IMAGE_COLUMNS = {"article_id": str, "position": int, "src": str, "alt": str, "caption": str, "after_paragraph": int}
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
    "duplicates": int, "skipped": int, "errors": str, "status": str, "exit_status": int, "message": str,
    "robots": str, "tls": str, "barren": str,
}
FAILED_COLUMNS = {
    "url": str, "site": str, "kind": str, "error": str, "first_failed_at": str, "last_failed_at": str,
    "attempts": int, "run_id": int,
}

_FOLDED = " || ' ' || ".join(f"coalesce({name}, '')" for name in FTS_COLUMNS[:-1])
_SEARCHABLE_SQL = (
    f"CREATE VIEW {SEARCHABLE_VIEW} AS SELECT rowid AS rowid, title, lead, body, author, "
    f"replace(replace(replace(replace({_FOLDED}, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS folded FROM articles"
)
_VERSIONS_SQL = (
    f"CREATE VIEW {VERSIONS_VIEW} AS SELECT v.article_id, v.version, v.first_seen_at, v.last_seen_at, v.title, "
    "coalesce(v.lead, a.lead) AS lead, coalesce(v.body, a.body) AS body, v.author, v.published_at, v.category, "
    "v.source, v.images, v.attachments, v.capture_id "
    "FROM versions v LEFT JOIN articles a ON a.id = v.article_id"
)
_EXACT_SQL = (
    f"CREATE VIRTUAL TABLE {EXACT_FTS_TABLE} USING fts5({', '.join(EXACT_FTS_COLUMNS)}, "
    f"content='articles', content_rowid='rowid', tokenize='{EXACT_FTS_TOKENIZER}')"
)


def _row_statements(table: str, source: str, columns: tuple[str, ...]) -> tuple[str, str]:
    names = ", ".join(columns)
    return (f"INSERT INTO {table} (rowid, {names}) SELECT rowid, {names} FROM {source} WHERE rowid = ?",
            f"INSERT INTO {table} ({table}, rowid, {names}) SELECT 'delete', rowid, {names} FROM {source} WHERE rowid = ?")


# Statements that add one article (by rowid) to both search indexes, and take it out.
INDEX_ROW, UNINDEX_ROW = zip(_row_statements(FTS_TABLE, SEARCHABLE_VIEW, FTS_COLUMNS),
                             _row_statements(EXACT_FTS_TABLE, "articles", EXACT_FTS_COLUMNS))


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create any missing table, index, view and the search index; turn on
    WAL; bring an archive written by an older version up to date."""
    db.enable_wal()
    db.execute("PRAGMA busy_timeout = 10000")
    # WAL with synchronous=NORMAL never corrupts; a power cut may lose the
    # last transactions, which the next run fetches again.
    db.execute("PRAGMA synchronous = NORMAL")
    articles = db["articles"]
    if not articles.exists():
        articles.create(ARTICLE_COLUMNS, pk="id", not_null={"url", "canonical_url", "site"})
    _add_missing_columns(articles, ARTICLE_COLUMNS)
    rebuild_index = _drop_copies_of_the_text(db)
    for name, columns in (("images", IMAGE_COLUMNS), ("attachments", ATTACHMENT_COLUMNS)):
        if not db[name].exists():
            db[name].create(columns, pk=("article_id", "position"), foreign_keys=[("article_id", "articles", "id")])
        _add_missing_columns(db[name], columns)
        db[name].create_index(["article_id"], if_not_exists=True)
    _store_versions_once(db)
    _create(db, "captures", CAPTURE_COLUMNS, pk="id")
    db["captures"].create_index(["url", "sha256"], if_not_exists=True, unique=True)
    db["captures"].create_index(["site", "fetched_at"], if_not_exists=True)
    db["captures"].create_index(["article_id"], if_not_exists=True)
    _create(db, "crawl_runs", RUN_COLUMNS, pk="id")
    _create(db, "failed_pages", FAILED_COLUMNS, pk="url")
    articles.create_index(["removed_at"], if_not_exists=True)
    articles.create_index(["site", "published_month"], if_not_exists=True)
    articles.create_index(["url"], if_not_exists=True)
    articles.create_index(["site"], if_not_exists=True)
    articles.create_index(["published_at"], if_not_exists=True)
    articles.create_index(["canonical_url"], if_not_exists=True, unique=True)
    articles.create_index(["site", "fingerprint"], if_not_exists=True)
    _index_without_copies(db, rebuild=rebuild_index)
    _index_syllables_as_written(db, rebuild=rebuild_index)


def _drop_copies_of_the_text(db: sqlite_utils.Database) -> bool:
    """An archive from before kept each article's text a second time, as
    sanitised HTML (``body_html``): the column goes (the capture keeps the
    page, and extraction can make that HTML again). True when the table was
    rewritten, so that the search index is rebuilt on its new rowids."""
    if "body_html" not in db["articles"].columns_dict:
        return False
    for view in (SEARCHABLE_VIEW, VERSIONS_VIEW):
        if view in db.view_names():
            db.execute(f"DROP VIEW {view}")
    db["articles"].transform(drop={"body_html"})
    return True


def _store_versions_once(db: sqlite_utils.Database) -> None:
    """``versions`` and the ``article_versions`` view over it.

    An archive from before keeps every version in an ``article_versions``
    table: its rows move to ``versions``, and the current version's lead and
    body, equal to the article's, become NULL.
    """
    if VERSIONS_VIEW in db.table_names():
        with db.conn:
            db.execute(f"ALTER TABLE {VERSIONS_VIEW} RENAME TO versions")
            db.execute(
                "UPDATE versions SET lead = NULL, body = NULL WHERE version = (SELECT max(version) FROM versions w "
                "WHERE w.article_id = versions.article_id) AND EXISTS (SELECT 1 FROM articles a WHERE a.id = "
                "versions.article_id AND a.lead IS versions.lead AND a.body IS versions.body)"
            )
    _create(db, "versions", VERSION_COLUMNS, pk=("article_id", "version"),
            foreign_keys=[("article_id", "articles", "id")])
    if VERSIONS_VIEW not in db.view_names():
        db.execute(_VERSIONS_SQL)


def _index_without_copies(db: sqlite_utils.Database, rebuild: bool = False) -> None:
    """The external-content search index; an archive whose index kept its own
    copy of the text gets the new index, rebuilt from the articles."""
    existing = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone()
    current = existing is not None and f"content='{SEARCHABLE_VIEW}'" in existing[0]
    with db.conn:
        if SEARCHABLE_VIEW not in db.view_names():
            db.execute(_SEARCHABLE_SQL)
        if existing and not current:
            db.execute(f"DROP TABLE {FTS_TABLE}")
        if not current:
            db.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(FTS_COLUMNS)}, "
                f"content='{SEARCHABLE_VIEW}', content_rowid='rowid', tokenize='{FTS_TOKENIZER}')"
            )
        if rebuild or not current:
            db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def _index_syllables_as_written(db: sqlite_utils.Database, rebuild: bool = False) -> None:
    """The exact-syllable index; an archive made before it gets it built from its articles."""
    with db.conn:
        missing = EXACT_FTS_TABLE not in db.table_names()
        if missing:
            db.execute(_EXACT_SQL)
        if missing or rebuild:
            db.execute(f"INSERT INTO {EXACT_FTS_TABLE}({EXACT_FTS_TABLE}) VALUES ('rebuild')")


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
