"""Extraction benchmark: speed and body-text quality per platform family.

Usage: python bench/extract_bench.py [--repeat 3]

On the same pages in the same run, for each family (the fixture pages of
tests/fixtures/<family>/ plus, for vnportal, the offline portal's 160
article pages): pages per second of bare lxml parsing, of extract() with
the family's profile, of extract() forced onto the generic path, and of
trafilatura.extract(); and the body-text F1 (4-gram word shingles of lead +
body against the fixture's expected text) of our two paths and trafilatura.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
import trafilatura  # noqa: E402

from scraper.demo import DemoPortal  # noqa: E402
from scraper.extract import extract  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i:i + size]) for i in range(max(1, len(words) - size + 1))} if words else set()


def f1(got: str, want: str) -> float:
    got_set, want_set = shingles(got), shingles(want)
    if not got_set or not want_set:
        return 0.0
    common = len(got_set & want_set)
    if not common:
        return 0.0
    precision, recall = common / len(got_set), common / len(want_set)
    return 2 * precision * recall / (precision + recall)


def fixture_pages() -> dict[str, list[tuple[str, bytes, str]]]:
    """family -> [(url, html, expected lead + body)] for article fixtures."""
    pages = defaultdict(list)
    for case in sorted(FIXTURES.glob("*/*.json")):
        expected = json.loads(case.read_text(encoding="utf-8"))
        if expected.get("is_article"):
            text = "\n".join([expected["lead"], *expected["body"]])
            pages[case.parent.name].append((expected["url"], case.with_suffix(".html").read_bytes(), text))
    return pages


def portal_pages() -> list[tuple[str, bytes, None]]:
    with DemoPortal() as portal:
        portal.start()
        return [(portal.base_url + a.path, urllib.request.urlopen(portal.base_url + a.path).read(), None)
                for a in portal.articles]


def rate(function, pages, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for url, body, _ in pages:
            function(body, url)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def ours(body: bytes, url: str, platform: str | None = None) -> str:
    article = extract(body, url, platform=platform)
    return "\n".join([article.lead, article.body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    families = fixture_pages()
    speed_sets = dict(families)
    speed_sets["vnportal (offline portal)"] = portal_pages()
    paths = {
        "lxml parse": lambda body, url: lxml.html.document_fromstring(body),
        "profile": lambda body, url: extract(body, url),
        "generic": lambda body, url: extract(body, url, platform="generic"),
        "trafilatura": lambda body, url: trafilatura.extract(body, url=url),
    }
    print(f"pages per second, best of {args.repeat}")
    print(f"{'pages':<28}{'n':>4}{'KB':>5}" + "".join(f"{name:>13}" for name in paths) + f"{'profile/traf':>14}")
    for name, pages in speed_sets.items():
        rates = {path: rate(function, pages, args.repeat) for path, function in paths.items()}
        size = sum(len(body) for _, body, _ in pages) / len(pages) / 1024
        print(f"{name:<28}{len(pages):>4}{size:>5.0f}" + "".join(f"{r:>13.0f}" for r in rates.values())
              + f"{rates['profile'] / rates['trafilatura']:>13.1f}x")
    print()
    print("body-text F1 (4-gram shingles of lead + body), mean per family")
    print(f"{'family':<28}{'profile':>10}{'generic':>10}{'trafilatura':>13}")
    for name, pages in families.items():
        scores = defaultdict(list)
        for url, body, want in pages:
            scores["profile"].append(f1(ours(body, url), want))
            scores["generic"].append(f1(ours(body, url, "generic"), want))
            scores["trafilatura"].append(f1(trafilatura.extract(body, url=url) or "", want))
        means = {k: sum(v) / len(v) for k, v in scores.items()}
        print(f"{name:<28}{means['profile']:>10.3f}{means['generic']:>10.3f}{means['trafilatura']:>13.3f}")


if __name__ == "__main__":
    main()
