"""Datasette plugin for the archive: reading view, search helper, downloads, robots.

- ``/-/search``: the search page (templates/search.html) — words with
  diacritics matched as typed, without them folded, phrase matches first,
  relevance or date order, highlighted snippets, date, site and province
  filters; a malformed query is repaired and the page says how it was read
  (scraper/archive/search.py); the home page carries its form; every served
  database with an articles table is searched, the parts of a split archive
  merged into one list (parts.py);
  ``/-/search.json`` gives the same page as JSON;
- ``/-/search/mentions.csv`` and ``.json``: matching articles per month and
  site, drawn on the search page as a chart (mentions.py); ``/-/search.csv``,
  every result, is streamed by downloads.py;
- ``search_terms(text)`` (SQL function): turns what a researcher types into
  an FTS5 query of quoted words, so canned queries accept ordinary words;
- ``/<database>/articles/<id>``: the reading view, bounded for a huge article
  (reading.py); its versions' history, permalinks with a citation and word
  diffs (versions.py); ``/<database>/captures/<id>/page``: a stored capture
  as a sanitised page (capture_view.py);
- ``?_bom=1`` on any .csv URL prefixes a UTF-8 byte order mark, so
  spreadsheet software opens Vietnamese text correctly;
- ``facets: [{shared: [...]}]`` counts all of a table's facets in one
  statement (facets.py), so facets on a search stay cheap;
- connections get a larger page cache and memory-mapped reads (searches
  on a large archive touch thousands of pages);
- ``/robots.txt`` keeps crawlers off the expensive pages (SQL, CSV, JSON);
- requests Datasette would answer with an internal error (a malformed
  ``_sort``, ``_facet``, ``_through`` or ``_timelimit``, a POST to a table
  or a query) get a 400 or 405 instead (guard.py, ``handle_exception``).
"""

from __future__ import annotations

import re
import sqlite3
import urllib.parse

from datasette import hookimpl
from datasette.utils.asgi import Response
from datasette.views.base import DatasetteError

from ..archive import search

from . import capture_view, reading, versions
from .facets import SharedFacet
from .guard import refusal
from .mentions import ROUTES as MENTIONS_ROUTES
from .mentions import Mentions, count_within_limit
from .mentions import chart as mentions_chart
from .parts import search_parts
from .search_request import archive_databases, provinces, read, timed_out_note

_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
UTF8_BOM = "\ufeff".encode("utf-8")
ROBOTS = """User-agent: *
Disallow: /*.csv
Disallow: /*.json
Disallow: /*?sql=
Disallow: /*_search=
Disallow: /-/search
Disallow: /*/diff
Disallow: /*/captures/
Allow: /
"""


def search_terms(text: str | None) -> str:
    """'Đặng Ngọc  Hậu!' -> '"Đặng" "Ngọc" "Hậu"': every word required, no FTS syntax."""
    words = _WORDS.findall(text or "")
    return " ".join(f'"{word}"' for word in words) or '""'


# Per connection: a 64 MiB page cache and the file memory-mapped (up to
# SQLite's 2 GiB cap), so a search's index and row pages are read from memory
# instead of one system call per 4 KiB page. The archive is only ever grown
# in place (never truncated), which is what memory-mapped reads require.
READ_PRAGMAS = ("PRAGMA cache_size = -65536", "PRAGMA mmap_size = 2147418112")


def tune_for_reading(conn) -> None:
    for pragma in READ_PRAGMAS:
        conn.execute(pragma).fetchall()


@hookimpl
def prepare_connection(conn):
    conn.create_function("search_terms", 1, search_terms, deterministic=True)
    tune_for_reading(conn)


def safe_url(url: str | None) -> str:
    """``url`` if it is an http(s) address, else "#": stored links never run script."""
    return url if (url or "").lower().startswith(("http://", "https://")) else "#"


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["safe_url"] = safe_url


# The sites, one index seek each (a DISTINCT reads every entry of the site index).
DISTINCT_SITES = (
    "WITH RECURSIVE s(site) AS (SELECT min(site) FROM articles UNION ALL "
    "SELECT (SELECT min(site) FROM articles WHERE site > s.site) FROM s WHERE s.site IS NOT NULL) "
    "SELECT site FROM s WHERE site IS NOT NULL"
)


async def form_choices(dbs) -> dict:
    sites = sorted({row[0] for db in dbs for row in (await db.execute(DISTINCT_SITES)).rows})
    return {"search_sites": sites,
            "search_provinces": [name for name, domains in provinces().items() if set(domains) & set(sites)]}


PAGE_SIZE = 20


async def search_page(datasette, request):
    """The search page: results of ``q`` with snippets, filtered and ordered as asked, and their mentions over time."""
    asked = read(request.args)
    query, order, notes = asked.query, asked.order, asked.notes
    dbs = await archive_databases(datasette)
    try:
        page = max(int(request.args.get("page") or 1), 1)
    except ValueError:
        page = 1
    limit_ms = datasette.setting("sql_time_limit_ms")
    try:
        results, total = await search_parts(dbs, query, asked.condition, asked.filters, order, page, PAGE_SIZE,
                                            limit_ms, notes)
        timed_out = False
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        results, total, timed_out = [], search.MatchCount(0), True
        notes.append(timed_out_note(limit_ms))
    more = request.path + "?" + urllib.parse.urlencode(
        {**dict(urllib.parse.parse_qsl(request.query_string)), "page": page + 1}) if page * PAGE_SIZE < total else None
    downloads = {"csv_url": asked.url("/-/search.csv"), "mentions_csv_url": asked.url("/-/search/mentions.csv"),
                 "mentions_json_url": asked.url("/-/search/mentions.json")}
    if request.url_vars.get("format"):
        return Response.json({
            "query": query.text, "read_as": query.reading, "notes": notes, "sort": order, "total": total,
            "total_at_least": total.at_least, "page": page, "next_url": more and datasette.absolute_url(request, more), **downloads,
            "rows": [{**row, "title_html": str(row["title_html"]), "snippet": str(row["snippet"]),
                      "snippet_text": row["snippet"].striptags(), "together": bool(row["together"]),
                      "reading_url": datasette.absolute_url(request, datasette.urls.row(row["database"], "articles", row["id"]))}
                     for row in results],
        })
    # Counting every match per month and site costs about 1 s per million articles a broad search finds:
    # past the cap the page leaves the chart to a click (``&mentions=1``) and the downloads, so it stays fast.
    if timed_out or (total.at_least and request.args.get("mentions") != "1"):
        mentions = Mentions(left_out=not timed_out)
    else:
        mentions = await count_within_limit(datasette, asked)
    choices = await form_choices(dbs)
    return Response.html(await datasette.render_template("search.html", {
        **choices, **asked.asked, **downloads, "sort": order, "notes": notes,
        "query": query, "results": results, "total": total,
        "total_at_least": total.at_least, "page": page, "next_url": more,
        "first_rank": (page - 1) * PAGE_SIZE + 1, "json_url": asked.url("/-/search.json"), "mentions": mentions,
        "chart": mentions_chart(mentions), "draw_mentions_url": asked.url("/-/search") + "&mentions=1",
        "mentions_note": timed_out_note(limit_ms, "Counting the mentions"),
    }, request=request))


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "index":
        async def home_form():
            return {**await form_choices(await archive_databases(datasette)), "q": "", "sort": "relevance"}
        return home_form
    return {}


@hookimpl
def register_facet_classes():
    return [SharedFacet]


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt), (r"^/-/search(?P<format>\.json)?$", search_page),
            *MENTIONS_ROUTES, *reading.ROUTES, *versions.ROUTES, *capture_view.ROUTES]


async def robots_txt():
    return Response.text(ROBOTS)


@hookimpl
def handle_exception(datasette, request, exception):
    """A DatasetteError left at its default status (500) is a parameter Datasette rejected: answer 400.

    Datasette 0.65 raises those only for ``_sort``/``_sort_desc`` on a column
    it cannot sort by (or both at once) and for a ``_through`` with no foreign
    key; every other DatasetteError carries its own status. Its own handler,
    called after this one, renders the page with the status set here.
    """
    if isinstance(exception, DatasetteError) and exception.status == 500:
        exception.status = 400


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guard_and_add_bom(scope, receive, send):
            query = scope.get("query_string", b"")
            refused = refusal(scope["method"], scope["path"], query.decode("latin-1")) \
                if scope.get("type") == "http" else None
            if refused is not None:
                await refused.asgi_send(send)
                return
            wants_bom = scope.get("type") == "http" and scope.get("path", "").endswith(".csv") and re.search(
                rb"(?:^|&)_bom=(?:1|on|true)(?:&|$)", query)
            if not wants_bom:
                await app(scope, receive, send)
                return
            first_body = True

            async def send_with_bom(message):
                nonlocal first_body
                if message["type"] == "http.response.start":
                    message = {**message, "headers": [
                        (name, value) for name, value in message.get("headers", []) if name.lower() != b"content-length"
                    ]}
                elif message["type"] == "http.response.body" and first_body:
                    first_body = False
                    message = {**message, "body": UTF8_BOM + message.get("body", b"")}
                await send(message)

            await app(scope, receive, send_with_bom)

        return guard_and_add_bom

    return wrap
