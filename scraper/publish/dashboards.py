"""The dashboards of metadata.yml shown under ``serve --public`` too.

datasette-dashboards draws each chart from ``/<database>.json?sql=<the
chart's query>`` and refuses a dashboard page to anyone who may not run SQL
on its database. ``--public`` turns arbitrary SQL off (``default_allow_sql``),
so the listed dashboard answered 403. Here the permission to run SQL is
granted to exactly these requests: a configured dashboard's page (or one of
its charts' pages), and a JSON query whose SQL is, character for character,
one of the configured charts' queries on that chart's database. Any other
SQL stays refused.
"""

from __future__ import annotations

import contextvars
import re
from urllib.parse import parse_qsl

from datasette import hookimpl

# The databases the current request may run SQL on because it draws a configured dashboard.
_DASHBOARD_DATABASES: contextvars.ContextVar[frozenset] = contextvars.ContextVar(
    "dashboard_databases", default=frozenset())
_DASHBOARD_PAGE = re.compile(r"^/-/dashboards/(?P<slug>[^/]+)(?:/(?P<chart>[^/]+))?(?:/embed)?$")
_JSON_QUERY = re.compile(r"^/(?P<database>[^/]+)\.json$")


def dashboards(datasette) -> dict:
    return datasette.plugin_config("datasette-dashboards") or {}


def charts(datasette):
    for dashboard in dashboards(datasette).values():
        yield from (dashboard.get("charts") or {}).values()


def databases_drawn(datasette, path: str, query_string: str) -> frozenset:
    """The databases this request may query because it draws a configured dashboard."""
    page = _DASHBOARD_PAGE.match(path)
    if page and page["slug"] in dashboards(datasette):
        return frozenset(chart["db"] for chart in (dashboards(datasette)[page["slug"]].get("charts") or {}).values()
                         if chart.get("db"))
    data = _JSON_QUERY.match(path)
    if data:
        sql = dict(parse_qsl(query_string)).get("sql")
        if any(chart.get("db") == data["database"] and chart.get("query") == sql for chart in charts(datasette)):
            return frozenset([data["database"]])
    return frozenset()


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def mark_dashboard_requests(scope, receive, send):
            allowed = databases_drawn(datasette, scope.get("path", ""), scope.get("query_string", b"").decode(
                "latin-1")) if scope.get("type") == "http" else frozenset()
            token = _DASHBOARD_DATABASES.set(allowed)
            try:
                await app(scope, receive, send)
            finally:
                _DASHBOARD_DATABASES.reset(token)

        return mark_dashboard_requests

    return wrap


@hookimpl
def permission_allowed(action, resource):
    """SQL on a database for a request that draws one of its dashboards; no opinion otherwise."""
    if action == "execute-sql" and resource in _DASHBOARD_DATABASES.get():
        return True
    return None
