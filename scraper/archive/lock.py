"""One writer at a time: a lock file beside the archive.

Two cron runs on the same archive must never overlap; the second exits at
once. flock is released by the kernel when the holder dies, even by
SIGKILL, so a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


class LockBusy(Exception):
    """Another run holds the archive."""


@contextmanager
def archive_lock(db_path: str | Path):
    path = Path(f"{db_path}.lock")
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockBusy(f"archive {db_path} is in use by a running crawl (pid {holder}); lock file {path}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield path
    finally:
        handle.close()
