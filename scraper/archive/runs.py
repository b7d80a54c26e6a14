"""Crawl runs and failed pages: what each run did, and what to retry.

A run is recorded when it starts (status "running") and completed when it
ends, so a run killed mid-way is visible as such; the next run marks it
"interrupted". Pages that failed are kept until a later run fetches them.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import sqlite_utils

from .store import utc_now

MAX_ATTEMPTS = 5  # a page failing this often is left for a human to look at
COUNTERS = ("pages_fetched", "articles_new", "articles_changed", "articles_unchanged", "articles_removed",
            "articles_failed", "not_articles", "rechecked", "not_modified", "duplicates", "skipped")
# Pages deliberately not fetched or not stored: recorded in failed_pages so
# they can be seen, but neither a failure of the run nor retried by the next.
# A dead link is a link no pattern said was an article or a listing that
# answered 404 or 410.
SKIPPED_KINDS = ("robots-blocked", "offsite-redirect", "redirected-away", "dead-link")


def start_run(db: sqlite_utils.Database, site: str, kind: str) -> int:
    """Record a starting run; earlier runs of ``site`` left "running" were interrupted."""
    with db.conn:
        db.execute("UPDATE crawl_runs SET status = 'interrupted' WHERE site = ? AND status = 'running'", [site])
        cursor = db.execute(
            "INSERT INTO crawl_runs (site, kind, started_at, pid, status) VALUES (?, ?, ?, ?, 'running')",
            [site, kind, utc_now(), os.getpid()],
        )
    return cursor.lastrowid


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict[str, int], errors: Counter,
               status: str, exit_status: int, message: str = "", robots: str = "", tls: str = "",
               barren: list[str] | None = None) -> None:
    """Complete a run's record: counts, errors by kind, verdict, what robots.txt
    and the certificate said, and the address shapes found to hold no articles."""
    with db.conn:
        db.execute(
            f"UPDATE crawl_runs SET finished_at = ?, {', '.join(f'{c} = ?' for c in COUNTERS)}, errors = ?, "
            "status = ?, exit_status = ?, message = ?, robots = ?, tls = ?, barren = ? WHERE id = ?",
            [utc_now(), *(counts.get(c, 0) for c in COUNTERS), json.dumps(dict(errors)), status, exit_status,
             message, robots, tls, json.dumps(sorted(barren or [])), run_id],
        )


NOT_CRAWLS = ("reextract", "refused")  # runs that fetched nothing: re-extractions, sites refused for their TLS


def last_run(db: sqlite_utils.Database, site: str) -> dict | None:
    """The latest crawl of ``site`` (re-extractions and refused runs aside)."""
    rows = db.execute(f"SELECT * FROM crawl_runs WHERE site = ? AND kind NOT IN ({', '.join('?' * len(NOT_CRAWLS))}) "
                      "ORDER BY id DESC LIMIT 1", [site, *NOT_CRAWLS])
    names = [d[0] for d in rows.description]
    row = rows.fetchone()
    return dict(zip(names, row)) if row else None


def record_failure(db: sqlite_utils.Database, url: str, site: str, kind: str, error: str, run_id: int | None) -> None:
    now = utc_now()
    with db.conn:
        db.execute(
            "INSERT INTO failed_pages (url, site, kind, error, first_failed_at, last_failed_at, attempts, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, "
            "error = excluded.error, last_failed_at = excluded.last_failed_at, attempts = attempts + 1, "
            "run_id = excluded.run_id",
            [url, site, kind, error[:500], now, now, run_id],
        )


def clear_failure(db: sqlite_utils.Database, url: str) -> None:
    """Forget an earlier failure of ``url`` (inside the caller's transaction)."""
    db.execute("DELETE FROM failed_pages WHERE url = ?", [url])


def failed_urls(db: sqlite_utils.Database, site: str) -> list[str]:
    """Pages of ``site`` to retry: failed before, fewer than MAX_ATTEMPTS times, not skipped on purpose."""
    rows = db.execute(
        f"SELECT url FROM failed_pages WHERE site = ? AND attempts < ? AND kind NOT IN ({', '.join('?' * len(SKIPPED_KINDS))}) "
        "ORDER BY url", [site, MAX_ATTEMPTS, *SKIPPED_KINDS])
    return [row[0] for row in rows]
