"""Reading-view benchmark: the pages of one huge article, the server's peak memory for each.

Usage: python bench/reading_bench.py [--mb 58]

An archive holds one article whose text is about ``--mb`` MB (Vietnamese
paragraphs), in two versions (one word changed in the middle), with the
page it came from stored as a capture. For each page (the reading view, its
history, a version, the diff, the capture page, and Datasette's own JSON of
the row, which returns the whole text, for comparison) a fresh Datasette
server (`govnews serve`'s command line) answers one request; the table gives
the time, the bytes sent and the server's peak resident memory (VmHWM),
against its memory once started.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.archive import open_archive, save_articles  # noqa: E402
from scraper.archive.captures import link_capture, pack, store_capture  # noqa: E402
from scraper.cli import datasette_command  # noqa: E402
from scraper.extract import Article  # noqa: E402
from tests.conftest import free_port, wait_for_http  # noqa: E402

PARAGRAPH = ("Đoạn {n}: Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số của các sở, "
             "ngành, địa phương trong năm qua, với nhiều kết quả quan trọng được ghi nhận.")


def build(db_path: Path, megabytes: float) -> str:
    """The archive with its one huge article; the article's id."""
    count = int(megabytes * 1_000_000 / len(PARAGRAPH.format(n=0).encode()))
    paragraphs = [PARAGRAPH.format(n=n) for n in range(count)]
    url = "https://sonla-demo.gov.vn/tin-tuc/bao-cao-rat-dai.html"
    db = open_archive(db_path)
    html = ("<!DOCTYPE html><html><head><script>alert(1)</script></head><body><article><h1>Báo cáo rất dài</h1>"
            + "".join(f"<p>{text}</p>" for text in paragraphs) + "</article></body></html>").encode()
    with db.conn:
        capture = store_capture(db, url=url, site="sonla-demo.gov.vn", fetched_at="2024-02-01T00:00:00+00:00",
                                status=200, headers={"Content-Type": "text/html; charset=utf-8"}, packed=pack(html))
    for seen, body in (("2024-02-01T00:00:00+00:00", paragraphs),
                       ("2024-02-02T00:00:00+00:00", [*paragraphs[:count // 2], paragraphs[count // 2] + " mới",
                                                      *paragraphs[count // 2 + 1:]])):
        article = Article(url=url, site="sonla-demo.gov.vn", title="Báo cáo rất dài", lead="Một báo cáo rất dài.",
                          body="\n\n".join(body), is_article=True, extractor="generic")
        save_articles(db, [(article, seen, capture)])
    article_id = db.execute("SELECT id FROM articles").fetchone()[0]
    with db.conn:
        link_capture(db, capture, article_id)
    db.conn.close()
    return article_id


def peak_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in KiB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def measure(db: Path, path: str) -> dict:
    port = free_port()
    server = subprocess.Popen(datasette_command(str(db), port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/-/versions.json")
        started, _ = peak_kib(server.pid)
        start = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=600) as response:
            size = len(response.read())
        seconds = time.perf_counter() - start
        _, peak = peak_kib(server.pid)
        return {"path": path, "seconds": seconds, "bytes": size, "started_mb": started / 1024, "peak_mb": peak / 1024}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=58, help="size of the article's text, MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "huge.db"
        start = time.perf_counter()
        article_id = build(db, args.mb)
        print(f"archive with one {args.mb:g} MB article in 2 versions built in {time.perf_counter() - start:.0f} s")
        pages = [("reading view", f"/archive/articles/{article_id}"),
                 ("history", f"/archive/articles/{article_id}/history"),
                 ("version 1", f"/archive/articles/{article_id}/v/1"),
                 ("diff 1 → 2", f"/archive/articles/{article_id}/diff"),
                 ("capture page", "/archive/captures/1/page"),
                 ("Datasette's row JSON (whole text)", f"/archive/articles/{article_id}.json")]
        print("| page | time (s) | bytes sent | server at start (MB) | server peak (MB) |")
        print("|---|---:|---:|---:|---:|")
        for name, path in pages:
            row = measure(db, path)
            print(f"| {name} | {row['seconds']:.2f} | {row['bytes']:,} | {row['started_mb']:.0f} | {row['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
