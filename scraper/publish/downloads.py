"""Whole-database download and full CSV downloads.

Datasette 0.65 offers ``/<database>.db`` only for a database opened
immutable, which a live archive (a crawl may be writing it) cannot be; here
the download is a consistent copy (SQLite's backup, write-ahead log
included), served while ``allow_download`` is on (``govnews serve``; off
under ``--public``). A table's CSV link asks for ``_size=max``, which stops
at ``max_returned_rows``: such a CSV is streamed whole instead.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_send_file


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)\.db$", download_database)]


async def download_database(datasette, request):
    if not datasette.setting("allow_download"):
        return Response.text("Database download is forbidden on this server.\n", status=403)
    try:
        db = datasette.get_database(route=request.url_vars["database"])
    except KeyError:
        return Response.text("No such database.\n", status=404)
    if db.is_memory or not db.path:
        return Response.text("This database has no file to download.\n", status=404)
    return Snapshot(db.path)


class Snapshot:
    """A consistent copy of a database file, sent and then deleted."""

    def __init__(self, path: str):
        self.path = path

    async def asgi_send(self, send):
        handle, copy = tempfile.mkstemp(suffix=".db", dir=os.path.dirname(os.path.abspath(self.path)))
        os.close(handle)
        try:
            await asyncio.to_thread(backup, self.path, copy)
            await asgi_send_file(send, copy, filename=os.path.basename(self.path),
                                 content_type="application/octet-stream", chunk_size=1 << 20)
        finally:
            os.unlink(copy)


def backup(source: str, target: str) -> None:
    origin, copy = sqlite3.connect(Path(source).resolve().as_uri() + "?mode=ro", uri=True), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


WHOLE_CSV = re.compile(rb"(?:^|&)_size=max(?:&|$)")


@hookimpl
def asgi_wrapper(datasette):
    """A CSV asked for with ``_size=max`` (the table page's CSV link) is streamed: every row, not the first 1,000."""
    def wrap(app):
        async def stream_whole_csv(scope, receive, send):
            query = scope.get("query_string", b"")
            if (scope.get("type") == "http" and scope.get("path", "").endswith(".csv") and WHOLE_CSV.search(query)
                    and b"_stream=" not in query and b"_next=" not in query and datasette.setting("allow_csv_stream")):
                scope = {**scope, "query_string": query + b"&_stream=1"}
            await app(scope, receive, send)

        return stream_whole_csv

    return wrap
