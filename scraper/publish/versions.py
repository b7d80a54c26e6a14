"""An article's versions: a short history, a citable page per version, a word diff.

- ``/<database>/articles/<id>/history``: one line per version (number,
  first and last seen, which fields changed from the version before), with
  links to its page and to the diff (templates/article-history.html);
- ``/<database>/articles/<id>/v/<n>``: version n as it read, with a
  suggested citation to copy (templates/article-version.html): a permalink,
  since a version never changes once a later one exists;
- ``/<database>/articles/<id>/diff?from=<n>&to=<m>``: title, lead, body,
  author and publication time of two versions, words taken out in <del> and
  put in in <ins> (worddiff.py); by default the previous version against
  the latest (templates/article-diff.html).

Texts are read cut at reading.MAX_SHOWN_CHARS, as in the reading view.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache

from datasette.utils.asgi import NotFound, Response

from ..sites import load_registry
from .reading import MAX_SHOWN_CHARS, archive_of, article_url, cut, in_place, shown_paragraphs
from .worddiff import diff_paragraphs

DIFFED_FIELDS = ("title", "lead", "body", "author", "published_at")
COMPARED_FIELDS = ("title", "lead", "body", "author", "published_at", "category", "source", "images", "attachments")
MAX_LISTED_VERSIONS = 1000


def _field(alias: str, name: str) -> str:
    """A version's field in SQL: the current version's lead and body are the article's."""
    return f"coalesce({alias}.{name}, a.{name})" if name in ("lead", "body") else f"{alias}.{name}"


# From the versions table itself: the article_versions view, joined to
# itself, would be materialised whole (every version of every article).
_HISTORY = (
    "SELECT v.version, v.first_seen_at, v.last_seen_at, c.fetched_at AS captured_at, p.version IS NULL AS first, "
    + ", ".join(f"{_field('v', name)} IS NOT {_field('p', name)} AS {name}_changed" for name in COMPARED_FIELDS)
    + " FROM versions v JOIN articles a ON a.id = v.article_id "
    "LEFT JOIN versions p ON p.article_id = v.article_id AND p.version = v.version - 1 "
    "LEFT JOIN captures c ON c.id = v.capture_id WHERE v.article_id = :id ORDER BY v.version DESC LIMIT :most"
)
_VERSION = (
    "SELECT v.version, v.first_seen_at, v.last_seen_at, v.title, substr(v.lead, 1, :limit + 1) AS lead, "
    "substr(v.body, 1, :limit + 1) AS body, v.author, v.published_at, v.category, "
    "v.source, v.images, v.attachments, c.fetched_at AS captured_at "
    "FROM article_versions v LEFT JOIN captures c ON c.id = v.capture_id WHERE v.article_id = :id AND v.version = :n"
)
_ARTICLE = ("SELECT id, title, url, site, (SELECT max(version) FROM versions WHERE article_id = :id) AS latest "
            "FROM articles WHERE id = :id")


@lru_cache(maxsize=1)
def portal_names() -> dict[str, str]:
    """Domain -> the portal's name in the site registry."""
    return {domain: site.name for site in load_registry().values() for domain in site.domains}


def _day(value: str | None) -> str:
    """'2024-01-10T08:30:00+07:00' -> '10/01/2024', as Vietnamese portals print it."""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y") if value else ""
    except ValueError:
        return value or ""


def citation(version: dict, article: dict, permalink: str, accessed: date) -> str:
    """A suggested citation of one version: portal, author, title, publication
    day, the version's permanent address with its capture time, the original
    address and the day the archive was read."""
    portal = portal_names().get(article["site"], article["site"])
    parts = [f"{portal} ({article['site']})."]
    if version["author"]:
        parts.append(f"{version['author']}.")
    parts.append(f"“{version['title']}”.")
    if version["published_at"]:
        parts.append(f"Published {_day(version['published_at'])}.")
    captured = version["captured_at"] or version["first_seen_at"]
    parts.append(f"Archived copy, version {version['version']}, captured {captured.replace('T', ' ')}: {permalink}.")
    parts.append(f"Original address: {article['url']}.")
    parts.append(f"Accessed {accessed.isoformat()}.")
    return " ".join(parts)


async def _article(db, article_id: str) -> dict:
    found = (await db.execute(_ARTICLE, {"id": article_id})).first()
    if found is None:
        raise NotFound("No such article")
    return dict(found)


async def _version(db, article_id: str, number) -> dict:
    found = (await db.execute(_VERSION, {"id": article_id, "n": number, "limit": MAX_SHOWN_CHARS})).first()
    if found is None:
        raise NotFound(f"This article has no version {number}")
    version = dict(found)
    (version["lead"], lead_cut), (version["body"], body_cut) = cut(version["lead"]), cut(version["body"])
    version["cut"], version["body_cut"] = lead_cut or body_cut, body_cut
    return version


def _changes(row: dict) -> list[str]:
    """What a version changed from the one before, in words."""
    if row["first"]:
        return ["first version"]
    return [name.replace("_", " ") for name in COMPARED_FIELDS if row[f"{name}_changed"]]


async def _asked_article(datasette, request):
    """(database, article id, article, the article's path) of the article a route names; 404 if none."""
    db = await archive_of(datasette, request)
    article_id = request.url_vars["id"]
    return db, article_id, await _article(db, article_id), article_url(datasette, db.name, article_id)


def _diff_url(base: str, number: int) -> str:
    """The diff of version ``number`` against the one before it."""
    return f"{base}/diff?from={number - 1}&to={number}"


async def history_page(datasette, request):
    db, article_id, article, base = await _asked_article(datasette, request)
    rows = [dict(row) for row in (await db.execute(_HISTORY, {"id": article_id, "most": MAX_LISTED_VERSIONS})).rows]
    return Response.html(await datasette.render_template("article-history.html", {
        "database": db.name, "article": article, "article_url": base,
        "versions": [{**row, "changes": _changes(row), "url": f"{base}/v/{row['version']}",
                      "diff_url": None if row["first"] else _diff_url(base, row["version"])}
                     for row in rows],
    }, request=request))


async def version_page(datasette, request):
    db, article_id, article, base = await _asked_article(datasette, request)
    version = await _version(db, article_id, int(request.url_vars["n"]))
    permalink = datasette.absolute_url(request, f"{base}/v/{version['version']}")
    images = json.loads(version["images"] or "[]")
    return Response.html(await datasette.render_template("article-version.html", {
        "database": db.name, "article": article, "version": version, "article_url": base,
        "history_url": f"{base}/history",
        "blocks": in_place(shown_paragraphs(version["body"], version["body_cut"]), images),
        "shortened": version["cut"], "shown_chars": MAX_SHOWN_CHARS,
        "attachments": json.loads(version["attachments"] or "[]"),
        "diff_url": _diff_url(base, version["version"]) if version["version"] > 1 else None,
        "permalink": permalink, "citation": citation(version, article, permalink, date.today()),
    }, request=request))


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        raise NotFound(f"Not a version number: {value!r}")


async def diff_page(datasette, request):
    db, article_id, article, base = await _asked_article(datasette, request)
    latest = article["latest"] or 1
    new_number = _number(request.args.get("to"), latest)
    old_number = _number(request.args.get("from"), max(new_number - 1, 1))
    old, new = await _version(db, article_id, old_number), await _version(db, article_id, new_number)
    fields = [{"name": name, "paragraphs": diff_paragraphs(old[name], new[name])} for name in DIFFED_FIELDS]
    return Response.html(await datasette.render_template("article-diff.html", {
        "database": db.name, "article": article, "article_url": base, "history_url": f"{base}/history",
        "old": old, "new": new, "fields": fields, "numbers": list(range(1, latest + 1)),
        "old_url": f"{base}/v/{old_number}", "new_url": f"{base}/v/{new_number}",
        "shortened": old["cut"] or new["cut"],
        "shown_chars": MAX_SHOWN_CHARS,
    }, request=request))


ROUTES = [
    (r"^/(?P<database>[^/.]+)/articles/(?P<id>[^/.]+)/history$", history_page),
    (r"^/(?P<database>[^/.]+)/articles/(?P<id>[^/.]+)/v/(?P<n>\d{1,9})$", version_page),
    (r"^/(?P<database>[^/.]+)/articles/(?P<id>[^/.]+)/diff$", diff_page),
]
