"""Crawl benchmark: the real crawl against a do-nothing spider, same portal, same run.

Usage: python bench/crawl_bench.py [--rounds 3]

The offline portal runs in its own process (as a real site would); each
crawl runs in a fresh child process, and its peak memory is its own
ru_maxrss plus that of its largest child (the extraction worker): an upper
bound of what the crawl held at once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from scrapy.crawler import CrawlerProcess
from scraper.crawl import project_settings
from bench.baseline_spider import DoNothingSpider
from scraper.spiders.portal import PortalSpider
mode, base_url, db = sys.argv[1:4]
settings = project_settings({{"LOG_LEVEL": "ERROR", "ARCHIVE_DB": db}})
if mode == "baseline":
    settings.set("ITEM_PIPELINES", {{}}, priority="cmdline")
process = CrawlerProcess(settings, install_root_handler=False)
crawler = process.create_crawler(DoNothingSpider if mode == "baseline" else PortalSpider)
process.crawl(crawler, site="demo-vnportal", base_url=base_url)
start = time.perf_counter()
process.start()
elapsed = time.perf_counter() - start
stats = crawler.stats.get_stats()
print(json.dumps({{"pages": stats.get("response_received_count", 0), "seconds": elapsed,
    "stored": stats.get("govnews/articles_new", 0),
    "peak_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}}))
"""


def run(mode: str, base_url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, base_url, str(Path(tmp) / "archive.db")],
            capture_output=True, text=True, check=True,
        )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["pages_per_s"] = result["pages"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-category", type=int, default=250, help="portal size: articles in each of 4 categories")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "scraper.cli", "demo-portal", "--port", str(port),
                               "--per-category", str(args.per_category)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        time.sleep(1.5 + args.per_category / 200)
        run("baseline", base_url)  # warm the portal's page cache
        results = {"baseline": [], "crawl": []}
        for _ in range(args.rounds):
            for mode in results:
                results[mode].append(run(mode, base_url))
    finally:
        server.terminate()
    summary = {}
    for mode, runs in results.items():
        summary[mode] = {
            "pages": runs[0]["pages"],
            "pages_per_s": statistics.median(r["pages_per_s"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs),
        }
    ratio = summary["crawl"]["pages_per_s"] / summary["baseline"]["pages_per_s"]
    print(f"{'run':<28}{'pages':>7}{'pages/s (median)':>18}{'peak MB':>10}")
    for mode, label in (("baseline", "do-nothing spider (ceiling)"), ("crawl", "govnews crawl (extract+store)")):
        s = summary[mode]
        print(f"{label:<28}{s['pages']:>7}{s['pages_per_s']:>18.1f}{s['peak_mb']:>10.1f}")
    print(f"crawl / ceiling: {ratio:.0%} (target >= 70%); median of {args.rounds} rounds")


if __name__ == "__main__":
    main()
