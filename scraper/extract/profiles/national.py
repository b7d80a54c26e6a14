"""National-portal style (chinhphu.vn, baochinhphu.vn and ministries alike)."""

from __future__ import annotations

import re

from .base import Layout, Profile


class National(Profile):
    name = "national"
    markers = (".detail-content", ".detail-title")
    url_pattern = re.compile(r"-\d{15,20}\.htm$")
    layouts = (
        # The markup public crawlers of baochinhphu.vn, vpcp and hanoi.gov.vn
        # read (research file §3.4): the body is ".detail-content.afcbc-body",
        # its related boxes ".kbwscwlrl" and "VCSortableInPreviewMode" blocks.
        Layout(
            version="1",
            title=("h1.detail-title", ".detail-title"),
            content=(".detail-content.afcbc-body", ".detail-content", ".detail-cmain"),
            lead=("h2.detail-sapo", ".detail-sapo", ".detail__sapo", ".sapo"),
            date=("div.publishDate", ".detail-time", ".detail__time", ".publish-date"),
            author=(".detail-author", ".author-info .name", ".detail__author"),
            category=("[data-role='cate-name']", ".detail-cate a", ".breadcrumb a", ".breadcrumbs a"),
            drop=(".detail-tab", ".detail-relate", ".detail-share", ".related-news", "[type='RelatedNewsBox']",
                  ".kbwscwlrl", ".detail-tag-list"),
        ),
    )
