"""Requests Datasette 0.65 answers with an internal error (500), refused with a 4xx first.

Datasette reads some of its own query-string parameters without checking
them: ``int(_timelimit)``, ``json.loads(_through)`` and its three keys, a
``_facet...`` value starting with "{" parsed as JSON and its "simple" (or
"column") key taken for granted. It puts facet names and ``_where`` into
SQL text, where a NUL character is an error of the sqlite3 module rather
than of SQL. And it answers a POST to a table or a canned query that does
not write with an internal error. ``refusal()`` finds these requests so the
plugin answers 400 or 405 before Datasette sees them.

A ``_sort`` on a column Datasette cannot sort by needs the table's columns
to recognise; the plugin's ``handle_exception`` answers that one with 400.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from datasette.utils.asgi import Response

# The archive is published read-only: no page outside /-/ (log-out, messages)
# takes a POST, and no canned query writes.
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def refusal(method: str, path: str, query_string: str) -> Response | None:
    """The 4xx answer for a request Datasette would fail on, or None to let it through."""
    if method not in READ_METHODS and not path.startswith("/-/"):
        return Response.text("The archive is read-only: only GET and HEAD are allowed here.\n", status=405,
                             headers={"Allow": "GET, HEAD"})
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        problem = parameter_problem(name, value)
        if problem:
            message = f"Bad parameter {name}: {problem}."
            if path.endswith(".json"):
                return Response.json({"ok": False, "error": message, "status": 400}, status=400)
            return Response.text(message + "\n", status=400)
    return None


def parameter_problem(name: str, value: str) -> str | None:
    """What is wrong with one query-string parameter, for Datasette, or None."""
    if "\x00" in value:
        return "it contains a NUL character"
    if name == "_timelimit" and not (value.isascii() and value.isdigit()):
        return "a time limit is a whole number of milliseconds"
    if name == "_through" and not is_through_config(value):
        return 'expected JSON {"table": ..., "column": ..., "value": ...}'
    if name.startswith("_facet") and value.startswith("{") and not is_facet_config(value):
        return 'expected a column name, or JSON {"simple": "column"}'
    return None


def is_through_config(value: str) -> bool:
    config = json_object(value) or {}
    return isinstance(config.get("table"), str) and isinstance(config.get("column"), str) \
        and "value" in config and is_sql_parameter(config["value"])


def is_sql_parameter(value) -> bool:
    """A JSON value SQLite takes as a parameter (its integers have 64 bits)."""
    if isinstance(value, int):
        return -2**63 <= value < 2**63
    return isinstance(value, (str, float, type(None)))


def is_facet_config(value: str) -> bool:
    config = json_object(value) or {}
    return isinstance(config.get("column") or config.get("simple"), str)


def json_object(value: str) -> dict | None:
    """``value`` parsed as a JSON object whose text SQLite can take (no lone surrogate such as \\ud800)."""
    try:
        parsed = json.loads(value)
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except ValueError:  # UnicodeEncodeError included
        return None
    return parsed if isinstance(parsed, dict) else None
