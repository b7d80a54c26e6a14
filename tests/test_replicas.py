"""Read-only replicas: a snapshot published while a crawl writes the archive is
consistent, and immutable Datasette servers on the same snapshot answer alike
(docs/operations.md, "Serving past one machine")."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from scraper.archive import search

from .conftest import GOVNEWS, ROOT, free_port, wait_for_http
from .test_publish import get

pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command line (Debian: sqlite3)")


def snapshot(live, target) -> None:
    """As documented: one statement of the sqlite3 command line, while the crawler writes."""
    subprocess.run(["sqlite3", str(live), f"VACUUM INTO '{target}'"], check=True, capture_output=True, timeout=60)


def stored_articles(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no archive yet
        return 0


def test_a_snapshot_taken_while_a_crawl_writes_is_consistent(portal, tmp_path):
    live = tmp_path / "live.db"
    crawl = subprocess.Popen([*GOVNEWS, "crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(live),
                              "-s", "LOG_LEVEL=WARNING", "-s", "ARCHIVE_BATCH=5"],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    snapshots = []
    while crawl.poll() is None:
        if stored_articles(live):
            snapshots.append(tmp_path / f"snapshot-{len(snapshots)}.db")
            snapshot(live, snapshots[-1])
        time.sleep(0.05)
    assert crawl.returncode == 0, crawl.stderr.read()
    total = stored_articles(live)
    assert any(0 < stored_articles(path) < total for path in snapshots), "no snapshot taken mid-crawl"
    with sqlite3.connect(live) as conn:
        final = set(conn.execute("SELECT id, title, lead, body FROM articles"))
    for path in snapshots:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            for index in ("articles_fts", "articles_fts_exact"):  # raises when the index and the rows disagree
                conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            # an article, its first version and its images are written in one transaction: all or none
            assert conn.execute("SELECT count(*) FROM versions").fetchone()[0] == articles
            assert conn.execute("SELECT count(*) FROM images WHERE article_id NOT IN (SELECT id FROM articles)"
                                ).fetchone()[0] == 0
            assert set(conn.execute("SELECT id, title, lead, body FROM articles")) <= final
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, nothing beside it


@pytest.fixture
def replicas(archive, tmp_path):
    """Two immutable Datasette servers (``govnews serve --immutable``) on one snapshot of the archive."""
    published = tmp_path / "archive.db"
    snapshot(archive, published)
    servers, urls = [], []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(subprocess.Popen([*GOVNEWS, "serve", "--immutable", "--db", str(published), "--port", str(port)],
                                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            urls.append(f"http://127.0.0.1:{port}")
            wait_for_http(urls[-1] + "/-/versions.json")
        yield published, urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def through_balancer(url: str) -> bytes:
    """GET as a load balancer forwards it: the public host name in Host, whichever replica answers."""
    request = urllib.request.Request(url, headers={"Host": "archive.example.org"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        return response.read()


def test_two_immutable_replicas_of_one_snapshot_answer_the_same_search(replicas):
    published, urls = replicas
    databases = json.loads(get(urls[0] + "/-/databases.json")[1])
    assert [(db["name"], db["is_mutable"]) for db in databases] == [("archive", False)]
    with sqlite3.connect(published) as conn:
        for params in ({"q": "chuyển đổi số"}, {"q": "tinh", "page": 3}, {"q": "xa hoi", "sort": "date"},
                       {"q": '"kinh tế"', "from": "2023-06-01"}):
            path = "/-/search.json?" + urllib.parse.urlencode(params)
            answers = [through_balancer(url + path) for url in urls]
            assert answers[0] == answers[1]
            where = "substr(a.published_at, 1, 10) >= :from" if "from" in params else ""
            _, total = search.run(conn, search.parse(params["q"]), where, {"from": params.get("from")})
            assert json.loads(answers[0])["total"] == total > 0
    table_page = "/archive/articles.json?_search=chuyen+doi+so&_shape=objects"
    tables = [json.loads(through_balancer(url + table_page)) for url in urls]
    for answer in tables:
        answer.pop("query_ms")  # how long it took, the one field that may differ
    assert tables[0] == tables[1] and tables[0]["rows"]
