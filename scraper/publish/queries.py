"""Canned queries as researchers use them: dates and sites as they write them, ids that open the article.

- ``day(text)`` (SQL function): '31/01/2024', '31-1-2024', '31.01.2024'
  (day first, as Vietnamese write dates) or '2024-01-31' -> '2024-01-31';
  anything else -> NULL, so a query filtering on it finds nothing rather
  than silently ignoring the date; the page says why (``query_notes``);
- ``site_domain(text)`` (SQL function): a registry key ('sonla') or one of
  its domains ('www.sonla.gov.vn') -> the domain stored in
  ``articles.site``; anything else is left as typed;
- in query results, an article id (16 hex digits, in a column ``id`` or
  ``article_id``) links to the article's reading view;
- templates/query.html labels each parameter from the query's ``labels:``
  in metadata.yml, and names the browser tab after the query's title.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from datasette import hookimpl
from markupsafe import Markup, escape

from ..sites import UnknownSiteError, get_site

_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ARTICLE_ID = re.compile(r"[0-9a-f]{16}")
DATE_PARAMETERS = ("from_date", "to_date")


def day(text: str | None) -> str | None:
    """The ISO day of a date written dd/mm/yyyy (or with - or .) or yyyy-mm-dd, else None."""
    text = (text or "").strip()
    try:
        if found := _DAY_FIRST.fullmatch(text):
            return date(int(found[3]), int(found[2]), int(found[1])).isoformat()
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


@lru_cache(maxsize=256)
def site_domain(text: str | None) -> str | None:
    """The stored domain of the registry site named by its key or a domain; other text as it is."""
    if not text:
        return text
    try:
        return get_site(text.strip()).domain
    except UnknownSiteError:
        return text


@hookimpl
def prepare_connection(conn):
    conn.create_function("day", 1, day, deterministic=True)
    conn.create_function("site_domain", 1, site_domain, deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    """An article id in query results -> a link to its reading view."""
    if table is None and column in ("id", "article_id") and isinstance(value, str) and _ARTICLE_ID.fullmatch(value):
        href = datasette.urls.row(database, "articles", value)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None


@hookimpl
def extra_template_vars(template, database, request, datasette):
    """On a query page: what in its dates and site was not understood, for the page to say."""
    if not template.startswith("query") or request is None:
        return {}

    async def notes():
        found = []
        for name in DATE_PARAMETERS:
            value = (request.args.get(name) or "").strip()
            if value and day(value) is None:
                found.append(f"The date {value!r} ({name}) was not understood: write it dd/mm/yyyy "
                             "(31/01/2024) or yyyy-mm-dd (2024-01-31).")
        site = (request.args.get("site") or "").strip()
        db = datasette.get_database(database) if database else None
        if site and db and await db.table_exists("articles"):
            known = await db.execute(
                "SELECT 1 FROM articles WHERE site = ? LIMIT 1", [site_domain(site)])
            if not known.rows and site_domain(site) != site:
                found.append(f"The archive holds no article of {site!r} ({site_domain(site)}).")
            elif not known.rows:
                found.append(f"No site {site!r} in the archive or the registry: give a site's registry name "
                             "(such as sonla) or its domain (sonla.gov.vn).")
        return {"query_notes": found}

    return notes
