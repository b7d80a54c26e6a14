"""The fault matrix: the real ``govnews crawl`` against each fault of the hostile portal.

    .venv/bin/python bench/fault_matrix.py            # every fault, one at a time, then all at once
    .venv/bin/python bench/fault_matrix.py calendar tarpit

For each fault: the portal's 32 good articles plus that fault
(scraper/demo/hostile.py), crawled once into a fresh archive. Prints a
Markdown table: requests the portal answered, seconds, peak memory of the
crawl (its process and extraction workers together, sampled every 50 ms),
the run's status and exit status, good articles stored, requests that went
into the fault, archive size. Figures for docs/operations.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.demo.hostile import FAULTS, HostilePortal  # noqa: E402

SETTINGS = ("LOG_LEVEL=ERROR", "DOWNLOAD_TIMEOUT=5")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def run(faults: list[str], label: str, **portal_options) -> dict:
    with tempfile.TemporaryDirectory() as folder, HostilePortal(faults, **portal_options) as portal:
        db = Path(folder) / "archive.db"
        command = [sys.executable, "-m", "scraper.cli", "crawl", "demo-hostile", "--base-url", portal.base_url,
                   "--db", str(db), *(part for setting in SETTINGS for part in ("-s", setting))]
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = [0.0]

        def sample():
            while process.poll() is None:
                peak[0] = max(peak[0], tree_rss_mb(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        seconds = time.monotonic() - started
        sampler.join()
        archive = sqlite_utils.Database(db)
        status = archive.execute("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
        stored = {row["url"].split(portal.base_url, 1)[-1] for row in archive["articles"].rows}
        trapped = sum(len(portal.trap_requests(name)) for name in portal.traps)
        return {
            "fault": label, "requests": len(portal.log), "seconds": seconds, "peak_mb": peak[0],
            "status": status[0] if status else "-", "exit": process.returncode,
            "good": f"{len(stored & set(portal.good_paths))}/{len(portal.good_paths)}",
            "into_fault": trapped, "archive_mb": os.path.getsize(db) / 1e6,
            "message": stderr.strip().splitlines()[-1] if stderr.strip() else "",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("faults", nargs="*", help="faults to run (default: each of FAULTS, then all at once)")
    args = parser.parse_args()
    cases = [([fault], fault, {}) for fault in (args.faults or FAULTS)]
    if not args.faults:
        # memory must follow one page, not the number of pages: ten huge pages, not three
        cases.append((["huge-pages"], "huge-pages, 10 of them", {"huge_count": 10}))
        cases.append(([f for f in FAULTS if f != "robots-500"], "all at once (but robots-500)", {}))
    print("| fault | requests | seconds | peak MB | status (exit) | good articles stored | requests into the fault | archive MB |")
    print("|---|--:|--:|--:|---|--:|--:|--:|")
    for faults, label, options in cases:
        row = run(faults, label, **options)
        print(f"| {row['fault']} | {row['requests']} | {row['seconds']:.1f} | {row['peak_mb']:.0f} | "
              f"{row['status']} ({row['exit']}) | {row['good']} | {row['into_fault']} | {row['archive_mb']:.1f} |",
              flush=True)


if __name__ == "__main__":
    main()
