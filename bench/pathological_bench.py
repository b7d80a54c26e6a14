"""Pathological-page benchmark: how extraction time grows with the part of a
page that grows (document links, paragraphs, nesting, table rows, a long
word, images, and the other shapes of bench/pathological.py).

Usage: python bench/pathological_bench.py [--repeat 3] [--budget 300] [--shape NAME ...]

For each shape of bench/pathological.py, at each of its sizes: the page's
size, the seconds extract() takes on it (best of --repeat, fewer repeats
for slow pages), pages per second, the growth exponent against the previous
size (1 is linear, 2 quadratic), and what was extracted, so runs before and
after a change can be compared for results as well as speed. A shape's
larger sizes are skipped once one of its pages takes longer than --budget
seconds.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pathological import SHAPES, URL  # noqa: E402
from scraper.extract import extract  # noqa: E402

REPEAT_WITHIN_SECONDS = 5.0  # stop repeating a page once this much time went on it


def seconds_per_page(html: bytes, repeat: int):
    """Best time of up to ``repeat`` extractions, and the last article."""
    best, spent, article = float("inf"), 0.0, None
    for _ in range(repeat):
        start = time.perf_counter()
        article = extract(html, URL)
        elapsed = time.perf_counter() - start
        best, spent = min(best, elapsed), spent + elapsed
        if spent > REPEAT_WITHIN_SECONDS:
            break
    return best, article


def summary(article) -> str:
    return (f"{'article' if article.is_article else 'NOT article'}, {len(article.paragraphs)} paragraphs, "
            f"{len(article.images)} images, {len(article.attachments)} attachments, "
            f"{len(article.body) // 1024} KB body")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=300.0,
                        help="seconds a page may take before larger sizes are skipped")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    args = parser.parse_args()
    print(f"seconds per page, best of up to {args.repeat}; growth = log(time ratio) / log(size ratio)")
    print(f"{'shape':<16}{'size':>10}{'KB':>7}{'s/page':>10}{'pages/s':>10}{'growth':>8}  extracted")
    for name, (make, sizes) in SHAPES.items():
        if args.shape and name not in args.shape:
            continue
        previous = None
        for size in sizes:
            if previous and previous[1] > args.budget:
                print(f"{name:<16}{size:>10}  skipped: the previous size took {previous[1]:.0f} s")
                continue
            html = make(size)
            elapsed, article = seconds_per_page(html, args.repeat)
            growth = f"{math.log(elapsed / previous[1]) / math.log(size / previous[0]):>8.2f}" if previous else f"{'':>8}"
            print(f"{name:<16}{size:>10}{len(html) / 1024:>7.0f}{elapsed:>10.3f}{1 / elapsed:>10.2f}{growth}  {summary(article)}",
                  flush=True)
            previous = (size, elapsed)


if __name__ == "__main__":
    main()
