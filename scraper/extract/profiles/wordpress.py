"""WordPress sites: the entry-content theme convention."""

from __future__ import annotations

import re

from .base import Layout, Profile


class WordPress(Profile):
    name = "wordpress"
    generator = re.compile(r"wordpress", re.I)
    markers = ("article.post .entry-content", "body.single-post", "link[href*='/wp-content/']")
    url_pattern = re.compile(r"/\d{4}/\d{2}/\d{2}/[^/]+/?$")
    layouts = (
        Layout(
            version="6",
            title=("article h1.entry-title", "h1.entry-title", ".entry-header h1", "h1.post-title"),
            content=("article .entry-content", ".entry-content", ".post-content", ".td-post-content", ".single-content"),
            lead=(".entry-summary", ".post-excerpt", ".sapo"),
            date=("article time.entry-date", "time.entry-date", ".entry-meta time", ".posted-on time", ".entry-date"),
            author=(".entry-meta .author .fn", ".byline .author"),
            category=(".breadcrumb a", ".breadcrumbs a", ".cat-links a", "a[rel~='category']"),
            drop=(".sharedaddy", ".jp-relatedposts", ".addtoany_share_save_container", ".post-tags", ".entry-footer"),
        ),
    )
