"""Search benchmark: Datasette's JSON API vs the same FTS query run directly in SQLite.

Usage: python bench/search_bench.py [--db PATH] [--articles 200000] [--seed 1] [--runs 30] [--investigate]

Makes the archive with bench/make_archive.py if PATH does not exist, starts
a real Datasette server with ``scraper.cli.datasette_command`` (our
metadata.yml and settings) on a free port, and for each query measures, in
the same run and interleaved:

- direct: the SQL Datasette 0.65 runs for ``?_search=`` on ``articles``
  (fts_table articles_fts, fts_pk rowid, sort_desc published_at, page size
  50 + 1), on a read-only connection with Datasette's ``escape_fts``: the
  rows query and the count query, one after the other;
- Datasette: ``GET /archive/articles.json?_search=...&_shape=objects`` on a
  kept-alive connection, which also counts the table's six facets (one
  shared statement, scraper/publish/facets.py; suggested facets are off);
- the search page: ``GET /-/search?q=...`` (scraper/archive/search.py: words
  with diacritics matched as typed, phrase matches first, then bm25; the
  page of 20 with highlighted snippets and the total, counted up to
  ``search.MATCH_CAP`` and then "more than"), and the same page ordered by
  date (``&sort=date``); and the same searches run directly
  (``search.run`` on one connection, no HTTP);
- mentions over time: ``GET /-/search/mentions.json?q=...`` (matches per
  month and site, one grouped statement, scraper/publish/mentions.py).

``--public`` serves with ``govnews serve --public``'s settings (1 s time
limit); a search page that hit the limit is counted in the "over the limit"
column.

``--investigate`` adds where the Datasette time goes (``?_trace=1`` on a
second server with ``trace_debug`` on) and the options measured: query
string switches (``_nofacet``, ``_nocount``), server settings, and other
SQL for the same search (count from the FTS table alone, a capped count,
forced query plans, sorting by rank).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datasette.utils import escape_fts  # noqa: E402

from bench import make_archive  # noqa: E402
from scraper.archive import search  # noqa: E402
from scraper.cli import datasette_command  # noqa: E402
from scraper.publish.plugin import tune_for_reading  # noqa: E402

ADAPTIVE_THRESHOLD = 5000  # matches above which walking the published_at index beats sorting the matches
PAGE_SIZE = 50  # metadata.yml: articles size 50; Datasette asks for one more row to know there is a next page

# What a reader types. Datasette's escape_fts quotes each word: every word must appear, anywhere
# (a name is not a phrase unless typed in double quotes). The class printed comes from the matches.
QUERIES = [
    "Giàng Seo Phử",  # a person (needle), with diacritics
    "giang seo phu",  # the same without
    '"Đặng Ngọc Hậu"',  # a person (needle) as a phrase, with diacritics
    '"dang ngoc hau"',  # the same without
    "Đặng Ngọc Hậu",  # the same name as three words
    "Pá Vầy Sủ",  # a rare place (needle)
    "cáp treo",  # a rare two-word term (needle)
    "Mường Lát",  # a district
    "xuất khẩu lao động",
    "thủy điện",
    "chuyen doi so",
    "phát triển",  # broad: very common words
    "phat trien",
    "kinh tế xã hội",
    "năm",
]


def query_class(share: float) -> str:
    return "rare" if share < 0.01 else "medium" if share < 0.10 else "common" if share < 0.5 else "broad"


def table_sql(columns: list[str], order_by: str = "published_at desc") -> tuple[str, str]:
    """The rows and count SQL of Datasette 0.65's table view for ``?_search=`` (views/table.py, filters.py)."""
    where = "where rowid in (select rowid from articles_fts where articles_fts match escape_fts(:search)) "
    from_sql = f"from articles {where}"
    rows = f"select {', '.join(columns)} from articles {where}order by {order_by} limit {PAGE_SIZE + 1}"
    return rows, f"select count(*) {from_sql}"


# Other SQL for the same search, for --investigate.
FTS_MATCH = "select rowid from articles_fts where articles_fts match escape_fts(:search)"
ALTERNATIVES = {
    "count from articles_fts alone": "select count(*) from articles_fts where articles_fts match escape_fts(:search)",
    "count capped at 1,001": f"select count(*) from ({FTS_MATCH} limit 1001)",
    "rows, plan: published_at index": None,  # filled in with the column list
    "rows, plan: FTS first, then sort": None,
    "rows by rank (bm25)": None,
    "rows, two steps: sort keys, then 51 rows": None,
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)

    def add(self, seconds: float) -> None:
        self.samples.append(seconds * 1000)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)


class Server:
    """A real Datasette process on a free port, with one kept-alive HTTP connection."""

    def __init__(self, db: Path, extra_settings: dict[str, str] | None = None, public: bool = False):
        from tests.conftest import free_port, wait_for_http

        self.port = free_port()
        command = datasette_command(str(db), self.port, public=public)
        for name, value in (extra_settings or {}).items():
            command += ["--setting", name, value]
        self.command = command
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            wait_for_http(f"http://127.0.0.1:{self.port}/-/versions.json", timeout=120)
        except OSError:
            self.close()
            raise
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.conn.request("GET", path)
            response = self.conn.getresponse()
        return response.status, response.read()

    def close(self) -> None:
        self.conn.close() if hasattr(self, "conn") else None
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def served_path(db: Path) -> Path:
    """metadata.yml configures the database named "archive": serve the file under that name."""
    if db.name == "archive.db":
        return db
    folder = Path(tempfile.mkdtemp(prefix="govnews-search-"))
    (folder / "archive.db").symlink_to(db.resolve())
    return folder / "archive.db"


def search_path(query: str, extra: str = "", table: str = "articles.json", shape: str = "objects") -> str:
    params = {"_search": query}
    if shape:
        params["_shape"] = shape
    path = f"/archive/{table}?{urllib.parse.urlencode(params)}"
    return path + (f"&{extra}" if extra else "")


def time_http(server: Server, path: str, timing: Timing) -> dict | None:
    start = time.perf_counter()
    status, body = server.get(path)
    timing.add(time.perf_counter() - start)
    if not path.split("?")[0].endswith(".json"):
        found = re.search(rb'class="search-count">(More than )?([\d,]+) article', body)
        return {"status": status, "found": (b">" if found.group(1) else b"") + found.group(2) if found else None,
                "over_limit": b"took longer than this server allows" in body}
    data = json.loads(body)
    data["status"] = status
    return data


def time_sql(conn: sqlite3.Connection, statements: list[str], query: str, timing: Timing) -> list:
    start = time.perf_counter()
    results = [conn.execute(sql, {"search": query}).fetchall() for sql in statements]
    timing.add(time.perf_counter() - start)
    return results


def time_search(conn: sqlite3.Connection, query: str, order: str, timing: Timing) -> None:
    """The search page's work without HTTP: parse, the bounded ranking and count, 20 rows with snippets."""
    start = time.perf_counter()
    search.run(conn, search.parse(query), order=order)
    timing.add(time.perf_counter() - start)


def open_direct(db: Path) -> sqlite3.Connection:
    """A read-only connection like Datasette's: mode=ro, escape_fts, and our plugin's cache and mmap pragmas."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, escape_fts)
    tune_for_reading(conn)
    return conn


@dataclass
class Result:
    kind: str
    query: str
    matches: int | None = None
    direct_rows: Timing = field(default_factory=Timing)
    direct_count: Timing = field(default_factory=Timing)
    direct: Timing = field(default_factory=Timing)  # rows + count, as one sample
    datasette: Timing = field(default_factory=Timing)
    ranked: Timing = field(default_factory=Timing)  # the search page, by relevance, with snippets
    ranked_by_date: Timing = field(default_factory=Timing)
    mentions: Timing = field(default_factory=Timing)  # /-/search/mentions.json
    ranked_matches: str | None = None  # as the page says it: "1,234" or ">10,000"
    ranked_direct: Timing = field(default_factory=Timing)  # search.run on one connection, by relevance
    ranked_direct_by_date: Timing = field(default_factory=Timing)
    over_limit: int = 0  # search pages (either order) that stopped at the server's time limit
    api_count: int | None = None
    api_status: set = field(default_factory=set)
    facets: int = 0  # facets in the last response (a facet that timed out is left out)
    extra: dict = field(default_factory=dict)


def measure(db: Path, server: Server, runs: int, warmup: int, queries) -> list[Result]:
    conn = open_direct(db)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    rows_sql, count_sql = table_sql(columns)
    results = []
    total = conn.execute("select count(*) from articles").fetchone()[0]
    for query in queries:
        result = Result("", query)
        path = search_path(query)
        page = "/-/search?" + urllib.parse.urlencode({"q": query})
        mentions = "/-/search/mentions.json?" + urllib.parse.urlencode({"q": query})
        for _ in range(warmup):
            time_sql(conn, [rows_sql, count_sql], query, Timing())
            time_http(server, path, Timing())
            time_http(server, page, Timing())
            time_http(server, page + "&sort=date", Timing())
            time_http(server, mentions, Timing())
            time_search(conn, query, "relevance", Timing())
        for _ in range(runs):
            rows, count = time_sql(conn, [rows_sql], query, result.direct_rows)[0], \
                time_sql(conn, [count_sql], query, result.direct_count)[0]
            time_sql(conn, [rows_sql, count_sql], query, result.direct)
            data = time_http(server, path, result.datasette)
            result.api_status.add(data["status"])
            result.api_count = data.get("filtered_table_rows_count")
            result.facets = len(data.get("facet_results") or {})
            ranked = time_http(server, page, result.ranked)
            result.api_status.add(ranked["status"])
            result.ranked_matches = ranked["found"].decode() if ranked["found"] else None
            by_date = time_http(server, page + "&sort=date", result.ranked_by_date)
            result.api_status.add(by_date["status"])
            result.over_limit += ranked["over_limit"] + by_date["over_limit"]
            time_search(conn, query, "relevance", result.ranked_direct)
            time_search(conn, query, "date", result.ranked_direct_by_date)
            result.api_status.add(time_http(server, mentions, result.mentions)["status"])
        result.matches = count[0][0]
        result.kind = query_class(result.matches / total)
        result.extra["rows"] = len(rows)
        results.append(result)
        print(f"  {query!r}: {result.matches:,} matches, direct {result.direct.p50:.1f} ms, "
              f"Datasette {result.datasette.p50:.1f} ms, search page {result.ranked.p50:.1f} ms",
              file=sys.stderr, flush=True)
    conn.close()
    return results


def main_table(results: list[Result], total: int) -> str:
    lines = [
        "| query | class | matches | % of articles | direct rows p50 | direct rows+count p50 / p95 ms "
        "| Datasette JSON p50 / p95 ms | ratio p50 (p95) | facets shown "
        "| search page: matches | by relevance, snippets p50 / p95 ms | by date p50 / p95 ms "
        "| search.run direct, relevance / date p50 (p95) ms | over the limit | mentions per month p50 / p95 ms |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        note = "" if r.api_status == {200} else f" (HTTP {','.join(map(str, sorted(r.api_status)))})"
        count_note = "" if r.api_count == r.matches else f" (API count: {r.api_count})"
        lines.append(
            f"| `{r.query}` | {r.kind} | {r.matches:,}{count_note} | {100 * r.matches / total:.2f}% "
            f"| {r.direct_rows.p50:.1f} | {r.direct.p50:.1f} / {r.direct.p95:.1f} "
            f"| {r.datasette.p50:.1f} / {r.datasette.p95:.1f}{note} "
            f"| {r.datasette.p50 / r.direct.p50:.1f}x ({r.datasette.p95 / r.direct.p95:.1f}x) | {r.facets} "
            f"| {r.ranked_matches or '?'} | {r.ranked.p50:.1f} / {r.ranked.p95:.1f} "
            f"| {r.ranked_by_date.p50:.1f} / {r.ranked_by_date.p95:.1f} "
            f"| {r.ranked_direct.p50:.1f} ({r.ranked_direct.p95:.1f}) / {r.ranked_direct_by_date.p50:.1f} "
            f"({r.ranked_direct_by_date.p95:.1f}) | {r.over_limit} "
            f"| {r.mentions.p50:.1f} / {r.mentions.p95:.1f} |"
        )
    return "\n".join(lines)


def class_table(results: list[Result]) -> str:
    """Per class of query (by the share of articles matched): the worst p50 and p95 of each way of searching."""
    ways = [("direct SQL (table search)", "direct"), ("Datasette JSON", "datasette"),
            ("search page, relevance", "ranked"), ("search page, date", "ranked_by_date"),
            ("search.run direct, relevance", "ranked_direct"), ("search.run direct, date", "ranked_direct_by_date")]
    lines = ["| class | queries | " + " | ".join(f"{label} p50 / p95 ms (worst)" for label, _ in ways) + " |",
             "|---|--:|" + "--:|" * len(ways)]
    for kind in ("rare", "medium", "common", "broad"):
        members = [r for r in results if r.kind == kind]
        if members:
            cells = [f"{max(getattr(r, name).p50 for r in members):.1f} / {max(getattr(r, name).p95 for r in members):.1f}"
                     for _, name in ways]
            lines.append(f"| {kind} | {len(members)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# --investigate


def classify(sql: str) -> str:
    s = " ".join(sql.split()).lower()
    if s.startswith("select count(*) from articles where"):
        return "count"
    if "order by published_at desc limit" in s or "order by published_at desc, id limit" in s:
        return "rows"
    if "as value, count(*) as count" in s:
        return "facets"
    if s.startswith(("select date(", "select distinct json_type(")) or "as value, count(*) as n" in s \
            or s.endswith("limit 0") or "count(distinct" in s:
        return "suggested facets"
    return "other"  # schema and table look-ups


def trace_breakdown(db: Path, queries, repeats: int = 3) -> list[dict]:
    """Where Datasette spends its time: one traced request per query (median of ``repeats``)."""
    server = Server(db, {"trace_debug": "1"})
    out = []
    seen_sql: dict[str, str] = {}
    try:
        for query in queries:
            # The trace is only added to bodies under 256 KB: ask for 10 rows instead of 50.
            path = search_path(query, "_size=10&_trace=1")
            server.get(path)
            samples = []
            for _ in range(repeats):
                status, body = server.get(path)
                trace = json.loads(body)["_trace"]
                by_kind: dict[str, float] = {}
                counts: dict[str, int] = {}
                for item in trace["traces"]:
                    if item.get("type") != "sql":
                        continue
                    k = classify(item["sql"])
                    if k in ("rows", "count"):
                        seen_sql[k] = item["sql"]
                    by_kind[k] = by_kind.get(k, 0) + item["duration_ms"]
                    counts[k] = counts.get(k, 0) + 1
                samples.append((trace["request_duration_ms"], by_kind, counts))
            samples.sort(key=lambda s: s[0])
            request_ms, by_kind, counts = samples[len(samples) // 2]
            out.append({"query": query, "request_ms": request_ms, "sql_ms": by_kind, "statements": counts})
    finally:
        server.close()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    rows_sql, count_sql = table_sql(columns)
    expected = {"rows": rows_sql.replace(f"limit {PAGE_SIZE + 1}", "limit 11"), "count": count_sql}
    # Datasette's trace records the SQL stripped of surrounding spaces.
    out.append({"sql_check": {k: (seen_sql.get(k) or "").strip() == expected[k].strip() for k in expected}})
    return out


def trace_table(rows: list[dict]) -> str:
    kinds = ["rows", "count", "facets", "suggested facets", "other"]
    lines = ["| query | request ms | " + " | ".join(f"{k} ms (statements)" for k in kinds) + " |",
             "|---|--:|" + "--:|" * len(kinds)]
    for row in rows:
        if "sql_check" in row:
            continue
        cells = [f"{row['sql_ms'].get(k, 0):.1f} ({row['statements'].get(k, 0)})" for k in kinds]
        lines.append(f"| `{row['query']}` | {row['request_ms']:.1f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


HTTP_VARIANTS = [
    ("as configured (JSON, _shape=objects)", {}, ""),
    ("_nofacet=1", {}, "_nofacet=1"),
    ("_nofacet=1&_nocount=1", {}, "_nofacet=1&_nocount=1"),
    ("setting suggest_facets=off", {"suggest_facets": "off"}, ""),
    ("setting facet_time_limit_ms=50, suggest_facets=off", {"facet_time_limit_ms": "50", "suggest_facets": "off"}, ""),
    ("HTML page (as configured)", {}, "html"),
    ("HTML page, suggest_facets=off, facet_time_limit_ms=50", {"facet_time_limit_ms": "50", "suggest_facets": "off"},
     "html"),
    ("canned query search_in_range (JSON)", {}, "canned"),
]


def variants(db: Path, queries, runs: int, warmup: int, main_server: Server) -> dict:
    """p50/p95 of each query string switch and server setting, per query."""
    out: dict[str, dict[str, Timing]] = {}
    servers: dict[tuple, Server] = {(): main_server}
    try:
        for label, settings, extra in HTTP_VARIANTS:
            key = tuple(sorted(settings.items()))
            if key not in servers:
                servers[key] = Server(db, settings)
            server = servers[key]
            out[label] = {}
            for query in queries:
                if extra == "html":
                    path = search_path(query, table="articles", shape="")
                elif extra == "canned":
                    path = "/archive/search_in_range.json?" + urllib.parse.urlencode(
                        {"q": query, "site": "", "from_date": "", "to_date": "", "_shape": "objects"})
                else:
                    path = search_path(query, extra)
                timing = Timing()
                for _ in range(warmup):
                    time_http(server, path, Timing())
                for _ in range(runs):
                    time_http(server, path, timing)
                out[label][query] = timing
            print(f"  variant {label} done", file=sys.stderr, flush=True)
    finally:
        for key, server in servers.items():
            if key:
                server.close()
    return out


def alternatives(db: Path, queries, runs: int, warmup: int) -> dict:
    conn = open_direct(db)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    select = ", ".join(columns)
    index = conn.execute(
        "select name from pragma_index_list('articles') i where (select group_concat(name) from pragma_index_info(i.name)) = 'published_at'"
    ).fetchone()[0]
    sqls = dict(ALTERNATIVES)
    rows_sql, count_sql = table_sql(columns)
    sqls["rows, as Datasette runs it"] = rows_sql
    sqls["rows, plan: published_at index"] = rows_sql.replace("from articles where", f"from articles indexed by {index} where")
    sqls["rows, plan: FTS first, then sort"] = table_sql(columns, order_by="+published_at desc")[0]
    sqls["rows by rank (bm25)"] = (
        f"select {', '.join('a.' + c for c in columns)} from articles a join "
        f"(select rowid, rank from articles_fts where articles_fts match escape_fts(:search) order by rank limit {PAGE_SIZE + 1}) f "
        f"on a.rowid = f.rowid order by f.rank"
    )
    sqls["rows, two steps: sort keys, then 51 rows"] = (
        f"select {select} from articles where rowid in (select rowid from articles where rowid in ({FTS_MATCH}) "
        f"order by published_at desc limit {PAGE_SIZE + 1}) order by published_at desc"
    )
    sqls["count, as Datasette runs it"] = count_sql
    # One statement that picks its plan: a capped count decides between FTS-first and the date index.
    # SQLite evaluates a WHERE term that uses no table once, before the loop, and skips the branch if false.
    few = f"(select count(*) from ({FTS_MATCH} limit {ADAPTIVE_THRESHOLD})) < {ADAPTIVE_THRESHOLD}"
    sqls["rows, adaptive: one statement, two plans"] = (
        f"select * from (select {select} from articles where {few} and rowid in ({FTS_MATCH}) "
        f"order by +published_at desc limit {PAGE_SIZE + 1}) "
        f"union all select * from (select {select} from articles indexed by {index} where not {few} "
        f"and rowid in ({FTS_MATCH}) order by published_at desc limit {PAGE_SIZE + 1}) "
        f"order by published_at desc"
    )
    for column in ("site", "published_year"):
        sqls[f"facet {column}, as Datasette runs it"] = (
            f"select {column} as value, count(*) as count from (select {select} from articles where rowid in "
            f"({FTS_MATCH}) ) where {column} is not null group by {column} order by count desc, value limit 31"
        )
    plans = {}
    for label in ("rows, as Datasette runs it", "count, as Datasette runs it"):
        plans[label] = [row[3] for row in conn.execute("explain query plan " + sqls[label], {"search": "x"})]
    out: dict[str, dict[str, Timing]] = {label: {} for label in sqls}
    for query in queries:
        for label, sql in sqls.items():
            timing = Timing()
            for _ in range(warmup):
                time_sql(conn, [sql], query, Timing())
            for _ in range(runs):
                time_sql(conn, [sql], query, timing)
            out[label][query] = timing
    conn.close()
    return {"timings": out, "plans": plans, "sql": sqls}


def timing_table(timings: dict[str, dict[str, Timing]], queries, matches: dict[str, int]) -> str:
    """One row per query, one column per variant: p50 / p95 ms."""
    labels = list(timings)
    lines = ["| query | matches | " + " | ".join(labels) + " |", "|---|--:|" + "--:|" * len(labels)]
    for q in queries:
        cells = [f"{timings[label][q].p50:.1f} / {timings[label][q].p95:.1f}" for label in labels]
        lines.append(f"| `{q}` | {matches[q]:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None,
                        help="archive to search (default: a generated one in the temporary folder)")
    parser.add_argument("--articles", type=int, default=200_000, help="articles to generate when --db does not exist")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--public", action="store_true", help="serve with --public's settings (1 s time limit)")
    parser.add_argument("--investigate", action="store_true",
                        help="also: time breakdown from ?_trace=1, query string switches, server settings, other SQL")
    parser.add_argument("--variant-runs", type=int, default=None, help="runs per variant (default: --runs)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"govnews-search-{args.articles}-s{args.seed}" / "archive.db"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.articles:,} articles into {db}", file=sys.stderr)
        info = make_archive.build(db, args.articles, args.seed)
        print(f"generated in {info['seconds']:.1f} s, {info['bytes'] / 2**20:,.0f} MiB", file=sys.stderr)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        total = conn.execute("select count(*) from articles").fetchone()[0]
    size = sum(Path(f"{db}{suffix}").stat().st_size for suffix in ("", "-wal") if Path(f"{db}{suffix}").exists())
    import datasette

    served = served_path(db)
    load_before = os.getloadavg()
    server = Server(served, public=args.public)
    try:
        print(f"Datasette {datasette.__version__} on port {server.port}; SQLite {sqlite3.sqlite_version}", file=sys.stderr)
        results = measure(db, server, args.runs, args.warmup, QUERIES)
        extra = {}
        if args.investigate:
            vruns = args.variant_runs or args.runs
            extra["trace"] = trace_breakdown(served, QUERIES)
            extra["variants"] = variants(served, QUERIES, vruns, args.warmup, server)
            extra["alternatives"] = alternatives(db, QUERIES, vruns, args.warmup)
    finally:
        server.close()

    command = "python bench/search_bench.py " + " ".join(sys.argv[1:])
    print(f"\n`{command.strip()}`: {total:,} articles, {size / 2**30:.2f} GiB, {args.runs} runs after "
          f"{args.warmup} warm-up, Datasette {datasette.__version__}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs. Times in ms. direct = the rows query (page of {PAGE_SIZE}, "
          f"sorted by published_at desc) + the count query Datasette runs, on one connection; "
          f"Datasette = GET /archive/articles.json?_search=...&_shape=objects (includes facets); "
          f"search page = GET /-/search?q=... (20 results with snippets and the total; by relevance, "
          f"then &sort=date).\n")
    load_after = os.getloadavg()
    print(f"Load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in load_after)}. Search page counts stop at "
          f"{search.MATCH_CAP:,} (\">\" = more than).{' Served with --public (1 s limit).' if args.public else ''}\n")
    print(main_table(results, total))
    print()
    print(class_table(results))
    if args.investigate:
        print("\nWhere the Datasette time goes (one ?_trace=1 request, median of 3, _size=10; "
              "facet statements run in parallel, so SQL ms can exceed request ms):\n")
        print(trace_table(extra["trace"]))
        check = extra["trace"][-1]["sql_check"]
        print("\nThe direct rows and count SQL are character for character the SQL Datasette ran: "
              + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in check.items()))
        print("\nDatasette p50 / p95 ms, switches and settings:\n")
        matches = {r.query: r.matches for r in results}
        print(timing_table(extra["variants"], QUERIES, matches))
        print("\nDirect SQL p50 / p95 ms, other SQL for the same search:\n")
        print(timing_table(extra["alternatives"]["timings"], QUERIES, matches))
        print("\nQuery plans:")
        for label, plan in extra["alternatives"]["plans"].items():
            print(f"- {label}: " + "; ".join(plan))
        print("\nSQL:")
        for label, sql in extra["alternatives"]["sql"].items():
            print(f"- {label}: `{sql}`")


if __name__ == "__main__":
    main()
