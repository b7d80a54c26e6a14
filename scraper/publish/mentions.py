"""Mentions over time: how many articles a search finds, per month and per site.

Media Cloud calls it the attention chart: for any search (the same words,
diacritics rules and date/site/province filters as the search page), one
grouped statement counts the matches by ``published_month`` and ``site``,
under Datasette's SQL time limit (a search matching much of the archive
reads the (site, published_month) index instead of every matching row).
Months run from the first to the last with a match, in date order; a month
without any match for a site counts 0. Articles without a publication date
are counted apart (``undated``).

The search page draws it as an inline SVG line chart, one line per site
(no script, so it works offline and under ``serve --public``);
``/-/search/mentions.csv`` and ``/-/search/mentions.json`` give the numbers
(``?_bom=1`` on the CSV adds a byte order mark, plugin.py).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import dataclass, field

from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Response

from ..archive.search import capped_match_count, match_sql
from .search_request import SearchRequest, archive_databases, read, timed_out_note

CSV_COLUMNS = ("month", "site", "articles")


@dataclass
class Mentions:
    """Matching articles per (month, site), months in date order with the empty ones filled in."""

    months: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    undated: dict[str, int] = field(default_factory=dict)
    timed_out: bool = False
    left_out: bool = False  # not counted for the page: the search has more than MATCH_CAP matches

    def rows(self) -> list[tuple[str, str, int]]:
        """(month, site, articles) for every month and site, 0 included."""
        return [(month, site, self.counts.get((month, site), 0)) for month in self.months for site in self.sites]

    def series(self, site: str) -> list[int]:
        return [self.counts.get((month, site), 0) for month in self.months]


# A search matching more than this share of the archive is counted by scanning the (site,
# published_month) index, which holds all the statement needs, checking each rowid against the
# matches; fewer matches are each looked up in the articles table. At 200,000 articles the
# scan takes 40-380 ms whatever the search, the look-ups 0.2 ms for 25 matches and 820 ms for 190,000.
BROAD_SHARE = 8  # 1/8 of the articles


def mentions_sql(request: SearchRequest, broad: bool = False) -> tuple[str, dict]:
    """(SQL, parameters): matches grouped by month and site, undated ones under month NULL.

    ``broad``: a search matching much of the archive, read through the covering index (``+``
    keeps SQLite from looking each match up by rowid); not with a date filter, which needs
    ``published_at`` from every row anyway."""
    through_index = broad and not {"from", "to"} & set(request.filters)
    match, params = match_sql(request.query, "+a.rowid" if through_index else "a.rowid")
    condition = " AND ".join(part for part in (match, request.condition) if part)
    return (f"SELECT a.published_month, a.site, count(*) FROM articles a WHERE {condition} "
            "GROUP BY a.published_month, a.site", {**params, **request.filters})


def is_broad(conn: sqlite3.Connection, request: SearchRequest) -> bool:
    """Whether the search may match more than 1/BROAD_SHARE of the articles (counted no further)."""
    cap = (conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0) // BROAD_SHARE + 1
    return capped_match_count(conn, request.query, cap) >= cap


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_rows(conn: sqlite3.Connection, request: SearchRequest) -> list[tuple[str | None, str, int]]:
    """(month, site, articles) of a search with words in one archive database, undated under month None."""
    sql, params = mentions_sql(request, is_broad(conn, request))
    return conn.execute(sql, params).fetchall()


def combined(parts: list[list[tuple[str | None, str, int]]]) -> Mentions:
    """Mentions from (month, site, articles) rows of one or more archive parts, counts summed."""
    found = Mentions()
    for rows in parts:
        for month, site, articles in rows:
            if month:
                found.counts[(month, site)] = found.counts.get((month, site), 0) + articles
            else:
                found.undated[site] = found.undated.get(site, 0) + articles
    dated = sorted({month for month, _ in found.counts})
    found.months = months_between(dated[0], dated[-1]) if dated else []
    found.sites = sorted({site for _, site in found.counts})
    return found


async def count_within_limit(datasette, request: SearchRequest) -> Mentions:
    """The mentions of a search over every archive database (the parts of a split archive summed), under
    the server's SQL time limit; ``timed_out`` set if it was stopped; nothing when it has no words."""
    limit_ms = datasette.setting("sql_time_limit_ms")
    if not request.query.words:
        return Mentions()

    def run(conn):
        with sqlite_timelimit(conn, limit_ms):
            return monthly_rows(conn, request)

    try:
        return combined([await db.execute_fn(run) for db in await archive_databases(datasette)])
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return Mentions(timed_out=True)


# Chart geometry (SVG user units) and the colours of the lines, cycled, dashed after the first round.
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 760, 260, 48, 12, 12, 40
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
MAX_MONTH_LABELS = 12
MAX_POINTS = 1200  # above this many (month, site) points, lines only: the page stays small


def nice_top(value: int) -> int:
    """The y axis's top: 1, 2 or 5 times a power of ten, at least ``value``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def chart(mentions: Mentions) -> dict:
    """What templates/_mentions_chart.html draws: axes, ticks and one line per site."""
    months, top = mentions.months, nice_top(max([1, *mentions.counts.values()]))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return round(LEFT + (plot_width * (i + 0.5) / len(months)), 1)

    def y(value: int) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    every = max(1, -(-len(months) // MAX_MONTH_LABELS))
    with_points = len(months) * len(mentions.sites) <= MAX_POINTS
    series = []
    for n, site in enumerate(mentions.sites):
        values = mentions.series(site)
        series.append({
            "site": site, "colour": COLOURS[n % len(COLOURS)], "dashed": n >= len(COLOURS), "total": sum(values),
            "points": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values)),
            "dots": [{"x": x(i), "y": y(v), "month": months[i], "articles": v} for i, v in enumerate(values)]
            if with_points else [],
        })
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM,
        "y_ticks": [{"value": v, "y": y(v)} for v in (sorted({0, top // 2, top}) if top % 2 == 0 else (0, top))],
        "x_labels": [{"month": m, "x": x(i)} for i, m in enumerate(months) if i % every == 0],
        "series": series,
    }


def as_csv(mentions: Mentions) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(mentions.rows())
    return out.getvalue()


def as_json(mentions: Mentions, request: SearchRequest) -> dict:
    return {
        "query": request.query.text, "read_as": request.query.reading, "notes": request.notes,
        "months": mentions.months, "sites": mentions.sites,
        "rows": [dict(zip(CSV_COLUMNS, row)) for row in mentions.rows()],
        "undated": mentions.undated,
    }


async def mentions_download(datasette, request):
    """``/-/search/mentions.csv`` and ``.json``: the numbers behind the chart; 503 when the count timed out."""
    asked = read(request.args)
    mentions = await count_within_limit(datasette, asked)
    as_json_file = request.url_vars["format"] == "json"
    if mentions.timed_out:
        message = timed_out_note(datasette.setting("sql_time_limit_ms"), "Counting the mentions")
        if as_json_file:
            return Response.json({"ok": False, "error": message, "status": 503}, status=503)
        return Response.text(message + "\n", status=503)
    if as_json_file:
        return Response.json(as_json(mentions, asked))
    return Response(as_csv(mentions), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="mentions.csv"'})


ROUTES = [(r"^/-/search/mentions\.(?P<format>csv|json)$", mentions_download)]
