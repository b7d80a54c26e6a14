"""Table pages a researcher can read: the archive's stylesheet, and what the columns mean folded away.

Datasette 0.65 prints every column description of a table above its search
box (20 of them on articles, so the box sat below the first screen). Here
the table page gets its metadata without them, and templates/_table.html
shows them in a folded ``<details>`` just above the rows. Long text cells
are cut by Datasette's own ``truncate_cells_html`` setting (``govnews
serve`` sets it); static/archive.css gives text columns room to read.
"""

from __future__ import annotations

from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response

STYLESHEET = Path(__file__).parent / "static" / "archive.css"
STYLESHEET_PATH = "/-/govnews/archive.css"


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path(STYLESHEET_PATH)]


async def stylesheet():
    return Response(STYLESHEET.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8",
                    headers={"Cache-Control": "max-age=3600"})


@hookimpl
def register_routes():
    return [(rf"^{STYLESHEET_PATH.replace('.', '[.]')}$", stylesheet)]


@hookimpl
def extra_template_vars(view_name, database, table, datasette):
    """On a table page: the metadata Datasette shows, less the column descriptions, which come folded."""
    if view_name != "table" or not table:
        return {}
    metadata = dict(datasette.table_metadata(database, table))
    descriptions = metadata.pop("columns", None) or {}
    datasette.update_with_inherited_metadata(metadata)  # source and licence, as Datasette's table page adds them
    return {"metadata": metadata, "column_descriptions": descriptions}
