"""VNPT vnPortal, the platform of sonla.gov.vn and many provincial portals.

Selectors are best guesses from the platform's public pages; when none of
them match, extraction falls back to the generic path and says so in
``Article.extractor``.
"""

from __future__ import annotations

import re

from .base import Layout, Profile


class VnPortal(Profile):
    name = "vnportal"
    generator = re.compile(r"vnportal|vnpt", re.I)
    markers = (".news-detail", ".content-news", ".title-news", "div.ArticleContent", "div[id*='ArticleDetail']")
    layouts = (
        Layout(
            version="2",
            title=("h1.news-title", ".news-detail h1", "h1.title-detail"),
            content=(".news-detail .news-content", "#news-content", ".news-detail .content-detail"),
            lead=(".news-detail .news-sapo", ".news-sapo", ".news-detail .sapo", ".sapo-detail"),
            date=(".news-detail .news-date", ".news-date", ".news-detail .date-time", ".date-detail"),
            category=(".breadcrumb a", ".breadcrumbs a"),
            drop=(".news-tools", ".related-news", ".other-news", ".tools"),
        ),
        Layout(
            version="3",
            title=(".news-content .title-news", ".title-news"),
            content=(".news-content .content-news", ".content-news"),
            lead=(".news-content .sapo", ".sapo-news"),
            date=(".news-content .date-news", ".date-news"),
            category=(".breadcrumb a",),
            drop=(".tool-news", ".same-news", ".other-news"),
        ),
        # The skin public crawlers of sonla.gov.vn and cantho.gov.vn read
        # (.ArticleHeader, .PostDate, .ArticleSummary, .ArticleContent).
        Layout(
            version="1",
            title=(".ArticleTitle", ".ArticleHeader h1", ".ArticleHeader", "h1.title"),
            content=("div.ArticleContent", ".ArticleDetail .Content"),
            lead=(".ArticleSummary", ".ArticleLead"),
            date=(".PostDate", ".ArticleDate", ".PublishDate"),
            category=(".BreadCrumb a", ".breadcrumb a"),
            drop=(".ArticleTools", ".ArticleList", ".ArticleInMenu"),
        ),
    )
