"""Extraction in worker processes, each page bounded in time and memory.

Parsing and cleaning a page is CPU work, and a hostile page can make it
slow or large. Pages go to a pool of worker processes (pebble): a page that
takes longer than ``timeout`` seconds has its worker killed and replaced, a
worker may use at most ``memory_mb`` of address space, and a worker that
dies takes only its own page with it. The crawl goes on either way; the page
is reported as failed and retried by the next run.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures.process import BrokenProcessPool

from pebble import ProcessExpired, ProcessPool

from .archive.captures import pack
from .extract import Article, extract


class ExtractionFailed(Exception):
    """A page could not be extracted within its bounds (or the extractor failed)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def prepare_page(body: bytes, url: str, platform: str | None) -> tuple[Article, tuple[bytes, str]]:
    """The CPU work on a fetched page: its Article, and its capture packed."""
    return extract(body, url, platform=platform), pack(body)


class ExtractionPool:
    """``workers`` processes running ``prepare_page`` under time and memory bounds."""

    def __init__(self, workers: int, timeout: float, memory_mb: int):
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.stopped = False
        self.waiting: set[asyncio.Future] = set()  # pages the crawl is waiting for
        self.pool = ProcessPool(max_workers=max(1, workers), initializer=_bound_worker,
                                initargs=(os.getpid(), memory_mb), context=multiprocessing.get_context("spawn"))
        for _ in range(max(1, workers)):  # start (and import) while the crawl begins
            self.pool.schedule(prepare_page, args=(b"", "", None))

    async def prepare(self, body: bytes, url: str, platform: str | None) -> tuple[Article, tuple[bytes, str]]:
        """``prepare_page`` in a worker; ExtractionFailed past the bounds."""
        try:
            waiting = asyncio.wrap_future(self._schedule(body, url, platform))
        except Exception as error:
            raise self._failure(error) from error
        self.waiting.add(waiting)
        try:
            return await waiting
        except asyncio.CancelledError:
            if not self.stopped:
                raise
            raise ExtractionFailed("interrupted", "extraction stopped: the crawl is stopping") from None
        except Exception as error:
            raise self._failure(error) from error
        finally:
            self.waiting.discard(waiting)

    def prepare_now(self, body: bytes, url: str, platform: str | None) -> tuple[Article, tuple[bytes, str]]:
        """``prepare`` for code without an event loop (re-extraction)."""
        try:
            return self._schedule(body, url, platform).result()
        except Exception as error:
            raise self._failure(error) from error

    def _schedule(self, body: bytes, url: str, platform: str | None) -> concurrent.futures.Future:
        if self.stopped:
            raise BrokenProcessPool("the pool was stopped")
        return self.pool.schedule(prepare_page, args=(body, url, platform), timeout=self.timeout)

    def _failure(self, error: Exception) -> ExtractionFailed:
        if isinstance(error, TimeoutError):
            return ExtractionFailed("extraction-timeout", f"extraction took longer than {self.timeout:g} s")
        if isinstance(error, MemoryError):
            return ExtractionFailed("extraction-memory", f"extraction needed more than {self.memory_mb} MB")
        if isinstance(error, ProcessExpired):
            return ExtractionFailed("extraction-crash", f"extraction worker died (exit code {error.exitcode})")
        if isinstance(error, (BrokenProcessPool, concurrent.futures.CancelledError)):
            return ExtractionFailed("interrupted", "extraction stopped: the crawl is stopping")
        return ExtractionFailed("extraction", repr(error)[:500])

    def stop(self) -> None:
        """Kill the workers now: pending pages fail as "interrupted"."""
        self.stopped = True
        for waiting in list(self.waiting):
            waiting.cancel()
        self.pool.stop()
        self.pool.join(timeout=10)

    def close(self) -> None:
        """Let the workers finish their pages, then end them (unless stopped already)."""
        if self.stopped:
            return
        self.stopped = True
        self.pool.close()
        self.pool.join(timeout=self.timeout + 10)


def _bound_worker(parent: int, memory_mb: int) -> None:
    """In a worker: cap its address space, and end it when the crawl that
    started it ends, even by SIGKILL."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
