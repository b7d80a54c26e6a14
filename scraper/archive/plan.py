"""What a scheduled run should fetch, from what the archive already holds.

Incremental runs skip article pages already stored, stop walking a listing
after ``overlap`` pages that bring nothing new, recheck a rolling sample of
stored articles (checked longest ago first, whatever came of the check, so
that over ``recheck_runs`` runs every article is rechecked) with conditional requests, and retry the pages
that failed before. A full walk happens on ``--full``, on a site's first
run, and after a run that did not finish, so nothing an interrupted run
missed stays missing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit, urlunsplit

import sqlite_utils

from ..urls import url_shape
from .runs import failed_urls, last_run

# Runs that walked every listing they meant to: the next run can be incremental.
FINISHED_STATUSES = ("ok", "extraction-broken")


@dataclass(frozen=True)
class Recheck:
    url: str
    last_modified: str = ""
    etag: str = ""


@dataclass
class CrawlPlan:
    refetch_known: bool = True  # fetch stored articles again (a --full run)
    walk_all_listings: bool = True
    overlap: int = 1
    known_urls: set[str] = field(default_factory=set)
    recheck: list[Recheck] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)
    barren_shapes: set[str] = field(default_factory=set)  # address shapes the last run found no article in
    since: str = ""  # when the last finished run started: feed and sitemap dates after it mean "changed"
    stored_as: dict[str, str] = field(default_factory=dict)  # address fetched -> address stored (on a mirror)

    @property
    def kind(self) -> str:
        return "full" if self.refetch_known else ("incremental" if not self.walk_all_listings else "catch-up")

    def on_mirror(self, base_url: str, hosts: tuple[str, ...]) -> CrawlPlan:
        """This plan for the site served from ``base_url`` (``--base-url``): its
        stored addresses on ``hosts``, whatever their scheme or port (the offline
        portal's port of an earlier run), are fetched from there."""
        base = urlsplit(base_url)
        stored_as = {}

        def moved(url: str) -> str:
            parts = urlsplit(url)
            if parts.hostname not in hosts or parts.netloc == base.netloc:
                return url
            fetched = urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
            stored_as[fetched] = url
            return fetched

        return replace(self, known_urls={moved(url) for url in self.known_urls},
                       recheck=[replace(item, url=moved(item.url)) for item in self.recheck],
                       retry=[moved(url) for url in self.retry], stored_as=stored_as)


def crawl_plan(db: sqlite_utils.Database, site: str, *, full: bool = False, overlap: int = 1,
               recheck_runs: int = 10) -> CrawlPlan:
    """The plan for a run of ``site`` (its registry domain) on this archive."""
    previous = last_run(db, site)
    known = {row[0] for row in db.execute("SELECT url FROM articles WHERE site = ?", [site])}
    # what the last run learnt holds no articles, unless an article stored since says otherwise
    barren = set(json.loads(previous["barren"] or "[]") if previous else ()) - {url_shape(url) for url in known}
    if full or not known:
        return CrawlPlan(refetch_known=True, walk_all_listings=True, overlap=overlap, known_urls=known,
                         retry=failed_urls(db, site), barren_shapes=barren)
    sample_size = math.ceil(len(known) / max(1, recheck_runs))
    rows = db.execute(
        "SELECT a.url, coalesce(c.last_modified, ''), coalesce(c.etag, '') FROM articles a "
        "LEFT JOIN captures c ON c.id = (SELECT max(id) FROM captures WHERE url = a.url) "
        "WHERE a.site = ? ORDER BY coalesce(a.last_checked_at, a.last_seen_at), a.url LIMIT ?",
        [site, sample_size],
    )
    finished = previous is not None and previous["status"] in FINISHED_STATUSES
    return CrawlPlan(
        refetch_known=False,
        walk_all_listings=not finished,
        overlap=overlap,
        known_urls=known,
        recheck=[Recheck(*row) for row in rows],
        retry=failed_urls(db, site),
        barren_shapes=barren,
        since=previous["started_at"] if finished else "",
    )
