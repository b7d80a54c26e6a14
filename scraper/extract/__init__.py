"""Extraction: page bytes + URL in, a clean ``Article`` out.

Pure functions with no Scrapy imports, so they can be used from the crawler,
from ``govnews extract`` and from tests alike.
"""

from __future__ import annotations

from . import generic
from .article import Article, Attachment, Image
from .attachments import find_attachments
from .blocks import content_blocks
from .classify import not_an_article
from .cleaning import assemble
from .page import Page, looks_like_html
from .profiles import profiles_for
from .published import published_at
from .sanitise import body_html


def extract(html: bytes | str, url: str, platform: str | None = None) -> Article:
    """Clean the article on ``html`` fetched from ``url``.

    ``platform`` names a profile from the site registry; without it, profiles
    are detected from the page, and the generic path is used when no
    profile's layout matches. Never raises on bad input: a page that is not
    an article gives ``is_article = False`` and no invented text.
    """
    page = Page.parse(html, url)
    if page is None:
        return Article(url=url, canonical_url=url, extractor="not-html")
    located = None
    for profile in profiles_for(page, platform):
        located = profile.locate(page)
        if located is not None:
            break
    else:
        located = generic.locate(page)
    if located is None:
        return Article(url=url, canonical_url=page.canonical_url, site=page.site, extractor="generic")
    parts = assemble(content_blocks(located.content, page.base_url), lead=located.lead, title=located.title)
    article = Article(
        url=url,
        canonical_url=page.canonical_url,
        site=page.site,
        title=located.title,
        lead=parts.lead,
        body="\n\n".join(parts.paragraphs),
        author=parts.author or located.author,
        published_at=published_at(page, located.date_texts),
        images=parts.images,
        attachments=find_attachments([located.content, *located.extra_regions], page.base_url),
        body_html=body_html(located.content, page.base_url),
        category=located.category or page.meta.get("article:section", ""),
        source=parts.source,
        extractor=located.extractor,
    )
    reason = not_an_article(page, article, located.content)
    if reason:
        return Article(url=url, canonical_url=article.canonical_url, site=article.site,
                       extractor=f"{article.extractor} ({reason})")
    article.is_article = True
    return article


__all__ = ["Article", "Attachment", "Image", "extract", "looks_like_html"]
