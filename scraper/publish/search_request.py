"""What a search URL asks for: the words, the date/site/province filters and the order.

The search page, its mentions chart and its downloads all read the same
query string here, so a chart or a CSV always counts exactly what the page
found (scraper/archive/search.py reads the words).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..archive import search
from ..sites import load_registry

# The query-string parameters a search is made of (``page`` is only the page shown).
SEARCH_PARAMETERS = ("q", "from", "to", "site", "province", "sort")


@lru_cache(maxsize=1)
def provinces() -> dict[str, list[str]]:
    """Province -> the domains of the registry's sites in it."""
    found: dict[str, list[str]] = {}
    for site in load_registry().values():
        if site.province:
            found.setdefault(site.province, []).extend(site.domains)
    return dict(sorted(found.items()))


async def archive_databases(datasette) -> list:
    """Every served database with an articles table, in the order served: the archive, or the parts of a
    split archive (parts.py merges a search across them)."""
    return [db for name, db in datasette.databases.items()
            if name != "_internal" and await db.table_exists("articles")]


def _day(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


@dataclass
class SearchRequest:
    """A search as asked: the parsed words, SQL conditions on ``a`` (articles) with their parameters."""

    query: search.Query
    asked: dict[str, str]
    where: list[str] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def order(self) -> str:
        return "date" if self.asked.get("sort") == "date" else "relevance"

    @property
    def condition(self) -> str:
        return " AND ".join(self.where)

    def url(self, path: str) -> str:
        """``path`` with this search's parameters (those given), for a link to the same search elsewhere."""
        given = {name: value for name, value in self.asked.items() if value}
        return path + ("?" + urllib.parse.urlencode(given) if given else "")


def read(args) -> SearchRequest:
    """The search a request's query string asks for; dates that are not YYYY-MM-DD are ignored with a note."""
    asked = {name: args.get(name) or "" for name in SEARCH_PARAMETERS}
    request = SearchRequest(search.parse(asked["q"]), asked)
    request.notes.extend(request.query.notes)
    for name, bound in (("from", ">="), ("to", "<=")):
        value = asked[name].strip()
        if value and _day(value) is None:
            request.notes.append(f"The date {value!r} was ignored: dates are written YYYY-MM-DD.")
        elif value:
            request.where.append(f"substr(a.published_at, 1, 10) {bound} :{name}")
            request.filters[name] = _day(value)
    if asked["site"]:
        request.where.append("a.site = :site")
        request.filters["site"] = asked["site"]
    if asked["province"]:
        domains = provinces().get(asked["province"], [])
        request.where.append(f"a.site IN ({', '.join(f':province{i}' for i in range(len(domains))) or 'NULL'})")
        request.filters.update({f"province{i}": domain for i, domain in enumerate(domains)})
    return request


def timed_out_note(limit_ms: float, what: str = "The search") -> str:
    return f"{what} took longer than this server allows ({limit_ms / 1000:g} s): add words, a site or a date range."
