"""SharePoint portals: publishing pages with rich-text fields in web part zones."""

from __future__ import annotations

import re

from .base import Layout, Profile


class SharePoint(Profile):
    name = "sharepoint"
    generator = re.compile(r"sharepoint", re.I)
    markers = (".ms-rtestate-field", ".ms-webpart-zone", "[id^='MSOZoneCell_WebPart']")
    url_pattern = re.compile(r"/(?:Pages|Trang)/[^/]+\.aspx", re.I)
    layouts = (
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
