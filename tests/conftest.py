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


@pytest.fixture(scope="session")
def datasette_url(archive):
    """A real Datasette server publishing the crawled archive."""
    from scraper.cli import datasette_command

    port = free_port()
    server = subprocess.Popen(datasette_command(str(archive), port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/-/versions.json")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def public_url(archive):
    """A real Datasette server publishing the crawled archive as ``serve --public`` does."""
    from scraper.cli import datasette_command

    port = free_port()
    server = subprocess.Popen(datasette_command(str(archive), port, public=True),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/-/versions.json")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
