"""The reading view of an article: ``/<database>/articles/<id>`` (templates/article.html).

It takes the place of Datasette's row page for articles (``.json`` of the
row stays Datasette's), because that page reads and renders every column of
the row whole: an article of 58 MB took the server to 830 MB. Here the text
is read cut at ``MAX_SHOWN_CHARS`` by SQLite, with a note and links to the
whole row as JSON and CSV when it is longer. Images stand among the
paragraphs where the page had them (``images.after_paragraph``); images
stored before that was recorded follow the text, as they used to.
"""

from __future__ import annotations

from datasette.utils.asgi import NotFound, Response

MAX_SHOWN_CHARS = 200_000
MAX_SHOWN_ITEMS = 500  # images or attachments listed

SHORT_FIELDS = ("id", "title", "site", "published_at", "category", "author", "source", "removed_at", "extractor",
                "first_seen_at", "last_seen_at", "last_checked_at", "url", "canonical_url")
# One character more than is shown tells whether there is more; each column
# is read once (SQLite loads a long text whole for every function applied to it).
_SELECT_ARTICLE = (
    f"SELECT {', '.join(SHORT_FIELDS)}, substr(lead, 1, :limit + 1) AS lead, substr(body, 1, :limit + 1) AS body "
    "FROM articles WHERE id = :id"
)


async def archive_of(datasette, request, table: str = "articles"):
    """The database a route names, once the visitor may read its ``table``."""
    try:
        db = datasette.get_database(route=request.url_vars["database"])
    except KeyError:
        raise NotFound("No such database")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (db.name, table)), ("view-database", db.name), "view-instance"])
    return db


def article_url(datasette, database: str, article_id: str, tail: str = "") -> str:
    """The path of an article's page (``tail``: "/history", "/v/2", ...)."""
    return f"{datasette.urls.table(database, 'articles')}/{article_id}{tail}"


def in_place(paragraphs: list[str], images: list[dict]) -> list[tuple[str, object]]:
    """("p", text) and ("image", image) in reading order: each image after the
    number of paragraphs it followed on the page; one without a place (or
    placed beyond the paragraphs shown) after the text."""
    placed: dict[int, list[dict]] = {}
    for image in images:
        place = image.get("after_paragraph")
        place = len(paragraphs) if place is None else min(place, len(paragraphs))
        placed.setdefault(place, []).append(image)
    blocks: list[tuple[str, object]] = []
    for number in range(len(paragraphs) + 1):
        blocks.extend(("image", image) for image in placed.get(number, []))
        if number < len(paragraphs):
            blocks.append(("p", paragraphs[number]))
    return blocks


def cut(text: str | None) -> tuple[str, bool]:
    """A text as read (up to one character more than is shown) -> (what is shown, whether it was cut)."""
    text = text or ""
    return (text[:MAX_SHOWN_CHARS], True) if len(text) > MAX_SHOWN_CHARS else (text, False)


def shown_paragraphs(body: str, was_cut: bool) -> list[str]:
    """The body's paragraphs; the last one ends with "…" when the body was cut."""
    paragraphs = [paragraph for paragraph in body.split("\n\n") if paragraph]
    if paragraphs and was_cut:
        paragraphs[-1] += " …"
    return paragraphs


async def article_page(datasette, request):
    db = await archive_of(datasette, request)
    article_id = request.url_vars["id"]
    found = (await db.execute(_SELECT_ARTICLE, {"id": article_id, "limit": MAX_SHOWN_CHARS})).first()
    if found is None:
        raise NotFound("No such article")
    article = dict(found)
    images = await db.execute(
        "SELECT src, alt, caption, after_paragraph FROM images WHERE article_id = ? ORDER BY position LIMIT ?",
        [article_id, MAX_SHOWN_ITEMS])
    attachments = await db.execute(
        "SELECT url, title, type FROM attachments WHERE article_id = ? ORDER BY position LIMIT ?",
        [article_id, MAX_SHOWN_ITEMS])
    capture = (await db.execute(
        "SELECT id, fetched_at FROM captures WHERE article_id = ? ORDER BY last_fetched_at DESC LIMIT 1",
        [article_id])).first()
    versions, latest = (await db.execute(
        "SELECT count(*), max(version) FROM versions WHERE article_id = ?", [article_id])).first()
    (article["lead"], lead_cut), (article["body"], body_cut) = cut(article["lead"]), cut(article["body"])
    row_url = article_url(datasette, db.name, article_id)
    return Response.html(await datasette.render_template("article.html", {
        "database": db.name, "table": "articles", "article": article,
        "blocks": in_place(shown_paragraphs(article["body"], body_cut), [dict(row) for row in images]),
        "attachments": [dict(row) for row in attachments],
        "capture": dict(capture) if capture else None,
        "capture_page": f"{datasette.urls.table(db.name, 'captures')}/{capture['id']}/page" if capture else None,
        "capture_raw": datasette.urls.row_blob(db.name, "captures", str(capture["id"]), "body") if capture else None,
        "version_count": versions,
        "history_url": article_url(datasette, db.name, article_id, "/history"),
        "cite_url": article_url(datasette, db.name, article_id, f"/v/{latest}#cite"),
        "shortened": lead_cut or body_cut, "shown_chars": MAX_SHOWN_CHARS,
        "json_url": row_url + ".json",
        "csv_url": f"{datasette.urls.table(db.name, 'articles', format='csv')}?id={article_id}&_stream=1",
        "short_fields": SHORT_FIELDS,
    }, request=request))


ROUTES = [(r"^/(?P<database>[^/.]+)/articles/(?P<id>[^/.]+)$", article_page)]
