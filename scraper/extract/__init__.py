"""Extraction: page bytes + URL in, a clean ``Article`` out.

Pure functions with no Scrapy imports, so they can be used from the crawler,
from ``govnews extract`` and from tests alike.
"""

from __future__ import annotations

from . import generic
from .article import Article, Attachment, Image
from .attachments import find_attachments
from .author import choose_author
from .blocks import content_blocks, picture_block
from .classify import FINAL_VERDICTS, TOO_LITTLE, declares_article, not_an_article
from .cleaning import assemble
from .page import Page, looks_like_html
from .refusal import ACCESS_DENIED, MAX_BLOCK_TEXT
from .profiles import profiles_for
from .published import published_at
from .sanitise import body_html


def extract(html: bytes | str, url: str, platform: str | None = None, *, with_html: bool = False) -> Article:
    """Clean the article on ``html`` fetched from ``url``.

    ``with_html`` also gives the content as sanitised HTML (``body_html``),
    which the archive does not keep (its capture keeps the page).

    ``platform`` names a profile from the site registry; without it, profiles
    are detected from the page. The first profile whose layout matches gives
    the article; if it finds none (an empty body, a layout half changed) the
    generic path tries, then the page's JSON-LD article text, and if those
    reject the page too, trafilatura gives a second opinion before the page
    is called not an article. Never raises on bad input: a page that is not
    an article gives ``is_article = False``, no invented text, and the first
    path's reason in ``extractor`` (or the first "listing" verdict, if any
    path found one), unless the page is a block page ("access-denied") or an
    app shell no path could read ("javascript-only": scraper/extract/refusal.py).
    """
    page = Page.parse(html, url)
    if page is None:
        return Article(url=url, canonical_url=url, extractor="not-html")
    first_rejection, reasons = "", set()
    for locate in (_profile_locator(page, platform), generic.locate, generic.from_linked_data, generic.second_opinion):
        if locate is generic.second_opinion and not _wants_second_opinion(page, reasons):
            break
        located = locate(page) if locate is not None else None
        if located is None:
            continue
        article = _article(page, located, with_html)
        reason = not_an_article(page, article, located.content, located.source)
        if not reason:
            if _is_block_page(page, article):
                break
            article.is_article = True
            return article
        if not first_rejection or (reason == "listing" and "listing" not in reasons):
            first_rejection = f"{article.extractor} ({reason})"  # a listing says most: navigation walks it
        reasons.add(reason)
        if reason in FINAL_VERDICTS:
            break
    refusal = page.refusal.kind if page.refusal else ""
    return Article(url=url, canonical_url=page.canonical_url, site=page.site,
                   extractor=refusal or first_rejection or "generic (no content)")


def _is_block_page(page: Page, article: Article) -> bool:
    """A short "article" that is a block page (Cloudflare's explains itself at
    some length); a long one is not judged: no block page is that long."""
    return (len(article.lead) + len(article.body) < MAX_BLOCK_TEXT and page.refusal is not None
            and page.refusal.kind == ACCESS_DENIED)


def _profile_locator(page: Page, platform: str | None):
    """The locate function of the first profile whose layout matches the page."""
    for profile in profiles_for(page, platform):
        located = profile.locate(page)
        if located is not None:
            return lambda _page: located
    return None


def _wants_second_opinion(page: Page, reasons: set[str]) -> bool:
    """trafilatura's view is asked only when the other paths found too
    little text on a page that says it is an article (og:type, JSON-LD,
    article:published_time): a listing or an empty placeholder must not
    become an article because another tool found text on it."""
    return reasons <= TOO_LITTLE and declares_article(page)


def _article(page: Page, located, with_html: bool = False) -> Article:
    """The article record from the regions a path located."""
    blocks = content_blocks(located.content, page.base_url)
    picture = picture_block(located.lead_picture, page.base_url) if located.lead_picture else None
    if picture is not None and picture.src not in {block.src for block in blocks if block.kind == "img"}:
        blocks.insert(0, picture)  # a featured image repeated in the text is one image
    parts = assemble(blocks, lead=located.lead, title=located.title)
    return Article(
        url=page.url,
        canonical_url=page.canonical_url,
        site=page.site,
        title=located.title,
        lead=parts.lead,
        body="\n\n".join(parts.paragraphs),
        author=choose_author(page, parts.author, located.author),
        published_at=published_at(page, located.date_texts),
        images=parts.images,
        attachments=find_attachments([located.content, *located.extra_regions], page.base_url),
        body_html=body_html(located.content, page.base_url) if with_html else "",
        category=located.category or page.meta.get("article:section", ""),
        source=parts.source,
        extractor=located.extractor,
    )


__all__ = ["Article", "Attachment", "Image", "extract", "looks_like_html"]
