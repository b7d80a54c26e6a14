"""SharePoint portals: publishing pages with rich-text fields in web part zones."""

from __future__ import annotations

import re

from .base import Layout, Profile


class SharePoint(Profile):
    name = "sharepoint"
    generator = re.compile(r"sharepoint", re.I)
    markers = (".ms-rtestate-field", ".ms-webpart-zone", "[id^='MSOZoneCell_WebPart']", "[class*='tandan-']")
    url_pattern = re.compile(r"/(?:Pages|Trang)/[^/]+\.aspx", re.I)
    layouts = (
        # Tân Dân's provincial portals (Điện Biên, Thanh Hóa): "tandan-" classes
        # seen in public crawlers of the real sites (docs: research file §3.3).
        Layout(
            version="tandan",
            title=(".tandan-p-article-news-title", ".tandan-div-article h1"),
            content=(".tandan-p-article-main", ".tandan-div-article-detail .article-content", ".tandan-div-article-content"),
            lead=(".tandan-p-article-news-summary",),
            date=(".tandan-span-date-publish",),
            author=(".tandan-div-article-author b", ".tandan-div-article-author", ".tandan-p-article-author"),
            category=(".tandan-div-breadcrumb a",),
            drop=(".tandan-div-article-tools",),
        ),
        Layout(
            version="2013",
            title=(".ms-webpart-zone h1", "h1.news-title", "h1.title", ".news-detail h1", "#pageTitle", "h1"),
            content=(".news-detail .ms-rtestate-field", ".ms-rtestate-field.content", ".news-content .ms-rtestate-field",
                     "div[id$='RichHtmlField_displayContent']", ".ms-rtestate-field"),
            lead=(".news-summary", ".sapo", ".summary", ".news-detail .lead", "div[id$='SummaryField']"),
            date=(".news-date", ".date", ".news-detail .time", ".publish-date", "span[id$='lblDate']"),
            author=(".news-author", ".author"),
            category=(".breadcrumb a", ".ms-breadcrumb a", "#breadcrumb a"),
        ),
    )
    largest_content = True  # several rich-text fields: the article is the longest
