"""Split an archive into part files, by year of publication or by province.

Each part is a complete archive of its articles, made with the project's own
schema (``ensure_schema``): the articles, their images, attachments,
versions and captures (the pages they were extracted from), both search
indexes rebuilt over its rows, and the crawl history (``crawl_runs``,
``failed_pages``) of the sites it holds. Rows keep their rowids, so an
article is the same row in its part as in the whole archive.

Pages stored without an article (no ``article_id``) stay with the whole
archive. Split a snapshot (docs/operations.md), not the file a crawl is
writing: each part is read in its own transaction.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..extract.vietnamese import fold
from .schema import EXACT_FTS_TABLE, FTS_TABLE, ensure_schema

BY = ("year", "province")
UNDATED = "undated"
NATIONAL = "national"  # a registry site with no province: national portals, ministries
UNREGISTERED = "other"  # a site the registry does not know


class SplitError(Exception):
    """The archive cannot be split as asked."""


@dataclass
class Part:
    key: str
    path: Path
    articles: int


def part_name(key: str) -> str:
    """'Sơn La' -> 'archive-son-la': a file stem that is also a plain Datasette database name."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(key).lower()).strip("-")
    return f"archive-{slug or 'none'}"


def site_provinces(registry: str | None = None) -> dict[str, str]:
    """Each registry domain -> its province, or NATIONAL for a site with none."""
    from ..sites import load_registry

    return {domain: site.province or NATIONAL for site in load_registry(registry).values() for domain in site.domains}


def article_keys(source: sqlite3.Connection, by: str, registry: str | None = None) -> dict[str, list[int]]:
    """The part key of every article: its year of publication, or its site's province."""
    if by not in BY:
        raise SplitError(f"split by {by!r}: choose one of {', '.join(BY)}")
    keys: dict[str, list[int]] = {}
    if by == "year":
        for rowid, year in source.execute("SELECT rowid, published_year FROM articles ORDER BY rowid"):
            keys.setdefault(year or UNDATED, []).append(rowid)
        return keys
    provinces = site_provinces(registry)
    for rowid, site in source.execute("SELECT rowid, site FROM articles ORDER BY rowid"):
        keys.setdefault(provinces.get(site, UNREGISTERED), []).append(rowid)
    return keys


# What each table of a part holds, given the temporary table ``part_rowids`` of its articles.
_ROWS = {
    "articles": "rowid IN (SELECT rowid FROM part_rowids)",
    "images": "article_id IN (SELECT id FROM part.articles)",
    "attachments": "article_id IN (SELECT id FROM part.articles)",
    "versions": "article_id IN (SELECT id FROM part.articles)",
    "captures": "article_id IN (SELECT id FROM part.articles) OR id IN (SELECT capture_id FROM part.versions)",
    "crawl_runs": "site IN (SELECT DISTINCT site FROM part.articles)",
    "failed_pages": "site IN (SELECT DISTINCT site FROM part.articles)",
}


def split_archive(source_path: str | Path, out_dir: str | Path, by: str, registry: str | None = None) -> list[Part]:
    """Write one part file per year or province into ``out_dir``; refuse to overwrite one."""
    source_path, out_dir = Path(source_path), Path(out_dir)
    if not source_path.is_file():
        raise SplitError(f"no archive at {source_path}")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        try:
            keys = article_keys(source, by, registry)
        except sqlite3.DatabaseError as error:
            raise SplitError(f"{source_path}: not a usable archive: {error}") from error
        paths = {key: out_dir / f"{part_name(key)}.db" for key in keys}
        taken = [str(path) for path in paths.values() if path.exists()]
        if taken:
            raise SplitError(f"not overwriting {', '.join(taken)}")
        if len(set(paths.values())) < len(paths):
            raise SplitError(f"two {by}s have the same part name: {', '.join(sorted(keys))}")
        out_dir.mkdir(parents=True, exist_ok=True)
        parts = []
        for key, rowids in sorted(keys.items()):
            write_part(source, paths[key], rowids)
            parts.append(Part(key, paths[key], len(rowids)))
        return parts
    finally:
        source.close()


def write_part(source: sqlite3.Connection, path: Path, rowids: list[int]) -> None:
    """A new archive at ``path`` holding the articles ``rowids`` of ``source`` and all that goes with them.

    It is written beside ``path`` and renamed when complete: a split that stops
    half-way leaves no part that looks whole."""
    building = path.with_name(path.name + ".partial")
    building.unlink(missing_ok=True)
    part = sqlite_utils.Database(building)
    ensure_schema(part)
    part.close()
    source.execute("ATTACH DATABASE ? AS part", [str(building)])
    try:
        source.execute("BEGIN")  # one read of the source for the whole part
        with source:
            source.execute("CREATE TEMP TABLE part_rowids (rowid INTEGER PRIMARY KEY)")
            source.executemany("INSERT INTO part_rowids VALUES (?)", ((rowid,) for rowid in rowids))
            for table, rows in _ROWS.items():
                columns = ", ".join(_shared_columns(source, table))
                rowid = "rowid, " if table == "articles" else ""
                source.execute(f"INSERT INTO part.{table} ({rowid}{columns}) "
                               f"SELECT {rowid}{columns} FROM main.{table} WHERE {rows}")
            for index in (FTS_TABLE, EXACT_FTS_TABLE):
                source.execute(f"INSERT INTO part.{index}({index}) VALUES ('rebuild')")
            source.execute("DROP TABLE temp.part_rowids")
    finally:
        source.execute("DETACH DATABASE part")
    single_file(building)
    building.rename(path)


def single_file(path: Path) -> None:
    """Leave ``path`` one self-contained file (rollback journal, no -wal beside it): what
    rsync copies whole and what Datasette serves immutable."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        conn.close()


def _shared_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of ``table`` in both the source and the part (an older source may lack some)."""
    source = {row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")}
    return [f'"{row[1]}"' for row in conn.execute(f"PRAGMA part.table_info({table})") if row[1] in source]
