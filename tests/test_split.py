"""A split archive: part files that are each a complete archive, and one search across them
in one real Datasette, answering as the whole archive does."""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse

import pytest

from scraper.archive import open_archive

from .conftest import copy_archive, datasette_server, govnews
from .test_publish import get

TABLES = ("articles", "images", "attachments", "versions", "captures")
QUERIES = ("tinh", "chuyển đổi số", "chuyen doi so", "Sơn La", '"kinh tế"', "nong nghiep", "hội nghị")


@pytest.fixture(scope="module")
def whole(archive, tmp_path_factory):
    return copy_archive(archive, tmp_path_factory.mktemp("split") / "archive.db")


@pytest.fixture(scope="module")
def parts(whole):
    out = whole.parent / "parts"
    result = govnews("split", "--by", "year", "--db", str(whole), str(out))
    assert result.returncode == 0, result.stderr
    return sorted(out.glob("*.db"))


@pytest.fixture(scope="module")
def parts_url(parts):
    """One real Datasette serving both parts (each its own database)."""
    with datasette_server(parts, immutable=True) as url:
        yield url


def count(path, sql: str, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchone()[0]


def test_split_by_year_writes_complete_archives_that_add_up_to_the_whole(whole, parts):
    assert [path.name for path in parts] == ["archive-2023.db", "archive-2024.db"]
    assert sorted(path.name for path in parts[0].parent.iterdir()) == [path.name for path in parts]  # one file each
    for table in TABLES:
        assert sum(count(path, f"SELECT count(*) FROM {table}") for path in parts) == \
            count(whole, f"SELECT count(*) FROM {table}")
    with sqlite3.connect(whole) as conn:
        whole_rows = set(conn.execute("SELECT rowid, id, title, body, published_year FROM articles"))
    part_rows = set()
    for path in parts:
        year = path.stem.removeprefix("archive-")
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            for index in ("articles_fts", "articles_fts_exact"):  # raises if an index disagrees with its rows
                conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
            rows = set(conn.execute("SELECT rowid, id, title, body, published_year FROM articles"))
            assert {row[4] for row in rows} == {year}
            assert conn.execute("SELECT count(*) FROM images WHERE article_id NOT IN (SELECT id FROM articles)"
                                ).fetchone()[0] == 0
            sites = [site for site, in conn.execute("SELECT DISTINCT site FROM articles")]
            assert conn.execute("SELECT count(*) FROM crawl_runs").fetchone()[0] == count(
                whole, f"SELECT count(*) FROM crawl_runs WHERE site IN ({', '.join('?' * len(sites))})", sites)
        part_rows |= rows
        open_archive(path).close()  # the project's schema finds nothing to add
    assert part_rows == whole_rows


def test_split_refuses_to_overwrite_a_part(whole, parts):
    result = govnews("split", "--by", "year", "--db", str(whole), str(parts[0].parent))
    assert result.returncode == 1 and "not overwriting" in result.stderr


def test_split_by_province_puts_the_demo_site_in_son_la(whole, tmp_path):
    result = govnews("split", "--by", "province", "--db", str(whole), str(tmp_path))
    assert result.returncode == 0, result.stderr
    [part] = tmp_path.glob("*.db")
    assert part.name == "archive-son-la.db"
    assert count(part, "SELECT count(*) FROM articles") == count(whole, "SELECT count(*) FROM articles")


def search_all(base: str, **params) -> tuple[list[dict], int]:
    """Every result of a search, page after page, and its total."""
    rows, page = [], 1
    while True:
        status, body, _ = get(f"{base}/-/search.json?" + urllib.parse.urlencode({**params, "page": page}))
        assert status == 200, body[:300]
        answer = json.loads(body)
        rows += answer["rows"]
        if not answer["rows"] or page * 20 >= answer["total"]:
            return rows, answer["total"]
        page += 1


@pytest.mark.parametrize("q", QUERIES)
def test_one_search_across_two_parts_finds_what_the_whole_archive_finds(datasette_url, parts_url, q):
    whole_rows, whole_total = search_all(datasette_url, q=q)
    part_rows, part_total = search_all(parts_url, q=q)
    assert whole_total > 0 and part_total == whole_total == len(part_rows)
    assert sorted(row["id"] for row in part_rows) == sorted(row["id"] for row in whole_rows)
    assert {row["database"] for row in part_rows} == {"archive-2023", "archive-2024"}
    ranks = [(not row["together"], row["score"]) for row in part_rows]
    assert ranks == sorted(ranks)  # merged: the words together first, then bm25 across the parts
    assert {row["id"]: row["snippet"] for row in part_rows} == {row["id"]: row["snippet"] for row in whole_rows}


@pytest.mark.parametrize("params", [{"q": "tinh", "sort": "date"},
                                    {"q": "xa hoi", "sort": "date", "from": "2023-06-01", "to": "2024-01-31"},
                                    {"q": "tinh", "province": "Sơn La", "site": "sonla-demo.gov.vn"}])
def test_date_order_and_filters_match_the_whole_archive(datasette_url, parts_url, params):
    whole_rows, whole_total = search_all(datasette_url, **params)
    part_rows, part_total = search_all(parts_url, **params)
    assert part_total == whole_total > 0
    assert sorted(row["id"] for row in part_rows) == sorted(row["id"] for row in whole_rows)
    if params.get("sort") == "date":
        assert [row["published_at"] for row in part_rows] == [row["published_at"] for row in whole_rows]


def test_a_result_link_opens_the_reading_view_in_its_part(parts_url):
    status, page, _ = get(parts_url + "/-/search?q=tinh")
    assert status == 200
    links = re.findall(rb'class="result-title" href="/(archive-\d+)/articles/(\w+)"', page)
    assert {database for database, _ in links} == {b"archive-2023", b"archive-2024"}
    for database, article_id in links:
        status, reading, _ = get(f"{parts_url}/{database.decode()}/articles/{article_id.decode()}")
        assert status == 200 and b'class="article-reading"' in reading
        year = database.decode().removeprefix("archive-")
        assert f'datetime="{year}-'.encode() in reading


def test_the_home_form_lists_the_sites_of_every_part(parts_url):
    status, page, _ = get(parts_url + "/")
    assert status == 200 and b"<option>sonla-demo.gov.vn</option>" in page


def test_each_part_is_published_as_the_archive_is(datasette_url, parts_url):
    """metadata.yml's archive (its table search, facets, canned queries) holds for every part."""
    search = "/articles.json?_search=chuyen+doi+so&_shape=objects&_size=max"
    whole = json.loads(get(datasette_url + "/archive" + search)[1])
    counts = []
    for part in ("archive-2023", "archive-2024"):
        assert "search_in_range" in [query["name"] for query in json.loads(get(f"{parts_url}/{part}.json")[1])["queries"]]
        found = json.loads(get(f"{parts_url}/{part}{search}")[1])
        assert {row["published_at"][:4] for row in found["rows"]} == {part.removeprefix("archive-")}
        assert "published_year" in found["facet_results"]
        counts.append(found["filtered_table_rows_count"])
    assert sum(counts) == whole["filtered_table_rows_count"] > 0


def test_a_page_past_the_merge_depth_is_refused_with_a_note_and_the_total(datasette_url, parts_url):
    """Page N merges each part's first N pages: past MAX_MERGED_PAGE it would read and snippet
    every match of every part, so it answers no rows, the total, and why."""
    from scraper.publish.parts import MAX_MERGED_PAGE

    deep = MAX_MERGED_PAGE + 1
    status, body, _ = get(f"{parts_url}/-/search.json?q=tinh&page={deep}")
    assert status == 200
    answer = json.loads(body)
    assert answer["rows"] == [] and answer["total"] == json.loads(get(datasette_url + "/-/search.json?q=tinh")[1])["total"]
    assert any(f"page {MAX_MERGED_PAGE}" in note for note in answer["notes"])


@pytest.mark.parametrize("q", ["chuyển đổi số", "chuyen doi so"])
def test_mentions_and_the_full_csv_count_every_part(datasette_url, parts_url, q):
    """The chart's numbers and the CSV of every result are the whole archive's, read from both parts."""
    search = "?" + urllib.parse.urlencode({"q": q})
    whole = json.loads(get(datasette_url + "/-/search/mentions.json" + search)[1])
    split = json.loads(get(parts_url + "/-/search/mentions.json" + search)[1])
    assert [row for row in split["rows"] if row["articles"]] == [row for row in whole["rows"] if row["articles"]]
    assert split["undated"] == whole["undated"]
    whole_ids = sorted(line.split(",")[0] for line in get(datasette_url + "/-/search.csv" + search)[1].decode().splitlines()[1:])
    split_csv = get(parts_url + "/-/search.csv" + search)[1].decode().splitlines()
    assert sorted(line.split(",")[0] for line in split_csv[1:]) == whole_ids and whole_ids
    assert any("/archive-2023/articles/" in line for line in split_csv) and any("/archive-2024/articles/" in line for line in split_csv)


def test_split_of_a_file_that_is_not_an_archive_fails_in_one_line(tmp_path):
    not_archive = tmp_path / "notes.db"
    not_archive.write_text("not a database\n" * 100)
    result = govnews("split", "--by", "year", "--db", str(not_archive), str(tmp_path / "parts"))
    assert result.returncode == 1
    assert result.stderr.startswith("govnews: error:") and "not a usable archive" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "parts").exists()
