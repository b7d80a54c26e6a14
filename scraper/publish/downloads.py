"""Whole-database download and full CSV downloads: tables and searches.

Datasette 0.65 offers ``/<database>.db`` only for a database opened
immutable, which a live archive (a crawl may be writing it) cannot be; here
the download is a consistent copy (SQLite's backup, write-ahead log
included), served while ``allow_download`` is on (``govnews serve``; off
under ``--public``). A table's CSV link asks for ``_size=max``, which stops
at ``max_returned_rows``: such a CSV is streamed whole instead. The search
page's results (``/-/search.csv``, ranked over two indexes, which no table
CSV can express) are streamed the same way: every match ranked by one
statement under the SQL time limit, then written a batch of rows at a time.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from datasette import hookimpl
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import AsgiStream, Response, asgi_send_file

from ..archive import search
from .search_request import archive_databases, read, timed_out_note


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)\.db$", download_database), (r"^/-/search\.csv$", download_search)]


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


SEARCH_CSV_COLUMNS = ("id", "published_at", "site", "title", "author", "url", "reading_url", "snippet")
SEARCH_CSV_BATCH = 200  # rows read and written per step of the stream


def search_csv_row(result: dict, reading_url: str) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([*(result[name] for name in SEARCH_CSV_COLUMNS[:6]), reading_url,
                              result["snippet"].striptags()])
    return out.getvalue()


async def download_search(datasette, request):
    """``/-/search.csv``: every article a search finds, in the page's order, with its reading-view address.

    With a split archive (several parts served) each part's results follow the previous part's."""
    asked = read(request.args)
    limit_ms = datasette.setting("sql_time_limit_ms")

    def rank(conn):
        with sqlite_timelimit(conn, limit_ms):
            return search.ranked_rowids(conn, asked.query, asked.condition, asked.filters, asked.order)

    try:
        ranked = [(db, await db.execute_fn(rank)) for db in await archive_databases(datasette)]
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return Response.text(timed_out_note(limit_ms, "Ranking every match for the download") + "\n", status=503)

    async def stream(writer):
        await writer.write(",".join(SEARCH_CSV_COLUMNS) + "\r\n")
        for db, rowids in ranked:
            for start in range(0, len(rowids), SEARCH_CSV_BATCH):
                batch = rowids[start:start + SEARCH_CSV_BATCH]
                results = await db.execute_fn(lambda conn: [search.describe(conn, asked.query, rowid) for rowid in batch])
                await writer.write("".join(search_csv_row(result, datasette.absolute_url(
                    request, datasette.urls.row(db.name, "articles", result["id"]))) for result in results))

    return AsgiStream(stream, headers={"content-disposition": 'attachment; filename="search.csv"'},
                      content_type="text/csv; charset=utf-8")
