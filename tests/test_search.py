"""Search with and without diacritics: in SQLite, and through a real Datasette."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import urllib.parse
import urllib.request

import pytest

from scraper.archive.schema import FTS_TABLE

from .conftest import GOLD

SEARCHES = GOLD["searches_that_must_find_it"]


def seed_id(db_path) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id FROM articles WHERE title = ?", [GOLD["title"]]).fetchone()[0]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def test_plain_unicode61_misses_d_stroke(tmp_path):
    """Why the archive keeps a folded column: unicode61 never folds "đ" to "d"."""
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('Đặng Ngọc Hậu')")
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'ngoc hau'").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'dang'").fetchone()[0] == 0


@pytest.mark.parametrize("query", SEARCHES)
def test_fts_finds_seed(archive, query):
    terms = " ".join('"' + term.replace('"', "") + '"' for term in query.split())
    with sqlite3.connect(archive) as conn:
        found = conn.execute(
            f"SELECT a.id FROM articles a JOIN {FTS_TABLE} f ON f.rowid = a.rowid WHERE {FTS_TABLE} MATCH ?", [terms]
        ).fetchall()
    assert (seed_id(archive),) in found


@pytest.mark.parametrize("query", SEARCHES)
def test_datasette_json_search(datasette_url, archive, query):
    url = f"{datasette_url}/archive/articles.json?" + urllib.parse.urlencode({"_search": query, "_shape": "objects", "_size": "max"})
    rows = json.loads(fetch(url))["rows"]
    assert seed_id(archive) in [row["id"] for row in rows]
    assert len(rows) < 160  # the search narrows; it does not return everything


@pytest.mark.parametrize("query", SEARCHES)
def test_datasette_csv_search(datasette_url, archive, query):
    url = f"{datasette_url}/archive/articles.csv?" + urllib.parse.urlencode({"_search": query, "_size": "max"})
    rows = list(csv.DictReader(io.StringIO(fetch(url))))
    seed = [row for row in rows if row["id"] == seed_id(archive)]
    assert seed and seed[0]["title"] == GOLD["title"]


def test_datasette_html_search_page(datasette_url):
    page = fetch(f"{datasette_url}/archive/articles?" + urllib.parse.urlencode({"_search": "chuyen doi so"}))
    assert GOLD["title"] in page
