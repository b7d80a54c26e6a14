"""Shared fixtures: the offline portal on a free port, a crawled archive, helpers."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from scraper.demo import DemoPortal

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((Path(__file__).parent / "data" / "gold_sonla-2024-01-10.json").read_text(encoding="utf-8"))
GOVNEWS = [sys.executable, "-m", "scraper.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def govnews(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run the real ``govnews`` command line in a subprocess."""
    return subprocess.run([*GOVNEWS, *args], capture_output=True, text=True, cwd=kwargs.pop("cwd", ROOT), timeout=600, **kwargs)


@pytest.fixture(scope="session")
def portal():
    with DemoPortal() as running:
        running.start()
        yield running


@pytest.fixture(scope="session")
def archive(portal, tmp_path_factory) -> Path:
    """An archive made by one real crawl of the offline portal."""
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr
    return db


def copy_archive(source: Path, target: Path) -> Path:
    """A consistent copy of an archive, with what is still in its write-ahead
    log (a server reading it keeps the log from being folded in)."""
    import sqlite3

    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    return target


def seed_article(portal):
    """The demo portal's copy of the seed article."""
    return next(a for a in portal.articles if a.title == GOLD["title"])


# Every page a directory of links: departments, forms, contacts; no article anywhere.
LINK_DIRECTORY = ("<!DOCTYPE html><html><head><title>Danh bạ</title></head><body><h1>Danh bạ cơ quan</h1><ul>"
                  + "".join(f'<li><a href="/don-vi-{n}">Phòng chuyên môn số {n} của Ủy ban nhân dân huyện</a></li>'
                            for n in range(12))
                  + "</ul></body></html>").encode()


@contextlib.contextmanager
def one_page_site(status: int, body: bytes):
    """A site on 127.0.0.1 answering every address with ``body`` and
    ``status`` (robots.txt allows all); yields its address."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            robots = self.path == "/robots.txt"
            payload = b"User-agent: *\nAllow: /\n" if robots else body
            self.send_response(200 if robots else status)
            self.send_header("Content-Type", "text/plain" if robots else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def wait_for_http(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextlib.contextmanager
def datasette_server(dbs, **options):
    """A real Datasette publishing ``dbs`` (a file, or the parts of a split archive) as ``govnews serve``
    does with ``options`` (public, immutable); yields its base URL."""
    from scraper.cli import datasette_command

    port = free_port()
    files = [str(db) for db in dbs] if isinstance(dbs, (list, tuple)) else str(dbs)
    server = subprocess.Popen(datasette_command(files, port, **options), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/-/versions.json")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def datasette_url(archive):
    """A real Datasette server publishing the crawled archive."""
    with datasette_server(archive) as url:
        yield url


@pytest.fixture(scope="session")
def public_url(archive):
    """A real Datasette server publishing the crawled archive as ``serve --public`` does."""
    with datasette_server(archive, public=True) as url:
        yield url


EDITED_TITLE = GOLD["title"] + " (cập nhật)"
NEW_AUTHOR = "Minh Anh"
HUGE_PARAGRAPHS = 25_000  # about 3.2 million characters of body


@pytest.fixture(scope="session")
def edited_archive(tmp_path_factory):
    """(archive path, seed article id, portal base URL): a small offline portal crawled three times, its
    seed article edited between the crawls as an editor would (a word added in a paragraph; then the title
    and the author line), so the article has three versions; a huge article stored beside it. The file
    is not named archive.db: every page must work under the name "archive" all the same."""
    from scraper.archive import open_archive, save_articles
    from scraper.demo import build_articles
    from scraper.extract import Article

    def crawl(portal, db) -> None:
        result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db),
                         "-s", "LOG_LEVEL=WARNING", "-s", "RECHECK_RUNS=1")
        assert result.returncode == 0, result.stderr

    db = tmp_path_factory.mktemp("versions") / "history2.db"
    with DemoPortal(build_articles(per_category=2)) as portal:
        seed = seed_article(portal)
        crawl(portal, db)
        first = next(block for block in seed.blocks if block[0] == "p")
        assert "tập trung cao" in first[1]
        blocks = tuple((block[0], block[1].replace("tập trung cao", "tập trung rất cao")) if block is first else block
                       for block in seed.blocks)
        portal.edit_article(seed.path, blocks=blocks)
        crawl(portal, db)
        portal.edit_article(seed.path, title=EDITED_TITLE, author=NEW_AUTHOR)
        crawl(portal, db)
        base_url = portal.base_url
    archive = open_archive(db)
    [seed_id] = [row[0] for row in archive.execute("SELECT id FROM articles WHERE url = ?", [base_url + seed.path])]
    assert archive.execute("SELECT count(*) FROM versions WHERE article_id = ?", [seed_id]).fetchone()[0] == 3
    huge = Article(url="https://sonla-demo.gov.vn/tin-tuc/bao-cao-rat-dai.html", site="sonla-demo.gov.vn",
                   title="Báo cáo rất dài", lead="Một báo cáo rất dài.", is_article=True, extractor="generic",
                   body="\n\n".join(f"Đoạn {n}: Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện nhiệm vụ "
                                    f"chuyển đổi số của các sở, ngành, địa phương trong năm qua."
                                    for n in range(HUGE_PARAGRAPHS)))
    save_articles(archive, [(huge, "2024-02-01T00:00:00+00:00", None)])
    archive.conn.close()
    return db, seed_id, base_url
