"""An archive whose file is not named archive.db is published just the same, as database "archive"."""

from __future__ import annotations

import json

from .conftest import GOLD, copy_archive, datasette_server
from .test_publish import get


def test_an_archive_named_otherwise_keeps_search_queries_reading_view_and_dashboard(archive, tmp_path):
    db = copy_archive(archive, tmp_path / "demo2.db")
    with datasette_server(db) as base:
        status, body, _ = get(base + "/archive/articles.json?_search=chuyen+doi+so&_shape=objects")
        assert status == 200, body[:300]
        found = json.loads(body)
        assert GOLD["title"] in [row["title"] for row in found["rows"]]
        assert 0 < found["filtered_table_rows_count"] < json.loads(get(base + "/archive/articles.json")[1])[
            "filtered_table_rows_count"]
        assert "search_in_range" in [query["name"] for query in json.loads(get(base + "/archive.json")[1])["queries"]]
        article_id = found["rows"][0]["id"]
        status, page, _ = get(f"{base}/archive/articles/{article_id}")
        assert status == 200 and b'class="article-reading"' in page
        assert get(base + "/-/dashboards/archive")[0] == 200
