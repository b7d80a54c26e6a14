"""National-portal style (chinhphu.vn, baochinhphu.vn and ministries alike)."""

from __future__ import annotations

import re

from .base import Layout, Profile


class National(Profile):
    name = "national"
    markers = (".detail-content", ".detail-title")
    url_pattern = re.compile(r"-\d{15,20}\.htm$")
    layouts = (
        Layout(
            version="1",
            title=("h1.detail-title", ".detail-title"),
            content=(".detail-content", ".detail-cmain"),
            lead=(".detail-sapo", ".detail__sapo", ".sapo"),
            date=(".detail-time", ".detail__time", ".publish-date"),
            author=(".detail-author", ".author-info .name", ".detail__author"),
            category=(".detail-cate a", ".breadcrumb a", ".breadcrumbs a"),
            drop=(".detail-tab", ".detail-relate", ".detail-share", ".related-news", "[type='RelatedNewsBox']"),
        ),
    )
