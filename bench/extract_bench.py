"""Extraction benchmark: pages per second on the offline portal's article pages.

Usage: python bench/extract_bench.py [--repeat 3]

Measures, on the same pages in the same run: bare lxml parsing (the floor
of any lxml-based extractor), govnews' extract(), and trafilatura's extract().
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
import trafilatura  # noqa: E402

from scraper.demo import DemoPortal  # noqa: E402
from scraper.extract import extract  # noqa: E402


def fetch_pages(portal: DemoPortal) -> list[tuple[str, bytes]]:
    pages = []
    for article in portal.articles:
        url = portal.base_url + article.path
        with urllib.request.urlopen(url) as response:
            pages.append((url, response.read()))
    return pages


def rate(function, pages, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for url, body in pages:
            function(body, url)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with DemoPortal() as portal:
        portal.start()
        pages = fetch_pages(portal)
    size_kb = sum(len(body) for _, body in pages) / len(pages) / 1024
    candidates = {
        "lxml parse only": lambda body, url: lxml.html.document_fromstring(body),
        "govnews extract()": extract,
        "trafilatura.extract()": lambda body, url: trafilatura.extract(body, url=url),
    }
    print(f"{len(pages)} article pages, mean {size_kb:.0f} KB; best of {args.repeat}")
    print(f"{'extractor':<24}{'pages/s':>10}")
    for name, function in candidates.items():
        print(f"{name:<24}{rate(function, pages, args.repeat):>10.0f}")


if __name__ == "__main__":
    main()
