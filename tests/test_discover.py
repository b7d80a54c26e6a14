"""``govnews discover``: an entry proposed from a site's address alone, then crawled."""

from __future__ import annotations

import http.server
import threading

import pytest
import sqlite_utils
import yaml

from scraper.demo import FAMILIES, DemoPortal
from scraper.sites import load_registry

from .conftest import govnews

BUDGET = 120


@pytest.mark.parametrize("family", ("vnportal", *FAMILIES))
def test_discovered_entry_crawls_the_whole_site(family, tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    with DemoPortal(family=family) as demo:
        found = govnews("discover", demo.base_url, "--name", "found", "--registry", str(registry), "--write",
                        "--budget", str(BUDGET), "-s", "LOG_LEVEL=WARNING")
        discovery_requests = sum(demo.requests.values())
        assert found.returncode == 0, found.stderr
        crawl = govnews("crawl", "found", "--registry", str(registry), "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert discovery_requests <= BUDGET
    entry = yaml.safe_load(registry.read_text(encoding="utf-8"))["sites"]["found"]
    assert entry["base_url"] == demo.base_url and entry["verified"] is False
    assert "found" in load_registry(registry)
    # the sample table names articles with their titles and dates
    article_lines = [line for line in found.stdout.splitlines() if line.startswith("#  article")]
    assert len(article_lines) >= 3
    titles = {article.title for article in demo.articles}
    assert all(any(title[:50] in line for title in titles) for line in article_lines)
    # and the entry crawls: every article of the site is stored
    assert crawl.returncode == 0, crawl.stderr
    stored = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert stored == {demo.base_url + article.path for article in demo.articles}


def test_an_existing_key_is_refused_and_the_registry_left_as_it_was(tmp_path):
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n  found:\n    name: Đã có\n    domains: [a.gov.vn]\n    base_url: https://a.gov.vn\n",
                        encoding="utf-8")
    before = registry.read_bytes()
    with DemoPortal(family="wordpress") as demo:
        result = govnews("discover", demo.base_url, "--name", "found", "--registry", str(registry), "--write",
                         "--budget", "60")
    assert result.returncode == 1 and "exists already" in result.stderr
    assert registry.read_bytes() == before


class _Site(http.server.BaseHTTPRequestHandler):
    """A site that answers every page with the same body and status."""

    status, body = 200, b""

    def do_GET(self):
        body = b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else self.body
        self.send_response(200 if self.path == "/robots.txt" else self.status)
        self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


APP_SHELL = (b'<!DOCTYPE html><html><head><title>Cong thong tin</title><script src="/app.js"></script></head>'
             b'<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>')
# Every page a directory of links: departments, forms, contacts; no article anywhere.
NO_ARTICLES = ("<!DOCTYPE html><html><head><title>Danh bạ</title></head><body><h1>Danh bạ cơ quan</h1><ul>"
               + "".join(f'<li><a href="/don-vi-{n}">Phòng chuyên môn số {n} của Ủy ban nhân dân huyện</a></li>'
                         for n in range(12))
               + "</ul></body></html>").encode()


@pytest.mark.parametrize(("status", "body", "reason"), [
    (200, APP_SHELL, "JavaScript"),
    (403, b"<html><body><h1>Forbidden</h1></body></html>", "access denied"),
    (200, NO_ARTICLES, "nothing article-like"),
])
def test_a_site_it_cannot_use_gets_one_line_of_reason(status, body, reason, tmp_path):
    handler = type("Handler", (_Site,), {"status": status, "body": body})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    registry = tmp_path / "sites.yaml"
    registry.write_text("sites:\n", encoding="utf-8")
    try:
        result = govnews("discover", f"http://127.0.0.1:{server.server_port}/", "--registry", str(registry),
                         "--write", "--budget", "40")
    finally:
        server.shutdown()
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("govnews: error:")]
    assert reason in line
    assert registry.read_text(encoding="utf-8") == "sites:\n"
