"""Facets counted together: one SQL statement for all of a table's facet columns.

Datasette's column facets run one statement per column, and each statement
evaluates the page's whole query again: on a search that is the full-text
match and one row look-up per match, six times for the archive's six
facets. ``SharedFacet`` reads the matching rows once (a materialised common
table expression) and counts every configured column from it, so a search
page costs about one facet instead of six. It is configured in metadata.yml
as ``facets: [{shared: [site, category, ...]}]`` and renders exactly like
column facets; facets added from the page (``?_facet=column``) stay
Datasette's own.

Periods (year, month) are listed newest first, as a researcher reads a
time line, not by count; 0/1 flags read "no" and "yes".

Facets are counted for pages of at most ``MAX_FACET_ROWS`` rows (a
selective search): a broad search on a large archive would read every
match. Past it the facets are skipped, and the page's line of facets not
shown ("These facets timed out: ...") says why; in JSON, facet_results is
empty (Datasette 0.65 leaves that line out of JSON).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_removed_args

from ..archive.search import MATCH_CAP

MAX_FACET_ROWS = MATCH_CAP


NEWEST_FIRST = {"published_year", "published_month"}
YES_NO = {"has_attachments", "removed"}
YES_NO_LABELS = {0: "no", 1: "yes"}


class SharedFacet(Facet):
    type = "shared"

    def columns(self) -> list[str]:
        columns: list[str] = []
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            if isinstance(config, dict):  # one column: ?_facet_shared=column, or its JSON form
                columns.append(config.get("column") or config["simple"])
            else:  # metadata.yml's list of columns
                columns += config
        return list(dict.fromkeys(columns))

    def counts_sql(self, columns: list[str], limit: int) -> str:
        """One statement: the query's rows once, then the top ``limit`` values of each column."""
        selected = ", ".join(escape_sqlite(column) for column in columns)
        per_column = [
            f"select * from (select {index} as facet, {escape_sqlite(column)} as value, count(*) as count "
            f"from matched where {escape_sqlite(column)} is not null group by value "
            f"order by {'value desc' if column in NEWEST_FIRST else 'count desc, value'} limit {limit})"
            for index, column in enumerate(columns)
        ]
        return (f"with matched as materialized (select {selected} from ({self.sql})) "
                + " union all ".join(per_column))

    async def facet_results(self):
        columns = self.columns()
        if not columns:
            return [], []
        facet_size = self.get_facet_size()
        try:
            if await self.too_many_rows():
                return [], [f"{', '.join(columns)} (not counted: more than {MAX_FACET_ROWS:,} rows; narrow the search)"]
            counted = await self.ds.execute(
                self.database, self.counts_sql(columns, facet_size + 1), self.params,
                truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        except QueryInterrupted:
            return [], columns
        rows_by_column: dict[str, list] = {column: [] for column in columns}
        for row in counted.rows:
            rows_by_column[columns[row["facet"]]].append(row)
        querystring = self.get_querystring_pairs()
        linked = {fk["column"] for fk in await self.ds.databases[self.database].foreign_keys_for_table(self.table)} \
            if self.table else set()
        add_link = self.link_adding()
        results = []
        for column, rows in rows_by_column.items():
            labels = {}
            if column in YES_NO:
                labels = {(column, value): label for value, label in YES_NO_LABELS.items()}
            elif column in linked:  # label values by the table they point to, as Datasette's column facets do
                values = [row["value"] for row in rows[:facet_size]]
                labels = await self.ds.expand_foreign_keys(self.database, self.table, column, values)
            results.append({
                "name": column,
                "type": "column",
                "hideable": False,
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                "results": [self.value_result(column, row, labels, querystring, add_link) for row in rows[:facet_size]],
                "truncated": len(rows) > facet_size,
            })
        return results, []

    async def too_many_rows(self) -> bool:
        """Whether the page's query has more than MAX_FACET_ROWS rows, counting no further."""
        capped = f"select count(*) from (select 1 from ({self.sql}) limit {MAX_FACET_ROWS + 1})"
        counted = await self.ds.execute(self.database, capped, self.params,
                                        custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        return counted.first()[0] > MAX_FACET_ROWS

    def link_adding(self):
        """A function (argument, value) -> this page's absolute URL with ``argument=value`` added.

        The same URL as Datasette's ``path_with_added_args`` + ``absolute_url``,
        with the current query string encoded once instead of once per value:
        a search page has up to 180 facet values."""
        current = urlencode(parse_qsl(self.request.query_string))
        page = self.ds.absolute_url(self.request, self.ds.urls.path(self.request.path))

        def add(argument: str, value) -> str:
            added = urlencode([(argument, value)])
            return f"{page}?{current}&{added}" if current else f"{page}?{added}"

        return add

    def value_result(self, column: str, row, labels: dict, querystring: list, add_link) -> dict:
        """One facet value with the link that adds or removes it as a filter."""
        argument = f"{column}__exact" if column.startswith("_") else column
        selected = (argument, str(row["value"])) in querystring
        if selected:
            toggle = self.ds.absolute_url(self.request, self.ds.urls.path(
                path_with_removed_args(self.request, {argument: str(row["value"])})))
        else:
            toggle = add_link(argument, row["value"])
        return {
            "value": row["value"],
            "label": labels.get((column, row["value"]), row["value"]),
            "count": row["count"],
            "toggle_url": toggle,
            "selected": selected,
        }
