"""Full CSV downloads.

A table's CSV link asks for ``_size=max``, which stops at
``max_returned_rows``: such a CSV is streamed whole instead.
"""

from __future__ import annotations

import re

from datasette import hookimpl

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
