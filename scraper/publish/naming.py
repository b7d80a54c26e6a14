"""The archive is published as database "archive", whatever its file's name.

metadata.yml (tables, canned queries, dashboards) and the reading view's
template are keyed by that name: an archive in ``demo2.db`` served as
"demo2" would lose them all. When Datasette serves one database file, it is
renamed "archive" at startup.
"""

from __future__ import annotations

from datasette import hookimpl

NAME = "archive"


@hookimpl
def startup(datasette):
    files = [name for name, db in datasette.databases.items() if db.path and not db.is_memory]
    if len(files) == 1 and files[0] != NAME and NAME not in datasette.databases:
        db = datasette.databases[files[0]]
        datasette.remove_database(files[0])
        datasette.add_database(db, name=NAME)
