"""The one writer: messages from the workers into the archive.

Messages are moved from the shared list to a processing list (LMOVE, one
step on the server), applied with the archive's own storage code, and only
then deleted from the processing list, once their transaction committed.
An archiver stopped or killed mid-way finds on its next start what it had
taken and not acknowledged, and applies it again: storing is idempotent
(a capture is keyed by its address and content, an article by its
address), so nothing is lost and nothing is stored twice.

Runs: the seeder's "start" message opens the site's ``crawl_runs`` row;
the counters are added to it with each batch (so they survive a restart);
the first "end" message of the run closes it with its verdict.
"""

from __future__ import annotations

import json
import logging
import pickle
import signal
from collections import Counter

from ..archive import open_archive
from ..archive.lock import archive_lock
from ..archive.runs import COUNTERS, SKIPPED_KINDS, finish_run, record_failure, start_run
from ..archive.store import mark_checked, mark_removed, mark_unmodified
from ..pipelines import store_pages
from . import ACTIVE_SITES, ITEMS, PROCESSING, RUNS, site_key

logger = logging.getLogger(__name__)

WRITES = {function.__name__: function for function in (mark_checked, mark_removed, mark_unmodified, record_failure)}
BATCH = 50  # messages taken, applied and acknowledged together
WAIT = 1  # seconds to wait for a message before looking whether the work is done


class Archiver:
    """Applies the workers' messages to the archive at ``db_path``."""

    def __init__(self, server, db_path: str, batch: int = BATCH):
        self.server = server
        self.db_path = db_path
        self.batch = batch
        self.db = None
        self.stopping = False
        self.applied = 0

    def run(self, until_done: bool = False) -> int:
        """Archive messages until SIGINT/SIGTERM (or, ``until_done``, until no site
        is being crawled and no message waits); returns the messages applied."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._stop)
        with archive_lock(self.db_path):
            self.db = open_archive(self.db_path)
            try:
                self.apply(list(reversed(self.server.lrange(PROCESSING, 0, -1))))  # left by an archiver stopped mid-way
                while not self.stopping:
                    taken = self.take()
                    if taken:
                        self.apply(taken)
                    elif until_done and not self.server.scard(ACTIVE_SITES) and not self.server.llen(ITEMS):
                        break
            finally:
                self.db.close()
        return self.applied

    def _stop(self, signum, frame) -> None:
        self.stopping = True

    def take(self) -> list[bytes]:
        """Up to ``batch`` messages, moved to the processing list; waits a little for the first."""
        first = self.server.blmove(ITEMS, PROCESSING, WAIT, "RIGHT", "LEFT")
        if first is None:
            return []
        taken = [first]
        while len(taken) < self.batch and (message := self.server.lmove(ITEMS, PROCESSING, "RIGHT", "LEFT")):
            taken.append(message)
        return taken

    def apply(self, messages: list[bytes]) -> None:
        """Apply messages in order (consecutive pages in one transaction), then acknowledge them."""
        pages: list[dict] = []
        for message in map(pickle.loads, messages):
            if message["kind"] == "page":
                pages.append(message)
                continue
            self._store(pages)
            pages = []
            getattr(self, f"_{message['kind']}")(message)
        self._store(pages)
        self.server.delete(PROCESSING)
        self.applied += len(messages)

    def _run_id(self, message: dict) -> int | None:
        run_id = self.server.hget(RUNS, message["run"])
        return int(run_id) if run_id else None

    def _start(self, message: dict) -> None:
        """Open the run's crawl_runs row (once, even if the message comes again after a restart)."""
        if self._run_id(message) is None:
            self.server.hset(RUNS, message["run"], start_run(self.db, message["site"], message["plan_kind"]))

    def _store(self, pages: list[dict]) -> None:
        """Store fetched pages and count them, in one transaction."""
        if not pages:
            return
        with self.db.conn:
            for group in _by_run(pages).values():
                outcomes = store_pages(self.db, group[0]["site"],
                                       [(page["url"], page["item"], page["article"], page["packed"]) for page in group])
                counts = Counter({"not_articles": sum(page["article"] is None for page in group),
                                  "rechecked": sum(page["item"].recheck for page in group)})
                counts.update("duplicates" if outcome == "duplicate" else f"articles_{outcome}" for outcome in outcomes)
                self._add_counts(group[0], counts)

    def _call(self, message: dict) -> None:
        """One of the pipeline's other writes (unmodified, removed, failed, checked), and its count."""
        name, args = message["function"], message["args"]
        counts, errors = Counter(), Counter()
        if name == "record_failure":
            args = (*args[:-1], self._run_id(message))
            kind = args[2]
            errors[kind] += 1
            counts["skipped" if kind in SKIPPED_KINDS else "articles_failed"] += 1
        with self.db.conn:
            result = WRITES[name](self.db, *args)
            if name == "mark_unmodified":
                counts.update(["not_modified", "rechecked"])
            elif name == "mark_removed":
                counts.update(["rechecked", *(["articles_removed"] if result else [])])
            self._add_counts(message, counts, errors)

    def _add_counts(self, message: dict, counts: Counter, errors: Counter | None = None) -> None:
        """Add to the run's counters in crawl_runs (inside the caller's transaction)."""
        run_id = self._run_id(message)
        if run_id is None:
            return
        names = [name for name in COUNTERS if counts.get(name)]
        if names:
            self.db.execute(f"UPDATE crawl_runs SET {', '.join(f'{n} = coalesce({n}, 0) + ?' for n in names)} "
                            "WHERE id = ?", [*(counts[n] for n in names), run_id])
        if errors:
            row = self.db.execute("SELECT errors FROM crawl_runs WHERE id = ?", [run_id]).fetchone()
            merged = Counter(json.loads(row[0] or "{}") if row else {}) + errors
            self.db.execute("UPDATE crawl_runs SET errors = ? WHERE id = ?", [json.dumps(dict(merged)), run_id])

    def _end(self, message: dict) -> None:
        """Close the run (the first worker to see the site's crawl end says so) and clear its keys."""
        run_id = self._run_id(message)
        if run_id is None:
            return
        row = self.db.execute(f"SELECT {', '.join(COUNTERS)}, errors, status FROM crawl_runs WHERE id = ?",
                              [run_id]).fetchone()
        site = message["site"]
        config = self.server.hgetall(site_key(message["key"], "config"))
        if row is not None and row[-1] == "running":
            counts = dict(zip(COUNTERS, (value or 0 for value in row)))
            counts["pages_fetched"] = int(self.server.get(site_key(message["key"], "pages")) or 0)
            errors = Counter(json.loads(row[-2] or "{}"))
            status, exit_status, text = verdict(message["key"], counts, errors)
            finish_run(self.db, run_id, counts, errors, status, exit_status, text, message.get("robots", ""),
                       barren=message.get("barren"))
            logger.info("%s: run %s finished: %s", site, run_id, status)
        if config.get(b"run", b"").decode() == message["run"]:
            clear_site(self.server, message["key"])
        self.server.hdel(RUNS, message["run"])


def verdict(site: str, counts: dict, errors: Counter) -> tuple[str, int, str]:
    """(status, exit status, message) of a distributed run, from its counts."""
    if not counts["pages_fetched"]:
        return "failed", 1, f"{site}: no page could be fetched"
    if counts["articles_failed"]:
        kinds = ", ".join(f"{k} {v}" for k, v in errors.most_common() if k not in SKIPPED_KINDS)
        return "failed", 1, f"{site}: {counts['articles_failed']} pages failed ({kinds}); the next run retries them"
    return "ok", 0, ""


def clear_site(server, key: str) -> None:
    """Forget a site's shared crawl: no longer active, its queue, filter, plan and counters gone."""
    server.srem(ACTIVE_SITES, key)
    server.delete(*(site_key(key, part) for part in ("requests", "dupefilter", "config", "plan", "pages", "lessees")))


def _by_run(pages: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for page in pages:
        groups.setdefault(page["run"], []).append(page)
    return groups
