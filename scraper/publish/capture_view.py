"""A stored capture as a page to read: ``/<database>/captures/<id>/page``.

The capture (scraper/archive/captures.py) is the page as the portal served
it, gzip-compressed; Datasette offers it only as a download. Here it is
decompressed (at most ``MAX_PAGE_BYTES``), decoded like extraction decodes,
its links and images made absolute (so images load from the original
addresses) and sanitised with nh3: no script, style, event handler, frame,
form or embedded object is left (a form's tag goes, its content stays: an
ASP.NET portal holds its whole page in one form), and a Content-Security-Policy forbids
scripts besides. A banner says what the page is: the address, when it was
fetched, its SHA-256. The page stands alone (templates/capture.html), without
Datasette's own scripts.
"""

from __future__ import annotations

import zlib
from urllib.parse import urljoin

import lxml.html
import nh3
from datasette.utils.asgi import NotFound, Response

from ..extract.blocks import image_source
from ..extract.decoding import decode_html
from .reading import archive_of

MAX_PAGE_BYTES = 5 * 1024 * 1024
CAPTURE_TAGS = (nh3.ALLOWED_TAGS | {"figure", "figcaption", "section", "article", "header", "footer", "nav",
                                    "main", "aside", "time"}) - {"iframe", "form", "input", "button", "select",
                                                                 "textarea", "object", "embed"}
CAPTURE_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                      "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
REMOVED_WITH_CONTENT = {"script", "style", "noscript", "template", "select", "textarea", "button", "iframe",
                        "object", "embed", "svg", "title"}
SECURITY_POLICY = ("default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; script-src 'none'; "
                   "frame-src 'none'; form-action 'none'; base-uri 'none'")


def inflate(compressed: bytes, limit: int = MAX_PAGE_BYTES) -> tuple[bytes, bool]:
    """(the page's bytes, at most ``limit`` of them; whether there were more)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    page = inflater.decompress(compressed, limit)
    return page, bool(inflater.unconsumed_tail)


def readable_html(page: bytes, url: str, content_type: str = "") -> str:
    """The page's body as safe HTML whose links and images point to absolute addresses."""
    document = lxml.html.document_fromstring(decode_html(page, content_type) or "<html></html>")
    document.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    for img in document.iter("img"):
        source = image_source(img)
        if source and not source.startswith("data:"):
            img.set("src", urljoin(url, source))
    body = document.find("body")
    return nh3.clean(
        lxml.html.tostring(body if body is not None else document, encoding="unicode"),
        tags=CAPTURE_TAGS, clean_content_tags=REMOVED_WITH_CONTENT, attributes=CAPTURE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"}, link_rel="nofollow noopener noreferrer",
    )


async def capture_page(datasette, request):
    db = await archive_of(datasette, request, "captures")
    found = (await db.execute(
        "SELECT id, url, site, article_id, fetched_at, last_fetched_at, status, content_type, sha256, "
        "length(body) AS stored_bytes, body FROM captures WHERE id = ?", [request.url_vars["id"]])).first()
    if found is None:
        raise NotFound("No such capture")
    capture = dict(found)
    page, cut = inflate(capture.pop("body"))
    html = readable_html(page, capture["url"], capture["content_type"] or "")
    captures = datasette.urls.table(db.name, "captures")
    return Response.html(await datasette.render_template("capture.html", {
        "capture": capture, "content": html, "cut": cut, "max_bytes": MAX_PAGE_BYTES, "page_bytes": len(page),
        "raw_url": datasette.urls.row_blob(db.name, "captures", str(capture["id"]), "body"),
        "record_url": f"{captures}/{capture['id']}",
        "article_url": f"{datasette.urls.table(db.name, 'articles')}/{capture['article_id']}"
        if capture["article_id"] else None,
    }, request=request), headers={"Content-Security-Policy": SECURITY_POLICY, "Referrer-Policy": "no-referrer"})


ROUTES = [(r"^/(?P<database>[^/.]+)/captures/(?P<id>\d{1,18})/page$", capture_page)]
