"""Extraction: page bytes + URL in, a clean ``Article`` out.

Pure functions with no Scrapy imports, so they can be used from the crawler,
from ``govnews extract`` and ``govnews reextract``, and from tests alike.
"""

from __future__ import annotations

from . import generic
from .article import Article, Image
from .blocks import content_blocks
from .cleaning import assemble
from .page import Page, looks_like_html
from .profiles import profile_for
from .published import published_at
from .vietnamese import clean_text

MIN_BODY_CHARS = 80


def extract(html: bytes | str, url: str, platform: str | None = None) -> Article:
    """Clean the article on ``html`` fetched from ``url``.

    ``platform`` names a profile from the site registry; without it the
    profile is detected from the page, and the generic path is used when no
    profile's layout matches. Never raises on bad input: a page that is not
    an article gives ``is_article = False``.
    """
    page = Page.parse(html, url)
    if page is None:
        return Article(url=url, canonical_url=url, extractor="not-html")
    profile = profile_for(page, platform)
    located = profile.locate(page) if profile else None
    if located is None:
        located = generic.locate(page)
    if located is None:
        return Article(url=url, canonical_url=page.canonical_url, site=page.site, extractor="generic")
    parts = assemble(content_blocks(located.content, page.url), lead=located.lead, title=located.title)
    if located.author:
        parts.author = located.author
    body = "\n\n".join(parts.paragraphs)
    return Article(
        url=url,
        canonical_url=page.canonical_url,
        site=page.site,
        title=located.title,
        lead=parts.lead,
        body=body,
        author=parts.author,
        published_at=published_at(page, located.date_text, located.title),
        images=parts.images,
        category=located.category or page.meta.get("article:section", ""),
        source=parts.source,
        is_article=bool(located.title) and len(body) >= MIN_BODY_CHARS,
        extractor=located.extractor,
    )


__all__ = ["Article", "Image", "extract", "looks_like_html", "clean_text"]
