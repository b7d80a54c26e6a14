"""One search across the parts of a split archive.

Datasette serves several database files in one process (``govnews serve
--db archive-2023.db --db archive-2024.db``, i.e. ``datasette a.db b.db``):
each is its own database, and every one with an ``articles`` table is a part
of the archive. A search runs ``search.run`` on each part (in Datasette's
thread pool, each under the server's time limit) and the pages are merged:

- by relevance: the words together first, then bm25. bm25 weighs a word by
  how rare it is in the part it is counted in, so scores from different
  parts are only approximately comparable: the same articles are found, in
  a nearly but not exactly the same order as in the whole archive;
- by date: newest first, exactly as in the whole archive.

Totals are summed (a part that stopped counting at ``search.MATCH_CAP``
makes the sum "at least"); each result names its part (``database``), so its link
opens the reading view in the right one. Page N asks each part for its
first N pages, so a deep page costs more than a first one: past
``MAX_MERGED_PAGE`` the page has the total and a note, no rows.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools

from datasette.utils import sqlite_timelimit

from ..archive import search

MAX_MERGED_PAGE = 50  # 1,000 results, Datasette's max_returned_rows


def _merge_key(order: str):
    if order == "date":
        return lambda row: row["published_at"] or ""
    return lambda row: (-row["together"], row["score"])


async def search_parts(dbs, query: search.Query, where: str, filters: dict, order: str,
                       page: int, page_size: int, limit_ms: int, notes: list[str]) -> tuple[list[dict], search.MatchCount]:
    """The results of page ``page`` across ``dbs``, each marked with its database, and the total;
    what the reader should know is added to ``notes``."""
    one_part = len(dbs) == 1
    too_deep = not one_part and page > MAX_MERGED_PAGE
    limit, offset = (page_size, (page - 1) * page_size) if one_part else (1 if too_deep else page * page_size, 0)

    async def run_on(db):
        def run(conn):
            with sqlite_timelimit(conn, limit_ms):
                return search.run(conn, query, where, filters, order, limit, offset)
        results, total = await db.execute_fn(run)
        return [{**row, "database": db.name} for row in results], total

    answers = await asyncio.gather(*(run_on(db) for db in dbs))
    total = search.MatchCount(sum(part_total for _, part_total in answers),
                              at_least=any(part_total.at_least for _, part_total in answers))
    if one_part:
        return answers[0][0], total
    if too_deep:
        notes.append(f"Results past page {MAX_MERGED_PAGE} of a search across {len(dbs)} archive parts are not "
                     "shown: add words, a site or a date range.")
        return [], total
    merged = heapq.merge(*(rows for rows, _ in answers), key=_merge_key(order), reverse=order == "date")
    return list(itertools.islice(merged, (page - 1) * page_size, page * page_size)), total
