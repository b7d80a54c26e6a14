"""Datasette plugin for the archive: reading view, search helper, downloads, robots.

- ``/-/search``: the search page (templates/search.html) — words with
  diacritics matched as typed, without them folded, phrase matches first,
  relevance or date order, highlighted snippets, date, site and province
  filters; a malformed query is repaired and the page says how it was read
  (scraper/archive/search.py); the home page carries its form;
  ``/-/search.json`` gives the same page as JSON;
- ``search_terms(text)`` (SQL function): turns what a researcher types into
  an FTS5 query of quoted words, so canned queries accept ordinary words;
- the article row page becomes a reading view (templates/row-archive-articles.html)
  fed by ``extra_template_vars``; stored HTML is sanitised again when rendered;
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
from datetime import date
from functools import lru_cache

from datasette import hookimpl
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from ..archive import search
from ..extract.sanitise import sanitise_html
from ..sites import load_registry
from .facets import SharedFacet
from .guard import refusal

_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
UTF8_BOM = "\ufeff".encode("utf-8")
ROBOTS = """User-agent: *
Disallow: /*.csv
Disallow: /*.json
Disallow: /*?sql=
Disallow: /*_search=
Disallow: /-/search
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
    env.filters["sanitised"] = lambda html: Markup(sanitise_html(html or ""))
    env.filters["safe_url"] = safe_url


@lru_cache(maxsize=1)
def provinces() -> dict[str, list[str]]:
    """Province -> the domains of the registry's sites in it."""
    found: dict[str, list[str]] = {}
    for site in load_registry().values():
        if site.province:
            found.setdefault(site.province, []).extend(site.domains)
    return dict(sorted(found.items()))


def archive_database(datasette):
    """The published archive: the first database with an articles table."""
    return next(db for name, db in datasette.databases.items() if name != "_internal")


# The sites, one index seek each (a DISTINCT reads every entry of the site index).
DISTINCT_SITES = (
    "WITH RECURSIVE s(site) AS (SELECT min(site) FROM articles UNION ALL "
    "SELECT (SELECT min(site) FROM articles WHERE site > s.site) FROM s WHERE s.site IS NOT NULL) "
    "SELECT site FROM s WHERE site IS NOT NULL"
)


async def form_choices(db) -> dict:
    sites = [row[0] for row in (await db.execute(DISTINCT_SITES)).rows]
    return {"search_sites": sites,
            "search_provinces": [name for name, domains in provinces().items() if set(domains) & set(sites)]}


PAGE_SIZE = 20


def _day(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


async def search_page(datasette, request):
    """The search page: results of ``q`` with snippets, filtered and ordered as asked."""
    args = request.args
    query = search.parse(args.get("q"))
    db = archive_database(datasette)
    where, filters, notes = [], {}, list(query.notes)
    for name, bound in (("from", ">="), ("to", "<=")):
        value = (args.get(name) or "").strip()
        if value and _day(value) is None:
            notes.append(f"The date {value!r} was ignored: dates are written YYYY-MM-DD.")
        elif value:
            where.append(f"substr(a.published_at, 1, 10) {bound} :{name}")
            filters[name] = _day(value)
    site = args.get("site") or ""
    if site:
        where.append("a.site = :site")
        filters["site"] = site
    province = args.get("province") or ""
    if province:
        domains = provinces().get(province, [])
        where.append(f"a.site IN ({', '.join(f':province{i}' for i in range(len(domains))) or 'NULL'})")
        filters.update({f"province{i}": domain for i, domain in enumerate(domains)})
    order = "date" if args.get("sort") == "date" else "relevance"
    try:
        page = max(int(args.get("page") or 1), 1)
    except ValueError:
        page = 1
    limit_ms = datasette.setting("sql_time_limit_ms")

    def run(conn):
        with sqlite_timelimit(conn, limit_ms):
            return search.run(conn, query, " AND ".join(where), filters, order, PAGE_SIZE, (page - 1) * PAGE_SIZE)

    try:
        results, total = await db.execute_fn(run)
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        results, total = [], search.MatchCount(0)
        notes.append(f"The search took longer than this server allows ({limit_ms / 1000:g} s): "
                     "add words, a site or a date range.")
    if request.url_vars.get("format"):
        return Response.json({
            "query": query.text, "read_as": query.reading, "notes": notes, "sort": order, "total": total,
            "total_at_least": total.at_least,
            "page": page, "rows": [{**row, "title_html": str(row["title_html"]), "snippet": str(row["snippet"]),
                                    "together": bool(row["together"])} for row in results],
        })
    choices = await form_choices(db)
    more = request.path + "?" + urllib.parse.urlencode(
        {**dict(urllib.parse.parse_qsl(request.query_string)), "page": page + 1}) if page * PAGE_SIZE < total else None
    return Response.html(await datasette.render_template("search.html", {
        **choices, "database": db.name, "q": args.get("q") or "", "from": args.get("from") or "",
        "to": args.get("to") or "", "site": site, "province": province, "sort": order, "notes": notes,
        "query": query, "results": results, "total": total, "total_at_least": total.at_least,
        "page": page, "next_url": more,
        "first_rank": (page - 1) * PAGE_SIZE + 1,
    }, request=request))


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "index":
        async def home_form():
            return {**await form_choices(archive_database(datasette)), "q": "", "sort": "relevance"}
        return home_form
    if view_name != "row" or table != "articles" or request is None:
        return {}

    async def article_parts():
        article_id = request.url_vars.get("pks", "")
        db = datasette.get_database(database)
        images = await db.execute(
            "SELECT src, alt, caption FROM images WHERE article_id = ? ORDER BY position", [article_id])
        attachments = await db.execute(
            "SELECT url, title, type FROM attachments WHERE article_id = ? ORDER BY position", [article_id])
        capture = await db.execute(
            "SELECT id, fetched_at FROM captures WHERE article_id = ? ORDER BY last_fetched_at DESC LIMIT 1", [article_id])
        versions = await db.execute("SELECT count(*) FROM article_versions WHERE article_id = ?", [article_id])
        return {
            "article_images": [dict(row) for row in images.rows],
            "article_attachments": [dict(row) for row in attachments.rows],
            "article_capture": dict(capture.first()) if capture.first() else None,
            "article_version_count": versions.first()[0],
        }

    return article_parts


@hookimpl
def register_facet_classes():
    return [SharedFacet]


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt), (r"^/-/search(?P<format>\.json)?$", search_page)]


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
