"""Mentions over time and full search downloads, through a real Datasette: the counts are the
search's own, per month and site, months in order with 0 where nothing matched; the search CSV
holds every match; both work for an archive not named archive.db, under ``serve --public``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import urllib.parse
import urllib.robotparser
from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

from scraper.archive import open_archive, save_articles
from scraper.archive.schema import EXACT_FTS_TABLE, FTS_TABLE
from scraper.cli import datasette_command
from scraper.extract import Article
from scraper.publish.mentions import is_broad
from scraper.publish.search_request import read

from .conftest import datasette_server, free_port, wait_for_http
from .test_publish import get

VN = timezone(timedelta(hours=7))


def csv_rows(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def download(base: str, path: str, **params) -> tuple[int, bytes]:
    status, body, _ = get(f"{base}{path}?" + urllib.parse.urlencode(params))
    return status, body


def direct_counts(db_path, fts_table: str, match: str, **filters) -> dict[tuple[str, str], int]:
    """Matches per (month, site), counted straight from one search index."""
    where = "".join(f" AND a.{column} = :{column}" for column in filters)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            f"SELECT a.published_month, a.site, count(*) FROM articles a WHERE a.rowid IN "
            f"(SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :match){where} "
            "AND a.published_month IS NOT NULL GROUP BY 1, 2", {"match": match, **filters}).fetchall()
    return {(month, site): n for month, site, n in rows}


def consecutive_months(first: str, last: str) -> list[str]:
    months, day = [], datetime.strptime(first, "%Y-%m")
    while day.strftime("%Y-%m") <= last:
        months.append(day.strftime("%Y-%m"))
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def assert_counts_are(rows: list[dict], expected: dict[tuple[str, str], int]) -> None:
    """The CSV: every month from the first to the last match, for every site, 0 where none."""
    months = sorted({month for month, _ in expected})
    sites = sorted({site for _, site in expected})
    assert [(r["month"], r["site"]) for r in rows] == [(m, s) for m in consecutive_months(months[0], months[-1])
                                                       for s in sites]
    assert {(r["month"], r["site"]): int(r["articles"]) for r in rows} == {
        (r["month"], r["site"]): expected.get((r["month"], r["site"]), 0) for r in rows}


@pytest.mark.parametrize(("typed", "fts_table", "match", "broad"), [
    ("chuyển đổi số", EXACT_FTS_TABLE, '"chuyển" "đổi" "số"', False),  # 5 of 160: each match looked up
    ("chuyen doi so", FTS_TABLE, '"chuyen" "doi" "so"', True),  # 39 of 160: the covering index scanned
])
def test_mentions_csv_counts_what_a_direct_count_finds(datasette_url, archive, typed, fts_table, match, broad):
    with sqlite3.connect(archive) as conn:
        assert is_broad(conn, read({"q": typed})) is broad
    status, body = download(datasette_url, "/-/search/mentions.csv", q=typed)
    assert status == 200
    expected = direct_counts(archive, fts_table, match)
    assert expected
    assert_counts_are(csv_rows(body), expected)
    total = json.loads(download(datasette_url, "/-/search.json", q=typed)[1])["total"]
    assert sum(int(r["articles"]) for r in csv_rows(body)) == total


def test_diacritics_typed_count_fewer_mentions_than_folded(datasette_url):
    counted = {}
    for typed in ("chuyển đổi số", "chuyen doi so"):
        mentions = json.loads(download(datasette_url, "/-/search/mentions.json", q=typed)[1])
        counted[typed] = sum(row["articles"] for row in mentions["rows"]) + sum(mentions["undated"].values())
        assert counted[typed] == json.loads(download(datasette_url, "/-/search.json", q=typed)[1])["total"]
    assert 0 < counted["chuyển đổi số"] < counted["chuyen doi so"]


def test_mentions_follow_the_searchs_filters(datasette_url, archive):
    everything = csv_rows(download(datasette_url, "/-/search/mentions.csv", q="sơ kết")[1])
    months = sorted({r["month"] for r in everything if int(r["articles"])})
    assert len(months) >= 2
    status, body = download(datasette_url, "/-/search/mentions.csv", q="sơ kết", **{"from": f"{months[1]}-01"})
    assert status == 200
    later = csv_rows(body)
    assert later and later[0]["month"] == months[1]
    assert {(r["month"], r["site"]): r["articles"] for r in later} == {
        (r["month"], r["site"]): r["articles"] for r in everything if r["month"] >= months[1]}
    assert csv_rows(download(datasette_url, "/-/search/mentions.csv", q="sơ kết", site="no.such.site")[1]) == []


def test_mentions_csv_with_byte_order_mark(datasette_url):
    status, body = download(datasette_url, "/-/search/mentions.csv", q="sơ kết", _bom="1")
    assert status == 200 and body.startswith(b"\xef\xbb\xbfmonth,site,articles")


def test_the_search_page_links_its_downloads_and_draws_the_chart(datasette_url):
    status, page = download(datasette_url, "/-/search", q="chuyen doi so")
    tree = lxml.html.fromstring(page)
    mentions = csv_rows(download(datasette_url, "/-/search/mentions.csv", q="chuyen doi so")[1])
    [chart] = tree.cssselect("svg.mentions-chart")
    series = chart.cssselect("g.mentions-series")
    assert [g.get("data-site") for g in series] == sorted({r["site"] for r in mentions})
    months = sorted({r["month"] for r in mentions})
    assert len(series[0].cssselect("polyline")[0].get("points").split()) == len(months)
    links = {a.get("class"): a.get("href") for a in tree.cssselect("a[class]")}
    for name, path in (("search-csv", "/-/search.csv"), ("mentions-csv", "/-/search/mentions.csv"),
                       ("mentions-json", "/-/search/mentions.json")):
        assert links[name] == path + "?q=chuyen+doi+so"


def test_robots_keep_crawlers_off_the_downloads(datasette_url):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(get(datasette_url + "/robots.txt")[1].decode().splitlines())
    for path in ("/-/search.csv?q=x", "/-/search/mentions.csv?q=x", "/-/search/mentions.json?q=x"):
        assert not robots.can_fetch("SomeBot", datasette_url + path)
    assert robots.can_fetch("SomeBot", datasette_url + "/archive/articles")


# A synthetic archive under another name, served as `serve --public` does: more matches than
# Datasette's 1,000-row limit, on three sites, one of which skips a month.
SITES = ("a.gov.vn", "b.gov.vn", "c.gov.vn")
EXACT_MATCHES = 1250  # "chuyển đổi số" as typed
LOOK_ALIKES = 30  # "chuyên ... đối ... sơ": the folded search finds these too


@pytest.fixture(scope="module")
def research_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("research") / "research.db"
    db = open_archive(path)
    batch = []
    for number in range(EXACT_MATCHES + LOOK_ALIKES):
        site = SITES[number % 3]
        month = 1 + (number // 3) % 6
        if site == "c.gov.vn" and month == 3:
            month = 4
        body = ("Hội nghị chuyển đổi số lần thứ {n}." if number < EXACT_MATCHES
                else "Phòng chuyên môn rà soát đối tượng và hồ sơ lần thứ {n}.").format(n=number)
        url = f"https://{site}/tin/{number}"
        batch.append((Article(url=url, canonical_url=url, site=site, title=f"Tin {number}", body=body,
                              author="Phóng viên", published_at=datetime(2024, month, 1 + number % 28, 8, tzinfo=VN)
                              .isoformat(), is_article=True, extractor="test"), "2024-12-01T00:00:00+00:00", None))
    undated = "https://a.gov.vn/tin/khong-ngay"  # one more "chuyển đổi số", without a publication date
    batch.append((Article(url=undated, canonical_url=undated, site="a.gov.vn", title="Tin không ngày",
                          body="Chuyển đổi số không ghi ngày.", author="Phóng viên", is_article=True,
                          extractor="test"),
                  "2024-12-01T00:00:00+00:00", None))
    save_articles(db, batch)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def public_research(research_archive):
    with datasette_server(research_archive, public=True) as base:
        yield base


@pytest.mark.parametrize(("typed", "total"), [("chuyển đổi số", EXACT_MATCHES + 1),
                                              ("chuyen doi so", EXACT_MATCHES + LOOK_ALIKES + 1)])
def test_the_search_csv_holds_every_match(public_research, typed, total):
    page = json.loads(download(public_research, "/-/search.json", q=typed)[1])
    assert page["total"] == total
    status, body = download(public_research, "/-/search.csv", q=typed)
    assert status == 200
    rows = csv_rows(body)
    assert len(rows) == total and len({r["id"] for r in rows}) == total
    assert list(rows[0]) == ["id", "published_at", "site", "title", "author", "url", "reading_url", "snippet"]
    assert [r["id"] for r in rows[:20]] == [r["id"] for r in page["rows"]]
    first = rows[0]
    assert first["author"] == "Phóng viên" and first["url"].startswith("https://")
    assert first["reading_url"] == f"{public_research}/archive/articles/{first['id']}"
    assert get(first["reading_url"])[0] == 200
    assert "chuyển đổi số" in first["snippet"].lower() and "<mark>" not in first["snippet"]


def test_the_search_json_pages_through_every_match(public_research):
    page = json.loads(download(public_research, "/-/search.json", q="chuyen doi so", site="a.gov.vn")[1])
    ids = []
    while True:
        ids += [row["id"] for row in page["rows"]]
        assert all(row["reading_url"].endswith("/archive/articles/" + row["id"]) for row in page["rows"])
        if not page["next_url"]:
            break
        page = json.loads(get(page["next_url"])[1])
    assert len(ids) == len(set(ids)) == page["total"] > 400
    assert page["csv_url"] == "/-/search.csv?q=chuyen+doi+so&site=a.gov.vn"


def test_the_search_csv_keeps_the_filters_and_order(public_research):
    rows = csv_rows(download(public_research, "/-/search.csv", q="chuyen doi so", site="b.gov.vn", sort="date")[1])
    assert {r["site"] for r in rows} == {"b.gov.vn"}
    assert [r["published_at"] for r in rows] == sorted((r["published_at"] for r in rows), reverse=True)


def test_mentions_on_another_archive_under_public(public_research, research_archive):
    status, body = download(public_research, "/-/search/mentions.csv", q="chuyển đổi số")
    assert status == 200
    rows = csv_rows(body)
    assert_counts_are(rows, direct_counts(research_archive, EXACT_FTS_TABLE, '"chuyển" "đổi" "số"'))
    assert {r["site"] for r in rows} == set(SITES)
    assert [r["articles"] for r in rows if r["site"] == "c.gov.vn" and r["month"] == "2024-03"] == ["0"]
    assert sum(int(r["articles"]) for r in rows) == EXACT_MATCHES
    mentions = json.loads(download(public_research, "/-/search/mentions.json", q="chuyển đổi số")[1])
    assert mentions["undated"] == {"a.gov.vn": 1}
    tree = lxml.html.fromstring(download(public_research, "/-/search", q="chuyển đổi số")[1])
    series = tree.cssselect("svg.mentions-chart g.mentions-series")
    assert [g.get("data-site") for g in series] == list(SITES)
    assert all(len(g.cssselect("polyline")[0].get("points").split()) == 6 for g in series)
    assert "1 matching article without a publication date" in tree.cssselect(".mentions-undated")[0].text_content()


def test_downloads_over_the_time_limit_say_so(research_archive):
    port = free_port()
    command = datasette_command(str(research_archive), port) + ["--setting", "sql_time_limit_ms", "1"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/-/versions.json")
        answers = {path: download(base, path, q="chuyen doi so lan thu")
                   for path in ("/-/search/mentions.csv", "/-/search/mentions.json", "/-/search.csv")}
    finally:
        server.terminate()
        server.wait(timeout=10)
    for path, (status, body) in answers.items():
        assert status == 503, path
        assert b"took longer than this server allows" in body
