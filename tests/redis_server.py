"""A real Redis server for a test: Debian's redis-server on a free port, in a temporary directory."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time

import pytest
import redis

from tests.conftest import free_port


@contextlib.contextmanager
def redis_server(directory):
    """Start redis-server (no persistence, loopback only); yield its URL; stop it."""
    binary = shutil.which("redis-server") or pytest.fail("redis-server is missing: make redis installs it")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
