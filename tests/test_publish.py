"""The archive through a real Datasette server: canned queries, downloads, safety."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import lxml.html
import pytest

from scraper.archive import open_archive, save_articles
from scraper.extract import Article, Attachment, Image

from .conftest import GOLD, GOVNEWS, ROOT, datasette_server, free_port, wait_for_http


def get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def query(base: str, query_name: str, **params) -> list[dict]:
    status, body, _ = get(f"{base}/archive/{query_name}.json?" + urllib.parse.urlencode({**params, "_shape": "objects"}))
    assert status == 200, body[:500]
    return json.loads(body)["rows"]


def test_search_in_range(datasette_url):
    rows = query(datasette_url, "search_in_range", q="chuyen doi so", site="sonla-demo.gov.vn",
                 from_date="2024-01-10", to_date="2024-01-10")
    assert [row["title"] for row in rows] == [GOLD["title"]]
    everything = query(datasette_url, "search_in_range", q="chuyển đổi số", site="", from_date="", to_date="")
    assert GOLD["title"] in [row["title"] for row in everything]
    assert all(row["published_at"] for row in everything)


def test_articles_per_month(datasette_url, portal):
    rows = query(datasette_url, "articles_per_month")
    assert sum(row["articles"] for row in rows) == len(portal.articles)
    january = next(row for row in rows if row["month"] == "2024-01")
    assert january["articles"] == sum(1 for a in portal.articles if a.published.strftime("%Y-%m") == "2024-01")


@pytest.mark.parametrize("name", ["Đặng Ngọc Hậu", "dang ngoc hau"])
def test_mentions_of_person(datasette_url, name):
    rows = query(datasette_url, "mentions_of_person", name=name)
    assert GOLD["title"] in [row["title"] for row in rows]


def test_latest_crawl_health(datasette_url):
    rows = query(datasette_url, "latest_crawl_health")
    assert [row["site"] for row in rows] == ["sonla-demo.gov.vn"]
    assert rows[0]["status"] == "ok" and rows[0]["exit_status"] == 0


def test_changed_or_removed_and_versions(datasette_url):
    rows = query(datasette_url, "changed_or_removed")
    assert isinstance(rows, list)  # an unchanged portal: the history tests fill it
    article_id = query(datasette_url, "mentions_of_person", name="dang ngoc hau")[0]["id"]
    versions = query(datasette_url, "versions_of_article", article_id=article_id)
    assert [v["version"] for v in versions] == [1]


FACET_COLUMNS = ["site", "category", "published_year", "published_month", "has_attachments", "removed"]


def test_search_facets_count_every_configured_column(datasette_url, archive):
    """The shared facet gives, for a search, the same counts as one GROUP BY per column."""
    status, body, _ = get(f"{datasette_url}/archive/articles.json?" + urllib.parse.urlencode({"_search": "chuyen doi so"}))
    assert status == 200
    data = json.loads(body)
    assert list(data["facet_results"]) == FACET_COLUMNS  # a facet that timed out would be missing
    with sqlite3.connect(archive) as conn:
        matched = "select * from articles where rowid in (select rowid from articles_fts where articles_fts match ?)"
        for column in FACET_COLUMNS:
            expected = dict(conn.execute(
                f"select {column}, count(*) from ({matched}) where {column} is not null group by {column}",
                ['"chuyen" "doi" "so"']).fetchall())
            facet = data["facet_results"][column]
            shown = {value["value"]: value["count"] for value in facet["results"]}
            if facet["truncated"]:
                assert len(shown) == 30 and all(expected[value] == count for value, count in shown.items())
            else:
                assert shown == expected, column
    category = data["facet_results"]["category"]["results"][0]
    status, body, _ = get(category["toggle_url"].replace("/articles?", "/articles.json?"))
    narrowed = json.loads(body)
    assert narrowed["filtered_table_rows_count"] == category["count"]
    assert any(value["selected"] for value in narrowed["facet_results"]["category"]["results"])


def test_shared_facet_matches_datasettes_own_column_facet(datasette_url):
    """Asking Datasette for its own facet on a shared column gives the same values, counts and links."""
    status, body, _ = get(f"{datasette_url}/archive/articles.json?" + urllib.parse.urlencode(
        [("_search", "chuyen doi so"), ("_facet", "published_month"), ("_facet", "site"), ("site", "sonla-demo.gov.vn")]))
    assert status == 200
    facets = json.loads(body)["facet_results"]
    for column in ("published_month", "site"):  # many values; one selected value (the site filter)
        ours, datasettes = facets[column], facets[f"{column}_2"]
        assert {ours["type"], datasettes["type"]} == {"column"}
        assert sorted(ours["results"], key=str) == sorted(datasettes["results"], key=str)
        assert ours["truncated"] == datasettes["truncated"]
    assert len(facets["published_month"]["results"]) > 3
    assert [value["selected"] for value in facets["site"]["results"]] == [True]


def test_csv_download_of_whole_table_streams_all_rows(datasette_url, portal):
    status, body, headers = get(f"{datasette_url}/archive/articles.csv?_stream=on&_size=max")
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert len(rows) == len(portal.articles)  # more than one page of results


def test_csv_with_bom_for_spreadsheets(datasette_url):
    status, body, _ = get(f"{datasette_url}/archive/articles.csv?_search=chuyen+doi+so&_bom=1")
    assert status == 200
    assert body.startswith(b"\xef\xbb\xbf")
    assert GOLD["title"] in body.decode("utf-8-sig")
    _, plain, _ = get(f"{datasette_url}/archive/articles.csv?_search=chuyen+doi+so")
    assert not plain.startswith(b"\xef\xbb\xbf")


def test_json_of_a_canned_query_and_csv_of_a_search(datasette_url):
    status, body, _ = get(f"{datasette_url}/archive/articles_per_month.csv")
    assert status == 200 and body.decode("utf-8").startswith("month,site,articles")
    status, body, _ = get(f"{datasette_url}/archive/articles.json?_search=dang+ngoc+hau&_shape=array")
    assert status == 200 and GOLD["title"] in [row["title"] for row in json.loads(body)]


def test_reading_view_shows_the_article(datasette_url):
    article_id = query(datasette_url, "mentions_of_person", name="dang ngoc hau")[0]["id"]
    status, body, _ = get(f"{datasette_url}/archive/articles/{article_id}")
    page = body.decode("utf-8")
    reading = page[page.index('<article class="article-reading"'):page.index("</article>")]
    assert f"<h1>{GOLD['title']}</h1>" in reading
    assert GOLD["author"] in reading
    for caption in GOLD["captions"]:
        assert f"<figcaption>{caption}</figcaption>" in reading
    for paragraph in GOLD["body"]:
        assert f"<p>{paragraph}</p>" in reading
    assert 'class="capture" href="/archive/captures/' in reading


def test_robots_txt(datasette_url):
    status, body, _ = get(f"{datasette_url}/robots.txt")
    assert status == 200 and b"Disallow: /*.csv" in body
    rules = [line.split(":", 1)[1].strip() for line in body.decode().splitlines() if line.startswith("Disallow:")]
    # crawlers that read wildcards stay off the word diffs and stored captures, not the reading view or versions
    for path, kept_off in (("/archive/articles/ab12/diff", True), ("/archive/captures/7/page", True),
                           ("/archive/articles/ab12", False), ("/archive/articles/ab12/v/2", False)):
        assert any(re.fullmatch(re.escape(rule).replace(r"\*", ".*") + ".*", path) for rule in rules) == kept_off, path


def stop_and_check_port_freed(command: list[str], port: int, stop: signal.Signals, startup_timeout: float = 30) -> None:
    """Run a ``govnews`` command that serves on ``port``, send it ``stop``: it must exit and leave the port closed."""
    server = subprocess.Popen([*GOVNEWS, *command], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", timeout=startup_timeout)
        server.send_signal(stop)
        server.wait(timeout=15)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        try:
            os.killpg(server.pid, signal.SIGKILL)  # whatever the command left behind
        except ProcessLookupError:
            pass
        server.wait()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_on_a_signal(archive, stop):
    port = free_port()
    stop_and_check_port_freed(["serve", "--db", str(archive), "--port", str(port)], port, stop)


def test_demo_stops_on_sigterm_while_serving(tmp_path):
    port = free_port()
    stop_and_check_port_freed(["demo", "--db", str(tmp_path / "archive.db"), "--port", str(port)], port,
                              signal.SIGTERM, startup_timeout=300)


HOSTILE = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A Datasette publishing an archive whose one article is hostile."""
    db_path = tmp_path_factory.mktemp("hostile") / "archive.db"
    db = open_archive(db_path)
    article = Article(
        url="javascript:alert(document.cookie)", canonical_url="https://evil.gov.vn/a.html", site="evil.gov.vn",
        title=f"Tin {HOSTILE}", lead='<img src=x onerror="alert(1)">', body=f"Đoạn một {HOSTILE}\n\n<b onmouseover=alert(2)>hai</b>",
        author="<svg onload=alert(3)>", published_at="2024-01-10T08:30:00+07:00", is_article=True, extractor="test",
        images=[Image(src="javascript:alert(4)", alt="x", caption='<img src=x onerror="alert(5)">')],
        attachments=[Attachment(url="javascript:alert(6)//a.pdf", title=HOSTILE, type="pdf")],
        body_html=f'<p onclick="alert(7)">a</p>{HOSTILE}<a href="javascript:alert(8)">l</a>',
    )
    save_articles(db, [(article, "2024-01-10T01:30:00+00:00", None)])
    db.close()
    with datasette_server(db_path, public=True) as base:
        yield base


def test_stored_content_never_runs_script(hostile_server):
    for path in ("/archive/articles", "/archive/articles/" + _only_id(hostile_server), "/archive/images",
                 "/archive/attachments", "/archive/article_versions", "/-/search?q=tin+%C4%91o%E1%BA%A1n", "/"):
        status, body, _ = get(hostile_server + path)
        assert status == 200, path
        tree = lxml.html.fromstring(body)
        assert not [s for s in tree.iter("script") if "alert" in (s.text or "")], path
        for element in tree.iter():
            for attribute, value in element.attrib.items():
                assert not attribute.lower().startswith("on"), (path, element.tag, attribute)
                assert not value.strip().lower().startswith("javascript:"), (path, element.tag, attribute)
        assert "&lt;script&gt;alert" in body.decode("utf-8") or path != "/archive/articles"  # shown, as text


def test_public_mode_refuses_arbitrary_sql_and_downloads(hostile_server):
    assert get(hostile_server + "/archive?sql=select+1")[0] == 403
    assert get(hostile_server + "/archive.db")[0] in (403, 404)
    assert get(hostile_server + "/archive/articles.json")[0] == 200


# Malformed sort, facet, search and other parameters; Datasette 0.65 answered 500 to many of them.
HOSTILE_PARAMETERS = [
    {"_sort": "title) --"}, {"_sort_desc": "title) --"}, {"_sort": "no_such_column"},
    {"_sort": "title", "_sort_desc": "title"},
    {"_facet": "title) --"}, {"_facet": "{"}, {"_facet": '{"x": 1}'}, {"_facet_shared": '{"simple": 1}'},
    {"_facet_shared": '{"column": "site"}'}, {"_facet_array": "{"}, {"_facet_date": "\x00"}, {"_facet_size": "{"},
    {"_search": '"'}, {"_search": "'"}, {"_search": 'chuyen "doi'}, {"_search_title": '"'},
    {"_where": "\x00"}, {"_timelimit": "soon"}, {"_through": "{"}, {"_through": '{"table": "images"}'},
    {"_through": '{"table": "images", "column": "alt", "value": "x"}'},
    {"_through": '{"table": "images", "column": "alt", "value": [1]}'},
    {"_through": '{"table": "images", "column": "alt", "value": 99999999999999999999}'},
    {"_facet_shared": '{"simple": "\\ud800"}'}, {"_size": "-1"}, {"_next": "'"},
    {"q": '"', "name": "'", "article_id": "' or 1=1 --", "from_date": "\x00"},
]


def pages_of_every_table_and_query(base: str) -> list[str]:
    database = json.loads(get(base + "/archive.json")[1])
    names = [table["name"] for table in database["tables"]] + [query["name"] for query in database["queries"]]
    assert "articles" in names and "search_in_range" in names
    return [f"{base}/archive/{name}" for name in names]


@pytest.mark.parametrize("mode", ["normal", "public"])
def test_hostile_parameters_never_answer_500(mode, datasette_url, public_url):
    base = {"normal": datasette_url, "public": public_url}[mode]
    answers = {}
    for page in pages_of_every_table_and_query(base):
        for extension in ("", ".json", ".csv"):
            for parameters in HOSTILE_PARAMETERS:
                url = f"{page}{extension}?{urllib.parse.urlencode(parameters)}"
                answers[url] = get(url)[0]
    assert not {url: status for url, status in answers.items() if status >= 500}
    articles = f"{base}/archive/articles?"
    for parameters in ({"_sort": "title) --"}, {"_sort_desc": "title) --"}, {"_facet": "{"}, {"_timelimit": "soon"}):
        assert answers[articles + urllib.parse.urlencode(parameters)] == 400, parameters
    assert answers[articles + urllib.parse.urlencode({"_facet_shared": '{"column": "site"}'})] == 200


@pytest.mark.parametrize("mode", ["normal", "public"])
def test_post_to_a_table_or_query_is_not_allowed(mode, datasette_url, public_url):
    base = {"normal": datasette_url, "public": public_url}[mode]
    for page in pages_of_every_table_and_query(base):
        for extension in ("", ".json"):
            request = urllib.request.Request(page + extension, data=b"q=chuyen+doi+so", method="POST")
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=30)
            assert refused.value.code == 405, page + extension
            assert refused.value.headers["Allow"] == "GET, HEAD"


def _only_id(base: str) -> str:
    return json.loads(get(base + "/archive/articles.json?_shape=array")[1])[0]["id"]
