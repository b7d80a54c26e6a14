"""The search page alone, as a researcher gets it (results, snippets, and the
mentions chart where the page draws it), through a real Datasette, on an
archive made by bench/make_archive.py.

    .venv/bin/python bench/search_page_bench.py --db /tmp/m1/archive.db --runs 5

Prints a Markdown table: p50 and slowest of ``runs`` timed requests after
one warm-up, per query, by relevance and by date.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.cli import datasette_command  # noqa: E402
from tests.conftest import free_port, wait_for_http  # noqa: E402

QUERIES = ("Pá Vầy Sủ", "cáp treo", "Mường Lát", "thủy điện", "chuyen doi so", "phát triển", "kinh tế xã hội", "năm")


def timed(url: str, runs: int) -> list[float]:
    urllib.request.urlopen(url, timeout=120).read()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        urllib.request.urlopen(url, timeout=120).read()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(datasette_command(str(args.db), port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/-/versions.json", timeout=120)
        print(f"load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
        print("| query | order | p50 ms | slowest ms |\n|---|---|--:|--:|")
        for query in QUERIES:
            for order in ("relevance", "date"):
                params = {"q": query, **({"sort": "date"} if order == "date" else {})}
                times = timed(base + "/-/search?" + urllib.parse.urlencode(params), args.runs)
                print(f"| `{query}` | {order} | {statistics.median(times):.0f} | {times[-1]:.0f} |", flush=True)
        print(f"load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
