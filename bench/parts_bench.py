"""Split-archive benchmark: one search across the parts vs the same search on the whole archive.

Usage: python bench/parts_bench.py [--db PATH] [--articles 100000] [--by year] [--runs 10]

Makes the archive with bench/make_archive.py if PATH does not exist, splits
it with ``govnews split --by BY`` (timed) into a temporary folder, then
starts two real Datasette servers, both immutable (published snapshots):
one on the whole archive, one on all the parts (``datasette -i a.db -i b.db
...``). For each query and each order (relevance, date) it fetches
``/-/search.json`` page 1 from both, interleaved, and reports p50/p95, that
the totals agree, and how alike the first pages are: by date the same ids
in the same order; by relevance the share of the whole archive's top 20
that the merged top 20 also holds (bm25 is counted per part, so it is only
approximately comparable).
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.cli import datasette_command  # noqa: E402
from tests.conftest import free_port, wait_for_http  # noqa: E402

QUERIES = [
    ("rare", "Giàng Seo Phử"),
    ("rare", "cáp treo"),
    ("medium", "Mường Lát"),
    ("medium", "thủy điện"),
    ("broad", "chuyen doi so"),
    ("broad", "phát triển"),
    ("broad", "kinh tế xã hội"),
]


class Server:
    """A real immutable Datasette process on a free port, with one kept-alive connection."""

    def __init__(self, files: list[Path]):
        self.port = free_port()
        self.process = subprocess.Popen(datasette_command([str(f) for f in files], self.port, immutable=True),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_http(f"http://127.0.0.1:{self.port}/-/versions.json", timeout=120)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def search(self, params: dict) -> tuple[float, dict]:
        started = time.perf_counter()
        self.connection.request("GET", "/-/search.json?" + urllib.parse.urlencode(params))
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status == 200, body[:300]
        return elapsed, json.loads(body)

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=10)


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, round(0.95 * len(samples)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench-archive-100k.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--by", default="year", choices=["year", "province"])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_archive.py"), str(args.db),
                        "--articles", str(args.articles)], check=True)
    with tempfile.TemporaryDirectory(dir=args.db.parent) as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scraper.cli", "split", "--by", args.by, "--db", str(args.db), out],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        split_s = time.perf_counter() - started
        parts = sorted(Path(out).glob("*.db"))
        size = sum(p.stat().st_size for p in parts) / 2**20
        print(f"split --by {args.by}: {len(parts)} parts, {size:,.0f} MiB in all "
              f"(whole {args.db.stat().st_size / 2**20:,.0f} MiB), {split_s:.1f} s")
        whole, merged = Server([args.db]), Server(parts)
        try:
            print(f"\n| query | class | order | matches | whole p50 / p95 ms | {len(parts)} parts p50 / p95 ms "
                  "| same total | first page alike |")
            print("|---|---|---|---:|---:|---:|---|---|")
            for kind, q in QUERIES:
                for order in ("relevance", "date"):
                    params = {"q": q, "sort": order}
                    timings, answers = {"whole": [], "parts": []}, {}
                    for _ in range(args.runs):
                        for name, server in (("whole", whole), ("parts", merged)):
                            ms, answers[name] = server.search(params)
                            timings[name].append(ms)
                    a, b = answers["whole"], answers["parts"]
                    ids_a, ids_b = [r["id"] for r in a["rows"]], [r["id"] for r in b["rows"]]
                    alike = ("same ids, same order" if ids_a == ids_b else "differ") if order == "date" else \
                        f"{len(set(ids_a) & set(ids_b))}/{len(ids_a)} of the top ids"
                    print(f"| {q} | {kind} | {order} | {a['total']:,} "
                          f"| {statistics.median(timings['whole']):.0f} / {p95(timings['whole']):.0f} "
                          f"| {statistics.median(timings['parts']):.0f} / {p95(timings['parts']):.0f} "
                          f"| {'yes' if a['total'] == b['total'] else 'NO'} | {alike} |")
        finally:
            whole.stop()
            merged.stop()


if __name__ == "__main__":
    main()
