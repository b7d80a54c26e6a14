"""Downloads beyond one page of rows, through a real Datasette: full CSV, truncation shown, the database file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

from scraper.archive import open_archive, save_articles
from scraper.extract import Article

from .conftest import datasette_server
from .test_publish import get

MANY = 1200  # more than Datasette's max_returned_rows (1,000)
START = datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=7)))


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    """An archive of MANY articles that all mention one person (the last one not yet checkpointed)."""
    path = tmp_path_factory.mktemp("big") / "archive.db"
    db = open_archive(path)
    db.execute("PRAGMA journal_mode = wal")
    for number in range(MANY):
        url = f"https://sonla.gov.vn/tin-tuc/bai-{number}"
        article = Article(
            url=url, canonical_url=url, site="sonla.gov.vn", title=f"Bài {number}",
            body=f"Đồng chí Đặng Ngọc Hậu dự hội nghị chuyển đổi số lần thứ {number}.",
            published_at=(START + timedelta(hours=7 * number)).isoformat(), is_article=True,
            extractor="test")
        save_articles(db, [(article, "2024-12-01T00:00:00+00:00", None)])
    return path


@pytest.fixture(scope="module")
def big_server(big_archive):
    with datasette_server(big_archive) as base:
        yield base


def test_the_table_pages_csv_link_gives_every_row(big_server):
    status, page, _ = get(big_server + "/archive/articles")
    assert status == 200
    [link] = [a.get("href") for a in lxml.html.fromstring(page).iter("a") if a.text_content().strip() == "CSV"]
    status, body, _ = get(big_server + link)
    assert status == 200
    assert len(list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))) == MANY


@pytest.mark.parametrize("name, params", [
    ("search_in_range", {"q": "chuyen doi so", "site": "", "from_date": "", "to_date": ""}),
    ("mentions_of_person", {"name": "Đặng Ngọc Hậu"}),
])
def test_canned_queries_say_when_rows_were_left_out(big_server, name, params):
    from urllib.parse import urlencode

    status, body, _ = get(f"{big_server}/archive/{name}.json?" + urlencode(params))
    assert status == 200, body[:300]
    result = json.loads(body)
    assert len(result["rows"]) == 1000 and result["truncated"] is True
    _, page, _ = get(f"{big_server}/archive/{name}?" + urlencode(params))
    assert b"more than 1,000 rows" in page


def test_the_database_file_downloads_locally_but_not_in_public(big_archive, big_server, tmp_path):
    status, body, headers = get(big_server + "/archive.db")
    assert status == 200, body[:300]
    assert headers["content-disposition"] == 'attachment; filename="archive.db"'
    (tmp_path / "copy.db").write_bytes(body)
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == MANY
    with datasette_server(big_archive, public=True) as base:
        assert get(base + "/archive.db")[0] == 403
