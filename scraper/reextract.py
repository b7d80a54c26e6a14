"""Re-run extraction over stored captures: no network, a record of what changed.

After a profile improves, ``govnews reextract`` turns the archive's raw
captures into articles again. Changed articles get a new version, exactly as
if a crawl had found the change; each site whose captures were re-extracted
gets a ``crawl_runs`` row of kind "reextract" with its own counts. Pages go
through the same bounded extraction workers as a crawl, so one pathological
capture fails alone instead of hanging the run.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict

from .archive import open_archive, save_articles
from .archive.captures import latest_captures
from .archive.runs import finish_run, start_run
from .sites import get_site, load_registry
from .workers import ExtractionFailed, ExtractionPool


def reextract_captures(db_path: str, site_key: str | None = None, since: str | None = None,
                       registry: str | None = None, batch_size: int = 200, timeout: float = 60,
                       memory_mb: int = 2048) -> dict[str, int]:
    """Extract the newest capture of every URL again; counts of what happened."""
    sites = [get_site(site_key, registry)] if site_key else list(load_registry(registry).values())
    platforms = {site.domain: site.platform for site in sites}
    db = open_archive(db_path)
    counts: dict[str, Counter] = defaultdict(Counter)
    pool = ExtractionPool(max(1, (os.cpu_count() or 2) - 1), timeout=timeout, memory_mb=memory_mb)
    try:
        pending = []
        for capture in latest_captures(db, site=sites[0].domain if site_key else None, since=since):
            if capture.site not in platforms:
                continue
            site_counts = counts[capture.site]
            site_counts["captures"] += 1
            try:
                article, _ = pool.prepare_now(capture.body, capture.url, platforms[capture.site])
            except ExtractionFailed:
                site_counts["failed"] += 1
                continue
            article.site = capture.site
            if not article.is_article:
                site_counts["not_articles"] += 1
                continue
            pending.append((article, capture.last_fetched_at, capture.id))
            if len(pending) >= batch_size:
                _save(db, pending, counts)
                pending = []
        _save(db, pending, counts)
    finally:
        pool.close()
        for site, site_counts in counts.items():
            run_id = start_run(db, site, "reextract")
            finish_run(db, run_id, {"articles_changed": site_counts["changed"],
                                    "articles_unchanged": site_counts["unchanged"],
                                    "articles_failed": site_counts["failed"],
                                    "not_articles": site_counts["not_articles"]},
                       Counter(), "ok", 0, f"reextracted {site_counts['captures']} captures")
        db.close()
    total = sum(counts.values(), Counter())
    return {name: total[name] for name in ("captures", "changed", "unchanged", "new", "not_articles", "failed")}


def _save(db, pending: list, counts: dict[str, Counter]) -> None:
    for (article, _, _), outcome in zip(pending, save_articles(db, pending)):
        counts[article.site][outcome] += 1
