"""Distributed crawling: any number of workers share one crawl through Redis.

scrapy-redis keeps the frontier (a priority queue of requests per site) and
the duplicate filter in Redis; this package adds what the archive needs on
top of it:

- ``frontier``: leases on the requests a worker is working on, so that the
  requests of a worker killed with SIGKILL are given back to the others;
- ``politeness``: a site's concurrency and delay held across all workers;
- ``export``: each worker extracts the pages it fetched and hands them, with
  every other outcome, to a Redis list;
- ``archiver``: the one process writing the archive, acknowledging a
  message only once it is committed;
- ``run``: ``govnews crawl --redis`` (seed), ``govnews worker``.

Every key lives under ``govnews:`` (``keys`` below).
"""

from __future__ import annotations

import redis

PREFIX = "govnews"
ACTIVE_SITES = f"{PREFIX}:sites"  # set of the registry keys being crawled
ITEMS = f"{PREFIX}:items"  # list of messages for the archiver (pushed left, taken right)
PROCESSING = f"{PREFIX}:items:processing"  # messages the archiver took and has not committed yet
RUNS = f"{PREFIX}:runs"  # hash: run token -> crawl_runs id in the archive


def connect(url: str) -> redis.Redis:
    """A client of the Redis at ``url`` (bytes in, bytes out)."""
    return redis.Redis.from_url(url)


def spider_name(site_key: str) -> str:
    """The name a site's spider runs under: scrapy-redis keys its queue and
    duplicate filter by it (``govnews:<site>:requests``, ``...:dupefilter``)."""
    return f"{PREFIX}:{site_key}"


def site_key(site: str, part: str) -> str:
    """The key of one part of a site's shared crawl (``config``, ``requests``, ``pages``...)."""
    return f"{PREFIX}:{site}:{part}"


def worker_key(worker: str) -> str:
    """The heartbeat of a worker: present while it lives (it expires after REDIS_WORKER_TTL)."""
    return f"{PREFIX}:worker:{worker}"
