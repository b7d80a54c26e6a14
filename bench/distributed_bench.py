"""Distributed crawl benchmark: 1, 2 and 4 workers (and one archiver) against one process.

Usage: python bench/distributed_bench.py [--per-category 250] [--workers 1 2 4]

The offline portal (demo-vnportal) and a redis-server each run in their own
process. The single-process crawl is `govnews crawl`; a distributed run is
`govnews crawl --redis` (seeding, not timed), then N `govnews worker` and one
`govnews archiver --until-done` started together, timed until the archiver
has stored the last page. Both times include starting the processes. Peak
memory is the largest sum of the resident memory (RSS) of every process of
the run (crawlers, their extraction processes, the archiver; not Redis nor
the portal), sampled every 0.1 s. Pages are those the run fetched, as
recorded in crawl_runs.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port  # noqa: E402
GOVNEWS = [sys.executable, "-m", "scraper.cli"]
QUIET = ("-s", "LOG_LEVEL=WARNING")


def tree_rss_mb(roots: list[int]) -> float:
    """Resident memory of the processes ``roots`` and all their descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, list(roots)
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class PeakMemory:
    """Samples the RSS sum of a set of process trees in a thread."""

    def __init__(self):
        self.pids: list[int] = []
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self):
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, tree_rss_mb(list(self.pids)))


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([*GOVNEWS, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=1800)
    if process.returncode:
        raise SystemExit(f"{process.args} failed ({process.returncode}): {err[-2000:]}")


def pages_fetched(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT sum(pages_fetched) FROM crawl_runs").fetchone()[0] or 0


def single_process(base_url: str, tmp: Path) -> dict:
    db = tmp / "single.db"
    with PeakMemory() as memory:
        began = time.perf_counter()
        crawl = start(["crawl", "demo-vnportal", "--base-url", base_url, "--db", str(db), *QUIET])
        memory.pids.append(crawl.pid)
        wait(crawl)
        seconds = time.perf_counter() - began
    return {"pages": pages_fetched(db), "seconds": seconds, "peak_mb": memory.peak}


def distributed(workers: int, base_url: str, redis_url: str, tmp: Path) -> dict:
    import redis

    redis.Redis.from_url(redis_url).flushall()
    db = tmp / f"workers-{workers}.db"
    wait(start(["crawl", "demo-vnportal", "--base-url", base_url, "--db", str(db), "--redis", redis_url, *QUIET]))
    with PeakMemory() as memory:
        began = time.perf_counter()
        processes = [start(["worker", "--redis", redis_url, *QUIET]) for _ in range(workers)]
        processes.append(start(["archiver", "--redis", redis_url, "--db", str(db), "--until-done"]))
        memory.pids.extend(process.pid for process in processes)
        for process in processes:
            wait(process)
        seconds = time.perf_counter() - began
    return {"pages": pages_fetched(db), "seconds": seconds, "peak_mb": memory.peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-category", type=int, default=250, help="portal size: articles in each of 4 categories")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    port = free_port()
    portal = subprocess.Popen([*GOVNEWS, "demo-portal", "--port", str(port), "--per-category", str(args.per_category)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        redis_port = free_port()
        redis_server = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                                         "--dir", name, "--save", "", "--appendonly", "no"],
                                        stdout=subprocess.DEVNULL)
        redis_url = f"redis://127.0.0.1:{redis_port}/0"
        try:
            time.sleep(1.5 + args.per_category / 200)
            rows = [("govnews crawl (one process)", single_process(base_url, tmp))]
            for workers in args.workers:
                rows.append((f"{workers} worker{'s' * (workers > 1)} + archiver", distributed(workers, base_url,
                                                                                              redis_url, tmp)))
        finally:
            redis_server.terminate()
            portal.terminate()
    print(f"load average (1 min) before/after: {load_before:.1f}/{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'run':<30}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'peak MB (RSS sum)':>19}")
    for label, row in rows:
        print(f"{label:<30}{row['pages']:>7}{row['seconds']:>9.1f}{row['pages'] / row['seconds']:>9.1f}"
              f"{row['peak_mb']:>19.0f}")


if __name__ == "__main__":
    main()
