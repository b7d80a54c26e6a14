"""Re-run extraction over stored captures: no network, a record of what changed.

After a profile improves, ``govnews reextract`` turns the archive's raw
captures into articles again. Changed articles get a new version, exactly as
if a crawl had found the change; the run is recorded in ``crawl_runs`` with
kind "reextract".
"""

from __future__ import annotations

from collections import Counter

from .archive import open_archive, save_articles
from .archive.captures import latest_captures
from .archive.runs import finish_run, start_run
from .extract import extract
from .sites import get_site, load_registry


def reextract_captures(db_path: str, site_key: str | None = None, since: str | None = None,
                       registry: str | None = None, batch_size: int = 200) -> dict[str, int]:
    """Extract the newest capture of every URL again; counts of what happened."""
    sites = [get_site(site_key, registry)] if site_key else list(load_registry(registry).values())
    platforms = {site.domain: site.platform for site in sites}
    db = open_archive(db_path)
    counts: Counter = Counter()
    run_ids = {domain: start_run(db, domain, "reextract") for domain in platforms}
    try:
        pending = []
        for capture in latest_captures(db, site=sites[0].domain if site_key else None, since=since):
            if capture.site not in platforms:
                continue
            counts["captures"] += 1
            article = extract(capture.body, capture.url, platform=platforms[capture.site])
            article.site = capture.site
            if not article.is_article:
                counts["not_articles"] += 1
                continue
            pending.append((article, capture.last_fetched_at, capture.id))
            if len(pending) >= batch_size:
                counts.update(save_articles(db, pending))
                pending = []
        counts.update(save_articles(db, pending))
    finally:
        for run_id in run_ids.values():
            finish_run(db, run_id, {"pages_fetched": 0, "articles_changed": counts["changed"],
                                    "articles_unchanged": counts["unchanged"], "not_articles": counts["not_articles"]},
                       Counter(), "ok", 0, f"reextracted {counts['captures']} captures")
        db.close()
    return {name: counts[name] for name in ("captures", "changed", "unchanged", "new", "not_articles")}
