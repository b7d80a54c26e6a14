"""The archive is published as database "archive", whatever its file's name;
the parts of a split archive are published as the archive is.

metadata.yml (tables, canned queries, dashboards) and the reading view's
template are keyed by that name: an archive in ``demo2.db`` served as
"demo2" would lose them all. When Datasette serves one database file, it is
renamed "archive" at startup.

When it serves several (``govnews serve --db archive-2023.db --db
archive-2024.db``), each keeps its name and every one with an articles table
gets metadata.yml's "archive" metadata (table search on ``articles_fts``,
facets, descriptions, canned queries) through Datasette 0.65's
``get_metadata`` hook; the dashboard stays the whole archive's.
"""

from __future__ import annotations

import copy
import weakref

from datasette import hookimpl

NAME = "archive"
_parts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Datasette -> names of its archive parts


@hookimpl
def startup(datasette):
    files = [name for name, db in datasette.databases.items() if db.path and not db.is_memory]
    if len(files) == 1 and files[0] != NAME and NAME not in datasette.databases:
        db = datasette.databases[files[0]]
        datasette.remove_database(files[0])
        datasette.add_database(db, name=NAME)

    async def find_parts():
        _parts[datasette] = [name for name, db in datasette.databases.items()
                             if name not in (NAME, "_internal") and await db.table_exists("articles")]

    return find_parts


@hookimpl
def get_metadata(datasette, key, database, table):
    parts = _parts.get(datasette)
    # Datasette's own metadata.yml, as loaded (datasette.metadata() would call this hook again)
    archive = (datasette._metadata_local.get("databases") or {}).get(NAME)
    if not parts or not archive:
        return None
    return {"databases": {name: copy.deepcopy(archive) for name in parts}}
