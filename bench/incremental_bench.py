"""Incremental-crawl benchmark: a scheduled run on an unchanged portal vs the first full crawl.

Usage: python bench/incremental_bench.py [--per-category 1250]

Same run, same 5,000-article offline portal: the first crawl (full, into an
empty archive), then a scheduled run of the unchanged portal. Requests are
counted by the portal itself; the rolling recheck sample (conditional
requests for a tenth of the stored articles) is reported separately.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.demo import DemoPortal, build_articles  # noqa: E402


def crawl(portal: DemoPortal, db: Path) -> tuple[float, dict]:
    before = portal.requests.copy()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", "demo-vnportal", "--base-url", portal.base_url,
                    "--db", str(db), "-s", "LOG_LEVEL=ERROR", "-s", "PROGRESS_INTERVAL=0"],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start, portal.requests - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-category", type=int, default=1250, help="articles in each of 4 categories")
    args = parser.parse_args()
    articles = build_articles(args.per_category)
    with tempfile.TemporaryDirectory() as tmp, DemoPortal(articles) as portal:
        db = Path(tmp) / "archive.db"
        full_time, full = crawl(portal, db)
        quiet_time, quiet = crawl(portal, db)
    article_paths = {a.path for a in articles}
    sample = sum(n for target, n in quiet.items() if target in article_paths)
    rest = sum(quiet.values()) - sample
    total_full = sum(full.values())
    print(f"portal: {len(articles)} articles")
    print(f"{'run':<36}{'requests':>10}{'seconds':>10}")
    print(f"{'first crawl (full)':<36}{total_full:>10}{full_time:>10.1f}")
    print(f"{'scheduled run, unchanged portal':<36}{rest:>10}{quiet_time:>10.1f}   (+ {sample} recheck requests)")
    print(f"incremental / full: {rest / total_full:.2%} of the requests (target <= 5%), "
          f"recheck sample {sample / len(articles):.0%} of the articles")


if __name__ == "__main__":
    main()
