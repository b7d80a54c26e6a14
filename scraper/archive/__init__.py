"""Storage: the SQLite archive, written through sqlite-utils."""

from .schema import ensure_schema
from .store import ArchiveError, article_id, check_writable, open_archive, save_article, save_articles

__all__ = ["ArchiveError", "article_id", "check_writable", "ensure_schema", "open_archive", "save_article", "save_articles"]
